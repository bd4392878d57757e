"""The live path of `scamrank score FILE`: read the reported URLs, capture them into a bundle
with a progress bar, score them from it, and sum the run up. The work is done by
`models.workflow.score_live`; this module holds what only a terminal needs."""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from capture.errors import BundleError
from capture.fetch import FetchOptions
from capture.live import LiveOptions, LiveRun, SiteOutcome
from capture.rdap_client import RdapOptions, load_bootstrap, refresh_bootstrap
from capture.reported import ReportedList, read_reported
from models.scorer import Scorer
from models.workflow import TableOptions, score_live
from serve.config import rdap_bootstrap, rdap_cache

_PROBLEMS_SHOWN = 10


@dataclass(frozen=True)
class LiveFlags:
    """The command line's live options, as given."""

    bundle_out: Path | None = None
    resume: bool = False
    allow_private: bool = False
    max_pages: int = 8
    max_mb: float = 5.0
    timeout: float = 20.0
    site_timeout: float = 120.0
    concurrency: int = 32
    sites: int | None = None  # None: from the concurrency
    rdap: bool = True
    rdap_bootstrap: Path | None = None
    refresh_rdap_bootstrap: bool = False


def live_options(flags: LiveFlags) -> LiveOptions:
    """Fetch and RDAP options from the flags; downloads the bootstrap file only when asked."""
    fetch = FetchOptions(
        connect_timeout=flags.timeout,
        read_timeout=flags.timeout,
        page_timeout=max(flags.timeout, 30.0),
        site_timeout=flags.site_timeout,
        max_bytes=int(flags.max_mb * 1024 * 1024),
        max_pages=max(1, flags.max_pages),
        concurrency=max(1, flags.concurrency),
        allow_private=flags.allow_private,
    )
    rdap = None
    if flags.rdap:
        kept = rdap_bootstrap()
        if flags.refresh_rdap_bootstrap:
            # The download goes through the same guarded client, public addresses only.
            bootstrap = refresh_bootstrap(kept, options=FetchOptions())
        elif flags.rdap_bootstrap is not None:
            bootstrap = load_bootstrap(flags.rdap_bootstrap)
        else:
            bootstrap = load_bootstrap(kept if kept.is_file() else None)
        rdap = RdapOptions(bootstrap=bootstrap, cache_dir=rdap_cache())
    return LiveOptions(fetch=fetch, rdap=rdap, sites=flags.sites, resume=flags.resume)


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("capturing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("sites, {task.fields[failed]} failed, {task.fields[rate]:.1f}/s"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def summary_lines(
    run: LiveRun, scores: pd.DataFrame, reported: ReportedList, bundle: Path | None
) -> list[str]:
    """What an investigator reads at the end of a run: counts, failures by reason, time."""
    scored = int(scores["score"].notna().sum())
    failed = run.failed
    fresh = len(run.outcomes) - run.resumed
    lines = [
        f"captured {fresh} sites in {run.seconds:.1f} s ({run.requests} requests"
        + (f", {run.resumed} already in the bundle" if run.resumed else "")
        + f"): {scored} scored, {len(scores) - scored} not scored"
    ]
    if failed:
        reasons = ", ".join(f"{kind} {n}" for kind, n in failed.most_common())
        lines.append(f"capture failed for {sum(failed.values())} sites: {reasons}")
    other = len(scores) - scored - sum(failed.values())
    if other > 0:
        lines.append(f"{other} captured sites could not be scored (see their reasons)")
    rdap = Counter(o.rdap_error.split(":", 1)[0] for o in run.outcomes if o.rdap_error)
    if rdap:
        lines.append(f"registration unknown (RDAP) for {sum(rdap.values())} sites")
    skipped = len(reported.problems)
    if skipped:
        lines.append(
            f"{skipped} input lines not used ({reported.duplicates} duplicates): see the warnings"
        )
    if bundle is not None:
        lines.append(f"evidence (WARC, RDAP, cases.csv) kept in {bundle}")
    return lines


def score_reported_file(
    source: Path,
    scorer: Scorer,
    flags: LiveFlags,
    table: TableOptions,
    console: Console,
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Capture and score the URLs of a file: (scores, warnings, summary lines)."""
    if flags.resume and flags.bundle_out is None:
        raise BundleError("--resume continues a --bundle-out folder: give it")
    reported = read_reported(source, datetime.now(UTC).replace(microsecond=0))
    if not reported.items:
        shown = "\n".join(reported.problems[:_PROBLEMS_SHOWN])
        raise BundleError(f"{source}: no usable URL in the file" + (f"\n{shown}" if shown else ""))
    options = live_options(flags)
    started = time.monotonic()
    with _progress(console) as bar, tempfile.TemporaryDirectory(prefix="scamrank-") as tmp:
        task = bar.add_task("sites", total=len(reported.items), failed=0, rate=0.0)
        failed = 0

        def on_site(outcome: SiteOutcome) -> None:
            nonlocal failed
            failed += outcome.failure is not None
            done = bar.tasks[task].completed + 1
            rate = done / max(time.monotonic() - started, 1e-6)
            bar.update(task, advance=1, failed=failed, rate=rate)
            if done == len(reported.items):
                bar.stop()  # scoring shows its own bar: rich allows one at a time

        bundle = flags.bundle_out or Path(tmp) / "evidence"
        try:
            scores, warnings, run = score_live(
                reported.items, bundle, scorer, options, table, on_site
            )
        except KeyboardInterrupt:
            if flags.bundle_out is not None:
                console.print(
                    f"interrupted: the sites done so far are in {bundle}; run the same command "
                    "with --resume to go on",
                    highlight=False,
                )
            raise
    warnings = [*reported.problems, *warnings]
    return scores, warnings, summary_lines(run, scores, reported, flags.bundle_out)
