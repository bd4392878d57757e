"""Domain features: the name itself and its registration as of the report (RDAP). Unknown stays
None, never 0: a missing RDAP record says nothing about the site.

Registry statuses (a hold, a registry lock) are notes, not model inputs: they fired on under 1% of
the sample and of real shops together (the sample has one hold and no registry lock, real shops
no record), so a model cannot learn their weight; an investigator still reads them."""

from __future__ import annotations

import re
from datetime import datetime

from rapidfuzz import process
from rapidfuzz.distance import OSA

from capture.site import Site
from features.lexicon import neutral

Row = dict[str, float | int | bool | None]
_HOLD = {
    "clienthold",
    "serverhold",
    "inactive",
    "pendingdelete",
    "redemptionperiod",
    "pendingrestore",
}


def _days(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    return round((later - earlier).total_seconds() / 86400, 1)


def brand_lookalike(label: str) -> bool:
    """True when the label uses a well-known brand without being that brand's own name
    (nike-outlet, simplybirkenstock) or holds a near miss of one (adiddas, n1ke).

    One feature for both: a brand's own domain (zara.com) is no sign of fraud, while a name built
    on someone else's brand is, whether spelt right or not. Brands under five letters count only
    as whole words between hyphens ("vans" is in "canvas") and never for near misses (one edit
    from "nike" is "bike").
    """
    words = set(label.split("-"))
    glued = label.replace("-", "")
    letters = frozenset(glued)
    for brand in neutral.BRANDS:
        if brand == glued:
            continue  # the brand's own name
        if brand in (words if len(brand) < 5 else glued):
            return True
        if len(brand) < 5 or brand in glued:
            continue
        allowed = 1 if len(brand) <= 7 else 2
        # Each edit takes at most one of the brand's letters away, so a near miss leaves at most
        # `allowed` of its distinct letters out of the label: most brands are ruled out here.
        if len(set(brand) - letters) > allowed:
            continue
        windows = [
            glued[start : start + size]
            for size in (len(brand) - 1, len(brand), len(brand) + 1)
            for start in range(0, max(0, len(glued) - size) + 1)
        ]
        # Every window compared in one call (rapidfuzz's loop, not one Python call each).
        if process.extractOne(brand, windows, scorer=OSA.distance, score_cutoff=allowed):
            return True
    return False


def name_features(domain: str) -> Row:
    label = domain.split(".", 1)[0]
    tld = domain.rsplit(".", 1)[-1]
    words = {w for w in re.split(r"[-\d]+", label) if w}
    # Short words (fr, eu, sale) count only as whole words between hyphens; long ones anywhere,
    # since "nikeoutletsoldes" glues them together.
    sales_words = sum(
        w in words if len(w) < 5 else w in label for w in set(neutral.DOMAIN_SALES_WORDS)
    )
    return {
        "domain_length": len(label),
        "domain_hyphens": label.count("-"),
        "domain_digits": sum(ch.isdigit() for ch in label),
        "domain_tld_cheap": tld in neutral.TLD_CHEAP,
        "domain_tld_market": tld in neutral.TLD_MARKET,
        "domain_sales_words": sales_words,
        "domain_brand_lookalike": brand_lookalike(label),
    }


def registration_features(site: Site) -> Row:
    """Age and history of the domain at `reported_at`; dates after the report are not yet known."""
    rdap = site.rdap
    at = site.reported_at
    if rdap is None:
        return {
            "rdap_found": False,
            "domain_age_days": None,
            "domain_registration_span_days": None,
            "domain_days_since_change": None,
            "domain_registrant_redacted": None,
        }
    registered = rdap.registered_at if rdap.registered_at and rdap.registered_at <= at else None
    changed = rdap.last_changed_at if rdap.last_changed_at and rdap.last_changed_at <= at else None
    return {
        "rdap_found": True,
        "domain_age_days": _days(at, registered),
        "domain_registration_span_days": _days(rdap.expires_at, rdap.registered_at),
        "domain_days_since_change": _days(at, changed),
        "domain_registrant_redacted": rdap.registrant_redacted,
    }


def registry_notes(site: Site) -> list[str]:
    """Weightless notes, in English and French, on the registry statuses of the domain's RDAP
    record: a hold or pending deletion (often a takedown already under way) and a registry lock
    (server ... prohibited: it costs money and paperwork, established names have it)."""
    statuses = site.rdap.statuses if site.rdap is not None else ()
    squeezed = {s.replace(" ", "").replace("_", "") for s in statuses}
    notes = []
    held = sorted(squeezed & _HOLD)
    if held:
        notes.append(
            f"domain suspended at the registry ({', '.join(held)}) / domaine suspendu au registre"
            f" ({', '.join(held)})"
        )
    if any(s.startswith("server") and s.endswith("prohibited") for s in squeezed):
        notes.append("domain under registry lock / domaine verrouillé par le registre")
    return notes


def domain_features(site: Site) -> Row:
    return {**name_features(site.domain), **registration_features(site)}
