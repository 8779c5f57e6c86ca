"""The sheets and columns of a questionnaire's roster, derived from its definition.

One sheet for the main record (``农户`` / ``合作社``) and one per repeat group (``家庭成员``,
``土地`` ...). Group rows are keyed by the main record's natural key: the head's ID number for
a household, the credit code for a cooperative, so a roster from another system links the
same way. A header cell reads ``户主姓名*`` over ``head_name`` (two lines; ``*`` marks
required); an import accepts the Chinese label, the field name, or both.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.survey.form_model import Field, FormDefinition, RepeatGroup

MAIN_SHEETS = {"household": "农户", "cooperative": "合作社"}
KEY_FIELDS = {"household": "head_id_number", "cooperative": "uscc"}
INSTRUCTIONS_SHEET = "填写说明"
CHOICES_SHEET = "选项"
YES, NO = "是", "否"
LIST_SEPARATORS = "、,，;；\n"
# Column widths in Excel character units by field type (CJK characters count about 2).
_WIDTHS = {"id_number": 22, "credit_code": 22, "phone": 15, "date": 13, "boolean": 9,
           "money": 14, "area": 11, "integer": 10, "decimal": 11, "uuid": 38, "uuid_list": 40}


@dataclass(frozen=True)
class Column:
    """One column: the field it fills, and for a group's key column the main field it names."""

    field: Field
    header: str  # the text of the header cell
    is_key: bool = False

    @property
    def name(self) -> str:
        """The data-standard name inside its record or item (``consent.signed``, ``relation``)."""
        return self.field.name

    @property
    def width(self) -> int:
        """A sensible column width in Excel character units."""
        text = max(len(self.field.label) * 2 + 3, len(self.field.name) + 2)
        return max(_WIDTHS.get(self.field.type, 12), min(text, 30))


@dataclass(frozen=True)
class SheetLayout:
    """One sheet: its title, the group it holds (``None`` for the main sheet), its columns."""

    title: str
    group: RepeatGroup | None
    columns: tuple[Column, ...]

    @property
    def name(self) -> str:
        """The data-standard name of the sheet: the record type or the group name."""
        return self.group.name if self.group else ""


@dataclass(frozen=True)
class RosterLayout:
    """Every sheet of one questionnaire's roster, main sheet first."""

    form: FormDefinition
    sheets: tuple[SheetLayout, ...]

    @property
    def main(self) -> SheetLayout:
        return self.sheets[0]

    @property
    def key_field(self) -> Field:
        """The main field that links group rows to their record (head ID number or credit code)."""
        field = self.form.field(KEY_FIELDS[self.form.record_type])
        assert field is not None, "the standard forms always define their key field"
        return field

    def sheet(self, title: str) -> SheetLayout | None:
        """The sheet called ``title`` (Chinese title or the data-standard name)."""
        wanted = clean_header(title)
        return next((s for s in self.sheets if wanted in (s.title, s.name or self.form.record_type)),
                    None)


def header_text(field: Field, *, required: bool | None = None) -> str:
    """``户主姓名*`` + newline + ``head_name``; ``*`` only where always required (no skip logic)."""
    if required is None:
        required = field.required and field.relevant is None
    star = "*" if required else ""
    return f"{field.label}{star}\n{field.name}"


def clean_header(text: object) -> str:
    """A header or sheet name as compared: NFKC, no spaces, no required-star."""
    return unicodedata.normalize("NFKC", str(text or "")).strip().rstrip("*").strip()


def header_keys(text: object) -> list[str]:
    """The names a header cell may go by: each line of it, cleaned."""
    return [clean_header(part) for part in str(text or "").splitlines() if clean_header(part)]


@lru_cache(maxsize=8)
def roster_layout(form: FormDefinition) -> RosterLayout:
    """The roster of ``form``: asked fields only (computed values are never imported)."""
    main = [Column(f, header_text(f)) for f in form.fields() if not f.computed]
    sheets = [SheetLayout(MAIN_SHEETS.get(form.record_type, form.record_type), None, tuple(main))]
    for group in form.groups():
        key = RosterLayout(form, ()).key_field
        columns = [Column(key, header_text(key, required=True), is_key=True)]
        columns += [Column(f, header_text(f)) for f in group.fields if not f.computed]
        sheets.append(SheetLayout(group.label, group, tuple(columns)))
    return RosterLayout(form, tuple(sheets))


def choice_labels(field: Field) -> list[str]:
    """What a drop-down offers for ``field``: choice labels, or 是/否 for a boolean."""
    if field.type == "boolean":
        return [YES, NO]
    return [choice.label for choice in field.choices]
