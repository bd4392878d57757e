"""Scoring in processes of its own, fed from one queue (`SCAMRANK_SCORING_PROCESSES`).

Scoring is CPU work under Python's interpreter lock, so one process scores one site at a time.
Run as several uvicorn workers, each process kept the keep-alive connections it had accepted:
with 10 clients on 2 cores one process took three quarters of the requests while the other idled,
and its queue set the p99 (226 ms against a p50 of 124). Here the HTTP process only receives,
captures and answers (I/O), and a pool of scoring processes takes sites from one shared queue:
a site waits for the first free process, whatever connection it came on, and the event loop
never waits for the interpreter lock behind a score.

Each process loads what scoring needs once (the model, the alert index, the register, a store
connection for the link features), from a ScoringSetup pickled at its start. Processes are
spawned, not forked: the HTTP process runs threads, and a fork copies their locks mid-use."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from capture.register import Register
from capture.site import Site
from features.alerts import AlertIndex
from models.process import settle_heap
from models.scorer import Scorer
from serve.store import Store, make_engine
from serve.worker import ScoringUnavailable, score_site


@dataclass(frozen=True)
class ScoringSetup:
    """What every scoring process loads at its start (pickled to it once)."""

    scorer: Scorer
    alerts: AlertIndex | None
    register: Register | None  # reopened in each process from its folder (Register pickles so)
    database_url: str  # the store the link features read; each process opens its own engine


PARENT_CHECK_SECONDS = 0.5  # how soon a scoring process notices that its service is gone

# The setup and store of this scoring process, set once by _load (a process-wide value is the
# only way a ProcessPoolExecutor's initializer hands state to the tasks of its process).
_loaded: dict[str, object] = {}


def _load(setup: ScoringSetup) -> None:
    # Ctrl+C in a terminal reaches the whole process group: the service stops the pool itself,
    # after the sites in progress, instead of each process dying with a traceback mid-score.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _loaded["setup"] = setup
    _loaded["store"] = Store(make_engine(setup.database_url))
    settle_heap()  # the model and indexes live as long as the process


def _end_with(parent: int) -> None:
    """End this scoring process once `parent` (the HTTP process) is gone: a service killed with
    `kill -9` cannot stop its pool, and its scoring processes would live on, each holding a
    model, with nothing to feed them."""
    while os.getppid() == parent:  # an orphan gets a new parent (init, or a subreaper)
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _score(site: Site, case_id: int | None, evidence: Path | None) -> dict[str, object]:
    setup, store = _loaded["setup"], _loaded["store"]
    assert isinstance(setup, ScoringSetup) and isinstance(store, Store)
    return score_site(setup.scorer, site, setup.alerts, store, case_id, setup.register, evidence)


def _started() -> int:
    time.sleep(0.05)  # long enough that an idle process takes the next task, not this one
    return os.getpid()


class ScoringPool:
    """`processes` scoring processes sharing one queue of sites; a pool that lost a process is
    replaced, and only the sites it held fail (ScoringUnavailable)."""

    def __init__(self, setup: ScoringSetup, processes: int) -> None:
        self.setup = setup  # ProcessPoolExecutor refuses fewer than 1 process itself
        self.processes = processes
        self._pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load,
            initargs=(self.setup,),
        )

    async def start(self, timeout: float = 120.0) -> set[int]:
        """Start every process and wait until each has loaded the model and taken a task (the
        service is not ready before): the processes' ids. Rounds of one short task a process,
        until every process has answered one: a process still loading misses a round."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        seen: set[int] = set()
        while len(seen) < self.processes:
            if loop.time() > deadline:
                raise RuntimeError(
                    f"{len(seen)} of {self.processes} scoring processes started in {timeout:.0f} s"
                )
            pool = self._pool
            seen |= set(
                await asyncio.gather(
                    *(loop.run_in_executor(pool, _started) for _ in range(self.processes))
                )
            )
        return seen

    async def score(
        self, site: Site, case_id: int | None = None, evidence: Path | None = None
    ) -> dict[str, object]:
        """`score_site` of `site` in the first free scoring process."""
        pool = self._pool
        try:
            future = pool.submit(_score, site, case_id, evidence)
        except BrokenProcessPool:  # a process ended before this site: it runs on a new pool
            pool = self._replace(pool)
            future = pool.submit(_score, site, case_id, evidence)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool as exc:  # every site the pool held fails with it
            self._replace(pool)
            raise ScoringUnavailable(
                f"{site.url}: a scoring process ended while scoring it (killed, or out of "
                "memory); not scored, try again"
            ) from exc

    def _replace(self, broken: ProcessPoolExecutor) -> ProcessPoolExecutor:
        """A new pool in place of `broken`, unless another site replaced it already."""
        if self._pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new()
        return self._pool

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
