"""The whole loop through a real uvicorn server: investigators report sample shops served by a
local HTTP server on 127.0.0.1, the service captures and scores them in the background, the queue
is in priority order, verdicts are recorded, the decided cases are exported as a bundle, and a new
model trains on that export."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest

from capture.bundle import open_bundle
from capture.fetch import FetchOptions
from capture.live import LiveOptions
from models.identity import fill_identity
from models.table import build_table, feature_matrix
from models.workflow import TableOptions, train_bundle
from serve.app import create_app
from serve.export import export_decided
from serve.live import live_capture
from serve.store import Store, make_engine
from tests.capture.live_servers import LocalServer, Reply
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, READER, _h, _settings

pytestmark = pytest.mark.usefixtures("loopback_guard")
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
SITES = 48


@pytest.fixture(scope="module")
def shops():
    """The first sample sites that have pages, served by one local server by host name."""
    server = LocalServer()
    bundle = open_bundle(SAMPLE)
    served = []
    for case in bundle.cases:
        site = bundle.site(case)
        if not site.pages or case.outcome not in ("fraud", "legit"):
            continue
        for page in site.pages:
            parts = urlsplit(page.url)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            server.route(parts.hostname, path, Reply(page.html))
        landing = urlsplit(site.pages[0].url)
        path = (landing.path or "/") + (f"?{landing.query}" if landing.query else "")
        served.append((server.url(landing.hostname, path), case, site))
        if len(served) == SITES:
            break
    yield server, served
    server.stop()


def test_report_capture_score_decide_export_and_retrain(
    tmp_path: Path, scorer, shops, sample_feature_cache: Path
) -> None:
    server, served = shops
    hosts = {urlsplit(p.url).hostname: "127.0.0.1" for _, _, site in served for p in site.pages}
    options = LiveOptions(
        fetch=FetchOptions(allow_private=True, hosts=hosts, per_host=4), rdap=None
    )
    settings = _settings(tmp_path, allow_private=True)
    with running(create_app(settings, scorer, live_capture(settings, options))) as base:
        ids = {}
        for url, case, _ in served:
            response = calls.post(
                f"{base}/v1/cases",
                headers=_h(INVESTIGATOR),
                json={
                    "urls": [url],
                    "reporter_ref": case.case_id,
                    "reported_at": case.reported_at.isoformat(),
                },
            )
            assert response.status_code == 202, response.text
            ids[response.json()["cases"][0]["case_id"]] = case
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            page = calls.get(f"{base}/v1/cases?limit=500", headers=_h(READER)).json()["cases"]
            if all(c["status"] in ("scored", "failed") for c in page) and len(page) == len(ids):
                break
            time.sleep(0.3)
        scored = [c for c in page if c["status"] == "scored"]
        assert len(scored) >= 0.9 * len(ids), [c["error"] for c in page if c["error"]]
        order = {"P1": 0, "P2": 1, "P3": 2}
        keys = [(order[c["priority"]], -c["score"]) for c in scored]
        assert keys == sorted(keys)  # the queue: highest priority, then score, first
        detail = calls.get(  # the evidence folder is shown to investigators only
            f"{base}/v1/cases/{scored[0]['id']}", headers=_h(INVESTIGATOR)
        ).json()
        assert detail["evidence"] and len(detail["score_history"]) == 1
        assert server.paths(urlsplit(detail["url"]).hostname)  # it really fetched the site
        for case_id, case in ids.items():
            answer = calls.post(
                f"{base}/v1/cases/{case_id}/outcome",
                headers=_h(INVESTIGATOR),
                json={"outcome": case.outcome, "who": "ana"},
            )
            assert answer.status_code == 200

    export = tmp_path / "export"
    store = Store(make_engine(settings.database_url))
    counts = export_decided(store, export)
    assert counts["cases"] == len(ids) and counts["without_evidence"] == 0
    assert export_decided(store, export)["unchanged"] == len(ids)  # a rerun adds nothing
    reread = open_bundle(export)
    assert sum(bool(reread.site(c).pages) for c in reread.cases) >= 0.9 * len(ids)
    assert all(c.case_id.startswith(f"{store.store_id()}-") for c in reread.cases)
    assert all(c.decided_at is not None for c in reread.cases)
    # The verdicts train together with the history they add to.
    # With a feature cache, as `scamrank train` runs: the sample's rows are read from a copy of
    # the run's (tests/conftest.py), the export's captures are extracted.
    cache = shutil.copyfile(sample_feature_cache, tmp_path / "features.sqlite")
    trained = train_bundle([SAMPLE, export], tmp_path / "model", options=TableOptions(cache=cache))
    bundles = trained.meta.training["bundles"]
    assert [(b["path"], b["cases"]) for b in bundles] == [
        (str(SAMPLE), 360),
        (str(export), len(ids)),
    ]
    assert trained.meta.training["cases"] >= 345 + 0.9 * len(ids)


def test_score_a_url_live_through_the_same_capture(tmp_path: Path, scorer, shops) -> None:
    server, served = shops
    url, _, site = served[0]
    hosts = {urlsplit(p.url).hostname: "127.0.0.1" for p in site.pages}
    options = LiveOptions(fetch=FetchOptions(allow_private=True, hosts=hosts), rdap=None)
    settings = _settings(tmp_path, allow_private=True)
    with running(create_app(settings, scorer, live_capture(settings, options))) as base:
        # A live capture is an investigator's right (a reader may score pages it sends).
        answer = calls.post(f"{base}/v1/score", headers=_h(INVESTIGATOR), json={"url": url})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        refused = calls.post(
            f"{base}/v1/score",
            headers=_h(INVESTIGATOR),
            json={"url": server.url("nowhere.invalid")},
        )
    assert body["model_version"] == scorer.version
    # The evidence the live capture kept gives the same score offline: the model's output on the
    # features of the captured pages, through its calibration points.
    kept = [
        folder
        for folder in (tmp_path / "evidence").glob("adhoc-*")
        if any(open_bundle(folder).site(c).pages for c in open_bundle(folder).cases)
    ]
    assert len(kept) == 1
    bundle = open_bundle(kept[0])
    table = build_table([bundle.site(bundle.cases[0])])
    fill_identity(table, None, None)  # no register, no other case to link: as in a new store
    points = scorer.meta.calibration
    raw = scorer.booster.predict(feature_matrix(table))[0]
    assert body["score"] == pytest.approx(round(float(np.interp(raw, points["x"], points["y"])), 4))
    assert refused.status_code == 200 and refused.json()["score"] is None  # never a guess
    assert refused.json()["notes"]
