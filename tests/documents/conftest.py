"""Fixtures for the document tests: a signing key, sample documents, and PDF readers.

PDFs are read back two independent ways, pypdf and poppler's command-line tools
(``pdftotext``, ``pdffonts``, ``pdftoppm``), and QR codes are decoded by zbar's ``zbarimg``
from a page rendered at 150 dpi, as a phone would see the paper.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.model import (
    Appraisal, CertificateData, NoticeList, NoticeRow, ObjectionContact, RatingReport, ReportItem,
    SubjectIdentity,
)
from app.documents.signing import Keyring, generate_signing_key
from app.domain.idnumber import make_id_number

TODAY = date(2026, 3, 15)
DEVICE = "LAPTOP-07"


class PdfTools:
    """Ways to look inside a PDF file."""

    @staticmethod
    def pypdf_text(path: Path) -> list[str]:
        """The text of each page, as pypdf extracts it."""
        return [page.extract_text() for page in PdfReader(path).pages]

    @staticmethod
    def poppler_text(path: Path, *, page: int | None = None, raw: bool = False) -> str:
        """The text poppler extracts (pages separated by form feeds); ``raw`` in drawing order."""
        args = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else [])]
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        return subprocess.run([*args, str(path), "-"], check=True, capture_output=True,
                              text=True).stdout

    @staticmethod
    def fonts(path: Path) -> list[dict[str, str]]:
        """``pdffonts`` rows: name, type, emb, sub."""
        out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
        rows = []
        for line in out:
            match = re.match(r"(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
            assert match, f"unexpected pdffonts line: {line!r}"
            rows.append({"name": match[1], "type": match[2], "emb": match[3], "sub": match[4]})
        return rows

    @staticmethod
    def word_boxes(path: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
        """(word, xMin, yMin, xMax, yMax) in points from the top-left, by ``pdftotext -bbox``."""
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path),
                               "-"], check=True, capture_output=True, text=True).stdout
        return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html)]

    @staticmethod
    def page_size(path: Path, page: int = 1) -> tuple[float, float]:
        box = PdfReader(path).pages[page - 1].mediabox
        return float(box.width), float(box.height)

    @staticmethod
    def qr_codes(path: Path, page: int, tmp: Path) -> list[str]:
        """The QR payloads zbar reads on ``page`` rendered at 150 dpi."""
        prefix = tmp / f"page{page}"
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", str(path), str(prefix)], check=True)
        result = subprocess.run(["zbarimg", "--quiet", "--raw", f"{prefix}.png"],
                                capture_output=True, text=True)
        return [line for line in result.stdout.splitlines() if line]


@pytest.fixture(scope="session")
def pdf_tools() -> PdfTools:
    return PdfTools()


@pytest.fixture(scope="session")
def signing_key():
    return generate_signing_key()


@pytest.fixture(scope="session")
def keyring(signing_key) -> Keyring:
    ring = Keyring()
    ring.add(signing_key.public_key(), DEVICE, date(2026, 1, 2))
    return ring


@pytest.fixture
def certificate() -> CertificateData:
    """A household's certificate, valid through 2026."""
    return CertificateData(
        certificate_no="445122-2026-000123", subject_kind="household", holder_name="张三丰",
        village_name="东风村", township_name="城关镇", county_name="饶平县", grade="AAA",
        credit_line=Decimal("200000.00"), valid_from=date(2026, 1, 1),
        valid_until=date(2026, 12, 31), issuing_township="饶平县城关镇人民政府",
        issuing_bank="饶平农村商业银行城关支行", issued_on=date(2026, 1, 1), device_id=DEVICE)


@pytest.fixture
def cooperative_certificate(certificate) -> CertificateData:
    return replace(certificate, certificate_no="445122-2026-000124", subject_kind="cooperative",
                   holder_name="饶平县东风村绿源果蔬种植农民专业合作社", grade="AA",
                   credit_line=Decimal("500000.00"))


def id_number(index: int) -> str:
    """A valid, distinct 18-character ID number for the ``index``-th test person."""
    born = date(1960 + index % 40, 1 + index % 12, 1 + index % 28)
    return make_id_number("445122", born, 1 + index % 999, "male" if index % 2 else "female")


@pytest.fixture
def make_notice():
    """``make_notice(rows)``: a notice list of ``rows`` households with varied names."""
    names = ["张三", "李四光", "欧阳娜娜", "阿卜杜热合曼·买买提明", "王" + "五" * 29]

    def make(count: int) -> NoticeList:
        rows = tuple(NoticeRow(head_name=names[i % len(names)], id_number=id_number(i),
                               group=f"第{1 + i % 9}村民小组", proposed_grade=("AAA", "AA", "A")[i % 3],
                               score=Decimal("60.25") + i % 40) for i in range(count))
        return NoticeList(
            village_name="东风村", township_name="城关镇", issuing_body="城关镇东风村村民委员会",
            notice_start=date(2026, 3, 1), notice_end=date(2026, 3, 7),
            objection_contact=ObjectionContact("东风村村委会办公室", "0768-2345678", "李主任"),
            rows=rows, printed_on=date(2026, 3, 1))
    return make


LONG_REASON = ("年纯收入 128,000 元，在 100,000–200,000 元之间；收入来源包括柑橘销售、外出务工和土地流转"
               "租金，已核对近两年销售单据及银行流水，与村委会掌握的情况基本一致，评定小组无异议。")


@pytest.fixture
def report() -> RatingReport:
    """A household's rating with a long reason, a penalty and an appraisal adjustment."""
    items = (
        ReportItem("B1", "base", "户主年龄", Decimal("8"), Decimal("8"), "户主 45 岁，在 25–55 岁之间"),
        ReportItem("B7", "base", "家庭年纯收入", Decimal("12"), Decimal("15"), LONG_REASON),
        ReportItem("B11", "base", "近三年逾期次数", Decimal("10"), Decimal("10"), "近三年无逾期"),
        ReportItem("I1", "bonus", "荣誉", Decimal("3"), Decimal("6"), "2025 年县级“文明家庭”"),
        ReportItem("P3", "penalty", "环境违规", Decimal("-2"), None, "2024 年 10 月焚烧秸秆被处罚"),
        ReportItem("V3", "veto", "严重逾期", Decimal("0"), None, "一笔贷款逾期 120 天未还"),
    )
    return RatingReport(
        subject=SubjectIdentity("household", "张三丰", id_number(7), "东风村", "城关镇", "饶平县",
                                "第三村民小组"),
        scheme_id="household-default", scheme_version=1, rated_on=date(2026, 2, 20),
        score=Decimal("84.00"), base=Decimal("81.00"), bonus=Decimal("5.00"),
        penalty=Decimal("2.00"), grade="C", items=items, final_score=Decimal("84.00"),
        final_grade="C", credit_line=Decimal("0"), vetoes=("V3 当前有逾期 90 天以上的贷款",),
        appraisal=Appraisal(Decimal("3"), "长期带动周边农户发展柑橘种植", ("李明", "王芳", "赵强")))
