"""Problems found in data, with Chinese messages that the UI can still translate.

Messages are written in Chinese, the default language, as templates with named
placeholders. The layers below the UI have no Qt, so they mark templates with
``QT_TRANSLATE_NOOP`` (which ``pyside6-lupdate`` collects by name); the UI shows
``QCoreApplication.translate(CONTEXT, problem.template).format(**problem.params)``
and the CLI prints ``problem.message``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

CONTEXT = "problems"
Severity = Literal["error", "warning"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


@dataclass(frozen=True)
class Problem:
    """One fault in one field: ``field`` is a data-standard path such as ``members[2].id_number``."""

    field: str
    code: str
    template: str
    params: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """The Chinese message, placeholders filled."""
        return self.template.format(**self.params)


class DomainError(ValueError):
    """A value refused by a validator; carries the :class:`Problem` that explains it."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem
