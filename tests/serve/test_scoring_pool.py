"""The service's scoring processes (serve/scoring_pool.py): real spawned processes, a real SQLite
store and the test model. A site scored there gives what it gives on the HTTP process's own
scoring thread; a process killed mid-score fails only the sites it held (503 for a request), and
the next site is scored on a new pool. No network: the pages are sent, nothing is captured."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil
import pytest

from capture.site import Site
from models.scorer import Scorer
from serve.app import create_app
from serve.scoring_pool import ScoringPool, ScoringSetup, ScoringUnavailable
from serve.settings import serving_processes
from serve.worker import score_site
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, PAGES, READER, _h, _no_live_capture, _settings
from tests.serve.test_store import _store

pytestmark = pytest.mark.usefixtures("loopback_guard")


def _site(name: str) -> Site:
    return make_site(
        {
            f"https://{name}.localhost/": shop_home(
                '<a href="/mentions-legales">Mentions légales</a> Virement bancaire uniquement'
            ),
            f"https://{name}.localhost/mentions-legales": FR_NOTICE_VALID,
        }
    )


def _slow_site() -> Site:
    """Thirty pages of 1,500 listings each: over a second of scoring, time to kill its process."""
    listings = "".join(
        f'<div class="product"><h2>Article {i}</h2><span class="price">{i % 90 + 9},99 €</span>'
        "<p>Paiement par virement.</p></div>"
        for i in range(1500)
    )
    return make_site(
        {
            f"https://lente.localhost/p{i}": shop_home("Mentions légales", listings)
            for i in range(30)
        }
    )


def scoring_children(parent: psutil.Process | None = None) -> list[psutil.Process]:
    """The spawned scoring processes of `parent` (this process by default), not
    multiprocessing's resource tracker."""
    return [
        child
        for child in (parent or psutil.Process()).children(recursive=True)
        if "spawn_main" in " ".join(child.cmdline())
    ]


def _kill_when_busy(child: psutil.Process) -> threading.Thread:
    """A thread that kills `child` once it has spent 0.3 s of CPU from now: mid-score."""

    def watch() -> None:
        start = sum(child.cpu_times()[:2])
        deadline = time.monotonic() + 60
        while sum(child.cpu_times()[:2]) - start < 0.3 and time.monotonic() < deadline:
            time.sleep(0.02)
        child.kill()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_pages_scored_in_the_pool_answer_as_on_the_scoring_thread(
    tmp_path: Path, scorer: Scorer
) -> None:
    answers = {}
    for processes in (0, 2):
        folder = tmp_path / f"processes-{processes}"
        app = create_app(_settings(folder, scoring_processes=processes), scorer, _no_live_capture)
        with running(app) as base:
            if processes:
                assert len(scoring_children()) == processes  # started before it was ready
            answers[processes] = calls.post(f"{base}/v1/score", headers=_h(READER), json=PAGES)
            assert answers[processes].status_code == 200, answers[processes].text
    assert answers[2].json() == answers[0].json()
    assert answers[2].json()["score"] is not None
    deadline = time.monotonic() + 10
    while scoring_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scoring_children() == []  # stopped with the service


def test_a_killed_scoring_process_fails_only_its_sites_and_a_new_pool_scores_the_next(
    tmp_path: Path, scorer: Scorer
) -> None:
    store = _store(tmp_path / "cases.sqlite")
    pool = ScoringPool(
        ScoringSetup(scorer, None, None, f"sqlite:///{tmp_path / 'cases.sqlite'}"), 2
    )
    site = _site("vitrine")

    async def run() -> tuple[BaseException | None, dict[str, object], dict[str, object]]:
        first = await pool.start()
        assert len(first) == 2
        slow = asyncio.ensure_future(pool.score(_slow_site()))
        await asyncio.sleep(0.3)  # the slow site is being scored
        for pid in first:
            os.kill(pid, signal.SIGKILL)
        failed = (await asyncio.gather(slow, return_exceptions=True))[0]
        after_kill = await pool.score(site)  # on a new pool
        # Processes killed while idle: the pool is found broken when the next site comes, and
        # that site runs on a new pool instead of failing.
        killed = await pool.start()
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        # The pool marks itself broken before it reaps its processes: wait for the reaping.
        deadline = time.monotonic() + 30
        while {c.pid for c in psutil.Process().children()} & killed:
            assert time.monotonic() < deadline, "the killed processes were never reaped"
            await asyncio.sleep(0.05)
        after_idle_kill = await pool.score(site)
        pool.shutdown()
        return failed, after_kill, after_idle_kill

    failed, after_kill, after_idle_kill = asyncio.run(run())
    assert isinstance(failed, ScoringUnavailable)
    assert "https://lente.localhost/p0" in str(failed) and "not scored" in str(failed)
    expected = score_site(scorer, site, None, store)
    assert after_kill == expected and after_idle_kill == expected


