"""Certificates print one per page, in embedded Chinese fonts, with a QR a phone can verify."""
from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest

from app.documents.certificate import RenderCancelled, render_certificates
from app.documents.signing import SEP, Keyring, Status, certificate_signer, verify_payload
from app.documents.templates import load_default_templates

TODAY = date(2026, 3, 15)
MM = 72 / 25.4


@pytest.fixture(scope="module")
def templates():
    return load_default_templates()


@pytest.fixture
def printed(tmp_path, certificate, cooperative_certificate, signing_key, templates):
    """A PDF of a household's and a cooperative's certificate."""
    path = tmp_path / "certificates.pdf"
    render_certificates([certificate, cooperative_certificate], path, template=templates,
                        sign=certificate_signer(signing_key))
    return path


def test_each_certificate_is_one_page_with_its_chinese_text(printed, pdf_tools):
    pages = pdf_tools.pypdf_text(printed)
    assert len(pages) == 2
    assert "信用户证书" in pages[0] and "张三丰同志" in pages[0] and "445122-2026-000123" in pages[0]
    assert "信用合作社证书" in pages[1] and "绿源果蔬种植农民专业合作社" in pages[1]
    poppler = pdf_tools.poppler_text(printed, page=1)
    for text in ("AAA", "20 万元", "2026年12月31日", "饶平农村商业银行城关支行", "（盖章）", "扫码验证真伪"):
        assert text in poppler


def test_fonts_are_embedded_subsets_and_nothing_else_is_used(printed, pdf_tools):
    fonts = pdf_tools.fonts(printed)
    assert {f["name"].split("+")[1] for f in fonts} == {"DroidSansFallback",
                                                         "DejaVuSans"}
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts)


def test_the_printed_qr_decodes_to_a_payload_that_verifies_valid(printed, pdf_tools, tmp_path,
                                                                keyring):
    for page, number in ((1, "445122-2026-000123"), (2, "445122-2026-000124")):
        (payload,) = pdf_tools.qr_codes(printed, page, tmp_path)
        result = verify_payload(payload, keyring, today=TODAY)
        assert result.status is Status.VALID
        assert result.claim.certificate_no == number


def _grade_changed(payload: str) -> str:
    parts = payload.split(SEP)
    parts[3] = "A" if parts[3] != "A" else "AA"
    return SEP.join(parts)


@pytest.mark.parametrize("change, today, revoked, status", [
    (_grade_changed, TODAY, (), Status.TAMPERED),
    (lambda p: p, date(2027, 1, 1), (), Status.EXPIRED),
    (lambda p: p, TODAY, ("445122-2026-000123",), Status.REVOKED),
    (lambda p: p.replace("CV1|", "CV1 |", 1), TODAY, (), Status.MALFORMED),
])
def test_a_scanned_certificate_is_judged_by_its_signature_dates_and_revocations(
        printed, pdf_tools, tmp_path, keyring, change, today, revoked, status):
    (payload,) = pdf_tools.qr_codes(printed, 1, tmp_path)
    assert verify_payload(change(payload), keyring, today=today, revoked=revoked).status is status


def test_a_scanned_certificate_from_an_unknown_laptop_is_flagged(printed, pdf_tools, tmp_path):
    (payload,) = pdf_tools.qr_codes(printed, 1, tmp_path)
    assert verify_payload(payload, Keyring(), today=TODAY).status is Status.UNKNOWN_SIGNER


def test_the_qr_carries_no_id_number_and_the_head_name_masked(printed, pdf_tools, tmp_path):
    (payload,) = pdf_tools.qr_codes(printed, 1, tmp_path)
    assert "张*丰" in payload and "张三丰" not in payload
    assert not any(len(part) in (15, 18) and part[:17].isdigit() for part in payload.split(SEP))


@pytest.mark.parametrize("name", ["王" + "五" * 29, "阿卜杜热合曼·买买提明", "饶平县东风村绿源果蔬种植与农产品加工销售农民专业合作社"])
def test_a_long_name_wraps_inside_the_border_and_every_qr_still_scans(
        tmp_path, certificate, signing_key, templates, pdf_tools, keyring, name):
    path = tmp_path / "long.pdf"
    data = replace(certificate, holder_name=name, issuing_bank="某某省农村信用社联合社某某县农村商业银行股份有限公司城关支行营业部")
    render_certificates([data], path, template=templates, sign=certificate_signer(signing_key))
    width, height = pdf_tools.page_size(path)
    inner = (9 + 2.5) * MM  # the template's double border
    for word, x0, y0, x1, y1 in pdf_tools.word_boxes(path):
        assert inner < x0 and x1 < width - inner and inner < y0 and y1 < height - inner, word
    assert name.replace("·", "") in pdf_tools.poppler_text(path).replace("\n", "").replace("·", "")
    (payload,) = pdf_tools.qr_codes(path, 1, tmp_path)
    assert verify_payload(payload, keyring, today=TODAY).status is Status.VALID


def test_progress_is_reported_after_every_page_and_the_pdf_can_go_to_a_stream(certificate,
                                                                              signing_key, templates):
    seen = []
    buffer = io.BytesIO()
    batch = [replace(certificate, certificate_no=f"445122-2026-{i:06d}") for i in range(1, 6)]
    count = render_certificates(batch, buffer, template=templates,
                                sign=certificate_signer(signing_key),
                                progress=lambda done, total: seen.append((done, total)))
    assert count == 5 and seen == [(i, 5) for i in range(1, 6)]
    assert buffer.getvalue().startswith(b"%PDF")


def test_a_cancelled_run_writes_no_file(tmp_path, certificate, signing_key, templates):
    path = tmp_path / "cancelled.pdf"
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    batch = [replace(certificate, certificate_no=f"445122-2026-{i:06d}") for i in range(1, 10)]
    with pytest.raises(RenderCancelled):
        render_certificates(batch, path, template=templates, sign=certificate_signer(signing_key),
                            cancel=cancel)
    assert not path.exists()


def test_one_template_can_be_used_for_every_certificate(tmp_path, cooperative_certificate,
                                                       signing_key, templates, pdf_tools):
    path = tmp_path / "one.pdf"
    render_certificates([cooperative_certificate], path, template=templates["household"],
                        sign=certificate_signer(signing_key))
    assert "信用户证书" in pdf_tools.pypdf_text(path)[0]
