"""Sites -> a feature table: one row per case, the features in catalogue order, and beside them
the case's facts, context for investigators and whatever kept a row from being scored.

Rows are extracted on every core (joblib) in chunks, so a bundle of any size streams through
bounded memory, and are read from a RowCache when the site's captures have not changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from rich.progress import Progress

from capture.bundle import CAPTURE_ERROR
from capture.site import Site
from features.catalogue import (
    CHECKOUT_FOUND,
    FEATURE_NAMES,
    PAGE_FOUND,
    UNKNOWN_AS,
    UNKNOWN_CHECKOUT_AS,
    UNKNOWN_PAGE_AS,
    UNKNOWN_RECORD_AS,
    UNKNOWN_REGISTER_AS,
)
from features.pipeline import CONTEXT_COLUMNS, NoPagesError, extract_with_context
from models.cache import RowCache, site_key
from models.process import release_free_memory

log = logging.getLogger(__name__)
CASE_COLUMNS = ("case_id", "url", "reported_at", "outcome", "domain", "pages", "notes", "error")
# Filled over the whole table once every row is built (models/identity.py), "" until then. Made
# here with the rest: a column added to a built table costs the service's one site 0.1 ms each.
IDENTITY_COLUMNS = ("operator", "register_notes", "reason_texts")
META_COLUMNS = (*CASE_COLUMNS, *CONTEXT_COLUMNS, *IDENTITY_COLUMNS)
CHUNK = 256  # sites read, extracted and written to the cache at a time
# Below this many sites to extract, one process: each joblib worker spends about 2 s importing
# the feature code before its first site, and a site takes 25-100 ms (40 sample sites: 1.1 s
# in one process, 2.3 s on two workers; 80 sites: 2.0 s against 2.7 s).
PARALLEL_FROM = 64


def extracted(site: Site) -> dict[str, object]:
    """Features and context of a site, or the error that kept it from having them. Never raises:
    one broken site must not stop a batch; its row says what broke."""
    try:
        features, context = extract_with_context(site)
    except NoPagesError:
        # A live capture says why it got no page (capture/live.py writes it in cases.csv).
        failed = site.case.extra.get(CAPTURE_ERROR, "").strip()
        reason = f"capture failed: {failed}" if failed else "no captured page for this site"
        return {"error": reason}
    except Exception as exc:
        log.warning("case %s: feature extraction failed: %r", site.case_id, exc)
        return {"error": f"feature extraction failed: {type(exc).__name__}: {exc}"}
    return {"error": "", **context, **features}


def site_row(site: Site, result: dict[str, object]) -> dict[str, object]:
    """One table row: the case's facts, then the extraction result."""
    meta: dict[str, object] = {
        "case_id": site.case_id,
        "url": site.url,
        "reported_at": site.reported_at,
        "outcome": site.case.outcome or "",
        "domain": site.domain,
        "pages": len(site.pages),
        "notes": " | ".join(site.notes),
        **dict.fromkeys(CONTEXT_COLUMNS, ""),
    }
    # The pipeline's own notes (a blocked legal notice or checkout) follow the capture's.
    page_notes = str(result.get("notes") or "")
    if page_notes:
        meta["notes"] = " | ".join(part for part in (meta["notes"], page_notes) if part)
    return {**meta, **{k: v for k, v in result.items() if k != "notes"}}


def table_row(site: Site, result: dict[str, object]) -> dict[str, object]:
    """One site's row as its table holds it (see _frame): the case's facts, text cells "" when
    missing, every feature a float (NaN unknown). The service scores its one site from this row
    (models/scorer.py Scorer.score_row): building a one-row table and reading it back cost more
    than the model."""
    row = site_row(site, result)
    cells = {c: _text(row.get(c)) if c in _TEXT_COLUMNS else row.get(c) for c in META_COLUMNS}
    return {**cells, **{name: _as_float(row.get(name)) for name in FEATURE_NAMES}}


def _chunks(sites: Iterable[Site]) -> Iterator[list[Site]]:
    iterator = iter(sites)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _extract_all(sites: list[Site], n_jobs: int) -> list[dict[str, object]]:
    if n_jobs == 1 or len(sites) < PARALLEL_FROM:
        return [extracted(site) for site in sites]
    return Parallel(n_jobs=n_jobs)(delayed(extracted)(site) for site in sites)


