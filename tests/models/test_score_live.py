"""Capture and score in one call, in process: the scores come from the bundle the capture
wrote, so scoring that bundle again gives them back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.fetch import FetchOptions
from capture.live import LiveOptions
from capture.reported import parse_reported
from models.scorer import Scorer
from models.workflow import TableOptions, score_bundle, score_live
from tests.capture.live_servers import LocalServer
from tests.capture.shops import serve_shops
from tests.loopback import loopback_only


@pytest.fixture(scope="module", autouse=True)
def no_network_but_loopback() -> Iterator[None]:
    with loopback_only():
        yield


def test_live_scores_are_the_scores_of_the_evidence_bundle(
    tmp_path: Path, small_model_dir: Path
) -> None:
    scorer = Scorer.load(small_model_dir)  # train(_table()), trained once a run
    server = LocalServer()
    serve_shops(server)
    text = "\n".join(server.url(h) for h in ("atelier.localhost", "promo.localhost", "x.invalid"))
    items = parse_reported(text, datetime(2025, 3, 14, tzinfo=UTC)).items
    live = LiveOptions(fetch=FetchOptions(allow_private=True, hosts={}, read_timeout=1.0))
    table = TableOptions(n_jobs=1)
    try:
        scores, _, run = score_live(items, tmp_path / "evidence", scorer, live, table)
    finally:
        server.stop()
    assert len(run.outcomes) == 3 and run.failed == {"dns": 1}
    assert scores["score"].notna().sum() == 2
    again, _ = score_bundle(tmp_path / "evidence", scorer, table)
    columns = ["case_id", "score", "rank", "priority", "reasons"]
    assert again[columns].equals(scores[columns])
