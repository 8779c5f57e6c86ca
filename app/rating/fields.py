"""The data-standard fields a scheme may score, with their kinds, Chinese names and codes.

This is the vocabulary a scheme is checked against (``shared/domain/DATA-STANDARD.md``):
a scheme that names a field or an enum code not listed here is refused at load time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, Mapping

FieldKind = Literal["money", "signed_money", "int", "bool", "enum", "date", "id_number",
                    "loans", "land", "members", "honours", "penalties", "codes"]

EDUCATION = MappingProxyType({"college": "大专及以上", "high_school": "高中/中专",
                              "junior_high": "初中", "primary": "小学", "none": "未上学"})
HEALTH = MappingProxyType({"healthy": "健康", "chronic": "慢性病", "disabled": "残疾",
                           "serious_illness": "重大疾病"})
BUSINESS = MappingProxyType({"crops": "种植", "livestock": "畜禽养殖", "aquaculture": "水产养殖",
                             "forestry": "林业", "processing": "加工", "trade": "商贸流通",
                             "migrant_work": "务工", "other": "其他"})
DEMO_LEVEL = MappingProxyType({"none": "无", "county": "县级", "city": "市级",
                               "provincial": "省级", "national": "国家级"})
HONOUR_LEVEL = MappingProxyType({"county_or_above": "县级以上", "township": "乡镇级", "village": "村级"})
CERTIFICATION = MappingProxyType({"green_food": "绿色食品", "organic": "有机产品",
                                  "geo_indication": "地理标志", "registered_brand": "注册商标"})
LAND_KIND = MappingProxyType({"farmland": "耕地", "forest": "林地", "orchard": "园地",
                              "pond": "养殖水面", "homestead": "宅基地"})
RECORD_TYPES = ("household", "cooperative")


@dataclass(frozen=True)
class FieldSpec:
    """One scoreable field: ``optional`` fields that are absent read as 0/false, not as missing."""

    name: str
    kind: FieldKind
    label: str
    codes: Mapping[str, str] = field(default_factory=dict)
    optional: bool = False


def _specs(*specs: FieldSpec) -> Mapping[str, FieldSpec]:
    return MappingProxyType({spec.name: spec for spec in specs})


HOUSEHOLD_FIELDS = _specs(
    FieldSpec("head_id_number", "id_number", "户主身份证号码"),
    FieldSpec("head_education", "enum", "户主文化程度", EDUCATION),
    FieldSpec("head_health", "enum", "户主健康状况", HEALTH),
    FieldSpec("members", "members", "家庭成员"),
    FieldSpec("head_is_labour", "bool", "户主是否劳动力"),
    FieldSpec("years_resident", "int", "在本村居住年限"),
    FieldSpec("business_type", "enum", "主营业务", BUSINESS),
    FieldSpec("business_years", "int", "从事主业年限"),
    FieldSpec("land", "land", "土地"),
    FieldSpec("annual_net_income", "signed_money", "家庭年纯收入"),
    FieldSpec("total_assets", "money", "家庭总资产"),
    FieldSpec("loans", "loans", "贷款"),
    FieldSpec("other_debts", "money", "其他负债", optional=True),
    FieldSpec("overdue_times_3y", "int", "近三年逾期次数"),
    FieldSpec("agri_insurance", "bool", "本年度购买农业保险"),
    FieldSpec("pension_insured", "bool", "参加养老和医疗保险"),
    FieldSpec("coop_member", "bool", "合作社成员、家庭农场或种养大户"),
    FieldSpec("honours", "honours", "荣誉"),
    FieldSpec("volunteer_times_year", "int", "近一年志愿服务次数"),
    FieldSpec("fee_arrears_months", "int", "欠缴费用月数"),
    FieldSpec("penalties", "penalties", "处罚记录"),
    FieldSpec("dishonest_debtor", "bool", "失信被执行人", optional=True),
    FieldSpec("debt_evasion_5y", "bool", "近五年恶意逃废债务"),
    FieldSpec("criminal_record_5y", "bool", "近五年刑事犯罪记录"),
    FieldSpec("false_information", "bool", "提供虚假信息"),
)

COOPERATIVE_FIELDS = _specs(
    FieldSpec("registered_on", "date", "登记日期"),
    FieldSpec("members_count", "int", "成员户数"),
    FieldSpec("main_business", "enum", "主营业务", BUSINESS),
    FieldSpec("demo_level", "enum", "示范社等级", DEMO_LEVEL),
    FieldSpec("certifications", "codes", "认证", CERTIFICATION),
    FieldSpec("annual_revenue", "money", "年经营收入"),
    FieldSpec("net_profit", "signed_money", "年净利润"),
    FieldSpec("total_assets", "money", "资产总额"),
    FieldSpec("total_liabilities", "money", "负债总额"),
    FieldSpec("assembly_held", "bool", "每年召开成员大会"),
    FieldSpec("finance_disclosed", "bool", "向成员公开财务"),
    FieldSpec("standard_accounting", "bool", "规范会计核算"),
    FieldSpec("surplus_returned", "bool", "按交易量返还盈余"),
    FieldSpec("overdue_times_3y", "int", "近三年逾期次数"),
    FieldSpec("penalties", "penalties", "处罚记录"),
    FieldSpec("serious_dishonest_list", "bool", "列入严重失信主体名单"),
    FieldSpec("dishonest_debtor", "bool", "失信被执行人"),
    FieldSpec("debt_evasion_5y", "bool", "近五年恶意逃废债务"),
)

FIELDS_BY_TYPE: Mapping[str, Mapping[str, FieldSpec]] = MappingProxyType(
    {"household": HOUSEHOLD_FIELDS, "cooperative": COOPERATIVE_FIELDS})

# Event sources: the list fields that hold dated events, which event rules count.
EVENT_SOURCES = frozenset({"honours", "penalties"})
