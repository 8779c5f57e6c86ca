"""The search box finds households the way a loan officer types, and lists mask personal data."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services.divisions import replace_divisions
from app.services.records import bulk_insert
from app.services.search import ListQuery, cooperative_ids, cooperative_rows, household_ids, household_rows
from app.store.models import Household

VILLAGE, OTHER_VILLAGE = "445122100201", "445103101202"


def _household(name: str, id_number: str, phone: str, village: str = VILLAGE) -> dict:
    return {"record_type": "household", "village_code": village, "head_name": name,
            "head_id_number": id_number, "head_phone": phone, "members": [],
            "consent": {"signed": False}}


@pytest.fixture
def listed(ws):
    divisions = [
        {"code": "445122000000", "name": "饶平县", "level": "county", "parent_code": None, "registered_households": 0, "former_codes": ""},
        {"code": "445122100000", "name": "黄冈镇", "level": "township", "parent_code": "445122000000", "registered_households": 0, "former_codes": ""},
        {"code": VILLAGE, "name": "东美村", "level": "village", "parent_code": "445122100000", "registered_households": 10, "former_codes": ""},
        {"code": "445103000000", "name": "潮安区", "level": "county", "parent_code": None, "registered_households": 0, "former_codes": ""},
        {"code": "445103101000", "name": "彩塘镇", "level": "township", "parent_code": "445103000000", "registered_households": 0, "former_codes": ""},
        {"code": OTHER_VILLAGE, "name": "西林村", "level": "village", "parent_code": "445103101000", "registered_households": 10, "former_codes": ""},
    ]
    people = [
        _household("张三", "445122199001011234", "13812345678"),
        _household("张三丰", "44052219600202123X", "13900001111"),
        _household("李四", "445103198503035678", "13700002222", OTHER_VILLAGE),
        _household("100%_纯", "445122197004041111", "13600003333"),
        _household("单田芳", "445122195005051234", ""),
    ]
    with ws.db.session() as s:
        replace_divisions(s, divisions)
        bulk_insert(s, people)
    return ws


def _names(ws, query: ListQuery) -> list[str]:
    with ws.db.session() as s:
        ids = household_ids(ws, query)
        by_id = dict(s.execute(select(Household.id, Household.head_name)).all())
    return [by_id[i] for i in ids]


@pytest.mark.parametrize("text, expected", [
    ("张三", ["张三", "张三丰"]),
    ("zs", ["张三", "张三丰"]),
    ("ZSF", ["张三丰"]),
    ("stf", ["单田芳"]),                              # surname reading, not 单 = dan
    ("445122199001011234", ["张三"]),
    ("44052219600202123x", ["张三丰"]),              # lower-case x
    ("123X", ["张三丰"]),                             # the end of an ID number
    ("13700002222", ["李四"]),
    ("1111", ["张三丰", "100%_纯"]),                  # end of a phone or of an ID number
    ("%", ["100%_纯"]),                               # LIKE wildcards are literal
    ("_", ["100%_纯"]),
    ("王五", []),
])
def test_search_text_finds_by_name_initials_id_number_and_phone(listed, text, expected):
    assert sorted(_names(listed, ListQuery(text=text))) == sorted(expected)


def test_selecting_a_division_lists_only_its_households(listed):
    assert _names(listed, ListQuery(division_code=OTHER_VILLAGE)) == ["李四"]
    assert "李四" not in _names(listed, ListQuery(division_code="445122100000"))
    assert len(_names(listed, ListQuery(division_code="445122000000"))) == 4


def test_names_sort_by_pinyin_in_both_directions(listed):
    ascending = _names(listed, ListQuery(sort="name"))
    assert ascending[1:] == ["李四", "单田芳", "张三", "张三丰"]  # li < shan < zhang san < zhang san feng
    assert _names(listed, ListQuery(sort="name", descending=True)) == list(reversed(ascending))


def test_list_rows_show_masked_id_numbers_and_phones(listed):
    ids = household_ids(listed, ListQuery(text="445122199001011234"))
    (row,) = household_rows(listed, ids)
    assert row.id_number_masked == "4451**********1234"
    assert row.phone_masked == "138****5678"
    assert "199001" not in row.id_number_masked


def test_rows_come_back_in_the_order_of_the_ids_asked_for(listed):
    ids = household_ids(listed, ListQuery(sort="name"))
    assert [r.id for r in household_rows(listed, list(reversed(ids)))] == list(reversed(ids))


def test_tombstoned_households_are_not_listed(listed):
    with listed.db.session() as s:
        s.execute(Household.__table__.update().where(Household.head_name == "李四").values(deleted=True))
    assert "李四" not in _names(listed, ListQuery())


def test_cooperatives_are_found_by_credit_code(demo_ws):
    all_ids = cooperative_ids(demo_ws, ListQuery())
    first = cooperative_rows(demo_ws, all_ids[:1])[0]
    assert cooperative_ids(demo_ws, ListQuery(text=first.uscc)) == [first.id]
    assert cooperative_ids(demo_ws, ListQuery(text=first.uscc.lower())) == [first.id]


def test_the_administrator_cannot_list_households_and_the_refusal_is_audited(demo_dir):
    from app.security.roles import PermissionDenied
    from app.services import audit
    from tests.conftest import login

    admin = login(demo_dir, "admin")
    try:
        with pytest.raises(PermissionDenied):
            household_ids(admin, ListQuery())
        last = audit.find_entries(admin.db, audit.AuditFilter(action="permission_denied"), limit=1)[0]
        assert last["actor"] == "admin" and last["details"]["permission"] == "view_records"
    finally:
        admin.close()


@pytest.mark.parametrize("name", ["'); DROP TABLE households;--", "%", "_", "𠮷田", "王😀", "长" * 2000,
                                  "O'Brien \"张\" \\ 李"])
def test_awkward_names_are_stored_and_found_exactly_as_typed(ws, name):
    with ws.db.session() as s:
        replace_divisions(s, [
            {"code": "445122000000", "name": "饶平县", "level": "county", "parent_code": None, "registered_households": 0, "former_codes": ""},
            {"code": "445122100000", "name": "黄冈镇", "level": "township", "parent_code": "445122000000", "registered_households": 0, "former_codes": ""},
            {"code": VILLAGE, "name": "东美村", "level": "village", "parent_code": "445122100000", "registered_households": 1, "former_codes": ""}])
        bulk_insert(s, [_household(name, "445122199001011234", "13812345678"),
                        _household("普通人", "445122199001021230", "13812345679")])
    ids = household_ids(ws, ListQuery(text=name))
    rows = household_rows(ws, ids)
    assert [r.head_name for r in rows] == [name]
    with ws.db.session() as s:
        assert s.scalar(select(Household.data).where(Household.id == ids[0]))["head_name"] == name


def test_a_viewer_may_not_reveal_a_full_id_number(demo_dir):
    from app.security.roles import PermissionDenied
    from app.services.search import reveal_id_number
    from tests.conftest import login

    viewer = login(demo_dir, "viewer")
    try:
        some_id = household_ids(viewer, ListQuery())[0]
        with pytest.raises(PermissionDenied):
            reveal_id_number(viewer, some_id)
    finally:
        viewer.close()


def test_list_rows_carry_the_grade_of_each_households_newest_rating(demo_ws):
    from app.store.models import Rating

    with demo_ws.db.session() as session:
        ratings = session.execute(select(Rating.subject_id, Rating.grade).where(Rating.subject_type == "household")
                                  .order_by(Rating.rated_on, Rating.created_at)).all()
        unrated = session.scalars(select(Household.id).where(Household.id.not_in({s for s, _g in ratings}))
                                  .limit(3)).all()
    newest = dict(ratings)  # the last rating of each subject wins
    rated = sorted(newest)[:20]
    assert unrated and rated
    rows = household_rows(demo_ws, rated + list(unrated))
    assert [r.grade_mark for r in rows[:len(rated)]] == [newest[s] or "" for s in rated]
    assert [r.grade_mark for r in rows[len(rated):]] == [None] * len(unrated)
