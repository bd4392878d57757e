"""What a checkout lets a buyer choose: the payment choices of its form, read in the markup of the
common platforms (Shopify, WooCommerce, PrestaShop, Magento, Wix, Shopware) and of custom forms.

A shop's footer, payment logos included, is on every page, the checkout too: what the checkout
offers is what its form lets a buyer pick (radio buttons, select options, a lone hidden gateway
field) with their labels, logos (img, CSS sprites, inline SVG) and gateway codes
(`payment_method_bacs`, `ps_wirepayment`, `checkmo`, `cashondelivery`...). Without such a form,
the payment section's text, and failing that the page's text without its footer, says it.
"""

from __future__ import annotations

import re
from functools import cache

import re2
from lxml import etree

from features.lexicon import combined, groups_in
from features.parse import ParsedPage, markup_of

# The lexicon lists naming each payment method, in words and in gateway codes.
METHOD_LISTS = {
    "card": ("PAY_CARD", "GATEWAY_CARD"),
    "paypal": ("PAY_PAYPAL", "GATEWAY_PAYPAL"),
    "wallet": ("PAY_WALLET",),
    "deferred": ("PAY_DEFERRED",),
    "cod": ("PAY_COD", "GATEWAY_COD"),
    "transfer": ("PAY_TRANSFER", "GATEWAY_TRANSFER"),
    # Prepaid vouchers (PCS, Transcash, Neosurf) are cash sent on like a money order: one
    # feature for both, as vouchers alone were too rare to learn from.
    "money_transfer": ("PAY_MONEY_TRANSFER", "GATEWAY_MONEY_TRANSFER", "PAY_VOUCHER"),
    "crypto": ("PAY_CRYPTO",),
}
_LIST_METHOD = {name: method for method, names in METHOD_LISTS.items() for name in names}
_WORD_LISTS = tuple(n for n in _LIST_METHOD if n.startswith("PAY_"))
_ALL_LISTS = tuple(_LIST_METHOD)

# A field or a block is about payment when its name, id or class says so, in any language.
_PAYISH = (
    "pay",
    "Pay",
    "PAY",
    "gateway",
    "Gateway",
    "paiement",
    "zahlung",
    "Zahlung",
    "pago",
    "pagamento",
    "reglement",
    "Reglement",
    "zahlart",
    "Zahlart",
    "module_name",  # PrestaShop's payment-option radios carry data-module-name
)
_PAYISH_RX = re.compile("|".join(map(re.escape, _PAYISH)))
_FIELD_ATTRS = ("name", "id", "class", "data-module-name")
_BLOCK_ATTRS = ("id", "class", "data-module-name")
_CHOICE_TYPES = ("radio", "checkbox", "hidden")
_SECTION_XPATH = etree.XPath(
    "//*[not(self::body) and not(self::html) and not(self::script) and not(ancestor::footer)"
    " and not(ancestor-or-self::*[contains(@class,'footer') or contains(@id,'footer')])"
    " and (contains(@id,'payment') or contains(@class,'payment') or contains(@id,'paiement')"
    " or contains(@class,'paiement') or contains(@id,'zahlung') or contains(@class,'zahlung'))]"
)
_STOP_AT = {"form", "body", "html", "ul", "ol", "fieldset", "table", "tbody", "section", "select"}
_CLIMB = 4  # a choice's block: its label, its logos, rarely more than four levels up
_SEPARATORS = re.compile(r"[\[\]/_.\-=?&:]+")
_SPACES = re.compile(r"\s+")
_NOT_CHOICES = re.compile(r"terms|cgv|agb|newsletter|save|remember|billing|shipping_as", re.I)


@cache
def _named(with_codes: bool) -> tuple[re2._Regexp, dict[int, str]]:
    """The method lists as one pattern, a named group each, and each group's method by index."""
    rx = combined(_ALL_LISTS if with_codes else _WORD_LISTS)
    return rx, {index: _LIST_METHOD[name] for name, index in rx.groupindex.items()}


def methods_named(text: str, with_codes: bool = False) -> set[str]:
    """The payment methods a text (or a bag of attribute words) names; gateway codes such as
    `bacs` or `cod` only count where `with_codes` says the text is a form field's own words.
    One pass, each match a whole word ("paysafecard" is a voucher, not a card)."""
    rx, method_of = _named(with_codes)
    # Group indices, not names: re2's wrapper rebuilds its name table on every lastgroup.
    return {method_of[group] for group in groups_in(rx, text)}


