"""Refusals raised below the UI reach the user translated, labels and plain details included."""
from __future__ import annotations

import pytest

from app.documents.numbering import parse_certificate_no
from app.security.roles import PermissionDenied, require
from app.ui.accounts.dialogs import problem_text
from app.ui.i18n import install_language
from sync.errors import Unreachable


@pytest.fixture
def english(app):
    assert install_language(app, "en")
    yield app
    install_language(app, "zh_CN")


def _refusal(action) -> Exception:
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def _cannot_connect() -> None:
    raise Unreachable("连接失败")


REFUSALS = [
    # (what fails, words the English text must contain, Chinese it must no longer contain)
    (lambda: require("viewer", "backup"), ["Viewer", "Back up", "permission"], "查看员"),
    (lambda: require("township_officer", "manage_users"), ["Township officer", "Manage users"], "管理用户"),
    (lambda: parse_certificate_no("xx"), ["Certificate number", "“xx”"], "证书编号"),
    (_cannot_connect, ["Cannot reach", "Connection failed"], "连接失败"),
]


@pytest.mark.parametrize(("action", "words", "chinese"), REFUSALS)
def test_a_refusal_from_below_the_ui_reads_in_english(english, action, words, chinese):
    text = problem_text(_refusal(action))
    assert all(word in text for word in words), text
    assert chinese not in text


def test_a_permission_refusal_stays_chinese_by_default(app):
    error = _refusal(lambda: require("viewer", "backup"))
    assert isinstance(error, PermissionDenied)
    assert problem_text(error) == str(error) == "查看员没有“备份”的权限，请联系审核员或管理员"


def test_an_error_without_a_problem_shows_its_own_text(english):
    assert problem_text(ValueError("磁盘已满")) == "磁盘已满"
