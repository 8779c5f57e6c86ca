"""Printing from the store on the command line: certificates, notice list, rating report, reprint,
revoke, register, key export; the PDFs are read back with poppler and their QR codes verified."""
from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.documents.signing import EXIT_CODES, Status
from app.domain.masking import mask_id_number
from app.store.models import Household
from tests.services.certificate_steps import (
    busiest_village, confirm, copy_store, login, make_template, rate, step,
)

ON = "2026-04-01"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("cli-template"))


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Path:
    """A store whose busiest village has its households confirmed but the last, which is in notice."""
    folder = copy_store(template, tmp_path / "store")
    loan, supervisor = login(folder, "loan"), login(folder, "supervisor")
    code, ids = busiest_village(loan)
    for household in ids:
        rate(loan, household)
    step(loan, ids[0], "appraised", date(2026, 3, 2), adjustment="2.00", score="88.00", grade="AA",
         credit_household=True, credit_line="100000.00", reason="邻里评价好", appraisers="王一、李二")
    for household in ids[:-1]:
        confirm(supervisor, household)
    step(supervisor, ids[-1], "notice", date(2026, 3, 29))
    loan.close(), supervisor.close()
    (folder / "village").write_text(code)
    (folder / "ids").write_text("\n".join(ids))
    return folder


def cli(store: Path, user: str, monkeypatch, *args: str) -> int:
    from tests.services.certificate_steps import DEMO_ACCOUNTS

    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", next(p for n, p, _r, _d in DEMO_ACCOUNTS if n == user))
    return main([*args, "--data-dir", str(store), "--user", user])


def village(store: Path) -> str:
    return (store / "village").read_text()


