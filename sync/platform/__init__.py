"""The reference city exchange platform: FastAPI + SQLAlchemy, SQLite by default, PostgreSQL by URL.

Entry points: :func:`sync.platform.app.create_app` (the ASGI app), :class:`sync.platform.db.PlatformDB`,
the admin functions in :mod:`sync.platform.admin`, and ``python -m sync.platform`` (:mod:`.cli`).
It shares the survey validator and the rating rules with the field client (``app.survey``,
``app.rating``, ``app.domain``) and never imports the client's UI, store or services.
"""
