"""The exchange data standard (shared/domain/DATA-STANDARD.md, v1) as data for the loader.

A questionnaire may collect more than the standard, but a field that carries a standard name
must carry the standard's type, and a choice list for a standard enumeration must hold exactly
the standard's codes. Paths are dotted: ``members.relation`` is the ``relation`` of each item of
the ``members`` repeat group, ``consent.signed`` a member of the ``consent`` object.
"""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Mapping

STANDARD_VERSION = 1

#: Keys every record carries outside the questionnaire: set by the system, not asked.
ENVELOPE_KEYS = ("record_type", "id", "form_id", "form_version", "overrides")

EDUCATION = ("college", "high_school", "junior_high", "primary", "none")
HEALTH = ("healthy", "chronic", "disabled", "serious_illness")
RELATION = ("spouse", "child", "parent", "sibling", "grandchild", "other")
BUSINESS = ("crops", "livestock", "aquaculture", "forestry", "processing", "trade",
            "migrant_work", "other")
LAND_KIND = ("farmland", "forest", "orchard", "pond", "homestead")
TENURE = ("contracted", "leased")
LENDER_KIND = ("bank", "credit_coop", "private", "other")
HONOUR_LEVEL = ("county_or_above", "township", "village")
# RATING-SCHEME.md, household penalty indicators P1-P5.
HOUSEHOLD_PENALTY = ("public_order", "illegal_construction", "environment", "elder_neglect",
                     "loan_misuse", "private_default", "guarantor_default")
COOP_PENALTY = ("admin_penalty", "abnormal_operation")
DEMO_LEVEL = ("none", "county", "city", "provincial", "national")
CERTIFICATION = ("green_food", "organic", "geo_indication", "registered_brand")

_CONSENT = {"consent.signed": "boolean", "consent.date": "date", "consent.collector": "text"}

_HOUSEHOLD: dict[str, str] = {
    "village_code": "text", "group": "text", "address": "text", "head_name": "text",
    "head_id_number": "id_number", "head_phone": "phone", "head_education": "single_choice",
    "head_health": "single_choice", "members": "repeat", "members.name": "text",
    "members.id_number": "id_number", "members.relation": "single_choice",
    "members.education": "single_choice", "members.health": "single_choice",
    "members.is_labour": "boolean", "members.occupation": "text", "head_is_labour": "boolean",
    "years_resident": "integer", "business_type": "single_choice", "business_years": "integer",
    "land": "repeat", "land.kind": "single_choice", "land.area_mu": "area",
    "land.tenure": "single_choice", "annual_net_income": "money", "total_assets": "money",
    "loans": "repeat", "loans.lender": "text", "loans.kind": "single_choice",
    "loans.principal": "money", "loans.balance": "money", "loans.overdue_days": "integer",
    "other_debts": "money", "overdue_times_3y": "integer", "agri_insurance": "boolean",
    "pension_insured": "boolean", "coop_member": "boolean", "honours": "repeat",
    "honours.title": "text", "honours.level": "single_choice", "honours.date": "date",
    "volunteer_times_year": "integer", "fee_arrears_months": "integer", "penalties": "repeat",
    "penalties.kind": "single_choice", "penalties.date": "date", "penalties.source": "text",
    "penalties.note": "text", "dishonest_debtor": "boolean", "debt_evasion_5y": "boolean",
    "criminal_record_5y": "boolean", "false_information": "boolean", **_CONSENT,
    "collected_by": "text", "collected_on": "date",
}

_COOPERATIVE: dict[str, str] = {
    "uscc": "credit_code", "name": "text", "village_code": "text", "legal_rep_name": "text",
    "legal_rep_id_number": "id_number", "phone": "phone", "registered_on": "date",
    "members_count": "integer", "main_business": "single_choice", "demo_level": "single_choice",
    "certifications": "multiple_choice", "annual_revenue": "money", "net_profit": "money",
    "total_assets": "money", "total_liabilities": "money", "assembly_held": "boolean",
    "finance_disclosed": "boolean", "standard_accounting": "boolean",
    "surplus_returned": "boolean", "overdue_times_3y": "integer", "penalties": "repeat",
    "penalties.kind": "single_choice", "penalties.date": "date", "penalties.source": "text",
    "serious_dishonest_list": "boolean", "dishonest_debtor": "boolean",
    "debt_evasion_5y": "boolean", "member_household_ids": "uuid_list", **_CONSENT,
}

_HOUSEHOLD_ENUMS = {
    "head_education": EDUCATION, "head_health": HEALTH, "members.relation": RELATION,
    "members.education": EDUCATION, "members.health": HEALTH, "business_type": BUSINESS,
    "land.kind": LAND_KIND, "land.tenure": TENURE, "loans.kind": LENDER_KIND,
    "honours.level": HONOUR_LEVEL, "penalties.kind": HOUSEHOLD_PENALTY,
}
_COOPERATIVE_ENUMS = {
    "main_business": BUSINESS, "demo_level": DEMO_LEVEL, "certifications": CERTIFICATION,
    "penalties.kind": COOP_PENALTY,
}

#: record type -> standard path -> questionnaire field type.
STANDARD_FIELDS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "household": MappingProxyType(_HOUSEHOLD), "cooperative": MappingProxyType(_COOPERATIVE)})
#: record type -> standard path -> the enumeration's codes, in the standard's order.
STANDARD_ENUMS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "household": MappingProxyType(_HOUSEHOLD_ENUMS),
    "cooperative": MappingProxyType(_COOPERATIVE_ENUMS)})

# 征信业管理条例 art. 14 forbids collecting religion, genes, fingerprints, blood type and
# medical history. Whole words of a snake_case name, phrases inside it, and label keywords.
_FORBIDDEN_WORDS = frozenset({
    "religion", "religious", "faith", "gene", "genes", "genetic", "genome", "dna",
    "fingerprint", "fingerprints", "biometric", "bloodtype"})
_FORBIDDEN_PHRASES = ("medical_history", "medical_record", "illness_history",
                      "disease_history", "blood_type", "blood_group", "case_history")
FORBIDDEN_LABEL_WORDS = ("宗教", "信仰", "病史", "病历", "基因", "指纹", "血型")


def forbidden_reason(name: str, label: str) -> str | None:
    """The forbidden word found in a field's name or label, or ``None`` if the field is allowed."""
    lowered = name.lower()
    for phrase in _FORBIDDEN_PHRASES:
        if phrase in lowered:
            return phrase
    for word in re.split(r"[^a-z0-9]+", lowered):
        if word in _FORBIDDEN_WORDS:
            return word
    for word in FORBIDDEN_LABEL_WORDS:
        if word in label:
            return word
    return None
