"""The demo city: realistic, valid and reproducible."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.idnumber import parse_id_number
from app.domain.uscc import parse_uscc
from app.services.demo import DemoError, create_demo
from app.services.demo_data import DemoGenerator, VillageInfo
from app.store.models import Cooperative, Division, Household
from tests.conftest import DEMO_HOUSEHOLDS, DEMO_TODAY


def _people(document: dict) -> list[str]:
    return [document["head_id_number"]] + [m["id_number"] for m in document["members"]]


def test_demo_fills_every_village_with_the_households_asked_for(demo_db):
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == DEMO_HOUSEHOLDS
        villages = s.scalars(select(Division.code).where(Division.level == "village")).all()
        per_village = dict(s.execute(select(Household.village_code, func.count()).group_by(Household.village_code)).all())
        assert s.scalar(select(func.count()).select_from(Cooperative)) > 0
    assert set(per_village) == set(villages)


def test_every_demo_id_number_has_a_valid_check_character_and_a_past_birth_date(demo_db):
    with demo_db.session() as s:
        documents = s.scalars(select(Household.data)).all()
    for document in documents:
        for number in _people(document):
            info = parse_id_number(number, today=DEMO_TODAY)  # raises on a bad check character
            assert date(1900, 1, 1) <= info.birth_date <= DEMO_TODAY


def test_demo_region_codes_are_the_village_county_or_its_predecessor(demo_db):
    with demo_db.session() as s:
        counties = {d.code[:6]: {d.code[:6], *(c[:6] for c in d.former_codes.split())}
                    for d in s.scalars(select(Division).where(Division.level == "county"))}
        documents = s.scalars(select(Household.data)).all()
    used_former = False
    for document in documents:
        allowed = counties[document["village_code"][:6]]
        for number in _people(document):
            assert number[:6] in allowed
            used_former |= number[:6] != document["village_code"][:6]
    assert used_former, "older people keep the codes of renamed counties"


def test_people_born_after_a_rename_never_carry_the_old_code(demo_db):
    with demo_db.session() as s:
        documents = s.scalars(select(Household.data)).all()
    for document in documents:
        for number in _people(document):
            if number.startswith("440522"):
                assert int(number[6:10]) <= 1990
            if number.startswith("445121"):
                assert int(number[6:10]) <= 2012


def test_demo_cooperatives_carry_valid_credit_codes(demo_db):
    with demo_db.session() as s:
        codes = s.scalars(select(Cooperative.uscc)).all()
    assert codes and all(parse_uscc(code) == code for code in codes)


def test_money_in_demo_documents_is_exact_decimal_text(demo_db):
    with demo_db.session() as s:
        documents = s.scalars(select(Household.data).where(Household.consent_signed.is_(True)).limit(50)).all()
    for document in documents:
        assert isinstance(document["annual_net_income"], str)
        assert document["annual_net_income"].count(".") == 1 and len(document["annual_net_income"].split(".")[1]) == 2


def test_households_without_consent_keep_only_basic_identity(demo_db):
    with demo_db.session() as s:
        documents = s.scalars(select(Household.data).where(Household.consent_signed.is_(False))).all()
    assert documents
    for document in documents:
        assert "annual_net_income" not in document and "loans" not in document


def test_the_same_seed_gives_the_same_city():
    village = VillageInfo("445122100201", "东美村")
    first = [DemoGenerator(5, DEMO_TODAY).household(village) for _ in range(3)]
    second = [DemoGenerator(5, DEMO_TODAY).household(village) for _ in range(3)]
    assert first == second


def test_demo_refuses_a_database_that_already_holds_records(demo_dir):
    from tests.conftest import login

    admin = login(demo_dir, "admin")
    try:
        with pytest.raises(DemoError, match="已有农户档案"):
            create_demo(admin, 10)
    finally:
        admin.close()


def test_demo_creates_one_account_per_role(demo_dir):
    from app.services.accounts import list_users
    from tests.conftest import login

    admin = login(demo_dir, "admin")
    try:
        roles = {actor.role for actor in list_users(admin)}
    finally:
        admin.close()
    assert roles == {"admin", "township_officer", "loan_officer", "supervisor", "viewer"}


def test_every_demo_record_passes_the_questionnaire_validator(demo_db):
    from app.survey.definition import load_form_for
    from app.survey.validate import validate_record

    with demo_db.session() as s:
        documents = s.scalars(select(Household.data)).all() + s.scalars(select(Cooperative.data)).all()
    for document in documents:
        report = validate_record(document, load_form_for(document), today=DEMO_TODAY)
        assert report.errors == [], (document["id"], [p.message for p in report.errors])
