"""The client side of sync (no Qt): push the outbox, pull the platform's changes, the review queue.

Modules: :mod:`.service` (use cases for the CLI and GUI: ``enrol``, ``sync_now``,
``sync_status``, ``open_reviews``, ``resolve``), :mod:`.push`, :mod:`.pull`, :mod:`.apply`,
:mod:`.review`, :mod:`.events` (``events_for``, for ratings), :mod:`.retry`, :mod:`.state`.
Unlike the platform and the wire client, this package belongs to the field app and uses its
store and record service. Nothing is imported here, so that ``sync.engine.events`` can be
imported from a service without pulling in the rest.
"""
