"""Revocations and other devices' signing keys pulled from the platform reach what verify trusts."""
from __future__ import annotations

from sync_fixtures import VILLAGE_A1
from test_engine_support import enrolled_device

from app.documents.keys import Keyring
from app.services import signing_key, trust
from sync.platform import admin


def test_a_revocation_published_on_the_platform_reaches_revoked_txt_after_a_sync(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    admin.revoke_certificate(platform.db, "445122-2026-000042", "证书遗失")
    device.sync()
    listed = (device.ws.data_dir / trust.REVOKED_FILE).read_text("ascii").split()
    assert listed == ["445122-2026-000042"]
    device.ws.close()


def test_another_devices_signing_key_joins_the_keyring_and_its_own_key_is_the_enrolled_one(platform, tmp_path):
    user = platform.user(VILLAGE_A1)
    first = enrolled_device(platform, tmp_path / "a", user)
    second = enrolled_device(platform, tmp_path / "b", user)
    first.sync()
    ring = Keyring.load(first.ws.data_dir / trust.KEYRING_FILE)
    own_id, _ = signing_key.signing_key(first.ws)
    other_id, _ = signing_key.signing_key(second.ws)
    assert own_id in ring and other_id in ring  # the second laptop enrolled with its own key
    first.ws.close()
    second.ws.close()
