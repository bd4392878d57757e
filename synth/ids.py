"""Company, tax and bank identifiers with their real check digits, valid or deliberately not.

The synthetic sample needs both: genuine shops print valid numbers (with the odd typo), fraud
prints invalid ones or borrows valid ones. Each `make_*` takes a `random.Random` and a wish.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from capture.checksums import (
    IE_LETTERS,
    NIF_LETTERS,
    cif_check,
    de_check,
    fr_vat_key,
    gb_weighted,
    iban_check,
    it_check,
    luhn_valid,
)
from synth.data import common

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def digits(rng: random.Random, n: int, first_nonzero: bool = True) -> str:
    """n random decimal digits."""
    head = str(rng.randint(1, 9)) if first_nonzero else str(rng.randint(0, 9))
    return head + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def fill_pattern(rng: random.Random, pattern: str) -> str:
    """Replace '#' by a digit and 'A' by an upper-case letter or digit."""
    alphabet = string.ascii_uppercase + string.digits
    out = []
    for char in pattern:
        if char == "#":
            out.append(str(rng.randint(0, 9)))
        elif char == "A":
            out.append(rng.choice(alphabet))
        else:
            out.append(char)
    return "".join(out)


def _luhn_complete(prefix: str) -> str:
    for check in range(10):
        if luhn_valid(prefix + str(check)):
            return prefix + str(check)
    raise AssertionError("unreachable: one check digit always fits")


def _spoil_last(rng: random.Random, number: str, is_valid: Callable[[str], bool]) -> str:
    """Change the last digit so that the checksum fails."""
    last = int(number[-1])
    choices = [d for d in range(10) if d != last and not is_valid(number[:-1] + str(d))]
    return number[:-1] + str(rng.choice(choices))


def make_siren(rng: random.Random, valid: bool = True) -> str:
    """A 9-digit SIREN; valid ones pass Luhn."""
    siren = _luhn_complete(digits(rng, 8))
    return siren if valid else _spoil_last(rng, siren, luhn_valid)


def make_siret(rng: random.Random, siren: str) -> str:
    """SIREN + 5-digit establishment number, Luhn-valid over the 14 digits when the SIREN is."""
    nic = "0" + digits(rng, 3, first_nonzero=False)
    candidate = _luhn_complete(siren + nic)
    return candidate if luhn_valid(siren) else siren + nic + str(rng.randint(0, 9))


def fr_vat(rng: random.Random, siren: str, valid: bool = True) -> str:
    """FR + key + SIREN; an invalid one has a key that does not match."""
    key = fr_vat_key(siren)
    if not valid:
        key = (key + rng.randint(1, 96)) % 97
    return f"FR{key:02d}{siren}"


def de_vat(rng: random.Random, valid: bool = True) -> str:
    """DE + 9 digits, the last an ISO 7064 MOD 11,10 check digit."""
    body = digits(rng, 8)
    check = de_check(body)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return f"DE{body}{check}"


def it_piva(rng: random.Random, valid: bool = True) -> str:
    """An 11-digit Italian partita IVA with its check digit (spoilt when not valid)."""
    body = digits(rng, 7, first_nonzero=False) + f"{rng.randint(1, 100):03d}"
    check = it_check(body)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return f"{body}{check}"


def es_cif(rng: random.Random, valid: bool = True, letter: str = "B") -> str:
    """A Spanish company CIF/NIF: letter, 7 digits, control digit."""
    body = digits(rng, 7, first_nonzero=False)
    check = cif_check(body)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return f"{letter}{body}{check}"


def es_nif_person(rng: random.Random, valid: bool = True) -> str:
    """A Spanish personal NIF (sole traders): 8 digits and a control letter."""
    number = digits(rng, 8, first_nonzero=False)
    letter = NIF_LETTERS[int(number) % 23]
    if not valid:
        letter = rng.choice([c for c in NIF_LETTERS if c != letter])
    return f"{number}{letter}"


def gb_vat(rng: random.Random, valid: bool = True) -> str:
    """GB + 9 digits passing (or failing) the HMRC mod-97 check."""
    body = digits(rng, 7)
    check = (-gb_weighted(body)) % 97
    if not valid:
        check = (check + rng.randint(1, 40)) % 97
        while (gb_weighted(body) + check) % 97 == 0 or (gb_weighted(body) + check + 55) % 97 == 0:
            check = (check + 1) % 97
    return f"GB{body}{check:02d}"


def ie_vat(rng: random.Random, valid: bool = True) -> str:
    """IE + 7 digits + check letter."""
    body = digits(rng, 7)
    letter = IE_LETTERS[sum(int(d) * (8 - i) for i, d in enumerate(body)) % 23]
    if not valid:
        letter = rng.choice([c for c in IE_LETTERS if c != letter])
    return f"IE{body}{letter}"


def make_iban(rng: random.Random, country: str) -> tuple[str, str]:
    """(IBAN with correct check digits, BIC) at one of the country's banks."""
    bank, bic = rng.choice(common.BANKS[country])
    length = common.BBAN_LENGTH[country]
    prefix = bank
    if country == "IT":
        prefix = rng.choice(string.ascii_uppercase) + bank
    bban = prefix + digits(rng, length - len(prefix), first_nonzero=False)
    iban = f"{country}{iban_check(country, bban)}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)), bic


def btc_address(rng: random.Random) -> str:
    """A bech32-looking Bitcoin address (format only)."""
    return "bc1q" + "".join(rng.choice(_BECH32) for _ in range(38))


def tron_address(rng: random.Random) -> str:
    """A TRON (USDT TRC20) looking address (format only)."""
    return "T" + "".join(rng.choice(_BASE58) for _ in range(33))


def spaced(number: str, groups: tuple[int, ...]) -> str:
    """'123456789' -> '123 456 789' for groups (3, 3, 3)."""
    out, pos = [], 0
    for size in groups:
        out.append(number[pos : pos + size])
        pos += size
    if pos < len(number):
        out.append(number[pos:])
    return " ".join(part for part in out if part)
