"""What the pages say of who runs a shop (features/identity_context.py), on hand-written notices:
the shop's and the company's countries, the payment-IBAN signals, and the context columns the
register and the operator links read. Expected values are read off the notice by hand."""

from __future__ import annotations

import json

import pytest

from features.identifiers import find_identifiers
from features.identity_context import (
    company_country,
    iban_features,
    marks_context,
    read_skeleton,
    seller_context,
    shop_country,
    skeleton_context,
)
from features.legal import read_legal
from features.parse import parse_site
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home

# Valid IBANs (ISO 7064 check digits): a French, a German and an Italian one.
IBAN_FR = "FR76 3000 6000 0112 3456 7890 189"
IBAN_DE = "DE89 3704 0044 0532 0130 00"
IBAN_IT = "IT60 X054 2811 1010 0000 0123 456"


@pytest.mark.parametrize(
    ("domain", "country"),
    [
        ("atelier.fr", "FR"),
        ("laden.de", "DE"),
        ("shop.co.uk", "GB"),  # .uk is Great Britain's
        ("shop.com", None),  # generic
        ("shop.eu", None),  # several countries
        ("boutique.shop", None),
    ],
)
def test_the_shop_country_is_its_country_tld(domain: str, country: str | None) -> None:
    assert shop_country(domain) == country


def test_the_company_country_comes_from_the_notice_identifiers() -> None:
    assert company_country(find_identifiers("SIREN 732 829 320")) == "FR"
    assert company_country(find_identifiers("USt-IdNr.: DE136695976")) == "DE"
    assert company_country(find_identifiers("Partita IVA: 00743110157")) == "IT"
    assert company_country(find_identifiers("Boutique tenue par Claire.")) is None


@pytest.mark.parametrize(
    ("text", "domain", "expected"),
    [
        # A French IBAN on a .fr shop of a French company: every side agrees.
        (f"IBAN : {IBAN_FR}. SIREN 732 829 320", "atelier.fr", (True, True, True, True)),
        # An Italian IBAN on a .fr shop of a French company: neither country matches.
        (f"IBAN : {IBAN_IT}. SIREN 732 829 320", "atelier.fr", (True, True, False, False)),
        # A German IBAN on a .com shop without identifiers: both countries unknown.
        (f"IBAN: {IBAN_DE}", "shop.com", (True, True, None, None)),
        # A wrong check digit (89 -> 88): shown, not valid.
        ("IBAN: DE88 3704 0044 0532 0130 00", "laden.de", (True, False, True, None)),
        # No IBAN: not shown, the rest unknown.
        ("Paiement par carte.", "atelier.fr", (False, None, None, None)),
    ],
)
def test_iban_signals(text: str, domain: str, expected: tuple) -> None:
    row = iban_features(text, domain, find_identifiers(text))
    names = ("iban_shown", "iban_valid", "iban_country_is_shop", "iban_country_is_company")
    assert tuple(row[n] for n in names) == expected


def _legal_site() -> list:
    home = shop_home('<a href="/mentions-legales">Mentions légales</a>')
    site = make_site(
        {
            "https://atelier.invalid/": home,
            "https://atelier.invalid/mentions-legales": FR_NOTICE_VALID,
        }
    )
    return parse_site(site)


def test_the_seller_context_holds_the_notice_siren_name_and_postcodes() -> None:
    context = json.loads(seller_context(read_legal(_legal_site())))
    # FR_NOTICE_VALID: SIREN 732 829 320 (its VAT number FR44 732829320 names the same one),
    # "Atelier Lumière SARL", and three addresses: 69002 Lyon, 59100 Roubaix, 75017 Paris.
    assert context == {
        "sirens": ["732829320"],
        "sirets": [],
        "names": ["atelier lumiere"],
        "postcodes": ["69002", "59100", "75017"],
        "country": "FR",
    }


def test_the_marks_context_lists_the_strong_identifiers_and_trackers() -> None:
    text = (
        "SIREN 732 829 320. TVA FR44732829320. Tél. 04 72 00 00 00. "
        f"contact@atelier.invalid. IBAN {IBAN_FR}."
    )
    marks = json.loads(marks_context(text, ("G-KIT777AAA", "UA-1234567-1"), "atelier.fr"))
    assert marks == {
        "email": ["contact@atelier.invalid"],
        "iban": ["FR7630006000011234567890189"],
        "phone": ["+33472000000"],  # a national number read as the .fr shop's country's
        "siren": ["732829320"],
        "tracker": ["G-KIT777AAA", "UA-1234567-1"],
        "vat": ["FR44732829320"],
    }
    assert json.loads(marks_context("Rien ici.", (), "shop.com")) == {}


def test_the_skeleton_context_round_trips_and_damage_links_nothing() -> None:
    pages = parse_site(make_site({"https://a.invalid/": '<div class="b a"><p>x</p></div>'}))
    blob = skeleton_context(pages)
    # lxml wraps a fragment in html and body; classes are sorted in each token.
    assert read_skeleton(blob) == ["html", "body", "div.a.b", "p"]
    assert read_skeleton("") == [] and read_skeleton("not base64 zlib!") == []
