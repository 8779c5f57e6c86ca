"""Sync with the city exchange platform: the shared wire protocol, the HTTP client, the platform.

- :mod:`sync.protocol`: the wire schemas (pydantic) and versions that client and platform share.
- :mod:`sync.client`: :class:`~sync.client.PlatformClient`, the push/pull client over ``requests``.
- :mod:`sync.platform`: the reference exchange platform (FastAPI + SQLAlchemy).
"""
