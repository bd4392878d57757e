"""Structured offers (extruct's JSON-LD, microdata and Open Graph readers) on hand-written pages
and on the real shop pages whose price a person wrote down (scrapinghub's product-extraction
benchmark, in ../shared/corpora/real-shops)."""

from __future__ import annotations

import csv
import gzip
import os
from pathlib import Path

import pytest
from price_parser import Price

from capture.charset import decode_html
from capture.site import Page
from features.offers import Offer, amount, structured_offers
from features.parse import ParsedPage, parse_page
from features.pricing import _read_page

PAGES = Path(__file__).parent / "pages" / "pricing"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real-shops"


def _page(html: str, url: str = "https://shop.invalid/p") -> ParsedPage:
    return parse_page(Page(url, html, 200, "utf-8"), "shop.invalid")


def _fixture(name: str) -> ParsedPage:
    return _page((PAGES / name).read_text(encoding="utf-8"))


def test_jsonld_offer_in_a_graph_gives_price_currency_and_availability() -> None:
    assert structured_offers(_fixture("woocommerce.html")) == [
        Offer(49.0, "GBP", "InStock", "json-ld")
    ]


def test_microdata_offer_with_a_link_availability() -> None:
    assert structured_offers(_fixture("magento.html")) == [
        Offer(89.9, "EUR", "OutOfStock", "microdata")
    ]


def test_open_graph_product_price_in_european_format() -> None:
    assert structured_offers(_fixture("shopify.html")) == [Offer(1299.0, "EUR", None, "opengraph")]


def test_pages_without_structured_data_have_no_offers() -> None:
    assert structured_offers(_fixture("prestashop.html")) == []
    assert structured_offers(_page("")) == []


def test_aggregate_offer_and_price_specification_are_read() -> None:
    html = """<html><head><script type="application/ld+json">[
    {"@type": "Product", "offers": {"@type": "AggregateOffer", "lowPrice": 12.5,
     "priceCurrency": "EUR"}},
    {"@type": "Offer", "priceSpecification": {"price": "1299.00"}, "priceCurrency": "CHF",
     "availability": "https://schema.org/PreOrder"}]</script></head><body></body></html>"""
    assert [(o.price, o.currency, o.availability) for o in structured_offers(_page(html))] == [
        (12.5, "EUR", None),
        (1299.0, "CHF", "PreOrder"),
    ]


def test_broken_json_ld_falls_back_to_microdata_without_raising() -> None:
    html = """<html><head><script type="application/ld+json">{"@type": "Offer", "price": </script>
    </head><body><div itemscope itemtype="https://schema.org/Offer">
    <span itemprop="price">19,90</span></div></body></html>"""
    assert [o.price for o in structured_offers(_page(html))] == [19.9]


def test_amount_reads_schema_and_human_forms() -> None:
    assert amount("1.299") == 1.299  # schema.org's own form: a decimal point
    assert amount("1.299,00 €") == 1299.0
    assert amount(49) == 49.0
    assert amount("0") is None and amount("free") is None and amount(True) is None


def _truth() -> list[dict[str, str]]:
    with (CORPUS / "index.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["price"] not in ("", "none")]


@pytest.mark.skipif(
    not CORPUS.exists() and not os.environ.get("CI"), reason=f"{CORPUS} is absent (not in CI)"
)
def test_prices_of_real_pages_match_the_benchmark_ground_truth() -> None:
    """The page's price (its first structured offer, else its first visible price) against the
    ground truth of the 51 pages that give one: 43 of 51 match (84%); the floor is 80%.

    The misses, and why:
    - peb-049: the JSON-LD offer (219.99) is another product of the page than the one annotated.
    - peb-064: JSON-LD lists 18.0 then 17.1 (the annotated one) for two variants.
    - peb-069 (mechta.kz): no structured data; the price sits in attributes of buy buttons and in
      elements whose class does not name a price.
    - peb-078, peb-079 (a Taiwanese shop of 2009): no structured data; the price is a bare number in
      a styled <span> followed by "元", with no class naming a price.
    - peb-082 (Salesforce CC): no structured data; the first price-classed element belongs to
      another product (6699).
    - peb-086, peb-087 (OpenCart): the visible price read is the price without tax (36.53, 81.97);
      the annotation is the price with tax.
    The ground truth is read with price-parser too: "2.449" there is $2,449, as the page shows.
    """
    rows = _truth()
    assert len(rows) >= 50
    misses = []
    for row in rows:
        html, _ = decode_html(gzip.decompress((CORPUS / row["html_path"]).read_bytes()), None)
        page = parse_page(Page(row["url"], html, 200, "utf-8"), "real.invalid")
        offers = structured_offers(page)
        got = offers[0].price if offers else next(iter(_read_page(page)[1]), None)
        want = Price.fromstring(row["price"]).amount_float
        if got is None or want is None or abs(got - want) > 0.011:
            misses.append((row["id"], want, got))
    share = 1 - len(misses) / len(rows)
    assert share >= 0.8, f"{share:.0%} matched; misses: {misses}"


def test_structured_data_is_read_once_per_page_for_offers_and_listings(monkeypatch) -> None:
    """Prices and product listings read the same JSON-LD: extruct parses it once per page."""
    from extruct.jsonld import JsonLdExtractor

    from capture.site import Page
    from features.listings import structured_listings
    from features.offers import structured_offers
    from features.parse import parse_page

    calls = {"json-ld": 0}
    extract = JsonLdExtractor.extract_items

    def counting(self, *args, **kwargs):
        calls["json-ld"] += 1
        return extract(self, *args, **kwargs)

    monkeypatch.setattr(JsonLdExtractor, "extract_items", counting)
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "Product", "name": "Lampe Orme", "brand": {"@type": "Brand", "name": "Orme"},'
        ' "gtin13": "4006381333931", "offers": {"@type": "Offer", "price": "49.90",'
        ' "priceCurrency": "EUR"}}</script></head><body><h1>Lampe Orme</h1></body></html>'
    )
    page = parse_page(Page("https://shop.invalid/lampe", html, 200, "utf-8"), "shop.invalid")
    assert [offer.price for offer in structured_offers(page)] == [49.9]
    assert [listing.name for listing in structured_listings(page)] == ["Lampe Orme"]
    assert calls == {"json-ld": 1}
