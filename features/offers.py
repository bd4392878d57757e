"""Offers in a page's structured data: price, currency and availability, read with extruct's
JSON-LD, microdata and Open Graph extractors on the tree already parsed.

extruct's RDFa extractor is left out on purpose: it costs about 33 times a bare parse per page and
shops publish their offers in JSON-LD, microdata or `product:price:*` meta tags anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from extruct.opengraph import OpenGraphExtractor
from price_parser import Price

from features.parse import OPENGRAPH_MARKS, ParsedPage
from features.structured import jsonld_items, microdata_items, schema_types, walk_items

# Open Graph: only its price properties are read, so only pages that have one are read.
_MAX_OFFERS = 500  # a category page of a few hundred products is plenty to read a catalogue
_OFFER_TYPES = {"Offer", "AggregateOffer"}


@dataclass(frozen=True)
class Offer:
    """One price a page states in its structured data."""

    price: float
    currency: str | None
    availability: str | None  # schema.org short name: InStock, OutOfStock, PreOrder...
    source: str  # "json-ld", "microdata" or "opengraph"


def amount(value: object) -> float | None:
    """A structured price as a number: schema.org asks for '1299.00', shops also write
    '1.299,00', '€ 49' or 49; price-parser reads the human forms. None for no positive amount."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value > 0 else None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        number = float(text)  # the schema.org form first: '1.299' there is one point three
    except ValueError:
        number = Price.fromstring(text).amount_float or 0.0
    return number if 0 < number < 1e9 else None


def _short(value: object) -> str | None:
    """'https://schema.org/InStock' -> 'InStock'; 'in stock' (Open Graph) -> 'InStock'."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    word = value.strip().rstrip("/").rsplit("/", 1)[-1]
    return "".join(part[:1].upper() + part[1:] for part in word.replace("_", " ").split())


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _jsonld_offers(items: list[Any]) -> Iterator[Offer]:
    """Every Offer or AggregateOffer (or any object with a price) anywhere in the JSON-LD,
    @graph and nested Product/ItemList objects included."""
    for item in walk_items(items):  # in document order: the first offer first
        price = item.get("price", item.get("lowPrice"))
        if price is None and "priceSpecification" in item:
            spec = _first(item["priceSpecification"])
            price = spec.get("price") if isinstance(spec, dict) else None
        value = amount(_first(price))
        if value is not None and (schema_types(item) & _OFFER_TYPES or "priceCurrency" in item):
            yield _offer(value, item, "json-ld")


def _offer(value: float, fields: dict[str, Any], source: str) -> Offer:
    """An offer of `value` with the currency and availability its schema.org fields state."""
    currency = _first(fields.get("priceCurrency"))
    return Offer(
        value,
        currency if isinstance(currency, str) else None,
        _short(fields.get("availability")),
        source,
    )


def _microdata_offers(items: list[Any]) -> Iterator[Offer]:
    """Offers of schema.org microdata: items whose properties hold a price."""
    stack = list(reversed(items))  # reversed pushes keep document order: the first offer first
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        props = item.get("properties", {})
        if not isinstance(props, dict):
            continue
        value = amount(_first(props.get("price", props.get("lowPrice"))))
        if value is not None:
            yield _offer(value, props, "microdata")
        stack.extend(reversed([v for v in props.values() if isinstance(v, dict | list)]))


def _opengraph_offers(items: list[Any]) -> Iterator[Offer]:
    """`product:price:amount` (or `og:price:amount`) with its currency and availability."""
    for item in items:
        props: dict[str, str] = {}
        for key, val in item.get("properties", ()):
            props.setdefault(key.replace("og:", "product:", 1), val)
        value = amount(props.get("product:price:amount"))
        if value is not None:
            yield Offer(
                value,
                props.get("product:price:currency"),
                _short(props.get("product:availability")),
                "opengraph",
            )


def structured_offers(page: ParsedPage) -> list[Offer]:
    """The offers a page states in structured data: JSON-LD first, then microdata, then Open
    Graph, the first that has any (a page often states the same price in all three).

    Never raises: a page whose structured data extruct cannot read has no offers."""
    if page.tree is None:
        return []
    tree, html = page.tree, page.html
    readers: list[Callable[[], Iterator[Offer]]] = [
        lambda: _jsonld_offers(jsonld_items(page)),
        lambda: _microdata_offers(microdata_items(page)),
    ]
    if any(mark in html for mark in OPENGRAPH_MARKS):
        readers.append(lambda: _opengraph_offers(list(OpenGraphExtractor().extract_items(tree))))
    for read in readers:
        try:
            offers = list(islice(read(), _MAX_OFFERS))
        # extruct raises whatever its JSON and lxml readers raise on broken markup (ValueError,
        # TypeError, AttributeError on a tree without <head>...): that source simply has no offers
        except Exception:
            continue
        if offers:
            return offers
    return []
