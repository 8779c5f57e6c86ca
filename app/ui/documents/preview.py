"""A PDF made by the services, previewed with QtPdf, printed with the system dialog or saved.

The PDF is produced in the thread pool (a village batch takes seconds) while a progress bar
moves and 取消 stays live; the bytes then load into a QPdfDocument from memory, so nothing
is written to disk unless the user saves.
"""
from __future__ import annotations

import threading
from io import BytesIO
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QStackedWidget, QVBoxLayout)

from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task

# job(progress, cancel) -> PDF bytes; progress(done, total) may be called from the worker thread.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], bytes]
PRINT_DPI_CAP = 300  # enough for seals and QR codes; a 1200 dpi raster of A4 would be ~500 MB


class _Progress(QObject):
    """Emitted from the worker thread; Qt queues it to the GUI thread where this object lives."""

    sig_step = Signal(int, int)


class DocumentPreview(QDialog):
    """Preview one generated PDF; print it or save it as a file."""

    sig_ready = Signal(int)  # pages loaded
    sig_failed = Signal(str)

    def __init__(self, title: str, suggested_name: str, job: Job, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.suggested_name = suggested_name
        self.pdf_bytes = b""
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.sig_step.connect(self._on_step)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._make_widgets()
        self.resize(900, 720)
        run_task(job, self._progress.sig_step.emit, self._cancel.is_set,
                 on_done=self._on_pdf, on_error=self._on_error, owner=self)

    def _make_widgets(self) -> None:
        self.status = QLabel(self.tr("正在生成…"))
        # Until the PDF is there (or when it cannot be made) the page area says why, in large type.
        self.message = QLabel(self.tr("正在生成文档，请稍候…"), alignment=Qt.AlignmentFlag.AlignCenter,
                              wordWrap=True)
        self.message.setStyleSheet("font-size: 16pt; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.on_cancel)
        self.print_button = QPushButton(self.tr("打印(&P)…"), enabled=False)
        self.print_button.clicked.connect(self.on_print)
        self.save_button = QPushButton(self.tr("另存为 PDF(&S)…"), enabled=False)
        self.save_button.clicked.connect(self.on_save)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.bar)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    # -- generating ------------------------------------------------------------------------
    def _on_step(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(self.tr("正在生成：{done}/{total}").format(done=done, total=total))

    def on_cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("正在取消…"))

    def _on_pdf(self, data: bytes) -> None:
        self.pdf_bytes = data
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        self.bar.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("共 {pages} 页").format(pages=pages))
        self.stack.setCurrentWidget(self.view)
        self.print_button.setEnabled(pages > 0)
        self.save_button.setEnabled(pages > 0)
        self.sig_ready.emit(pages)

    def _on_error(self, error: Exception) -> None:
        from app.documents.certificate import RenderCancelled

        self.bar.hide()
        self.cancel_button.hide()
        text = self.tr("已取消，未生成文件") if isinstance(error, RenderCancelled) else problem_text(error)
        self.status.setText(self.tr("未能生成"))
        self.message.setText(text)
        self.sig_failed.emit(text)

    # -- printing and saving ----------------------------------------------------------------
    def on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog.open()

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page onto ``printer``, scaled to fit; returns the pages printed."""
        pages = self.document.pageCount()
        painter = QPainter()
        if pages == 0:
            return 0
        _orient(printer, self.document.pagePointSize(0))
        if not painter.begin(printer):
            return 0
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        try:
            for page in range(pages):
                points = self.document.pagePointSize(page)
                if page:
                    _orient(printer, points)  # certificates are landscape, lists portrait
                    printer.newPage()
                image = self.document.render(page, QSize(round(points.width() * dpi / 72),
                                                         round(points.height() * dpi / 72)))
                target = painter.viewport()
                painter.drawImage(_fit(target, image.size()), image)
        finally:
            painter.end()
        return pages

    def on_save(self) -> None:
        self.save_dialog = QFileDialog(self, self.tr("另存为 PDF"), self.suggested_name, self.tr("PDF 文件 (*.pdf)"))
        self.save_dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.save_dialog.setDefaultSuffix("pdf")
        self.save_dialog.fileSelected.connect(self.save_to)
        self.save_dialog.open()

    def save_to(self, path: str) -> None:
        with open(path, "wb") as out:
            out.write(self.pdf_bytes)
        self.status.setText(self.tr("已保存到 {path}").format(path=path))


def _orient(printer: QPrinter, points) -> None:
    landscape = points.width() > points.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


def _fit(target: QRect, size: QSize) -> QRect:
    """The largest rectangle of ``size``'s aspect ratio centred in ``target``."""
    scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(target.x() + (target.width() - scaled.width()) // 2,
                 target.y() + (target.height() - scaled.height()) // 2, scaled.width(), scaled.height())


def pdf_job(render: Callable[[BytesIO, Callable[[int, int], None], Callable[[], bool]], object]) -> Job:
    """A :data:`Job` from ``render(out, progress, cancel)`` writing into memory."""
    def job(progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> bytes:
        out = BytesIO()
        render(out, progress, cancel)
        return out.getvalue()
    return job
