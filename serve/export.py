"""`scamrank cases export DIR [--since DATE]`: the decided cases with their captures, as a case
bundle, so that `scamrank train HISTORY DIR` learns from investigators' verdicts.

Case ids are `<store id>-<case number>`: the store's random identity keeps them apart from any
other store's export and from the cases of this store after a database reset. Exporting into an
existing bundle appends: a case already in its cases.csv is left as it is when its verdict is
unchanged, and its row is replaced when the verdict (outcome or date) changed since. Evidence
files are copied in without ever overwriting a file already in the bundle.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from capture.cases import read_cases
from capture.files import atomic_write
from capture.spreadsheet import safe_row
from capture.writer import CASE_COLUMNS, iso_utc
from serve.store import CaseRow, Store

EXPORT_COLUMNS = (*CASE_COLUMNS, "decided_at", "source", "reporters")


@dataclass
class ExportCounts:
    """What an export did, case by case and file by file."""

    added: int = 0
    replaced: int = 0  # already in the bundle, with another verdict: the row was rewritten
    unchanged: int = 0  # already in the bundle with this verdict: left as it was
    without_evidence: int = 0
    rdap_kept: int = 0  # an RDAP file of the same domain was already there: kept, not replaced
    skipped_before: int = 0  # decided before --since
    ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "cases": self.added + self.replaced,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "without_evidence": self.without_evidence,
            "rdap_kept": self.rdap_kept,
            "skipped_before": self.skipped_before,
        }


def export_case_id(store_id: str, number: int) -> str:
    """The bundle id of a store's case: unique across stores and database resets."""
    return f"{store_id}-{number}"


def _read_rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The columns and rows (by case id) of an existing cases.csv, or none. A broken file is
    refused (BundleError listing its faults) rather than rewritten."""
    if not path.exists():
        return list(EXPORT_COLUMNS), {}
    read_cases(path)  # the same checks as any reader: never append to a file none could read
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [name for name in reader.fieldnames or () if name]
        rows = {row["case_id"]: {k: v or "" for k, v in row.items() if k} for row in reader}
    return [*columns, *[c for c in EXPORT_COLUMNS if c not in columns]], rows


def _write_rows(path: Path, columns: list[str], rows: dict[str, dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows.values():
        # Extra columns carried over from the bundle are free text: neutralised like the writer's.
        writer.writerow(safe_row(row, columns, (*CASE_COLUMNS, "decided_at")))
    atomic_write(path, buffer.getvalue().encode("utf-8"))


def _copy_new(source: Path, target: Path) -> bool:
    """Copy `source` to `target` unless a file is already there; True when copied."""
    if target.exists():
        return False
    shutil.copyfile(source, target)
    return True


def _decided(store: Store) -> list[CaseRow]:
    with store.session() as session:
        query = (
            select(CaseRow)
            .where(CaseRow.outcome.is_not(None))
            .options(selectinload(CaseRow.reports), selectinload(CaseRow.verdicts))
            .order_by(CaseRow.id)
        )
        return list(session.scalars(query))


def export_decided(store: Store, out: Path, since: datetime | None = None) -> dict[str, int]:
    """Write every decided case (verdict, its date, URL, report time) decided at or after
    `since` (all when None) into the bundle `out`, with copies of its evidence WARC and RDAP
    files. Returns counts of what was added, replaced, left unchanged and kept."""
    snapshots, rdap = out / "snapshots", out / "rdap"
    snapshots.mkdir(parents=True, exist_ok=True)
    rdap.mkdir(parents=True, exist_ok=True)
    columns, rows = _read_rows(out / "cases.csv")
    counts = ExportCounts()
    store_id = store.store_id()
    for case in _decided(store):
        decided_at = case.verdicts[-1].decided_at if case.verdicts else None
        if since is not None and (decided_at is None or decided_at < since):
            counts.skipped_before += 1
            continue
        case_id = export_case_id(store_id, case.id)
        row = {
            "case_id": case_id,
            "url": case.url,
            "reported_at": iso_utc(case.reported_at),
            "outcome": case.outcome or "",
            "decided_at": iso_utc(decided_at) if decided_at else "",
            "source": "triage",
            "reporters": str(len(case.reports)),
        }
        before = rows.get(case_id)
        if before is not None:
            same = (before.get("outcome"), before.get("decided_at")) == (
                row["outcome"],
                row["decided_at"],
            )
            if same:
                counts.unchanged += 1
                continue
            counts.replaced += 1
        else:
            counts.added += 1
        rows[case_id] = {**(before or {}), **row}
        counts.ids.append(case_id)
        evidence = Path(case.evidence) if case.evidence else None
        if evidence is None or not evidence.is_dir():
            counts.without_evidence += 1
            continue
        for warc in sorted((evidence / "snapshots").glob("*.warc*")):
            # Named after the case: another case's file can never be in the way.
            _copy_new(warc, snapshots / f"{case_id}-{warc.name}")
        for answer in sorted((evidence / "rdap").glob("*.json")):
            # One RDAP file per domain: the answer already in the bundle is what its earlier
            # cases were scored from, and replacing it could show them a later state.
            target = rdap / answer.name
            if target.exists() and target.read_bytes() != answer.read_bytes():
                counts.rdap_kept += 1
            _copy_new(answer, target)
    _write_rows(out / "cases.csv", columns, rows)
    return counts.as_dict()
