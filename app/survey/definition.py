"""Loading questionnaires from ``forms/``: current versions, archived versions, and the checks.

Layout and versioning (see also ``forms/archive/README.md``):

- ``forms/<form_id>.yaml`` is the current version of a questionnaire (``kind: questionnaire``;
  rating schemes share the folder and are skipped by their ``kind``).
- When a city changes a questionnaire it copies the current file, unchanged, to
  ``forms/archive/<form_id>-v<N>.yaml`` and raises ``version`` in ``forms/<form_id>.yaml``.
  Archived files are never edited: every record carries ``form_id`` and ``form_version``, and
  :func:`load_form_for` loads exactly the version a record was saved under, so old records stay
  readable and editable after the form changes.
- A definition is checked whole at load; any fault raises :class:`FormError` with
  ``"<file>: <field>: <fault>"``.

A definition (see ``forms/household.yaml``): ``kind: questionnaire``, ``form_id``, ``version``,
``record_type``, ``title``, ``sections``; a section has ``id``, ``label``, ``help``, a default
``sensitivity`` and ``fields``. A field has ``name`` (the data-standard name; ``consent.signed``
for an object member), ``type`` (see ``FIELD_TYPES``, or ``repeat`` with its own ``fields``,
``item_label``, ``min_items``, ``max_items``), ``label``, ``help``, ``required``, ``sensitivity``
(identity / economic / social), ``unit``, ``relevant`` (skip logic), ``skipped_value`` (the
answer stored when skipped), and by type: ``choices`` (``code``, ``label``), ``min``/``max``
(refused outside), ``warn_min``/``warn_max`` (warned outside), ``allow_negative``, ``pattern``,
``max_length``, ``allow_future``, ``compute`` (a computed, never stored, value).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping

import yaml

from app.domain.problems import QT_TRANSLATE_NOOP
from app.paths import forms_path
from app.survey.form_checks import (check_consent_field, check_forbidden, check_standard,
                                    compile_form_expressions)
from app.survey.form_model import (Choice, Field, FormDefinition, FormError, RepeatGroup,
                                   Section)
from app.survey.form_parse import parse_form

__all__ = ["Choice", "Field", "FormDefinition", "FormError", "FormInfo", "RepeatGroup", "Section",
           "archive_path", "list_forms", "load_form", "load_form_for", "read_form"]

ARCHIVE_FOLDER = "archive"
_ARCHIVED_NAME = re.compile(r"(?P<form_id>[a-z][a-z0-9_]*)-v(?P<version>[1-9][0-9]*)\.yaml")
_cache: dict[Path, tuple[tuple[int, int], FormDefinition]] = {}


@dataclass(frozen=True)
class FormInfo:
    """A questionnaire offered in ``forms/``: its current version and every loadable version."""

    form_id: str
    version: int
    title: str
    record_type: str
    versions: tuple[int, ...]


def read_form(path: Path) -> FormDefinition:
    """Load and check one definition file (cached until the file changes)."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    form = _check(_parse_yaml(path), path)
    _cache[path] = (stamp, form)
    return form


def _parse_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise FormError(path, "-", QT_TRANSLATE_NOOP("problems", "文件不是有效的 UTF-8 YAML：{error}"),
                        error=str(error).replace("\n", " ")) from None


def _check(data: object, path: Path) -> FormDefinition:
    form, expressions = parse_form(data, path)
    check_forbidden(form)
    check_standard(form)
    check_consent_field(form)
    return compile_form_expressions(form, expressions)


def archive_path(form_id: str, version: int, folder: Path | None = None) -> Path:
    """Where version ``version`` of ``form_id`` lives once it is no longer current."""
    return (folder or forms_path()) / ARCHIVE_FOLDER / f"{form_id}-v{version}.yaml"


def load_form(form_id: str, version: int | None = None, *,
              folder: Path | None = None) -> FormDefinition:
    """The questionnaire ``form_id``: the current version, or exactly ``version``.

    ``folder`` defaults to :func:`app.paths.forms_path`. Raises :class:`FormError` when the
    file or version does not exist or the definition is bad.
    """
    folder = folder or forms_path()
    current = folder / f"{form_id}.yaml"
    archived = archive_path(form_id, version, folder) if version is not None else None
    path = archived if archived is not None and archived.exists() else current
    if not path.exists():
        raise FormError(path, "form_id", QT_TRANSLATE_NOOP("problems", "找不到问卷“{form_id}”"),
                        form_id=form_id)
    form = read_form(path)
    if form.form_id != form_id:
        raise FormError(path, "form_id", QT_TRANSLATE_NOOP(
            "problems", "文件中的 form_id 是“{actual}”，文件名要求“{expected}”"),
            actual=form.form_id, expected=form_id)
    if version is not None and form.version != version:
        raise FormError(path, "version", QT_TRANSLATE_NOOP(
            "problems", "要求第 {expected} 版，但这个文件是第 {actual} 版；旧版本应存放在 {archive}"),
            expected=version, actual=form.version, archive=archive_path(form_id, version, folder))
    return form


def load_form_for(record: Mapping[str, object], *, folder: Path | None = None) -> FormDefinition:
    """The questionnaire version a record was saved under (current version if it names none)."""
    form_id = record.get("form_id") or record.get("record_type")
    version = record.get("form_version")
    if not isinstance(form_id, str) or (version is not None and type(version) is not int):
        raise FormError("-", "form_id", QT_TRANSLATE_NOOP(
            "problems", "记录没有有效的 form_id / form_version，无法确定问卷版本"))
    return load_form(form_id, version, folder=folder)  # type: ignore[arg-type]


def list_forms(folder: Path | None = None) -> list[FormInfo]:
    """Every questionnaire in ``folder`` (rating schemes skipped), with its loadable versions."""
    folder = folder or forms_path()
    archived: dict[str, set[int]] = {}
    for path in (folder / ARCHIVE_FOLDER).glob("*.yaml"):
        match = _ARCHIVED_NAME.fullmatch(path.name)
        if match:
            archived.setdefault(match["form_id"], set()).add(int(match["version"]))
    infos = []
    for path in sorted(folder.glob("*.yaml")):
        if not _is_questionnaire(path):
            continue
        form = read_form(path)
        versions = tuple(sorted(archived.get(form.form_id, set()) | {form.version}))
        infos.append(FormInfo(form.form_id, form.version, form.title, form.record_type, versions))
    return infos


def _is_questionnaire(path: Path) -> bool:
    data = _parse_yaml(path)
    return isinstance(data, Mapping) and data.get("kind") == "questionnaire"
