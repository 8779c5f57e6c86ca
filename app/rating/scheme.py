"""Loading, checking and finding rating schemes (``forms/schemes/*.yaml``).

A scheme is data an administrator writes (see ``forms/schemes/household-default.yaml``
for the format). Loading checks it completely and compiles it; a faulty scheme raises
:class:`SchemeError` whose message names the file, the indicator and the fault.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from app.domain.problems import QT_TRANSLATE_NOOP
from app.paths import forms_path
from app.rating.compiled import compile_scheme
from app.rating.errors import SchemeError
from app.rating.model import Scheme
from app.rating.parse_scheme import parse_scheme

__all__ = ["Scheme", "SchemeError", "find_scheme", "list_schemes", "load_scheme", "parse_scheme_text"]

_UNREADABLE = QT_TRANSLATE_NOOP("problems", "评分方案 {file} 无法读取：{error}")
_NOT_YAML = QT_TRANSLATE_NOOP("problems", "评分方案 {file} 不是有效的 YAML：{error}")
_NOT_FOUND = QT_TRANSLATE_NOOP("problems", "找不到评分方案 {ref}（在 {folder} 中）")


# libyaml's loader when present (ten times faster), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that reads numbers with a fraction as exact ``Decimal``, never float."""


def _decimal(loader: Any, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node).replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def parse_scheme_text(text: str, file: str) -> Scheme:
    """A checked, compiled scheme from YAML text (``file`` names it in messages)."""
    try:
        data: Any = yaml.load(text, Loader=_DecimalLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise SchemeError(_NOT_YAML.format(file=file, error=error)) from None
    scheme = parse_scheme(data, file)
    return replace(scheme, compiled=compile_scheme(scheme))


def load_scheme(path: str | Path) -> Scheme:
    """A checked, compiled scheme from a YAML file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SchemeError(_UNREADABLE.format(file=path.name, error=error)) from None
    return replace(parse_scheme_text(text, path.name), path=str(path))


def list_schemes(folder: Path | None = None) -> list[Scheme]:
    """Every scheme in ``folder`` (default ``forms/schemes``), by id then version."""
    folder = folder or forms_path("schemes")
    schemes = [load_scheme(path) for path in sorted(folder.glob("*.yaml"))]
    return sorted(schemes, key=lambda s: (s.id, s.version))


def find_scheme(scheme_id: str, version: int | None = None, *, folder: Path | None = None) -> Scheme:
    """The scheme ``scheme_id`` at ``version`` (the latest if None); :class:`SchemeError` if none."""
    folder = folder or forms_path("schemes")
    candidates = [s for s in _cached(folder) if s.id == scheme_id
                  and (version is None or s.version == version)]
    if not candidates:
        ref = scheme_id if version is None else f"{scheme_id}@{version}"
        raise SchemeError(_NOT_FOUND.format(ref=ref, folder=folder))
    return max(candidates, key=lambda s: s.version)


_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], list[Scheme]]] = {}


def _cached(folder: Path) -> list[Scheme]:
    """The folder's schemes, loaded again only when a file there changed (by name, size, mtime)."""
    stamp = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml")))
    cached = _CACHE.get(folder)
    if cached is None or cached[0] != stamp:
        cached = _CACHE[folder] = (stamp, list_schemes(folder))
    return cached[1]
