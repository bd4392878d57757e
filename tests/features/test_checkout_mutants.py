"""Where a checkout choice's method may be written: each attribute _words reads (name, value, id,
class, src, alt, title, aria-label, data-module-name), one at a time, and the payment section read
with gateway codes when the form has no choice."""

from __future__ import annotations

import pytest

from features.checkout import checkout_offers, form_choices
from features.parse import ParsedPage, parse_site
from tests.features.sites import make_site


def _page(body: str) -> ParsedPage:
    html = f"<html><body><h1>Commande</h1>{body}<footer>Mentions</footer></body></html>"
    return parse_site(make_site({"https://shop.invalid/checkout": html}))[0]


@pytest.mark.parametrize(
    "choice",
    [
        '<input type="radio" name="payment[paypal]">',
        '<input type="radio" name="payment" value="paypal">',
        '<input type="radio" name="payment" id="pm-paypal">',
        '<input type="radio" name="payment" class="method paypal">',
        '<input type="radio" name="payment-option" data-module-name="paypal">',
        '<input type="radio" name="payment"><img src="/img/paypal-logo.png">',
        '<input type="radio" name="payment"><img src="/i.png" alt="PayPal">',
        '<input type="radio" name="payment"><span title="PayPal"></span>',
        '<input type="radio" name="payment"><span aria-label="PayPal"></span>',
        # A comment before the logo is skipped, not the end of the choice.
        '<input type="radio" name="payment"><!-- logo --><img src="/i.png" alt="PayPal">',
    ],
)
def test_each_attribute_of_a_choice_can_name_its_method(choice: str) -> None:
    form = f'<form><ul><li><label>{choice}</label></li><li><label><input type="radio"'
    form += ' name="payment" value="bacs"></label></li></ul></form>'
    assert form_choices(_page(form)) == [{"paypal"}, {"transfer"}]


def test_a_payment_section_is_read_with_its_gateway_codes() -> None:
    # No form choice; the section's only sign is the bacs logo's file name (a bank transfer),
    # which the page's text does not show.
    section = '<div id="payment"><img src="/icons/bacs.png"></div>'
    assert checkout_offers(_page(section)) == {"transfer"}


def test_ten_payment_sections_are_read_not_eleven() -> None:
    empty = '<div class="payment"><p>Étape</p></div>' * 10
    eleventh = '<div class="payment"><img src="/icons/bacs.png"></div>'
    assert checkout_offers(_page(empty + eleventh)) is None
    assert checkout_offers(_page(empty[: -len(empty) // 10] + eleventh)) == {"transfer"}
