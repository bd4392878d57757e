"""Several service processes on one store: a queued case is captured and scored by one of them
only, and a case held by a process that died is taken up by another once its claim lapses.

Real parts: a shop served by a local HTTP server on 127.0.0.1 (a name under .localhost), the
service's live capture, one SQLite file opened by two engines as two processes open it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.scorer import Scorer
from serve.claims import claim
from serve.live import live_capture
from serve.settings import Settings
from serve.store import PENDING, Store
from serve.worker import Worker
from tests.capture.live_servers import LocalServer, Reply
from tests.serve.test_store import _store  # an engine of its own each time, as a process
from tests.serve.test_worker_evidence import _options

pytestmark = pytest.mark.usefixtures("loopback_guard")
REPORTED = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
HOST = "shop-x.localhost"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.route(HOST, "/", Reply("<html><title>Boutique X</title><body>Robe 49 €</body></html>"))
    yield server
    server.stop()


def _worker(store: Store, scorer: Scorer, tmp_path: Path) -> Worker:
    settings = Settings(evidence_dir=str(tmp_path / "evidence"), allow_private=True)
    return Worker(store, scorer, live_capture(settings, _options()), tmp_path / "evidence")


async def _until_done(store: Store, case_id: int, seconds: float = 30.0) -> str:
    deadline = asyncio.get_running_loop().time() + seconds
    while (status := store.get(case_id).status) in PENDING:
        if asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.05)
    return status


def test_two_processes_on_one_store_capture_and_score_a_queued_case_once(
    tmp_path: Path, server: LocalServer, scorer: Scorer
) -> None:
    database = tmp_path / "cases.sqlite"
    first, second = _store(database), _store(database)
    case_id = first.report(server.url(HOST), HOST, None, REPORTED).case_id

    async def both() -> str:
        # Both start with the case pending, as two uvicorn workers do after a restart.
        workers = [_worker(first, scorer, tmp_path), _worker(second, scorer, tmp_path)]
        for worker in workers:
            worker.start()
        try:
            status = await _until_done(first, case_id)
            await asyncio.gather(*(worker.queue.join() for worker in workers))
            return status
        finally:
            await asyncio.gather(*(worker.stop() for worker in workers))

    assert asyncio.run(both()) == "scored"
    row = first.get(case_id)
    assert len(row.scores) == 1
    assert server.paths(HOST).count("/") == 1  # the shop was visited by one process only
    assert row.claimed_by is None and row.claimed_until is None  # released once scored


def test_a_case_held_by_a_dead_process_is_taken_up_once_its_claim_lapses(
    tmp_path: Path, server: LocalServer, scorer: Scorer
) -> None:
    store = _store(tmp_path / "cases.sqlite")
    case_id = store.report(server.url(HOST), HOST, None, REPORTED).case_id
    lapse = datetime.now(UTC) + timedelta(seconds=1.5)
    assert claim(store, case_id, "gone-host:4242:deadbeef", lapse)

    async def run() -> tuple[str, str]:
        worker = _worker(store, scorer, tmp_path)
        worker.sweep_seconds = 0.2
        worker.start()  # the case is pending but held: passed over at start
        try:
            await asyncio.sleep(0.5)
            early = store.get(case_id).status
            return early, await _until_done(store, case_id)
        finally:
            await worker.stop()

    early, late = asyncio.run(run())
    assert early == "queued"  # not taken while the dead process's claim held
    assert late == "scored"
    assert server.paths(HOST).count("/") == 1