def build_table(
    sites: Iterable[Site],
    cache: RowCache | None = None,
    n_jobs: int = 1,
    total: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The feature table of many sites; feature columns are float (NaN for unknown).

    Each chunk's rows become a table before the next chunk is read: a row as a dict of a few
    hundred named values weighs ten times its table row, and a bundle has thousands of them."""
    parts: list[pd.DataFrame] = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("features", total=total)
        for chunk in _chunks(sites):
            keys = [site_key(site) for site in chunk] if cache else []
            found = [cache.get(key) for key in keys] if cache else [None] * len(chunk)
            missing = [i for i, result in enumerate(found) if result is None]
            fresh = _extract_all([chunk[i] for i in missing], n_jobs)
            for i, result in zip(missing, fresh, strict=True):
                found[i] = result
            if cache and missing:
                cache.put_many((keys[i], found[i]) for i in missing)
            parts.append(
                _frame([site_row(site, result) for site, result in zip(chunk, found, strict=True)])
            )
            if len(chunk) == CHUNK or len(parts) > 1:
                # A batch: the chunk's pages are gone, their heap pages go back too, so the
                # heap stays the size of a chunk. A table of one short chunk (the service's one
                # site) keeps them: it would fault them in again for its next table.
                release_free_memory()
            bar.advance(task, len(chunk))
    if len(parts) == 1:
        return parts[0]
    return pd.concat(parts or [_frame([])], ignore_index=True)


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Rows as one table: built column-wise in one go, features as one float block, because
    per-column assignment costs more than the model itself when the service scores one site."""
    meta = pd.DataFrame(
        {
            column: [_text(row.get(column)) for row in rows]
            if column in _TEXT_COLUMNS
            else [row.get(column) for row in rows]
            for column in META_COLUMNS
        },
        columns=list(META_COLUMNS),
    )
    values = np.array(
        [[_as_float(row.get(name)) for name in FEATURE_NAMES] for row in rows], dtype="float64"
    ).reshape(len(rows), len(FEATURE_NAMES))
    features = pd.DataFrame(values, columns=list(FEATURE_NAMES), index=meta.index)
    return pd.concat([meta, features], axis=1)


_TEXT_COLUMNS = frozenset(("error", *CONTEXT_COLUMNS, *IDENTITY_COLUMNS))  # text, "" when missing


def _text(value: object) -> object:
    """A text column's value, "" for a missing one (None or NaN)."""
    return "" if value is None or value != value else value


def _as_float(value: object) -> float:
    return np.nan if value is None else float(value)  # type: ignore[arg-type]


def feature_matrix(table: pd.DataFrame, names: Iterable[str] = FEATURE_NAMES) -> np.ndarray:
    """The model's input: feature columns as floats, NaN for unknown, except the checks listed in
    UNKNOWN_AS and the register facts (UNKNOWN_REGISTER_AS), which the model sees at their stated
    value (see the catalogue for why)."""
    names = list(names)
    return model_input(raw_matrix(table, names), names)


def model_input(raw: np.ndarray, names: Iterable[str] = FEATURE_NAMES) -> np.ndarray:
    """`feature_matrix` of features already read as extracted (`raw_matrix`), left unchanged:
    a scorer reads the table once and describes its reasons from `raw`."""
    names = list(names)
    x = np.array(raw)  # a copy: to_numpy may return a read-only view, and raw stays as read
    withhold_pages(x, names, _page_missing(x, names))
    checkout_missing = _page_missing(x, names, (CHECKOUT_FOUND,))
    withhold_pages(x, names, checkout_missing, UNKNOWN_CHECKOUT_AS)
    for j, name in enumerate(names):
        stated = UNKNOWN_AS.get(name, UNKNOWN_REGISTER_AS.get(name))
        if stated is not None:
            column = x[:, j]
            column[np.isnan(column)] = stated
    return withhold_record(x, names, _no_record(x, names))


def _page_missing(x: np.ndarray, names: list[str], found: Iterable[str] = PAGE_FOUND) -> np.ndarray:
    """Rows where one of the `found` pages is unknown (linked but not captured, or blocked): the
    extractors leave its `*_found` unknown. The legal notice, terms and contact page by default."""
    columns = [names.index(name) for name in found if name in names]
    if not columns:
        return np.zeros(len(x), dtype=bool)
    return np.isnan(x[:, columns]).any(axis=1)


def withhold_pages(
    x: np.ndarray,
    names: Iterable[str],
    rows: np.ndarray,
    unknown_as: dict[str, float] = UNKNOWN_PAGE_AS,
) -> np.ndarray:
    """`x` (changed in place) with the unknown facts of `rows` (a boolean mask) set to
    `unknown_as`, the legal facts' UNKNOWN_PAGE_AS by default: a field a missing page may give is
    not a field the site lacks (see the catalogue). Known values stay."""
    for j, name in enumerate(names):
        if name in unknown_as:
            column = x[:, j]
            column[rows & np.isnan(column)] = unknown_as[name]
    return x


def _no_record(x: np.ndarray, names: list[str]) -> np.ndarray:
    """Rows whose domain has no RDAP record."""
    if "rdap_found" not in names:
        return np.zeros(len(x), dtype=bool)
    return x[:, names.index("rdap_found")] == 0


def withhold_record(x: np.ndarray, names: Iterable[str], rows: np.ndarray) -> np.ndarray:
    """`x` (changed in place) with the registration facts of `rows` (a boolean mask) and every
    unknown registration fact set to UNKNOWN_RECORD_AS: a check that could not be made because a
    record is missing is not a failed check (see the catalogue)."""
    for j, name in enumerate(names):
        if name in UNKNOWN_RECORD_AS:
            column = x[:, j]
            column[rows | np.isnan(column)] = UNKNOWN_RECORD_AS[name]
    return x


def raw_matrix(table: pd.DataFrame, names: Iterable[str] = FEATURE_NAMES) -> np.ndarray:
    """Feature columns as extracted (NaN for unknown): what reasons describe."""
    return table[list(names)].to_numpy(dtype="float64", na_value=np.nan)
