"""Background scoring of queued cases: capture the site (the same capture code as the command
line), score it with the Scorer loaded at start-up, record the result. Cases left queued by a
restart are picked up again at start.

Several service processes may share one store (uvicorn workers, or services on several
machines): each case is taken by one of them through a claim in the store (serve/claims.py), and
each process looks for unclaimed cases now and then, so that a case whose process died is taken
up by another once its claim lapses."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import socket
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from capture.cases import read_cases
from capture.domains import registrable_domain
from capture.errors import BundleError
from capture.register import Register
from capture.site import Site
from features.alerts import AlertIndex, Match
from models.alerts_column import LISTINGS, row_matches
from models.identity import (
    add_row_register,
    keep_evidence,
    link_case,
    link_values,
    register_rows,
    set_row_link_values,
)
from models.scorer import Scorer
from models.table import extracted, table_row
from serve.case_links import context_marks, operator_peers
from serve.claims import claim, claimable, release
from serve.facts import features_json
from serve.store import PENDING, Store, StoreError

if TYPE_CHECKING:  # serve.scoring_pool imports score_site from here
    from serve.scoring_pool import ScoringPool

log = logging.getLogger(__name__)

# One DuckDB connection serves a register's lookups. A worker scores on one thread
# (Worker.score), but a register given to several apps is shared by their threads: they take turns.
_REGISTER_LOCK = threading.Lock()

# How long a process holds a case it works on, unless it releases it first: far longer than a
# capture (at most 120 s a site) and a score. A process that dies mid-case leaves its claim; the
# case waits this long before another process takes it up.
CLAIM_LEASE = timedelta(minutes=15)
SWEEP_SECONDS = 60.0  # between looks for pending cases no process holds

# (url, reported_at, case_id, evidence folder) -> the captured site, evidence written there.
CaptureFn = Callable[[str, datetime, str, Path], Awaitable[Site]]


def alerts_json(matches: list[Match] | None) -> str | None:
    """The matches as the store keeps them (JSON list; None: not checked against alerts)."""
    if matches is None:
        return None
    return json.dumps([asdict(match) for match in matches], ensure_ascii=False)


def add_store_links(row: dict[str, object], store: Store, case_id: int | None) -> None:
    """The link features of one site's row (models/table.py table_row; in place), from the
    stored cases of the operator group its marks join: linked cases, and those confirmed fraud
    or genuine, counted as of the scoring (never before the report). In the service every
    stored verdict is already dated in the past, so a case scored again after a linked case's
    verdict counts it: that verdict is known when the score is made. The sentences for the
    reasons come with them."""
    marks, skeleton = row["marks"], row["skeleton"]
    peers = operator_peers(store, context_marks(marks, skeleton), case_id)
    as_of = max(pd.Timestamp(row["reported_at"]), pd.Timestamp.now(tz="UTC"))  # type: ignore[arg-type]
    tokens: dict[str, str] = {}
    # the scored case first, under an id no stored case has (store ids are positive)
    cases = [link_case("scored", as_of, None, None, marks, skeleton, tokens)]
    cases += [
        link_case(p.case_id, p.reported_at, p.outcome, p.decided_at, p.marks, p.skeleton, tokens)
        for p in peers
    ]
    set_row_link_values(row, link_values(cases))


def add_site_register(
    row: dict[str, object], register: Register | None, evidence: Path | None = None
) -> None:
    """The register facts of one site's row (in place): the rows its evidence bundle already
    keeps win, then the register's; the rows consulted are kept in `evidence` (a bundle a
    capture wrote), so that the score can be re-derived from the bundle alone. Without a
    register or rows, the facts are unknown and the notes say so."""
    with _REGISTER_LOCK:
        rows, _ = register_rows([row.get("seller")], evidence, register)
    add_row_register(row, rows, register is not None)
    if evidence is not None and rows:
        keep_evidence(evidence, rows)


def score_site(
    scorer: Scorer,
    site: Site,
    alerts: AlertIndex | None = None,
    store: Store | None = None,
    case_id: int | None = None,
    register: Register | None = None,
    evidence: Path | None = None,
) -> dict[str, object]:
    """The scored row of one site, with the feature row it came from (CPU work: run it in a
    thread). The features are kept with the score so that the case page shows what was found.
    With an alert index, `alerts` lists the Safety Gate matches (never part of the score).
    With the case store, the link features count the stored cases the site's marks link it to
    (`case_id`: the case being scored, never its own peer). With the company register, the
    legal notice's SIREN is checked as of the report (rows kept in the `evidence` bundle).
    The row is scored as a dict of cells, the way a table's row is (no one-row table)."""
    row = table_row(site, extracted(site))
    scorable = row["error"] == ""
    if scorable:
        add_site_register(row, register, evidence)
    if store is not None and scorable:
        add_store_links(row, store, case_id)
    scored = scorer.score_row(row)
    score = None if scored["score"] != scored["score"] else float(scored["score"])  # type: ignore[arg-type]
    listings = str(row.get(LISTINGS) or "")
    matches = row_matches(listings, alerts, site.case_id) if alerts is not None else None
    # the listings are matched here; kept with the score they would only weigh the row down
    kept = {k: v for k, v in row.items() if k != LISTINGS}
    return {
        "score": score,
        "priority": scored["priority"],
        "reasons": scored["reasons"],
        "reason_facts": scored["reason_facts"],
        "note_codes": scored.get("note_codes", ""),
        "model_version": scorer.version,
        "features": features_json(kept),
        "alerts": alerts_json(matches),
    }


