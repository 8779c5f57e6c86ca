"""Resident ID numbers: what is accepted, what is refused and with which problem."""
from __future__ import annotations

from datetime import date

import pytest

from app.domain.idnumber import (
    IdNumberInfo,
    age_on,
    birth_date_of,
    make_id_number,
    normalize_id_number,
    parse_id_number,
)
from app.domain.problems import DomainError

TODAY = date(2024, 5, 1)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def gb11643_check(first17: str) -> str:
    """The check character as GB 11643 tabulates it, independent of the code under test."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS))
    return "10X98765432"[total % 11]


def with_check(first17: str) -> str:
    return first17 + gb11643_check(first17)


def refusal(raw: str, today: date = TODAY, field: str = "id_number") -> DomainError:
    with pytest.raises(DomainError) as caught:
        parse_id_number(raw, today=today, field=field)
    return caught.value


# The example of GB 11643-1999 itself, and the example of python-stdnum's documentation.
PUBLISHED_EXAMPLES = ["11010519491231002X", "360426199101010071"]


@pytest.mark.parametrize("number", PUBLISHED_EXAMPLES)
def test_published_example_numbers_are_accepted(number):
    assert parse_id_number(number, today=TODAY).number == number


@pytest.mark.parametrize("number", PUBLISHED_EXAMPLES)
def test_the_independent_check_agrees_with_published_examples(number):
    assert gb11643_check(number[:17]) == number[17]


@pytest.mark.parametrize(
    ("region", "born", "sequence", "sex"),
    [
        ("440522", date(1990, 1, 1), 123, "male"),
        ("445121", date(2010, 6, 30), 2, "female"),
        ("110105", date(1900, 1, 1), 999, "male"),
        ("650102", date(2000, 2, 29), 0, "female"),
        ("440522", TODAY, 10, "female"),
    ],
)
def test_made_numbers_parse_back_to_their_parts(region, born, sequence, sex):
    number = make_id_number(region, born, sequence, sex)
    assert number[17] == gb11643_check(number[:17])
    assert parse_id_number(number, today=TODAY) == IdNumberInfo(
        number=number, region_code=region, birth_date=born, sex=sex)


@pytest.mark.parametrize(("sequence", "sex", "last_digit"), [
    (123, "male", 3), (123, "female", 2), (10, "male", 1), (10, "female", 0), (999, "female", 8),
])
def test_make_id_number_fits_the_sequence_parity_to_the_sex(sequence, sex, last_digit):
    number = make_id_number("440522", date(1990, 1, 1), sequence, sex)
    assert int(number[16]) == last_digit


@pytest.mark.parametrize("bad", [("44052", 1, "male"), ("440522", 1000, "male"), ("440522", 1, "man")])
def test_make_id_number_refuses_impossible_parts(bad):
    region, sequence, sex = bad
    with pytest.raises(ValueError):
        make_id_number(region, date(1990, 1, 1), sequence, sex)


def test_every_wrong_check_character_is_refused_with_the_right_one_named():
    number = make_id_number("440522", date(1985, 3, 14), 57, "male")
    right = number[17]
    for wrong in "0123456789X".replace(right, ""):
        problem = refusal(number[:17] + wrong).problem
        assert problem.code == "id_number.checksum"
        assert problem.params["expected"] == right
        assert f"第18位校验码应为 {right}" in problem.message


def test_any_single_mistyped_digit_is_caught():
    number = make_id_number("440522", date(1985, 3, 14), 57, "male")
    for position in range(17):
        for digit in "0123456789".replace(number[position], ""):
            typo = number[:position] + digit + number[position + 1:]
            code = refusal(typo).problem.code
            assert code in {"id_number.checksum", "id_number.birth_date", "id_number.future_birth"}


@pytest.mark.parametrize("raw", [
    "11010519491231002x",
    " 110105 19491231 002X ",
    "１１０１０５１９４９１２３１００２Ｘ",
    "１１０１０５１９４９１２３１００２ｘ",
    "110105\u300019491231002X",
])
def test_lower_case_x_spaces_and_full_width_input_are_normalised(raw):
    assert parse_id_number(raw, today=TODAY).number == "11010519491231002X"
    assert normalize_id_number(raw) == "11010519491231002X"


@pytest.mark.parametrize(("birth", "accepted"), [
    ("20000229", True), ("20240229", True), ("19000229", False), ("20230229", False),
    ("19900230", False), ("19901301", False), ("19900001", False), ("19900100", False),
])
def test_the_birth_date_must_be_a_real_day(birth, accepted):
    number = with_check("440522" + birth + "123")
    if accepted:
        assert parse_id_number(number, today=TODAY).birth_date.isoformat().replace("-", "") == birth
    else:
        problem = refusal(number).problem
        assert problem.code == "id_number.birth_date"
        assert birth in problem.message


@pytest.mark.parametrize(("born", "code"), [
    (date(2024, 5, 2), "id_number.future_birth"),
    (date(2030, 1, 1), "id_number.future_birth"),
    (date(1899, 12, 31), "id_number.birth_date"),
])
def test_birth_dates_after_today_or_before_1900_are_refused(born, code):
    problem = refusal(with_check(f"440522{born:%Y%m%d}123")).problem
    assert problem.code == code


def test_someone_born_today_is_accepted():
    assert parse_id_number(make_id_number("440522", TODAY, 1, "male"), today=TODAY).birth_date == TODAY


@pytest.mark.parametrize(("region", "born"), [
    ("440522", date(1985, 7, 1)),   # 饶平县 before 1991
    ("445121", date(2010, 7, 1)),   # 潮安县 until 2013
    ("445122", date(1995, 7, 1)),   # 饶平县 after 1991
    ("990000", date(1970, 7, 1)),   # no such region at all: still never refused
])
def test_region_codes_of_renamed_or_unknown_counties_never_refuse(region, born):
    number = with_check(f"{region}{born:%Y%m%d}031")
    assert parse_id_number(number, today=TODAY).region_code == region


def test_a_fifteen_digit_old_number_is_refused_with_a_clear_message():
    problem = refusal("440522900101123").problem
    assert problem.code == "id_number.length"
    assert "15位" in problem.message and "18位" in problem.message


@pytest.mark.parametrize("raw", ["", "4405221990010112", "44052219900101123", "4405221990010112345"])
def test_other_lengths_are_refused_with_the_length_named(raw):
    problem = refusal(raw).problem
    assert problem.code == "id_number.length"
    assert problem.params["length"] == len(raw)


@pytest.mark.parametrize(("raw", "position"), [
    ("44052219900101A237", 15), ("X40522199001011237", 1), ("44052219900101123Y", 18),
])
def test_characters_other_than_digits_and_a_final_x_are_refused_by_position(raw, position):
    problem = refusal(raw).problem
    assert problem.code == "id_number.characters"
    assert problem.params["position"] == position


def test_the_problem_names_the_field_it_was_given():
    assert refusal("123", field="members[2].id_number").problem.field == "members[2].id_number"


def test_birth_date_of_reads_the_eight_digits():
    assert birth_date_of("11010519491231002X") == date(1949, 12, 31)


@pytest.mark.parametrize(("born", "on", "age"), [
    (date(1990, 5, 1), date(2024, 5, 1), 34),
    (date(1990, 5, 2), date(2024, 5, 1), 33),
    (date(2000, 2, 29), date(2023, 2, 28), 22),
    (date(2000, 2, 29), date(2023, 3, 1), 23),
    (date(2000, 2, 29), date(2024, 2, 29), 24),
    (date(2024, 5, 1), date(2024, 5, 1), 0),
])
def test_age_counts_whole_years(born, on, age):
    assert age_on(born, on) == age
