"""Use cases: the only API that the UI and the CLI call."""
