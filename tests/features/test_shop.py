"""Is a site a shop? Page-level signs (a cart or checkout, product structured data, visible
prices) beside the feature row: on hand-written pages in several platforms' markup, on the genuine
shops of `../shared/corpora/real-shops` and on the news and blog pages of
`../shared/corpora/real-pages` (not shops: most must be noted "not a shop")."""

from __future__ import annotations

import csv
import gzip
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from capture.charset import decode_html
from capture.domains import registrable_domain
from capture.site import Case, Page, Site
from features.parse import parse_site
from features.pipeline import extract_with_context
from features.shop import is_shop, page_shop_signs
from tests.benchmarks.real_shops import REAL_SHOPS, REPORTED_AT
from tests.features.sites import make_site

REAL_PAGES = REAL_SHOPS.parent / "real-pages"


def _signs(html: str, url: str = "https://shop.example.invalid/") -> tuple[str, ...]:
    return page_shop_signs(parse_site(make_site({url: html})))


def _site_is_shop(site: Site) -> bool:
    row, context = extract_with_context(site)
    return is_shop({**row, **context})


# A category page in each platform's markup: prices and a cart link, no checkout, no offer markup.
SHOPIFY = """<html><body><header><a href="/cart" class="site-header__cart">Cart (0)</a></header>
<div class="grid"><div class="price__regular"><span class="price-item">€24,90</span></div>
<div class="price__regular"><span class="price-item">€31,00</span></div></div></body></html>"""
WOOCOMMERCE = """<html><body><ul class="products"><li class="product">
<span class="woocommerce-Price-amount amount"><bdi>19,90&nbsp;€</bdi></span>
<a href="?add-to-cart=42" class="button add_to_cart_button">Ajouter au panier</a></li></ul>
</body></html>"""
PRESTASHOP = """<html><body><div id="_desktop_cart"><div class="blockcart cart-preview">
<a rel="nofollow" href="https://shop.example.invalid/index.php?controller=cart">Panier</a></div>
</div><span class="price">12,50 €</span></body></html>"""
MAGENTO = """<html><body><div itemscope itemtype="http://schema.org/Product">
<span itemprop="name">Wanderschuh</span></div>
<form action="https://shop.example.invalid/checkout/cart/add/" method="post">
<button type="submit" title="In den Warenkorb" class="action tocart primary">
<span>In den Warenkorb</span></button></form></body></html>"""
SHOPWARE_PRICES_ONLY = """<html><body><div class="product-price-info">
<span class="product-price">49,95 €*</span></div><div class="product-price-info">
<span class="product-price">59,95 €*</span></div></body></html>"""
JSONLD_PRODUCT = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Product", "name": "Lampe"}</script></head>
<body><h1>Lampe</h1></body></html>"""
NEWS = """<html><body><article><h1>Inflation: prices up 3% in May</h1>
<p>Energy prices rose by 12%, food by 4%. The shopping basket of a family costs more.</p>
<a href="/economy">Economy</a> <a href="/subscribe">Subscribe</a></article></body></html>"""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (SHOPIFY, ("cart",)),
        (WOOCOMMERCE, ("cart",)),
        (PRESTASHOP, ("cart",)),
        (MAGENTO, ("cart", "product")),
        (SHOPWARE_PRICES_ONLY, ("price",)),
        (JSONLD_PRODUCT, ("product",)),
        (NEWS, ()),
    ],
    ids=["shopify", "woocommerce", "prestashop", "magento", "shopware", "jsonld", "news"],
)
def test_page_signs_in_each_platforms_markup(html: str, expected: tuple[str, ...]) -> None:
    assert _signs(html) == expected


def test_a_word_in_running_text_or_a_long_block_is_not_a_cart() -> None:
    long_link = "<a href='/story'>" + "Why the shopping cart of 2025 costs more " * 3 + "</a>"
    assert _signs(f"<html><body>{long_link}<p>Add to cart, they said.</p></body></html>") == ()


def test_a_category_page_without_payment_words_is_a_shop() -> None:
    # The feature row alone found no sign here; the pages' signs do.
    site = make_site({"https://shop.example.invalid/collections/all": SHOPIFY})
    row, context = extract_with_context(site)
    assert context["shop_signs"] == "cart"
    assert is_shop({**row, **context})
    assert not is_shop({**row, "shop_signs": ""})


def test_a_news_page_is_not_a_shop() -> None:
    assert not _site_is_shop(make_site({"https://news.example.invalid/a": NEWS}))


def test_a_row_without_the_context_column_is_judged_on_its_features() -> None:
    assert not is_shop({"price_jsonld_offers": 0.0})
    assert is_shop({"price_jsonld_offers": 0.0, "shop_signs": "price"})
    assert is_shop({"price_jsonld_offers": 2.0})


def _need(path: Path) -> None:
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared")
        pytest.skip(f"{path} not found (CI unset)")


def _page_kinds() -> dict[str, str]:
    with (REAL_SHOPS / "index.csv").open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row["page_kind"] for row in csv.DictReader(handle)}


def test_genuine_shop_pages_are_shops(request: pytest.FixtureRequest) -> None:
    """Before page-level signs, 19.4% of real-shops pages were noted "not a shop". Now only pages
    that are not shop pages (page_kind other or legal: a blog post, a notice) may lack signs.

    Judged on the corpus's feature table, row by row, as the notes judge a scored row
    (models/notes.py); the table is built once a run (tests/conftest.py)."""
    _need(REAL_SHOPS)
    kinds = _page_kinds()
    table = request.getfixturevalue("real_shops_table")()
    failed = table[table["error"] != ""]
    assert failed.empty, failed[["case_id", "error"]].to_string()  # every page was extracted
    assert sorted(table["case_id"]) == sorted(kinds)
    not_shop = [row["case_id"] for row in table.to_dict("records") if not is_shop(row)]
    shop_kinds = [kinds[case] for case in not_shop if kinds[case] not in ("other", "legal")]
    share = len(not_shop) / len(kinds)
    assert share <= 0.05, f"{share:.1%} of real-shops noted not a shop: {not_shop}"
    # At most a handful of product, category, home or checkout pages without any sign.
    assert len(shop_kinds) <= 6, f"shop pages noted not a shop: {not_shop}"


def _real_pages() -> Iterator[Site]:
    for path in sorted(REAL_PAGES.glob("*.html.gz")):
        html, charset = decode_html(gzip.decompress(path.read_bytes()), None)
        url = f"https://page-{path.name[:12]}.example.invalid/"
        case = Case(path.name[:12], url, REPORTED_AT, None)
        page = Page(url, html, 200, charset, REPORTED_AT)
        yield Site(case, registrable_domain(url), (page,))


def test_news_and_blog_pages_are_mostly_not_shops() -> None:
    _need(REAL_PAGES)
    verdicts = [_site_is_shop(site) for site in _real_pages()]
    assert len(verdicts) > 150
    share_not_shop = verdicts.count(False) / len(verdicts)
    assert share_not_shop >= 0.6, f"only {share_not_shop:.1%} of real news pages not a shop"
