"""Certificate numbers across laptops, against a real platform on loopback: each enrolled device
issues in its own series, a revocation by number reaches exactly one certificate, and a number
two standalone laptops both issued is refused by the platform the second time."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sync_fixtures import DIVISIONS_YAML, TODAY, VILLAGE_A1, VILLAGE_A2
from test_engine_support import Device, enrolled_device, field_store, platform_copies, platform_document

from app.documents.signing import EXIT_CODES, Status
from app.services import certificates as certs
from app.services import trust
from app.services.divisions import read_division_file, replace_divisions
from app.services.ratings import rate_household
from app.services.workflow_store import add_step, latest_of_subject
from app.store.models import Certificate, OutboxEntry
from sync.engine.service import enrol, rejections, sync_status
from sync.platform import admin
from sync.platform.models import CertificateNumber, Device as PlatformDevice

RATED_ON, NOTICE_ON, CONFIRMED_ON = date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 20)


def certify(device: Device, village: str = VILLAGE_A1) -> Certificate:
    """A new household of ``village``, rated a credit household, confirmed, and its certificate."""
    while True:
        household = device.platform.household(village)
        device.insert(household)
        if rate_household(device.ws, household["id"], RATED_ON).credit_household:
            break
    with device.ws.db.session() as session:
        head = latest_of_subject(session, household["id"])
        add_step(session, head, "notice", NOTICE_ON, "supervisor")
        add_step(session, head, "confirmed", CONFIRMED_ON, "supervisor")
    return certs.issue_certificate(device.ws, household["id"], TODAY)


def verify(device: Device, cert: Certificate) -> subprocess.CompletedProcess:
    """``python -m app verify`` of ``cert``'s QR text with ``device``'s keyring and revoked.txt."""
    return subprocess.run([sys.executable, "-m", "app", "verify", cert.payload, "--data-dir",
                           str(device.ws.data_dir), "--on", TODAY.isoformat()],
                          capture_output=True, text=True, timeout=60)


def standalone_device(platform, folder: Path) -> Device:
    """A laptop never enrolled (its divisions loaded from a file): it issues in series 0."""
    ws = field_store(folder)
    divisions = folder / "divisions.yaml"
    divisions.write_text(DIVISIONS_YAML, "utf-8")
    with ws.db.session() as session:
        replace_divisions(session, read_division_file(divisions))
    return Device(ws, platform)


def test_two_devices_of_one_county_issue_distinct_numbers_and_a_revocation_hits_only_one(platform, tmp_path):
    first = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    second = enrolled_device(platform, tmp_path / "b", platform.user(VILLAGE_A2))
    series = [sync_status(device.ws).certificate_series for device in (first, second)]
    assert 0 not in series and series[0] != series[1]

    mine, theirs = certify(first, VILLAGE_A1), certify(second, VILLAGE_A2)
    assert mine.number == f"445122-2026-{series[0]:03d}-000001"
    assert theirs.number == f"445122-2026-{series[1]:03d}-000001"
    for device in (first, second):
        assert device.sync().push.count("rejected") == 0
    assert platform_document(platform, mine.id)["number"] == mine.number
    assert platform_document(platform, theirs.id)["number"] == theirs.number

    admin.revoke_certificate(platform.db, mine.number, "户主提供虚假信息")
    for device in (first, second):
        device.sync()
        assert (device.ws.data_dir / trust.REVOKED_FILE).read_text("ascii").split() == [mine.number]
        revoked, valid = verify(device, mine), verify(device, theirs)
        assert revoked.returncode == EXIT_CODES[Status.REVOKED] and mine.number in revoked.stdout
        assert valid.returncode == EXIT_CODES[Status.VALID] and "证书真实有效" in valid.stdout
    first.ws.close()
    second.ws.close()


def test_the_same_installation_enrolled_again_keeps_its_series_and_its_counter(platform, tmp_path):
    user = platform.user(VILLAGE_A1)
    device = enrolled_device(platform, tmp_path / "a", user)
    series = sync_status(device.ws).certificate_series
    before = certify(device)
    status = enrol(device.ws, platform.url, admin.issue_enrolment_code(platform.db, user), device_name="笔记本")
    assert status.certificate_series == series
    after = certify(device)
    assert (before.number[-10:], after.number[-10:]) == (f"{series:03d}-000001", f"{series:03d}-000002")
    other = enrolled_device(platform, tmp_path / "b", user)  # another laptop: another series
    assert sync_status(other.ws).certificate_series not in (0, series)
    with platform.db.read() as session:
        rows = session.scalars(select(PlatformDevice.certificate_series)
                               .where(PlatformDevice.certificate_series == series)).all()
    assert len(rows) == 2  # two enrolments, one installation
    device.ws.close()
    other.ws.close()


def test_a_number_two_standalone_laptops_both_issued_is_refused_the_second_time(platform, tmp_path):
    user = platform.user(VILLAGE_A1, VILLAGE_A2)
    first, second = standalone_device(platform, tmp_path / "a"), standalone_device(platform, tmp_path / "b")
    kept, clash = certify(first), certify(second, VILLAGE_A2)
    assert kept.number == clash.number and kept.number.startswith("445122-2026-000-")
    for device in (first, second):
        enrol(device.ws, platform.url, admin.issue_enrolment_code(platform.db, user), device_name="笔记本")
    assert first.sync().push.count("rejected") == 0

    report = second.sync()
    assert report.push.count("rejected") == 1
    [refused] = rejections(second.ws)
    assert (refused.record_type, refused.record_id) == ("certificate", clash.id)
    assert f"证书编号 {clash.number} 在平台上已属于另一张证书" in refused.reason
    assert refused.problems == (("number", refused.reason),)
    assert sync_status(second.ws).rejected == 1
    [entry] = second.outbox("certificate")
    assert entry.state == "rejected" and entry.result["reason"] == refused.reason
    # Nothing overwritten: the platform keeps the first laptop's certificate under that number.
    assert platform_copies(platform, clash.id) == 0
    assert platform_document(platform, kept.id)["subject_id"] == kept.subject_id
    with platform.db.read() as session:
        assert session.get(CertificateNumber, kept.number).record_id == kept.id
    # A later sync does not send it again; the refusal stays to be seen.
    assert second.sync().push.count("rejected") == 0 and len(rejections(second.ws)) == 1
    # Enrolled now, the laptop issues in its own series: no clash any more.
    fresh = certify(second, VILLAGE_A2)
    assert fresh.number == f"445122-2026-{sync_status(second.ws).certificate_series:03d}-000001"
    assert second.sync().push.count("applied") >= 1 and platform_copies(platform, fresh.id) == 1
    with second.ws.db.session() as session:
        pending = session.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "certificate")).all()
    assert [e.state for e in pending] == ["rejected", "applied"]
    first.ws.close()
    second.ws.close()
