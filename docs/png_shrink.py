"""Make the committed pictures small: 256 colours (no dithering, so text stays crisp), optimised.

Screenshots and document pages have few colours, so a picture loses nothing visible and about
two thirds of its size. Without Pillow the file is left as it is.
"""
from __future__ import annotations

from pathlib import Path


def shrink(path: Path) -> Path:
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - reportlab brings Pillow
        return path
    with Image.open(path) as picture:
        small = picture.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, "PNG", optimize=True)
    return path
