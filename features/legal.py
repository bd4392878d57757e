"""Legal-notice features: is there a notice, which of the fields the law requires does it give
(LCEN art. 6, Code de la consommation L111-1 and L221-5; Impressum, aviso legal, note legali), do
its identifiers pass their checksums, and does the identity fit the site?"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from capture.domains import registrable_domain
from capture.site import Site
from features.identifiers import (
    Identifiers,
    find_identifiers,
    fr_vat_key,
    identities_conflict,
    identity_marks,
    luhn_ok,
)
from features.lexicon import first, found, neutral, pattern
from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?:\+33\s?\(?0?\)?\s?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b"  # French numbers
    r"|\+\d{2,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-/]?\d{2,4}){2,5}"  # international form
    r"|(?:t[ée]l(?:[ée]phone)?|phone|telefon|tel[ée]fono)\W{0,5}\(?0\d[\d\s()./\-]{6,}",
    re.IGNORECASE,
)
_POSTAL = re.compile(
    r"\b\d{4,5}\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ'\-]{2,}"  # 75011 Paris, 10115 Berlin, 1000 Bruxelles
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # UK postcode
)
_WORD = re.compile(r"[a-z0-9]{4,}")
# Facts read on every page, which a blocked notice page does not hide; and the checks of what was
# found, which stay what they are.
_SITE_WIDE = {
    "legal_withdrawal_14d",
    "legal_identity_conflict",
    "legal_email_freemail",
    "legal_email_own_domain",
    "legal_company_matches_site",
    "legal_company_id_valid",
    "legal_siren_luhn_ok",
    "legal_vat_key_ok",
    "legal_vat_matches_siren",
}
# Checks that one more page can only turn bad: an absence of them stays known when a page is
# missing (see _unknown_when_uncaptured).
_ONLY_WORSE = {"legal_identity_conflict", "legal_email_freemail"}
FIELDS = (
    "company_form",
    "company_id",
    "registry",
    "capital",
    "vat",
    "address",
    "phone",
    "email",
    "director",
    "host",
    "mediator",
    "withdrawal_14d",
)
_IGNORED_NAME_WORDS = {
    "societe",
    "company",
    "gmbh",
    "sarl",
    "capital",
    "siege",
    "social",
    "sous",
    "numero",
    "mentions",
    "legales",
    "legal",
    "notice",
    "impressum",
    "with",
    "avec",
    "editeur",
    "site",
    "boutique",
    "shop",
    "store",
    "online",
    "france",
}


def _plain(text: str) -> str:
    """Lower case without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _legal_text(pages: list[ParsedPage]) -> str:
    """Text where the identity of a seller is given: notice, terms and contact pages, and every
    footer (small shops often put it there). Each footer once, since templates repeat them."""
    parts: list[str] = [p.text for p in pages if p.roles & {"legal", "terms", "contact"}]
    parts.extend(dict.fromkeys(p.footer_text for p in pages if p.footer_text))
    return "\n".join(parts)


def _emails(pages: list[ParsedPage], text: str) -> list[str]:
    found = [m.group(0).lower().rstrip(".") for m in _EMAIL.finditer(text)]
    for page in pages:
        if page.roles & {"legal", "terms", "contact"} or not found:
            found.extend(m.lower() for m in re.findall(r"mailto:([^\"'?>\s]+)", page.html))
    return [
        e
        for e in dict.fromkeys(found)
        if _EMAIL.fullmatch(e) and not e.endswith((".png", ".jpg", ".svg", ".webp"))
    ]


def _company_words(text: str) -> list[str] | None:
    """Words around the first legal form (SAS, GmbH, Ltd...): where the company's name stands."""
    match = first(pattern("COMPANY_FORM"), text)
    if match is None:
        return None
    around = _plain(text[max(0, match.start - 60) : match.end + 60])
    return [w for w in _WORD.findall(around) if w not in _IGNORED_NAME_WORDS and not w.isdigit()]


def _name_matches(words: list[str], site: Site, pages: list[ParsedPage]) -> bool:
    label = _plain(site.domain.split(".")[0]).replace("-", "")
    title = _plain(pages[0].title) if pages else ""
    return any(w in label or label in w or w in title for w in words)


@dataclass(frozen=True)
class LegalFacts:
    """What the seller says of itself, read once per site: the text where identity is given,
    the identifiers in it and the e-mail addresses."""

    text: str
    ids: Identifiers
    emails: list[str]
    marks: list[dict[str, set[str]]]  # what each page (or distinct footer) says of the seller


def _identity_sources(pages: list[ParsedPage]) -> list[str]:
    """Each text that may name the seller on its own: every notice, terms or contact page, and
    each distinct footer of the other pages."""
    sources = [p.text for p in pages if p.roles & {"legal", "terms", "contact"}]
    seen = set(sources)
    for page in pages:
        other = not page.roles & {"legal", "terms", "contact"}
        if page.footer_text and other and page.footer_text not in seen:
            seen.add(page.footer_text)
            sources.append(page.footer_text)
    return sources


def read_legal(pages: list[ParsedPage]) -> LegalFacts:
    text = _legal_text(pages)
    marks = [identity_marks(source) for source in _identity_sources(pages)]
    return LegalFacts(text, find_identifiers(text), _emails(pages, text), marks)


