"""Payment features: which methods a site shows (logos and text) and which its checkout really
offers. Card and PayPal can be charged back; transfers, money orders, crypto and prepaid vouchers
cannot, which is why fake shops push them."""

from __future__ import annotations

from features.lexicon import combined
from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]

METHODS = {
    "card": "PAY_CARD",
    "paypal": "PAY_PAYPAL",
    "wallet": "PAY_WALLET",
    "deferred": "PAY_DEFERRED",
    "cod": "PAY_COD",
    "transfer": "PAY_TRANSFER",
    "money_transfer": "PAY_MONEY_TRANSFER",
    "crypto": "PAY_CRYPTO",
    "voucher": "PAY_VOUCHER",
}
PROTECTED = ("card", "paypal", "wallet", "deferred", "cod")
IRREVERSIBLE = ("transfer", "money_transfer", "crypto", "voucher")


def methods_in(text: str) -> set[str]:
    """The payment methods a text or a bag of logo words names."""
    by_list = {name: method for method, name in METHODS.items()}
    return {by_list[m.lastgroup] for m in combined(tuple(by_list)).finditer(text) if m.lastgroup}


def payment_features(pages: list[ParsedPage]) -> Row:
    """Methods shown anywhere, methods offered at checkout, and whether the two disagree."""
    logos: set[str] = set()
    shown: set[str] = set()
    for page in pages:
        logos |= methods_in(page.logo_words)
        shown |= methods_in(page.text)
    shown |= logos
    checkout_pages = [p for p in pages if "checkout" in p.roles]
    at_checkout: set[str] = set()
    for page in checkout_pages:
        at_checkout |= methods_in(page.text) | methods_in(page.logo_words)
    # What a buyer can really use: the checkout when it was captured, else everything shown.
    offered = at_checkout if checkout_pages else shown
    row: Row = {f"pay_{method}": method in shown for method in METHODS}
    # Protected methods only: adding a transfer option to a shop must not make it look safer.
    row["pay_protected_count"] = len(shown & set(PROTECTED))
    row["pay_checkout_found"] = bool(checkout_pages)
    row["pay_protected_offered"] = bool(offered & set(PROTECTED)) if offered else None
    row["pay_irreversible_only"] = (
        bool(offered) and not offered & set(PROTECTED) and bool(offered & set(IRREVERSIBLE))
    )
    row["pay_logo_checkout_mismatch"] = (
        bool(logos & set(PROTECTED)) and bool(at_checkout) and not at_checkout & set(PROTECTED)
        if checkout_pages
        else None
    )
    return row
