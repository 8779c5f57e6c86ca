"""The signed QR payload of a certificate, and its offline verification.

Payload (ASCII but for the name, about 165 bytes, a version-9 QR at level M)::

    CV1|445122-2026-001-000123|张*丰|AAA|20260101|20261231|<key id>|<base64url Ed25519 signature>

The number may also be of the first format, without a series (``445122-2026-000123``): those
certificates were printed before series existed and still verify.

The signature covers everything before the last ``|``. It carries the masked head's name (a
cooperative's name in full: it is public), never an ID number. A verifier needs only the
keyring of trusted public keys and the list of revoked certificate numbers.
"""
from __future__ import annotations

import base64
import binascii
import enum
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Collection

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.documents.keys import (  # noqa: F401 - re-exported: signing.py is the one door to signing
    Keyring, KeyringEntry, generate_signing_key, private_key_from_pem, private_key_to_pem,
    public_key_id,
)
from app.documents.model import CertificateData
from app.documents.numbering import NUMBER_PATTERN
from app.domain.masking import mask_name
from app.domain.problems import QT_TRANSLATE_NOOP

__all__ = [
    "EXIT_CODES", "MESSAGES", "CertificateClaim", "Keyring", "KeyringEntry", "Status",
    "Verification", "certificate_signer", "claim_for", "generate_signing_key",
    "private_key_from_pem", "private_key_to_pem", "public_key_id", "sign_payload", "verify_payload",
]
CONTEXT = "verification"
PREFIX = "CV1"
SEP = "|"
_CERT_NO = NUMBER_PATTERN  # either format: old certificates keep verifying
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_YYYYMMDD = re.compile(r"\d{8}")
_DATE = "%Y%m%d"


@dataclass(frozen=True)
class CertificateClaim:
    """What a certificate's QR asserts; ``holder`` is already masked for a household."""

    certificate_no: str
    holder: str
    grade: str
    valid_from: date
    valid_until: date


class Status(enum.Enum):
    """Outcome of verifying a scanned payload."""

    VALID = "valid"
    TAMPERED = "tampered"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REVOKED = "revoked"
    UNKNOWN_SIGNER = "unknown_signer"
    MALFORMED = "malformed"


# Process exit codes of ``verify``: 0 only for a valid certificate, 1 stays "the command failed".
EXIT_CODES: dict[Status, int] = {
    Status.VALID: 0,
    Status.TAMPERED: 2,
    Status.EXPIRED: 3,
    Status.REVOKED: 4,
    Status.UNKNOWN_SIGNER: 5,
    Status.MALFORMED: 6,
    Status.NOT_YET_VALID: 7,
}

MESSAGES: dict[Status, str] = {
    Status.VALID: QT_TRANSLATE_NOOP(
        "verification", "证书真实有效：编号 {certificate_no}，{holder}，{grade} 级，有效期 {valid_from} 至 {valid_until}。"),
    Status.TAMPERED: QT_TRANSLATE_NOOP(
        "verification", "签名不符：证书 {certificate_no} 的二维码内容已被改动，不可信。"),
    Status.EXPIRED: QT_TRANSLATE_NOOP(
        "verification", "证书 {certificate_no} 已于 {valid_until} 过期。"),
    Status.NOT_YET_VALID: QT_TRANSLATE_NOOP(
        "verification", "证书 {certificate_no} 自 {valid_from} 起才生效。"),
    Status.REVOKED: QT_TRANSLATE_NOOP(
        "verification", "证书 {certificate_no} 已被撤销，不再有效。"),
    Status.UNKNOWN_SIGNER: QT_TRANSLATE_NOOP(
        "verification", "签发设备未知（密钥 {key_id}）：请先导入该设备的公钥，或证书系伪造。"),
    Status.MALFORMED: QT_TRANSLATE_NOOP(
        "verification", "这不是本系统签发的信用户证书二维码。"),
}


