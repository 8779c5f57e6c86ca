"""Dependencies point one way: Qt only in app/ui; the rules run headless."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _python_files(*folders: str) -> list[Path]:
    return [p for folder in folders for p in (ROOT / folder).rglob("*.py")]


@pytest.mark.parametrize("path", [p for p in _python_files("app", "sync")
                                  if "ui" not in p.relative_to(ROOT).parts[:2]],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt_outside_the_ui_package(path: Path):
    assert not any(name.split(".")[0] in QT_MODULES for name in _imports(path))


@pytest.mark.parametrize("path", _python_files("app/domain"), ids=lambda p: p.name)
def test_domain_knows_neither_storage_nor_services(path: Path):
    forbidden = ("sqlalchemy", "app.store", "app.services", "app.ui", "requests")
    assert not any(name.startswith(forbidden) for name in _imports(path))


@pytest.mark.parametrize("path", _python_files("app/store", "app/rating", "app/documents",
                                               "app/security", "app/survey", "app/domain"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_lower_layers_never_import_services_or_ui(path: Path):
    assert not any(name.startswith(("app.services", "app.ui", "app.cli")) for name in _imports(path))
