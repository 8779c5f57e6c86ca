"""The rating report explains every point, shows vetoes and the appraisal, and has signature lines."""
from __future__ import annotations

from dataclasses import replace

from app.documents.rating_report import SIGNATURES, render_rating_report
from app.domain.masking import mask_id_number


def _flat(text: str) -> str:
    return text.replace("\n", "").replace(" ", "")


def test_every_indicator_is_printed_with_points_and_reason(tmp_path, report, pdf_tools):
    path = tmp_path / "report.pdf"
    render_rating_report(report, path)
    text = _flat(pdf_tools.poppler_text(path, raw=True))
    for item in report.items:
        assert item.indicator in text and _flat(item.name) in text
        assert _flat(item.reason) in text, item.indicator
    assert "+3.00" in text and "-2.00" in text


def test_vetoes_appraisal_result_and_signature_lines_are_on_the_report(tmp_path, report, pdf_tools):
    path = tmp_path / "report.pdf"
    render_rating_report(report, path)
    text = _flat(pdf_tools.poppler_text(path))
    assert "一票否决：V3当前有逾期90天以上的贷款" in text
    assert "评议调整：+3.00分" in text and "长期带动周边农户发展柑橘种植" in text
    assert "李明、王芳、赵强" in text
    assert "最终得分84.00，最终等级C" in text
    for label in SIGNATURES:
        assert f"{label}：" in text


def test_the_head_id_is_masked_on_the_report(tmp_path, report, pdf_tools):
    path = tmp_path / "report.pdf"
    render_rating_report(report, path)
    text = pdf_tools.poppler_text(path) + "".join(pdf_tools.pypdf_text(path))
    assert mask_id_number(report.subject.id_number) in text
    assert report.subject.id_number not in text


def test_a_long_reason_wraps_inside_the_table(tmp_path, report, pdf_tools):
    path = tmp_path / "report.pdf"
    render_rating_report(report, path)
    width, _ = pdf_tools.page_size(path)
    margin = 18 * 72 / 25.4
    boxes = pdf_tools.word_boxes(path)
    assert boxes
    for word, x0, _, x1, _ in boxes:
        assert margin - 1 <= x0 and x1 <= width - margin + 1, word


def test_a_report_without_appraisal_says_so_and_a_long_report_runs_onto_more_pages(
        tmp_path, report, pdf_tools):
    many = tuple(replace(report.items[1], indicator=f"B{i}") for i in range(40))
    path = tmp_path / "long-report.pdf"
    pages = render_rating_report(replace(report, items=many, appraisal=None), path)
    assert pages >= 2
    texts = [_flat(t) for t in pdf_tools.pypdf_text(path)]
    assert "评议调整：无" in texts[-1]
    assert all("评分依据" in t for t in texts[:-1])  # the item table's header repeats
    assert all(f"共{pages}页" in t for t in texts)


def test_a_cooperative_report_shows_its_credit_code_in_full(tmp_path, report, pdf_tools):
    subject = replace(report.subject, kind="cooperative", name="绿源果蔬种植农民专业合作社",
                      id_number="93445122MA4X1234XY")
    path = tmp_path / "coop.pdf"
    render_rating_report(replace(report, subject=subject), path)
    text = _flat(pdf_tools.poppler_text(path))
    assert "农民专业合作社信用评定表" in text and "93445122MA4X1234XY" in text
    assert "统一社会信用代码" in text
