"""A cache of feature rows, keyed by what was captured of each site and by the feature code.

A second `train` on the same bundle reads rows from here instead of extracting them again; a
changed page, RDAP record or case, or any change to the feature code, misses. The store is one
SQLite file, so concurrent runs and a crash in the middle lose nothing already written.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path

from capture.site import Site
from features.pipeline import PIPELINE_VERSION

_SCHEMA = "CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, row TEXT NOT NULL)"


@cache
def pipeline_fingerprint() -> str:
    """PIPELINE_VERSION plus a hash of the feature code and word lists: editing any extractor
    invalidates the cache even when nobody remembered to bump the version."""
    root = Path(__file__).resolve().parents[1] / "features"
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{PIPELINE_VERSION}+{digest.hexdigest()[:12]}"


def _default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return repr(value)


def site_key(site: Site) -> str:
    """A hash of everything the features of a site are computed from."""
    digest = hashlib.sha256(pipeline_fingerprint().encode())
    case = site.case
    head = [
        case.case_id,
        case.url,
        case.reported_at,
        case.outcome,
        site.domain,
        site.non_html_skipped,
        list(site.notes),
        site.rdap,
    ]
    digest.update(json.dumps(head, default=_default).encode())
    for page in site.pages:
        digest.update(json.dumps([page.url, page.status, page.charset], default=_default).encode())
        digest.update(hashlib.sha256(page.html.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


class RowCache:
    """Feature rows by site key, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> dict[str, object] | None:
        found = self._db.execute("SELECT row FROM rows WHERE key = ?", (key,)).fetchone()
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(found[0])

    def put_many(self, items: Iterable[tuple[str, dict[str, object]]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO rows (key, row) VALUES (?, ?)",
                [(key, json.dumps(row, default=_default)) for key, row in items],
            )

    def close(self) -> None:
        self._db.close()
