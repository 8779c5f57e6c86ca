"""Draw the previews of the printed documents in docs/images from the real renderers.

    .venv/bin/python docs/make_document_previews.py

Writes ``certificate.png``, ``notice-list.png`` and ``rating-report.png`` (page 1 of each, at
100 dpi, in 256 colours). Needs poppler's ``pdftoppm`` (Debian/Ubuntu: ``apt install poppler-utils``; Windows:
the poppler build from conda-forge or MSYS2). The sample data and the signing key are fixed,
so the pictures change only when the documents do.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.documents.certificate import render_certificates
from app.documents.model import (
    Appraisal, CertificateData, NoticeList, NoticeRow, ObjectionContact, RatingReport, ReportItem,
    SubjectIdentity,
)
from app.documents.notice_list import render_notice_list
from app.documents.rating_report import render_rating_report
from app.documents.signing import certificate_signer
from app.documents.templates import load_default_templates
from app.domain.idnumber import make_id_number
from png_shrink import shrink

OUT = Path(__file__).resolve().parent / "images"
DPI = 100
# A fixed key for the pictures only: Ed25519 signatures are deterministic, so is the QR.
PREVIEW_KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"docs preview key").digest())


def sample_certificate() -> CertificateData:
    return CertificateData(
        certificate_no="445122-2026-001-000123", subject_kind="household", holder_name="张三丰",
        village_name="东风村", township_name="城关镇", county_name="饶平县", grade="AAA",
        credit_line=Decimal("200000.00"), valid_from=date(2026, 3, 10), valid_until=date(2027, 3, 9),
        issuing_township="饶平县城关镇人民政府", issuing_bank="饶平农村商业银行城关支行",
        issued_on=date(2026, 3, 10), device_id="LAPTOP-07")


def sample_notice() -> NoticeList:
    names = ["张三丰", "李建国", "欧阳娜娜", "陈立新", "刘秀英", "王建华", "赵强", "阿卜杜热合曼·买买提明",
             "黄丽萍", "周国庆", "吴海燕", "郑志刚"]
    rows = tuple(
        NoticeRow(head_name=names[i % len(names)],
                  id_number=make_id_number("445122", date(1958 + i % 35, 1 + i % 12, 1 + i % 28),
                                           11 + i * 7 % 980, "male" if i % 3 else "female"),
                  group=f"第{1 + i % 6}村民小组", proposed_grade=("AAA", "AA", "A", "AA")[i % 4],
                  score=Decimal("92.50") - Decimal(i * 7 % 30))
        for i in range(40))
    return NoticeList(
        village_name="东风村", township_name="城关镇", issuing_body="城关镇东风村村民委员会",
        notice_start=date(2026, 3, 1), notice_end=date(2026, 3, 7),
        objection_contact=ObjectionContact("东风村村委会办公室", "0768-2345678", "李主任"),
        rows=rows, printed_on=date(2026, 3, 1))


def sample_report() -> RatingReport:
    d = Decimal
    items = (
        ReportItem("B1", "base", "户主年龄", d("8"), d("8"), "户主 45 岁，在 25–55 岁之间"),
        ReportItem("B2", "base", "户主健康状况", d("6"), d("6"), "健康"),
        ReportItem("B3", "base", "户主文化程度", d("4"), d("6"), "初中"),
        ReportItem("B4", "base", "劳动力人数", d("6"), d("8"), "家庭劳动力 2 人"),
        ReportItem("B5", "base", "本地居住年限", d("6"), d("6"), "居住 32 年"),
        ReportItem("B6", "base", "主业从业年限", d("6"), d("6"), "从事柑橘种植 12 年"),
        ReportItem("B7", "base", "家庭年纯收入", d("12"), d("15"),
                   "年纯收入 128,000 元，在 100,000–200,000 元之间；收入来源包括柑橘销售、外出务工和"
                   "土地流转租金，已核对近两年销售单据及银行流水"),
        ReportItem("B8", "base", "家庭净资产", d("9"), d("15"), "净资产 350,000 元"),
        ReportItem("B9", "base", "资产负债率", d("12"), d("12"), "资产负债率 12%"),
        ReportItem("B10", "base", "经营土地面积", d("6"), d("8"), "经营 15.5 亩"),
        ReportItem("B11", "base", "近三年逾期次数", d("10"), d("10"), "近三年无逾期"),
        ReportItem("I1", "bonus", "荣誉", d("3"), d("6"), "2025 年县级“文明家庭”"),
        ReportItem("I2", "bonus", "农业保险", d("2"), d("2"), "已参加 2026 年柑橘种植保险"),
        ReportItem("P3", "penalty", "环境违规", d("-2"), None, "2024 年 10 月焚烧秸秆，镇综合执法办处罚"),
    )
    return RatingReport(
        subject=SubjectIdentity("household", "张三丰",
                                make_id_number("445122", date(1981, 5, 12), 35, "male"),
                                "东风村", "城关镇", "饶平县", "第三村民小组"),
        scheme_id="household-default", scheme_version=1, rated_on=date(2026, 2, 20),
        score=d("84.00"), base=d("85.00"), bonus=d("5.00"), penalty=d("2.00"), grade="AA",
        items=items, final_score=d("87.00"), final_grade="AAA", credit_line=d("200000"),
        appraisal=Appraisal(d("3"), "长期带动周边农户发展柑橘种植，评定小组一致同意上调",
                            ("李明", "王芳", "赵强", "陈立新", "刘秀英")))


def first_page_png(pdf: Path, target: Path) -> None:
    """Page 1 of ``pdf`` as a PNG at :data:`DPI`."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    shutil.move(f"{stem}.png", target)
    shrink(target)


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        render_certificates([sample_certificate()], folder / "certificate.pdf",
                            template=load_default_templates(), sign=certificate_signer(PREVIEW_KEY))
        render_notice_list(sample_notice(), folder / "notice-list.pdf")
        render_rating_report(sample_report(), folder / "rating-report.pdf")
        for name in ("certificate", "notice-list", "rating-report"):
            first_page_png(folder / f"{name}.pdf", OUT / f"{name}.png")
            print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
