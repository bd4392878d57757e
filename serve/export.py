"""`scamrank cases export DIR`: the decided cases with their captures, as a case bundle, so that
`scamrank train DIR` learns from investigators' verdicts."""

from __future__ import annotations

import shutil
from pathlib import Path

from capture.writer import BundleWriter
from serve.store import Store


def export_decided(store: Store, out: Path) -> dict[str, int]:
    """Write every decided case (verdict, URL, report time) and copy its evidence WARC and RDAP
    files into the bundle `out`. Returns counts of cases written and of cases without evidence."""
    snapshots, rdap = out / "snapshots", out / "rdap"
    snapshots.mkdir(parents=True, exist_ok=True)
    rdap.mkdir(parents=True, exist_ok=True)
    written = without_evidence = 0
    with BundleWriter(out) as bundle:
        for case in store.decided():
            case_id = f"case-{case.id}"
            bundle.add_case(
                case_id,
                case.url,
                case.reported_at,
                case.outcome,
                source="triage",
                reporters=str(len(case.reports)),
            )
            written += 1
            evidence = Path(case.evidence) if case.evidence else None
            if evidence is None or not evidence.is_dir():
                without_evidence += 1
                continue
            for warc in sorted((evidence / "snapshots").glob("*.warc*")):
                shutil.copyfile(warc, snapshots / f"{case_id}-{warc.name}")
            for answer in sorted((evidence / "rdap").glob("*.json")):
                shutil.copyfile(answer, rdap / answer.name)  # the newest case's answer wins
    return {"cases": written, "without_evidence": without_evidence}
