"""Certificate templates load from YAML, and every mistake names the file and the setting."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from app.documents.certificate import render_certificates
from app.documents.fields import CERTIFICATE_PLACEHOLDERS, certificate_fields
from app.documents.signing import certificate_signer
from app.documents.templates import TemplateError, load_certificate_template, load_default_templates
from app.paths import resource_path


def test_the_bundled_templates_load_for_households_and_cooperatives():
    templates = load_default_templates()
    assert set(templates) == {"household", "cooperative"}
    assert templates["household"].title.text == "信用户证书"
    assert templates["household"].page_mm == (297.0, 210.0)  # A4 landscape
    assert len(templates["household"].seals) == 2


def test_every_placeholder_has_a_value_for_every_certificate(certificate):
    assert set(certificate_fields(certificate)) == set(CERTIFICATE_PLACEHOLDERS)


def _edited(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(resource_path("templates", "certificate.yaml").read_text("utf-8"))
    edit(data)
    path = tmp_path / "my-certificate.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _set(path: list, value):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


def _delete(path: list):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return edit


@pytest.mark.parametrize("edit, code, words", [
    (_set(["body", "paragraphs", 1], "贵户被评定为 {grade_level} 级"), "template.unknown_placeholder",
     ["body.paragraphs[1]", "{grade_level}", "holder_name"]),
    (_set(["seals", 0, "caption"], "{bank}"), "template.unknown_placeholder", ["seals[0].caption", "{bank}"]),
    (_set(["title", "text"], "信用户证书 {"), "template.braces", ["title.text"]),
    (_delete(["qr", "size_mm"]), "template.missing_key", ["qr.size_mm"]),
    (_set(["qr", "size_mn"], 30), "template.unknown_key", ["qr.size_mn"]),
    (_set(["colours", "border"], "red"), "template.wrong_value", ["colours.border", "#RRGGBB"]),
    (_set(["border", "style"], "wavy"), "template.wrong_value", ["border.style", "double"]),
    (_set(["page", "size"], "Letter"), "template.wrong_value", ["page.size"]),
    (_set(["title", "size_pt"], "big"), "template.wrong_value", ["title.size_pt"]),
    (_set(["body", "indent_chars"], [0, 2]), "template.wrong_value", ["body.indent_chars"]),
    (_set(["logo"], {"path": "no-such-logo.png", "x_mm": 1, "y_mm": 1, "width_mm": 9,
                     "height_mm": 9}), "template.missing_file", ["logo.path", "no-such-logo.png"]),
])
def test_a_broken_template_is_refused_with_a_message_naming_file_and_setting(tmp_path, edit, code,
                                                                             words):
    path = _edited(tmp_path, edit)
    with pytest.raises(TemplateError) as caught:
        load_certificate_template(path)
    message = str(caught.value)
    assert caught.value.problem.code == code
    assert str(path) in message
    for word in words:
        assert word in message


def test_a_file_that_is_not_yaml_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_certificate_template(path)
    assert "broken.yaml" in str(caught.value) and "无法读取" in str(caught.value)


def test_a_missing_template_file_is_refused_naming_the_file(tmp_path):
    with pytest.raises(TemplateError) as caught:
        load_certificate_template(tmp_path / "absent.yaml")
    assert "absent.yaml" in str(caught.value)


def test_a_template_without_the_credit_line_is_allowed(tmp_path):
    path = _edited(tmp_path, _set(["body", "paragraphs", 1], "贵户被评定为 {grade} 级信用户。"))
    assert "{credit_line" not in " ".join(load_certificate_template(path).body.paragraphs)


def test_a_template_with_a_logo_prints_the_image(tmp_path, certificate, signing_key):
    Image.new("RGB", (60, 60), (200, 30, 30)).save(tmp_path / "bank-logo.png")
    path = _edited(tmp_path, _set(["logo"], {"path": "bank-logo.png", "x_mm": 24, "y_mm": 18,
                                             "width_mm": 20, "height_mm": 20}))
    template = load_certificate_template(path)
    assert template.logo is not None and template.logo.path == tmp_path / "bank-logo.png"
    pdf = tmp_path / "with-logo.pdf"
    render_certificates([certificate], pdf, template=template, sign=certificate_signer(signing_key))
    assert len(PdfReader(pdf).pages[0].images) == 1
