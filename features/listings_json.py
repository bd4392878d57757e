"""A site's product listings as compact JSON, the feature table's `listings` context column.

Listings are read while the pages are parsed (features/pipeline.py), once, in the worker
process; matching them against Safety Gate alerts runs later, in the parent process that holds
the alert index (models/alerts_column.py). The JSON carries them across, and through the row
cache: one object per listing with the empty fields left out ({"n": name, "b": brand,
"m": models, "g": barcodes, "u": page URL}).
"""

from __future__ import annotations

import json

from features.listings import Listing


def dump_listings(listings: list[Listing]) -> str:
    """The listings as compact JSON ('' when there are none, so most rows stay empty)."""
    if not listings:
        return ""
    items = []
    for listing in listings:
        item: dict[str, object] = {
            "n": listing.name,
            "b": listing.brand,
            "m": list(listing.models),
            "g": list(listing.gtins),
            "u": listing.url,
        }
        items.append({key: value for key, value in item.items() if value})
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def load_listings(text: str) -> list[Listing]:
    """The listings of a `listings` column value; ValueError saying what is wrong when it is not
    what `dump_listings` writes (a row from another scamrank, or a file edited by hand)."""
    if not text:
        return []
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"listings column is not JSON: {error}") from error
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError("listings column is not a JSON list of listing objects")
    return [
        Listing(
            name=str(item.get("n", "")),
            brand=str(item.get("b", "")),
            models=_texts(item.get("m")),
            gtins=_texts(item.get("g")),
            url=str(item.get("u", "")),
        )
        for item in items
    ]
