"""Price features: struck-through former prices and how deep the discounts go, the prices of the
catalogue (structured data first, the visible price elements otherwise) and the bait price far
below the rest.

Amounts in visible text are read with price-parser (every European format: '1.299,00 €',
'€1,299.00', 'CHF 49.-'); structured offers come from `features.offers` (extruct).
"""

from __future__ import annotations

import re
import statistics

from lxml import etree
from price_parser import Price

from features.offers import structured_offers
from features.parse import ParsedPage, element_text, markup_of

Row = dict[str, float | int | bool | None]

# A class token naming a former price, on any platform: compare-at-price and price--compare
# (Shopify), old-price (Magento), regular-price (PrestaShop, WooCommerce blocks), list-price
# (Shopware), was-price, price-old, prix-barre, strike/strikethrough, crossed. Shopify's
# "price-item--regular" (the current price when nothing is on sale) and Shopware's
# "product-price-with-list-price" (the current price beside a list price) must not match.
_OLD_PRICE_CLASS = re.compile(
    r"compare|strike|crossed|line-?through"
    r"|(?:old|was|before|regular|original|list|ancien|rrp|msrp|uvp)[-_]*(?:price|prix|preis)"
    r"|(?:price|prix|preis)[-_]*(?:old|was|before|original|barr[ée]e?|ancien)",
    re.IGNORECASE,
)
_NOT_OLD_CLASS = re.compile(r"with", re.IGNORECASE)
_PRICE_CLASS = re.compile(r"price|prix|preis|precio|prezzo|amount", re.IGNORECASE)
_HIDDEN_CLASS = re.compile(r"screen-reader|sr-only|visually-hidden|visuallyhidden", re.IGNORECASE)
_STRUCK_TAGS = frozenset({"del", "s", "strike"})

# Candidates, narrowed by plain substring tests over the page's elements (features/markup.py):
# struck tags, line-through styles, and elements whose class names a price or a former price.
# `_is_struck` then reads each candidate's class token by token. Fragments ("rice", "mount")
# match both cases of the first letter.
_CANDIDATE_CLASS = re.compile("rice|RICE|prix|reis|ompare|trike|mount")
_STRUCK_STYLE = "line-through"
_MAX_BLOCK = 400  # a larger block around a former price is a product list, not one price box
_MAX_PRICE_TEXT = 160  # a price element with more text is a container, not one price


def parse_amount(text: str) -> float | None:
    """'1.299,00 €' -> 1299.0; '€1,299.00' -> 1299.0; 'CHF 49.-' -> 49.0; None when none."""
    value = Price.fromstring(text).amount_float
    return value if value is not None and 0 < value < 1e9 else None


def _price(text: str) -> tuple[float | None, str | None]:
    parsed = Price.fromstring(text)
    value = parsed.amount_float
    return (value if value is not None and 0 < value < 1e9 else None), parsed.currency


def _classes(element: etree._Element) -> str:
    return element.get("class") or ""


def _is_struck(element: etree._Element) -> bool:
    if element.tag in _STRUCK_TAGS or "line-through" in (element.get("style") or ""):
        return True
    return any(
        _OLD_PRICE_CLASS.search(token) and not _NOT_OLD_CLASS.search(token)
        for token in _classes(element).split()
    )


def _inside(element: etree._Element, chosen: set[etree._Element]) -> bool:
    return any(ancestor in chosen for ancestor in element.iterancestors())


def _looks_like_price(element: etree._Element) -> float | None:
    """The amount an element beside a former price shows, when it reads as a price: it has a
    currency, or its class or itemprop says price, or it is the <ins> of a del/ins pair."""
    if not isinstance(element.tag, str) or _HIDDEN_CLASS.search(_classes(element)):
        return None
    if _is_struck(element):
        return None
    value, currency = _price(element_text(element))
    if value is None:
        return None
    if currency or element.tag == "ins" or _PRICE_CLASS.search(_classes(element)):
        return value
    if "price" in (element.get("itemprop") or ""):
        return value
    return None


def _price_beside(old: etree._Element) -> float | None:
    """The current price shown next to a former one: a sibling that reads as a price (after it
    first, then before it), or else the small block holding both, minus the former price."""
    for sibling in (*list(old.itersiblings())[:3], *list(old.itersiblings(preceding=True))[:3]):
        value = _looks_like_price(sibling)
        if value is not None:
            return value
    parent = old.getparent()
    if parent is None:
        return None
    block = element_text(parent)
    if len(block) > _MAX_BLOCK:
        return None
    return parse_amount(block.replace(element_text(old), " ", 1))


