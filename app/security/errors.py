"""Exceptions of the security layer, each carrying a :class:`Problem` for the user.

They are not :class:`DomainError` (a ``ValueError``): a refused permission, a wrong
password or a damaged backup is not a bad value typed into a form. Each carries a
``Problem`` all the same, so the UI translates ``problem.template`` in
``app.domain.problems.CONTEXT`` and fills it, as it does for validation problems.
"""
from __future__ import annotations

from app.domain.problems import Problem


class SecurityError(Exception):
    """Base class: ``str(error)`` is the Chinese message, ``error.problem`` the translatable one."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem

    @property
    def code(self) -> str:
        """The machine-readable reason, e.g. ``"backup.truncated"``."""
        return self.problem.code


def make_problem(field: str, code: str, template: str, **params: object) -> Problem:
    """A :class:`Problem` with keyword parameters (shorthand used across this package)."""
    return Problem(field=field, code=code, template=template, params=params)
