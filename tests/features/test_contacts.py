"""Identifiers on shop pages, validated by schwifty, phonenumbers and python-stdnum."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from features import contacts
from features.contacts import (
    contact_marks,
    find_bics,
    find_emails,
    find_ibans,
    find_phones,
    find_sirets,
    find_vat_numbers,
    iban_facts,
)
from features.skeleton import page_skeleton

PAYMENT = (
    "Paiement par virement. IBAN : FR14 2004 1010 0505 0001 3M02 606 BIC : PSSTFRPP. "
    "Ou bien IBAN LT12 1000 0111 0100 1000 pour nos clients. Titulaire : ACME SAS."
)


def test_a_printed_iban_is_read_up_to_its_countrys_length_and_validated() -> None:
    ibans = find_ibans(PAYMENT)
    assert [i.iban for i in ibans] == ["FR1420041010050500013M02606", "LT121000011101001000"]
    french, lithuanian = ibans
    assert french.valid and french.country == "FR" and french.bic == "PSSTFRPP"
    assert lithuanian.valid and lithuanian.country == "LT"


def test_an_iban_with_a_wrong_check_digit_is_kept_as_invalid() -> None:
    (iban,) = find_ibans("IBAN FR15 2004 1010 0505 0001 3M02 606")
    assert iban.country == "FR"
    assert not iban.valid
    assert find_ibans("Ref. ZZ12 3456 7890 1234 5678") == []  # no such IBAN country


def test_bic_codes_are_checked() -> None:
    assert find_bics("BIC : PSSTFRPP, SWIFT/BIC: BNPAFRPPXXX") == {
        "PSSTFRPP": True,
        "BNPAFRPPXXX": True,
    }
    assert find_bics("BIC: ABCDQQ12") == {"ABCDQQ12": False}  # QQ is no country


def test_phones_become_e164_with_country_and_line_type() -> None:
    text = "Tél. 01 42 68 53 00, mobile 06 12 34 56 78, UK +44 20 7946 0958. Commande 2024-06-12."
    phones = {p.e164: p for p in find_phones(text)}
    assert set(phones) == {"+33142685300", "+33612345678", "+442079460958"}
    assert phones["+33142685300"].kind == "landline"
    assert phones["+33612345678"].kind == "mobile"
    assert phones["+442079460958"].country == "GB"


def test_eu_vat_numbers_are_validated_by_stdnum_and_words_are_not_numbers() -> None:
    text = (
        "TVA FR44 732829320 - USt-IdNr. DE 136695976 - BTW NL123456789B01 - "
        "SIREN 732 829 320 - Fabriqué DE LA MAISON - IBAN DE89 3704 0044 0532 0130 00"
    )
    assert find_vat_numbers(text) == {
        "FR44732829320": True,
        "DE136695976": True,
        "NL123456789B01": False,
    }


def test_sirets_and_emails() -> None:
    text = "SIRET : 732 829 320 00074, SIRET 732 829 320 00075. Écrivez à Contact@ACME-shop.fr"
    assert find_sirets(text) == {"73282932000074": True, "73282932000075": False}
    assert find_emails(text) == ["contact@acme-shop.fr"]


def test_iban_country_against_the_shops_and_the_companys() -> None:
    ibans = find_ibans("IBAN LT12 1000 0111 0100 1000")
    assert iban_facts(ibans, "FR", "FR") == {
        "iban_shown": True,
        "iban_valid": True,
        "iban_country_is_shop": False,
        "iban_country_is_company": False,
    }
    assert iban_facts(find_ibans(PAYMENT), "fr", None)["iban_country_is_shop"] is True
    assert iban_facts([], "FR", "FR") == {
        "iban_shown": False,
        "iban_valid": None,
        "iban_country_is_shop": None,
        "iban_country_is_company": None,
    }


def test_contact_marks_keep_only_valid_strong_identifiers() -> None:
    text = PAYMENT + " SIREN 732 829 320, SIREN 732 829 321. Tél 01 42 68 53 00. a@b.fr"
    marks = contact_marks(text)
    assert marks["siren"] == {"732829320"}
    assert marks["iban"] == {"FR1420041010050500013M02606", "LT121000011101001000"}
    assert marks["phone"] == {"+33142685300"}
    assert marks["email"] == {"a@b.fr"}


def test_the_skeleton_keeps_tags_and_classes_not_text() -> None:
    one = '<html><body><div class="card b a"><p>Shoes 19 €</p></div></body></html>'
    two = '<html><body><div class="a card b"><p>Bags 29 €</p></div></body></html>'
    assert page_skeleton(one) == ["html", "body", "div.a.b.card", "p"]
    assert page_skeleton(one) == page_skeleton(two)
    assert page_skeleton("") == []


def test_phones_are_found_in_windows_as_in_the_whole_text() -> None:
    """find_phones reads only the runs of 8 digits or more with their context: the numbers it
    finds are those phonenumbers' matcher finds in the whole text."""
    import phonenumbers

    from features.contacts import find_phones

    catalogue = " ".join(f"Article {n} : {n},99 € au lieu de {n + 20},00 €" for n in range(400))
    text = (
        f"{catalogue} Commande n° 2024-118-5521 du 12/03/2025. Service client : 01 42 68 53 00"
        " ou +33 6 12 34 56 78, fax 04.72.00.00.00. Ref 1234567890123."
    )
    whole = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in phonenumbers.PhoneNumberMatcher(text, "FR", phonenumbers.Leniency.VALID)
    }
    found = {phone.e164 for phone in find_phones(text)}
    assert found == whole
    assert {"+33142685300", "+33612345678", "+33472000000"} <= found


