"""First set-up, login, the idle screen lock and password changes."""
