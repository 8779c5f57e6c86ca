"""The certificate register: issuing to confirmed credit households, numbers, reprints, revocations,
supersession and expiry."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.documents.keys import Keyring
from app.documents.signing import Status, verify_payload
from app.security.roles import PermissionDenied
from app.services import certificates as certs
from app.services.audit import iter_entries
from app.services.certificates_register import CertificateStatus, certificate_register, find_certificate
from app.services.signing_key import KEYRING_FILE
from app.store.models import OutboxEntry
from tests.services.certificate_steps import (
    TODAY, busiest_village, confirm, copy_store, login, make_template, rate, step,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("cert-template"))


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Path:
    return copy_store(template, tmp_path / "store")


@pytest.fixture
def loan(store: Path):
    ws = login(store, "loan")
    yield ws
    ws.close()


@pytest.fixture
def supervisor(store: Path):
    ws = login(store, "supervisor")
    yield ws
    ws.close()


@pytest.fixture
def village(loan) -> tuple[str, list[str]]:
    return busiest_village(loan)


def confirmed_household(loan, supervisor, household_id: str) -> str:
    rate(loan, household_id)
    confirm(supervisor, household_id)
    return household_id


def test_a_confirmed_credit_household_gets_a_numbered_signed_certificate(loan, supervisor, village):
    code, ids = village
    confirmed_household(loan, supervisor, ids[0])
    cert = certs.issue_certificate(loan, ids[0], TODAY)
    assert cert.number == f"{code[:6]}-2026-000-000001"  # series 0: this store is not enrolled
    assert (cert.valid_from, cert.issued_by, cert.reprint_count) == (date(2026, 3, 20), "loan", 0)
    ring = Keyring.load(loan.data_dir / KEYRING_FILE)
    result = verify_payload(cert.payload, ring, today=TODAY)
    assert result.status is Status.VALID and result.claim.certificate_no == cert.number
    assert result.claim.grade == cert.grade and "*" in result.claim.holder


def test_issuing_again_reuses_the_number_and_the_next_household_gets_the_next(loan, supervisor, village):
    _code, ids = village
    for household in ids[:2]:
        confirmed_household(loan, supervisor, household)
    first = certs.issue_certificate(loan, ids[0], TODAY)
    assert certs.issue_certificate(loan, ids[0], TODAY).number == first.number
    second = certs.issue_certificate(loan, ids[1], TODAY)
    assert second.number.endswith("-000002")


@pytest.mark.parametrize("walk, reason", [
    (lambda loan, sup, hid: None, "没有经审核员确认"),
    (lambda loan, sup, hid: rate(loan, hid), "没有经审核员确认"),
    (lambda loan, sup, hid: (rate(loan, hid), step(sup, hid, "notice", date(2026, 3, 5))), "没有经审核员确认"),
    (lambda loan, sup, hid: (rate(loan, hid), step(loan, hid, "appraised", date(2026, 3, 2), adjustment="-5.00",
                                                    score="40.00", grade="C", credit_household=False,
                                                    credit_line="0.00"), confirm(sup, hid)), "不是信用户"),
])
def test_issuing_is_refused_in_chinese_until_a_credit_household_is_confirmed(loan, supervisor, village, walk, reason):
    household = village[1][0]
    walk(loan, supervisor, household)
    with pytest.raises(certs.CertificateError, match=reason):
        certs.issue_certificate(loan, household, TODAY)
    assert certificate_register(loan, None, TODAY) == []


def test_a_role_without_print_permission_cannot_issue(store, loan, supervisor, village):
    household = confirmed_household(loan, supervisor, village[1][0])
    with pytest.raises(PermissionDenied):
        certs.issue_certificate(supervisor, household, TODAY)


def test_a_newer_confirmed_rating_supersedes_the_old_certificate_which_stays_in_the_register(
        loan, supervisor, village):
    household = confirmed_household(loan, supervisor, village[1][0])
    old = certs.issue_certificate(loan, household, TODAY)
    rate(loan, household, date(2026, 5, 1))
    confirm(supervisor, household, notice_on=date(2026, 5, 2), confirmed_on=date(2026, 5, 20))
    new = certs.issue_certificate(loan, household, date(2026, 6, 1))
    assert new.number != old.number
    book = {e.number: e for e in certificate_register(loan, village[0], date(2026, 6, 1))}
    assert book[old.number].status is CertificateStatus.SUPERSEDED
    assert book[old.number].superseded_by == new.number
    assert book[new.number].status is CertificateStatus.VALID
    with loan.db.session() as session:  # what goes to the platform (and to every other laptop)
        sent = {e.record_id: e.fields for e in session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_type == "certificate"))}
    assert sent[new.id]["supersedes"] == [old.number] and sent[old.id]["supersedes"] == []


def test_a_certificate_past_its_validity_is_listed_as_expired(loan, supervisor, village):
    household = confirmed_household(loan, supervisor, village[1][0])
    cert = certs.issue_certificate(loan, household, TODAY)
    after = date.fromordinal(cert.valid_until.toordinal() + 1)
    assert find_certificate(loan, cert.number, cert.valid_until).status is CertificateStatus.VALID
    assert find_certificate(loan, cert.number, after).status is CertificateStatus.EXPIRED


def test_reprints_are_counted_and_audited_and_need_the_reprint_permission(loan, supervisor, village):
    household = confirmed_household(loan, supervisor, village[1][0])
    cert = certs.issue_certificate(loan, household, TODAY)
    with pytest.raises(PermissionDenied):
        certs.reprint_certificate(loan, cert.number)
    assert certs.reprint_certificate(supervisor, cert.number).reprint_count == 1
    assert certs.reprint_certificate(supervisor, cert.number).reprint_count == 2
    reprints = [e for e in iter_entries(loan.db) if e["action"] == "certificate_reprinted"]
    assert [(e["target_id"], e["actor"]) for e in reprints] == [(cert.number, "supervisor")] * 2


def test_revoking_needs_a_supervisor_and_a_reason_and_is_written_for_verify(loan, supervisor, village):
    household = confirmed_household(loan, supervisor, village[1][0])
    cert = certs.issue_certificate(loan, household, TODAY)
    with pytest.raises(PermissionDenied):
        certs.revoke_certificate(loan, cert.number, "骗取授信")
    with pytest.raises(certs.CertificateError, match="原因"):
        certs.revoke_certificate(supervisor, cert.number, "  ")
    certs.revoke_certificate(supervisor, cert.number, "骗取授信")
    entry = find_certificate(loan, cert.number, TODAY)
    assert (entry.status, entry.revoked_by, entry.revoke_reason) == (CertificateStatus.REVOKED, "supervisor", "骗取授信")
    assert (loan.data_dir / certs.REVOKED_FILE).read_text().split() == [cert.number]
    with pytest.raises(certs.CertificateError, match="已经撤销"):
        certs.revoke_certificate(supervisor, cert.number, "again")
    with pytest.raises(certs.CertificateError, match="不能补打"):
        certs.reprint_certificate(supervisor, cert.number)
    with pytest.raises(certs.CertificateError, match="已被撤销"):
        certs.issue_certificate(loan, household, TODAY)
    revoked = [e for e in iter_entries(loan.db) if e["action"] == "certificate_revoked"]
    assert revoked[0]["details"] == {}  # the reason may name people: not in the audit trail


def test_an_unknown_number_is_refused_clearly(supervisor):
    with pytest.raises(certs.CertificateError, match="没有编号为 445102-2026-999999"):
        certs.revoke_certificate(supervisor, "445102-2026-999999", "x")


def test_numbers_are_never_reused_even_after_revocation(loan, supervisor, village):
    first, second = (confirmed_household(loan, supervisor, h) for h in village[1][:2])
    cert = certs.issue_certificate(loan, first, TODAY)
    certs.revoke_certificate(supervisor, cert.number, "错发")
    assert certs.issue_certificate(loan, second, TODAY).number.endswith("-000002")


def test_a_cancelled_village_batch_writes_nothing_and_the_next_run_reuses_its_numbers(loan, supervisor, village, tmp_path):
    from app.documents.certificate import RenderCancelled
    from app.services.certificates_pdf import village_certificates_pdf

    code, ids = village
    for household in ids:
        confirmed_household(loan, supervisor, household)
    out = tmp_path / "batch.pdf"
    with pytest.raises(RenderCancelled):
        village_certificates_pdf(loan, code, TODAY, out, cancel=lambda: True)
    assert not out.exists()
    issued = [e.number for e in certificate_register(loan, code, TODAY)]
    assert len(issued) == len(ids)
    steps: list[tuple[int, int]] = []
    assert village_certificates_pdf(loan, code, TODAY, out, progress=lambda d, t: steps.append((d, t))) == issued
    assert steps[-1] == (2 * len(ids), 2 * len(ids)) and out.stat().st_size > 0


def test_a_village_without_confirmed_credit_households_is_refused(loan, village, tmp_path):
    from app.services.certificates_pdf import village_certificates_pdf

    with pytest.raises(certs.CertificateError, match="没有证书可打印"):
        village_certificates_pdf(loan, village[0], TODAY, tmp_path / "none.pdf")


def test_the_whole_workflow_leads_to_certificates_for_the_village(store, loan, supervisor, village, tmp_path):
    """Rated, appraised, noticed and confirmed through the workflow service, then printed."""
    from app.services import workflow
    from app.services.certificates_pdf import village_certificates_pdf

    code, ids = village
    township = login(store, "township")
    try:
        for household in ids:
            rate(loan, household)
        workflow.appraise_village(township, code, "评议无异议", ["王一", "李二"], date(2026, 3, 2))
        workflow.start_notice(township, code, date(2026, 3, 5))
        workflow.confirm_village(supervisor, code, date(2026, 3, 20))
    finally:
        township.close()
    credit = [c for c in workflow.confirmed_ratings(loan, code, TODAY) if c.credit_household]
    numbers = village_certificates_pdf(loan, code, TODAY, tmp_path / "village.pdf")
    assert len(numbers) == len(credit) > 0
    book = certificate_register(loan, code, TODAY)
    assert {e.subject_id for e in book} == {c.subject_id for c in credit}
    assert all(e.valid_from == date(2026, 3, 20) for e in book)
