"""The text family on hand-written pages: urgency and guarantee phrases counted once each, the
deepest discount claimed, the languages of the pages and whether the landing page's language is
the one of the domain's country. Each expected count is made by reading the page."""

from __future__ import annotations

import pytest

from features.parse import ParsedPage, parse_site
from features.text import language_of, text_features
from tests.features.sites import make_site

FR = (
    "Bienvenue dans notre boutique. Nous avons des bottes pour vous et pour toute la famille, "
    "avec une livraison rapide dans toute la France. Votre commande est préparée par notre "
    "équipe qui vous répond du lundi au samedi."
)
EN = (
    "Welcome to our shop. We sell boots for you and your family, with fast delivery across the "
    "country. Your order is prepared by our team, and we answer you from Monday to Saturday."
)
DE = (
    "Willkommen in unserem Laden. Wir verkaufen Stiefel für Sie und die ganze Familie, mit "
    "schneller Lieferung in ganz Deutschland. Ihre Bestellung wird von unserem Team mit der "
    "Hand vorbereitet und wir sind für Sie da."
)


def _pages(*texts: str, host: str = "shop.invalid") -> list[ParsedPage]:
    urls = [f"https://{host}/"] + [f"https://{host}/p{i}" for i in range(1, len(texts))]
    html = [f"<html><body><p>{t}</p></body></html>" for t in texts]
    return parse_site(make_site(dict(zip(urls, html, strict=True))))


def test_urgency_and_guarantee_phrases_are_counted_once_each() -> None:
    pressure = (
        "Dernières pièces ! Stock limité. Dernières pièces, faites vite ! "
        "Satisfait ou remboursé. Livraison offerte. Garantie 2 ans."
    )
    other = "Dernières pièces disponibles. Satisfait ou remboursé."  # repeats only
    row = text_features(_pages(FR, pressure, other))
    # Urgency: "dernières pièces" (three times), "stock limité", "vite": 3 distinct.
    assert row["text_urgency_phrases"] == 3
    # Guarantees: "satisfait ou remboursé" (twice), "livraison offerte", "garantie": 3.
    assert row["text_guarantee_phrases"] == 3


def test_a_calm_page_has_no_pressure_phrases() -> None:
    row = text_features(_pages(FR, EN))
    assert (row["text_urgency_phrases"], row["text_guarantee_phrases"]) == (0, 0)


def test_english_phrases_count_as_well() -> None:
    row = text_features(_pages("Hurry! Only 3 left. Last chance. Money-back guarantee."))
    # Urgency: "hurry", "only 3 left", "last chance"; guarantees: "money-back", "guarantee".
    assert (row["text_urgency_phrases"], row["text_guarantee_phrases"]) == (3, 2)


def test_the_deepest_discount_claimed_is_kept_not_other_percentages() -> None:
    row = text_features(_pages("Soldes jusqu'à -40% ! TVA 20% incluse. Remise de 15% dès 2."))
    assert row["text_max_discount_claim"] == 40  # -40% and 15% are claims, 20% VAT is not
    assert text_features(_pages(FR))["text_max_discount_claim"] == 0


def test_the_language_of_each_page_and_how_many() -> None:
    assert [language_of(t) for t in (FR, EN, DE)] == ["fr", "en", "de"]
    assert language_of("Trop court pour dire") is None  # under 20 words
    assert text_features(_pages(FR, EN, DE, FR))["text_languages"] == 3
    assert text_features(_pages(FR, FR))["text_languages"] == 1


@pytest.mark.parametrize(
    ("host", "landing", "fits"),
    [
        ("bottes.fr", FR, True),  # French on a .fr
        ("bottes.fr", EN, False),  # English on a .fr
        ("stiefel.de", DE, True),
        ("boots.co.uk", EN, True),  # .uk is English
        ("bottes.com", FR, None),  # a .com names no country: unknown
        ("bottes.fr", "Trop court", None),  # a landing page without a language: unknown
    ],
)
def test_the_landing_language_against_the_country_of_the_domain(
    host: str, landing: str, fits: bool | None
) -> None:
    row = text_features(_pages(landing, EN, host=host), host)
    assert row["text_language_fits_tld"] is fits
