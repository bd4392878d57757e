from hypothesis import example, given
from hypothesis import strategies as st

from capture import checksums
from features import identifiers, listings
from features.identifiers import company_names, find_identifiers, fr_vat_key, luhn_ok, normal_name
from features.labels import folded, labelled, matches_at


def test_luhn_accepts_a_valid_siren_and_rejects_a_changed_digit() -> None:
    assert luhn_ok("732829320")
    assert not luhn_ok("732829321")
    assert not luhn_ok("73282932a")


def test_siret_of_a_valid_siren_passes_luhn() -> None:
    assert luhn_ok("73282932000074")


def test_fr_vat_key_follows_the_official_formula() -> None:
    assert fr_vat_key("732829320") == "44"
    assert fr_vat_key("404833048") == "83"


def test_siren_found_after_rcs_siret_and_siren_labels() -> None:
    text = "RCS Paris 732 829 320 — SIRET : 404 833 048 00022 — SIREN 552100554"
    assert find_identifiers(text).sirens == ("732829320", "404833048", "552100554")


def test_numbers_without_a_label_are_not_taken_for_a_siren() -> None:
    assert find_identifiers("Commande 732829320 expédiée, tél 0472000000").sirens == ()


def test_foreign_identifiers_are_found() -> None:
    ids = find_identifiers("USt-IdNr.: DE 123456789, HRB 98765, P.IVA 12345678903, NIF: B12345678")
    assert ids.vat_de == ("123456789",)
    assert ids.hrb == ("98765",)
    assert ids.piva == ("12345678903",)
    assert ids.es_nif == ("B12345678",)


def test_check_digits_come_from_stdnum_and_agree_with_the_generator_helpers() -> None:
    # A SIREN, its SIRET, and La Poste's SIRET, which follows its own rule.
    assert checksums.siren_valid("732 829 320") and not checksums.siren_valid("732829321")
    assert checksums.siret_valid("73282932000074") and checksums.siret_valid("35600000000048")
    # The helpers the sample generator prints numbers with give what stdnum accepts.
    assert checksums.de_vat_valid(f"DE13669597{checksums.de_check('13669597')}")
    assert checksums.it_piva_valid(f"0074311015{checksums.it_check('0074311015')}")
    assert checksums.es_id_valid(f"B5837843{checksums.cif_check('5837843')}")
    iban = "FR76" + "30006000011234567890189"
    assert checksums.iban_check("FR", iban[4:]) == "76" and checksums.iban_valid(iban)
    assert not checksums.iban_valid("FR77" + iban[4:])


def test_company_names_are_read_beside_their_legal_form() -> None:
    assert company_names("Raison sociale : Distribuciones Moreno S.L. NIF B58378431") == {
        "distribuciones moreno"
    }
    assert company_names("exploité par ATELIER LUMIÈRE S.A.S., au capital") == {"atelier lumiere"}
    assert company_names("© 2015. DD IP Holder LLC. All rights reserved.") == {"2015 dd ip holder"}
    assert company_names("Nike Limited Edition sneakers") == set()  # not a company
    assert normal_name("Lampenwelt Handels GmbH") == "lampenwelt handels"


# What label-led patterns meet in shop text: their labels in any case (with the letters re's
# IGNORECASE folds specially: dotted and dotless i, long s, Kelvin sign), what stands between a
# label and its number, the numbers, and what comes before the next label.
_LABELS = st.sampled_from(
    [
        "SIREN", "Siret", "rcs", "RCS Lyon", "N°", "immatriculée au RCS de", "\u017firen",
        "S\u0130RET", "s\u0131ret", "FR", "DE", "HRB", "VAT", "vat reg no", "NIF", "cif",
        "company number", "registered in England", "EAN", "ean-13", "GTIN", "upc", "UPC-A",
        "code-barres", "barcode", "Strichcode", "Modèle", "MODELL", "typ", "Réf.", "RÉFÉRENCE",
        "ref", "Art.-Nr.", "artikelnummer", "mpn", "item no", "xSIREN", "sous-modèle",
        "P.IVA", "p iva", "P. IVA", "PIVA", "P.\u00a0IVA", "Partita IVA", "VAT number: IT",
        "pp.iva", "P..IVA",
    ]
)  # fmt: skip
_BETWEEN = st.sampled_from(["", " ", ": ", " : ", "# ", " n° ", "\u00a0", " nr. "])
_NUMBERS = st.sampled_from(
    ["732 829 320", "73282932000074", "4006381333931", "AB-12", "12345678903", "B12345678"]
)
_AFTER = st.sampled_from(["", " ", ".", "x", "\u212a", "É", " et "])
_TEXTS = st.lists(st.tuples(_LABELS, _BETWEEN, _NUMBERS, _AFTER).map("".join), max_size=6).map(
    "".join
)


@given(_TEXTS)
@example("S\u0130RET 732 829 320 00074 \u2014 R\u00c9F. : AB-12 \u2014 xSIREN 732829320")
def test_a_pattern_tried_at_its_labels_finds_what_a_full_scan_finds(text: str) -> None:
    low = folded(text)
    assert len(low) == len(text)
    for rx, words in [
        (identifiers._SIREN_LABELLED, identifiers._SIREN_WORDS),
        (identifiers._ES_NIF, identifiers._NIF_WORDS),
        (identifiers._UK_COMPANY, identifiers._UK_WORDS),
        (identifiers._VAT_GB, ("vat",)),
        (listings._MODEL_TEXT, listings._MODEL_WORDS),
        (listings._BARCODE_TEXT, listings._BARCODE_WORDS),
    ]:
        expected = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in labelled(rx, text, low, words)] == expected, rx.pattern
    piva = identifiers._PIVA
    expected = [m.span() for m in piva.finditer(text)]
    assert [m.span() for m in matches_at(piva, text, identifiers._piva_starts(low))] == expected
    for rx, label in [(identifiers._VAT_FR, "FR"), (identifiers._VAT_DE, "DE")]:
        expected = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in labelled(rx, text, text, (label,))] == expected
