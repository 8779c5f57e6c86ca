"""HTTPS with a city's own CA: trusted when the client is given that CA, refused otherwise."""
from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sync_fixtures import VILLAGE_A1, Platform, insert, serve

from sync.client import PlatformClient
from sync.errors import CertificateRejected, Unreachable
from sync.platform import admin
from sync.platform.app import create_app


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: str, issuer: str, key, signing_key, *, ca: bool, hosts: list[str] = ()):
    now = datetime.now(timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                        critical=True)
    if hosts:
        names = [x509.IPAddress(ipaddress.ip_address(h)) if h[0].isdigit() else x509.DNSName(h) for h in hosts]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _pem(obj) -> bytes:
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _authority(folder: Path, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(name, name, key, key, ca=True)
    (folder / f"{name}.pem").write_bytes(_pem(cert))
    return key, folder / f"{name}.pem"


def _server_files(folder: Path, ca_key, ca_name: str, hosts: list[str], stem: str) -> dict:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(hosts[0], ca_name, key, ca_key, ca=False, hosts=hosts)
    (folder / f"{stem}.pem").write_bytes(_pem(cert))
    (folder / f"{stem}.key").write_bytes(_pem(key))
    return {"ssl_certfile": str(folder / f"{stem}.pem"), "ssl_keyfile": str(folder / f"{stem}.key")}


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("pki")
    city_key, city_ca = _authority(folder, "city-test-ca")
    _, other_ca = _authority(folder, "other-ca")
    return {"city_ca": city_ca, "other_ca": other_ca,
            "loopback": _server_files(folder, city_key, "city-test-ca", ["127.0.0.1", "localhost"], "loopback"),
            "elsewhere": _server_files(folder, city_key, "city-test-ca", ["platform.example.cn"], "elsewhere")}


def test_the_platform_is_trusted_over_https_with_the_city_ca(platform: Platform, pki):
    username = platform.user(VILLAGE_A1)
    with serve(create_app(platform.db), **pki["loopback"]) as url:
        assert url.startswith("https://")
        client = PlatformClient(url, ca_bundle=pki["city_ca"])
        client.enrol(admin.issue_enrolment_code(platform.db, username), "笔记本", b"\x01" * 32)
        assert client.push([insert(1, platform.household())]).results[0].status == "applied"
        client.close()


@pytest.mark.parametrize("ca, cert", [("other_ca", "loopback"), ("city_ca", "elsewhere"), (None, "loopback")],
                         ids=["another CA", "a certificate for another host", "the system store only"])
def test_the_platform_is_refused_when_its_certificate_cannot_be_trusted(platform: Platform, pki, ca, cert):
    with serve(create_app(platform.db), **pki[cert]) as url:
        client = PlatformClient(url, ca_bundle=pki[ca] if ca else None, timeout=(3, 3))
        with pytest.raises(CertificateRejected) as raised:
            client.public_figures()
    assert isinstance(raised.value, Unreachable) and "证书" in raised.value.message
