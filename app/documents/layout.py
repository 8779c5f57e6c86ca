"""Platypus pieces shared by the notice list and the rating report.

Paragraphs take plain text (never markup from data: it is escaped). Given the width they
live in, they are broken into lines by :func:`app.documents.text.wrap` rather than by
platypus, whose CJK wrapping lets a full-width comma start a line or hang past the margin
(into a table's grid line). Pages get a header and footer drawn after the whole document is
laid out, so that a footer can say "第 X 页 共 Y 页".
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, BinaryIO, Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from app.documents.pdf import binary_streams, doc_kwargs
from app.documents.text import CJK_FONT, FULL_WIDTH_SPACE, draw_text, markup, text_width, wrap

MM = 72 / 25.4
MARGIN = 18 * MM
FRAME_WIDTH = A4[0] - 2 * MARGIN  # points between the margins of an A4 portrait page
FRAME_PADDING = 6.0  # points a platypus frame keeps free inside its edges
CELL_PADDING = 4.0  # points left and right inside a table cell
INDENT = FULL_WIDTH_SPACE * 2  # a paragraph's first-line indent
GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#EDEDED")
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

# Draws the running header and footer of page ``number`` of ``total`` on the canvas.
PageDecorator = Callable[[Canvas, int, int], None]


def style(size: float = 10.5, *, leading: float | None = None, align: str = "left",
          space_after: float = 0.0) -> ParagraphStyle:
    """A paragraph style in the CJK font, wrapping between Chinese characters."""
    return ParagraphStyle(
        name=f"cv-{size}-{align}", fontName=CJK_FONT, fontSize=size,
        leading=leading or size * 1.5, alignment=_ALIGN[align], wordWrap="CJK",
        spaceAfter=space_after)


def para(text: str, paragraph_style: ParagraphStyle, width: float = FRAME_WIDTH) -> Paragraph:
    """A paragraph of plain ``text`` broken into lines of at most ``width`` points."""
    lines = wrap(text, paragraph_style.fontSize, width) or [""]
    # Platypus collapses leading whitespace, full-width spaces included: the indent the
    # wrap measured becomes the style's first-line indent.
    indent = len(lines[0]) - len(lines[0].lstrip(FULL_WIDTH_SPACE))
    if indent:
        lines[0] = lines[0].lstrip(FULL_WIDTH_SPACE)
        paragraph_style = ParagraphStyle(
            name=f"{paragraph_style.name}-indent", parent=paragraph_style,
            firstLineIndent=text_width(FULL_WIDTH_SPACE * indent, paragraph_style.fontSize))
    return Paragraph("<br/>".join(markup(line) for line in lines), paragraph_style)


def cell(text: str, paragraph_style: ParagraphStyle, column_mm: float) -> Paragraph:
    """A paragraph for a table cell ``column_mm`` wide (padding of :data:`CELL_PADDING`)."""
    return para(text, paragraph_style, column_mm * MM - 2 * CELL_PADDING)


def build(out: Path | BinaryIO, story: Sequence[Flowable], *, title: str,
          decorate: PageDecorator, pagesize: tuple[float, float] = A4) -> int:
    """Lay ``story`` out on A4 pages with the usual margins; returns the page count."""
    # The frame pads its content by FRAME_PADDING: the margins give it back, so that text
    # and tables span exactly FRAME_WIDTH.
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=pagesize,
                            leftMargin=MARGIN - FRAME_PADDING, rightMargin=MARGIN - FRAME_PADDING,
                            topMargin=MARGIN + 6 * MM, bottomMargin=MARGIN + 4 * MM,
                            **doc_kwargs(title))
    with binary_streams():
        doc.build(list(story), canvasmaker=functools.partial(_DecoratedCanvas, decorate=decorate))
    return doc.page


class _DecoratedCanvas(Canvas):
    """Holds every finished page until the end, then decorates each knowing the total."""

    def __init__(self, *args: Any, decorate: PageDecorator, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(self, self._pageNumber, total)
            super().showPage()
        super().save()


def page_footer(canvas: Canvas, number: int, total: int, left: str = "", right: str = "") -> None:
    """"第 X 页 共 Y 页" centred at the foot of the page, with optional side notes."""
    width, _ = canvas._pagesize  # noqa: SLF001 - reportlab keeps the size only here
    y = MARGIN
    canvas.setFillColor(colors.HexColor("#333333"))
    canvas.setStrokeColor(colors.HexColor("#999999"))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y + 12, width - MARGIN, y + 12)
    draw_text(canvas, width / 2, y, f"第 {number} 页 共 {total} 页", 9, align="center")
    if left:
        draw_text(canvas, MARGIN, y, left, 8)
    if right:
        draw_text(canvas, width - MARGIN, y, right, 8, align="right")


def page_header(canvas: Canvas, text: str) -> None:
    """A small running title at the top of a continuation page."""
    width, height = canvas._pagesize  # noqa: SLF001
    canvas.setFillColor(colors.HexColor("#333333"))
    draw_text(canvas, MARGIN, height - MARGIN, text, 9)
