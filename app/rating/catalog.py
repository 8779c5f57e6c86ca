"""What a scheme may name as an input: data-standard fields and derived values, by record type."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from app.rating.derived import DERIVED_BY_TYPE, DerivedSpec
from app.rating.fields import FIELDS_BY_TYPE, FieldSpec

# How a field's kind is seen by rules: which rule can use it and how its value is shown.
_RULE_KIND = {"money": "money", "signed_money": "money", "int": "int", "bool": "bool",
              "enum": "enum", "honours": "events", "penalties": "events"}
NUMERIC = frozenset({"money", "int", "ratio", "area"})


@dataclass(frozen=True)
class InputInfo:
    """An input as rules see it: ``kind`` is money/int/ratio/area/bool/enum/events/other."""

    name: str
    label: str
    kind: str
    codes: Mapping[str, str]
    may_be_undefined: bool


class Catalog:
    """The inputs of one record type."""

    def __init__(self, record_type: str):
        self.record_type = record_type
        self.fields: Mapping[str, FieldSpec] = FIELDS_BY_TYPE[record_type]
        self.derived: Mapping[str, DerivedSpec] = DERIVED_BY_TYPE[record_type]

    def names(self) -> list[str]:
        return [*self.fields, *self.derived]

    def info(self, name: str) -> InputInfo | None:
        """What ``name`` is, or None if it is neither a field nor a derived value."""
        spec = self.fields.get(name)
        if spec is not None:
            return InputInfo(name, spec.label, _RULE_KIND.get(spec.kind, "other"), spec.codes, False)
        derived = self.derived.get(name)
        if derived is not None:
            return InputInfo(name, derived.label, derived.kind, {}, derived.may_be_undefined)
        return None

    def kind_of(self, name: str) -> str:
        """The rule kind of a known input (see :class:`InputInfo`)."""
        info = self.info(name)
        assert info is not None, name
        return info.kind

    def source_fields(self, name: str) -> tuple[str, ...]:
        """The record fields a value comes from (to name them when they are missing)."""
        if name in self.fields:
            return (name,)
        found: list[str] = []
        for need in self.derived[name].needs:
            found += [f for f in self.source_fields(need) if f not in found]
        return tuple(found)

    def required_fields(self, name: str) -> tuple[str, ...]:
        """Like :meth:`source_fields` without optional fields (whose absence reads as 0/false)."""
        return tuple(f for f in self.source_fields(name) if not self.fields[f].optional)
