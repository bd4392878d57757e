"""Check digits of company, tax and bank identifiers: SIREN/SIRET (Luhn), French VAT key,
German USt-IdNr, Italian partita IVA, Spanish CIF/NIF, UK and Irish VAT, IBAN.

Validation is python-stdnum's (kept up to date with each registry's rules). The few helpers that
compute a check digit from a number's body are kept as thin wrappers, because the synthetic
sample generator builds numbers (valid or deliberately not) from them; stdnum computes most of
them too, and where it does not expose one (the FR VAT key, the GB weighted sum) the formula
stays here, checked against stdnum's validator in the tests.

Pure functions of strings, shared by the legal-notice features (is this number real?) and the
synthetic sample generator (make it real, or deliberately not).
"""

from __future__ import annotations

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.de import vat as de_vat
from stdnum.es import cif as es_cif
from stdnum.es import nif as es_nif
from stdnum.exceptions import ValidationError
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.gb import vat as gb_vat
from stdnum.ie import vat as ie_vat
from stdnum.iso7064 import mod_11_10
from stdnum.it import iva as it_iva

IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV"  # the generator draws wrong check letters from these
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"  # the generator draws wrong control letters from these


def luhn_valid(number: str) -> bool:
    """Luhn checksum (SIREN, SIRET, card numbers, partita IVA): digits only."""
    return number.isdigit() and luhn.is_valid(number)


def siren_valid(number: str) -> bool:
    """True for a 9-digit SIREN whose Luhn check holds (spaces allowed)."""
    return fr_siren.is_valid(number)


def siret_valid(number: str) -> bool:
    """True for a 14-digit SIRET whose check holds (La Poste's own rule included)."""
    return fr_siret.is_valid(number)


def fr_vat_key(siren: str) -> int:
    """The French VAT key: (12 + 3 * (SIREN mod 97)) mod 97. stdnum checks FR VAT numbers but
    does not expose the key, which the generator needs to print one."""
    return (12 + 3 * (int(siren) % 97)) % 97


def fr_vat_valid(vat: str) -> bool:
    """True when an FR VAT number's key matches its SIREN. The key alone, on purpose: stdnum's
    validator also requires the SIREN's own Luhn check, and the features tell a wrong key (an
    invented VAT number) apart from a SIREN typo."""
    body = vat.replace(" ", "").upper()
    if len(body) != 13 or not body.startswith("FR") or not body[2:].isdigit():
        return False
    return int(body[2:4]) == fr_vat_key(body[4:])


def de_check(first8: str) -> int:
    """The ISO 7064 MOD 11,10 check digit of a German USt-IdNr's first eight digits."""
    return int(mod_11_10.calc_check_digit(first8))


def de_vat_valid(vat: str) -> bool:
    """True when a DE VAT number's check digit matches."""
    return de_vat.is_valid(vat)


def it_check(first10: str) -> int:
    """The Luhn check digit of an Italian partita IVA's first ten digits."""
    return int(luhn.calc_check_digit(first10))


def it_piva_valid(piva: str) -> bool:
    """True when a partita IVA's check digit matches (an 'IT' prefix is allowed)."""
    body = piva.replace(" ", "").upper().removeprefix("IT")
    return it_iva.is_valid(body)


def cif_check(seven: str) -> int:
    """The control digit of a Spanish CIF's seven digits (the digit form of the control)."""
    return int(es_cif.calc_check_digits("A" + seven)[0])


def es_id_valid(value: str) -> bool:
    """True for a well-formed company CIF or personal NIF with a matching control."""
    body = value.replace(" ", "").replace("-", "").upper().removeprefix("ES")
    if len(body) != 9:
        return False
    if body[0].isalpha() and body[1:8].isdigit() and body[8].isdigit():
        return es_cif.is_valid(body)
    if body[:8].isdigit() and body[8].isalpha():
        return es_nif.is_valid(body)
    return False


def gb_weighted(seven: str) -> int:
    """The weighted sum (8..2) of a GB VAT number's first seven digits, from which the
    generator derives the two check digits; stdnum only exposes the whole check."""
    return sum(int(d) * w for d, w in zip(seven, range(8, 1, -1), strict=True))


def gb_vat_valid(vat: str) -> bool:
    """True when a 9-digit GB VAT number passes the mod-97 (or mod-97 + 55) check."""
    body = vat.replace(" ", "").upper().removeprefix("GB")
    return len(body) == 9 and body.isdigit() and gb_vat.is_valid(body)


def ie_vat_valid(vat: str) -> bool:
    """True when an IE VAT number's check letter matches."""
    return ie_vat.is_valid(vat)


def iban_check(country: str, bban: str) -> str:
    """The two check digits of an IBAN with this country code and BBAN."""
    return std_iban.calc_check_digits(f"{country}00{bban}")


def iban_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check and the country's BBAN structure. Not the national check digits
    inside some BBANs (Spain, Italy...): a shop's IBAN is checked as the IBAN standard does."""
    try:
        std_iban.validate(iban, check_country=False)
    except ValidationError:
        return False
    return True
