import gzip
import os
from pathlib import Path

import pytest

from capture.charset import decode_html
from features.blocked import blocked_roles
from features.checkout import checkout_offers, form_choices
from features.parse import ParsedPage, parse_site
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
    # Prepaid vouchers are cash sent on, like a money order: one method.
    assert methods_in("Paiement par coupon PCS ou Transcash") == {"money_transfer"}
    assert methods_in("We accept Bitcoin (BTC) and Western Union") == {"crypto", "money_transfer"}
    assert methods_in("Zahlung per Vorkasse (Überweisung)") == {"transfer"}


def test_quantities_in_pieces_are_not_vouchers() -> None:
    assert "money_transfer" not in methods_in("Lot de 12 pcs, livraison offerte")


# Checkout pages in the markup of each platform, with the footer's card logos that every page of
# the shop repeats, the checkout too (tests/features/pages/checkout/).
PAGES = Path(__file__).parent / "pages" / "checkout"
SHOP_HOME = shop_home(
    '<a href="/checkout">Checkout</a><img src="/img/visa.svg" alt="Visa">'
    '<svg><title>Mastercard</title></svg><span class="payment-icon payment-icon--amex"></span>'
)


def _checkout(fixture: str, path: str = "/checkout") -> dict:
    html = (PAGES / fixture).read_text(encoding="utf-8")
    return _pay({"https://shop.invalid/": SHOP_HOME, f"https://shop.invalid{path}": html})


def _offers(fixture: str) -> set[str]:
    html = (PAGES / fixture).read_text(encoding="utf-8")
    page = parse_site(make_site({"https://shop.invalid/checkout": html}))[0]
    return checkout_offers(page) or set()


@pytest.mark.parametrize(
    ("fixture", "path", "offered"),
    [
        ("shopify_transfer_only.html", "/51234567/checkouts/c1d2e3f4", {"transfer"}),
        ("woocommerce_transfer_only.html", "/commande/", {"transfer"}),
        ("prestashop_transfer_only.html", "/commande", {"transfer"}),
        ("magento_transfer_only.html", "/checkout/", {"transfer", "money_transfer"}),
        ("wix_transfer_only.html", "/checkout", {"transfer"}),
        ("custom_select_transfer.html", "/valider-commande.php", {"transfer", "money_transfer"}),
    ],
)
def test_card_logos_with_a_transfer_only_checkout_are_a_mismatch(
    fixture: str, path: str, offered: set[str]
) -> None:
    assert _offers(fixture) == offered  # the form's choices, not the footer's logos
    row = _checkout(fixture, path)
    assert row["pay_card"] is True  # the logos are shown...
    assert row["pay_checkout_found"] is True
    assert row["pay_protected_offered"] is False  # ...but the checkout offers none of them
    assert row["pay_irreversible_only"] is True
    assert row["pay_logo_checkout_mismatch"] is True


@pytest.mark.parametrize(
    ("fixture", "offered"),
    [
        ("woocommerce_card_and_cod.html", {"card", "cod"}),
        ("shopware_cod_and_transfer.html", {"transfer", "cod"}),
        ("custom_sprites_card.html", {"card", "transfer"}),
    ],
)
def test_checkout_offering_a_protected_method_is_no_mismatch(
    fixture: str, offered: set[str]
) -> None:
    assert _offers(fixture) == offered
    row = _checkout(fixture)
    assert row["pay_protected_offered"] is True
    assert row["pay_irreversible_only"] is False
    assert row["pay_logo_checkout_mismatch"] is False


@pytest.mark.parametrize(
    "fixture", ["woocommerce_card_and_cod.html", "shopware_cod_and_transfer.html"]
)
def test_cash_on_delivery_offered_at_checkout(fixture: str) -> None:
    assert _checkout(fixture)["pay_cod"] is True


@pytest.mark.parametrize(
    "wording",
    [
        "Paiement à la livraison",
        "Paiement contre-remboursement",
        "Versand per Nachnahme",
        "Pagamento in contrassegno",
        "Pago contra reembolso",
        "Cash on delivery available",
    ],
)
def test_cash_on_delivery_in_every_language(wording: str) -> None:
    assert "cod" in methods_in(wording)
    assert _pay({"https://shop.invalid/": shop_home("", f"<p>{wording}</p>")})["pay_cod"] is True


