"""A certificate revoked on a laptop reaches the platform and every other laptop; one revoked by
the platform's administrator shows as revoked in the issuing laptop's register. Real platform."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sync_fixtures import VILLAGE_A1, VILLAGE_A2
from test_certificate_series import certify, standalone_device, verify
from test_engine_support import Device, enrolled_device

from app.documents.signing import EXIT_CODES, Status
from app.services import accounts
from app.services import certificates as certs
from app.services import trust
from app.store.models import Certificate, OutboxEntry
from sync.engine.service import enrol, rejections
from sync.platform import admin
from sync.platform.models import Record
from sync.protocol import record_uuid


def supervisor(device: Device) -> accounts.Workspace:
    """The laptop's supervisor (added by its administrator), who may revoke."""
    folder = device.ws.data_dir
    boss = accounts.unlock(folder, "admin", "admin-pass-1")
    accounts.add_user(boss, "super", "super-pass-1", "supervisor", "审核员乙")
    boss.close()
    return accounts.unlock(folder, "super", "super-pass-1")


def register_row(device: Device, number: str) -> Certificate:
    with device.ws.db.session() as session:
        return session.scalars(select(Certificate).where(Certificate.number == number)).one()


def test_a_revocation_on_one_laptop_reaches_the_platform_and_the_other_laptops(platform, tmp_path):
    first = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    second = enrolled_device(platform, tmp_path / "b", platform.user(VILLAGE_A2))
    revoked, kept = certify(first), certify(first)
    first.sync()
    boss = supervisor(first)
    certs.revoke_certificate(boss, revoked.number, "户主冒用他人身份信息")
    boss.close()
    assert first.sync().push.count("rejected") == 0
    with platform.db.read() as session:
        published = session.get(Record, record_uuid("certificate_revocation", revoked.number))
        assert published is not None and published.village_code is None  # every laptop pulls it
        assert published.document["certificate_id"] == revoked.id
    second.sync()
    assert (second.ws.data_dir / trust.REVOKED_FILE).read_text("ascii").split() == [revoked.number]
    assert verify(second, revoked).returncode == EXIT_CODES[Status.REVOKED]
    assert verify(second, kept).returncode == EXIT_CODES[Status.VALID]
    first.ws.close()
    second.ws.close()


def test_a_certificate_revoked_by_the_platform_shows_revoked_in_the_issuing_register(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    cert = certify(device)
    device.sync()
    admin.revoke_certificate(platform.db, cert.number, "证书遗失")
    device.sync()
    row = register_row(device, cert.number)
    assert row.revoked_at is not None and row.revoke_reason == "证书遗失"
    # Revoking it on the laptop too is refused as done already; nothing more is queued.
    boss = supervisor(device)
    with pytest.raises(certs.CertificateError):
        certs.revoke_certificate(boss, cert.number, "再次撤销")
    boss.close()
    assert not device.outbox("certificate_revocation")
    device.ws.close()


def test_the_platform_accepts_a_field_revocation_of_a_number_its_administrator_revoked_already(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    cert = certify(device)
    device.sync()
    boss = supervisor(device)
    certs.revoke_certificate(boss, cert.number, "户主申请注销")  # offline: not yet pushed
    boss.close()
    admin.revoke_certificate(platform.db, cert.number, "证书遗失")  # meanwhile, on the platform
    assert device.sync().push.count("rejected") == 0
    [entry] = device.outbox("certificate_revocation")
    assert entry.state == "applied"
    device.ws.close()


def test_a_revocation_of_a_number_the_platform_holds_for_another_certificate_is_refused(platform, tmp_path):
    user = platform.user(VILLAGE_A1, VILLAGE_A2)
    first, second = standalone_device(platform, tmp_path / "a"), standalone_device(platform, tmp_path / "b")
    kept, clash = certify(first), certify(second, VILLAGE_A2)
    assert kept.number == clash.number  # two laptops that counted alone
    for device in (first, second):
        enrol(device.ws, platform.url, admin.issue_enrolment_code(platform.db, user), device_name="笔记本")
    first.sync()
    boss = supervisor(second)
    certs.revoke_certificate(boss, clash.number, "重复发证")
    boss.close()
    second.sync()
    refused = {r.record_type: r for r in rejections(second.ws)}
    assert "撤销未被接收" in refused["certificate_revocation"].reason
    with platform.db.read() as session:  # the other family's certificate stays valid
        assert session.get(Record, record_uuid("certificate_revocation", kept.number)) is None
    first.sync()
    assert register_row(first, kept.number).revoked_at is None
    first.ws.close()
    second.ws.close()
