"""Checkout forms choice by choice (features/checkout.py): what each radio, option or lone gateway
field of a hand-written form offers, read from its own label, logos and gateway code. The
platform markups and whole rows are in tests/features/test_payment.py."""

from __future__ import annotations

from features.checkout import checkout_offers, form_choices
from features.parse import ParsedPage, parse_site
from tests.features.sites import make_site


def _page(form: str, footer: str = "") -> ParsedPage:
    html = f"<html><body><h1>Paiement</h1>{form}<footer>{footer}</footer></body></html>"
    return parse_site(make_site({"https://shop.invalid/checkout": html}))[0]


def test_each_radio_offers_what_its_own_label_and_logo_say() -> None:
    form = (
        '<form><ul class="payment-methods">'
        '<li><input type="radio" name="payment" value="m1"> <img src="/visa.svg" alt="Visa"></li>'
        '<li><input type="radio" name="payment" value="m2"> <span>PayPal</span></li>'
        '<li><input type="radio" name="payment" value="m3"> <span>Virement bancaire</span></li>'
        "</ul></form>"
    )
    # One set per choice, in the form's order: Visa is a card, then PayPal, then a transfer.
    assert form_choices(_page(form)) == [{"card"}, {"paypal"}, {"transfer"}]


def test_a_label_elsewhere_names_its_choice_by_for() -> None:
    form = (
        '<form><table><tr><td><input type="radio" id="pm7" name="payment_option"></td></tr>'
        '</table><div><label for="pm7">Payer en Bitcoin</label></div></form>'
    )
    assert form_choices(_page(form)) == [{"crypto"}]


def test_gateway_codes_count_in_form_fields() -> None:
    form = (
        '<form><div id="payment"><p><input type="radio" name="payment_method" value="bacs">'
        ' Option A</p><p><input type="radio" name="payment_method" value="cod"> Option B</p>'
        "</div></form>"
    )
    # WooCommerce's bacs is a bank transfer, cod is cash on delivery.
    assert form_choices(_page(form)) == [{"transfer"}, {"cod"}]


def test_a_lone_hidden_gateway_counts_only_without_visible_choices() -> None:
    lone = '<form><input type="hidden" name="payment_method" value="bacs"></form>'
    assert form_choices(_page(lone)) == [{"transfer"}]
    both = (
        '<form><input type="hidden" name="payment_method" value="bacs">'
        '<label><input type="radio" name="payment" value="x"> Carte bancaire</label></form>'
    )
    assert form_choices(_page(both)) == [{"card"}]


def test_terms_and_newsletter_boxes_are_no_payment_choices() -> None:
    form = (
        '<form><div class="payment"><label><input type="checkbox" name="payment_terms">'
        " J'accepte les CGV (paiement par carte)</label>"
        '<label><input type="checkbox" name="newsletter_payment"> PayPal news</label>'
        "</div></form>"
    )
    assert form_choices(_page(form)) is None


def test_select_options_are_choices() -> None:
    form = (
        '<form><select name="zahlart"><option value="1">Vorkasse / Überweisung</option>'
        '<option value="2">Kreditkarte</option></select></form>'
    )
    assert form_choices(_page(form)) == [{"transfer"}, {"card"}]


def test_without_a_form_the_payment_section_then_the_text_without_its_footer() -> None:
    section = '<div id="payment-info"><p>Règlement par virement uniquement.</p></div>'
    assert checkout_offers(_page(section, footer='<img alt="Visa" src="/v.svg">')) == {"transfer"}
    text_only = "<p>Nous acceptons PayPal.</p>"
    assert checkout_offers(_page(text_only, footer="<p>Carte bancaire, Visa</p>")) == {"paypal"}
    assert checkout_offers(_page("<p>Votre panier est vide.</p>")) is None
