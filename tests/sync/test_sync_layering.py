"""The platform shares only the rules with the client (survey, rating, domain), and TLS stays on."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SYNC = Path(__file__).resolve().parents[2] / "sync"
FORBIDDEN = ("app.ui", "app.store", "app.services", "app.cli", "PySide6")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


ENGINE = SYNC / "engine"  # the field app's side of sync: it works on the client's store (issue 7)


@pytest.mark.parametrize("path", sorted(p for p in SYNC.rglob("*.py") if ENGINE not in p.parents),
                         ids=lambda p: str(p.relative_to(SYNC)))
def test_sync_code_never_imports_the_client_ui_store_or_services(path: Path):
    assert not [name for name in _imports(path) if name.startswith(FORBIDDEN)]


@pytest.mark.parametrize("path", sorted(ENGINE.rglob("*.py")), ids=lambda p: str(p.relative_to(SYNC)))
def test_the_client_sync_engine_never_imports_the_ui_the_cli_or_the_platform(path: Path):
    forbidden = ("app.ui", "app.cli", "PySide6", "sync.platform")
    assert not [name for name in _imports(path) if name.startswith(forbidden)]


@pytest.mark.parametrize("path", sorted(SYNC.rglob("*.py")), ids=lambda p: str(p.relative_to(SYNC)))
def test_sync_code_never_turns_tls_verification_off(path: Path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.keyword) and node.arg == "verify":
            assert not (isinstance(node.value, ast.Constant) and node.value.value is False)
