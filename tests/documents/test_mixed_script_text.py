"""Chinese and Latin text: each run in a font that has its glyphs, wrapped without overflow."""
from __future__ import annotations

import pytest

from app.documents.text import CJK_FONT, LATIN_FONT, markup, runs, text_width, wrap

SENTENCE = ("经东风村信用评定小组评议、公示，贵户被评定为 AAA 级信用户，授信额度 20 万元，"
            "有效期自 2026年1月1日 至 2026年12月31日。")


def test_chinese_goes_to_the_cjk_font_and_latin_letters_and_digits_to_the_latin_font():
    assert runs("张三 AAA 级 445122-2026") == (
        (CJK_FONT, "张三 "), (LATIN_FONT, "AAA"), (CJK_FONT, " 级 "), (LATIN_FONT, "445122-2026"))


def test_every_character_of_a_mixed_text_is_in_the_font_chosen_for_it():
    from reportlab.pdfbase import pdfmetrics
    text = SENTENCE + "阿卜杜·买买提 4405**********1234 ¥ ×"
    for font, run in runs(text):
        glyphs = pdfmetrics.getFont(font).face.charToGlyph
        assert all(ord(ch) in glyphs for ch in run), (font, run)


@pytest.mark.parametrize("width", [80, 150, 230, 400])
def test_wrapped_lines_never_exceed_the_width_and_lose_no_character(width):
    lines = wrap(SENTENCE, 12, width)
    assert all(text_width(line, 12) <= width + 0.01 for line in lines)
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")


@pytest.mark.parametrize("width", [60, 90, 130, 170, 210, 250])
def test_no_wrapped_line_starts_with_closing_punctuation(width):
    lines = wrap(SENTENCE, 12, width)
    assert not any(line[0] in "，。、；：）" for line in lines[1:])


def test_latin_words_stay_whole_when_they_fit():
    lines = wrap("有效期至 2026-12-31 止，编号 445122-2026-000123", 12, 150)
    assert any("445122-2026-000123" in line for line in lines)
    assert any("2026-12-31" in line for line in lines)


def test_a_word_wider_than_the_line_is_cut_rather_than_overflowing():
    lines = wrap("X" * 80, 12, 100)
    assert len(lines) > 1 and all(text_width(line, 12) <= 100 for line in lines)


def test_markup_escapes_data_and_switches_font_for_latin_runs():
    text = markup("张三 <b>&")
    assert "&lt;b&gt;&amp;" in text and f'<font name="{LATIN_FONT}">' in text
