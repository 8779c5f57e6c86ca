"""The audit trail viewer (administrators and supervisors)."""
