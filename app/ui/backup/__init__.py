"""Backups in the GUI: restore dialog, start-up integrity check, retention purge."""
