"""Property: any valid household, however it was typed, normalises to a valid, stable record."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.idnumber import make_id_number
from app.survey import standard
from app.survey.definition import load_form
from app.survey.validate import normalize_record, validate_record

TODAY = date(2024, 6, 1)
FORM = load_form("household")

han_text = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1,
                   max_size=12)
past_dates = st.dates(date(1990, 1, 1), TODAY)


@st.composite
def money(draw: st.DrawFn, low: str = "0", high: str = "10000000", unit: str = "元") -> object:
    """An amount written any way a person, a spreadsheet or the platform might write it."""
    amount = draw(st.decimals(Decimal(low), Decimal(high), places=2))
    writings = [f"{amount:f}", amount, f"{amount:,.2f}", f"{amount:f}{unit}"]
    if amount == amount.to_integral_value():
        writings.append(int(amount))
    return draw(st.sampled_from(writings))


@st.composite
def id_numbers(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` distinct valid ID numbers, some lower-case or with spaces."""
    halves = draw(st.lists(st.integers(0, 499), min_size=count, max_size=count, unique=True))
    numbers = []
    for half in halves:
        sex = draw(st.sampled_from(["male", "female"]))
        number = make_id_number(draw(st.sampled_from(["445122", "440522", "110101"])),
                                draw(st.dates(date(1930, 1, 1), TODAY)),
                                half * 2 + (sex == "male"), sex)
        writing = draw(st.sampled_from(["plain", "lower", "spaced"]))
        numbers.append({"plain": number, "lower": number.lower(),
                        "spaced": f"{number[:6]} {number[6:14]} {number[14:]}"}[writing])
    return numbers


def phones() -> st.SearchStrategy[str]:
    return st.builds(lambda digit, rest, sep: f"1{digit}{rest[:2]}{sep}{rest[2:6]}{sep}{rest[6:]}",
                     st.sampled_from("3456789"), st.from_regex(r"\d{9}", fullmatch=True),
                     st.sampled_from(["", " ", "-"]))


def member(id_number: str) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {"name": han_text, "id_number": st.just(id_number),
         "relation": st.sampled_from(standard.RELATION),
         "education": st.sampled_from(standard.EDUCATION),
         "health": st.sampled_from(standard.HEALTH), "is_labour": st.booleans()},
        optional={"occupation": han_text})


loan = st.fixed_dictionaries({
    "lender": han_text, "kind": st.sampled_from(standard.LENDER_KIND),
    "principal": money("0.01"), "balance": money(), "overdue_days": st.integers(0, 3000)})
parcel = st.fixed_dictionaries({
    "kind": st.sampled_from(standard.LAND_KIND), "area_mu": money("0.01", "5000", "亩"),
    "tenure": st.sampled_from(standard.TENURE)})
honour = st.fixed_dictionaries({
    "title": han_text, "level": st.sampled_from(standard.HONOUR_LEVEL), "date": past_dates})
penalty = st.fixed_dictionaries(
    {"kind": st.sampled_from(standard.HOUSEHOLD_PENALTY), "date": past_dates.map(str),
     "source": han_text}, optional={"note": han_text})


@st.composite
def households(draw: st.DrawFn) -> dict:
    """A valid household record, with or without signed consent."""
    ids = draw(id_numbers(draw(st.integers(1, 6))))
    record = {
        "village_code": draw(st.from_regex(r"[1-6]\d{11}", fullmatch=True)),
        "head_name": draw(han_text), "head_id_number": ids[0],
        "head_education": draw(st.sampled_from(standard.EDUCATION)),
        "head_health": draw(st.sampled_from(standard.HEALTH)),
        "head_is_labour": draw(st.booleans()), "years_resident": draw(st.integers(0, 120)),
        "members": [draw(member(number)) for number in ids[1:]],
        "agri_insurance": draw(st.booleans()), "pension_insured": draw(st.booleans()),
        "honours": draw(st.lists(honour, max_size=3)),
        "volunteer_times_year": draw(st.integers(0, 366)),
        "fee_arrears_months": draw(st.integers(0, 600)),
        "penalties": draw(st.lists(penalty, max_size=3)),
        "debt_evasion_5y": draw(st.booleans()), "criminal_record_5y": draw(st.booleans()),
        "false_information": draw(st.booleans()),
        "collected_by": draw(han_text), "collected_on": draw(past_dates).isoformat(),
        "consent": {"signed": False},
    }
    for key, strategy in (("group", han_text), ("address", han_text), ("head_phone", phones()),
                          ("dishonest_debtor", st.booleans())):
        if draw(st.booleans()):
            record[key] = draw(strategy)
    if draw(st.booleans()):
        record.update(_economic(draw))
    return record


def _economic(draw: st.DrawFn) -> dict:
    answers = {
        "consent": {"signed": True, "date": draw(past_dates).isoformat(),
                    "collector": draw(han_text)},
        "business_type": draw(st.sampled_from(standard.BUSINESS)),
        "business_years": draw(st.integers(0, 80)), "coop_member": draw(st.booleans()),
        "land": draw(st.lists(parcel, max_size=4)), "annual_net_income": draw(money()),
        "total_assets": draw(money()), "loans": draw(st.lists(loan, max_size=3)),
        "overdue_times_3y": draw(st.integers(0, 100)),
    }
    if draw(st.booleans()):
        answers["other_debts"] = draw(money())
    return answers


@settings(max_examples=150, deadline=None)
@given(households())
def test_a_valid_household_normalises_to_a_valid_and_stable_record(record: dict) -> None:
    assert validate_record(record, FORM, today=TODAY).errors == []
    normal = normalize_record(record, FORM, today=TODAY)
    assert validate_record(normal, FORM, today=TODAY).errors == []
    assert normalize_record(normal, FORM, today=TODAY) == normal
