"""Protecting personal credit data: passwords, lockout, roles, the audit chain, keys, backups.

Pure Python: no Qt and no SQL. The store and the services call these functions; nothing
here reads the database or the clock by itself (``now`` is always passed in).
"""
