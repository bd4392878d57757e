"""Notes: facts about a scored site that carry no weight in its score (missing evidence, not a
shop), in English and French like the reasons. Reasons are the model's contributions; notes tell
an investigator what the score could not rest on, or where the case belongs."""

from __future__ import annotations

from collections.abc import Mapping

from features.linked import UNCAPTURED_NOTES
from features.register import REGISTER_NOTES
from features.shop import is_shop

NO_RECORD = "no_record"
NOT_A_SHOP = "not_a_shop"
NOTES: dict[str, dict[str, str]] = {
    NO_RECORD: {
        "en": "no registration record: the score rests on the pages alone",
        "fr": "pas d'enregistrement RDAP : le score repose sur les pages seules",
    },
    NOT_A_SHOP: {
        "en": "not a shop",
        "fr": "pas une boutique",
    },
    # A key page linked but not captured: the pipeline writes these into the row's notes column
    # (features/linked.py), since only the pages tell a missing page from one that never existed.
    **{f"{role}_not_captured": text for role, text in UNCAPTURED_NOTES.items()},
    # What the company register could not tell (no register given, its current state used
    # instead of the state at the report): models/identity.py writes these codes beside the row.
    **REGISTER_NOTES,
}


def note_codes(row: Mapping[str, object]) -> list[str]:
    """The notes that apply to a feature row (values as extracted, NaN for unknown)."""
    codes = []
    found = row.get("rdap_found")
    if found is not None and found == found and not found:
        codes.append(NO_RECORD)
    if not is_shop(row):
        codes.append(NOT_A_SHOP)
    return codes


def note_text(codes: list[str], language: str = "en") -> list[str]:
    """The notes in `language` ("en" or "fr"); an unknown language falls back to English."""
    # A code this version does not know (written by a newer one) is left out, not an error.
    return [NOTES[c].get(language, NOTES[c]["en"]) for c in codes if c in NOTES]
