"""The workflow window: appraisal, public notice, objections and confirmation of one village."""