def _words(element: etree._Element) -> str:
    """Everything a choice says of itself: its text, and the attributes where logos and gateway
    codes show (img src/alt/title, svg titles, aria labels, class names of sprites, values)."""
    # Text nodes joined with spaces: "<strong>Nachnahme</strong><p>Sie..." is two words.
    parts = [" ".join(element.itertext()) if element.tag != "input" else ""]
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        for attr in ("name", "value", "id", "class", "src", "alt", "title", "aria-label"):
            value = node.get(attr)
            if value:
                parts.append(value)
        parts.append(node.get("data-module-name") or "")
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", " ".join(parts)))


def _label_of(choice: etree._Element, root: etree._Element) -> str:
    """The text of the <label for=...> of a choice, wherever the label stands."""
    ident = choice.get("id")
    if not ident:
        return ""
    return " ".join(_words(lab) for lab in root.iter("label") if lab.get("for") == ident)


def _block(choice: etree._Element, choices: set[etree._Element]) -> etree._Element:
    """The largest ancestor of a choice that holds no other choice: its label, logos and text."""
    block = choice
    for _ in range(_CLIMB):
        parent = block.getparent()
        if parent is None or parent.tag in _STOP_AT:
            break
        if any(other is not choice and other in choices for other in parent.iter()):
            break
        block = parent
    return block


def _payish(element: etree._Element, attributes: tuple[str, ...]) -> bool:
    return any(_PAYISH_RX.search(element.get(name) or "") for name in attributes)


def _choice_fields(page: ParsedPage) -> list[etree._Element]:
    """The radios, checkboxes and hidden fields whose attributes, or an ancestor's, say payment,
    and the options of a select whose attributes say so, in document order: what the XPath
    `//input[@type=... and (contains(@name,'pay') or ... or ancestor::*[contains(@id,'pay')
    ...])] | //select[contains(@name,'pay') ...]//option` selects, tested in Python because
    libxml2 copies the attribute for every contains() (a millisecond a page)."""
    fields: list[etree._Element] = []
    # Whether an element's id, class or module name says payment: a form's fields share their
    # ancestors, each read once.
    blocks: dict[etree._Element, bool] = {}

    def payish_block(up: etree._Element) -> bool:
        found = blocks.get(up)
        if found is None:
            found = blocks[up] = _payish(up, _BLOCK_ATTRS)
        return found

    for element, tag, _ in markup_of(page).where():
        if tag == "input":
            if element.get("type") in _CHOICE_TYPES and (
                _payish(element, _FIELD_ATTRS)
                or any(payish_block(up) for up in element.iterancestors())
            ):
                fields.append(element)
        elif tag == "option" and any(
            up.tag == "select" and _payish(up, _FIELD_ATTRS) for up in element.iterancestors()
        ):
            fields.append(element)
    return fields


def form_choices(page: ParsedPage) -> list[set[str]] | None:
    """The payment methods of each choice the page's form offers, or None when the page has no
    payment choice (a cart, or a checkout whose payment step was not captured)."""
    if page.tree is None:
        return None
    root = page.tree
    tags = markup_of(page).tag_set
    if "input" not in tags and "select" not in tags:
        return None  # no field at all, so no choice: the walk over the elements is spared
    candidates = [c for c in _choice_fields(page) if not _NOT_CHOICES.search(c.get("name") or "")]
    # A hidden field names a gateway only when the form has no visible choice (a lone gateway).
    visible = [c for c in candidates if c.get("type") != "hidden"]
    choices = visible or candidates
    choice_set = set(choices)
    found: list[set[str]] = []
    for choice in choices:
        own = _words(choice) + " " + _label_of(choice, root)
        block = _block(choice, choice_set)
        words = own + " " + (_words(block) if block is not choice else "")
        methods = methods_named(words, with_codes=True)
        if methods:
            found.append(methods)
    return found or None


def checkout_offers(page: ParsedPage) -> set[str] | None:
    """What this checkout page lets a buyer pay with: its form's choices; else the text of its
    payment section; else its text without the footer. None when it names no method at all."""
    choices = form_choices(page)
    if choices:
        return set().union(*choices)
    if page.tree is None:
        return None
    sections = _SECTION_XPATH(page.tree)
    if sections:
        offered = methods_named(" ".join(_words(s) for s in sections[:10]), with_codes=True)
        if offered:
            return offered
    text = page.text.replace(page.footer_text, " ") if page.footer_text else page.text
    return methods_named(text) or None
