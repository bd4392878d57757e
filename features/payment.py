"""Payment features: which methods a site shows (logos and text) and which its checkout really
offers. Card and PayPal can be charged back; transfers, money orders, crypto and prepaid vouchers
cannot, which is why fake shops push them.

What the checkout offers is read from its form (features/checkout.py), never from the logos of
the footer that every page, the checkout too, repeats. A checkout page that was blocked (403, a
bot challenge), or linked but not captured, leaves the checkout facts unknown rather than empty,
and so are the protected methods the captured pages do not show (models/table.py sets them on the
side that does not raise the score: see UNKNOWN_CHECKOUT_AS in the catalogue).
"""

from __future__ import annotations

from features.blocked import block_reason
from features.checkout import METHOD_LISTS, checkout_offers, form_choices, methods_named
from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]

METHODS = tuple(METHOD_LISTS)
PROTECTED = ("card", "paypal", "wallet", "deferred", "cod")
IRREVERSIBLE = ("transfer", "money_transfer", "crypto")  # vouchers count as money transfers
_CHECKOUT_FACTS = ("pay_protected_offered", "pay_irreversible_only", "pay_logo_checkout_mismatch")


def methods_in(text: str) -> set[str]:
    """The payment methods a text or a bag of logo words names."""
    return methods_named(text)


def payment_features(pages: list[ParsedPage], blocked: dict[str, str] | None = None) -> Row:
    """Methods shown anywhere, methods offered at checkout, and whether the two disagree.
    `blocked` maps the roles whose every page was blocked to why (features/blocked.py)."""
    logos: set[str] = set()
    shown: set[str] = set()
    in_forms: set[str] = set()  # what checkout forms let a buyer choose
    in_checkout_text: set[str] = set()  # what checkout and cart pages without such a form say
    checkout_read = False
    for page in pages:
        if block_reason(page) is not None:
            continue  # a wall's own logos or words say nothing of the shop
        logos |= methods_in(page.logo_words)
        shown |= methods_in(page.text)
        # Any page whose form offers payment choices is a checkout (one-page checkouts live
        # under any URL); a checkout or cart page without one says what it offers in its text.
        choices = form_choices(page)
        if choices:
            checkout_read = True
            in_forms |= set().union(*choices)
        elif "checkout" in page.roles:
            checkout_read = True
            in_checkout_text |= checkout_offers(page) or set()
    # A form's choices are what the buyer can pick; a cart's "we accept" icons come second.
    at_checkout = in_forms or in_checkout_text
    shown |= logos | at_checkout
    checkout_blocked = bool(blocked and "checkout" in blocked) and not checkout_read
    # What a buyer can really use: the checkout when it was read, else everything shown.
    offered = at_checkout if at_checkout else shown
    row: Row = {f"pay_{method}": method in shown for method in METHODS}
    # Protected methods only: adding a transfer option to a shop must not make it look safer.
    row["pay_protected_count"] = len(shown & set(PROTECTED))
    row["pay_checkout_found"] = True if checkout_read else (None if checkout_blocked else False)
    row["pay_protected_offered"] = bool(offered & set(PROTECTED)) if offered else None
    row["pay_irreversible_only"] = (
        bool(offered) and not offered & set(PROTECTED) and bool(offered & set(IRREVERSIBLE))
    )
    # Card logos on the site, and a checkout whose form offers none of the protected methods.
    row["pay_logo_checkout_mismatch"] = (
        bool(logos & set(PROTECTED)) and not at_checkout & set(PROTECTED) if at_checkout else None
    )
    if checkout_blocked:
        for name in _CHECKOUT_FACTS:
            row[name] = None
        # What the unread checkout offers is unknown: a protected method the captured pages do
        # not show may be there (product pages seldom show every logo). Shown ones stay shown.
        for method in PROTECTED:
            if method not in shown:
                row[f"pay_{method}"] = None
        if len(shown & set(PROTECTED)) < len(PROTECTED):
            row["pay_protected_count"] = None
    return row
