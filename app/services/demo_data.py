"""Synthetic but realistic credit files for the demo city (pure: no database).

Names come from Faker's zh_CN locale; ID numbers carry real GB 11643 check characters and the
region code of the village's county, or of the county's predecessor for people born before it
was renamed (饶平县 440522 before 1991, 潮安 445121 until 2013): real IDs keep the code of the
county where they were first issued. Everything is drawn from one seeded ``random.Random``, so a
seed always gives the same city.
"""
from __future__ import annotations

import itertools
import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from app.domain.idnumber import make_id_number
from app.domain.uscc import make_uscc

EDUCATION = ["college", "high_school", "junior_high", "primary", "none"]
EDUCATION_WEIGHTS = [6, 18, 45, 24, 7]
HEALTH = ["healthy", "chronic", "disabled", "serious_illness"]
HEALTH_WEIGHTS = [78, 15, 4, 3]
BUSINESS = ["crops", "livestock", "aquaculture", "forestry", "processing", "trade", "migrant_work", "other"]
BUSINESS_WEIGHTS = [34, 14, 8, 4, 7, 10, 18, 5]
HOUSEHOLD_PENALTIES = ["public_order", "illegal_construction", "environment", "elder_neglect",
                       "loan_misuse", "private_default", "guarantor_default"]
HONOUR_TITLES = {"county_or_above": ["县级文明家庭", "市级致富能手", "县级好婆媳"],
                 "township": ["镇级五好家庭", "镇级诚信示范户"],
                 "village": ["村级好邻居", "村级卫生示范户"]}
LENDERS = {"bank": "农商银行", "credit_coop": "农村信用社", "private": "亲友借款", "other": "小额贷款公司"}
COOP_NAME_WORDS = ["种植", "产销", "养殖", "农机", "联合"]
COOP_BUSINESS_WORDS = ["蔬菜", "茶叶", "水果", "生猪", "水产", "粮食", "花卉", "菌菇", "土鸡", "柑橘"]
# Counties renamed or re-parented: (former region code, last birth year issued under it).
FORMER_REGION_CODES = {"445122": ("440522", 1990), "445103": ("445121", 2012)}


@dataclass(frozen=True)
class VillageInfo:
    code: str
    name: str