def test_the_service_answers_503_for_a_site_whose_scoring_process_died(
    tmp_path: Path, scorer: Scorer
) -> None:
    settings = _settings(tmp_path, scoring_processes=1, max_body_bytes=10_000_000)
    app = create_app(settings, scorer, _no_live_capture)
    slow = _slow_site()
    body = {"pages": [{"url": p.url, "html": p.html} for p in slow.pages]}
    with running(app) as base:
        (child,) = scoring_children()
        killer = _kill_when_busy(child)  # while it scores the slow site
        answer = calls.post(f"{base}/v1/score", headers=_h(READER), json=body, timeout=60)
        killer.join()
        assert answer.status_code == 503, answer.text
        assert "scoring process ended" in answer.json()["detail"]
        again = calls.post(f"{base}/v1/score", headers=_h(READER), json=PAGES)
        assert again.status_code == 200 and again.json()["score"] is not None
        assert not child.is_running() and len(scoring_children()) == 1  # its replacement


def test_scamrank_serve_scores_in_one_process_per_core_unless_told(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert settings.scoring_processes == 0  # a service built in code scores in its own process
    assert serving_processes(settings, None) == (os.cpu_count() or 1)
    assert serving_processes(settings, 3) == 3
    assert serving_processes(_settings(tmp_path, scoring_processes=0), None) == 0  # set: kept


def test_a_reported_case_whose_scoring_process_died_is_failed_with_the_reason(
    tmp_path: Path, scorer: Scorer
) -> None:
    slow = _slow_site()

    async def captured(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
        return slow

    app = create_app(_settings(tmp_path, scoring_processes=1), scorer, captured)
    with running(app) as base:
        (child,) = scoring_children()
        killer = _kill_when_busy(child)
        answer = calls.post(f"{base}/v1/cases", headers=_h(INVESTIGATOR), json={"urls": [slow.url]})
        assert answer.status_code == 202, answer.text
        case = calls.settled(base, answer.json()["cases"][0]["case_id"], INVESTIGATOR)
        killer.join()
    assert case["status"] == "failed"
    assert case["error"].startswith("scoring failed: https://lente.localhost/p0: a scoring process")


_POOL_OF_A_KILLED_SERVICE = """
import asyncio, sys, time
from pathlib import Path
from models.scorer import Scorer
from serve.scoring_pool import ScoringPool, ScoringSetup

async def main() -> None:
    setup = ScoringSetup(Scorer.load(Path(sys.argv[1])), None, None, sys.argv[2])
    pids = await ScoringPool(setup, 2).start()
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(600)  # killed before this ends

asyncio.run(main())
"""


def test_scoring_processes_end_when_their_service_is_killed(
    tmp_path: Path, small_model_dir: Path
) -> None:
    # `kill -9` of the service gives its pool no chance to stop them: they notice the orphaning.
    import subprocess
    import sys

    service = subprocess.Popen(
        [sys.executable, "-c", _POOL_OF_A_KILLED_SERVICE, str(small_model_dir),
         f"sqlite:///{tmp_path / 'cases.sqlite'}"],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        pids = [int(pid) for pid in service.stdout.readline().split()]  # type: ignore[union-attr]
        scoring = [psutil.Process(pid) for pid in pids]
        assert len(scoring) == 2 and all(p.is_running() for p in scoring)
        service.kill()
        service.wait(timeout=30)
        gone, alive = psutil.wait_procs(scoring, timeout=10)
        assert alive == [] and len(gone) == 2
    finally:
        service.kill()
        service.wait(timeout=30)
