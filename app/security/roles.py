"""Roles, permissions and who may do what: the permission matrix, as data, in one place.

The matrix is a Python mapping (:data:`MATRIX`: permission -> roles that hold it)
rather than a YAML file. It changes only with the code that enforces it, so it goes
through the same review and versioning; it cannot go missing from a PyInstaller
bundle or be edited on a laptop to grant oneself rights; and a typo is caught at
import by :func:`_check_matrix`, which also checks the invariants below. The tests
state the expected matrix independently, so a silent change fails them.

Assignment, by least privilege and separation of duties:

- 信贷员 loan officer: collects identity and economic data (income, assets, debts,
  loans), rates, prints, imports rosters, syncs; records objections met in the field.
- 乡镇工作人员 township officer: collects identity and social-conduct data (honours,
  penalties), organises appraisal and public notice, records objections, prints
  notice lists, imports rosters, syncs.
- 审核员 supervisor: confirms final ratings, decides objections, revokes and reprints
  certificates, exports, reads the audit trail. A supervisor edits no records, so the
  person who confirms a rating is never the one who entered its data (four eyes).
- 查看员 viewer: reads records, ID numbers masked.
- 管理员 administrator: users, backup and restore, retention purge, the audit trail.
  The administrator neither reads nor edits household records: the account that can
  create accounts and restore old databases must not also be able to change a
  rating, or one person could alter data and make the change look like someone
  else's. Where one person holds both jobs they get two accounts, and the audit
  trail shows which hat they wore.

Invariants checked at import: every role can see records except the administrator;
whoever edits identity or exports can see full ID numbers (one cannot correct, nor
hand over, what one cannot see).
"""
from __future__ import annotations

from enum import StrEnum
from typing import Mapping

from app.domain.problems import QT_TRANSLATE_NOOP
from app.security.errors import SecurityError, make_problem

LABEL_CONTEXT = "security"  # translation context of role and permission labels


class Role(StrEnum):
    """A user's role; the value is what the store keeps."""

    ADMIN = "admin"
    TOWNSHIP_OFFICER = "township_officer"
    LOAN_OFFICER = "loan_officer"
    SUPERVISOR = "supervisor"
    VIEWER = "viewer"


class Permission(StrEnum):
    """An action that a service checks before doing it."""

    VIEW_RECORDS = "view_records"
    VIEW_FULL_ID = "view_full_id"
    EDIT_IDENTITY = "edit_identity"
    EDIT_ECONOMIC = "edit_economic"
    EDIT_SOCIAL = "edit_social"
    RATE = "rate"
    APPRAISE = "appraise"
    START_NOTICE = "start_notice"
    RECORD_OBJECTION = "record_objection"
    DECIDE_OBJECTION = "decide_objection"
    CONFIRM = "confirm"
    PRINT = "print"
    REPRINT = "reprint"
    REVOKE = "revoke"
    EXPORT = "export"
    IMPORT = "import"
    SYNC = "sync"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    PURGE_RETENTION = "purge_retention"
    BACKUP = "backup"
    RESTORE = "restore"


_A, _T, _L, _S, _V = Role.ADMIN, Role.TOWNSHIP_OFFICER, Role.LOAN_OFFICER, Role.SUPERVISOR, Role.VIEWER
_P = Permission

MATRIX: Mapping[Permission, frozenset[Role]] = {
    _P.VIEW_RECORDS: frozenset({_T, _L, _S, _V}),
    _P.VIEW_FULL_ID: frozenset({_T, _L, _S}),
    _P.EDIT_IDENTITY: frozenset({_T, _L}),
    _P.EDIT_ECONOMIC: frozenset({_L}),
    _P.EDIT_SOCIAL: frozenset({_T}),
    _P.RATE: frozenset({_L}),
    _P.APPRAISE: frozenset({_T}),
    _P.START_NOTICE: frozenset({_T}),
    _P.RECORD_OBJECTION: frozenset({_T, _L}),
    _P.DECIDE_OBJECTION: frozenset({_S}),
    _P.CONFIRM: frozenset({_S}),
    _P.PRINT: frozenset({_T, _L}),
    _P.REPRINT: frozenset({_S}),
    _P.REVOKE: frozenset({_S}),
    _P.EXPORT: frozenset({_S}),
    _P.IMPORT: frozenset({_T, _L}),
    _P.SYNC: frozenset({_T, _L, _S}),
    _P.MANAGE_USERS: frozenset({_A}),
    _P.VIEW_AUDIT: frozenset({_S, _A}),
    _P.PURGE_RETENTION: frozenset({_A}),
    _P.BACKUP: frozenset({_A}),
    _P.RESTORE: frozenset({_A}),
}

