"""The contact and payment identifiers a shop shows, each validated by the field's library:
IBAN and BIC by schwifty (structure, check digits, country, bank), phones by phonenumbers (E.164,
country, landline or mobile), company numbers by python-stdnum (SIREN and SIRET through
features.identifiers and capture.checksums, EU VAT numbers through stdnum.eu.vat).

One operator reuses these across its shops, so they are also the marks that link cases
(models/links.py). Pure functions of page text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType
from schwifty import BIC, IBAN, registry
from schwifty.exceptions import SchwiftyException
from stdnum.eu import vat as eu_vat

from capture.checksums import fr_vat_valid, siret_valid
from features.identifiers import find_identifiers

# An IBAN as printed: country, check digits, then 11 to 30 letters or digits, often in groups of
# four separated by spaces (the longest, Saint Lucia's, has 32 characters).
# `(?=[A-Z])(?<!\w)` is `\b` before a capital letter, spelt so that re's scanner skips ahead to
# the letters: a leading `\b` makes it try the whole pattern at every position of the text, and
# these two run over every site's text (the VAT number's 2.5 times, the IBAN's 1.3 times slower).
_IBAN = re.compile(r"(?=[A-Z])(?<!\w)([A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30})\b")
_BIC = re.compile(r"\b(?:BIC|SWIFT)(?:\s*(?:/|ou|or)?\s*(?:BIC|SWIFT))?\s*(?:code)?\s*[:.]?\s*"
                  r"([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b", re.IGNORECASE)  # fmt: skip
# EU VAT numbers with their country prefix (EL for Greece, XI for Northern Ireland).
_VAT = re.compile(
    r"(?=[ABCDEFHILMNPRSX])(?<!\w)"  # `\b` before the code's first letter (see _IBAN)
    r"(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)"
    r"[ \u00a0.-]?([0-9A-Z](?:[ \u00a0.]?[0-9A-Z]){7,13})\b"
)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_SIRET = re.compile(r"\bSIRET\W{0,12}((?:\d[ .\u00a0]?){13}\d)", re.IGNORECASE)
_PHONE_TYPES = {
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline_or_mobile",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.UAN: "uan",
}


@dataclass(frozen=True)
class Iban:
    """An IBAN found on a page: compact form, country, whether its checks hold, the bank."""

    iban: str
    country: str
    valid: bool
    bank: str | None = None
    bic: str | None = None


@dataclass(frozen=True)
class Phone:
    """A phone number found on a page, in E.164 form, with its country and line type."""

    e164: str
    country: str | None
    kind: str  # landline, mobile, voip, toll_free, premium... or unknown


def find_ibans(text: str) -> list[Iban]:
    """Every IBAN-shaped string on the page, valid or not, checked by schwifty (country, BBAN
    structure, check digits); duplicates once."""
    found: dict[str, Iban] = {}
    for match in _IBAN.finditer(text):
        compact = re.sub(r"\s", "", match.group(1))
        try:
            # The country's IBAN length ends it: the words after ("BIC") are not part of it.
            length = registry.get_iban_spec(compact[:2]).iban_length
        except (KeyError, SchwiftyException):
            continue  # no IBAN country: a product or order code
        compact = compact[:length]
        if len(compact) < length or compact in found:
            continue
        iban = _read_iban(compact)
        if iban is not None:
            found[compact] = iban
    return list(found.values())


# schwifty's bank lookup reads its country's bank registry each time (milliseconds); an IBAN
# read once is read for every later site that shows it (fake shops share their accounts).
@lru_cache(maxsize=4096)
def _read_iban(compact: str) -> Iban | None:
    try:
        iban = IBAN(compact, allow_invalid=True)
    except SchwiftyException:
        return None  # not even IBAN-shaped for its country (a product code): not an IBAN
    valid = iban.is_valid
    bank = iban.bank_name if valid else None
    bic = str(iban.bic) if valid and iban.bic else None
    return Iban(compact, iban.country_code, valid, bank, bic)


def find_bics(text: str) -> dict[str, bool]:
    """The BIC/SWIFT codes named as such, each with whether schwifty finds it well formed for a
    real country."""
    found: dict[str, bool] = {}
    for match in _BIC.finditer(text):
        code = match.group(1).upper()
        try:
            found[code] = BIC(code, allow_invalid=True).is_valid
        except SchwiftyException:
            found[code] = False
    return found


# A run of digits long enough to be a phone number, with the separators numbers are written with.
_PHONE_RUN = re.compile(r"\+?\(?\d(?:[\d \u00a0().\-/]{0,24}\d)?")
_PHONE_CONTEXT = 16  # characters kept each side of a run: what the matcher reads around it


def _phone_windows(text: str) -> str:
    """The parts of a text where a phone number may be: each run of 8 digits or more, with its
    context, joined by line breaks, each distinct window once. The matcher tries every
    number-like run it sees (prices, dates, order numbers) and costs about 1 ms a page on a
    catalogue; these windows hold the same numbers at a fraction of the text. A site's text
    repeats its footer's phone on every page: the matcher reads no further than a window (its
    separators hold no line break), so a window seen twice can only find the same numbers."""
    spans: list[list[int]] = []
    for match in _PHONE_RUN.finditer(text):
        if sum(ch.isdigit() for ch in match.group(0)) < 8:
            continue
        start = max(0, match.start() - _PHONE_CONTEXT)
        end = match.end() + _PHONE_CONTEXT
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return "\n".join(dict.fromkeys(text[start:end] for start, end in spans))


def find_phones(text: str, region: str = "FR") -> list[Phone]:
    """Every valid phone number in the text (numbers without a country code read as `region`'s),
    through phonenumbers' matcher, which also skips dates, prices and order numbers."""
    found: dict[str, Phone] = {}
    windows = _phone_windows(text)
    for match in phonenumbers.PhoneNumberMatcher(windows, region, phonenumbers.Leniency.VALID):
        number = match.number
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        kind = _PHONE_TYPES.get(phonenumbers.number_type(number), "unknown")
        country = phonenumbers.region_code_for_number(number)
        found.setdefault(e164, Phone(e164, country, kind))
    return list(found.values())


def find_vat_numbers(text: str) -> dict[str, bool]:
    """EU VAT numbers with their country prefix, compacted, each with whether its check holds
    (stdnum; for France the key against the SIREN, as capture.checksums decides)."""
    found: dict[str, bool] = {}
    ibans = [m.span() for m in _IBAN.finditer(text)]
    for match in _VAT.finditer(text):
        if any(start <= match.start() < end for start, end in ibans):
            continue  # "DE89 3704...": the start of an IBAN, not a VAT number
        body = re.sub(r"[ \u00a0.]", "", match.group(2))
        if sum(ch.isdigit() for ch in body) < 7 or sum(ch.isalpha() for ch in body) > 2:
            continue  # "SIREN 732...", "DE LA MAISON": a prefix followed by words
        number = match.group(1) + body
        if number.startswith("FR"):
            found[number] = fr_vat_valid(number)
        else:
            found[number] = eu_vat.is_valid(number)
    return found


def find_emails(text: str) -> list[str]:
    """E-mail addresses, lower-cased, once each."""
    return list(dict.fromkeys(m.group(0).lower() for m in _EMAIL.finditer(text)))


def find_sirets(text: str) -> dict[str, bool]:
    """SIRETs named as such, each with whether its check holds (stdnum, La Poste's rule too)."""
    found: dict[str, bool] = {}
    for match in _SIRET.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        found[digits] = siret_valid(digits)
    return found


def iban_facts(
    ibans: Iterable[Iban], shop_country: str | None, company_country: str | None
) -> dict[str, bool | None]:
    """The payment-IBAN signals: one is shown, all shown are valid, and the first valid one's
    country against the shop's and the company's (None when a side is unknown)."""
    ibans = list(ibans)
    shown = [i for i in ibans if i.valid] or ibans
    first = shown[0] if shown else None
    return {
        "iban_shown": bool(ibans),
        "iban_valid": all(i.valid for i in ibans) if ibans else None,
        "iban_country_is_shop": (first.country == shop_country.upper())
        if first and shop_country
        else None,
        "iban_country_is_company": (first.country == company_country.upper())
        if first and company_country
        else None,
    }


def contact_marks(text: str, region: str = "FR") -> dict[str, set[str]]:
    """The strong identifiers of a page by kind, normalised, for linking cases: SIREN (from
    SIREN, SIRET and FR VAT mentions), EU VAT, IBAN (valid ones), phone (E.164), e-mail."""
    ids = find_identifiers(text)
    return {
        "siren": {s for s, ok in zip(ids.sirens, ids.siren_valid, strict=True) if ok}
        | {s for _, s in ids.vat_fr},
        "vat": {v for v, ok in find_vat_numbers(text).items() if ok},
        "iban": {i.iban for i in find_ibans(text) if i.valid},
        "phone": {p.e164 for p in find_phones(text, region)},
        "email": set(find_emails(text)),
    }
