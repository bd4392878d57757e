"""Company identifiers found on legal notices, and the checksums that tell a real one from a typo
or an invention: SIREN/SIRET (Luhn), French VAT key, Italian partita IVA (Luhn), German USt-IdNr.
Also what each page says of its seller, normalised, so that two pages naming different sellers can
be told apart whatever their wording."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from capture.checksums import fr_vat_key as checksums_fr_vat_key
from capture.checksums import luhn_valid
from features.labels import folded, label_starts, labelled, matches_at
from features.lexicon import hits, pattern

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
    r"(?:(?:company|registration)\s+(?:registration\s+)?(?:number|no\.?)"
    r"|registered in (?:england|scotland|wales|northern ireland)(?:\s*(?:and|&)\s*wales)?"
    r"[^0-9]{0,25}?(?:number|no\.?)?)\s*:?\s*((?:SC|NI|OC)?\d{6,8})\b",
    re.IGNORECASE,
)
_VAT_GB = re.compile(
    r"\bVAT\s*(?:reg(?:istration|\.)?\s*)?(?:number|no\.?)?\s*:?\s*(?:GB\s?)?(\d{3}\s?\d{4}\s?\d{2})\b",
    re.IGNORECASE,
)
# Capitalised phrases where a legal form's word means something else.
_NOT_A_FORM = re.compile(r"limited (?:edition|offer|stock|time|warranty|run)", re.IGNORECASE)
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
    vat_gb: tuple[str, ...] = ()


# The words each match of these patterns starts with (its IGNORECASE ones lower-cased): the
# pattern is tried where they stand (features/labels.py; `_piva_starts` for `_PIVA`).
_SIREN_WORDS = ("siren", "siret", "rcs", "n°", "immatricul")
_NIF_WORDS = ("nif", "cif")
_UK_WORDS = ("company", "registration", "registered in")


def _piva_starts(low: str) -> list[int]:
    """Where an Italian VAT label may start: "partita iva", "vat", or the "p" of "P.IVA",
    "P IVA", "PIVA" or "P. IVA" (one to three characters before "iva")."""
    starts = set(label_starts(low, ("partita iva", "vat")))
    for at in label_starts(low, ("iva",)):
        starts.update(p for p in range(max(0, at - 3), at) if low[p] == "p")
    return sorted(starts)


def _found(rx: re.Pattern[str], text: str, low: str, labels: tuple[str, ...]) -> list[str]:
    return [m.group(1) for m in labelled(rx, text, low, labels)]


def find_identifiers(text: str) -> Identifiers:
    """Every company identifier named in a text, in order of appearance, without duplicates."""
    low = folded(text)
    sirens: list[str] = []
    for raw in _found(_SIREN_LABELLED, text, low, _SIREN_WORDS):
        digits = _digits(raw)
        if len(digits) in (9, 14):
            sirens.append(digits[:9])
    vat_fr = [(m.group(1), _digits(m.group(2))) for m in labelled(_VAT_FR, text, text, ("FR",))]
    sirens = list(dict.fromkeys(sirens))
    return Identifiers(
        sirens=tuple(sirens),
        siren_valid=tuple(luhn_ok(s) for s in sirens),
        vat_fr=tuple(dict.fromkeys(vat_fr)),
        vat_de=tuple(dict.fromkeys(map(_digits, _found(_VAT_DE, text, text, ("DE",))))),
        piva=tuple(dict.fromkeys(m.group(1) for m in matches_at(_PIVA, text, _piva_starts(low)))),
        es_nif=tuple(dict.fromkeys(raw.upper() for raw in _found(_ES_NIF, text, low, _NIF_WORDS))),
        uk_company=tuple(dict.fromkeys(_found(_UK_COMPANY, text, low, _UK_WORDS))),
        hrb=tuple(dict.fromkeys(_found(_HRB, text, text, ("HR",)))),
        vat_gb=tuple(dict.fromkeys(map(_digits, _found(_VAT_GB, text, low, ("vat",))))),
    )


# The words after a host or mediator mention name that third party, not the seller: its name
# and numbers are left out of the seller's identity (a notice must name its host).
_THIRD_PARTY_SPAN = 250
_NAME_TOKEN = re.compile("[A-ZÀ-Ý0-9][\\w&'\u2019.\\-]*")
_FORM_WORDS = {
    "sas", "sasu", "sarl", "eurl", "sa", "sci", "snc", "gmbh", "ug", "ag", "kg", "ohg", "ltd",
    "limited", "llp", "plc", "inc", "llc", "sl", "slu", "srl", "srls", "spa", "bv", "nv",
    "co", "corp", "haftungsbeschrankt", "societe", "company", "the", "la", "le", "les", "die",
    "der", "el", "il", "raison", "sociale", "firma", "razon", "social", "ragione", "titular",
    "adresse", "address", "nom", "owner", "inhaber", "betreiber", "denominacion", "editeur",
}  # fmt: skip


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normal_name(raw: str) -> str:
    """A company name compared as a person would: without its legal form, accents, case or
    punctuation ('ACME Distribution S.A.S.' -> 'acme distribution')."""
    words = re.findall(r"[a-z0-9&]+", _plain(raw).replace(".", ""))
    return " ".join(w for w in words if w not in _FORM_WORDS)


def company_names(text: str) -> set[str]:
    """The names standing with a legal form (up to four capitalised words before it, or after it
    when none stands before), normalised by `normal_name`."""
    names: set[str] = set()
    for match in hits(pattern("COMPANY_FORM"), text):
        if not any(ch.isupper() for ch in match.text):
            continue  # "limited", "ag" in running text
        if _NOT_A_FORM.match(text, match.start):
            continue
        before = text[max(0, match.start - 80) : match.start].split()
        tokens: list[str] = []
        for word in reversed(before):
            if not _NAME_TOKEN.fullmatch(word.strip(",:;()")) or len(tokens) == 4:
                break
            tokens.insert(0, word)
        if not tokens:
            after = text[match.end : match.end + 80].split()
            for word in after:
                if not _NAME_TOKEN.fullmatch(word.strip(",:;()")) or len(tokens) == 4:
                    break
                tokens.append(word)
        name = normal_name(" ".join(tokens))
        if len(name) >= 3:
            names.add(name)
    return names


def _seller_text(text: str) -> str:
    """The text without the spans that name the host or the mediator."""
    spans = [
        (m.start, m.end + _THIRD_PARTY_SPAN)
        for name in ("HOST", "MEDIATOR")
        for m in hits(pattern(name), text)
    ]
    if not spans:
        return text
    keep, last = [], 0
    for start, end in sorted(spans):
        if start > last:
            keep.append(text[last:start])
        last = max(last, end)
    keep.append(text[last:])
    return " ".join(keep)


def identity_marks(text: str) -> dict[str, set[str]]:
    """What one page says of its seller, by kind, each normalised so that wording does not
    matter: SIRENs (also from SIRETs and FR VAT numbers), VAT numbers, company numbers, names."""
    seller = _seller_text(text)
    ids = find_identifiers(seller)
    return {
        "siren": set(ids.sirens) | {siren for _, siren in ids.vat_fr},
        "vat": {f"DE{v}" for v in ids.vat_de}
        | {f"IT{p}" for p in ids.piva}
        | {f"GB{v}" for v in ids.vat_gb},
        "company_no": set(ids.es_nif) | set(ids.uk_company) | {f"HRB{h}" for h in ids.hrb},
        "name": company_names(seller),
    }


def _same_name(a: set[str], b: set[str]) -> bool:
    # "acme" and "acme distribution" are one company: token-set similarity, not equality.
    return any(fuzz.token_set_ratio(x, y) >= 90 for x in a for y in b)


def identities_conflict(marks: list[dict[str, set[str]]]) -> bool:
    """True when two pages name different sellers: for some kind both give, they share no value
    (by digits for numbers, by normalised form for names)."""
    for i, first in enumerate(marks):
        for second in marks[i + 1 :]:
            for kind, values in first.items():
                other = second[kind]
                if not values or not other:
                    continue
                if kind == "name":
                    if not _same_name(values, other):
                        return True
                elif not values & other:
                    return True
    return False
