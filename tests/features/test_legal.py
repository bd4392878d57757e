import gzip
import os
from pathlib import Path

import pytest

from capture.charset import decode_html
from capture.site import Case, Page, Site
from features.blocked import block_reason
from features.identifiers import identity_marks, normal_name
from features.legal import legal_features
from features.parse import parse_site
from features.pipeline import extract_with_context
from models.table import build_table
from tests.features.sites import FR_NOTICE_VALID, REPORTED, make_site, shop_home

HOME = shop_home('<a href="/mentions-legales">Mentions légales</a> <a href="/cgv">CGV</a>')


def _legal(pages: dict[str, str]) -> dict:
    site = make_site(pages)
    return legal_features(site, parse_site(site))


def test_complete_french_notice_gives_every_field() -> None:
    row = _legal(
        {
            "https://atelier-lumiere.fr/": HOME,
            "https://atelier-lumiere.fr/mentions-legales": FR_NOTICE_VALID,
        }
    )
    assert row["legal_page_found"] is True
    for field in (
        "siren",
        "vat",
        "address",
        "phone",
        "email",
        "director",
        "host",
        "mediator",
        "withdrawal_14d",
        "registry",
        "capital",
        "company_form",
    ):
        assert row[f"legal_{field}"] is True, field
    assert row["legal_siren_luhn_ok"] is True
    assert row["legal_vat_key_ok"] is True
    assert row["legal_vat_matches_siren"] is True
    assert row["legal_email_own_domain"] is True
    assert row["legal_email_freemail"] is False
    assert row["legal_company_matches_site"] is True
    assert row["legal_completeness"] == 1.0


def test_siren_failing_luhn_is_flagged() -> None:
    notice = FR_NOTICE_VALID.replace("732 829 320", "732 829 321")
    row = _legal(
        {"https://atelier-lumiere.fr/": HOME, "https://atelier-lumiere.fr/mentions-legales": notice}
    )
    assert row["legal_siren_luhn_ok"] is False
    assert row["legal_company_id_valid"] is False


def test_vat_key_that_does_not_match_is_flagged() -> None:
    notice = FR_NOTICE_VALID.replace("FR44732829320", "FR12732829320")
    row = _legal(
        {"https://atelier-lumiere.fr/": HOME, "https://atelier-lumiere.fr/mentions-legales": notice}
    )
    assert row["legal_vat_key_ok"] is False


def test_notice_naming_another_company_does_not_fit_the_shop() -> None:
    notice = FR_NOTICE_VALID.replace("Atelier Lumière SARL", "Groupe Vertbois SARL").replace(
        "contact@atelier-lumiere.fr", "vertbois.service@gmail.com"
    )
    row = _legal(
        {
            "https://mode-chic-outlet.shop/": HOME,
            "https://mode-chic-outlet.shop/mentions-legales": notice,
        }
    )
    assert row["legal_company_matches_site"] is False
    assert row["legal_email_freemail"] is True
    assert row["legal_email_own_domain"] is False


def test_site_without_notice_has_nothing_and_no_page() -> None:
    row = _legal({"https://x-shop.fr/": shop_home("<p>© 2025</p>")})
    assert row["legal_page_found"] is False
    assert row["legal_siren"] is False
    assert row["legal_siren_luhn_ok"] is None  # unknown, not false: there is no SIREN to check
    assert row["legal_completeness"] == 0.0


def test_german_impressum_is_found_and_read() -> None:
    impressum = """<html><body><h1>Impressum</h1>
    <p>Nordlicht Handel GmbH, Hauptstraße 5, 10115 Berlin.
    Geschäftsführer: Jan Weber. Handelsregister: Amtsgericht Charlottenburg HRB 123456.
    USt-IdNr.: DE 123456789. Telefon: +49 30 1234567. E-Mail: info@nordlicht-handel.de</p>
    <p>Plattform der EU-Kommission zur Online-Streitbeilegung.</p></body></html>"""
    home = shop_home('<a href="/impressum">Impressum</a>')
    row = _legal(
        {"https://nordlicht-handel.de/": home, "https://nordlicht-handel.de/impressum": impressum}
    )
    assert row["legal_page_found"] is True
    assert row["legal_company_id"] is True
    assert row["legal_company_form"] is True
    assert row["legal_registry"] is True
    assert row["legal_director"] is True
    assert row["legal_mediator"] is True
    assert row["legal_address"] is True
    assert row["legal_email_own_domain"] is True


def test_english_legal_notice_with_company_number() -> None:
    notice = """<html><body><h1>Legal notice</h1><p>Oak &amp; Thread Ltd, registered in England,
    company number 01234567, 10 High Street, Bath BA1 1AA. VAT GB123456789. Phone +44 20 7946 0000.
    You may cancel your order within 14 days of delivery.</p></body></html>"""
    home = shop_home('<a href="/pages/legal-notice">Legal notice</a>')
    row = _legal(
        {
            "https://oakandthread.co.uk/": home,
            "https://oakandthread.co.uk/pages/legal-notice": notice,
        }
    )
    assert row["legal_page_found"] is True
    assert row["legal_company_id"] is True
    assert row["legal_address"] is True
    assert row["legal_withdrawal_14d"] is True


# Identity across pages: hand-written notices and terms in five languages
# (tests/features/pages/legal/), each pair linked from a home page by its usual link words.
LEGAL_PAGES = Path(__file__).parent / "pages" / "legal"
LINKS = {
    "fr": ("Mentions légales", "Conditions générales de vente"),
    "de": ("Impressum", "AGB"),
    "es": ("Aviso legal", "Condiciones de venta"),
    "it": ("Note legali", "Condizioni di vendita"),
    "en": ("Legal notice", "Terms and conditions"),
}


