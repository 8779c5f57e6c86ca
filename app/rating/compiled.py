"""A checked scheme compiled into plain callables, once, when it is loaded.

Rating a record then reads only the inputs the scheme uses, in dependency order, and
runs one precomputed function per indicator and veto: no YAML or scheme walking per call.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Mapping

from app.domain.idnumber import normalize_id_number
from app.domain.uscc import normalize_uscc
from app.rating.catalog import Catalog
from app.rating.events import PlatformFacts
from app.rating.model import Scheme
from app.rating.readers import (PLAIN, MISSING, UNDEFINED, ZERO, Reader, make_reader, read_bool, read_code,
                                read_int, read_money)
from app.rating.scorers import CompiledIndicator, compile_indicator
from app.rating.veto_checks import VetoCheck, compile_veto, veto_inputs

Derivation = tuple[str, tuple[str, ...], Callable[[tuple[Any, ...], date], Any]]


@dataclass(frozen=True)
class CompiledScheme:
    """What :func:`app.rating.engine.rate` runs for one scheme."""

    ints: tuple[str, ...]  # required whole-number fields, read inline (most of a record)
    bools: tuple[str, ...]  # required yes/no fields, read inline
    enums: tuple[tuple[str, Mapping[str, str]], ...]  # required enum fields and their codes
    moneys: tuple[tuple[str, bool, bool], ...]  # money fields: (name, may be negative, optional)
    readers: tuple[tuple[str, Reader], ...]  # every other field
    order: Mapping[str, int]  # field -> position of first use, to list missing fields in order
    derivations: tuple[Derivation, ...]
    base: tuple[CompiledIndicator, ...]
    bonus: tuple[CompiledIndicator, ...]
    penalty: tuple[CompiledIndicator, ...]
    vetoes: tuple[tuple[str, str, str, VetoCheck], ...]  # id, name, reason template, check
    subject_field: str

    def read(self, record: Mapping[str, Any], facts: PlatformFacts, on: date) -> tuple[dict[str, Any], list[str]]:
        """(inputs by name, names of required fields that are absent)."""
        values: dict[str, Any] = {}
        missing: list[str] = []
        get = record.get
        for name in self.ints:
            raw = get(name)
            if type(raw) is int and raw >= 0:
                values[name] = raw
            else:
                values[name] = _slow(raw, name, missing, read_int)
        for name in self.bools:
            raw = get(name)
            if raw is True or raw is False:
                values[name] = raw
            else:
                values[name] = _slow(raw, name, missing, read_bool)
        for name, codes in self.enums:
            raw = get(name)
            if type(raw) is str and raw in codes:
                values[name] = raw
            else:
                values[name] = _slow(raw, name, missing, partial(read_code, codes=codes))
        for name, signed, optional in self.moneys:
            raw = get(name)
            # "85000.00", the data standard's own spelling, is read directly.
            if type(raw) is str and len(raw) > 3 and raw[-3] == "." and PLAIN.fullmatch(raw):
                values[name] = Decimal(raw)
            elif raw is None and optional:
                values[name] = ZERO
            else:
                values[name] = _slow(raw, name, missing, partial(read_money, signed=signed))
        for name, reader in self.readers:
            value = values[name] = reader(record, facts)
            if value is MISSING:
                missing.append(name)
        if len(missing) > 1:
            missing.sort(key=self.order.__getitem__)
        get = values.__getitem__
        for name, needs, compute in self.derivations:
            args = tuple(map(get, needs))
            values[name] = _blank(args) or compute(args, on)
        return values, missing

    def subject_of(self, record: Mapping[str, Any]) -> str:
        """The head's ID number or the cooperative's credit code, normalised ("" if absent)."""
        raw = record.get(self.subject_field)
        if not isinstance(raw, str):
            return ""
        return normalize_uscc(raw) if self.subject_field == "uscc" else normalize_id_number(raw)


def _slow(raw: Any, name: str, missing: list[str], read: Callable[[Any, str], Any]) -> Any:
    """MISSING (noted in ``missing``) for an absent field, else the checked value or RecordError."""
    if raw is None:
        missing.append(name)
        return MISSING
    return read(raw, name)


def _blank(args: tuple[Any, ...]) -> Any:
    """MISSING or UNDEFINED if an argument is (by identity: Decimal's == with others is slow)."""
    for arg in args:
        if arg is MISSING or arg is UNDEFINED:
            return arg
    return None


def compile_scheme(scheme: Scheme) -> CompiledScheme:
    """Compile a checked scheme (see :mod:`app.rating.scorers` and :mod:`app.rating.veto_checks`)."""
    catalog = Catalog(scheme.record_type)
    used = [i.input for i in scheme.indicators if i.input]
    used += [name for veto in scheme.vetoes for name in veto_inputs(veto)]
    used.append(scheme.credit_line.cap_input)
    order = _dependency_order(used, catalog)
    fields = [catalog.fields[n] for n in order if n in catalog.fields]
    inline = [f for f in fields if (not f.optional and f.kind in ("int", "bool", "enum"))
              or f.kind in ("money", "signed_money")]
    readers = tuple((f.name, make_reader(f, scheme.event_kinds)) for f in fields if f not in inline)
    derivations = tuple((n, catalog.derived[n].needs, catalog.derived[n].compute)
                        for n in order if n in catalog.derived)
    by_group = {group: tuple(compile_indicator(i, catalog) for i in scheme.indicators if i.group == group)
                for group in ("base", "bonus", "penalty")}
    vetoes = tuple((v.id, v.name, v.reason, compile_veto(v, catalog)) for v in scheme.vetoes)
    subject = "uscc" if scheme.record_type == "cooperative" else "head_id_number"
    return CompiledScheme(tuple(f.name for f in inline if f.kind == "int"),
                          tuple(f.name for f in inline if f.kind == "bool"),
                          tuple((f.name, f.codes) for f in inline if f.kind == "enum"),
                          tuple((f.name, f.kind == "signed_money", f.optional) for f in inline
                                if f.kind in ("money", "signed_money")),
                          readers, {n: i for i, n in enumerate(order)}, derivations, by_group["base"], by_group["bonus"],
                          by_group["penalty"], vetoes, subject)


def _dependency_order(names: list[str], catalog: Catalog) -> list[str]:
    """Every input and what it needs, each after its needs, in first-use order."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for need in catalog.derived[name].needs if name in catalog.derived else ():
            visit(need)
        order.append(name)

    for name in names:
        visit(name)
    return order
