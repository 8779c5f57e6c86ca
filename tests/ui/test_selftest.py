"""The selftest really checks: it passes on a working installation and fails, in one line,
when any of its steps is broken (as a bundle missing a template or plugin would be)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtPdf

from app.documents import signing, templates
from app.services import rating_batch, ratings
from app.ui import selftest
from app.ui.records.list_panel import RecordListPanel
from app.ui.selftest import run_selftest


def test_selftest_passes_and_reports_every_step(app, data_dir: Path, capsys):
    assert run_selftest(data_dir) == 0
    out = capsys.readouterr().out
    assert out.startswith("自检通过")
    for part in ("评级", "QtPdf 显示", "打印输出正常", "二维码签名核验有效", f"主窗口列出 {selftest.DEMO_HOUSEHOLDS} 户",
                 "Qt 模块齐全"):
        assert part in out


def _missing_templates():
    raise FileNotFoundError("resources/templates/certificate-household.yaml")


def _accept_anything(*_args, **_kwargs):
    return signing.Verification(signing.Status.VALID)


def _no_grades(*_args, **_kwargs):
    return rating_batch.RateAllSummary({"household": rating_batch.SubjectCounts("x@1", {}, ())}, False)


class _UnreadablePdf(QtPdf.QPdfDocument):
    """What a bundle without a working QtPdf amounts to: the document never loads."""

    def load(self, *_args):
        return QtPdf.QPdfDocument.Error.Unknown


_show_ids = RecordListPanel._on_ids


def _list_nothing(panel, number, _ids):
    _show_ids(panel, number, [])


BROKEN = [
    # (what breaks, where it is patched, the step the message must name)
    ("certificate templates missing", (templates, "load_default_templates", _missing_templates), "证书"),
    ("a verifier that accepts any payload", (signing, "verify_payload", _accept_anything), "证书"),
    ("a PDF viewer that cannot open the certificate", (QtPdf, "QPdfDocument", _UnreadablePdf), "证书"),
    ("a rating run that grades nobody", (ratings, "rate_all", _no_grades), "评级"),
    ("a main window that lists nothing", (RecordListPanel, "_on_ids", _list_nothing), "主窗口"),
    ("a bundle without a Qt module a dialog needs", (selftest, "LAZY_QT_MODULES", ("QtNoSuchModule",)), "Qt 模块"),
]


@pytest.mark.parametrize("patch, step", [(p, s) for _name, p, s in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_step_fails_with_one_line_naming_it(app, data_dir: Path, capsys, monkeypatch, patch, step):
    module, name, replacement = patch
    monkeypatch.setattr(module, name, replacement)
    assert run_selftest(data_dir) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith(f"自检失败（{step}）")