def _candidates(page: ParsedPage) -> list[etree._Element]:
    """What `//del | //s | //strike | //*[contains(@style,'line-through')] | //*[contains(@class,
    <a _CANDIDATE_CLASS fragment>)]` selects, in document order, on a page with a tree."""
    markup = markup_of(page)
    priced = markup.classes_matching(_CANDIDATE_CLASS)
    # Styles are read only on a page whose source holds the words: libxml2's `contains(@style,
    # ...)` copies every element's attribute (0.6 ms on a real page, more than the rest of this
    # family), a search of the source takes a tenth of that. A style spelt with character
    # references ("line&#45;through") is missed, as it is by anyone reading the source.
    styled = _STRUCK_STYLE in page.html
    return [
        element
        for element, tag, classes in markup.where()
        if tag in _STRUCK_TAGS
        or classes in priced
        or (styled and _STRUCK_STYLE in (element.get("style") or ""))
    ]


def _read_page(page: ParsedPage) -> tuple[list[float], list[float]]:
    """(discounts, visible current prices) of one page.

    A discount is 1 - current/former for each former price shown beside a lower current one.
    Visible prices are the outermost price elements, their struck parts removed."""
    if page.tree is None:
        return [], []
    struck: list[etree._Element] = []
    struck_set: set[etree._Element] = set()
    price_elements: list[etree._Element] = []
    for element in _candidates(page):
        if _is_struck(element):
            if not _inside(element, struck_set):  # a <del> inside an old-price box: once
                struck.append(element)
                struck_set.add(element)
        elif _PRICE_CLASS.search(_classes(element)):
            price_elements.append(element)
    discounts: list[float] = []
    for old in struck:
        before = parse_amount(element_text(old))
        if before is None:
            continue
        now = _price_beside(old)
        if now is not None and now < before:
            discounts.append(1 - now / before)
    prices: list[float] = []
    chosen: set[etree._Element] = set()
    for element in price_elements:
        if _inside(element, chosen) or _inside(element, struck_set):
            continue
        text = element_text(element)
        if len(text) > _MAX_PRICE_TEXT:
            continue
        # The struck former price and screen-reader copies ("Original price was: £70") inside
        # the box are not the price a buyer pays.
        for inner in element.iterdescendants():
            if inner in struck_set or _HIDDEN_CLASS.search(_classes(inner)):
                text = text.replace(element_text(inner), " ", 1)
        value, currency = _price(text)
        if value is not None and currency:  # a number without a currency may be a quantity
            prices.append(value)
            chosen.add(element)
    return discounts, prices


def page_prices(page: ParsedPage) -> list[float]:
    """The visible current prices of one page (with a currency), as pricing_features reads them:
    also a sign that a site is a shop (features/shop.py)."""
    return _read_page(page)[1]


def pricing_features(pages: list[ParsedPage]) -> Row:
    """Former prices and discounts over every page, and the catalogue's prices: each page's
    structured offers, or where it has none its visible price elements."""
    discounts: list[float] = []
    prices: list[float] = []
    structured = 0
    pages_with_discount = 0
    # Among the pages that show a price: a legal notice or a contact page, captured or not,
    # must not move the share (losing a page without prices never raises a site's score).
    pages_priced = 0
    for page in pages:
        found, visible = _read_page(page)
        discounts.extend(found)
        pages_with_discount += bool(found)
        offers = [offer.price for offer in structured_offers(page)]
        structured += len(offers)
        prices.extend(offers or visible)
        pages_priced += bool(found or offers or visible)
    return {
        "price_struck_count": len(discounts),
        "price_max_discount": round(max(discounts), 3) if discounts else 0.0,
        "price_mean_discount": round(sum(discounts) / len(discounts), 3) if discounts else 0.0,
        "price_share_pages_discounted": round(pages_with_discount / pages_priced, 3)
        if pages_priced
        else 0.0,
        "price_jsonld_offers": structured,
        # A price far below the rest of the catalogue: the bait product of a fake shop.
        "price_min_over_median": (
            round(min(prices) / statistics.median(prices), 3) if len(prices) >= 3 else None
        ),
    }
