"""Printing in the app: the 打印 menu by role, the preview (QtPdf) of a village batch made in a
worker with progress, printing to a PDF printer, saving, and the register's reprint and revoke."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from app.services.certificates_register import CertificateStatus, find_certificate
from app.ui.documents.menu import open_register, open_request
from app.ui.documents.preview import DocumentPreview, pdf_job
from app.ui.documents.register import RegisterDialog
from app.ui.documents.request import CERTIFICATES, NOTICE_LIST, DocumentRequestDialog
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from tests.services.certificate_steps import busiest_village, confirm, copy_store, login, make_template, rate

SHOTS = Path("/tmp/shots")
TODAY = date(2026, 4, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("gui-template"))


@pytest.fixture
def store(template: Path, tmp_path: Path):
    """A store whose busiest village is confirmed; yields (folder, village code, household ids)."""
    folder = copy_store(template, tmp_path / "store")
    loan, supervisor = login(folder, "loan"), login(folder, "supervisor")
    code, ids = busiest_village(loan)
    for household in ids:
        rate(loan, household)
        confirm(supervisor, household)
    loan.close(), supervisor.close()
    return folder, code, ids


@pytest.fixture
def loan(store):
    ws = login(store[0], "loan")
    yield ws
    ws.close()


@pytest.fixture
def supervisor(store):
    ws = login(store[0], "supervisor")
    yield ws
    ws.close()


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"issue6-{name}.png"))


@pytest.mark.parametrize("user, entries", [
    ("loan", ["证书(&C)…", "公示名单(&N)…", "评定表(&R)…", "", "证书登记簿(&G)…"]),
    ("township", ["证书(&C)…", "公示名单(&N)…", "评定表(&R)…", "", "证书登记簿(&G)…"]),
    ("supervisor", ["证书登记簿(&G)…"]),
    ("viewer", None),
    ("admin", None),
])
def test_the_print_menu_follows_the_role(app, qtbot, store, user, entries):
    ws = login(store[0], user)
    try:
        window = MainWindow(ws)
        qtbot.addWidget(window)
        menu = getattr(window, "print_menu", None)
        assert (None if menu is None else [a.text() for a in menu.actions()]) == entries
        titles = [a.text() for a in window.menuBar().actions()]
        assert ("打印(&P)" in titles) == (entries is not None)
    finally:
        wait_for_tasks()
        ws.close()


def test_a_village_batch_is_made_in_a_worker_with_progress_and_previewed(app, qtbot, store, loan):
    _folder, code, ids = store
    dialog = DocumentRequestDialog(loan, CERTIFICATES, code, "")
    qtbot.addWidget(dialog)
    dialog.on_date.setDate(QDate(2026, 4, 1))
    shoot(dialog, "request")
    preview = dialog.preview()
    qtbot.addWidget(preview)
    steps: list[tuple[int, int]] = []
    preview._progress.sig_step.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(preview.sig_ready, timeout=30_000) as ready:
        preview.show()
    assert ready.args == [len(ids)]
    assert steps[-1] == (2 * len(ids), 2 * len(ids))  # issuing, then drawing, each counted
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    preview.resize(900, 680)
    qtbot.wait(200)  # let QPdfView paint its pages before the screenshot
    shoot(preview, "preview")


def test_printing_sends_every_page_to_the_printer_and_saving_writes_the_pdf(app, qtbot, store, loan, tmp_path):
    _folder, code, ids = store
    from app.services.certificates_pdf import village_certificates_pdf

    preview = DocumentPreview("t", "x.pdf", pdf_job(
        lambda out, p, c: village_certificates_pdf(loan, code, TODAY, out, p, c)))
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.sig_ready, timeout=30_000):
        pass
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == len(ids)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(ids)
    preview.save_to(str(tmp_path / "saved.pdf"))
    assert (tmp_path / "saved.pdf").read_bytes() == preview.pdf_bytes
    assert "已保存" in preview.status.text()


def test_a_refusal_is_shown_in_the_preview_in_chinese(app, qtbot, loan):
    dialog = DocumentRequestDialog(loan, NOTICE_LIST, "445102100204", "")
    qtbot.addWidget(dialog)
    preview = dialog.preview()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.sig_failed, timeout=30_000) as failed:
        preview.show()
    assert "没有处于公示期" in failed.args[0] and not preview.print_button.isEnabled()
    assert preview.stack.currentWidget() is preview.message and "没有处于公示期" in preview.message.text()
    shoot(preview, "refusal")


def test_the_main_window_opens_the_request_with_the_selected_village(app, qtbot, store, loan):
    _folder, code, _ids = store
    window = MainWindow(loan)
    qtbot.addWidget(window)
    window.households.set_division(code)
    request = open_request(window, CERTIFICATES)
    assert request.village.text() == code
    register = open_register(window)
    assert register.division.text() == code
    wait_for_tasks()


def test_the_register_lists_certificates_and_a_supervisor_reprints_and_revokes(app, qtbot, store, loan, supervisor):
    _folder, code, ids = store
    from app.services.certificates import issue_certificate

    numbers = [issue_certificate(loan, household, TODAY).number for household in ids[:3]]
    dialog = RegisterDialog(supervisor, code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert dialog.reprint_button.isVisibleTo(dialog) and dialog.revoke_button.isVisibleTo(dialog)
    dialog.show()
    shoot(dialog, "register")
    dialog.table.selectRow(0)
    preview = dialog.on_reprint()
    with qtbot.waitSignal(preview.sig_ready, timeout=30_000):
        pass
    assert find_certificate(loan, numbers[0], TODAY).reprint_count == 1
    preview.close()
    dialog.table.selectRow(1)
    dialog.on_revoke()
    assert not dialog.revoke_dialog.ok.isEnabled()  # a reason is required
    dialog.revoke_dialog.reason.setText("骗取授信")
    shoot(dialog.revoke_dialog, "revoke")
    dialog.revoke_dialog.accept()
    qtbot.waitUntil(lambda: find_certificate(loan, numbers[1], TODAY).status is CertificateStatus.REVOKED,
                    timeout=10_000)
    qtbot.waitUntil(lambda: "已撤销" in dialog.model.data(dialog.model.index(1, 1)), timeout=10_000)


def test_a_loan_officer_sees_the_register_without_reprint_or_revoke(app, qtbot, loan):
    dialog = RegisterDialog(loan, "")
    qtbot.addWidget(dialog)
    assert not dialog.reprint_button.isVisibleTo(dialog) and not dialog.revoke_button.isVisibleTo(dialog)