def ids(store: Path) -> list[str]:
    return (store / "ids").read_text().split()


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def qr_payloads(pdf: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = []
    for page in sorted(tmp_path.glob("page*.png")):
        scan = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", str(page)], capture_output=True)
        found += scan.stdout.decode("utf-8").split()
    return found


def test_a_village_batch_prints_one_verifiable_certificate_per_confirmed_credit_household(
        store, monkeypatch, tmp_path, capsys):
    out = tmp_path / "village.pdf"
    assert cli(store, "loan", monkeypatch, "certificates", "--village", village(store), "--out", str(out), "--on", ON) == 0
    confirmed = len(ids(store)) - 1
    assert len(PdfReader(out).pages) == confirmed
    text = text_of(out)
    numbers = [f"{village(store)[:6]}-2026-000-{n:06d}" for n in range(1, confirmed + 1)]  # series 0: not enrolled
    assert all(number in text for number in numbers) and "信用户证书" in text
    assert "额度 0 万元" not in text.replace("\n", "")  # the computed credit line, not an empty one
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "DroidSans" in fonts and " no " not in fonts.split("\n", 2)[2].replace("yes yes", "")
    payloads = qr_payloads(out, tmp_path)
    assert [p.split("|")[1] for p in payloads] == numbers
    capsys.readouterr()
    assert main(["verify", str(out), "--data-dir", str(store), "--on", ON]) == 0
    assert capsys.readouterr().out.count("证书真实有效") == confirmed
    tampered = payloads[0].replace(f"|{payloads[0].split('|')[3]}|", "|AAA|" if "|AA|" in payloads[0] else "|AA|", 1)
    assert main(["verify", tampered, "--data-dir", str(store), "--on", ON]) == EXIT_CODES[Status.TAMPERED]


def test_printing_the_batch_again_reuses_the_numbers(store, monkeypatch, tmp_path, capsys):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert cli(store, "loan", monkeypatch, "certificates", "--village", village(store), "--out", str(out), "--on", ON) == 0
    assert text_of(first) == text_of(second)
    capsys.readouterr()
    assert cli(store, "loan", monkeypatch, "register", "--village", village(store), "--json", "--on", ON) == 0
    book = json.loads(capsys.readouterr().out)
    assert len(book) == len(ids(store)) - 1 and {e["status"] for e in book} == {"valid"}


def test_a_household_not_yet_confirmed_gets_no_certificate_and_a_one_line_reason(store, monkeypatch, tmp_path, capsys):
    out = tmp_path / "one.pdf"
    assert cli(store, "loan", monkeypatch, "certificate", "--household", ids(store)[-1], "--out", str(out), "--on", ON) == 1
    err = capsys.readouterr().err
    assert "不能签发证书" in err and len(err.strip().splitlines()) == 1 and not out.exists()


def test_revoking_on_this_device_makes_verify_say_revoked(store, monkeypatch, tmp_path, capsys):
    out = tmp_path / "one.pdf"
    assert cli(store, "loan", monkeypatch, "certificate", "--household", ids(store)[0], "--out", str(out), "--on", ON) == 0
    number = capsys.readouterr().out.split()[1]
    assert cli(store, "supervisor", monkeypatch, "revoke", "--number", number, "--reason", "骗取授信") == 0
    capsys.readouterr()
    assert main(["verify", str(out), "--data-dir", str(store), "--on", ON]) == EXIT_CODES[Status.REVOKED]
    assert "已被撤销" in capsys.readouterr().out
    assert cli(store, "loan", monkeypatch, "register", "--on", ON) == 0
    assert "已撤销" in capsys.readouterr().out


def test_a_reprint_by_the_supervisor_has_the_same_number_and_qr_and_is_counted(store, monkeypatch, tmp_path, capsys):
    first, again = tmp_path / "first.pdf", tmp_path / "again.pdf"
    assert cli(store, "loan", monkeypatch, "certificate", "--household", ids(store)[0], "--out", str(first), "--on", ON) == 0
    number = capsys.readouterr().out.split()[1]
    assert cli(store, "loan", monkeypatch, "reprint", "--number", number, "--out", str(again)) == 1
    assert "补打证书" in capsys.readouterr().err
    assert cli(store, "supervisor", monkeypatch, "reprint", "--number", number, "--out", str(again)) == 0
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    assert qr_payloads(first, tmp_path / "a") == qr_payloads(again, tmp_path / "b")
    assert number in text_of(again)


def test_the_register_json_counts_reprints(store, monkeypatch, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert cli(store, "loan", monkeypatch, "certificate", "--household", ids(store)[0], "--out", str(out), "--on", ON) == 0
    number = capsys.readouterr().out.split()[1]
    assert cli(store, "supervisor", monkeypatch, "reprint", "--number", number, "--out", str(out)) == 0
    capsys.readouterr()
    assert cli(store, "supervisor", monkeypatch, "register", "--json", "--on", ON) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert (entry["number"], entry["reprint_count"], entry["status"]) == (number, 1, "valid")
    assert "*" in entry["holder"]


def test_the_notice_list_shows_households_in_notice_with_masked_id_numbers(store, monkeypatch, tmp_path):
    out = tmp_path / "notice.pdf"
    assert cli(store, "township", monkeypatch, "notice-list", "--village", village(store), "--out", str(out), "--on", ON) == 0
    text = text_of(out)
    ws = login(store, "loan")
    with ws.db.session() as session:
        household = session.get(Household, ids(store)[-1])
        others = [session.get(Household, h).head_id_number for h in ids(store)[:-1]]
    ws.close()
    assert "信用户评定结果公示" in text and household.head_name in text
    assert mask_id_number(household.head_id_number) in text and household.head_id_number not in text
    assert not any(mask_id_number(number) in text for number in others)  # confirmed: no longer in notice


def test_the_rating_report_shows_the_appraisal_and_the_final_result(store, monkeypatch, tmp_path):
    out = tmp_path / "report.pdf"
    assert cli(store, "loan", monkeypatch, "rating-report", "--household", ids(store)[0], "--out", str(out)) == 0
    text = text_of(out)
    assert "农户信用评定表" in text and "邻里评价好" in text and "王一" in text and "88.00" in text
    assert "→ 8 分" in text  # the arrow of the reasons is drawn in the bundled DejaVu Sans


def test_the_exported_public_key_verifies_a_certificate_on_another_machine(store, monkeypatch, tmp_path, capsys):
    out, key = tmp_path / "one.pdf", tmp_path / "device-key.json"
    assert cli(store, "loan", monkeypatch, "certificate", "--household", ids(store)[0], "--out", str(out), "--on", ON) == 0
    assert cli(store, "loan", monkeypatch, "signing-key", "export", "--out", str(key)) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    capsys.readouterr()
    assert main(["verify", str(out), "--keyring", str(key), "--data-dir", str(elsewhere), "--on", ON]) == 0
    assert main(["verify", str(out), "--data-dir", str(elsewhere), "--on", ON]) == EXIT_CODES[Status.UNKNOWN_SIGNER]


def test_a_viewer_may_not_print(store, monkeypatch, tmp_path, capsys):
    out = tmp_path / "v.pdf"
    assert cli(store, "viewer", monkeypatch, "certificates", "--village", village(store), "--out", str(out), "--on", ON) == 1
    assert "权限" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("args, message", [
    (("register", "--village", "445122199299"), "没有区划 445122199299"),
    (("certificate", "--household", "00000000-0000-4000-8000-000000000000", "--out", "x.pdf"),
     "没有编号为 00000000-0000-4000-8000-000000000000 的农户或合作社档案"),
])
def test_an_unknown_village_or_household_is_one_line_and_exit_1(store, monkeypatch, capsys, tmp_path, args, message):
    monkeypatch.chdir(tmp_path)
    assert cli(store, "loan", monkeypatch, *args, "--on", ON) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert not (tmp_path / "x.pdf").exists()
