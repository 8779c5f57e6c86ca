"""The ``info`` use case: totals and counts per division."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from app.services.divisions import DivisionNode, division_tree
from app.store.db import Database


@dataclass(frozen=True)
class DivisionCount:
    code: str
    name: str
    level: str
    registered_households: int
    households: int
    cooperatives: int


@dataclass(frozen=True)
class StoreInfo:
    database: str
    households: int
    cooperatives: int
    divisions: list[DivisionCount]

    def to_json(self) -> dict:
        return asdict(self)


def store_info(db: Database) -> StoreInfo:
    """Totals of the store and one line per division, counties first, depth-first."""
    counts: list[DivisionCount] = []

    def walk(node: DivisionNode) -> None:
        counts.append(DivisionCount(node.code, node.name, node.level, node.registered_households,
                                    node.households, node.cooperatives))
        for child in node.children:
            walk(child)

    roots = division_tree(db)
    for root in roots:
        walk(root)
    return StoreInfo(str(db.path), sum(r.households for r in roots),
                     sum(r.cooperatives for r in roots), counts)
