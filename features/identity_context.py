"""What the pages say of who runs a shop, for the features and the context columns that the
company register and operator links need later (models/identity.py).

The payment-IBAN signals are ordinary features of the pages: an IBAN shown, whether every one
shown is valid, and its country against the shop's (its country TLD) and the company's (the
country of the identifiers in the legal notice). The rest is context, not model input: the
notice's SIRENs, SIRETs, company names and postcodes (looked up in the register once the table is
built), the strong identifiers that link cases (features/contacts.py) and the landing page's
skeleton (features/skeleton.py), kept compressed because a kit's page has thousands of elements.
"""

from __future__ import annotations

import base64
import json
import re
import zlib

from features.contacts import contact_marks, find_ibans, find_sirets, iban_facts
from features.identifiers import Identifiers
from features.legal import LegalFacts
from features.lexicon import neutral
from features.parse import ParsedPage, markup_of
from features.skeleton import markup_skeleton

Row = dict[str, float | int | bool | None]
IBAN_FEATURES = ("iban_shown", "iban_valid", "iban_country_is_shop", "iban_country_is_company")
# Country TLDs whose country is not their code, and the market TLDs that name no one country.
_TLD_COUNTRY = {"uk": "GB"}
_NO_COUNTRY = {"eu"}
# French postcodes in an address: five digits before the town's name.
_POSTCODE = re.compile(r"\b(\d{5})\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ'\-]+")
MAX_TEXT = 400_000  # characters of page text read for identifiers, per site


def shop_country(domain: str) -> str | None:
    """The country of the shop's market from its country TLD (.fr -> FR); None for a generic or
    multi-country TLD (.com, .shop, .eu)."""
    tld = domain.rsplit(".", 1)[-1].lower()
    if tld in _NO_COUNTRY or tld not in neutral.TLD_MARKET:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def company_country(ids: Identifiers) -> str | None:
    """The country of the seller's company from the identifiers its notice gives, French first
    (SIREN, FR VAT), then German, Italian, Spanish and British numbers; None when none is given."""
    if ids.sirens or ids.vat_fr:
        return "FR"
    for country, values in (
        ("DE", ids.vat_de + ids.hrb),
        ("IT", ids.piva),
        ("ES", ids.es_nif),
        ("GB", ids.uk_company + ids.vat_gb),
    ):
        if values:
            return country
    return None


def site_text(pages: list[ParsedPage]) -> str:
    """The visible text of every page, capped: where IBANs, phones and e-mails are shown."""
    return "\n".join(p.text for p in pages)[:MAX_TEXT]


def iban_features(text: str, domain: str, ids: Identifiers) -> Row:
    """The payment-IBAN signals of a site (features/contacts.py's iban_facts)."""
    return dict(iban_facts(find_ibans(text), shop_country(domain), company_country(ids)))


def seller_context(legal: LegalFacts) -> str:
    """The notice's SIRENs (valid ones first), SIRETs, company names and postcodes, as compact
    JSON: what the register is asked and compared with."""
    ids = legal.ids
    sirens = [s for s, ok in zip(ids.sirens, ids.siren_valid, strict=True) if ok]
    sirens += [s for _, s in ids.vat_fr if s not in sirens]
    names = sorted({n for marks in legal.marks for n in marks.get("name", ())})
    context = {
        "sirens": sirens,
        "sirets": sorted(find_sirets(legal.text)),
        "names": names,
        "postcodes": list(dict.fromkeys(_POSTCODE.findall(legal.text))),
        "country": company_country(ids),
    }
    return json.dumps(context, separators=(",", ":"), ensure_ascii=False)


def marks_context(text: str, trackers: tuple[str, ...], domain: str) -> str:
    """The strong identifiers that link cases (contact_marks, plus tracker IDs), as compact
    JSON of sorted lists by kind (phones without a country code read as the shop's country's)."""
    marks = contact_marks(text, shop_country(domain) or "FR")
    marks["tracker"] = set(trackers)
    found = {kind: sorted(values) for kind, values in marks.items() if values}
    return json.dumps(found, separators=(",", ":"), ensure_ascii=False)


def skeleton_context(pages: list[ParsedPage]) -> str:
    """The landing page's skeleton, zlib-compressed and base64-encoded (kits repeat their
    elements, so it shrinks about twentyfold); '' when the page has none."""
    tokens = markup_skeleton(markup_of(pages[0])) if pages else []  # the tree already parsed
    if not tokens:
        return ""
    return base64.b64encode(zlib.compress(" ".join(tokens).encode(), 6)).decode("ascii")


def read_skeleton(blob: str) -> list[str]:
    """The skeleton tokens of a `skeleton_context` value; empty for '' or a damaged value."""
    if not blob:
        return []
    try:
        return zlib.decompress(base64.b64decode(blob)).decode().split()
    except (ValueError, zlib.error, UnicodeDecodeError):
        return []  # a damaged cell links nothing; it never stops the table
