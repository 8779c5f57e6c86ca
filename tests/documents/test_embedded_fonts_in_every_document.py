"""Every document embeds its fonts as subsets: it prints the same on a PC without Chinese fonts."""
from __future__ import annotations

import pytest

from app.documents.certificate import render_certificates
from app.documents.notice_list import render_notice_list
from app.documents.rating_report import render_rating_report
from app.documents.signing import certificate_signer
from app.documents.templates import load_default_templates

BUNDLED = {"DroidSansFallback", "DejaVuSans"}


def _certificate(path, fixtures):
    render_certificates([fixtures["certificate"]], path, template=load_default_templates(),
                        sign=certificate_signer(fixtures["signing_key"]))


def _notice(path, fixtures):
    render_notice_list(fixtures["make_notice"](30), path)


def _report(path, fixtures):
    render_rating_report(fixtures["report"], path)


@pytest.mark.parametrize("render, chinese", [
    (_certificate, "信用户证书"), (_notice, "信用户评定结果公示"), (_report, "农户信用评定表")],
    ids=["certificate", "notice-list", "rating-report"])
def test_only_the_bundled_fonts_are_used_all_embedded_as_subsets(
        tmp_path, pdf_tools, certificate, signing_key, make_notice, report, render, chinese):
    path = tmp_path / "document.pdf"
    render(path, {"certificate": certificate, "signing_key": signing_key,
                  "make_notice": make_notice, "report": report})
    fonts = pdf_tools.fonts(path)
    assert fonts, "a document without fonts has no text"
    for font in fonts:
        tag, _, name = font["name"].partition("+")
        assert font["emb"] == "yes" and font["sub"] == "yes", font
        assert len(tag) == 6 and name in BUNDLED, font
    assert {f["name"].partition("+")[2] for f in fonts} == BUNDLED
    assert chinese in pdf_tools.poppler_text(path)
    assert chinese in "".join(pdf_tools.pypdf_text(path))
