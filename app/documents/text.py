"""Chinese and Latin text on reportlab pages, with both fonts embedded as subsets.

The bundled CJK font (Droid Sans Fallback) has no Latin letters, digits or ASCII punctuation:
it was made to back up another font. So every string is cut into runs, each drawn in the
font that has its glyphs: the CJK font for Chinese, DejaVu Sans (bundled; Bitstream Vera's
metrics plus arrows and maths signs such as → ≥ ≤ that the rating reasons use) for
everything else. Never reportlab's
``STSong-Light``: a CID font that is not embedded and prints as boxes.

Sizes are in points, widths in points (1 mm = 72 / 25.4 pt).
"""
from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.paths import resource_path

CJK_FONT = "CreditVillageCJK"
LATIN_FONT = "CreditVillageLatin"
CJK_FONT_FILE = ("fonts", "DroidSansFallbackFull.ttf")
LATIN_FONT_FILE = ("fonts", "DejaVuSans.ttf")

FULL_WIDTH_SPACE = "\u3000"  # one CJK character wide: indents are counted in these
# Characters that must not start a line (Chinese typesetting's 避头点).
_NO_LINE_START = frozenset("，。、；：？！）》」』”’,.;:?!)%")


@functools.cache
def register_fonts() -> None:
    """Register the two TrueType fonts with reportlab, once per process."""
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(resource_path(*CJK_FONT_FILE))))
    pdfmetrics.registerFont(TTFont(LATIN_FONT, str(resource_path(*LATIN_FONT_FILE))))


@functools.cache
def _cjk_glyphs() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(CJK_FONT).face.charToGlyph)


def font_for(char: str) -> str:
    """The font that has a glyph for ``char`` (the CJK font unless it lacks it)."""
    return CJK_FONT if ord(char) in _cjk_glyphs() else LATIN_FONT


@functools.lru_cache(maxsize=8192)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` cut into ``(font name, run)`` pairs, each run drawable in its font."""
    cut: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char)
        if cut and cut[-1][0] == font:
            cut[-1] = (font, cut[-1][1] + char)
        else:
            cut.append((font, char))
    return tuple(cut)


@functools.lru_cache(maxsize=8192)
def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points, in points."""
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text))


def fit_size(text: str, size: float, max_width: float, *, smallest: float = 6.0) -> float:
    """``size``, or the size that makes ``text`` fit ``max_width`` (never below ``smallest``)."""
    width = text_width(text, size)
    if width <= max_width or width == 0:
        return size
    return max(smallest, size * max_width / width)


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *,
              align: str = "left", char_space: float = 0.0, bold: bool = False) -> None:
    """Draw one line with its baseline at ``y``; ``align`` is left, center or right of ``x``.

    ``bold`` strokes the outline too (in the current stroke colour and line width): the
    bundled font has no bold face.
    """
    width = text_width(text, size) + char_space * max(len(text) - 1, 0)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    obj = canvas.beginText(x, y)
    obj.setCharSpace(char_space)
    if bold:
        obj.setTextRenderMode(2)
    for font, run in runs(text):
        obj.setFont(font, size)
        obj.textOut(run)
    canvas.drawText(obj)


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Lines of ``text`` no wider than ``max_width`` points at ``size``.

    Chinese breaks between any two characters, Latin words stay whole unless wider than a
    line, and closing punctuation never starts a line.
    """
    lines: list[str] = []
    line: list[tuple[str, float]] = []  # tokens of the line being filled, with their widths
    used = 0.0
    for token in _tokens(text):
        width = text_width(token, size)
        if used + width <= max_width or not line:
            line.append((token, width))
            used += width
            continue
        carried: list[tuple[str, float]] = []
        if token[0] in _NO_LINE_START and len(line) > 1:
            # Carry the last token down with the punctuation rather than start a line with it.
            carried = [line.pop()]
        lines.append("".join(t for t, _ in line).rstrip())
        line = carried + [(token.lstrip() if not carried else token, width)]
        used = sum(w for _, w in line)
    if line:
        lines.append("".join(t for t, _ in line))
    return [piece for long_line in lines for piece in _split_overlong(long_line, size, max_width)]


def _tokens(text: str) -> list[str]:
    """Breakable units: each CJK character alone, each Latin word with its trailing spaces."""
    tokens: list[str] = []
    for char in text:
        if tokens and char == " ":
            tokens[-1] += char
        elif tokens and _is_latin(char) and _is_latin(tokens[-1][-1]):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _is_latin(char: str) -> bool:
    return char != " " and font_for(char) == LATIN_FONT


def _split_overlong(line: str, size: float, max_width: float) -> list[str]:
    """A line that still overflows (one huge Latin word) cut character by character."""
    pieces: list[str] = []
    current = ""
    for char in line:
        if current and text_width(current + char, size) > max_width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current] if current else pieces


def markup(text: str) -> str:
    """``text`` as platypus Paragraph markup whose Latin runs use the Latin font."""
    parts = []
    for font, run in runs(text):
        run = escape(run)
        parts.append(run if font == CJK_FONT else f'<font name="{LATIN_FONT}">{run}</font>')
    return "".join(parts)
