"""Every role holds exactly the permissions of the agreed matrix, and refusals say who and what."""
from __future__ import annotations

import pytest

from app.security.roles import (
    PERMISSION_LABELS, ROLE_LABELS, Permission, PermissionDenied, Role, has_permission, require,
)

# The agreed matrix, stated here independently of app/security/roles.py.
ROLES = ["admin", "township_officer", "loan_officer", "supervisor", "viewer"]
EXPECTED = """
permission         admin  township  loan  supervisor  viewer
view_records         .       x       x        x         x
view_full_id         .       x       x        x         .
edit_identity        .       x       x        .         .
edit_economic        .       .       x        .         .
edit_social          .       x       .        .         .
rate                 .       .       x        .         .
appraise             .       x       .        .         .
start_notice         .       x       .        .         .
record_objection     .       x       x        .         .
decide_objection     .       .       .        x         .
confirm              .       .       .        x         .
print                .       x       x        .         .
reprint              .       .       .        x         .
revoke               .       .       .        x         .
export               .       .       .        x         .
import               .       x       x        .         .
sync                 .       x       x        x         .
manage_users         x       .       .        .         .
view_audit           x       .       .        x         .
purge_retention      x       .       .        .         .
backup               x       .       .        .         .
restore              x       .       .        .         .
"""


def _expected_cells() -> dict[tuple[str, str], bool]:
    rows = [line.split() for line in EXPECTED.strip().splitlines()[1:]]
    return {(role, row[0]): mark == "x" for row in rows for role, mark in zip(ROLES, row[1:], strict=True)}


CELLS = _expected_cells()


def test_the_matrix_names_exactly_the_agreed_roles_and_permissions():
    assert sorted(role.value for role in Role) == sorted(ROLES)
    assert sorted(perm.value for perm in Permission) == sorted({perm for _, perm in CELLS})


@pytest.mark.parametrize("role, permission", sorted(CELLS))
def test_role_holds_permission_exactly_as_the_matrix_says(role, permission):
    assert has_permission(role, permission) is CELLS[(role, permission)]
    assert has_permission(Role(role), Permission(permission)) is CELLS[(role, permission)]


@pytest.mark.parametrize("role, permission", sorted(cell for cell, granted in CELLS.items() if granted))
def test_require_lets_a_granted_action_through(role, permission):
    assert require(role, permission) is None


@pytest.mark.parametrize("role, permission", sorted(cell for cell, granted in CELLS.items() if not granted))
def test_require_refuses_an_action_not_granted_naming_role_and_action_in_chinese(role, permission):
    with pytest.raises(PermissionDenied) as refused:
        require(role, permission)
    message = str(refused.value)
    assert ROLE_LABELS[Role(role)] in message
    assert PERMISSION_LABELS[Permission(permission)] in message
    assert refused.value.code == "permission.denied"


def test_a_refusal_reads_as_a_sentence():
    with pytest.raises(PermissionDenied, match="^查看员没有“导出数据”的权限") as refused:
        require("viewer", "export")
    params = refused.value.problem.params
    assert (params["role_value"], params["permission_value"]) == ("viewer", "export")


@pytest.mark.parametrize("role", ["", "root", "Admin", "superuser"])
def test_an_unknown_role_is_refused_everything(role):
    assert not any(has_permission(role, perm) for perm in Permission)
    with pytest.raises(PermissionDenied):
        require(role, Permission.VIEW_RECORDS)


def test_an_unknown_permission_is_a_programming_error_not_a_silent_refusal():
    with pytest.raises(ValueError):
        has_permission("admin", "delete_everything")


def test_every_role_and_permission_has_a_chinese_label():
    labels = [*ROLE_LABELS.values(), *PERMISSION_LABELS.values()]
    assert len(ROLE_LABELS) == len(Role) and len(PERMISSION_LABELS) == len(Permission)
    assert all(any("\u4e00" <= char <= "\u9fff" for char in label) for label in labels)
    assert len(set(ROLE_LABELS.values())) == len(Role)
