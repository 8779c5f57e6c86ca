"""Divisions: loading a division list, the tree with household counts, code ranges."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.divisions import is_division_code, level_of
from app.paths import resource_path
from app.store.db import Database
from app.store.models import Cooperative, Division, Household

DEMO_CITY = resource_path("divisions", "demo-city.yaml")


@dataclass
class DivisionNode:
    """A division with its children and the households filed under it (tombstones excluded)."""

    code: str
    name: str
    level: str
    registered_households: int
    households: int = 0
    cooperatives: int = 0
    children: list["DivisionNode"] = field(default_factory=list)


def read_division_file(path: Path) -> list[dict]:
    """The divisions of a YAML division list as flat rows, parents before children."""
    document = yaml.safe_load(path.read_text("utf-8"))
    rows: list[dict] = []
    for county in document["counties"]:
        rows.append(_row(county, "county", None, " ".join(county.get("former_codes", []))))
        for township in county["townships"]:
            rows.append(_row(township, "township", county["code"]))
            for village in township["villages"]:
                rows.append(_row(village, "village", township["code"],
                                 registered=village.get("registered_households", 0)))
    for row in rows:
        if not is_division_code(row["code"]) or level_of(row["code"]) != row["level"]:
            raise ValueError(f"{path.name}: 区划代码 {row['code']} 与层级 {row['level']} 不符")
    return rows


def _row(item: dict, level: str, parent: str | None, former: str = "", registered: int = 0) -> dict:
    return {"code": item["code"], "name": item["name"], "level": level, "parent_code": parent,
            "registered_households": registered, "former_codes": former}


def replace_divisions(session: Session, rows: list[dict]) -> None:
    """Insert or update the given divisions (the platform owns them; the client only mirrors)."""
    for row in rows:
        session.merge(Division(**row))
    session.flush()
    _roll_up_registered(session)


def _roll_up_registered(session: Session) -> None:
    """Townships and counties register the sum of their children."""
    for level, child_level in (("township", "village"), ("county", "township")):
        totals = dict(session.execute(
            select(Division.parent_code, func.sum(Division.registered_households))
            .where(Division.level == child_level).group_by(Division.parent_code)).all())
        for division in session.scalars(select(Division).where(Division.level == level)):
            division.registered_households = int(totals.get(division.code) or 0)


def code_range(code: str | None) -> tuple[str, str] | None:
    """The village codes under ``code`` as an inclusive range for an indexed filter."""
    if not code:
        return None
    level = level_of(code)
    if level == "village":
        return code, code
    prefix = code[:6] if level == "county" else code[:9]
    return prefix + "0" * (12 - len(prefix)), prefix + "9" * (12 - len(prefix))


def division_tree(db: Database) -> list[DivisionNode]:
    """Counties with their townships and villages, each with household and cooperative counts."""
    with db.session() as session:
        divisions = session.scalars(select(Division).order_by(Division.code)).all()
        households = _counts(session, Household)
        cooperatives = _counts(session, Cooperative)
    nodes = {d.code: DivisionNode(d.code, d.name, d.level, d.registered_households,
                                  households.get(d.code, 0), cooperatives.get(d.code, 0))
             for d in divisions}
    roots: list[DivisionNode] = []
    for division in divisions:
        parent = nodes.get(division.parent_code or "")
        (parent.children if parent else roots).append(nodes[division.code])
    for root in roots:
        _sum_children(root)
    return roots


def _counts(session: Session, model) -> dict[str, int]:
    query = (select(model.village_code, func.count()).where(model.deleted.is_(False))
             .group_by(model.village_code))
    return dict(session.execute(query).all())


def _sum_children(node: DivisionNode) -> None:
    for child in node.children:
        _sum_children(child)
    if node.children:
        node.households = sum(child.households for child in node.children)
        node.cooperatives = sum(child.cooperatives for child in node.children)
