"""Is a captured site a shop at all? A portal, a bank or a news site reported by mistake has no
product, price, cart or checkout; its score stands, but triage should route it elsewhere.

Read from the feature row and from the `shop_signs` context column the pipeline writes from the
parsed pages (visible prices, cart or checkout links and buttons, add-to-cart forms, product
structured data), so that the Scorer (and a stored table) can tell without the pages. The feature
row alone missed one real shop page in five: a category or home page often has prices and a cart
link but no checkout, offer markup or payment words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import re2

from features.lexicon import WORD_AFTER, WORD_BEFORE
from features.parse import ParsedPage, element_text, markup_of
from features.pricing import page_prices

# Cart, basket and checkout in the languages served and the platforms' URLs (/cart, /checkout,
# ?controller=cart, /warenkorb...). Read on links' and buttons' own words, hrefs, ids and classes.
# RE2 rather than Python's re, which tried each alternative at every position of every link's
# words (3% of extraction on real pages). RE2's \s is ASCII-only: Python's is written out.
_SEP = r"[\s\pZ\x{0b}\x{1c}-\x{1f}\x{85}_-]"  # Python's Unicode \s, "_" and "-"
_CART = re2.compile(
    rf"(?i){WORD_BEFORE}(?:add{_SEP}?to{_SEP}?(?:cart|bag|basket)|cart|basket"
    rf"|checkout|check{_SEP}out|panier|warenkorb|einkaufswagen|carrito|cesta|carrello"
    rf"|winkelwagen|minicart|shopping{_SEP}?(?:cart|bag)){WORD_AFTER}"
    rf"|/cart{WORD_AFTER}|/checkout{WORD_AFTER}|controller=(?:cart|order)"
    r"|/warenkorb|/panier|/carrito|/carrello"
)
_CLICKABLE_TAGS = frozenset({"a", "button", "form"})
_CART_ATTRIBUTES = ("href", "action", "id", "class", "name", "value", "aria-label", "title")
_CART_CHUNK = 100  # strings (an element's attributes, its text) searched at once
# Product structured data: schema.org Product in JSON-LD or microdata, or Open Graph's product.
# RE2: Python's re, case-insensitive, tried each alternative at every position of up to 1 MB
# of markup (a sixth of extraction on real pages). The word boundary after "Product" is the
# lexicon's Unicode one, since RE2's \b is ASCII-only.
_PRODUCT = re2.compile(
    rf"(?i)schema\.org/Product{WORD_AFTER}|\"@type\"\s*:\s*\[?\s*\"Product\""
    r"|og:type\"\s+content=\"product"
)

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
    # Each method shown: the count is unknown when the checkout was not read (features/payment.py)
    "pay_card",
    "pay_paypal",
    "pay_wallet",
    "pay_transfer",
    "pay_money_transfer",
    "pay_crypto",
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


def _any_cart(words: Iterable[str]) -> bool:
    """Whether _CART matches one of `words`. One search per chunk of words rather than one per
    word: joined by NUL, which no part of _CART matches and which bounds a word as a string's
    end does, a chunk matches exactly when one of its words does. Chunks keep the early exit."""
    chunk: list[str] = []
    for word in words:
        chunk.append(word)
        if len(chunk) >= _CART_CHUNK:
            if _CART.search("\x00".join(chunk)):
                return True
            chunk.clear()
    return bool(chunk) and _CART.search("\x00".join(chunk)) is not None


def _has_cart(page: ParsedPage) -> bool:
    if page.tree is None:
        return False
    # What `//a | //button | //input[@type='submit' or @type='button'] | //form` selects.
    clickables = [
        element
        for element, tag, _ in markup_of(page).where()
        if tag in _CLICKABLE_TAGS
        or (tag == "input" and element.get("type") in ("submit", "button"))
    ]
    # Their attributes first: most carts show there (/cart, class="minicart"), and reading them
    # costs a fraction of reading the texts. Then a link's own text, not a container's: a short
    # label such as "Panier (0)".
    if _any_cart(" ".join(e.get(attr) or "" for attr in _CART_ATTRIBUTES) for e in clickables):
        return True
    texts = (element_text(e) for e in clickables if e.tag != "form")
    return _any_cart(text for text in texts if len(text) < 40)


def page_shop_signs(pages: list[ParsedPage]) -> tuple[str, ...]:
    """The page-level signs of a shop found on any page, among "cart" (a cart, basket or
    checkout link, button or form), "product" (product structured data) and "price" (a visible
    price with its currency, read as features/pricing.py reads it). Cheap signs first; a costly
    one is looked for only while no sign was found."""
    signs: list[str] = []
    if any("checkout" in page.roles or _has_cart(page) for page in pages):
        signs.append("cart")
    if any(_PRODUCT.search(page.html[:1_000_000]) for page in pages):
        signs.append("product")
    if not signs and any(page_prices(page) for page in pages):
        signs.append("price")
    return tuple(signs)


def is_shop(row: Mapping[str, object]) -> bool:
    """True when any sign of a shop was found: in the feature row (names as in the catalogue) or
    in its `shop_signs` context (page_shop_signs, space-joined). A row without that context (a
    table stored before it existed) is judged on its features alone."""
    signs = row.get("shop_signs")
    if isinstance(signs, str) and signs.strip():
        return True
    return any(_present(row.get(name)) for name in SHOP_SIGNS)