def _pair(lang: str, notice: str, terms: str) -> dict:
    notice_link, terms_link = LINKS[lang]
    home = shop_home(f'<a href="/a">{notice_link}</a> <a href="/b">{terms_link}</a>')
    pages = {
        "https://shop.invalid/": home,
        "https://shop.invalid/a": (LEGAL_PAGES / notice).read_text(encoding="utf-8"),
        "https://shop.invalid/b": (LEGAL_PAGES / terms).read_text(encoding="utf-8"),
    }
    site = make_site(pages)
    parsed = parse_site(site)
    assert {"legal", "terms"} <= {role for p in parsed for role in p.roles}
    return legal_features(site, parsed)


@pytest.mark.parametrize(
    ("lang", "notice", "terms"),
    [
        ("fr", "fr_mentions.html", "fr_cgv_other.html"),
        ("de", "de_impressum.html", "de_agb_other.html"),
        ("es", "es_aviso_legal.html", "es_condiciones_other.html"),
        ("it", "it_note_legali.html", "it_condizioni_other.html"),
    ],
)
def test_pages_naming_different_companies_conflict(lang: str, notice: str, terms: str) -> None:
    assert _pair(lang, notice, terms)["legal_identity_conflict"] is True


@pytest.mark.parametrize(
    ("lang", "notice", "terms"),
    [
        # Same SIREN (once as a SIRET), same name in capitals, with accents, "S.A.S." or "SAS";
        # the host's own name and RCS number on the notice are not a second seller.
        ("fr", "fr_mentions.html", "fr_cgv_same.html"),
        # "Ltd" and "LIMITED", one company number; the host named on the notice.
        ("en", "en_legal_notice.html", "en_terms_same.html"),
    ],
)
def test_one_company_in_different_wording_is_no_conflict(
    lang: str, notice: str, terms: str
) -> None:
    assert _pair(lang, notice, terms)["legal_identity_conflict"] is False


def test_identity_marks_are_normalised() -> None:
    notice = (LEGAL_PAGES / "fr_mentions.html").read_text(encoding="utf-8")
    page = parse_site(make_site({"https://shop.invalid/mentions-legales": notice}))[0]
    marks = identity_marks(page.text)
    assert marks["siren"] == {"732829320"}  # the host's 424 761 419 is left out
    assert marks["name"] == {"atelier lumiere"}
    assert normal_name("ATELIER LUMIÈRE S.A.S.") == normal_name("Atelier Lumiere SAS")


def test_blocked_legal_notice_is_unknown_not_missing() -> None:
    home = shop_home('<a href="/mentions-legales">Mentions légales</a>')
    wall = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
    site = Site(
        case=Case("t1", "https://shop.invalid/", REPORTED, None),
        domain="shop.invalid",
        pages=(
            Page("https://shop.invalid/", home, 200, "utf-8"),
            Page("https://shop.invalid/mentions-legales", wall, 403, "utf-8"),
        ),
    )
    row, context = extract_with_context(site)
    assert row["legal_page_found"] is None  # never "no legal notice"
    assert row["legal_siren"] is None and row["legal_completeness"] is None
    assert "legal notice page blocked (403): its facts are unknown" in context["notes"]
    # The table's notes column carries it after the capture's own notes.
    table = build_table([site])
    assert "legal notice page blocked (403)" in table.loc[0, "notes"]


def test_captcha_on_a_long_contact_page_is_not_a_wall() -> None:
    text = "<p>" + "Nous répondons à toutes vos questions sur nos lampes. " * 40 + "</p>"
    contact = f"<html><body><h1>Contact</h1>{text}<div class='g-recaptcha'></div></body></html>"
    page = parse_site(make_site({"https://shop.invalid/contact": contact}))[0]
    assert block_reason(page) is None
    wall = "<html><body><div class='g-recaptcha'></div><p>Please verify.</p></body></html>"
    assert block_reason(parse_site(make_site({"https://shop.invalid/c": wall}))[0]) == "captcha"


# Legal and order pages of genuine shops (../shared/corpora/real-shops), read in place.
REAL = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real-shops"


def _real_text(case_id: str) -> str:
    if not REAL.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{REAL} is missing: CI must have ../shared")
        pytest.skip("../shared/corpora/real-shops is not here (outside CI)")
    raw = gzip.decompress((REAL / "pages" / f"{case_id}.html.gz").read_bytes())
    html, _charset = decode_html(raw, None)
    return parse_site(make_site({"https://shop.invalid/page": html}))[0].text


def test_real_english_delivery_page_gives_company_number_vat_and_name() -> None:
    # londonbedroomfurniture.co.uk: "Focus Furnishing (On-Line) Limited Registered in England
    # No.6320933 ... VAT Reg 920 2565 50".
    marks = identity_marks(_real_text("webstruct-019"))
    assert marks["company_no"] == {"6320933"}
    assert marks["vat"] == {"GB920256550"}
    assert marks["name"] == {"focus furnishing on line"}


def test_real_italian_order_page_gives_its_partita_iva() -> None:
    assert identity_marks(_real_text("forma-034"))["vat"] == {"IT04718980727"}


def test_real_french_page_gives_its_siren() -> None:
    assert identity_marks(_real_text("forma-029"))["siren"] == {"413256397"}


def test_real_pages_without_identity_give_none() -> None:
    # glossier.com's terms page and a shipping policy name no company with a legal form.
    for case_id in ("wcxb-178", "webstruct-020"):
        assert not any(identity_marks(_real_text(case_id)).values())
