"""``python -m app verify``: a real certificate PDF and its payload, checked offline by a process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.documents.certificate import render_certificates
from app.documents.keys import Keyring
from app.documents.signing import EXIT_CODES, Status, certificate_signer
from app.documents.templates import load_default_templates


def run_verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "verify", *args], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _pdf(tmp_path: Path, certificate, signing_key) -> Path:
    out = tmp_path / "certificate.pdf"
    render_certificates([certificate], out, template=load_default_templates(),
                        sign=certificate_signer(signing_key))
    return out


def test_a_printed_certificate_verifies_from_its_pdf(tmp_path, certificate, signing_key, keyring):
    ring = tmp_path / "keyring.json"
    keyring.save(ring)
    result = run_verify(str(_pdf(tmp_path, certificate, signing_key)), "--keyring", str(ring), "--on", "2026-06-01")
    assert result.returncode == 0, result.stderr
    assert "证书真实有效" in result.stdout and certificate.certificate_no in result.stdout


def test_a_tampered_payload_fails_with_its_exit_code(tmp_path, certificate, signing_key, keyring):
    ring = tmp_path / "keyring.json"
    keyring.save(ring)
    payload = certificate_signer(signing_key)(certificate)
    tampered = payload.replace("|AAA|", "|AA|")
    assert tampered != payload
    result = run_verify(tampered, "--keyring", str(ring), "--on", "2026-06-01")
    assert result.returncode == EXIT_CODES[Status.TAMPERED] and "已被改动" in result.stdout


def test_revoked_expired_and_unknown_signer_are_told_apart(tmp_path, certificate, signing_key, keyring):
    ring = tmp_path / "keyring.json"
    keyring.save(ring)
    payload = certificate_signer(signing_key)(certificate)
    revoked = tmp_path / "revoked.txt"
    revoked.write_text(certificate.certificate_no + "\n", "utf-8")
    assert run_verify(payload, "--keyring", str(ring), "--revoked", str(revoked), "--on", "2026-06-01").returncode \
        == EXIT_CODES[Status.REVOKED]
    assert run_verify(payload, "--keyring", str(ring), "--on", "2027-06-01").returncode == EXIT_CODES[Status.EXPIRED]
    empty = tmp_path / "empty.json"
    Keyring().save(empty)  # a keyring without this device's key
    assert run_verify(payload, "--keyring", str(empty), "--on", "2026-06-01").returncode \
        == EXIT_CODES[Status.UNKNOWN_SIGNER]


def test_a_missing_pdf_is_a_one_line_error(tmp_path):
    result = run_verify(str(tmp_path / "nothing.pdf"))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
