"""Structured offers on hand-written pages: each source's price, currency and availability, and
the order sources are tried in (JSON-LD, microdata, Open Graph)."""

from __future__ import annotations

import pytest

from capture.site import Page
from features.offers import Offer, amount, structured_offers
from features.parse import parse_page


def _offers(head: str = "", body: str = "") -> list[Offer]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return structured_offers(parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), ""))


def _jsonld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_open_graph_price_currency_and_availability() -> None:
    head = (
        '<meta property="product:price:amount" content="24.90">'
        '<meta property="product:price:currency" content="EUR">'
        '<meta property="product:availability" content="in stock">'
    )
    assert _offers(head) == [Offer(24.9, "EUR", "InStock", "opengraph")]


def test_open_graph_og_prefix_is_read_as_product() -> None:
    head = (
        '<meta property="og:price:amount" content="12">'
        '<meta property="og:price:currency" content="CHF">'
        '<meta property="og:availability" content="out of stock">'
    )
    assert _offers(head) == [Offer(12.0, "CHF", "OutOfStock", "opengraph")]


def test_open_graph_first_value_of_a_property_wins() -> None:
    head = (
        '<meta property="product:price:amount" content="30">'
        '<meta property="og:price:amount" content="99">'
    )
    assert _offers(head) == [Offer(30.0, None, None, "opengraph")]


def test_json_ld_lists_take_their_first_value() -> None:
    data = '{"@type": "Offer", "price": ["19.90", "25"], "priceCurrency": ["EUR", "USD"]}'
    assert _offers(_jsonld(data)) == [Offer(19.9, "EUR", None, "json-ld")]


def test_json_ld_price_specification_list() -> None:
    data = (
        '{"@type": "Offer", "priceCurrency": "EUR",'
        ' "priceSpecification": [{"price": "7.50"}, {"price": "9"}],'
        ' "availability": "https://schema.org/PreOrder"}'
    )
    assert _offers(_jsonld(data)) == [Offer(7.5, "EUR", "PreOrder", "json-ld")]


def test_json_ld_comes_before_microdata_and_open_graph() -> None:
    head = _jsonld('{"@type": "Offer", "price": 5, "priceCurrency": "EUR"}')
    head += '<meta property="product:price:amount" content="6">'
    body = (
        '<div itemscope itemtype="https://schema.org/Offer">'
        '<meta itemprop="price" content="7"><meta itemprop="priceCurrency" content="EUR"></div>'
    )
    assert _offers(head, body) == [Offer(5.0, "EUR", None, "json-ld")]
    assert _offers(head.split("<meta")[0].replace("5", "x"), body) == [
        Offer(7.0, "EUR", None, "microdata")
    ]


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1299.00", 1299.0),
        ("1.299", 1.299),  # the schema.org form: a decimal point
        ("1.299,00 €", 1299.0),
        (" 49 ", 49.0),
        (49, 49.0),
        (0, None),
        ("0", None),
        (True, None),
        ("", None),
        ("gratuit", None),
        (2e9, 2e9),  # a plain number is taken as written
        ("2000000000", None),
    ],
)
def test_amounts(value: object, number: float | None) -> None:
    assert amount(value) == number


@pytest.mark.parametrize(
    ("availability", "short"),
    [
        ('"https://schema.org/InStock"', "InStock"),
        ('"https://schema.org/SoldOut/"', "SoldOut"),  # a trailing slash
        ('"in_stock"', "InStock"),  # Google Merchant's spelling
        ('"pre order"', "PreOrder"),
        ('["https://schema.org/OutOfStock", "https://schema.org/InStock"]', "OutOfStock"),
        ("[]", None),
        ('{"@id": "https://schema.org/LimitedAvailability"}', "LimitedAvailability"),
        ('{"name": "Discontinued"}', "Discontinued"),
        ('{"@id": "https://schema.org/InStock", "name": "En stock"}', "InStock"),
        ('"  "', None),
        ("42", None),
    ],
)
def test_availability_in_its_schema_org_short_name(availability: str, short: str | None) -> None:
    data = f'{{"@type": "Offer", "price": 10, "availability": {availability}}}'
    assert _offers(_jsonld(data)) == [Offer(10.0, None, short, "json-ld")]


def test_a_currency_that_is_not_a_code_is_unknown() -> None:
    data = '{"@type": "Offer", "price": 10, "priceCurrency": 978}'
    assert _offers(_jsonld(data)) == [Offer(10.0, None, None, "json-ld")]
