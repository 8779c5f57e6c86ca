"""Helpers of the engine tests (no tests here): field stores, enrolled devices, platform counts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sync_fixtures import TODAY, Platform

from app.services import accounts
from app.services.accounts import Workspace
from app.services.records import load_record, save_record, store_document
from app.store.models import OutboxEntry
from sync.engine.retry import RetryPolicy
from sync.engine.service import enrol, sync_now
from sync.platform import admin
from sync.platform.models import Record

FAST = RetryPolicy(attempts=2, first_delay=0.0, sleep=lambda _s: None)


def field_store(folder: Path) -> Workspace:
    """A fresh encrypted store in ``folder`` and its loan officer's workspace."""
    folder.mkdir(parents=True)
    first = accounts.initialize(folder, "admin", "admin-pass-1")
    accounts.add_user(first, "loan", "loan-pass-1", "loan_officer", "信贷员甲")
    first.close()
    return accounts.unlock(folder, "loan", "loan-pass-1")


@dataclass
class Device:
    """One field laptop enrolled on the test platform."""

    ws: Workspace
    platform: Platform

    def sync(self, **options):
        return sync_now(self.ws, retry=FAST, **options)

    def insert(self, document: dict) -> None:
        """A new record as the editor would store it (row, audit, outbox insert: one transaction)."""
        with self.ws.db.session() as session:
            store_document(session, self.ws.actor.username, document, base_revision=None,
                           audit_action="record_created")

    def edit(self, record_id: str, **fields) -> None:
        """Change fields through the record service, from the revision stored here."""
        document, revision = load_record(self.ws, "household", record_id)
        save_record(self.ws, {**document, **fields}, base_revision=revision, today=TODAY)

    def document(self, record_id: str) -> dict:
        return load_record(self.ws, "household", record_id)[0]

    def outbox(self, record_type: str = "household") -> list[OutboxEntry]:
        with self.ws.db.session() as session:
            return list(session.scalars(select(OutboxEntry).where(OutboxEntry.record_type == record_type)
                                        .order_by(OutboxEntry.mutation_id)))


def enrolled_device(platform: Platform, folder: Path, username: str) -> Device:
    """A field store enrolled for ``username`` and synced once (divisions pulled)."""
    ws = field_store(folder)
    enrol(ws, platform.url, admin.issue_enrolment_code(platform.db, username), device_name="笔记本")
    device = Device(ws, platform)
    device.sync()
    return device


def platform_copies(platform: Platform, record_id: str) -> int:
    with platform.db.read() as session:
        return session.scalar(select(func.count()).select_from(Record).where(Record.id == record_id))


def platform_document(platform: Platform, record_id: str) -> dict:
    with platform.db.read() as session:
        return dict(session.get(Record, record_id).document)
