"""A file written through atomic_write appears whole or not at all."""
from __future__ import annotations

import os

import pytest

from app.security.atomic_file import atomic_write


def test_a_completed_write_replaces_the_file(tmp_path):
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    with atomic_write(target) as writer:
        writer.write(b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["keys.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as writer:
            writer.write(b"half")
            raise RuntimeError("power cut")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["keys.json"]


def test_a_failed_first_write_creates_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_write(tmp_path / "backup.cvbak") as writer:
            writer.write(b"half")
            raise RuntimeError("refused")
    assert os.listdir(tmp_path) == []