class DemoGenerator:
    """Makes data-standard household and cooperative documents for given villages."""

    def __init__(self, seed: int, today: date):
        self.random = random.Random(seed)
        faker = Faker("zh_CN")
        provider = next(p for p in faker.providers if hasattr(p, "first_names_male"))
        # Faker's own weighted draw costs ~20 µs a name; drawing from its lists directly
        # keeps 100,000 households well under a minute.
        self._surnames = list(provider.last_names)
        self._surname_weights = list(itertools.accumulate(provider.last_names.values()))
        self._male_names = list(provider.first_names_male)
        self._female_names = list(provider.first_names_female)
        self.today = today
        self._sequences: dict[tuple[str, date], int] = {}

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.random.getrandbits(128), version=4))

    def _date_within(self, days: int) -> date:
        return self.today - timedelta(days=self.random.randint(0, days))

    def _money(self, low: int, high: int, step: int = 100) -> str:
        return f"{Decimal(self.random.randrange(low, high, step)):.2f}"

    def id_number(self, county: str, birth: date, sex: str) -> str:
        """A valid ID whose region code is the county's or, for older people, its predecessor's."""
        region = county
        former = FORMER_REGION_CODES.get(county)
        if former and birth.year <= former[1] and self.random.random() < 0.7:
            region = former[0]
        # One sequence per (region, birth date), as a police station issues them: never a duplicate.
        # The last digit's parity is the sex, so count in pairs and pick the digit by sex.
        pair = self._sequences.get((region, birth), self.random.randint(0, 200))
        self._sequences[(region, birth)] = pair + 1
        return make_id_number(region, birth, (pair % 500) * 2 + (sex == "male"), sex)

    def birth(self, min_age: int, max_age: int) -> date:
        age_days = self.random.randint(min_age * 365 + 1, max_age * 365 - 1)
        return self.today - timedelta(days=age_days)

    def surname(self) -> str:
        return self.random.choices(self._surnames, cum_weights=self._surname_weights)[0]

    def person_name(self, sex: str, surname: str | None = None) -> str:
        given = self.random.choice(self._male_names if sex == "male" else self._female_names)
        return (surname or self.surname()) + given

    def phone(self) -> str:
        return self.random.choice("3456789").join(["1", ""]) + f"{self.random.randrange(10**9):09d}"

    def household(self, village: VillageInfo) -> dict:
        """One household document in the data standard, consistent with itself."""
        r = self.random
        county = village.code[:6]
        head_sex = "male" if r.random() < 0.82 else "female"
        head_birth = self.birth(24, 72)
        head_age = (self.today - head_birth).days // 365
        surname = self.surname()
        head_name = self.person_name(head_sex, surname if head_sex == "male" else None)
        members = self._members(county, head_birth, head_sex, surname)
        collected_on = self._date_within(400)
        collector = self.person_name("male" if r.random() < 0.6 else "female")
        consent = r.random() < 0.96
        income = r.choice([r.randrange(8_000, 40_000, 100), r.randrange(30_000, 120_000, 100),
                           r.randrange(80_000, 320_000, 100)])
        document = {
            "record_type": "household", "id": self._uuid(), "village_code": village.code,
            "group": f"第{r.randint(1, 9)}村民小组",
            "address": f"{village.name}{r.randint(1, 9)}巷{r.randint(1, 60)}号",
            "head_name": head_name,
            "head_id_number": self.id_number(county, head_birth, head_sex),
            "head_phone": self.phone(),
            "head_education": r.choices(EDUCATION, EDUCATION_WEIGHTS)[0],
            "head_health": r.choices(HEALTH, HEALTH_WEIGHTS)[0],
            "members": members,
            "head_is_labour": head_age <= 65,
            "years_resident": r.randint(1, head_age),
            "consent": {"signed": consent, "date": collected_on.isoformat() if consent else None,
                        "collector": collector},
            "collected_by": collector, "collected_on": collected_on.isoformat(),
            "form_id": "household", "form_version": 1,
        }
        business = {"business_type": r.choices(BUSINESS, BUSINESS_WEIGHTS)[0],
                    "business_years": r.randint(0, min(30, head_age - 18)), "land": self._land()}
        if consent:  # without written consent only the basic identity is kept
            document.update(business)
            document.update(self._credit_fields(income))
        return document

    def _members(self, county: str, head_birth: date, head_sex: str, surname: str) -> list[dict]:
        r = self.random
        head_age = self.today.year - head_birth.year
        members = []
        if r.random() < 0.88:
            sex = "female" if head_sex == "male" else "male"
            birth = head_birth + timedelta(days=r.randint(-1500, 1500))
            members.append(self._member("spouse", county, birth, sex))
        for _ in range(r.choices([0, 1, 2, 3], [15, 35, 38, 12])[0]):
            if head_age < 22:
                break
            birth = head_birth + timedelta(days=365 * r.randint(21, min(40, head_age - 1)))
            if birth >= self.today:
                continue
            members.append(self._member("child", county, birth, r.choice(["male", "female"]), surname))
        if head_age < 50 and r.random() < 0.35:
            birth = head_birth - timedelta(days=365 * r.randint(22, 32))
            members.append(self._member("parent", county, birth, r.choice(["male", "female"]), surname))
        return members

    def _member(self, relation: str, county: str, birth: date, sex: str, surname: str | None = None) -> dict:
        r = self.random
        age = (self.today - birth).days // 365
        return {"name": self.person_name(sex, surname if relation != "spouse" else None),
                "id_number": self.id_number(county, birth, sex), "relation": relation,
                "education": r.choices(EDUCATION, EDUCATION_WEIGHTS)[0] if age >= 16 else "none",
                "health": r.choices(HEALTH, HEALTH_WEIGHTS)[0],
                "is_labour": 16 <= age <= 65 and r.random() < 0.85}

    def _land(self) -> list[dict]:
        r = self.random
        parcels = [{"kind": "homestead", "area_mu": f"{Decimal(r.randint(10, 60)) / 100:.2f}",
                    "tenure": "contracted"}]
        for _ in range(r.choices([0, 1, 2, 3], [10, 40, 35, 15])[0]):
            kind = r.choices(["farmland", "forest", "orchard", "pond"], [60, 15, 15, 10])[0]
            area = Decimal(r.randint(30, 2500)) / 100
            parcels.append({"kind": kind, "area_mu": f"{area:.2f}",
                            "tenure": r.choices(["contracted", "leased"], [75, 25])[0]})
        return parcels

    def _credit_fields(self, income: int) -> dict:
        r = self.random
        assets = income * r.randint(2, 12) + r.randrange(20_000, 300_000, 1000)
        loans = []
        for _ in range(r.choices([0, 1, 2], [45, 45, 10])[0]):
            kind = r.choices(list(LENDERS), [55, 25, 15, 5])[0]
            principal = r.randrange(10_000, 300_000, 1000)
            overdue = r.choices([0, r.randint(1, 90), r.randint(91, 400)], [93, 5, 2])[0]
            loans.append({"lender": LENDERS[kind], "kind": kind, "principal": f"{principal:.2f}",
                          "balance": f"{principal * r.randint(10, 100) // 100:.2f}",
                          "overdue_days": overdue})
        return {
            "annual_net_income": f"{income:.2f}", "total_assets": f"{assets:.2f}", "loans": loans,
            "other_debts": self._money(0, 30_000) if r.random() < 0.2 else "0.00",
            "overdue_times_3y": r.choices([0, 1, 2, 3], [82, 11, 5, 2])[0],
            "agri_insurance": r.random() < 0.55, "pension_insured": r.random() < 0.85,
            "coop_member": r.random() < 0.3,
            "honours": self._honours(), "volunteer_times_year": r.choices([0, 1, 2, 4], [50, 20, 20, 10])[0],
            "fee_arrears_months": r.choices([0, 1, 3, 6], [88, 6, 4, 2])[0],
            "penalties": self._penalties(),
            "dishonest_debtor": r.random() < 0.005, "debt_evasion_5y": r.random() < 0.004,
            "criminal_record_5y": r.random() < 0.004, "false_information": r.random() < 0.003,
        }

    def _honours(self) -> list[dict]:
        r = self.random
        honours = []
        for _ in range(r.choices([0, 1, 2], [75, 20, 5])[0]):
            level = r.choices(list(HONOUR_TITLES), [15, 35, 50])[0]
            honours.append({"title": r.choice(HONOUR_TITLES[level]), "level": level,
                            "date": self._date_within(5 * 365).isoformat()})
        return honours

    def _penalties(self) -> list[dict]:
        r = self.random
        return [{"kind": r.choice(HOUSEHOLD_PENALTIES), "date": self._date_within(7 * 365).isoformat(),
                 "source": r.choice(["镇综治办", "村委会", "县生态环境局", "镇规划办"])}
                for _ in range(r.choices([0, 1, 2], [88, 10, 2])[0])]

    def cooperative(self, village: VillageInfo, member_ids: list[str]) -> dict:
        """One cooperative document in the data standard."""
        r = self.random
        county = village.code[:6]
        word = r.choice(COOP_BUSINESS_WORDS)
        rep_sex = "male" if r.random() < 0.85 else "female"
        revenue = r.randrange(80_000, 8_000_000, 1000)
        assets = r.randrange(100_000, 5_000_000, 1000)
        registered = self._date_within(12 * 365)
        org = "".join(str(r.randint(0, 9)) for _ in range(8))
        return {
            "record_type": "cooperative", "id": self._uuid(),
            "uscc": make_uscc("93" + county + org + _org_code_check(org)),
            "name": f"{village.name[:-1]}{word}{r.choice(COOP_NAME_WORDS)}专业合作社",
            "village_code": village.code,
            "legal_rep_name": self.person_name(rep_sex),
            "legal_rep_id_number": self.id_number(county, self.birth(30, 65), rep_sex),
            "phone": self.phone(), "registered_on": registered.isoformat(),
            "members_count": r.choice([5, 8, 12, 25, 60, 120]),
            "main_business": r.choices(BUSINESS[:6], [40, 20, 10, 5, 15, 10])[0],
            "demo_level": r.choices(["none", "county", "city", "provincial", "national"], [60, 20, 12, 6, 2])[0],
            "certifications": r.sample(["green_food", "organic", "geo_indication", "registered_brand"], r.randint(0, 2)),
            "annual_revenue": f"{revenue:.2f}", "net_profit": f"{r.randrange(-200_000, revenue // 5, 1000):.2f}",
            "total_assets": f"{assets:.2f}", "total_liabilities": f"{assets * r.randint(5, 90) // 100:.2f}",
            "assembly_held": r.random() < 0.8, "finance_disclosed": r.random() < 0.75,
            "standard_accounting": r.random() < 0.7, "surplus_returned": r.random() < 0.6,
            "overdue_times_3y": r.choices([0, 1, 2], [85, 10, 5])[0],
            "penalties": [], "serious_dishonest_list": False, "dishonest_debtor": False,
            "debt_evasion_5y": False, "member_household_ids": member_ids,
            "consent": {"signed": True, "date": registered.isoformat(), "collector": self.person_name("male")},
            "form_id": "cooperative", "form_version": 1,
        }


def _org_code_check(digits8: str) -> str:
    """GB 11714 check character of an 8-digit organisation code."""
    total = sum(int(d) * w for d, w in zip(digits8, (3, 7, 9, 10, 5, 8, 4, 2)))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))