@dataclass(frozen=True)
class Verification:
    """A verification result: status, the decoded claim (when it could be read) and its signer."""

    status: Status
    claim: CertificateClaim | None = None
    key_id: str = ""
    device_id: str = ""

    @property
    def template(self) -> str:
        """The untranslated Chinese message template (the UI translates it in ``CONTEXT``)."""
        return MESSAGES[self.status]

    @property
    def params(self) -> dict[str, str]:
        """The values the message template names."""
        claim = self.claim
        return {
            "certificate_no": claim.certificate_no if claim else "",
            "holder": claim.holder if claim else "",
            "grade": claim.grade if claim else "",
            "valid_from": claim.valid_from.isoformat() if claim else "",
            "valid_until": claim.valid_until.isoformat() if claim else "",
            "key_id": self.key_id,
        }

    @property
    def message(self) -> str:
        """The Chinese message, filled in."""
        return self.template.format(**self.params)

    @property
    def exit_code(self) -> int:
        """The CLI's exit code for this status (see :data:`EXIT_CODES`)."""
        return EXIT_CODES[self.status]


def claim_for(data: CertificateData) -> CertificateClaim:
    """The claim printed in ``data``'s QR: a household head's name masked by THE masking rule."""
    holder = mask_name(data.holder_name) if data.subject_kind == "household" else data.holder_name
    return CertificateClaim(data.certificate_no, holder, data.grade, data.valid_from, data.valid_until)


def sign_payload(claim: CertificateClaim, private_key: Ed25519PrivateKey) -> str:
    """The QR payload for ``claim``, signed with ``private_key``."""
    fields = [claim.certificate_no, claim.holder, claim.grade]
    if not _CERT_NO.fullmatch(claim.certificate_no) or any(
            SEP in f or not f.strip() or not f.isprintable() for f in fields):
        raise ValueError(f"cannot sign certificate claim {claim!r}")
    key_id = public_key_id(private_key.public_key())
    body = SEP.join([PREFIX, *fields, claim.valid_from.strftime(_DATE),
                     claim.valid_until.strftime(_DATE), key_id])
    signature = private_key.sign(body.encode("utf-8"))
    return body + SEP + base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")


def certificate_signer(private_key: Ed25519PrivateKey) -> Callable[[CertificateData], str]:
    """The ``sign`` callback of :func:`render_certificates`: data → signed payload."""
    return lambda data: sign_payload(claim_for(data), private_key)


def verify_payload(text: str, keyring: Keyring, *, today: date,
                   revoked: Collection[str] = ()) -> Verification:
    """Check a scanned payload: signature by a trusted key, then revocation, then validity dates."""
    parsed = _parse(text.strip())
    if parsed is None:
        return Verification(Status.MALFORMED)
    claim, key_id, body, signature = parsed
    entry = keyring.get(key_id)
    if entry is None:
        return Verification(Status.UNKNOWN_SIGNER, claim, key_id)
    try:
        entry.public_key.verify(signature, body.encode("utf-8"))
    except InvalidSignature:
        return Verification(Status.TAMPERED, claim, key_id, entry.device_id)
    return Verification(_status_on(claim, today, revoked), claim, key_id, entry.device_id)


def _status_on(claim: CertificateClaim, today: date, revoked: Collection[str]) -> Status:
    if claim.certificate_no in revoked:
        return Status.REVOKED
    if today > claim.valid_until:
        return Status.EXPIRED
    if today < claim.valid_from:
        return Status.NOT_YET_VALID
    return Status.VALID


def _parse(text: str) -> tuple[CertificateClaim, str, str, bytes] | None:
    """(claim, key id, signed body, signature) of a well-formed payload, else None."""
    parts = text.split(SEP)
    if len(parts) != 8 or parts[0] != PREFIX:
        return None
    _, cert_no, holder, grade, valid_from, valid_until, key_id, signature = parts
    if not (_CERT_NO.fullmatch(cert_no) and _KEY_ID.fullmatch(key_id) and holder and grade
            and _YYYYMMDD.fullmatch(valid_from) and _YYYYMMDD.fullmatch(valid_until)):
        return None
    try:
        start = datetime.strptime(valid_from, _DATE).date()
        end = datetime.strptime(valid_until, _DATE).date()
        raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    except (ValueError, binascii.Error):
        return None
    if len(raw) != 64 or start > end:
        return None
    body = text[: text.rindex(SEP)]
    return CertificateClaim(cert_no, holder, grade, start, end), key_id, body, raw
