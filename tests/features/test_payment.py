from features.parse import parse_site
from features.payment import methods_in, payment_features
from tests.features.sites import make_site, shop_home


def _pay(pages: dict[str, str]) -> dict:
    return payment_features(parse_site(make_site(pages)))


def test_logos_in_the_footer_only_are_detected() -> None:
    footer = (
        '<img src="/assets/icons/visa-logo.svg" alt=""> <img src="/i/pp.png" alt="PayPal">'
        '<span class="payment-icon payment-icon--apple-pay"></span>'
    )
    row = _pay({"https://shop.fr/": shop_home(footer)})
    assert row["pay_card"] and row["pay_paypal"] and row["pay_wallet"]
    assert row["pay_protected_offered"] is True
    assert row["pay_irreversible_only"] is False
    assert row["pay_checkout_found"] is False
    assert row["pay_logo_checkout_mismatch"] is None  # no checkout captured: cannot compare


def test_checkout_accepting_only_transfer_despite_card_logos() -> None:
    home = shop_home(
        '<a href="/panier">Panier</a><img src="/img/visa.svg"><img src="/img/mastercard.svg">'
    )
    cart = (
        "<html><body><h1>Votre panier</h1><form><label><input type=radio> Virement bancaire"
        "</label><p>IBAN communiqué après la commande.</p></form></body></html>"
    )
    row = _pay({"https://shop.fr/": home, "https://shop.fr/panier": cart})
    assert row["pay_card"] is True  # shown
    assert row["pay_transfer"] is True
    assert row["pay_protected_offered"] is False  # but not offered where one pays
    assert row["pay_irreversible_only"] is True
    assert row["pay_logo_checkout_mismatch"] is True


def test_vouchers_crypto_and_money_transfer_are_named() -> None:
    assert methods_in("Paiement par coupon PCS ou Transcash") == {"voucher"}
    assert methods_in("We accept Bitcoin (BTC) and Western Union") == {"crypto", "money_transfer"}
    assert methods_in("Zahlung per Vorkasse (Überweisung)") == {"transfer"}


def test_quantities_in_pieces_are_not_vouchers() -> None:
    assert "voucher" not in methods_in("Lot de 12 pcs, livraison offerte")