def test_a_footer_repeated_on_every_page_is_read_once() -> None:
    """A site's text repeats its footer's phone on every page: the matcher reads each distinct
    window once, and finds the same numbers as in the whole text."""
    import phonenumbers

    from features.contacts import _phone_windows, find_phones

    footer = "Une question ? Appelez le 01 42 68 53 00 (prix d'un appel local)."
    pages = [f"Page {n}. Commande 2024-118-{5521 + n}, robe {n},99 €. {footer}" for n in range(7)]
    text = "\n".join(pages)
    windows = _phone_windows(text).split("\n")
    assert sum("01 42 68 53 00" in window for window in windows) == 1
    assert len([w for w in windows if "2024-118" in w]) == 7  # the order numbers all differ
    whole = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in phonenumbers.PhoneNumberMatcher(text, "FR", phonenumbers.Leniency.VALID)
    }
    assert {phone.e164 for phone in find_phones(text)} == whole == {"+33142685300"}


def test_the_skeleton_of_a_parsed_page_is_that_of_its_markup() -> None:
    """The template link reads the tree already parsed: a whole page and a fragment give the
    skeleton their markup gives (the fragment's is read from its document root)."""
    from capture.site import Page
    from features.markup import EMPTY
    from features.parse import markup_of, parse_page
    from features.skeleton import markup_skeleton

    for html in (
        "<html><head><title>T</title></head><body><div class='b a'><p>x</p></div></body></html>",
        "<div class='card'><p>only a fragment</p></div>",
    ):
        page = parse_page(Page("https://shop.invalid/", html, 200, "utf-8"), "shop.invalid")
        assert markup_skeleton(markup_of(page)) == page_skeleton(html)
    assert markup_skeleton(EMPTY) == []


# The IBAN and VAT patterns as first written, with a plain leading `\b`.
_PLAIN_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30})\b")
_PLAIN_VAT = re.compile(
    r"\b(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)"
    r"[ \u00a0.-]?([0-9A-Z](?:[ \u00a0.]?[0-9A-Z]){7,13})\b"
)
_PIECES = ["FR", "DE", "XI", "EL", "LT12", "FR14", "GB", "É", "é", "_", "-", ".", " ", "\u00a0",
           "0", "27", "9481", "52210", "1000", "M02", "a", "Z", "安"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_the_spelt_word_boundary_finds_what_a_plain_one_finds(parts: list[str]) -> None:
    r"""`(?=[...])(?<!\w)` stands for `\b` before the first letter so that re can skip ahead:
    the same matches, at the same places, after accents, underscores and other scripts too."""
    text = "".join(parts)
    for spelt, plain in ((contacts._IBAN, _PLAIN_IBAN), (contacts._VAT, _PLAIN_VAT)):
        assert [(m.span(), m.groups()) for m in spelt.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]
