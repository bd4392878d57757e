"""The pricing family through its public entry (pricing_features over a parsed site) on a small
hand-written shop; each expected figure is worked out by hand in the comments beside it."""

from __future__ import annotations

import pytest

from features.parse import parse_site
from features.pricing import pricing_features
from tests.features.sites import FR_NOTICE_VALID, make_site

JSONLD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product",'
    ' "name": "Botte", "offers": {"@type": "Offer", "price": "60.00", "priceCurrency": "EUR"}}'
    "</script>"
)


def _page(body: str) -> str:
    return f"<html><head><title>Boutique</title></head><body>{body}</body></html>"


SHOP = {
    # A <del>/<ins> pair: 100 € struck, 60 € paid, a discount of 1 - 60/100 = 0.4. Its structured
    # offer (60 €) is the page's catalogue price.
    "https://shop.invalid/": _page(f"<p><del>100,00 €</del> <ins>60,00 €</ins></p>{JSONLD}"),
    # An old-price box beside the price: 50 € struck, 45 € paid, 1 - 45/50 = 0.1.
    "https://shop.invalid/sac": _page(
        '<div><span class="old-price">50,00 €</span> <span class="price">45,00 €</span></div>'
    ),
    # No price at all: it must not count among the pages that show prices.
    "https://shop.invalid/mentions-legales": FR_NOTICE_VALID,
    # Prices without a former price: 30, 12 and 90 €.
    "https://shop.invalid/categorie": _page(
        '<ul><li><span class="price">30,00 €</span></li><li><span class="price">12,00 €</span>'
        '</li><li><span class="price">90,00 €</span></li></ul>'
    ),
}


@pytest.fixture(scope="module")
def row() -> dict[str, float | int | bool | None]:
    return pricing_features(parse_site(make_site(SHOP)))


def test_struck_prices_give_discounts_computed_from_the_paid_price(row: dict) -> None:
    assert row["price_struck_count"] == 2
    assert row["price_max_discount"] == 0.4  # 1 - 60/100
    assert row["price_mean_discount"] == 0.25  # (0.4 + 0.1) / 2


def test_the_share_of_discounted_pages_counts_only_pages_with_prices(row: dict) -> None:
    # Three pages show prices (home, sac, categorie), two of them a discount: 2/3.
    assert row["price_share_pages_discounted"] == round(2 / 3, 3)


def test_the_bait_price_is_the_cheapest_against_the_median(row: dict) -> None:
    # Catalogue: 60 (structured offer, home) | 45 (sac) | 30, 12, 90 (categorie).
    # Sorted 12 30 45 60 90: median 45, cheapest 12.
    assert row["price_jsonld_offers"] == 1
    assert row["price_min_over_median"] == round(12 / 45, 3)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("200,00 €", "50,00 €", 0.75),  # 1 - 50/200
        ("80 €", "60 €", 0.25),  # 1 - 60/80
        ("1.299,00 €", "999,00 €", round(1 - 999 / 1299, 3)),  # thousands in French format
    ],
)
def test_one_struck_price_gives_one_minus_the_ratio(old: str, new: str, expected: float) -> None:
    page = _page(f'<p class="box"><s>{old}</s> <span class="price">{new}</span></p>')
    row = pricing_features(parse_site(make_site({"https://shop.invalid/": page})))
    assert (row["price_struck_count"], row["price_max_discount"]) == (1, expected)
    assert row["price_mean_discount"] == expected


def test_a_former_price_not_above_the_paid_one_is_no_discount() -> None:
    page = _page('<p><s>40,00 €</s> <span class="price">40,00 €</span></p>')
    row = pricing_features(parse_site(make_site({"https://shop.invalid/": page})))
    assert (row["price_struck_count"], row["price_max_discount"]) == (0, 0.0)
    assert row["price_share_pages_discounted"] == 0.0  # one page with a price, no discount


def test_a_site_without_prices_has_zeros_and_an_unknown_bait_price() -> None:
    row = pricing_features(parse_site(make_site({"https://shop.invalid/": FR_NOTICE_VALID})))
    assert row == {
        "price_struck_count": 0,
        "price_max_discount": 0.0,
        "price_mean_discount": 0.0,
        "price_share_pages_discounted": 0.0,
        "price_jsonld_offers": 0,
        "price_min_over_median": None,
    }
