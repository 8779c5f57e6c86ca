"""Asking what to print: a village (certificates, notice list) or a household (certificate,
rating report), and the date the documents are made on; then the preview does the work."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QButtonGroup, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QRadioButton, QVBoxLayout)

from app.services.accounts import Workspace
from app.ui.documents.preview import DocumentPreview, pdf_job

CERTIFICATES, NOTICE_LIST, RATING_REPORT = "certificates", "notice_list", "rating_report"


class DocumentRequestDialog(QDialog):
    """Choose the village or household and the date; ``preview()`` starts the document."""

    def __init__(self, ws: Workspace, kind: str, village_code: str = "", household_id: str = "", parent=None):
        super().__init__(parent)
        self.ws, self.kind = ws, kind
        titles = {CERTIFICATES: self.tr("打印信用户证书"), NOTICE_LIST: self.tr("打印公示名单"),
                  RATING_REPORT: self.tr("打印信用评定表")}
        self.setWindowTitle(titles[kind])
        self.village = QLineEdit(village_code, placeholderText=self.tr("12 位村级区划代码"))
        self.household = QLineEdit(household_id, placeholderText=self.tr("在农户列表中选中一户，或粘贴农户 ID"))
        self.on_date = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.whole_village = QRadioButton(self.tr("全村经确认的信用户（一户一页）"))
        self.one_household = QRadioButton(self.tr("单户"))
        group = QButtonGroup(self)
        group.addButton(self.whole_village)
        group.addButton(self.one_household)
        (self.one_household if household_id and kind == CERTIFICATES else self.whole_village).setChecked(True)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        if self.kind == CERTIFICATES:
            form.addRow(self.whole_village)
            form.addRow(self.tr("村代码："), self.village)
            form.addRow(self.one_household)
            form.addRow(self.tr("农户 ID："), self.household)
        elif self.kind == NOTICE_LIST:
            form.addRow(self.tr("村代码："), self.village)
        else:
            form.addRow(self.tr("农户 ID："), self.household)
        if self.kind != RATING_REPORT:
            form.addRow(self.tr("办理日期："), self.on_date)
        hint = QLabel(self.tr("证书只发给经审核员确认、仍在有效期内的信用户；编号一经签发不再改变。"), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("预览"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.kind == CERTIFICATES:
            layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def today(self) -> date:
        return self.on_date.date().toPython()

    def preview(self) -> DocumentPreview:
        """The preview window of the chosen document, already generating."""
        from app.services.certificates_documents import notice_list_pdf, rating_report_pdf
        from app.services.certificates_pdf import household_certificate_pdf, village_certificates_pdf

        ws, today = self.ws, self.today()
        village, household = self.village.text().strip(), self.household.text().strip()
        if self.kind == CERTIFICATES and self.whole_village.isChecked():
            render = lambda out, progress, cancel: village_certificates_pdf(  # noqa: E731
                ws, village, today, out, progress, cancel)
            title, name = self.tr("信用户证书：{village}").format(village=village), f"certificates-{village}.pdf"
        elif self.kind == CERTIFICATES:
            render = lambda out, _p, _c: household_certificate_pdf(ws, household, today, out)  # noqa: E731
            title, name = self.tr("信用户证书"), "certificate.pdf"
        elif self.kind == NOTICE_LIST:
            render = lambda out, _p, _c: notice_list_pdf(ws, village, today, out)  # noqa: E731
            title, name = self.tr("公示名单：{village}").format(village=village), f"notice-{village}.pdf"
        else:
            render = lambda out, _p, _c: rating_report_pdf(ws, household, out)  # noqa: E731
            title, name = self.tr("信用评定表"), "rating-report.pdf"
        return DocumentPreview(title, name, pdf_job(render), self.parentWidget())
