"""Check digits of company, tax and bank identifiers: SIREN/SIRET (Luhn), French VAT key,
German USt-IdNr, Italian partita IVA, Spanish CIF/NIF, UK and Irish VAT, IBAN.

Pure functions of strings, shared by the legal-notice features (is this number real?) and the
synthetic sample generator (make it real, or deliberately not).
"""

from __future__ import annotations

IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV"
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def luhn_valid(number: str) -> bool:
    """Luhn checksum (SIREN, SIRET, card numbers)."""
    if not number.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(number)):
        d = int(char)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def fr_vat_key(siren: str) -> int:
    """The French VAT key: (12 + 3 * (SIREN mod 97)) mod 97."""
    return (12 + 3 * (int(siren) % 97)) % 97


def fr_vat_valid(vat: str) -> bool:
    """True when an FR VAT number's key matches its SIREN."""
    body = vat.replace(" ", "").upper()
    if len(body) != 13 or not body.startswith("FR") or not body[2:].isdigit():
        return False
    return int(body[2:4]) == fr_vat_key(body[4:])


def de_check(first8: str) -> int:
    product = 10
    for char in first8:
        total = (int(char) + product) % 10 or 10
        product = (2 * total) % 11
    check = 11 - product
    return 0 if check == 10 else check


def de_vat_valid(vat: str) -> bool:
    """True when a DE VAT number's check digit matches."""
    body = vat.replace(" ", "").upper()[2:]
    return len(body) == 9 and body.isdigit() and de_check(body[:8]) == int(body[8])


def it_check(first10: str) -> int:
    total = 0
    for i, char in enumerate(first10):
        d = int(char)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def it_piva_valid(piva: str) -> bool:
    """True when a partita IVA's check digit matches."""
    body = piva.replace(" ", "").upper().removeprefix("IT")
    return len(body) == 11 and body.isdigit() and it_check(body[:10]) == int(body[10])


def cif_check(seven: str) -> int:
    even = sum(int(seven[i]) for i in (1, 3, 5))
    odd = 0
    for i in (0, 2, 4, 6):
        d = 2 * int(seven[i])
        odd += d // 10 + d % 10
    return (10 - (even + odd) % 10) % 10


def es_id_valid(value: str) -> bool:
    """True for a well-formed company CIF or personal NIF with a matching control."""
    body = value.replace(" ", "").replace("-", "").upper().removeprefix("ES")
    if len(body) != 9:
        return False
    if body[0].isalpha() and body[1:8].isdigit() and body[8].isdigit():
        return cif_check(body[1:8]) == int(body[8])
    if body[:8].isdigit() and body[8].isalpha():
        return NIF_LETTERS[int(body[:8]) % 23] == body[8]
    return False


def gb_weighted(seven: str) -> int:
    return sum(int(d) * w for d, w in zip(seven, range(8, 1, -1), strict=True))


def gb_vat_valid(vat: str) -> bool:
    """True when a GB VAT number passes the mod-97 (or mod-97 + 55) check."""
    body = vat.replace(" ", "").upper().removeprefix("GB")
    if len(body) != 9 or not body.isdigit():
        return False
    total = gb_weighted(body[:7]) + int(body[7:])
    return total % 97 == 0 or (total + 55) % 97 == 0


def ie_vat_valid(vat: str) -> bool:
    """True when an IE VAT number's check letter matches."""
    body = vat.replace(" ", "").upper().removeprefix("IE")
    if len(body) != 8 or not body[:7].isdigit():
        return False
    return IE_LETTERS[sum(int(d) * (8 - i) for i, d in enumerate(body[:7])) % 23] == body[7]


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(number) % 97:02d}"


def iban_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check."""
    text = iban.replace(" ", "").upper()
    if len(text) < 15 or not text[:2].isalpha():
        return False
    number = "".join(str(int(c, 36)) for c in text[4:] + text[:4])
    return int(number) % 97 == 1
