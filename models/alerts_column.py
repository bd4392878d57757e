"""The scores' `alerts` column: each site's product listings (the feature table's `listings`
context column) matched against a Safety Gate alert index.

Matching runs here, in the process that scores, after the table is built: the feature workers
never load the index. Alerts carry no model weight: they never change a score, a rank or the
reasons; they are evidence beside them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from features.alerts import AlertIndex, Match, format_alerts, match_listings
from features.listings_json import load_listings

log = logging.getLogger(__name__)
ALERTS = "alerts"
LISTINGS = "listings"


def load_index(path: str | Path) -> AlertIndex:
    """The alert index at `path`, ready to match. FileNotFoundError or ValueError naming the path
    when there is no index there or the file is not one (never silently "no alerts")."""
    from capture.alert_index import load_alerts  # DuckDB and Arrow: only runs with an index

    return AlertIndex(load_alerts(path))


def row_matches(listings: object, index: AlertIndex, case_id: object = "") -> list[Match]:
    """The matches of one row's `listings` value; none (with a warning) when it cannot be read:
    one broken row never stops a batch."""
    if not isinstance(listings, str) or not listings:
        return []
    try:
        return match_listings(load_listings(listings), index)
    except ValueError as error:
        log.warning("case %s: %s: not matched against alerts", case_id, error)
        return []


def add_alerts(scores: pd.DataFrame, index: AlertIndex | None) -> pd.DataFrame:
    """`scores` with an `alerts` column (each match as `reference: listing (risk)`, `;`-separated,
    '' when none or without an index) right after `reasons`, and without the bulky `listings`
    column. Nothing else changes: scores, ranks and reasons are those given."""
    out = scores.copy()
    listings = out.pop(LISTINGS) if LISTINGS in out else pd.Series([""] * len(out), index=out.index)
    if index is None:
        column = [""] * len(out)
    else:
        ids = out["case_id"] if "case_id" in out else pd.Series([""] * len(out), index=out.index)
        column = [
            format_alerts(row_matches(value, index, case_id))
            for value, case_id in zip(listings, ids, strict=True)
        ]
    if ALERTS in out:
        out = out.drop(columns=[ALERTS])
    at = out.columns.get_loc("reasons") + 1 if "reasons" in out else len(out.columns)
    out.insert(int(at), ALERTS, column)
    return out
