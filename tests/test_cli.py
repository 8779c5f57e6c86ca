"""The command line: exit codes, one-line errors, JSON for scripts. Run as real processes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


LOAN = {"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"}


def run_app(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("CREDIT_VILLAGE_DATA_DIR", None) if "CREDIT_VILLAGE_DATA_DIR" not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def test_demo_then_info_json_reports_the_same_counts(data_dir: Path):
    made = run_app("demo", "--households", "150", "--seed", "2", "--data-dir", str(data_dir))
    assert made.returncode == 0, made.stderr
    assert "150 户农户" in made.stdout
    info = run_app("info", "--json", "--data-dir", str(data_dir), env=LOAN)
    assert info.returncode == 0, info.stderr
    document = json.loads(info.stdout)
    assert document["households"] == 150
    villages = [d for d in document["divisions"] if d["level"] == "village"]
    assert sum(v["households"] for v in villages) == 150
    assert all(len(d["code"]) == 12 and d["code"].isdigit() for d in document["divisions"])


def test_the_data_directory_can_come_from_the_environment(data_dir: Path):
    made = run_app("demo", "--households", "20", env={"CREDIT_VILLAGE_DATA_DIR": str(data_dir)})
    assert made.returncode == 0, made.stderr
    assert (data_dir / "credit-village.db").exists()


@pytest.mark.parametrize("args", [
    ["demo", "--households", "0"],
    ["demo", "--households", "many"],
    ["info", "--no-such-option"],
    ["no-such-command"],
])
def test_bad_arguments_print_one_line_and_exit_2(args, data_dir: Path):
    result = run_app(*args, "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_as_data_directory_is_a_one_line_error(tmp_path: Path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    result = run_app("info", "--data-dir", str(a_file), env=LOAN)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_demo_into_a_filled_database_fails_without_touching_it(data_dir: Path):
    assert run_app("demo", "--households", "20", "--data-dir", str(data_dir)).returncode == 0
    again = run_app("demo", "--households", "20", "--data-dir", str(data_dir),
                    env={"CREDIT_VILLAGE_USER": "admin", "CREDIT_VILLAGE_PASSWORD": "demo-admin-2026"})
    assert again.returncode == 1 and "已有农户档案" in again.stderr
    info = json.loads(run_app("info", "--json", "--data-dir", str(data_dir), env=LOAN).stdout)
    assert info["households"] == 20


def test_every_sub_command_has_help():
    for command in ("demo", "info", "selftest"):
        result = run_app(command, "--help")
        assert result.returncode == 0 and "--data-dir" in result.stdout


def test_selftest_passes_on_a_fresh_directory(data_dir: Path):
    result = run_app("selftest", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "自检通过" in result.stdout


def test_a_wrong_password_is_refused_in_one_line(data_dir: Path):
    assert run_app("demo", "--households", "10", "--data-dir", str(data_dir)).returncode == 0
    result = run_app("info", "--data-dir", str(data_dir),
                     env={"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "not-it-123"})
    assert result.returncode == 1 and result.stderr.strip() == "用户名或密码错误"


def test_without_credentials_and_no_terminal_the_cli_says_how_to_log_in(data_dir: Path):
    assert run_app("demo", "--households", "10", "--data-dir", str(data_dir)).returncode == 0
    result = run_app("info", "--data-dir", str(data_dir), "--user", "loan")
    assert result.returncode == 2 and "CREDIT_VILLAGE_PASSWORD" in result.stderr


ADMIN = {"CREDIT_VILLAGE_USER": "admin", "CREDIT_VILLAGE_PASSWORD": "demo-admin-2026"}


def test_backup_and_restore_from_the_command_line(data_dir: Path, tmp_path: Path):
    assert run_app("demo", "--households", "30", "--data-dir", str(data_dir)).returncode == 0
    out = tmp_path / "copy.cvbak"
    made = run_app("backup", "--out", str(out), "--data-dir", str(data_dir), env=ADMIN)
    assert made.returncode == 0, made.stderr
    refused = run_app("backup", "--data-dir", str(data_dir), env=LOAN)
    assert refused.returncode == 1 and "权限" in refused.stderr
    elsewhere = tmp_path / "other-laptop"
    restored = run_app("restore", str(out), "--data-dir", str(elsewhere), env=ADMIN)
    assert restored.returncode == 0, restored.stderr
    info = json.loads(run_app("info", "--json", "--data-dir", str(elsewhere), env=LOAN).stdout)
    assert info["households"] == 30
    out.write_bytes(out.read_bytes()[:100])
    broken = run_app("restore", str(out), "--data-dir", str(elsewhere), env=ADMIN)
    assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1


def test_audit_verify_reports_an_intact_chain(data_dir: Path):
    assert run_app("demo", "--households", "10", "--data-dir", str(data_dir)).returncode == 0
    result = run_app("audit", "verify", "--data-dir", str(data_dir),
                     env={"CREDIT_VILLAGE_USER": "supervisor", "CREDIT_VILLAGE_PASSWORD": "demo-super-2026"})
    assert result.returncode == 0 and "审计日志完整" in result.stdout


def test_logs_of_a_full_run_hold_no_id_number_or_phone(data_dir: Path):
    import re

    assert run_app("demo", "--households", "40", "--data-dir", str(data_dir)).returncode == 0
    run_app("info", "--data-dir", str(data_dir), env=LOAN)
    run_app("info", "--data-dir", str(data_dir), env={**LOAN, "CREDIT_VILLAGE_PASSWORD": "wrong-one-1"})
    run_app("selftest")
    text = "".join(p.read_text("utf-8") for p in (data_dir / "logs").glob("*.log*"))
    assert "login: user loan" in text and "failed login for user loan" in text and "demo city created" in text
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)
    assert "demo-loan-2026" not in text


def test_an_administrator_manages_users_from_the_command_line(data_dir: Path):
    assert run_app("demo", "--households", "10", "--data-dir", str(data_dir)).returncode == 0
    added = run_app("users", "add", "li.si", "--role", "loan_officer", "--name", "李四", "--data-dir", str(data_dir),
                    env={**ADMIN, "CREDIT_VILLAGE_NEW_PASSWORD": "li-si-pass-1"})
    assert added.returncode == 0, added.stderr
    new_user = {"CREDIT_VILLAGE_USER": "li.si", "CREDIT_VILLAGE_PASSWORD": "li-si-pass-1"}
    assert run_app("info", "--data-dir", str(data_dir), env=new_user).returncode == 0
    listed = run_app("users", "list", "--data-dir", str(data_dir), env=ADMIN)
    assert "li.si" in listed.stdout and "信贷员" in listed.stdout
    refused = run_app("users", "add", "x", "--role", "viewer", "--data-dir", str(data_dir),
                      env={**LOAN, "CREDIT_VILLAGE_NEW_PASSWORD": "whatever-1"})
    assert refused.returncode == 1 and "管理用户" in refused.stderr
    weak = run_app("users", "add", "w", "--role", "viewer", "--data-dir", str(data_dir),
                   env={**ADMIN, "CREDIT_VILLAGE_NEW_PASSWORD": "123"})
    assert weak.returncode == 1 and len(weak.stderr.strip().splitlines()) == 1
    gone = run_app("users", "deactivate", "li.si", "--data-dir", str(data_dir), env=ADMIN)
    assert gone.returncode == 0
    assert run_app("info", "--data-dir", str(data_dir), env=new_user).returncode == 1
