"""信用户证书: one page per certificate, laid out by a template, with a signed QR code.

Pages are drawn straight on a reportlab canvas (no platypus) so that a thousand certificates
print in seconds; nothing is written to ``out`` until the last page is done, so a cancelled
run leaves no half-written file behind.
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Mapping

from reportlab.pdfgen.canvas import Canvas

from app.documents.fields import certificate_fields
from app.documents.model import CertificateData
from app.documents.pdf import new_canvas, save
from app.documents.qr import draw_qr, qr_matrix
from app.documents.templates import Body, CertificateTemplate, QrArea, Seal, Text
from app.documents.text import FULL_WIDTH_SPACE, draw_text, fit_size, wrap

MM = 72 / 25.4  # points per millimetre
SMALLEST_BODY_PT = 10.0
SMALLEST_CAPTION_PT = 6.0


class RenderCancelled(Exception):
    """The user cancelled a print run; nothing was written."""


def render_certificates(items: Iterable[CertificateData], out: Path | BinaryIO, *,
                        template: CertificateTemplate | Mapping[str, CertificateTemplate],
                        sign: Callable[[CertificateData], str],
                        progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None) -> int:
    """Write one certificate page per item into the PDF ``out``; returns the page count.

    ``template`` is one template for all, or one per subject kind (``household``,
    ``cooperative``). ``sign`` returns the QR payload of an item. ``progress(done, total)``
    is called after each page; when ``cancel()`` turns true, :class:`RenderCancelled` is raised.
    """
    batch = list(items)
    canvas = new_canvas(out, title="信用户证书")
    for done, data in enumerate(batch, start=1):
        if cancel is not None and cancel():
            raise RenderCancelled()
        draw_certificate(canvas, _template_for(template, data), data, sign(data))
        if progress is not None:
            progress(done, len(batch))
    save(canvas)
    return len(batch)


def draw_certificate(canvas: Canvas, template: CertificateTemplate, data: CertificateData,
                     payload: str) -> None:
    """Draw one certificate page and end it."""
    page = _Page(canvas, template, certificate_fields(data))
    page.border()
    if template.logo is not None:
        logo = template.logo
        canvas.drawImage(str(logo.path), logo.x_mm * MM, page.y(logo.y_mm + logo.height_mm),
                         logo.width_mm * MM, logo.height_mm * MM, mask="auto",
                         preserveAspectRatio=True)
    page.line(template.title, template.colours["title"], bold=True)
    page.line(template.number, template.colours["text"])
    page.body(template.body)
    page.qr(template.qr, payload)
    for seal in template.seals:
        page.seal(seal)
    for line in template.issuer_lines:
        page.line(line, template.colours["text"])
    canvas.showPage()


def _template_for(template: CertificateTemplate | Mapping[str, CertificateTemplate],
                  data: CertificateData) -> CertificateTemplate:
    if isinstance(template, CertificateTemplate):
        return template
    return template[data.subject_kind]


class _Page:
    """Drawing helpers for one page: template units (mm from the top-left) to points."""

    def __init__(self, canvas: Canvas, template: CertificateTemplate, fields: dict[str, str]):
        self.canvas, self.template, self.fields = canvas, template, fields
        self.width, self.height = (side * MM for side in template.page_mm)
        canvas.setPageSize((self.width, self.height))

    def y(self, y_mm: float) -> float:
        """Points from the bottom for ``y_mm`` millimetres from the top."""
        return self.height - y_mm * MM

    def border(self) -> None:
        t = self.template
        if t.border_style == "none":
            return
        self.canvas.setStrokeColor(t.colours["border"])
        self._frame(t.border_inset_mm, t.border_width_pt)
        if t.border_style == "double":
            self._frame(t.border_inset_mm + t.border_gap_mm, t.border_width_pt / 3)

    def _frame(self, inset_mm: float, width_pt: float) -> None:
        inset = inset_mm * MM
        self.canvas.setLineWidth(width_pt)
        self.canvas.rect(inset, inset, self.width - 2 * inset, self.height - 2 * inset)

    def line(self, spec: Text, colour: str, *, bold: bool = False) -> None:
        """One line, shrunk to its ``max_width_mm`` when the filled-in text is longer."""
        text = spec.text.format(**self.fields)
        spacing = spec.char_space_pt * max(len(text) - 1, 0)
        size = fit_size(text, spec.size_pt, spec.max_width_mm * MM - spacing)
        self.canvas.setFillColor(colour)
        self.canvas.setStrokeColor(colour)
        self.canvas.setLineWidth(size / 40)
        draw_text(self.canvas, spec.x_mm * MM, self.y(spec.y_mm), text, size,
                  align=spec.align, char_space=spec.char_space_pt, bold=bold)

    def body(self, spec: Body) -> None:
        """The paragraphs, wrapped; the type shrinks until they end above ``bottom_mm``."""
        texts = [FULL_WIDTH_SPACE * indent + paragraph.format(**self.fields)
                 for paragraph, indent in zip(spec.paragraphs, spec.indent_chars)]
        size, leading = spec.size_pt, spec.leading_pt
        room = (spec.bottom_mm - spec.y_mm) * MM
        lines = _wrap_all(texts, size, spec.width_mm * MM)
        while (len(lines) - 1) * leading > room and size > SMALLEST_BODY_PT:
            size, leading = size * 0.9, leading * 0.9
            lines = _wrap_all(texts, size, spec.width_mm * MM)
        self.canvas.setFillColor(self.template.colours["text"])
        for index, line in enumerate(lines):
            draw_text(self.canvas, spec.x_mm * MM, self.y(spec.y_mm) - index * leading, line, size)

    def qr(self, spec: QrArea, payload: str) -> None:
        size = spec.size_mm * MM
        draw_qr(self.canvas, qr_matrix(payload), spec.x_mm * MM, self.y(spec.y_mm) - size, size)
        caption = spec.caption.format(**self.fields)
        self.canvas.setFillColor(self.template.colours["text"])
        draw_text(self.canvas, (spec.x_mm + spec.size_mm / 2) * MM,
                  self.y(spec.y_mm + spec.size_mm) - spec.caption_size_pt * 1.6,
                  caption, spec.caption_size_pt, align="center")

    def seal(self, spec: Seal) -> None:
        """A dashed circle with its label inside and its caption (the issuer) below."""
        canvas, colour = self.canvas, self.template.colours["seal"]
        x, y, radius = spec.x_mm * MM, self.y(spec.y_mm), spec.radius_mm * MM
        canvas.saveState()
        canvas.setStrokeColor(colour)
        canvas.setFillColor(colour)
        canvas.setLineWidth(0.8)
        canvas.setDash(4, 3)
        canvas.circle(x, y, radius, stroke=1, fill=0)
        canvas.restoreState()
        label = spec.label.format(**self.fields)
        canvas.setFillColor(colour)
        label_size = fit_size(label, spec.caption_size_pt * 0.85, radius * 1.6)
        draw_text(canvas, x, y - label_size / 3, label, label_size, align="center")
        size, lines = _caption_lines(spec.caption.format(**self.fields), spec.caption_size_pt,
                                     radius * 2 + 30 * MM)
        canvas.setFillColor(self.template.colours["text"])
        for index, line in enumerate(lines):
            draw_text(canvas, x, y - radius - size * (1.6 + 1.3 * index), line, size, align="center")


def _caption_lines(text: str, size: float, width: float) -> tuple[float, list[str]]:
    """A caption on one line, or on two (a little smaller) rather than in tiny type."""
    if fit_size(text, size, width) == size:
        return size, [text]
    size *= 0.85
    lines = wrap(text, size, width)
    while len(lines) > 2 and size > SMALLEST_CAPTION_PT:
        size *= 0.9
        lines = wrap(text, size, width)
    return size, lines


def _wrap_all(texts: list[str], size: float, width: float) -> list[str]:
    return [line for text in texts for line in wrap(text, size, width)]
