"""The typed shape of a questionnaire: form, sections, fields, repeat groups, choices.

Field names are data-standard names. A field of the top level is named by its path in the
record (``head_name``, or ``consent.signed`` for a member of the ``consent`` object); a field of a
repeat group is named inside its item (``relation``) and its :attr:`Field.path` is
``members.relation``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterator, Literal, Union

from app.survey.expressions import Expression

FIELD_TYPES = ("text", "integer", "decimal", "money", "area", "date", "single_choice",
               "multiple_choice", "boolean", "id_number", "credit_code", "phone", "uuid",
               "uuid_list")
NUMERIC_TYPES = ("integer", "decimal", "money", "area")
SENSITIVITIES = ("identity", "economic", "social")
RECORD_TYPES = ("household", "cooperative")
Sensitivity = Literal["identity", "economic", "social"]


class FormError(ValueError):
    """A questionnaire definition refused at load: ``"file: field: fault"``."""

    def __init__(self, source: Path | str, field_name: str, template: str, **params: object):
        self.source = str(source)
        self.field = field_name
        self.template = template
        self.params = params
        self.fault = template.format(**params)
        super().__init__(f"{self.source}: {field_name}: {self.fault}")


@dataclass(frozen=True)
class Choice:
    """One option of a choice field: the data-standard code and its Chinese label."""

    code: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Field:
    """One question (or one computed value, when :attr:`compute` is set)."""

    name: str
    type: str
    label: str
    section: str
    sensitivity: Sensitivity
    help: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    warn_minimum: Decimal | None = None
    warn_maximum: Decimal | None = None
    pattern: str | None = None
    max_length: int | None = None
    unit: str = ""
    allow_negative: bool = False
    allow_future: bool = False
    relevant: Expression | None = None
    compute: Expression | None = None
    group: str | None = None
    #: The answer stored when the question is skipped (``overdue_days`` of a repaid loan is 0);
    #: ``None`` drops a skipped answer.
    skipped_value: object = None

    @property
    def path(self) -> str:
        """The dotted data-standard path: ``members.relation`` inside a group, else the name."""
        return f"{self.group}.{self.name}" if self.group else self.name

    @property
    def computed(self) -> bool:
        """Whether the value is computed from other answers rather than asked."""
        return self.compute is not None

    @property
    def choice_codes(self) -> frozenset[str]:
        """The codes of :attr:`choices`."""
        return frozenset(choice.code for choice in self.choices)

    def choice_label(self, code: str) -> str:
        """The Chinese label of ``code`` (the code itself if unknown)."""
        return next((choice.label for choice in self.choices if choice.code == code), code)


@dataclass(frozen=True)
class RepeatGroup:
    """A list of like items (members, land parcels, loans, honours, penalties)."""

    name: str
    label: str
    section: str
    sensitivity: Sensitivity
    fields: tuple[Field, ...]
    help: str = ""
    item_label: str = ""
    required: bool = False
    min_items: int = 0
    max_items: int | None = None
    relevant: Expression | None = None

    @property
    def path(self) -> str:
        """The record key holding the list."""
        return self.name

    def field(self, name: str) -> Field | None:
        """The item field called ``name``, if any."""
        return next((f for f in self.fields if f.name == name), None)


Item = Union[Field, RepeatGroup]


@dataclass(frozen=True)
class Section:
    """A titled page of the questionnaire."""

    id: str
    label: str
    items: tuple[Item, ...]
    help: str = ""


@dataclass(frozen=True)
class FormDefinition:
    """A loaded, checked questionnaire of one version."""

    form_id: str
    version: int
    record_type: str
    title: str
    sections: tuple[Section, ...]
    source: Path
    description: str = ""
    _index: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for item in self.items():
            self._index[item.path] = item
            for sub in item.fields if isinstance(item, RepeatGroup) else ():
                self._index[sub.path] = sub

    def items(self) -> Iterator[Item]:
        """Top-level fields and repeat groups, in questionnaire order."""
        for section in self.sections:
            yield from section.items

    def fields(self) -> Iterator[Field]:
        """Top-level fields (asked and computed), in order."""
        return (item for item in self.items() if isinstance(item, Field))

    def groups(self) -> Iterator[RepeatGroup]:
        """Repeat groups, in order."""
        return (item for item in self.items() if isinstance(item, RepeatGroup))

    def all_fields(self) -> Iterator[Field]:
        """Every field, group items included, in order."""
        for item in self.items():
            yield from item.fields if isinstance(item, RepeatGroup) else (item,)

    def computed_fields(self) -> tuple[Field, ...]:
        """The computed fields, in the order they are computed."""
        return tuple(f for f in self.fields() if f.computed)

    def field(self, path: str) -> Field | None:
        """The field at a dotted path (``head_name``, ``consent.signed``, ``loans.balance``)."""
        item = self._index.get(path)
        return item if isinstance(item, Field) else None

    def group(self, name: str) -> RepeatGroup | None:
        """The repeat group called ``name``."""
        item = self._index.get(name)
        return item if isinstance(item, RepeatGroup) else None

    def paths(self) -> frozenset[str]:
        """Every dotted path the questionnaire defines."""
        return frozenset(self._index)
