"""Several case bundles as one feature table: the history plus exported verdicts.

A case met in more than one bundle (the same normalised URL and the same report time) counts
once, with the verdict decided last; one case id naming two different cases is refused. What
went in is described by `BundleSource`s, which every training run records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

import pandas as pd

from capture.bundle import BundleError
from capture.reported import normalise_url

# A verdict without a recorded date is taken as given this long after the report: later than
# no verdict, earlier than any verdict recorded with its date in the weeks after the report.
UNDATED_VERDICT_AFTER = timedelta(days=30)
ORIGIN_COLUMNS = ("bundle", "decided_at")


@dataclass(frozen=True)
class BundleSource:
    """One bundle that went into a table: its folder, a fingerprint of its cases.csv, and how
    many of its cases were kept once the bundles were combined."""

    path: str
    cases_sha256: str
    cases: int
    kept: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def cases_fingerprint(bundle_dir: Path) -> str:
    """The SHA-256 of a bundle's cases.csv: which cases, verdicts and dates it held."""
    try:
        return hashlib.sha256((bundle_dir / "cases.csv").read_bytes()).hexdigest()
    except OSError as exc:
        raise BundleError(f"{bundle_dir / 'cases.csv'}: cannot be read: {exc}") from None


def case_key(url: str, reported_at: object) -> tuple[str, str]:
    """What makes two rows one case: the normalised URL and the UTC report time."""
    normalised, _ = normalise_url(str(url))
    stamp = pd.Timestamp(reported_at)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return normalised or str(url), stamp.isoformat()


def check_case_ids(tables: Sequence[pd.DataFrame], names: Sequence[str]) -> None:
    """BundleError when one case id names different cases in two bundles (listing each one)."""
    seen: dict[str, tuple[tuple[str, str], str]] = {}
    problems: list[str] = []
    for table, name in zip(tables, names, strict=True):
        for row in table[["case_id", "url", "reported_at"]].itertuples(index=False):
            key = case_key(row.url, row.reported_at)
            first = seen.setdefault(row.case_id, (key, name))
            if first[0] != key:
                problems.append(
                    f"case id {row.case_id!r} names two different cases: {first[0][0]} reported "
                    f"{first[0][1]} in {first[1]}, and {key[0]} reported {key[1]} in {name}"
                )
    if problems:
        shown = "\n".join(problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BundleError(
            f"{shown}{more}\n(give each bundle's cases their own ids: `scamrank cases export` "
            "prefixes them with the store's identity)",
            problems,
        )


def combine(tables: Sequence[pd.DataFrame], names: Sequence[str]) -> pd.DataFrame:
    """One table from the feature tables of several bundles (given in command-line order).

    Each table carries a `decided_at` column (a Timestamp or None). Of the rows of one case, a row
    with a verdict beats one without; then the latest `decided_at` wins (an undated verdict counts
    as decided UNDATED_VERDICT_AFTER the report); on a tie, the bundle given later wins.
    """
    check_case_ids(tables, names)
    frames = [
        table.assign(bundle=name, _order=position)
        for position, (table, name) in enumerate(zip(tables, names, strict=True))
    ]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if table.empty:
        return table.drop(columns=["_order"], errors="ignore")
    keys = [case_key(u, r) for u, r in zip(table["url"], table["reported_at"], strict=True)]
    reported = pd.to_datetime(table["reported_at"], utc=True)
    decided = pd.to_datetime(table["decided_at"], utc=True)
    ranked = table.assign(
        _key=[f"{url}\x1f{at}" for url, at in keys],
        _labelled=table["outcome"].isin(["fraud", "legit"]),
        _decided=decided.fillna(reported + UNDATED_VERDICT_AFTER),
        _position=range(len(table)),
    )
    ranked = ranked.sort_values(["_labelled", "_decided", "_order", "_position"], kind="stable")
    kept = ranked.drop_duplicates("_key", keep="last").sort_values("_position", kind="stable")
    return kept.drop(columns=["_key", "_labelled", "_decided", "_order", "_position"]).reset_index(
        drop=True
    )


def sources_of(
    dirs: Sequence[Path], tables: Sequence[pd.DataFrame], combined: pd.DataFrame
) -> list[BundleSource]:
    """What each bundle brought: its path, cases.csv fingerprint, cases read and kept."""
    kept = combined["bundle"].value_counts() if "bundle" in combined else pd.Series(dtype=int)
    return [
        BundleSource(str(d), cases_fingerprint(d), len(t), int(kept.get(str(d), 0)))
        for d, t in zip(dirs, tables, strict=True)
    ]
