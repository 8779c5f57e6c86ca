"""The cooperative list."""