ROLE_LABELS: Mapping[Role, str] = {
    Role.ADMIN: QT_TRANSLATE_NOOP("security", "管理员"),
    Role.TOWNSHIP_OFFICER: QT_TRANSLATE_NOOP("security", "乡镇工作人员"),
    Role.LOAN_OFFICER: QT_TRANSLATE_NOOP("security", "信贷员"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("security", "审核员"),
    Role.VIEWER: QT_TRANSLATE_NOOP("security", "查看员"),
}

PERMISSION_LABELS: Mapping[Permission, str] = {
    _P.VIEW_RECORDS: QT_TRANSLATE_NOOP("security", "查看档案"),
    _P.VIEW_FULL_ID: QT_TRANSLATE_NOOP("security", "查看完整身份证号码"),
    _P.EDIT_IDENTITY: QT_TRANSLATE_NOOP("security", "编辑身份信息"),
    _P.EDIT_ECONOMIC: QT_TRANSLATE_NOOP("security", "编辑收入、资产、负债和贷款信息"),
    _P.EDIT_SOCIAL: QT_TRANSLATE_NOOP("security", "编辑荣誉、处罚和诚信表现"),
    _P.RATE: QT_TRANSLATE_NOOP("security", "信用评级"),
    _P.APPRAISE: QT_TRANSLATE_NOOP("security", "组织评议"),
    _P.START_NOTICE: QT_TRANSLATE_NOOP("security", "发起公示"),
    _P.RECORD_OBJECTION: QT_TRANSLATE_NOOP("security", "登记异议"),
    _P.DECIDE_OBJECTION: QT_TRANSLATE_NOOP("security", "处理异议"),
    _P.CONFIRM: QT_TRANSLATE_NOOP("security", "审核确认评级"),
    _P.PRINT: QT_TRANSLATE_NOOP("security", "打印"),
    _P.REPRINT: QT_TRANSLATE_NOOP("security", "补打证书"),
    _P.REVOKE: QT_TRANSLATE_NOOP("security", "撤销证书"),
    _P.EXPORT: QT_TRANSLATE_NOOP("security", "导出数据"),
    _P.IMPORT: QT_TRANSLATE_NOOP("security", "导入数据"),
    _P.SYNC: QT_TRANSLATE_NOOP("security", "与平台同步"),
    _P.MANAGE_USERS: QT_TRANSLATE_NOOP("security", "管理用户"),
    _P.VIEW_AUDIT: QT_TRANSLATE_NOOP("security", "查看审计日志"),
    _P.PURGE_RETENTION: QT_TRANSLATE_NOOP("security", "清除超过保存期限的信息"),
    _P.BACKUP: QT_TRANSLATE_NOOP("security", "备份"),
    _P.RESTORE: QT_TRANSLATE_NOOP("security", "从备份恢复"),
}


class PermissionDenied(SecurityError):
    """A role tried an action the matrix does not grant it."""


def has_permission(role: Role | str, permission: Permission | str) -> bool:
    """True if ``role`` holds ``permission``.

    An unknown role (say, a value written by a newer version) is refused; an unknown
    permission is a programming error and raises ``ValueError``.
    """
    wanted = Permission(permission)
    try:
        return Role(role) in MATRIX[wanted]
    except ValueError:
        return False


def require(role: Role | str, permission: Permission | str) -> None:
    """Return if ``role`` holds ``permission``; raise :class:`PermissionDenied` otherwise."""
    if has_permission(role, permission):
        return
    raise PermissionDenied(make_problem("permission", "permission.denied", QT_TRANSLATE_NOOP(
        "problems", "{role}没有“{action}”的权限，请联系审核员或管理员"),
        role=role_label(role), action=PERMISSION_LABELS[Permission(permission)],
        # The raw values let the UI translate the labels too (extra keys do not hurt format).
        role_value=str(role), permission_value=str(Permission(permission))))


def role_label(role: Role | str) -> str:
    """The Chinese name of ``role`` (the raw value for an unknown one)."""
    try:
        return ROLE_LABELS[Role(role)]
    except ValueError:
        return str(role)


def permissions_of(role: Role | str) -> frozenset[Permission]:
    """Every permission ``role`` holds (empty for an unknown role)."""
    return frozenset(perm for perm in Permission if has_permission(role, perm))


def _check_matrix() -> None:
    """Refuse to import a matrix that forgets a permission, a label or an invariant."""
    missing = set(Permission) - set(MATRIX) | set(Permission) - set(PERMISSION_LABELS)
    if missing or set(Role) != set(ROLE_LABELS):
        raise RuntimeError(f"permission matrix incomplete: {sorted(missing)}")
    if MATRIX[_P.VIEW_RECORDS] != set(Role) - {Role.ADMIN}:
        raise RuntimeError("every role but admin must be able to view records")
    for perm in (_P.EDIT_IDENTITY, _P.EXPORT):
        if not MATRIX[perm] <= MATRIX[_P.VIEW_FULL_ID]:
            raise RuntimeError(f"{perm} granted to a role that cannot see full ID numbers")


_check_matrix()
