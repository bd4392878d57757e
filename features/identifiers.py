"""Company identifiers found on legal notices, and the checksums that tell a real one from a typo
or an invention: SIREN/SIRET (Luhn), French VAT key, Italian partita IVA (Luhn), German USt-IdNr."""

from __future__ import annotations

import re
from dataclasses import dataclass

from capture.checksums import fr_vat_key as checksums_fr_vat_key
from capture.checksums import luhn_valid

_SIREN_LABELLED = re.compile(
    r"(?:SIREN|SIRET|RCS(?:\s+[A-Za-zÀ-ÿ' -]{2,30}?)?|N°\s*(?:d'immatriculation)?|immatricul[ée]e?"
    r"(?:\s+au\s+RCS(?:\s+de)?(?:\s+[A-Za-zÀ-ÿ' -]{2,30}?)?)?)"
    r"\s*(?:n°|no|num[ée]ro|:|sous le (?:num[ée]ro|n°))?\s*[:.]?\s*((?:\d[ .\u00a0]?){8,13}\d)",
    re.IGNORECASE,
)
_VAT_FR = re.compile(r"\bFR[ .\u00a0]?([0-9A-HJ-NP-Z]{2})[ .\u00a0]?((?:\d[ .\u00a0]?){8}\d)\b")
_VAT_DE = re.compile(r"\bDE[ .\u00a0]?((?:\d[ .\u00a0]?){8}\d)\b")
_PIVA = re.compile(
    r"(?:P\.?\s?IVA|partita iva|VAT(?: number)?:?\s*IT)[^0-9]{0,12}(\d{11})\b", re.IGNORECASE
)
_ES_NIF = re.compile(
    r"(?:NIF|CIF)[^A-Z0-9]{0,6}([A-HJNP-SUVW]\d{7}[0-9A-J]|\d{8}[A-Z])\b", re.IGNORECASE
)
_UK_COMPANY = re.compile(
    r"(?:company|registration)\s+(?:registration\s+)?(?:number|no\.?)\s*:?\s*((?:SC|NI|OC)?\d{6,8})\b",
    re.IGNORECASE,
)
_HRB = re.compile(r"\bHR[AB]\s?(\d{3,6})\b")


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn checksum (SIREN, SIRET, partita IVA)."""
    return luhn_valid(digits)


def fr_vat_key(siren: str) -> str:
    """The two-digit key of a French intra-EU VAT number, as printed: '44' for 732 829 320."""
    return f"{checksums_fr_vat_key(siren):02d}"


def _digits(raw: str) -> str:
    return re.sub(r"\D", "", raw)


@dataclass(frozen=True)
class Identifiers:
    sirens: tuple[str, ...]  # 9-digit SIRENs, taken from SIREN, SIRET and RCS mentions
    siren_valid: tuple[bool, ...]  # Luhn result, one per SIREN
    vat_fr: tuple[tuple[str, str], ...]  # (key, SIREN)
    vat_de: tuple[str, ...]
    piva: tuple[str, ...]
    es_nif: tuple[str, ...]
    uk_company: tuple[str, ...]
    hrb: tuple[str, ...]


def find_identifiers(text: str) -> Identifiers:
    """Every company identifier named in a text, in order of appearance, without duplicates."""
    sirens: list[str] = []
    for match in _SIREN_LABELLED.finditer(text):
        digits = _digits(match.group(1))
        if len(digits) in (9, 14):
            sirens.append(digits[:9])
    vat_fr = [(m.group(1), _digits(m.group(2))) for m in _VAT_FR.finditer(text)]
    sirens = list(dict.fromkeys(sirens))
    return Identifiers(
        sirens=tuple(sirens),
        siren_valid=tuple(luhn_ok(s) for s in sirens),
        vat_fr=tuple(dict.fromkeys(vat_fr)),
        vat_de=tuple(dict.fromkeys(_digits(m.group(1)) for m in _VAT_DE.finditer(text))),
        piva=tuple(dict.fromkeys(m.group(1) for m in _PIVA.finditer(text))),
        es_nif=tuple(dict.fromkeys(m.group(1).upper() for m in _ES_NIF.finditer(text))),
        uk_company=tuple(dict.fromkeys(m.group(1) for m in _UK_COMPANY.finditer(text))),
        hrb=tuple(dict.fromkeys(m.group(1) for m in _HRB.finditer(text))),
    )
