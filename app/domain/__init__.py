"""Pure value types and validators: no Qt, no SQL."""
