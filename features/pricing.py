"""Price features: struck-through former prices and how deep the discounts go, from JSON-LD
offers and the visible markup."""

from __future__ import annotations

import json
import re

from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]
_AMOUNT = re.compile(r"(\d{1,3}(?:[ .\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)")
_OLD_PRICE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:compare|old|was|regular|before|strike|barr[ée]?|crossed|original|ancien)", re.I
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


def _discounts(page: ParsedPage) -> list[float]:
    """Discount depth for each former price shown beside a current one on a page."""
    if page.tree is None:
        return []
    out: list[float] = []
    for old in page.tree.xpath("//del | //s | //strike | //*[@class]"):
        if old.tag not in ("del", "s", "strike") and not _OLD_PRICE_CLASS.search(
            old.get("class", "")
        ):
            continue
        before = parse_amount(old.text_content())
        parent = old.getparent()
        if before is None or parent is None or before <= 0:
            continue
        rest = parent.text_content().replace(old.text_content(), " ", 1)
        now = parse_amount(rest)
        if now is not None and 0 < now < before:
            out.append(1 - now / before)
    return out


def pricing_features(pages: list[ParsedPage]) -> Row:
    discounts: list[float] = []
    prices: list[float] = []
    pages_with_discount = 0
    for page in pages:
        found = _discounts(page)
        discounts.extend(found)
        pages_with_discount += bool(found)
        prices.extend(_jsonld_prices(page))
    return {
        "price_struck_count": len(discounts),
        "price_max_discount": round(max(discounts), 3) if discounts else 0.0,
        "price_mean_discount": round(sum(discounts) / len(discounts), 3) if discounts else 0.0,
        "price_share_pages_discounted": round(pages_with_discount / len(pages), 3)
        if pages
        else 0.0,
        "price_jsonld_offers": len(prices),
    }
