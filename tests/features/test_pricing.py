"""Prices, struck former prices and discount claims on hand-written pages in the markup of six
platforms (Shopify, WooCommerce, PrestaShop, Magento, Shopware, Wix); every figure asserted was
computed by hand from the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from capture.site import Page
from features.parse import ParsedPage, parse_page, parse_site
from features.pricing import _read_page, parse_amount, pricing_features
from features.text import text_features
from tests.features.sites import make_site

PAGES = Path(__file__).parent / "pages" / "pricing"
PLATFORMS = ("magento", "prestashop", "shopify", "shopware", "wix", "woocommerce")


def _page(html: str) -> ParsedPage:
    return parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), "shop.invalid")


def _fixture(name: str) -> ParsedPage:
    return _page((PAGES / f"{name}.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("platform", "discount", "visible"),
    [
        ("shopify", 1 - 1299 / 1499, [1299.0]),  # <s> beside the sale price, '1.299,00 €'
        ("woocommerce", 1 - 49 / 70, [49.0]),  # <del>/<ins>, screen-reader copy skipped
        ("prestashop", 1 - 60 / 80, [60.0, 120.0, 100.0, 9.0]),  # regular-price, '-25%' badge
        ("magento", 1 - 89.9 / 179.8, [89.9]),  # old-price after special-price
        ("shopware", 1 - 49 / 70, [49.0]),  # list-price inside the price, 'CHF 49.-'
        ("wix", 1 - 999 / 1299, [999.0]),  # inline line-through style, '€1,299.00'
    ],
)
def test_struck_price_and_current_price_on_each_platform(
    platform: str, discount: float, visible: list[float]
) -> None:
    discounts, prices = _read_page(_fixture(platform))
    assert discounts == [pytest.approx(discount)]
    assert prices == pytest.approx(visible)


def test_site_features_over_the_six_platforms() -> None:
    pages = [_fixture(name) for name in PLATFORMS]
    row = pricing_features(pages)
    assert row["price_struck_count"] == 6
    assert row["price_max_discount"] == 0.5  # Magento: 89.90 against 179.80
    mean = (0.5 + 0.25 + (1 - 1299 / 1499) + 0.3 + (1 - 999 / 1299) + 0.3) / 6
    assert row["price_mean_discount"] == round(mean, 3)
    assert row["price_share_pages_discounted"] == 1.0
    assert row["price_jsonld_offers"] == 3  # Magento microdata, Shopify Open Graph, Woo JSON-LD
    # Prices: 89.9 | 60 120 100 9 | 1299 | 49 | 999 | 49; median 89.9, cheapest 9.
    assert row["price_min_over_median"] == round(9 / 89.9, 3)


def test_bait_price_needs_three_prices_and_none_found_is_unknown() -> None:
    assert pricing_features([_fixture("shopify")])["price_min_over_median"] is None
    assert pricing_features([_fixture("prestashop")])["price_min_over_median"] == round(9 / 80, 3)


def test_bait_price_is_computed_on_a_real_site_from_visible_prices() -> None:
    category = "".join(
        f'<li class="product"><span class="product-price">{p}</span></li>'
        for p in ("24,90 €", "29,90 €", "1.299,00 €", "2,00 €")
    )
    site = make_site({"https://shop.invalid/": f"<html><body><ul>{category}</ul></body></html>"})
    row = pricing_features(parse_site(site))
    assert row["price_min_over_median"] == round(2 / ((24.9 + 29.9) / 2), 3)
    assert row["price_struck_count"] == 0


def test_struck_text_that_is_no_price_or_has_no_lower_price_is_no_discount() -> None:
    page = _page(
        "<html><body><p>The minister <del>resigned</del> stayed.</p>"
        '<p><s class="price">€20.00</s> <span class="price">€25.00</span></p></body></html>'
    )
    assert _read_page(page)[0] == []


def test_parse_amount_reads_european_formats() -> None:
    assert parse_amount("1.299,00 €") == 1299.0
    assert parse_amount("€1,299.00") == 1299.0
    assert parse_amount("CHF 49.-") == 49.0
    assert parse_amount("1 299,00\u00a0€") == 1299.0
    assert parse_amount("gratuit") is None


@pytest.mark.parametrize(
    ("platform", "claim"),
    [
        ("shopify", 40),  # fr "jusqu'à -40%", beside "TVA 20%"
        ("woocommerce", 30),  # en "up to 30% off", beside "98% of users"
        ("prestashop", 25),  # the "-25%" badge
        ("magento", 50),  # de "50% Rabatt", beside "19% MwSt."
        ("shopware", 30),  # es "descuento del 30%", beside "IVA 21%"
        ("wix", 23),  # it "Sconto del 23%", beside "Il 98% dei clienti"
    ],
)
def test_discount_claims_need_a_discount_context(platform: str, claim: int) -> None:
    assert text_features([_fixture(platform)])["text_max_discount_claim"] == claim


@pytest.mark.parametrize(
    "text",
    [
        "98% of users said the service was reliable; turnout rose 12% in 2024.",
        "Prix TTC, TVA 20% incluse. 75% des Français achètent en ligne.",
        "Inkl. 19% MwSt. 10-20% der Befragten, COVID-19% Quote.",
        "IVA 21% incluido. El 60% de los clientes repite.",
        "IVA 22% inclusa. Il 98% dei clienti è soddisfatto.",
        "Up to 90% of sales happen online.",
    ],
)
def test_ordinary_percentages_are_not_discount_claims(text: str) -> None:
    page = _page(f"<html><body><p>{text}</p></body></html>")
    assert text_features([page])["text_max_discount_claim"] == 0


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Soldes : remise de 35 % sur tout", 35),
        ("Réduction de 15% dès deux articles", 15),
        ("Save 45% today", 45),
        ("Bis zu 60% Rabatt", 60),
        ("Hasta el 70% de descuento", 70),
        ("Saldi: sconto del 65%", 65),
        ("Prix barré \u221280 %", 80),
    ],
)
def test_discount_claims_in_every_language(text: str, claim: int) -> None:
    page = _page(f"<html><body><p>{text}</p></body></html>")
    assert text_features([page])["text_max_discount_claim"] == claim
