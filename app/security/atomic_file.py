"""Write a file so that it appears whole or not at all.

Used for decrypted and encrypted backups, and fit for the key file beside the database:
a crash, a full disk or a refused input must never leave half a file where a whole
one is expected, nor damage the file that was there before.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator


@contextmanager
def atomic_write(dst: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``dst`` only if the ``with`` block completes.

    The data goes to a hidden temporary file in ``dst``'s folder (so the rename stays on
    one file system), which is flushed, fsynced and renamed over ``dst``; on any
    exception the temporary file is deleted and ``dst`` is left as it was.
    """
    target = Path(dst)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as writer:
            yield writer
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)


def _fsync_directory(folder: Path) -> None:
    """Make the rename durable on POSIX; Windows cannot open folders and needs no such step."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
