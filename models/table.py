"""Sites -> a feature table: one row per case, the features in catalogue order, and beside them
the case's facts and whatever kept a row from being scored."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
import pandas as pd

from capture.site import Site
from features.catalogue import FEATURE_NAMES
from features.pipeline import CONTEXT_COLUMNS, NoPagesError, extract_with_context

log = logging.getLogger(__name__)
CASE_COLUMNS = ("case_id", "url", "reported_at", "outcome", "domain", "pages", "notes", "error")
META_COLUMNS = (*CASE_COLUMNS, *CONTEXT_COLUMNS)


def site_row(site: Site) -> dict[str, object]:
    """One table row; an extraction failure is kept in `error`, never raised."""
    meta: dict[str, object] = {
        "case_id": site.case_id,
        "url": site.url,
        "reported_at": site.reported_at,
        "outcome": site.case.outcome or "",
        "domain": site.domain,
        "pages": len(site.pages),
        "notes": " | ".join(site.notes),
        "error": "",
        **dict.fromkeys(CONTEXT_COLUMNS, ""),
    }
    try:
        features, context = extract_with_context(site)
    except NoPagesError:
        meta["error"] = "no captured page for this site"
        return meta
    except Exception as exc:  # one broken site must not stop a batch; its row says what broke
        log.warning("case %s: feature extraction failed: %r", site.case_id, exc)
        meta["error"] = f"feature extraction failed: {type(exc).__name__}: {exc}"
        return meta
    return {**meta, **context, **features}


def build_table(sites: Iterable[Site]) -> pd.DataFrame:
    """The feature table of many sites; feature columns are float (NaN for unknown)."""
    rows = [site_row(site) for site in sites]
    table = pd.DataFrame(rows, columns=[*META_COLUMNS, *FEATURE_NAMES])
    table[list(FEATURE_NAMES)] = table[list(FEATURE_NAMES)].astype("float64")
    for column in ("error", *CONTEXT_COLUMNS):
        table[column] = table[column].fillna("")
    return table


def feature_matrix(table: pd.DataFrame, names: Iterable[str] = FEATURE_NAMES) -> np.ndarray:
    return table[list(names)].to_numpy(dtype="float64", na_value=np.nan)
