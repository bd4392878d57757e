"""A page's structured data (JSON-LD and microdata), read with extruct once per page: prices
(features/offers.py) and product listings (features/listings.py) both read it, and extruct's
microdata reader is the costliest step of either.

extruct's RDFa reader is left out on purpose: it costs about 33 times a bare parse per page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import html_text
from extruct.jsonld import JsonLdExtractor
from extruct.w3cmicrodata import LxmlMicrodataExtractor
from lxml import etree

from features.parse import MICRODATA_MARK, ParsedPage

# Cheap substring tests on the raw HTML: extruct runs only where one of these is present (the
# microdata mark lives in features/parse.py, which keeps lxml.html elements where it shows).
JSONLD_MARK = "application/ld+json"


# What extruct's cleaner takes out of a property's element before reading its text (its
# `cleaner` in extruct/w3cmicrodata.py): scripts, styles, links, meta, comments, processing
# instructions. It also renames <image> to <img>: such an element goes to the cleaner too.
_CLEANED = (etree.Comment, etree.ProcessingInstruction, "script", "style", "link", "meta", "image")


class _Microdata(LxmlMicrodataExtractor):  # type: ignore[misc]
    """extruct's microdata reader, reading a property's text without its deep copy where that
    changes nothing. extruct cleans a copy of every element whose text it reads (a whole
    product box for an item without properties), which cost more than the rest of the reader;
    an element holding nothing the cleaner removes gives the same text read in place."""

    def _extract_textContent(self, node: etree._Element) -> str:  # extruct names it so
        if next(node.iter(*_CLEANED), None) is None:
            return str(html_text.etree_to_text(node))
        return str(super()._extract_textContent(node))


def schema_types(item: dict[str, Any]) -> set[str]:
    """The schema.org types an extruct item declares, as short names ('Product', 'Offer')."""
    kind = item.get("@type", item.get("type", ()))
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {str(k).rstrip("/").rsplit("/", 1)[-1] for k in kinds}


def walk_items(items: list[Any]) -> Iterator[dict[str, Any]]:
    """Every object in extruct's output, however deeply nested (an @graph, an ItemList, a
    Product's offers, microdata's `properties`), depth first in document order."""
    stack: list[Any] = list(reversed(items))  # reversed pushes keep document order
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.extend(reversed([v for v in item.values() if isinstance(v, dict | list)]))


def _read(page: ParsedPage, kind: str) -> list[Any]:
    if page.tree is None:
        return []
    try:
        if kind == "json-ld":
            return list(JsonLdExtractor().extract_items(page.tree))
        return list(_Microdata().extract_items(page.tree, page.url))
    # extruct raises whatever its JSON and lxml readers raise on broken markup (ValueError,
    # TypeError, AttributeError on a tree without <head>...): that source simply has no items
    except Exception:
        return []


def _items(page: ParsedPage, kind: str, mark: str) -> list[Any]:
    if mark not in page.html:
        return []
    found = page.memo.get(kind)
    if found is None:
        found = page.memo[kind] = _read(page, kind)
    return found  # type: ignore[return-value]


def jsonld_items(page: ParsedPage) -> list[Any]:
    """The page's JSON-LD items ([] when none or unreadable), read once per page."""
    return _items(page, "json-ld", JSONLD_MARK)


def microdata_items(page: ParsedPage) -> list[Any]:
    """The page's microdata items ([] when none or unreadable), read once per page."""
    return _items(page, "microdata", MICRODATA_MARK)
