from features.legal import legal_features
from features.parse import parse_site
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home

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