def _identity_checks(text: str, ids: Identifiers, marks: list[dict[str, set[str]]]) -> Row:
    any_id = bool(
        ids.sirens
        or ids.vat_fr
        or ids.vat_de
        or ids.piva
        or ids.es_nif
        or ids.uk_company
        or ids.hrb
    )
    vat_key_ok = all(key == fr_vat_key(siren) for key, siren in ids.vat_fr) if ids.vat_fr else None
    vat_matches = None
    if ids.vat_fr and ids.sirens:
        vat_matches = all(siren in ids.sirens for _, siren in ids.vat_fr)
    checks = [*ids.siren_valid, *(luhn_ok(p) for p in ids.piva)]
    if vat_key_ok is not None:
        checks.append(vat_key_ok)
    return {
        "legal_company_id": any_id,
        "legal_company_id_valid": all(checks) if checks else None,
        "legal_siren": bool(ids.sirens),
        "legal_siren_luhn_ok": all(ids.siren_valid) if ids.sirens else None,
        "legal_vat": bool(
            ids.vat_fr or ids.vat_de or ids.piva or re.search(r"\bVAT\b|TVA|USt", text)
        ),
        "legal_vat_key_ok": vat_key_ok,
        "legal_vat_matches_siren": vat_matches,
        # One identity everywhere: no two pages (notice, terms, contact, footers) name different
        # companies or numbers. Within one page several may stand (the host's, a mediator's).
        "legal_identity_conflict": identities_conflict(marks),
    }


def legal_features(
    site: Site,
    pages: list[ParsedPage],
    facts: LegalFacts | None = None,
    blocked: dict[str, str] | None = None,
    uncaptured: set[str] | None = None,
) -> Row:
    """Which legal-notice fields a site gives, whether they check out and fit the site.
    `blocked` maps the roles whose every page was blocked to why (features/blocked.py), and
    `uncaptured` holds the roles whose page is linked but was not captured (features/linked.py):
    what such a page would have said is unknown, so an absence there is None, never False."""
    facts = facts or read_legal(pages)
    text, emails = facts.text, facts.emails
    email_domains = {e.rsplit("@", 1)[1] for e in emails}
    company_words = _company_words(text)
    # The word lists search bytes encoded once: RE2 given a str encodes it again each time.
    data = text.encode()
    fields = {
        "company_form": company_words is not None,
        "registry": found(pattern("REGISTRY"), data),
        "capital": found(pattern("CAPITAL"), data),
        "address": bool(_POSTAL.search(text)),
        "phone": bool(_PHONE.search(text)),
        "email": bool(emails),
        "director": found(pattern("DIRECTOR"), data),
        "host": found(pattern("HOST"), data),
        "mediator": found(pattern("MEDIATOR"), data),
        "withdrawal_14d": found(pattern("WITHDRAWAL"), " ".join(p.text for p in pages).encode()),
    }
    row: Row = {
        "legal_page_found": any("legal" in p.roles for p in pages),
        "terms_page_found": any("terms" in p.roles for p in pages),
        "contact_page_found": any("contact" in p.roles for p in pages),
        **_identity_checks(text, facts.ids, facts.marks),
        **{f"legal_{name}": value for name, value in fields.items()},
    }
    present = [*fields.values(), row["legal_company_id"], row["legal_vat"]]
    row["legal_completeness"] = round(sum(bool(v) for v in present) / len(FIELDS), 3)
    row["legal_email_freemail"] = (
        any(d in neutral.FREEMAIL for d in email_domains) if email_domains else None
    )
    row["legal_email_own_domain"] = (
        any(registrable_domain(d) == site.domain for d in email_domains) if email_domains else None
    )
    row["legal_company_matches_site"] = (
        _name_matches(company_words, site, pages) if company_words else None
    )
    return _unknown_when_uncaptured(_unknown_when_blocked(row, blocked or {}), uncaptured or set())


def _unknown_when_blocked(row: Row, blocked: dict[str, str]) -> Row:
    """A blocked notice page hides its facts: what was not found elsewhere becomes unknown."""
    for role in ("legal", "terms", "contact"):
        if role in blocked:
            row[f"{role}_page_found"] = None
    if "legal" in blocked:
        for name, value in row.items():
            if name.startswith("legal_") and value is False and name not in _SITE_WIDE:
                row[name] = None
        row["legal_completeness"] = None
    return row


def _unknown_when_uncaptured(row: Row, uncaptured: set[str]) -> Row:
    """A notice, terms or contact page linked but not captured (features/linked.py) may give any
    field: each field not found on what was captured is unknown, and so is every check a field
    there could turn (an own-domain e-mail, a SIREN that matches the VAT number, the 14 days).
    Facts found stay: the site is scored on what is there. Only the checks that a further page
    could only make worse (an identity conflict, a free-mail address) keep a False."""
    for role in ("legal", "terms", "contact"):
        if role in uncaptured:
            row[f"{role}_page_found"] = None
    if uncaptured & {"legal", "terms", "contact"}:
        for name, value in row.items():
            if name.startswith("legal_") and name not in _ONLY_WORSE and value in (False, 0):
                row[name] = None
        if row["legal_completeness"] != 1:
            row["legal_completeness"] = None
    return row


def seller_identity(facts: LegalFacts) -> tuple[str, ...]:
    """The identifiers a seller gives (SIRENs, VAT numbers, e-mails): the same operator behind
    several shops often reuses them. Context for grouping cases, not a model input."""
    ids = facts.ids
    marks = [
        *ids.sirens,
        *(f"FR{k}{s}" for k, s in ids.vat_fr),
        *(f"DE{v}" for v in ids.vat_de),
        *ids.piva,
        *ids.es_nif,
        *ids.uk_company,
    ]
    return tuple(dict.fromkeys([*marks, *facts.emails]))
