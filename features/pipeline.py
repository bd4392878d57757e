"""Site -> one row of named features: parse each page once, then run every family on the trees."""

from __future__ import annotations

from capture.site import Site
from features.blocked import blocked_notes, blocked_roles
from features.catalogue import FEATURE_NAMES, TABLE_FEATURES
from features.domain import domain_features, registry_notes
from features.identity_context import (
    iban_features,
    marks_context,
    seller_context,
    site_text,
    skeleton_context,
)
from features.legal import legal_features, read_legal, seller_identity
from features.linked import uncaptured_notes, uncaptured_roles
from features.listings import site_listings
from features.listings_json import dump_listings
from features.parse import parse_site
from features.payment import payment_features
from features.pricing import pricing_features
from features.shop import page_shop_signs
from features.structure import (
    platform_of,
    structure_features,
    template_fingerprint,
    tracker_ids,
    unparsed_notes,
)
from features.text import text_features

Row = dict[str, float | int | bool | None]
PIPELINE_VERSION = "6"
# Context shown beside a score and used to group an operator's cases; not model inputs.
# `shop_signs`: the pages' own signs of a shop (features/shop.py), for the "not a shop" note.
# `listings`: the product listings as JSON (features/listings_json.py), read here while the pages
# are parsed, matched against Safety Gate alerts later (models/alerts_column.py).
# `seller`, `marks`, `skeleton` (features/identity_context.py): the notice's SIRENs, names and
# postcodes for the register, the identifiers and landing-page skeleton that link cases; the
# table-level features are computed from them (models/identity.py).
CONTEXT_COLUMNS = (
    "platform",
    "trackers",
    "template",
    "identity",
    "registrar",
    "shop_signs",
    "listings",
    "seller",
    "marks",
    "skeleton",
)


class NoPagesError(ValueError):
    """A site with no captured page cannot be scored: its row says so instead of guessing."""


def extract(site: Site) -> Row:
    """The feature row of a site, as of its report, in catalogue order."""
    return extract_with_context(site)[0]


def extract_with_context(site: Site) -> tuple[Row, dict[str, str]]:
    """The feature row, and context that is not a model input: the shop platform, tracker IDs and
    the template fingerprint (to group the shops of one operator). Context `notes` says what the
    pages could not tell (a blocked legal notice or checkout), " | "-joined, for the row's notes
    column (models/table.py appends it to the capture's own notes)."""
    if not site.pages:
        raise NoPagesError(f"{site.case_id}: no captured page for {site.url}")
    pages = parse_site(site)
    legal = read_legal(pages)  # read once: the features and the seller's identity both use it
    blocked = blocked_roles(pages)  # roles whose pages all answered with a wall, not content
    # Key pages linked but not captured: unknown, like a blocked page, never absent.
    uncaptured = uncaptured_roles(pages) - set(blocked)
    unread = {**dict.fromkeys(uncaptured & {"checkout"}, "not captured"), **blocked}
    row: Row = {
        **domain_features(site),
        **legal_features(site, pages, legal, blocked, uncaptured),
        **payment_features(pages, unread),
        **text_features(pages, site.domain),
        **pricing_features(pages),
        **structure_features(pages),
        **iban_features(text := site_text(pages), site.domain, legal.ids),
    }
    # Table-level features (register, links) are filled once every row is built: unknown here.
    missing = (set(FEATURE_NAMES) - TABLE_FEATURES) ^ set(row)
    if missing:  # a family and the catalogue disagree: a programming error, not bad input
        raise RuntimeError(f"features and catalogue differ on: {sorted(missing)}")
    trackers = tracker_ids(pages)
    context = {
        "platform": platform_of(pages),
        "trackers": " ".join(trackers),
        "template": template_fingerprint(pages),
        "identity": " ".join(seller_identity(legal)),
        "registrar": (site.rdap.registrar or "") if site.rdap else "",
        "shop_signs": " ".join(page_shop_signs(pages)),
        "listings": dump_listings(site_listings(pages)),
        "seller": seller_context(legal),
        "marks": marks_context(text, trackers, site.domain),
        "skeleton": skeleton_context(pages),
        "notes": " | ".join(
            [
                *blocked_notes(blocked),
                *uncaptured_notes(uncaptured),
                *registry_notes(site),
                *unparsed_notes(pages),
            ]
        ),
    }
    return {name: row.get(name) for name in FEATURE_NAMES}, context
