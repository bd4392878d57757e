"""Is a captured site a shop at all? A portal, a bank or a news site reported by mistake has no
product, price, cart or checkout; its score stands, but triage should route it elsewhere.

Read from the feature row, so that the Scorer (and a stored table) can tell without the pages."""

from __future__ import annotations

from collections.abc import Mapping

# What a shop shows somewhere: a cart or checkout, a priced offer in structured data, a former
# price struck through, a price in the catalogue's range, a discount against a former price, or a
# way to pay. Any one of them is enough: a single product page of a real shop may show only one.
SHOP_SIGNS: tuple[str, ...] = (
    "pay_checkout_found",
    "price_jsonld_offers",
    "price_struck_count",
    "price_min_over_median",
    "price_max_discount",
    "pay_protected_count",
    "pay_transfer",
    "pay_money_transfer",
    "pay_crypto",
    "pay_voucher",
    "pay_cod",
    "pay_deferred",
)


def _present(value: object) -> bool:
    if value is None:
        return False
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return number == number and number > 0  # NaN (unknown) is not a sign


def is_shop(row: Mapping[str, object]) -> bool:
    """True when any sign of a shop was found in a feature row (names as in the catalogue)."""
    return any(_present(row.get(name)) for name in SHOP_SIGNS)