def test_gateway_code_cod_counts_only_in_a_form_field() -> None:
    form = (
        '<html><body><form><ul class="payment_methods"><li><input type="radio"'
        ' name="payment_method" value="cod" id="p1"><label for="p1">Option 2</label></li>'
        "</ul></form></body></html>"
    )
    assert _checkout_html(form)["pay_cod"] is True
    # "COD" in running text is a game, an abbreviation, not a payment method.
    assert methods_in("Les meilleurs jeux COD à prix réduit") == set()


def _checkout_html(html: str) -> dict:
    return _pay({"https://shop.invalid/": SHOP_HOME, "https://shop.invalid/checkout": html})


def test_a_cart_without_payment_choices_reads_its_text_not_its_footer() -> None:
    cart = (
        "<html><head><title>Panier</title></head><body><h1>Votre panier</h1>"
        "<p>Règlement par virement bancaire uniquement.</p>"
        '<footer><img src="/visa.png" alt="Visa"><img src="/mc.png" alt="Mastercard"></footer>'
        "</body></html>"
    )
    row = _pay({"https://shop.invalid/": SHOP_HOME, "https://shop.invalid/panier": cart})
    assert row["pay_logo_checkout_mismatch"] is True


def test_blocked_checkout_leaves_its_facts_unknown() -> None:
    wall = (
        "<html><head><title>Just a moment...</title></head><body>"
        "<div id='cf-chl-widget'>Checking your browser</div>"
        "<script>window._cf_chl_opt={cvId:'3'}</script></body></html>"
    )
    site = make_site({"https://shop.invalid/": SHOP_HOME, "https://shop.invalid/checkout": wall})
    pages = parse_site(site)
    row = payment_features(pages, blocked_roles(pages))
    assert row["pay_checkout_found"] is None
    assert row["pay_logo_checkout_mismatch"] is None
    assert row["pay_protected_offered"] is None
    assert row["pay_card"] is True  # what the readable pages show stays known


# Real checkout pages of genuine shops (../shared/corpora/real-shops), read in place.
REAL = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real-shops"


def _real_page(case_id: str, url: str) -> ParsedPage:
    if not REAL.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{REAL} is missing: CI must have ../shared")
        pytest.skip("../shared/corpora/real-shops is not here (outside CI)")
    raw = gzip.decompress((REAL / "pages" / f"{case_id}.html.gz").read_bytes())
    html, _charset = decode_html(raw, None)
    return parse_site(make_site({url: html}))[0]


def test_real_italian_order_form_offers_paypal_transfer_cod_and_postepay() -> None:
    # musichousebari.it's order form: radios PayPal, bonifico, contrassegno, Postepay.
    page = _real_page("forma-034", "http://www.musichousebari.it/ordina.asp?id=1093")
    assert checkout_offers(page) == {"paypal", "transfer", "cod", "card"}
    row = payment_features([page])
    assert row["pay_cod"] is True and row["pay_paypal"] is True
    assert row["pay_irreversible_only"] is False and row["pay_logo_checkout_mismatch"] is False


@pytest.mark.parametrize(
    ("case_id", "url"),
    [
        ("forma-029", "http://www.dragees-massardier.fr/boutique/coordonnees_enregistrement.cfm"),
        ("forma-085", "https://shop.dunkindonuts.com/checkout/login.aspx"),
    ],
)
def test_real_checkout_steps_without_payment_choices_offer_nothing(case_id: str, url: str) -> None:
    # An account or address step: its radios (civility, customer type) are not payment choices.
    page = _real_page(case_id, url)
    assert form_choices(page) is None
    assert payment_features([page])["pay_logo_checkout_mismatch"] in (None, False)


@pytest.mark.parametrize(
    ("case_id", "url", "methods"),
    [
        # mindfactory.de's footer: "Vorkasse, sofortüberweisung.de, PayPal, Nachnahme".
        ("forma-006", "http://www.mindfactory.de/", {"pay_transfer", "pay_paypal", "pay_cod"}),
        # notebooksbilliger.de's "Zahlungsweisen": Vorkasse, Nachnahme.
        ("forma-009", "http://www.notebooksbilliger.de/", {"pay_transfer", "pay_cod"}),
    ],
)
def test_real_german_shops_show_the_methods_a_reader_sees(
    case_id: str, url: str, methods: set[str]
) -> None:
    row = payment_features([_real_page(case_id, url)])
    assert all(row[name] is True for name in methods)


def test_method_patterns_capture_only_their_named_groups() -> None:
    """methods_named maps a match's group index to its method: a capturing group inside a word
    list would shift the indexes and name the wrong method."""
    from features.checkout import _named

    for with_codes in (False, True):
        rx, method_of = _named(with_codes)
        assert rx.groups == len(rx.groupindex) == len(method_of)
