"""The QR matrix is drawn as one filled path of merged runs that decodes back to the payload."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from app.documents.qr import dark_runs, draw_qr, qr_matrix

PAYLOAD = "CV1|445122-2026-000123|张*丰|AAA|20260101|20261231|0123456789abcdef|" + "A" * 86


@pytest.mark.parametrize("payload", [PAYLOAD, "hello", "x" * 300])
def test_the_runs_cover_exactly_the_dark_modules(payload):
    matrix = qr_matrix(payload)
    painted = {(row, col + i) for row, col, length in dark_runs(matrix) for i in range(length)}
    dark = {(r, c) for r, line in enumerate(matrix) for c, cell in enumerate(line) if cell}
    assert painted == dark


def test_runs_merge_neighbours_so_there_are_far_fewer_rectangles_than_modules():
    matrix = qr_matrix(PAYLOAD)
    modules = sum(sum(row) for row in matrix)
    assert len(dark_runs(matrix)) < modules * 0.6


def test_the_symbol_fits_a_version_that_prints_comfortably_on_a_certificate():
    # 53 modules (version 9) at 34 mm is 0.64 mm a module: easy for any phone camera.
    assert len(qr_matrix(PAYLOAD)) <= 57


def _page_stream(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page.get_contents().get_data().decode("latin-1")


def test_the_qr_is_one_path_with_one_fill_not_a_rectangle_per_module():
    matrix = qr_matrix(PAYLOAD)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_qr(canvas, matrix, 100, 100, 96)
    canvas.save()
    stream = _page_stream(buffer.getvalue())
    assert stream.count(" re") == len(dark_runs(matrix))
    assert len(re.findall(r"(?m)(?:^|\s)f(?:\s|$)", stream)) == 1
