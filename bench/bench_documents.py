"""Certificate printing speed, against a bare reportlab canvas drawing the same text in the same run.

Targets (issue "Print"): at least 50 certificates a second into one PDF (a village of 1,000
households in 20 s); a QR code far cheaper than reportlab's ``QrCodeWidget`` (25 ms a page).

    .venv/bin/python -m bench.bench_documents
"""
from __future__ import annotations

import io
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from bench.common import quick, row
from app.documents.certificate import render_certificates
from app.documents.fields import certificate_fields
from app.documents.model import CertificateData, NoticeList, NoticeRow, ObjectionContact
from app.documents.notice_list import render_notice_list
from app.documents.qr import draw_qr, qr_matrix
from app.documents.signing import certificate_signer, generate_signing_key
from app.documents.templates import load_default_templates
from app.documents.text import CJK_FONT, register_fonts
from app.domain.idnumber import make_id_number

MM = 72 / 25.4


def _certificates(count: int) -> list[CertificateData]:
    first = CertificateData(
        certificate_no="445122-2026-000001", subject_kind="household", holder_name="张三丰",
        village_name="东风村", township_name="城关镇", county_name="饶平县", grade="AAA",
        credit_line=Decimal("200000.00"), valid_from=date(2026, 1, 1), valid_until=date(2026, 12, 31),
        issuing_township="饶平县城关镇人民政府", issuing_bank="饶平农村商业银行城关支行",
        issued_on=date(2026, 1, 1), device_id="LAPTOP-07")
    names = ["张三丰", "李四光", "欧阳娜娜", "陈立新", "刘秀英", "王建国", "赵强"]
    return [replace(first, certificate_no=f"445122-2026-{i:06d}", holder_name=names[i % len(names)])
            for i in range(1, count + 1)]


def _bare_canvas(items: list[CertificateData]) -> None:
    """The floor: the same lines of text and a border per page, one font, no QR, no layout."""
    register_fonts()
    canvas = Canvas(io.BytesIO(), pagesize=landscape(A4), pageCompression=1)
    for data in items:
        fields = certificate_fields(data)
        canvas.rect(9 * MM, 9 * MM, 279 * MM, 192 * MM)
        canvas.setFont(CJK_FONT, 40)
        canvas.drawCentredString(148 * MM, 164 * MM, "信用户证书")
        canvas.setFont(CJK_FONT, 18)
        lines = [f"{fields['holder_name']}同志：",
                 f"经{fields['village_name']}信用评定小组评议、公示，贵户被评定为 {fields['grade']} 级信用户，",
                 f"授信额度 {fields['credit_line_wan']}。有效期自 {fields['valid_from']} 至 {fields['valid_until']}。",
                 "特发此证。", f"证书编号：{fields['certificate_no']}", fields["issuing_township"],
                 fields["issuing_bank"], f"发证日期：{fields['issued_on']}"]
        for index, line in enumerate(lines):
            canvas.drawString(40 * MM, (138 - index * 12) * MM, line)
        canvas.showPage()
    canvas.save()


def _per_second(fn: Callable[[], object], count: int) -> float:
    fn()  # warm-up: fonts parsed, caches filled
    start = time.perf_counter()
    fn()
    return count / (time.perf_counter() - start)


def _ms_per_qr(draw: Callable[[Canvas, str], None], payloads: list[str]) -> float:
    canvas = Canvas(io.BytesIO())
    start = time.perf_counter()
    for payload in payloads:
        draw(canvas, payload)
        canvas.showPage()
    elapsed = time.perf_counter() - start
    canvas.save()
    return elapsed / len(payloads) * 1000


def _ours(canvas: Canvas, payload: str) -> None:
    draw_qr(canvas, qr_matrix(payload), 100, 100, 96)


def _widget(canvas: Canvas, payload: str) -> None:
    widget = QrCodeWidget(payload, barLevel="M")
    drawing = Drawing(96, 96)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, 100, 100)


def run() -> list[dict]:
    count = 200 if quick() else 1000
    items = _certificates(count)
    templates = load_default_templates()
    sign = certificate_signer(generate_signing_key())
    ours = _per_second(lambda: render_certificates(items, io.BytesIO(), template=templates,
                                                   sign=sign), count)
    bare = _per_second(lambda: _bare_canvas(items), count)
    payloads = [sign(data) for data in items[:100]]
    qr_ours = _ms_per_qr(_ours, payloads)
    qr_widget = _ms_per_qr(_widget, payloads)
    rows = [
        row(f"certificates into one PDF ({count:,})", ours, "/s", "≥ 50/s", bare,
            "baseline: bare canvas, same text, no QR; higher is better"),
        row("QR code per certificate (segno + one path)", qr_ours, "ms",
            "far below QrCodeWidget", qr_widget, "baseline: reportlab QrCodeWidget"),
    ]
    notice_rows = 500 if quick() else 2000
    notice = _notice(notice_rows)
    start = time.perf_counter()
    pages = render_notice_list(notice, io.BytesIO())
    rows.append(row(f"notice list of {notice_rows:,} households ({pages} pages)",
                    time.perf_counter() - start, "s", "off the GUI thread", None))
    return rows


def _notice(count: int) -> NoticeList:
    rows = tuple(NoticeRow(["张三丰", "欧阳娜娜", "李四光"][i % 3],
                           make_id_number("445122", date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                                          1 + i % 999, "male"),
                           f"第{1 + i % 9}村民小组", "AA", Decimal("80.50")) for i in range(count))
    return NoticeList("东风村", "城关镇", "城关镇东风村村民委员会", date(2026, 3, 1), date(2026, 3, 7),
                      ObjectionContact("东风村村委会办公室", "0768-2345678"), rows, date(2026, 3, 1))


if __name__ == "__main__":
    from bench.run import print_table
    print_table(run())
