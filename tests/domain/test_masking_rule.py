"""The one masking rule: what each kind of personal data looks like once masked."""
from __future__ import annotations

from datetime import date

import pytest

from app.domain.idnumber import make_id_number
from app.domain.masking import mask_id_number, mask_name, mask_phone, mask_text

ID_18 = make_id_number("440522", date(1990, 1, 1), 123, "male")
ID_X = "11010519491231002X"


@pytest.mark.parametrize(("raw", "masked"), [
    ("440522199001011234", "4405**********1234"),
    ("11010519491231002x", "1101**********002X"),
    ("１１０１０５１９４９１２３１００２Ｘ", "1101**********002X"),
    ("440522900101123", "4405*******1123"),
    ("12345678", "********"),
    ("", ""),
])
def test_id_numbers_keep_the_first_four_and_last_four(raw, masked):
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(("raw", "masked"), [
    ("13812345678", "138****5678"),
    ("138 1234 5678", "138****5678"),
    ("0768-22345678", "0768-******78"),
    ("(010)87654321", "010-******21"),
    ("0768-2345678-123", "0768-*****78-***"),
    ("12345", "***45"),
    ("", ""),
])
def test_phones_keep_the_mobile_prefix_or_the_area_code(raw, masked):
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(("raw", "masked"), [
    ("张三丰", "张*丰"), ("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("买买提·艾力", "买****力"),
    ("𠮷祥", "𠮷*"), ("李", "*"), ("", ""),
])
def test_names_keep_the_first_and_last_character(raw, masked):
    assert mask_name(raw) == masked


def test_mask_text_masks_an_id_number_and_a_phone_inside_a_sentence():
    sentence = f"户主张三，身份证{ID_18}，电话13812345678，已签字。"
    masked = mask_text(sentence)
    assert masked == f"户主张三，身份证{mask_id_number(ID_18)}，电话138****5678，已签字。"
    assert ID_18 not in masked and "13812345678" not in masked


@pytest.mark.parametrize(("text", "masked"), [
    (f"id={ID_X};", "id=1101**********002X;"),
    (f"id={ID_X.lower()}", "id=1101**********002X"),
    ("old id 440522900101123.", "old id 4405*******1123."),
    ("tel:138-1234-5678", "tel:138****5678"),
    ("tel 138 1234 5678!", "tel 138****5678!"),
    ("手机１３８１２３４５６７８", "手机138****5678"),
    ("phone13812345678x", "phone138****5678x"),
    ("a 123456789012345678901 b", "a 123456789012345678901 b"),  # a 21-digit number is none of them
    ("account 6222021234567890", "account 6222021234567890"),     # 16 digits: a bank card
    ("amount 85000.00 yuan", "amount 85000.00 yuan"),
])
def test_mask_text_finds_numbers_only_where_they_stand_alone(text, masked):
    assert mask_text(text) == masked


def test_mask_text_masks_every_occurrence():
    text = f"{ID_18} {ID_X} 13812345678 13912345678"
    assert mask_text(text).count("*") == 10 + 10 + 4 + 4
