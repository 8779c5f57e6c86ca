"""Rules over a whole record: its envelope, consent, repeated ID numbers, regions, overrides."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterator, Mapping

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.survey.form_model import Field, FormDefinition, RepeatGroup
from app.survey.record_paths import get_path, is_blank, item_path
from app.survey.standard import ENVELOPE_KEYS, forbidden_reason


def envelope_problems(record: Mapping[str, object], form: FormDefinition) -> list[Problem]:
    """``record_type``, ``form_id``, ``form_version`` and ``id`` against the questionnaire."""
    problems = []
    for key, expected in (("record_type", form.record_type), ("form_id", form.form_id)):
        if record.get(key) not in (None, expected):
            problems.append(Problem(key, "form.mismatch", QT_TRANSLATE_NOOP(
                "problems", "记录的 {key} 是“{actual}”，不能用问卷“{title}”（{expected}）校验"),
                {"key": key, "actual": record.get(key), "expected": expected, "title": form.title}))
    version = record.get("form_version")
    if version is not None and version != form.version:
        problems.append(Problem("form_version", "form.version", QT_TRANSLATE_NOOP(
            "problems", "记录按第 {actual} 版问卷保存，现用第 {expected} 版校验；保存后将按第 {expected} 版记录"),
            {"actual": version, "expected": form.version}, severity="warning"))
    if not is_blank(record.get("id")) and not _is_uuid(record.get("id")):
        problems.append(Problem("id", "id.format", QT_TRANSLATE_NOOP(
            "problems", "记录编号“{raw}”不是有效的 UUID"), {"raw": record.get("id")}))
    return problems


def _is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def key_problems(record: Mapping[str, object], form: FormDefinition) -> list[Problem]:
    """Keys the questionnaire does not know: forbidden ones refused, computed and others ignored."""
    problems = []
    for path, lookup, name, own in _record_keys(record, form):
        kind, label = _verdict(form, lookup, name, own)
        if kind == "forbidden":
            problems.append(Problem(path(), "field.forbidden", QT_TRANSLATE_NOOP(
                "problems", "《征信业管理条例》禁止采集此项信息（{name}），请删除"), {"name": name}))
        elif kind == "computed":
            problems.append(Problem(path(), "field.computed", QT_TRANSLATE_NOOP(
                "problems", "{label}由系统自动计算，填写的值不会保存"), {"label": label},
                severity="warning"))
        elif kind == "unknown":
            problems.append(Problem(path(), "field.unknown", QT_TRANSLATE_NOOP(
                "problems", "问卷中没有“{name}”这一项，保存时将被忽略"), {"name": path()},
                severity="warning"))
    return problems


# (form, questionnaire path, key name, whether a group name is allowed) -> what the key is:
# the same few keys come back in every record of an import, and each lookup costs.
_VERDICTS: dict[tuple[int, str, str, bool], tuple[FormDefinition, str | None, str]] = {}


def _verdict(form: FormDefinition, lookup: str, name: str, own: bool) -> tuple[str | None, str]:
    """("forbidden" | "computed" | "unknown" | None, the field's label) for one record key."""
    cached = _VERDICTS.get((id(form), lookup, name, own))
    if cached is not None and cached[0] is form:
        return cached[1], cached[2]
    target = form.field(lookup)
    if target is None and own and form.group(lookup) is not None:
        kind = None
    elif forbidden_reason(name, "") is not None:
        kind = "forbidden"
    elif target is not None:
        kind = "computed" if target.computed else None
    else:
        kind = "unknown"
    if len(_VERDICTS) > 10_000:  # keys come from imported files: stay bounded
        _VERDICTS.clear()
    _VERDICTS[(id(form), lookup, name, own)] = (form, kind, target.label if target else "")
    return kind, target.label if target else ""


def _record_keys(record: Mapping[str, object], form: FormDefinition
                 ) -> Iterator[tuple[Callable[[], str], str, str, bool]]:
    """Every key outside the envelope (``a``, ``a.b``, ``g[0].f``) as (its path, made only when
    a problem names it; the questionnaire path to look up; its last name; whether it may be a
    group's own name)."""
    for key, value in record.items():
        if key in ENVELOPE_KEYS:
            continue
        group = form.group(key)
        if group is not None and isinstance(value, list):
            for index, entry in enumerate(value):
                for sub in entry if isinstance(entry, Mapping) else ():
                    text = str(sub)
                    last = text.rsplit(".", 1)[-1]
                    yield (lambda k=key, i=index, t=text: item_path(k, i, t)), \
                        f"{group.name}.{last}", last, False
        elif isinstance(value, Mapping) and form.field(key) is None:
            for sub in value:
                path = f"{key}.{sub}"
                yield (lambda p=path: p), path, path.rsplit(".", 1)[-1], True
        else:
            yield (lambda p=key: p), key, key.rsplit(".", 1)[-1], True


def consent_problems(record: Mapping[str, object], form: FormDefinition,
                     signed: bool) -> list[Problem]:
    """Economic answers without signed written consent (征信业管理条例 art. 14), one per field.

    ``signed`` is the read value of ``consent.signed`` (``"是"`` counts as signed).
    """
    if signed:
        return []
    problems = []
    for item in form.items():
        present = _present(record.get(item.name) if isinstance(item, RepeatGroup)
                           else get_path(record, item.name))
        if item.sensitivity == "economic" and present and not getattr(item, "computed", False):
            problems.append(Problem(item.path, "consent.required", QT_TRANSLATE_NOOP(
                "problems", "未签署信用信息采集授权书，不能保存“{label}”：请先取得书面同意并在"
                         "“授权同意”中登记，或删除此项"), {"label": item.label}))
    return problems


def _present(value: object) -> bool:
    # An empty list says nothing (the GUI writes [] for an untouched group).
    return not is_blank(value) and value != []


def id_numbers(values: Mapping[str, object],
               form: FormDefinition) -> Iterator[tuple[str, Field, str, str]]:
    """(path, field, number, whose) for every read ID number, top level and group items."""
    for item in form.items():
        if isinstance(item, Field) and item.type == "id_number":
            number = get_path(values, item.name)
            if isinstance(number, str):
                yield item.path, item, number, item.label
        elif isinstance(item, RepeatGroup):
            for field in item.fields:
                if field.type != "id_number":
                    continue
                for index, entry in enumerate(values.get(item.name) or ()):  # type: ignore[arg-type]
                    if isinstance(entry.get(field.name), str):
                        whose = f"{item.item_label or item.label} {index + 1}"
                        yield (item_path(item.name, index, field.name), field, entry[field.name],
                               whose)


def duplicate_id_problems(values: Mapping[str, object], form: FormDefinition) -> list[Problem]:
    """The same person twice in one record (head and members included)."""
    first_seen: dict[str, tuple[str, str]] = {}
    problems = []
    for path, field, number, whose in id_numbers(values, form):
        if number in first_seen:
            other_path, other = first_seen[number]
            problems.append(Problem(path, "id_number.duplicate", QT_TRANSLATE_NOOP(
                "problems", "{label}与“{other}”相同：同一户内每人的身份证号码应不同，请核对"),
                {"label": field.label, "other": other, "other_field": other_path}))
        else:
            first_seen[number] = (path, whose)
    return problems


def region_problems(values: Mapping[str, object], form: FormDefinition,
                    known_region_codes: Collection[str]) -> list[Problem]:
    """Warnings (never errors) for ID numbers whose region code is not a known division."""
    if not known_region_codes:
        return []
    return [Problem(path, "id_number.region", QT_TRANSLATE_NOOP(
        "problems", "{label}的前6位地区码 {region} 不在当前行政区划中（可能是撤并前的旧区划），"
                 "请与证件核对；号码仍可保存"), {"label": field.label, "region": number[:6]},
        severity="warning")
        for path, field, number, _ in id_numbers(values, form)
        if number[:6] not in known_region_codes]


def override_problems(record: Mapping[str, object], form: FormDefinition) -> list[Problem]:
    """Each ``overrides`` entry must name a credit-code field, give a reason and who decided."""
    overrides = record.get("overrides")
    if overrides is None:
        return []
    entries = overrides if isinstance(overrides, list) else [overrides]
    problems = []
    for index, entry in enumerate(entries):
        path = item_path("overrides", index)
        target = entry.get("field") if isinstance(entry, Mapping) else None
        field = form.field(str(target).split("[")[0]) if isinstance(target, str) else None
        if field is None or field.type != "credit_code":
            problems.append(Problem(path, "override.field", QT_TRANSLATE_NOOP(
                "problems", "审核员只能对统一社会信用代码的校验结果作例外确认，“{field}”不可以"),
                {"field": target}))
        elif is_blank(entry.get("reason")) or is_blank(entry.get("by")):
            problems.append(Problem(path, "override.reason", QT_TRANSLATE_NOOP(
                "problems", "例外确认须写明原因（reason）和确认人（by）")))
    return problems
