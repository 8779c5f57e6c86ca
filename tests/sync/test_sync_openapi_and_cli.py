"""The committed OpenAPI document is the platform's, and the admin command line works."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from sync.platform.cli import main, openapi_text
from sync.platform.db import PlatformDB
from sync.platform.models import EnrolmentCode, User, UserDivision

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_the_committed_openapi_document_is_up_to_date():
    assert DOCUMENT.read_text("utf-8") == openapi_text(), \
        "regenerate it: python -m sync.platform openapi --output docs/openapi.json"


def test_the_openapi_document_describes_the_protocol_endpoints():
    paths = json.loads(DOCUMENT.read_text("utf-8"))["paths"]
    assert set(paths) == {"/api/v1/enrol", "/api/v1/push", "/api/v1/pull", "/api/v1/public/figures"}
    assert "426" in paths["/api/v1/push"]["post"]["responses"]


def test_the_admin_command_line_creates_a_user_assigns_divisions_and_issues_a_code(tmp_path: Path, capsys):
    url = f"sqlite:///{tmp_path / 'platform.db'}"
    assert main(["admin", "create-user", "--db", url, "li", "--name", "李信贷"]) == 0
    assert main(["admin", "assign", "--db", url, "li", "445122101000", "445122102201"]) == 0
    capsys.readouterr()
    assert main(["admin", "issue-code", "--db", url, "li", "--hours", "2"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code.replace("-", "")) == 12
    assert main(["admin", "assign", "--db", url, "nobody", "445122101000"]) == 1
    db = PlatformDB(url)
    with db.read() as session:
        user = session.scalars(select(User)).one()
        codes = list(session.scalars(select(UserDivision.division_code)))
        stored = session.scalars(select(EnrolmentCode)).one()
    db.close()
    assert (user.username, user.display_name, sorted(codes)) == ("li", "李信贷", ["445122101000", "445122102201"])
    assert stored.code_hash != code
