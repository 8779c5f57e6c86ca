"""A real platform for the sync tests: uvicorn on 127.0.0.1 in a thread, a fresh SQLite file per module.

Admin work goes through the admin functions; devices enrol over HTTP with the real client.
"""
from __future__ import annotations

from typing import Iterator

import pytest
from sync_fixtures import DIVISIONS_YAML, Platform, serve

from sync.platform import admin
from sync.platform.app import PlatformSettings, create_app
from sync.platform.db import PlatformDB


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    folder = tmp_path_factory.mktemp("platform")
    db = PlatformDB(f"sqlite:///{folder / 'platform.db'}")
    db.create_schema()
    divisions = folder / "divisions.yaml"
    divisions.write_text(DIVISIONS_YAML, "utf-8")
    admin.load_divisions(db, divisions)
    with serve(create_app(db, PlatformSettings())) as url:
        yield Platform(db, url)
    db.close()
