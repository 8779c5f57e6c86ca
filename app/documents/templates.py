"""Certificate templates: layout and wording from ``resources/templates/*.yaml``, checked on load.

Positions are millimetres from the page's TOP-LEFT corner (as a designer measures a printed
sheet); a text's ``y_mm`` is its baseline. Sizes are points. Texts may use the placeholders of
:data:`app.documents.fields.CERTIFICATE_PLACEHOLDERS`; any other name, a missing or unknown key,
a wrong type or a bad colour stops the load with a message naming the template file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from app.documents.fields import CERTIFICATE_PLACEHOLDERS
from app.documents.template_checks import Reader, TemplateError
from app.paths import resource_path

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "B5": (176.0, 250.0)}
DEFAULT_TEMPLATES = {"household": "certificate.yaml", "cooperative": "cooperative-certificate.yaml"}
__all__ = ["CertificateTemplate", "TemplateError", "load_certificate_template",
           "load_default_templates"]


@dataclass(frozen=True)
class Text:
    """A line of text; shrunk to ``max_width_mm`` when its filled-in value is longer."""

    text: str
    x_mm: float
    y_mm: float
    size_pt: float
    align: str
    max_width_mm: float
    char_space_pt: float = 0.0


@dataclass(frozen=True)
class Body:
    """Paragraphs wrapped inside ``width_mm``; the first line of each indented by ``indent_chars``."""

    paragraphs: tuple[str, ...]
    x_mm: float
    y_mm: float
    width_mm: float
    size_pt: float
    leading_pt: float
    indent_chars: tuple[int, ...]
    bottom_mm: float


@dataclass(frozen=True)
class Seal:
    """A dashed circle where a red seal is stamped, with its label inside and a caption below."""

    x_mm: float
    y_mm: float
    radius_mm: float
    label: str
    caption: str
    caption_size_pt: float


@dataclass(frozen=True)
class QrArea:
    """The QR square (top-left corner and side) and the caption under it."""

    x_mm: float
    y_mm: float
    size_mm: float
    caption: str
    caption_size_pt: float


@dataclass(frozen=True)
class Logo:
    """An optional image, e.g. the bank's logo."""

    path: Path
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class CertificateTemplate:
    """One certificate design, read from ``source``."""

    source: Path
    page_mm: tuple[float, float]
    colours: dict[str, str]
    border_style: str
    border_inset_mm: float
    border_gap_mm: float
    border_width_pt: float
    title: Text
    body: Body
    number: Text
    issuer_lines: tuple[Text, ...]
    qr: QrArea
    seals: tuple[Seal, ...]
    logo: Logo | None


def load_default_templates() -> dict[str, CertificateTemplate]:
    """The bundled templates by subject kind (``household``, ``cooperative``)."""
    return {kind: load_certificate_template(resource_path("templates", name))
            for kind, name in DEFAULT_TEMPLATES.items()}


def load_certificate_template(path: Path) -> CertificateTemplate:
    """Read and check the template at ``path``; raises :class:`TemplateError` naming the file."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError.unreadable(path, exc) from exc
    top = Reader(Path(path), data, "", CERTIFICATE_PLACEHOLDERS)
    page = top.section("page")
    size = page.choice("size", tuple(PAGE_SIZES_MM))
    width, height = PAGE_SIZES_MM[size]
    if page.choice("orientation", ("landscape", "portrait")) == "landscape":
        width, height = height, width
    page.done()
    border = top.section("border")
    template = CertificateTemplate(
        source=Path(path), page_mm=(width, height), colours=_colours(top.section("colours")),
        border_style=border.choice("style", ("double", "single", "none")),
        border_inset_mm=border.number("inset_mm"), border_gap_mm=border.number("gap_mm"),
        border_width_pt=border.number("width_pt"),
        title=_text(top.section("title")), body=_body(top.section("body")),
        number=_text(top.section("number")),
        issuer_lines=tuple(_text(item) for item in top.sections("issuer_lines")),
        qr=_qr(top.section("qr")), seals=tuple(_seal(item) for item in top.sections("seals")),
        logo=_logo(top.optional_section("logo"), Path(path).parent))
    border.done()
    top.done()
    return template


def _colours(section: Reader) -> dict[str, str]:
    colours = {name: section.colour(name) for name in ("border", "title", "text", "seal")}
    section.done()
    return colours


def _text(section: Reader) -> Text:
    text = Text(text=section.placeholder_text("text"), x_mm=section.number("x_mm"),
                y_mm=section.number("y_mm"), size_pt=section.number("size_pt"),
                align=section.choice("align", ("left", "center", "right"), default="left"),
                max_width_mm=section.number("max_width_mm"),
                char_space_pt=section.number("char_space_pt", default=0.0))
    section.done()
    return text


def _body(section: Reader) -> Body:
    paragraphs = tuple(section.placeholder_texts("paragraphs"))
    indents = tuple(section.integers("indent_chars", len(paragraphs)))
    body = Body(paragraphs=paragraphs, x_mm=section.number("x_mm"), y_mm=section.number("y_mm"),
                width_mm=section.number("width_mm"), size_pt=section.number("size_pt"),
                leading_pt=section.number("leading_pt"), indent_chars=indents,
                bottom_mm=section.number("bottom_mm"))
    section.done()
    return body


def _qr(section: Reader) -> QrArea:
    qr = QrArea(x_mm=section.number("x_mm"), y_mm=section.number("y_mm"),
                size_mm=section.number("size_mm"), caption=section.placeholder_text("caption"),
                caption_size_pt=section.number("caption_size_pt"))
    section.done()
    return qr


def _seal(section: Reader) -> Seal:
    seal = Seal(x_mm=section.number("x_mm"), y_mm=section.number("y_mm"),
                radius_mm=section.number("radius_mm"), label=section.placeholder_text("label"),
                caption=section.placeholder_text("caption"),
                caption_size_pt=section.number("caption_size_pt"))
    section.done()
    return seal


def _logo(section: Reader | None, folder: Path) -> Logo | None:
    if section is None:
        return None
    logo = Logo(path=section.existing_file("path", folder), x_mm=section.number("x_mm"),
                y_mm=section.number("y_mm"), width_mm=section.number("width_mm"),
                height_mm=section.number("height_mm"))
    section.done()
    return logo

