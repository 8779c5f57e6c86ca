"""The one validator of collected records: the GUI, the Excel import and the platform call it.

``validate_record`` says what is wrong (errors refuse a save, warnings ask to check);
``normalize_record`` gives the canonical data-standard JSON that is stored and synced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Collection, Mapping

from app.domain.problems import Problem
from app.survey.form_model import FormDefinition
from app.survey.normalize import computed_values, normalize_record, searchable_fields
from app.survey.reading import read_record
from app.survey.record_paths import get_path
from app.survey.rules import (consent_problems, duplicate_id_problems, envelope_problems,
                              key_problems, override_problems, region_problems)

__all__ = ["ValidationReport", "computed_values", "normalize_record", "searchable_fields",
           "validate_record"]


@dataclass(frozen=True)
class ValidationReport:
    """Every problem found in one record, errors and warnings, in questionnaire order."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that refuse a save."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems the collector should check but that do not refuse a save."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """Whether the record may be saved (no errors; warnings allowed)."""
        return not self.errors

    def for_field(self, path: str) -> list[Problem]:
        """Problems of one field path, e.g. ``members[1].id_number``."""
        return [p for p in self.problems if p.field == path]


def validate_record(record: Mapping[str, object], form: FormDefinition, *, today: date,
                    known_region_codes: Collection[str] = ()) -> ValidationReport:
    """Check ``record`` (data-standard JSON, or the GUI's raw answers) against ``form``.

    ``today`` bounds dates and birth dates from above. ``known_region_codes`` (6-digit county
    codes) turns unknown ID-number regions into warnings; empty means "do not check".
    """
    reading = read_record(record, form, today)
    signed = get_path(reading.values, "consent.signed") is True
    problems = [*envelope_problems(record, form), *key_problems(record, form),
                *consent_problems(record, form, signed), *override_problems(record, form),
                *reading.problems, *duplicate_id_problems(reading.values, form),
                *region_problems(reading.values, form, known_region_codes)]
    order = {path: index for index, path in enumerate(_paths_in_order(form))}
    problems.sort(key=lambda p: order.get(_base_path(p.field), -1))
    return ValidationReport(problems)


def _paths_in_order(form: FormDefinition) -> list[str]:
    paths: list[str] = []
    for item in form.items():
        paths.append(item.path)
        paths.extend(f.path for f in getattr(item, "fields", ()))
    return paths


def _base_path(path: str) -> str:
    """``members[1].id_number`` -> ``members.id_number`` (the questionnaire path)."""
    head, _, rest = path.partition("[")
    return f"{head}.{rest.split('].', 1)[1]}" if "]." in rest else head
