"""Alembic environment: migrations always run on a connection the app hands in."""
from __future__ import annotations

from alembic import context

from app.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True)  # SQLite alters tables by copy
with context.begin_transaction():
    context.run_migrations()
