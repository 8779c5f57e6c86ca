"""Orders one editor's draft writes, which come from worker threads and from closing.

Every snapshot gets a rising number; a write older than the last one written is dropped, so a
slow autosave never overwrites newer answers. After a successful save the writer is retired
and late autosaves write nothing (the save deleted the draft in its own transaction).
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Mapping

from app.services.accounts import Workspace
from app.services.drafts import save_draft
from app.store.models import new_id


class DraftWriter:
    """Writes the drafts of one editor under one draft id (chosen up front)."""

    def __init__(self, ws: Workspace, record_type: str, form_id: str, form_version: int,
                 record_id: str | None, draft_id: str | None = None):
        self.ws = ws
        self.record_type, self.form_id, self.form_version = record_type, form_id, form_version
        self.record_id = record_id
        self.draft_id = draft_id or new_id()
        self._lock = threading.Lock()
        self._written = 0
        self._retired = False

    def write(self, number: int, data: Mapping[str, Any]) -> bool:
        """Write snapshot ``number`` unless a newer one is written or the writer is retired."""
        with self._lock:
            if self._retired or number <= self._written:
                return False
            self.draft_id = save_draft(self.ws, self.record_type, data, form_id=self.form_id,
                                       form_version=self.form_version, record_id=self.record_id,
                                       draft_id=self.draft_id)
            self._written = number
            return True

    def then_save(self, number: int, data: Mapping[str, Any], save: Callable[[str], Any]) -> Any:
        """Write the draft, then ``save(draft_id)``; retire only if the save succeeds.

        Held under the lock, so no autosave slips in between; a failed save leaves the draft
        with exactly what was being saved.
        """
        with self._lock:
            if number > self._written:
                self.draft_id = save_draft(self.ws, self.record_type, data, form_id=self.form_id,
                                           form_version=self.form_version, record_id=self.record_id,
                                           draft_id=self.draft_id)
                self._written = number
            result = save(self.draft_id)
            self._retired = True
            return result

    @property
    def retired(self) -> bool:
        return self._retired
