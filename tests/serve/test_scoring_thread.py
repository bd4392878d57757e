"""The service scores one site at a time, on a thread of its own (serve/worker.py
`Worker.score`): sites asked for together are scored in turn and give what they give one by one.
A real store (SQLite, as tests/serve/test_store.py opens it) and the test model; no network."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from pathlib import Path

from capture.site import Site
from models.scorer import Scorer
from serve.worker import Worker
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home
from tests.serve.test_store import _store


async def _no_capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    raise ConnectionRefusedError(f"{url}: nothing is captured here")


def _sites() -> list[Site]:
    payments = ("Carte bancaire, PayPal", "Virement bancaire uniquement", "Bitcoin accepté")
    return [
        make_site(
            {
                f"https://boutique-{i}.fr/": shop_home(
                    f'<a href="/mentions-legales">Mentions légales</a> {pay}'
                ),
                f"https://boutique-{i}.fr/mentions-legales": FR_NOTICE_VALID,
            }
        )
        for i, pay in enumerate(payments)
    ]


def _scoring_threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith("scamrank-scoring")}


def test_sites_scored_together_are_scored_in_turn_on_one_thread(
    tmp_path: Path, scorer: Scorer
) -> None:
    worker = Worker(_store(tmp_path / "cases.sqlite"), scorer, _no_capture, tmp_path / "evidence")
    sites = _sites()

    async def run() -> tuple[list[dict[str, object]], list[dict[str, object]], set[str]]:
        alone = [await worker.score(site) for site in sites]
        together = await asyncio.gather(*(worker.score(site) for site in sites * 3))
        threads = _scoring_threads()
        await worker.stop()
        return alone, list(together), threads

    alone, together, threads = asyncio.run(run())
    assert together == alone * 3
    assert len({str(result["features"]) for result in alone}) == len(sites)  # three sites
    assert len(threads) == 1
    assert not _scoring_threads() & threads  # stopped with the worker
