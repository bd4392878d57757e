"""A site's product listings, as the Safety Gate matcher needs them: name, brand, model number and
barcodes, read from the pages already parsed.

Structured data first (schema.org Product in JSON-LD or microdata: `name`, `brand`, `model`,
`mpn`, `gtin`, `gtin8/12/13/14`), then labelled codes in the page text ("EAN: 4006381333931",
"Réf. : KW-2231", "Modell: XYZ-123"). A barcode counts only when its check digit is right
(python-stdnum), so a typo or a phone number never makes a barcode match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from capture.safety_gate import gtins_in
from features.labels import folded, labelled
from features.parse import ParsedPage, element_text
from features.structured import jsonld_items, microdata_items, schema_types, walk_items

_PRODUCT_TYPES = {"Product", "ProductModel", "IndividualProduct", "ProductGroup"}
_GTIN_KEYS = ("gtin", "gtin13", "gtin12", "gtin14", "gtin8", "isbn")
_MAX_LISTINGS = 500  # per page: a category page of a few hundred products is plenty
# A label, then a code: digits (spaces allowed between groups) for barcodes...
_BARCODE_TEXT = re.compile(
    r"\b(?:EAN(?:[- ]?13|[- ]?8)?|GTIN(?:[- ]?1[234]|[- ]?8)?|UPC(?:[- ]?A)?|"
    r"code[- ]barres?|barcode|strichcode)\s*[:#]?\s*(\d(?:[\d ]{6,16})\d)\b",
    re.IGNORECASE,
)
# ... and a run of letters, digits and - . / for model and reference numbers (a colon or '#'
# after the label: "model" in running prose is not a label)
_MODEL_TEXT = re.compile(
    r"\b(?:mod[eè]le|modell|model|modelo|modello|type|typ|r[ée]f(?:[ée]rence)?\.?|"
    r"ref\.?|art(?:ikel)?[.-]?\s?nr\.?|artikelnummer|mpn|item\s+(?:no|number)\.?)"
    r"\s*(?:n[°o]\.?|nr\.?|number)?\s*[:#]\s*"
    # a space only between a letter or digit and a digit: "KW 2231" is one number
    r"([A-Za-z0-9](?:[A-Za-z0-9./-]|(?<=[A-Za-z0-9]) (?=\d)){1,30}[A-Za-z0-9])",
    re.IGNORECASE,
)
# The words every match of the two patterns above starts with, lower-cased (features/labels.py).
_BARCODE_WORDS = ("ean", "gtin", "upc", "code", "barcode", "strichcode")
_MODEL_WORDS = ("mod", "typ", "ref", "réf", "art", "mpn", "item")
_H1 = "//h1"


@dataclass(frozen=True)
class Listing:
    """One product a site offers, with what can identify it."""

    name: str
    brand: str = ""
    models: tuple[str, ...] = ()  # model, MPN or reference numbers as written
    gtins: tuple[str, ...] = ()  # valid barcodes, 14 digits each (see capture.safety_gate)
    url: str = ""  # the page it was read from


def _text(value: object) -> str:
    """A schema.org value as text: a string, the `name` of an object, the first of a list."""
    if isinstance(value, list):
        return _text(value[0]) if value else ""
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("properties", {}).get("name", ""))
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _listing(fields: dict[str, Any], url: str) -> Listing | None:
    """A listing from a schema.org Product's fields, None when it has nothing to identify."""
    name = _text(fields.get("name"))
    brand = _text(fields.get("brand")) or _text(fields.get("manufacturer"))
    models = tuple(dict.fromkeys(m for m in (_text(fields.get(k)) for k in ("model", "mpn")) if m))
    codes: list[str] = []
    for key in _GTIN_KEYS:
        codes.extend(gtins_in(_text(fields.get(key))))
    if not (name or models or codes):
        return None
    return Listing(name, brand, models, tuple(dict.fromkeys(codes)), url)


def _products(items: list[Any]) -> Iterator[dict[str, Any]]:
    """Every schema.org Product's fields in extruct's output, however deeply nested (an
    ItemList, an @graph, an Offer's itemOffered); microdata's fields are under `properties`."""
    for item in walk_items(items):
        if schema_types(item) & _PRODUCT_TYPES:
            properties = item.get("properties")
            yield properties if isinstance(properties, dict) else item


def structured_listings(page: ParsedPage) -> list[Listing]:
    """The products a page states in JSON-LD and microdata. Never raises: structured data that
    extruct cannot read gives no listings."""
    if page.tree is None:
        return []
    found: list[Listing] = []
    for items in (jsonld_items(page), microdata_items(page)):
        for fields in _products(items):
            listing = _listing(fields, page.url)
            if listing is not None and listing not in found:
                found.append(listing)
            if len(found) >= _MAX_LISTINGS:
                return found
    return found


def text_codes(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The labelled model numbers and valid barcodes in a page's text."""
    low = folded(text)
    labels = [m.group(1) for m in labelled(_MODEL_TEXT, text, low, _MODEL_WORDS)]
    models = [m for m in labels if any(c.isdigit() for c in m)]
    codes: list[str] = []
    for m in labelled(_BARCODE_TEXT, text, low, _BARCODE_WORDS):
        codes.extend(gtins_in(m.group(1).replace(" ", "")))
    return tuple(dict.fromkeys(models)), tuple(dict.fromkeys(codes))


def _heading(page: ParsedPage) -> str:
    """The page's main heading, else its title: the product's name on a product page."""
    if page.tree is not None:
        for h1 in page.tree.xpath(_H1):
            text = " ".join(element_text(h1).split())
            if text:
                return text
    return page.title


def page_listings(page: ParsedPage) -> list[Listing]:
    """A page's listings: its structured products, with the codes its text labels added to the
    product when it has exactly one, or as a listing of their own named by the page heading."""
    listings = structured_listings(page)
    models, codes = text_codes(page.text)
    if not (models or codes):
        return listings
    if len(listings) == 1:
        only = listings[0]
        return [
            replace(
                only,
                models=tuple(dict.fromkeys(only.models + models)),
                gtins=tuple(dict.fromkeys(only.gtins + codes)),
            )
        ]
    return [*listings, Listing(_heading(page), "", models, codes, page.url)]


def site_listings(pages: list[ParsedPage]) -> list[Listing]:
    """Every listing of a site's pages, each once (a product on its own page and on a category
    page is read twice)."""
    seen: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Listing] = {}
    for page in pages:
        for listing in page_listings(page):
            seen.setdefault((listing.name, listing.brand, listing.models, listing.gtins), listing)
    return list(seen.values())
