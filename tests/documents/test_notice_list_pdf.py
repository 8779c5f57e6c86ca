"""The notice list shows masked IDs only, repeats its header on every page, and paginates."""
from __future__ import annotations

import re

import pytest

from app.documents.notice_list import HEADER, render_notice_list
from app.domain.masking import mask_id_number


@pytest.fixture
def short_list(tmp_path, make_notice):
    notice = make_notice(12)
    path = tmp_path / "notice.pdf"
    pages = render_notice_list(notice, path)
    return notice, path, pages


def test_the_notice_says_what_for_how_long_and_where_to_object(short_list, pdf_tools):
    _, path, pages = short_list
    assert pages == 1
    text = pdf_tools.poppler_text(path).replace("\n", "").replace(" ", "")
    for expected in ("东风村信用户评定结果公示", "公示期：2026年3月1日至2026年3月7日", "共7天",
                     "东风村村委会办公室", "0768-2345678", "李主任", "城关镇东风村村民委员会",
                     "第1页共1页"):
        assert expected in text, expected


def test_ids_appear_masked_and_never_in_full(short_list, pdf_tools):
    notice, path, _ = short_list
    for text in (pdf_tools.poppler_text(path), "".join(pdf_tools.pypdf_text(path))):
        for row in notice.rows:
            assert mask_id_number(row.id_number) in text
            assert row.id_number not in text
            assert row.id_number[4:14] not in text  # not even the birth-date middle


def test_every_household_is_listed_with_grade_and_score(short_list, pdf_tools):
    notice, path, _ = short_list
    text = pdf_tools.poppler_text(path)
    for row in notice.rows:
        assert f"{row.score:.2f}" in text
    assert "阿卜杜热合曼·买买提明" in text


def test_a_long_list_paginates_repeats_its_header_and_numbers_its_pages(tmp_path, make_notice,
                                                                        pdf_tools):
    notice = make_notice(2000)
    path = tmp_path / "long-notice.pdf"
    pages = render_notice_list(notice, path)
    assert pages > 40
    texts = pdf_tools.poppler_text(path).split("\f")[:-1]  # poppler is fast on 80 pages
    assert len(texts) == pages == len(pdf_tools.pypdf_text(path))
    for number, text in enumerate(texts, start=1):
        flat = text.replace("\n", "").replace(" ", "")
        assert all(title in flat for title in HEADER), number
        assert f"第{number}页共{pages}页" in flat
        assert "公示期2026年3月1日至2026年3月7日" in flat
    last = pdf_tools.poppler_text(path, page=pages)
    assert mask_id_number(notice.rows[-1].id_number) in last
    assert re.search(r"\b2000\b", last)


def test_a_thirty_character_name_wraps_inside_its_column(tmp_path, make_notice, pdf_tools):
    path = tmp_path / "names.pdf"
    render_notice_list(make_notice(5), path)
    width, _ = pdf_tools.page_size(path)
    margin = 18 * 72 / 25.4
    for word, x0, _, x1, _ in pdf_tools.word_boxes(path):
        assert margin - 1 <= x0 and x1 <= width - margin + 1, word
