"""QR codes drawn fast: segno computes the module matrix, reportlab fills it as ONE path.

reportlab's own ``QrCodeWidget`` draws one rectangle per dark module, 25 ms a page or more
(70 ms for our version-9 payload, ``bench/bench_documents.py``). Here each horizontal run of
dark modules becomes one ``re`` of a single path filled once, in a coordinate system of one
unit per module. The path's operators are written with ``canvas.addLiteral``: they are small
integers, and reportlab's path object would format every coordinate in pure Python (its C
accelerator is a separate package), which cost more than the QR itself.

The data mask is fixed rather than chosen by segno's penalty evaluation of all eight masks:
that evaluation is 80 % of segno's time (12 ms of 14 ms a symbol here). Any mask decodes; the
evaluation only avoids unlucky patterns, which a payload ending in a random signature does
not produce in practice. The tests decode printed pages with zbar to keep us honest.
"""
from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas

# Modules of white margin a reader needs around the symbol (ISO/IEC 18004 asks for 4).
QUIET_ZONE = 4
FIXED_MASK = 4

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(payload: str, *, error: str = "m", mask: int | None = FIXED_MASK) -> Matrix:
    """The dark (True) / light modules of the QR symbol for ``payload``, without quiet zone.

    Non-ASCII text is encoded as UTF-8 and declared with an ECI header, so that readers do
    not guess Latin-1 or Shift-JIS for the Chinese name. ``mask=None`` lets segno choose.
    """
    eci = not payload.isascii()
    symbol = segno.make(payload, error=error, micro=False, eci=eci, mask=mask)
    return tuple(tuple(bool(cell) for cell in row) for row in symbol.matrix)


def dark_runs(matrix: Matrix) -> list[tuple[int, int, int]]:
    """``(row, first column, length)`` of every horizontal run of dark modules."""
    found = []
    for row_index, row in enumerate(matrix):
        start = None
        for col, dark in enumerate((*row, False)):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                found.append((row_index, start, col - start))
                start = None
    return found


def draw_qr(canvas: Canvas, matrix: Matrix, x: float, y: float, size: float) -> None:
    """Draw ``matrix`` as a ``size``-point square whose lower-left corner is (``x``, ``y``).

    The caller leaves :data:`QUIET_ZONE` modules of white around it.
    """
    module = size / len(matrix)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    # One unit per module, rows counted downwards from the top edge.
    canvas.translate(x, y + size)
    canvas.scale(module, -module)
    rects = " ".join(f"{col} {row} {length} 1 re" for row, col, length in dark_runs(matrix))
    canvas.addLiteral(rects + " f")
    canvas.restoreState()
