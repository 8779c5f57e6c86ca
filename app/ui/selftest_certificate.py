"""The certificate step of the selftest: render, show with QtPdf, print, verify the signed QR.

A throwaway signing key is used: the selftest runs on a fresh folder that holds no
installation key, and what is checked is the machinery, not a key.
"""
from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from app.services import accounts


class SelftestFailure(Exception):
    """A check did not hold; the message says which, in one line."""


def check_certificate(ws: accounts.Workspace, today: date) -> str:
    """A household's certificate, signed with a throwaway key, shown and printed with Qt; its QR must verify.

    The payload is taken from the signing callback (what the PDF's QR encodes); a copy with
    one changed letter must be refused, so a verifier that accepts anything fails here.
    """
    from app.documents.certificate import render_certificates
    from app.documents.signing import Keyring, Status, certificate_signer, generate_signing_key, verify_payload
    from app.documents.templates import load_default_templates

    data = _certificate_data(ws, today)
    key = generate_signing_key()
    sign = certificate_signer(key)
    payloads: list[str] = []
    out = io.BytesIO()
    render_certificates([data], out, template=load_default_templates(),
                        sign=lambda item: payloads.append(sign(item)) or payloads[-1])
    page = _show_and_print(out.getvalue(), ws.data_dir / "selftest-print.pdf")
    keyring = Keyring()
    keyring.add(key.public_key(), "selftest", today)
    result = verify_payload(payloads[0], keyring, today=today)
    other = "AAA" if data.grade != "AAA" else "AA"
    forged = verify_payload(payloads[0].replace(f"|{data.grade}|", f"|{other}|", 1), keyring, today=today)
    if result.status is not Status.VALID or forged.status is not Status.TAMPERED:
        raise SelftestFailure(f"证书二维码核验结果不对：{result.status.value} / {forged.status.value}")
    return f"证书 PDF {len(out.getvalue()) // 1024} KB，QtPdf 显示 {page}，打印输出正常，二维码签名核验有效"


def _show_and_print(pdf: bytes, printed: Path) -> str:
    """Load the PDF with QtPdf as the preview does and print its page (what a bundle missing
    the QtPdf library or the print support would fail)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.application import make_application

    make_application()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() != 1:
        raise SelftestFailure(f"QtPdf 无法打开证书 PDF（{document.status().name}，{document.pageCount()} 页）")
    image = document.render(0, QSize(420, 594))
    inked = sum(QColor(image.pixel(x, y)).lightness() < 128 for x in range(0, 420, 7) for y in range(0, 594, 7))
    if image.isNull() or inked == 0:
        raise SelftestFailure("QtPdf 渲染的证书页是空白的")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    painter = QPainter()
    if not painter.begin(printer):
        raise SelftestFailure("打印支持不可用（QPrinter 无法开始输出）")
    painter.drawImage(0, 0, image)
    painter.end()
    if printed.stat().st_size == 0:
        raise SelftestFailure("打印输出为空")
    return f"{image.width()}×{image.height()} 像素"


def _certificate_data(ws: accounts.Workspace, today: date):
    """The certificate of the first demo household that got a grade (names from the services)."""
    from app.documents.model import CertificateData
    from app.documents.numbering import format_certificate_no
    from app.services.divisions import division_tree
    from app.services.ratings import latest_ratings
    from app.services.search import ListQuery, household_ids, household_rows

    for household_id in household_ids(ws, ListQuery()):
        rating = next(iter(latest_ratings(ws, household_id, limit=1)), None)
        if rating is not None and rating.grade:
            break
    else:
        raise SelftestFailure("没有已评级的农户可出证书")
    row = household_rows(ws, [household_id])[0]
    path = _division_path(division_tree(ws.db), rating.inputs["record"]["village_code"])
    if len(path) < 3:
        raise SelftestFailure("农户所在村不在区划树中")
    county, township = path[0], path[1]
    return CertificateData(
        certificate_no=format_certificate_no(county.code, today.year, 1), subject_kind="household",
        holder_name=row.head_name, village_name=row.village_name, township_name=township.name,
        county_name=county.name, grade=rating.grade,
        credit_line=Decimal(rating.result.get("credit_line") or "0").quantize(Decimal("0.01")),
        valid_from=today, valid_until=today + timedelta(days=365), issuing_township=township.name,
        issuing_bank="自检农商银行", issued_on=today, device_id="selftest")


def _division_path(roots, code: str) -> list:
    """The nodes from a county down to the division ``code`` (empty if it is not in the tree)."""
    for node in roots:
        below = [node] if node.code == code else _division_path(node.children, code)
        if below:
            return below if below[0] is node else [node, *below]
    return []
