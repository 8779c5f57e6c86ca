"""Enrolling devices: one-time codes that expire, tokens bound to a device, revocation, versions."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import select
from sync_fixtures import TOWNSHIP_A, VILLAGE_A1, Platform, public_key

from sync.client import PlatformClient
from sync.errors import ClientTooOld, Unauthorized
from sync.platform import admin
from sync.platform.models import AuditEntry, Device, EnrolmentCode
from sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER


def _audit_actions(platform: Platform) -> list[str]:
    with platform.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_code_enrols_a_device_once_and_returns_the_assigned_divisions(platform: Platform):
    username = platform.user(TOWNSHIP_A, VILLAGE_A1)
    code = admin.issue_enrolment_code(platform.db, username)
    first = PlatformClient(platform.url)
    enrolment = first.enrol(code, "一号笔记本", public_key())
    assert enrolment.username == username
    assert enrolment.divisions == sorted([TOWNSHIP_A, VILLAGE_A1])
    assert first.token == enrolment.token
    with pytest.raises(Unauthorized) as refused:
        PlatformClient(platform.url).enrol(code, "二号笔记本", public_key())
    assert "登记码" in refused.value.server_message
    assert "enrol" in _audit_actions(platform) and "enrol.refused" in _audit_actions(platform)


def test_an_expired_code_is_refused(platform: Platform):
    username = platform.user(VILLAGE_A1)
    yesterday = datetime.now(timezone.utc) - timedelta(hours=25)
    code = admin.issue_enrolment_code(platform.db, username, now=yesterday)
    with pytest.raises(Unauthorized):
        PlatformClient(platform.url).enrol(code, "笔记本", public_key())


def test_codes_and_tokens_are_stored_only_as_hashes(platform: Platform):
    username = platform.user(VILLAGE_A1)
    code = admin.issue_enrolment_code(platform.db, username)
    client = PlatformClient(platform.url)
    enrolment = client.enrol(code.lower().replace("-", ""), "笔记本", public_key())
    with platform.db.read() as session:
        device = session.get(Device, str(enrolment.device_id))
        stored_codes = list(session.scalars(select(EnrolmentCode.code_hash)))
    assert enrolment.token not in device.token_hash and len(device.token_hash) == 64
    assert code not in stored_codes
    assert enrolment.token not in repr(client)


def test_a_revoked_device_gets_401_with_a_chinese_message(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    assert client.pull().changes is not None
    device_id = platform_device_id(platform, client)
    admin.revoke_device(platform.db, device_id, "笔记本遗失")
    with pytest.raises(Unauthorized) as refused:
        client.pull()
    assert "注销" in refused.value.server_message
    assert "本设备" in refused.value.message


def test_an_expired_token_gets_401(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    with platform.db.write() as session:
        device = session.get(Device, platform_device_id(platform, client))
        device.token_expires_at = datetime.now(timezone.utc) - timedelta(seconds=1)
    with pytest.raises(Unauthorized) as refused:
        client.pull()
    assert "过期" in refused.value.server_message


def test_a_request_without_a_token_gets_401(platform: Platform):
    with pytest.raises(Unauthorized):
        PlatformClient(platform.url).pull()


@pytest.mark.parametrize("headers", [{PROTOCOL_HEADER: "0", SCHEMA_HEADER: "1"},
                                     {PROTOCOL_HEADER: "1", SCHEMA_HEADER: "99"},
                                     {PROTOCOL_HEADER: "abc", SCHEMA_HEADER: "1"},
                                     {PROTOCOL_HEADER: None, SCHEMA_HEADER: None}],
                         ids=["old protocol", "unknown schema", "garbled", "missing"])
def test_an_unsupported_client_gets_426_and_a_chinese_message(platform: Platform, headers):
    client = platform.device(platform.user(VILLAGE_A1))
    for name, value in headers.items():
        if value is None:
            del client.session.headers[name]
        else:
            client.session.headers[name] = value
    with pytest.raises(ClientTooOld) as refused:
        client.pull()
    assert refused.value.status == 426 and "升级" in refused.value.server_message


def test_every_response_carries_server_time_and_a_date_header(platform: Platform):
    response = requests.get(f"{platform.url}/api/v1/pull", timeout=5)
    assert response.status_code == 426
    assert "server_time" in response.json() and response.headers["Date"].endswith("GMT")
    client = platform.device(platform.user(VILLAGE_A1))
    page = client.pull()
    assert abs(page.server_time - datetime.now(timezone.utc)) < timedelta(minutes=1)
    assert page.warnings == []


def platform_device_id(platform: Platform, client: PlatformClient) -> str:
    from sync.platform.auth import hash_secret

    with platform.db.read() as session:
        return session.scalars(select(Device.id).where(Device.token_hash == hash_secret(client.token))).one()
