"""Questionnaires from ``forms/`` and the one validator of collected records (no Qt).

Public API: :mod:`app.survey.definition` (``load_form``, ``load_form_for``, ``list_forms``,
``FormDefinition`` ...) and :mod:`app.survey.validate` (``validate_record``,
``normalize_record``, ``computed_values``, ``searchable_fields``, ``ValidationReport``).
"""
