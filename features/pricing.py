"""Price features: struck-through former prices and how deep the discounts go, from JSON-LD
offers and the visible markup."""

from __future__ import annotations

import json
import re
import statistics

from lxml import etree

from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]
_AMOUNT = re.compile(r"(\d{1,3}(?:[ .\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)")
_OLD_PRICE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:compare|old|was|regular|before|strike|barr[ée]?|crossed|original|ancien)", re.I
)


# Struck-through prices: <del>, <s>, <strike>, and price elements whose class says former price
# (compare-at-price, old-price, price--was, regular-price). XPath narrows the candidates to price
# elements in C; _OLD_PRICE_CLASS then checks the class word by word.
_STRUCK_XPATH = etree.XPath(
    "//del | //s | //strike"
    " | //*[contains(@class,'price') or contains(@class,'Price') or contains(@class,'prix')]"
)


def parse_amount(text: str) -> float | None:
    """'1 299,00 €' -> 1299.0; '£49.99' -> 49.99; None when no amount."""
    match = _AMOUNT.search(text)
    if not match:
        return None
    raw = re.sub(r"[ .\u00a0\u202f](?=\d{3}\b)", "", match.group(1)).replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _jsonld_prices(page: ParsedPage) -> list[float]:
    prices: list[float] = []
    if page.tree is None:
        return prices
    for script in page.tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "price" in item:
                    amount = parse_amount(str(item["price"]))
                    if amount:
                        prices.append(amount)
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return prices


def _price_beside(old: etree._Element) -> float | None:
    """The current price shown next to a former one: in the next element, or else in the small
    block that holds both (a large block would be the whole product list)."""
    after = old.getnext()
    if after is not None:
        amount = parse_amount(after.text_content())
        if amount is not None:
            return amount
    parent = old.getparent()
    if parent is None:
        return None
    block = parent.text_content()
    if len(block) > 400:
        return None
    return parse_amount(block.replace(old.text_content(), " ", 1))


def _discounts(page: ParsedPage) -> list[float]:
    """Discount depth for each former price shown beside a current one on a page."""
    if page.tree is None:
        return []
    out: list[float] = []
    for old in _STRUCK_XPATH(page.tree):
        if old.tag not in ("del", "s", "strike") and not _OLD_PRICE_CLASS.search(
            old.get("class", "")
        ):
            continue
        before = parse_amount(old.text_content())
        if before is None or before <= 0:
            continue
        now = _price_beside(old)
        if now is not None and 0 < now < before:
            out.append(1 - now / before)
    return out


def _microdata_prices(page: ParsedPage) -> list[float]:
    if page.tree is None:
        return []
    values = page.tree.xpath(
        "//*[@itemprop='price']/@content | //*[@itemprop='price' and not(@content)]/text()"
        " | //meta[@property='product:price:amount']/@content"
    )
    return [a for a in (parse_amount(str(v)) for v in values[:200]) if a]


def pricing_features(pages: list[ParsedPage]) -> Row:
    discounts: list[float] = []
    prices: list[float] = []
    pages_with_discount = 0
    for page in pages:
        found = _discounts(page)
        discounts.extend(found)
        pages_with_discount += bool(found)
        prices.extend(_jsonld_prices(page) or _microdata_prices(page))
    return {
        "price_struck_count": len(discounts),
        "price_max_discount": round(max(discounts), 3) if discounts else 0.0,
        "price_mean_discount": round(sum(discounts) / len(discounts), 3) if discounts else 0.0,
        "price_share_pages_discounted": round(pages_with_discount / len(pages), 3)
        if pages
        else 0.0,
        "price_jsonld_offers": len(prices),
        # A price far below the rest of the catalogue: the bait product of a fake shop.
        "price_min_over_median": (
            round(min(prices) / statistics.median(prices), 3) if len(prices) >= 3 else None
        ),
    }