class ScoringUnavailable(RuntimeError):
    """A scoring process ended (killed, out of memory) while it held the site: not scored
    (serve/scoring_pool.py)."""


class EvidenceMismatch(ValueError):
    """Evidence that is of another site than the one reported: never scored."""


def fresh_evidence_folder(evidence_dir: Path, case_id: str) -> Path:
    """A folder no other capture used or will use: the case id (for people looking at the
    disk) and a random part, so a reset database whose ids start again cannot meet old evidence.
    The `case-` prefix keeps it out of the ad-hoc pruning (serve/evidence.py)."""
    return evidence_dir / f"case-{case_id}-{secrets.token_hex(8)}"


def evidence_problem(folder: Path, url: str) -> str | None:
    """Why the evidence bundle in `folder` is not of the site `url` names, or None when it is
    (or holds no cases yet: a capture that had not started). Read from its cases.csv."""
    if not (folder / "cases.csv").exists():
        return None
    try:
        cases = read_cases(folder / "cases.csv")
    except BundleError as exc:
        return f"the evidence in {folder.name} cannot be read ({str(exc).splitlines()[0]})"
    wanted = registrable_domain(url)
    for case in cases:
        found = registrable_domain(case.url)
        if found != wanted:
            return f"the evidence in {folder.name} is of {found or case.url}, not {wanted}"
    return None


def site_problem(site: Site, url: str) -> str | None:
    """Why a captured site is not the one reported at `url` (another registrable domain)."""
    wanted = registrable_domain(url)
    found = registrable_domain(site.url)
    if found != wanted:
        return f"the capture is of {found or site.url}, not of the reported {wanted}"
    return None


