from features.identifiers import find_identifiers, fr_vat_key, luhn_ok


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
