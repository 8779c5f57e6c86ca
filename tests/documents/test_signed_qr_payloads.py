"""A certificate's QR payload is signed, compact, free of ID numbers, and verifies offline."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.documents.signing import (
    EXIT_CODES, MESSAGES, SEP, CertificateClaim, Keyring, Status, certificate_signer, claim_for,
    generate_signing_key, public_key_id, sign_payload, verify_payload,
)

TODAY = date(2026, 3, 15)


@pytest.fixture
def payload(certificate, signing_key) -> str:
    return certificate_signer(signing_key)(certificate)


def test_a_freshly_signed_payload_verifies_as_valid(payload, keyring, certificate):
    result = verify_payload(payload, keyring, today=TODAY)
    assert result.status is Status.VALID
    assert result.exit_code == 0
    assert result.claim == claim_for(certificate)
    assert result.device_id == "LAPTOP-07"
    assert certificate.certificate_no in result.message and "有效" in result.message


def test_the_payload_has_the_documented_layout_and_fits_a_qr_comfortably(payload, signing_key):
    parts = payload.split(SEP)
    assert parts[:6] == ["CV1", "445122-2026-000123", "张*丰", "AAA", "20260101", "20261231"]
    assert parts[6] == public_key_id(signing_key.public_key())
    assert len(payload.encode("utf-8")) < 200


def test_the_payload_carries_the_masked_name_of_a_household_and_never_the_full_one(payload):
    assert "张*丰" in payload and "张三丰" not in payload


def test_a_cooperative_payload_carries_its_public_name_in_full(cooperative_certificate, signing_key):
    text = certificate_signer(signing_key)(cooperative_certificate)
    assert text.split(SEP)[2] == cooperative_certificate.holder_name


def _replace_field(payload: str, index: int, value: str) -> str:
    parts = payload.split(SEP)
    parts[index] = value
    return SEP.join(parts)


@pytest.mark.parametrize("index, forged", [
    (3, "AA"),                       # grade changed
    (1, "445122-2026-000999"),       # certificate number changed
    (2, "李*四"),                     # holder changed
    (5, "20301231"),                 # validity extended
])
def test_changing_any_signed_field_is_detected_as_tampering(payload, keyring, index, forged):
    result = verify_payload(_replace_field(payload, index, forged), keyring, today=TODAY)
    assert result.status is Status.TAMPERED
    assert result.claim is not None  # what the forger claims is still shown, marked untrusted


def test_a_certificate_past_its_last_day_is_expired(payload, keyring):
    assert verify_payload(payload, keyring, today=date(2026, 12, 31)).status is Status.VALID
    result = verify_payload(payload, keyring, today=date(2027, 1, 1))
    assert result.status is Status.EXPIRED
    assert "2026-12-31" in result.message


def test_a_certificate_before_its_first_day_is_not_yet_valid(payload, keyring):
    assert verify_payload(payload, keyring, today=date(2025, 12, 31)).status is Status.NOT_YET_VALID


def test_a_revoked_certificate_number_is_reported_revoked_even_when_the_signature_is_good(
        payload, keyring):
    result = verify_payload(payload, keyring, today=TODAY, revoked={"445122-2026-000123"})
    assert result.status is Status.REVOKED
    other = verify_payload(payload, keyring, today=TODAY, revoked={"445122-2026-000124"})
    assert other.status is Status.VALID


def test_a_payload_signed_by_a_key_outside_the_keyring_is_an_unknown_signer(certificate, keyring):
    stranger = generate_signing_key()
    result = verify_payload(certificate_signer(stranger)(certificate), keyring, today=TODAY)
    assert result.status is Status.UNKNOWN_SIGNER
    assert public_key_id(stranger.public_key()) in result.message


def test_a_forger_who_reuses_a_trusted_key_id_with_his_own_key_is_caught(certificate, keyring,
                                                                         signing_key):
    forged = certificate_signer(generate_signing_key())(replace(certificate, grade="AAA"))
    trusted_id = public_key_id(signing_key.public_key())
    assert verify_payload(_replace_field(forged, 6, trusted_id), keyring,
                          today=TODAY).status is Status.TAMPERED


@pytest.mark.parametrize("garbage", [
    "",
    "hello world",
    "https://example.com/cert/445122-2026-000123",
    "CV2|445122-2026-000123|张*丰|AAA|20260101|20261231|0123456789abcdef|AAAA",
    "CV1|445122-2026-000123|张*丰|AAA|20260101|20261231|0123456789abcdef",
    "CV1|4451-2026-123|张*丰|AAA|20260101|20261231|0123456789abcdef|" + "A" * 86,
    "CV1|445122-2026-000123|张*丰|AAA|2026-01-01|20261231|0123456789abcdef|" + "A" * 86,
    "CV1|445122-2026-000123|张*丰|AAA|20261301|20261231|0123456789abcdef|" + "A" * 86,
    "CV1|445122-2026-000123|张*丰|AAA|20270101|20261231|0123456789abcdef|" + "A" * 86,
    "CV1|445122-2026-000123|张*丰|AAA|20260101|20261231|XYZ|" + "A" * 86,
    "CV1|445122-2026-000123|张*丰|AAA|20260101|20261231|0123456789abcdef|short",
    "CV1|445122-2026-000123||AAA|20260101|20261231|0123456789abcdef|" + "A" * 86,
])
def test_anything_that_is_not_a_payload_is_malformed(garbage, keyring):
    result = verify_payload(garbage, keyring, today=TODAY)
    assert result.status is Status.MALFORMED
    assert result.claim is None
    assert result.exit_code == EXIT_CODES[Status.MALFORMED] != 0


def test_a_scanner_trailing_newline_does_not_spoil_a_valid_payload(payload, keyring):
    assert verify_payload(payload + "\n", keyring, today=TODAY).status is Status.VALID


def test_every_status_has_a_chinese_message_and_a_distinct_exit_code():
    assert set(EXIT_CODES) == set(Status) == set(MESSAGES)
    assert EXIT_CODES[Status.VALID] == 0
    codes = [code for status, code in EXIT_CODES.items() if status is not Status.VALID]
    assert len(set(codes)) == len(codes) and 0 not in codes and 1 not in codes
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in message) for message in MESSAGES.values())


def test_a_claim_with_the_separator_inside_a_field_is_refused(signing_key):
    claim = CertificateClaim("445122-2026-000123", "某|合作社", "A", date(2026, 1, 1),
                             date(2026, 12, 31))
    with pytest.raises(ValueError):
        sign_payload(claim, signing_key)


def test_an_empty_keyring_knows_no_signer(payload):
    assert verify_payload(payload, Keyring(), today=TODAY).status is Status.UNKNOWN_SIGNER
