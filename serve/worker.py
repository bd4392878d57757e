"""Background scoring of queued cases: capture the site (the same capture code as the command
line), score it with the Scorer loaded at start-up, record the result. Cases left queued by a
restart are picked up again at start."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from capture.site import Site
from models.scorer import Scorer
from models.table import build_table
from serve.facts import features_json
from serve.store import Store, StoreError

log = logging.getLogger(__name__)

# (url, reported_at, case_id, evidence folder) -> the captured site, evidence written there.
CaptureFn = Callable[[str, datetime, str, Path], Awaitable[Site]]


def score_site(scorer: Scorer, site: Site) -> dict[str, object]:
    """The scored row of one site, with the feature row it came from (CPU work: run it in a
    thread). The features are kept with the score so that the case page shows what was found."""
    table = build_table([site])
    row = scorer.score_table(table).iloc[0]
    score = None if row["score"] != row["score"] else float(row["score"])
    return {
        "score": score,
        "priority": row["priority"],
        "reasons": row["reasons"],
        "reason_facts": row["reason_facts"],
        "model_version": scorer.version,
        "features": features_json(table.iloc[0].to_dict()),
    }


class Worker:
    """A queue of case ids and a few tasks that capture and score them."""

    def __init__(
        self,
        store: Store,
        scorer: Scorer,
        capture: CaptureFn,
        evidence_dir: Path,
        concurrency: int = 4,
    ) -> None:
        self.store = store
        self.scorer = scorer
        self.capture = capture
        self.evidence_dir = evidence_dir
        self.queue: asyncio.Queue[int] = asyncio.Queue()
        self.concurrency = concurrency
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        for case_id in self.store.pending():
            self.queue.put_nowait(case_id)
        self._tasks = [asyncio.create_task(self._run()) for _ in range(self.concurrency)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def submit(self, case_id: int) -> None:
        self.queue.put_nowait(case_id)

    async def _run(self) -> None:
        while True:
            case_id = await self.queue.get()
            try:
                await self.process(case_id)
            except Exception:  # one case must never stop the queue; its row says what failed
                log.exception("case %s: processing failed", case_id)
            finally:
                self.queue.task_done()

    async def process(self, case_id: int) -> None:
        try:
            case = self.store.get(case_id)
        except StoreError:
            return
        if case.status not in ("queued", "captured"):
            return
        evidence = self.evidence_dir / f"case-{case_id}"
        try:
            site = await self.capture(case.url, case.reported_at, str(case_id), evidence)
        except Exception as exc:
            await asyncio.to_thread(
                self.store.set_status,
                case_id,
                "failed",
                f"capture failed: {type(exc).__name__}: {exc}",
            )
            return
        await asyncio.to_thread(self.store.set_status, case_id, "captured", None, str(evidence))
        result = await asyncio.to_thread(score_site, self.scorer, site)
        await asyncio.to_thread(
            self.store.record_score,
            case_id,
            result["score"],
            str(result["priority"]),
            str(result["reason_facts"]) if result["score"] is not None else str(result["reasons"]),
            str(result["model_version"]),
            str(result["features"]),
        )
