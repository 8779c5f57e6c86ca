"""Canvases and saving shared by every document: embedded fonts only, compact streams.

Two reportlab defaults are changed here. A new canvas selects Helvetica (a font that is
never embedded) in every page's preamble even when no text uses it, so the canvas starts on
the embedded Latin font instead. And page streams are ASCII85-armoured before compression by
default, which adds a quarter to the file and, without reportlab's C accelerator, costs
about a millisecond a page: it is switched off while a document is written.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import BinaryIO, Iterator

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from app.documents.text import LATIN_FONT, register_fonts

CREATOR = "信用村镇外业助手"


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """While inside, reportlab writes compressed streams without the ASCII85 layer."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def doc_kwargs(title: str) -> dict[str, object]:
    """Keyword arguments for a platypus doc template of this project."""
    register_fonts()
    return {"pageCompression": 1, "initialFontName": LATIN_FONT, "title": title,
            "creator": CREATOR, "author": CREATOR}


def new_canvas(out: Path | BinaryIO, *, title: str) -> Canvas:
    """A canvas writing to ``out`` (a path or a binary file object)."""
    register_fonts()
    canvas = Canvas(str(out) if isinstance(out, Path) else out, pageCompression=1,
                    initialFontName=LATIN_FONT)
    canvas.setTitle(title)
    canvas.setCreator(CREATOR)
    canvas.setAuthor(CREATOR)
    return canvas


def save(canvas: Canvas) -> None:
    """Write the canvas's document out."""
    with binary_streams():
        canvas.save()
