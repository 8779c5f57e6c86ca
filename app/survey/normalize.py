"""The canonical data-standard JSON of a record, its computed values, and its search keys."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from collections.abc import Callable, Mapping

from app.domain.decimals import CENT
from app.domain.idnumber import normalize_id_number
from app.domain.phone import parse_phone
from app.domain.problems import DomainError
from app.domain.uscc import normalize_uscc
from app.survey.expressions import Scope
from app.survey.form_model import Field, FormDefinition, RepeatGroup
from app.survey.reading import Reading, read_record, read_record_and_keep
from app.survey.record_paths import get_path, is_blank, item_path, set_path
from app.survey.values import format_value


def normalize_record(record: Mapping[str, object], form: FormDefinition, *,
                     today: date | None = None) -> dict[str, object]:
    """The record as the data standard writes it, under this questionnaire version.

    Money and areas become two-place strings (``"85000.00"``), ID numbers and credit codes
    upper case, phones normalised, dates ISO; irrelevant, computed and unknown answers are
    dropped; ``record_type``, ``form_id`` and ``form_version`` are set. An answer that cannot
    be read is kept as given (so nothing typed is lost) — :func:`validate_record` reports it.
    Idempotent: normalising the result again changes nothing.
    """
    reading = read_record_and_keep(record, form, today or date.today())  # validation reads it next
    out: dict[str, object] = {"record_type": form.record_type}
    if not is_blank(record.get("id")):
        out["id"] = str(record["id"]).strip().lower()
    out.update(form_id=form.form_id, form_version=form.version)
    for item in form.items():
        if isinstance(item, RepeatGroup):
            _put_group(out, item, reading)
        elif not item.computed:
            _put_field(out, item, get_path(reading.values, item.name),
                       reading.unreadable.get(item.path))
    overrides = _overrides(record.get("overrides"))
    if overrides:
        out["overrides"] = overrides
    return out


def _put_field(out: dict[str, object], field: Field, value: object, raw: object) -> None:
    if value is not None:
        set_path(out, field.name, format_value(field, value))
    elif raw is not None:
        set_path(out, field.name, raw)


def _put_group(out: dict[str, object], group: RepeatGroup, reading: Reading) -> None:
    entries = reading.values.get(group.name)
    if entries is None:
        if group.name in reading.unreadable:
            out[group.name] = reading.unreadable[group.name]
        return
    items = []
    for index, entry in enumerate(entries):  # type: ignore[arg-type]
        item: dict[str, object] = {}
        for field in group.fields:
            raw = reading.unreadable.get(item_path(group.name, index, field.name))
            _put_field(item, field, entry.get(field.name), raw)
        items.append(item)
    out[group.name] = items


def _overrides(raw: object) -> list[dict[str, object]]:
    """Supervisor overrides kept verbatim (text trimmed): the reason must survive every save."""
    if not isinstance(raw, list):
        return []
    return [{key: value.strip() if isinstance(value, str) else value
             for key, value in entry.items()} for entry in raw if isinstance(entry, Mapping)]


def computed_values(record: Mapping[str, object], form: FormDefinition, *,
                    today: date | None = None) -> dict[str, object]:
    """The computed fields (liabilities, net assets, labour count, ...) by path.

    Money and areas are ``Decimal`` with two places, counts ``int``; ``None`` where the
    answers needed are missing or the field is not relevant.
    """
    values = read_record(record, form, today or date.today()).values
    results: dict[str, object] = {}
    for field in form.computed_fields():
        scope = Scope(values)
        value = None
        if field.relevant is None or field.relevant.holds(scope):
            value = _typed(field, field.compute.evaluate(scope))  # type: ignore[union-attr]
        results[field.path] = value
        if value is not None:
            set_path(values, field.name, value)
    return results


def _typed(field: Field, value: object) -> object:
    if value is None or isinstance(value, bool) or field.type == "boolean":
        return value
    if field.type == "integer":
        return int(value)  # type: ignore[call-overload]
    if field.type in ("money", "area"):
        return Decimal(value).quantize(CENT)  # type: ignore[arg-type]
    return value


def searchable_fields(record: Mapping[str, object]) -> dict[str, str | None]:
    """The keys a store indexes for search, normalised; ``None`` where absent.

    Households: ``head_name``, ``head_id_number``, ``head_phone``, ``village_code``;
    cooperatives: ``name``, ``uscc``, ``legal_rep_id_number``.
    """
    if record.get("record_type") == "cooperative" or (
            record.get("record_type") is None and "uscc" in record):
        return {"name": _clean(record.get("name"), str.strip),
                "uscc": _clean(record.get("uscc"), normalize_uscc),
                "legal_rep_id_number": _clean(record.get("legal_rep_id_number"),
                                              normalize_id_number)}
    return {"head_name": _clean(record.get("head_name"), str.strip),
            "head_id_number": _clean(record.get("head_id_number"), normalize_id_number),
            "head_phone": _clean(record.get("head_phone"), _phone),
            "village_code": _clean(record.get("village_code"), str.strip)}


def _clean(value: object, normalise: Callable[[str], str]) -> str | None:
    if is_blank(value):
        return None
    return normalise(str(value))


def _phone(text: str) -> str:
    try:
        return parse_phone(text)
    except DomainError:
        return "".join(text.split())