class Worker:
    """A queue of case ids and a few tasks that capture and score them; also the scoring of the
    service's `POST /v1/score`. Scoring is CPU work under the interpreter lock: it runs on one
    thread of its own, one site at a time, in the order asked. Run on many threads at once, the
    sites took turns on the lock and each took as long as all of them (at 10 concurrent clients:
    -15% requests a second, p99 +60%), and waiting sites held the threads the store needs.
    With a scoring pool (`pool`, started and stopped by its owner), sites are scored in its
    processes instead, one per core."""

    def __init__(
        self,
        store: Store,
        scorer: Scorer,
        capture: CaptureFn,
        evidence_dir: Path,
        concurrency: int = 4,
        alerts: AlertIndex | None = None,
        register: Register | None = None,
        pool: ScoringPool | None = None,
    ) -> None:
        self.store = store
        self.pool = pool
        self.alerts = alerts
        self.register = register
        self.scorer = scorer
        self.capture = capture
        self.evidence_dir = evidence_dir
        self.queue: asyncio.Queue[int] = asyncio.Queue()
        self.concurrency = concurrency
        self._tasks: list[asyncio.Task[None]] = []
        self._waiting: set[int] = set()  # ids in the queue: a case is queued once at a time
        # This process as the store's claims name it: the host and pid say who, for people
        # looking at the store; the random part tells apart a restarted process with the same pid.
        self.owner = f"{socket.gethostname()[:64]}:{os.getpid()}:{secrets.token_hex(4)}"
        self.sweep_seconds = SWEEP_SECONDS
        self._scoring = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scamrank-scoring")

    async def score(
        self, site: Site, case_id: int | None = None, evidence: Path | None = None
    ) -> dict[str, object]:
        """`score_site` of `site` with the service's model, alerts, store and register: in the
        scoring processes when the service has them (serve/scoring_pool.py), else on this
        process's scoring thread (see the class)."""
        if self.pool is not None:
            return await self.pool.score(site, case_id, evidence)
        call = partial(
            score_site,
            self.scorer,
            site,
            self.alerts,
            self.store,
            case_id,
            self.register,
            evidence,
        )
        return await asyncio.get_running_loop().run_in_executor(self._scoring, call)

    def start(self) -> None:
        for case_id in claimable(self.store):  # left queued by a restart, and held by no one
            self.submit(case_id)
        self._tasks = [asyncio.create_task(self._run()) for _ in range(self.concurrency)]
        self._tasks.append(asyncio.create_task(self._sweep()))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._scoring.shutdown(wait=True, cancel_futures=True)

    def submit(self, case_id: int) -> None:
        if case_id not in self._waiting:
            self._waiting.add(case_id)
            self.queue.put_nowait(case_id)

    async def _sweep(self) -> None:
        """Now and then, queue the pending cases no process holds: reported to a process that
        died, or left by a claim that lapsed."""
        while True:
            await asyncio.sleep(self.sweep_seconds)
            try:
                for case_id in await asyncio.to_thread(claimable, self.store):
                    self.submit(case_id)
            except Exception:  # a store briefly out of reach: the next sweep tries again
                log.exception("looking for unclaimed cases failed")

    async def _claim(self, case_id: int) -> bool:
        until = datetime.now(UTC) + CLAIM_LEASE
        return await asyncio.to_thread(claim, self.store, case_id, self.owner, until)

    async def _run(self) -> None:
        while True:
            case_id = await self.queue.get()
            self._waiting.discard(case_id)
            try:
                await self.process(case_id)
            except Exception:  # one case must never stop the queue; its row says what failed
                log.exception("case %s: processing failed", case_id)
            finally:
                self.queue.task_done()

    def _evidence_folder(self, case_id: int, recorded: str | None, url: str) -> Path:
        """The folder recorded for the case when it holds this site (a capture cut by a
        restart is resumed there), else a fresh one."""
        if recorded:
            folder = Path(recorded)
            problem = evidence_problem(folder, url)
            if problem is None:
                return folder
            log.warning("case %s: %s: not used", case_id, problem)
        return fresh_evidence_folder(self.evidence_dir, str(case_id))

    async def process(self, case_id: int) -> None:
        """Capture and score one case, unless another process holds it or it is done."""
        try:
            claimed = await self._claim(case_id)
        except StoreError:
            return
        if not claimed:
            log.info("case %s: done or held by another process", case_id)
            return
        try:
            await self._process(case_id)
        finally:
            await asyncio.to_thread(release, self.store, case_id, self.owner)

    async def _process(self, case_id: int) -> None:
        try:
            case = self.store.get(case_id)
        except StoreError:
            return
        if case.status not in PENDING:
            return
        evidence = self._evidence_folder(case_id, case.evidence, case.url)
        # Recorded before the capture, so that a restart resumes this folder and no other.
        await asyncio.to_thread(
            self.store.set_status, case_id, case.status, case.error, str(evidence)
        )
        try:
            site = await self.capture(case.url, case.reported_at, str(case_id), evidence)
            problem = site_problem(site, case.url)
            if problem is not None:
                # Never score one site from another's pages: capture anew, in a fresh folder.
                log.warning("case %s: %s: captured again", case_id, problem)
                evidence = fresh_evidence_folder(self.evidence_dir, str(case_id))
                await asyncio.to_thread(
                    self.store.set_status, case_id, case.status, case.error, str(evidence)
                )
                site = await self.capture(case.url, case.reported_at, str(case_id), evidence)
                problem = site_problem(site, case.url)
                if problem is not None:
                    raise EvidenceMismatch(problem)
        except Exception as exc:
            await asyncio.to_thread(
                self.store.set_status,
                case_id,
                "failed",
                f"capture failed: {type(exc).__name__}: {exc}",
            )
            return
        await asyncio.to_thread(self.store.set_status, case_id, "captured", None, str(evidence))
        if not await self._claim(case_id):  # held past its lease, and taken up by another
            log.warning("case %s: taken by another process during the capture", case_id)
            return
        try:
            result = await self.score(site, case_id, evidence)
        except ScoringUnavailable as exc:  # said in its row, not retried: it may kill again
            await asyncio.to_thread(
                self.store.set_status, case_id, "failed", f"scoring failed: {exc}"
            )
            return
        await asyncio.to_thread(
            self.store.record_score,
            case_id,
            result["score"],
            str(result["priority"]),
            str(result["reason_facts"]) if result["score"] is not None else str(result["reasons"]),
            str(result["model_version"]),
            str(result["features"]),
            str(result["note_codes"] or ""),
            result["alerts"] if isinstance(result["alerts"], str) else None,
        )
