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
