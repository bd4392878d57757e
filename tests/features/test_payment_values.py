"""The payment family's whole row on two hand-written shops with the same card and PayPal logos:
one whose checkout form offers a card, one whose form offers only a transfer and Bitcoin. Each
value is worked out in the comments from what the pages show and what the form offers.
(tests/features/test_payment.py holds the platform markups and real pages.)"""

from __future__ import annotations

from features.parse import parse_site
from features.payment import payment_features
from tests.features.sites import make_site, shop_home

LOGOS = (
    '<img src="/img/visa.svg" alt=""><img src="/img/mastercard.svg"><img alt="PayPal" src="/p.png">'
)


def _checkout(*choices: tuple[str, str]) -> str:
    radios = "".join(
        f'<label><input type="radio" name="payment_method" value="{value}"> {label}</label>'
        for value, label in choices
    )
    return f"<html><body><h1>Commande</h1><form>{radios}</form></body></html>"


def _row(checkout: str) -> dict:
    site = make_site(
        {
            "https://shop.invalid/": shop_home(LOGOS),
            "https://shop.invalid/commande": checkout,
        }
    )
    return payment_features(parse_site(site))


def test_a_checkout_offering_a_card_under_card_logos() -> None:
    # Logos: card (Visa, Mastercard), PayPal. Form: a card, a transfer.
    # Shown: card, paypal, transfer; protected shown: card and paypal (2). Offered at checkout:
    # card and transfer: a protected method is offered, so not "irreversible only", and the
    # logos' card is there: no mismatch.
    assert _row(_checkout(("card", "Carte bancaire"), ("bacs", "Virement bancaire"))) == {
        "pay_card": True,
        "pay_paypal": True,
        "pay_wallet": False,
        "pay_deferred": False,
        "pay_cod": False,
        "pay_transfer": True,
        "pay_money_transfer": False,
        "pay_crypto": False,
        "pay_protected_count": 2,
        "pay_checkout_found": True,
        "pay_protected_offered": True,
        "pay_irreversible_only": False,
        "pay_logo_checkout_mismatch": False,
    }


def test_a_checkout_offering_only_irreversible_methods_under_card_logos() -> None:
    # Same logos. Form: a transfer, Bitcoin. Shown: card, paypal (logos), transfer, crypto.
    # Offered: transfer and crypto only: no protected method, all irreversible, and the card
    # logos promise what the checkout does not offer: a mismatch.
    assert _row(_checkout(("bacs", "Virement bancaire"), ("btc", "Bitcoin"))) == {
        "pay_card": True,
        "pay_paypal": True,
        "pay_wallet": False,
        "pay_deferred": False,
        "pay_cod": False,
        "pay_transfer": True,
        "pay_money_transfer": False,
        "pay_crypto": True,
        "pay_protected_count": 2,
        "pay_checkout_found": True,
        "pay_protected_offered": False,
        "pay_irreversible_only": True,
        "pay_logo_checkout_mismatch": True,
    }


def test_without_a_checkout_what_is_shown_is_what_is_offered() -> None:
    # No form anywhere: the offer is everything shown (card, paypal), nothing to compare.
    row = payment_features(parse_site(make_site({"https://shop.invalid/": shop_home(LOGOS)})))
    assert (row["pay_checkout_found"], row["pay_protected_offered"]) == (False, True)
    assert (row["pay_irreversible_only"], row["pay_logo_checkout_mismatch"]) == (False, None)
    assert row["pay_protected_count"] == 2
