"""The three ways rating refuses: a bad scheme, a bad record, an adjustment out of bounds."""
from __future__ import annotations


class SchemeError(ValueError):
    """A scheme file that cannot be used; the message names the file, the indicator and the fault."""


class RecordError(ValueError):
    """A record whose value cannot be read (a field that is there but wrong, not one that is absent).

    ``field`` is the data-standard path (``loans[1].balance``); ``index`` is the record's
    position in a batch, filled in by :mod:`app.rating.batch`.
    """

    def __init__(self, message: str, *, field: str, index: int | None = None):
        super().__init__(message)
        self.field = field
        self.index = index


class AdjustmentError(ValueError):
    """An appraisal adjustment that the scheme does not allow."""
