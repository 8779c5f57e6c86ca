"""The local store: SQLAlchemy models over SQLite, migrations, one session per use case."""
