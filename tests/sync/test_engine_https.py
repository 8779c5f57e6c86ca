"""Enrol and sync over HTTPS with a city CA the test creates: trusted with ``--ca-bundle``,
refused (one line, nothing lost) for a certificate of another CA or for another host name."""
from __future__ import annotations

import pytest
from sync_fixtures import VILLAGE_A1, serve
from test_engine_support import Device, field_store, platform_copies
from test_sync_tls import pki  # noqa: F401 - the module's certificates fixture

from app.cli import main
from app.services import accounts
from app.store.models import SyncState
from sync.engine.service import sync_status
from sync.platform import admin
from sync.platform.app import create_app


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """``python -m app ...`` as the loan officer of a fresh field store."""
    folder = tmp_path / "field"
    field_store(folder).close()
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", "loan-pass-1")

    def run(*argv: str) -> int:
        return main([*argv, "--data-dir", str(folder), "--user", "loan"])

    run.folder = folder
    return run


def test_enrol_and_sync_over_https_with_the_city_ca_bundle(cli, platform, pki, capsys):  # noqa: F811
    code = admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1))
    with serve(create_app(platform.db), **pki["loopback"]) as url:
        assert cli("enrol", "--url", url, "--code", code, "--ca-bundle", str(pki["city_ca"])) == 0
        assert cli("sync") == 0  # the divisions
        ws = accounts.unlock(cli.folder, "loan", "loan-pass-1")
        household = platform.household()
        Device(ws, platform).insert(household)
        ws.close()
        assert cli("sync") == 0
    assert "已上传" in capsys.readouterr().out
    assert platform_copies(platform, household["id"]) == 1


@pytest.mark.parametrize("bundle, cert", [("other_ca", "loopback"), ("city_ca", "elsewhere"), (None, "loopback")],
                         ids=["another CA", "a certificate for another host", "no bundle"])
def test_enrolment_over_https_is_refused_in_one_line_when_the_certificate_cannot_be_trusted(
        cli, platform, pki, capsys, bundle, cert):  # noqa: F811
    code = admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1))
    extra = ["--ca-bundle", str(pki[bundle])] if bundle else []
    with serve(create_app(platform.db), **pki[cert]) as url:
        assert cli("enrol", "--url", url, "--code", code, *extra) == 1
    err = capsys.readouterr().err.strip()
    assert "证书" in err and "\n" not in err and "Traceback" not in err


def test_a_platform_that_changes_to_an_untrusted_certificate_is_refused_and_the_queue_kept(
        cli, platform, pki, tmp_path, capsys):  # noqa: F811
    code = admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1))
    with serve(create_app(platform.db), **pki["loopback"]) as url:
        assert cli("enrol", "--url", url, "--code", code, "--ca-bundle", str(pki["city_ca"])) == 0
        assert cli("sync") == 0
    ws = accounts.unlock(cli.folder, "loan", "loan-pass-1")
    household = platform.household()
    Device(ws, platform).insert(household)
    ws.close()
    with serve(create_app(platform.db), **pki["elsewhere"]) as url:
        ws = accounts.unlock(cli.folder, "loan", "loan-pass-1")
        with ws.db.session() as session:
            session.get(SyncState, 1).platform_url = url  # the same address now shows another certificate
        ws.close()
        capsys.readouterr()
        assert cli("sync") == 1
    err = capsys.readouterr().err.strip()
    assert "证书" in err and "\n" not in err
    ws = accounts.unlock(cli.folder, "loan", "loan-pass-1")
    assert sync_status(ws).pending == 1
    ws.close()
    assert platform_copies(platform, household["id"]) == 0
