"""The command line as README.md shows it, run as real processes: options where the README puts
them, help and argument errors in Chinese, and one clear line for a wrong input."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser
from tests.conftest import DEMO_TODAY, demo_city

ADMIN = {"CREDIT_VILLAGE_USER": "admin", "CREDIT_VILLAGE_PASSWORD": "demo-admin-2026"}
SUPERVISOR = {"CREDIT_VILLAGE_USER": "supervisor", "CREDIT_VILLAGE_PASSWORD": "demo-super-2026"}
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "the following arguments",
           "invalid choice", "unrecognized arguments", "expected one argument")


def run(module: str, *args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CREDIT_VILLAGE_")}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).parents[1]), **(env or {})})
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=120,
                          env=environment, cwd=cwd)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "readme-city", 30, seed=5)


def test_data_dir_and_user_given_before_the_sub_command_are_used(city: Path, tmp_path: Path):
    # `python -m app --data-dir D --user U info` (the top-level options of `--help`) used to be
    # overwritten by the sub-command's own defaults: the command then looked in the default folder.
    env = {"CREDIT_VILLAGE_PASSWORD": "demo-loan-2026", "CREDIT_VILLAGE_DATA_DIR": str(tmp_path / "elsewhere")}
    result = run("app", "--data-dir", str(city), "--user", "loan", "info", env=env)
    assert result.returncode == 0, result.stderr
    assert str(city) in result.stdout
    nested = run("app", "--data-dir", str(city), "sync", "--user", "loan", "status", env=env)
    assert "尚未注册" in nested.stdout and nested.returncode == 1, nested.stderr
    assert not (tmp_path / "elsewhere").exists()


def _commands(parser, prefix=()):
    """Every sub-command path of the parser, e.g. ("audit", "verify")."""
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                yield prefix + (name,)
                yield from _commands(sub, prefix + (name,))


def test_every_help_text_is_chinese():
    commands = list(_commands(build_parser()))
    assert ("users", "add") in commands and ("workflow", "decide") in commands
    for path in [()] + commands:
        parser = build_parser()
        for name in path:  # walk down to the sub-command's parser
            parser = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices[name]
        text = parser.format_help()
        assert text.startswith("用法：") and "选项" in text, path
        assert not any(word in text for word in ENGLISH), (path, text)


def test_platform_help_is_chinese_and_the_readme_create_user_line_works(tmp_path: Path):
    helped = run("sync.platform", "admin", "create-user", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("用法：")
    assert not any(word in helped.stdout for word in ENGLISH)
    db = f"sqlite:///{tmp_path / 'platform.db'}"
    forgot = run("sync.platform", "admin", "create-user", "--db", db, "--name", "王五", "--role", "loan_officer")
    assert forgot.returncode == 2 and "缺少必需的参数：username" in one_line(forgot)
    made = run("sync.platform", "admin", "create-user", "--db", db, "wang", "--name", "王五",
               "--role", "loan_officer", "--by", "管理员")
    assert made.returncode == 0, made.stderr


@pytest.mark.parametrize("args, words", [
    (["audit"], "缺少必需的参数：ACTION"),
    (["users", "add", "x", "--role", "信贷员"], "参数 --role：无效的选项 '信贷员'"),
    (["info", "--no-such-option"], "无法识别的参数"),
    (["audit", "export", "--out", "x.csv", "--since", "2026-13-01"], "日期格式应为 YYYY-MM-DD"),
    (["verify", "CV1|x", "--on", "tomorrow"], "日期格式应为 YYYY-MM-DD"),
])
def test_argument_errors_are_one_chinese_line_and_exit_2(city: Path, args, words):
    result = run("app", "--data-dir", str(city), *args, env=ADMIN)
    assert result.returncode == 2
    line = one_line(result)
    assert words in line and not any(word in line for word in ENGLISH), line


def test_verify_refuses_a_missing_keyring_and_a_file_that_is_no_pdf(city: Path, tmp_path: Path):
    missing = run("app", "verify", "CV1|x", "--keyring", str(tmp_path / "keyring.json"), "--data-dir", str(city))
    assert missing.returncode == 1 and "找不到文件" in one_line(missing)
    if not shutil.which("pdftoppm") or not shutil.which("zbarimg"):
        pytest.skip("poppler-utils and zbar-tools are needed to read a PDF")
    fake = tmp_path / "证书.pdf"
    fake.write_text("not a pdf")
    result = run("app", "verify", str(fake), "--data-dir", str(city))
    assert result.returncode == 1 and "不是可读的 PDF 文件" in one_line(result)


def test_exporting_an_unknown_division_is_refused(city: Path, tmp_path: Path):
    out = tmp_path / "花名册.xlsx"
    result = run("app", "export", "households", str(out), "--village", "445102100299", "--data-dir", str(city),
                 env=SUPERVISOR)
    assert result.returncode == 1 and one_line(result) == "没有区划 445102100299"
    assert not out.exists()


def test_users_list_shows_who_is_deactivated(city: Path):
    added = run("app", "users", "add", "li.si", "--role", "viewer", "--data-dir", str(city),
                env={**ADMIN, "CREDIT_VILLAGE_NEW_PASSWORD": "li-si-pass-1"})
    assert added.returncode == 0, added.stderr
    gone = run("app", "users", "deactivate", "li.si", "--data-dir", str(city), env=ADMIN)
    assert gone.returncode == 0 and gone.stdout.strip() == "已停用 li.si"
    row = next(line for line in run("app", "users", "list", "--data-dir", str(city), env=ADMIN).stdout.splitlines()
               if line.startswith("li.si"))
    assert "已停用" in row
    back = run("app", "users", "activate", "li.si", "--data-dir", str(city), env=ADMIN)
    assert back.returncode == 0 and "重置密码" in back.stdout


def test_backup_into_a_new_folder_named_with_a_slash(city: Path, tmp_path: Path):
    folder = tmp_path / "备份"
    refused = run("app", "backup", "--out", f"{folder}/", "--data-dir", str(city),
                  env={"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"})
    assert refused.returncode == 1 and not folder.exists()
    made = run("app", "backup", "--out", f"{folder}/", "--data-dir", str(city), env=ADMIN)
    assert made.returncode == 0, made.stderr
    assert [p.suffix for p in folder.iterdir()] == [".cvbak"]


def test_a_mistyped_data_dir_is_not_created(tmp_path: Path):
    typo = tmp_path / "no-such-folder"
    result = run("app", "info", "--data-dir", str(typo), env=ADMIN)
    assert result.returncode == 1 and "尚未初始化" in one_line(result)
    assert not typo.exists()


def test_workflow_status_shows_no_score_for_a_household_without_consent(demo_dir: Path):
    from app.services import workflow as wf
    from tests.conftest import login

    ws = login(demo_dir, "loan")
    try:
        village = next(code for code in _villages_in_workflow(ws)
                       if any(row.stage == wf.Stage.NOT_RATED for row in wf.village_overview(ws, code, DEMO_TODAY)))
    finally:
        ws.close()
    result = run("app", "workflow", "status", "--village", village, "--on", DEMO_TODAY.isoformat(),
                 "--data-dir", str(demo_dir), env={"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"})
    assert result.returncode == 0, result.stderr
    unrated = [line for line in result.stdout.splitlines() if "未评级" in line]
    assert unrated and all("初评 -  最终 - -" in line for line in unrated), result.stdout


def _villages_in_workflow(ws) -> list[str]:
    """Villages with a stored rating without a grade (a household without consent)."""
    from sqlalchemy import select

    from app.store.models import Household, Rating

    with ws.db.session() as session:
        return sorted(set(session.scalars(select(Household.village_code).join(
            Rating, Rating.subject_id == Household.id).where(Rating.grade.is_(None)))))


def test_an_error_list_into_a_missing_folder_is_refused_before_the_import(city: Path, tmp_path: Path):
    roster = tmp_path / "花名册.xlsx"
    roster.write_bytes(b"")  # never read: the --errors folder is checked first
    result = run("app", "import", "households", str(roster), "--errors", str(tmp_path / "无此文件夹" / "问题.xlsx"),
                 "--data-dir", str(city), env={"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"})
    assert result.returncode == 1 and one_line(result).startswith("找不到文件夹：")


def test_enrol_with_an_address_that_is_no_url_is_one_chinese_line(city: Path):
    result = run("app", "enrol", "--url", "platform.example.cn", "--code", "ABCD-EFGH-JKLM", "--data-dir", str(city),
                 env={"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"})
    assert result.returncode == 2 and one_line(result) == "平台地址应以 https:// 开头：platform.example.cn"
