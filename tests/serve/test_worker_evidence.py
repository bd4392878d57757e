"""The service's evidence can never mix sites (issue 10, defect 1), and the service uses the
refreshed RDAP bootstrap as the command line does (defect 12).

Real parts: shops served by a local HTTP server on 127.0.0.1 (names under .localhost), the
service's live capture, SQLite stores on disk, and the worker that captures and scores."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.bundle import open_bundle
from capture.cases import read_cases
from capture.fetch import FetchOptions
from capture.live import LiveOptions
from models.scorer import Scorer
from serve.live import live_capture, service_bootstrap, service_options
from serve.settings import Settings
from serve.store import Store, make_engine, migrate
from serve.worker import EvidenceMismatch, Worker, evidence_problem, fresh_evidence_folder
from tests.capture.live_servers import LocalServer, Reply

pytestmark = pytest.mark.usefixtures("loopback_guard")
REPORTED = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
SHOPS = {
    "shop-x.localhost": "<html><title>Boutique X</title><body>Mentions légales X</body></html>",
    "shop-y.localhost": "<html><title>Boutique Y</title><body>Mentions légales Y</body></html>",
}


@pytest.fixture
def server() -> Iterator[LocalServer]:
    server = LocalServer()
    for host, html in SHOPS.items():
        server.route(host, "/", Reply(html))
    yield server
    server.stop()


def _settings(tmp_path: Path, database: str) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / database}",
        evidence_dir=str(tmp_path / "evidence"),
        allow_private=True,
    )


def _store(settings: Settings) -> Store:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return Store(engine)


def _options() -> LiveOptions:
    return LiveOptions(fetch=FetchOptions(allow_private=True), rdap=None)


def _captured_host(folder: Path) -> str:
    """The host of the one case of an evidence bundle, as its cases.csv says."""
    (case,) = read_cases(folder / "cases.csv")
    return case.url.split("/")[2].split(":")[0]


def _process(store: Store, scorer: Scorer, settings: Settings, case_id: int) -> None:
    capture = live_capture(settings, _options())
    worker = Worker(store, scorer, capture, Path(settings.evidence_dir))
    asyncio.run(worker.process(case_id))


def test_a_reset_store_never_scores_a_new_case_from_old_evidence(
    tmp_path: Path, server: LocalServer, scorer: Scorer
) -> None:
    first = _settings(tmp_path, "first.sqlite")
    old = _store(first)
    x = old.report(server.url("shop-x.localhost"), "shop-x.localhost", None, REPORTED)
    _process(old, scorer, first, x.case_id)
    x_folder = Path(old.get(x.case_id).evidence or "")
    assert _captured_host(x_folder) == "shop-x.localhost"

    # The database is reset, the evidence folder kept: case ids start again from 1.
    second = _settings(tmp_path, "second.sqlite")
    new = _store(second)
    y = new.report(server.url("shop-y.localhost"), "shop-y.localhost", None, REPORTED)
    assert y.case_id == x.case_id
    _process(new, scorer, second, y.case_id)
    row = new.get(y.case_id)
    assert row.status == "scored", row.error
    y_folder = Path(row.evidence or "")
    assert y_folder != x_folder
    assert _captured_host(y_folder) == "shop-y.localhost"
    (site,) = open_bundle(y_folder).sites()
    assert [page.html for page in site.pages] == [SHOPS["shop-y.localhost"]]
    assert _captured_host(x_folder) == "shop-x.localhost"  # the old evidence is left as it was


def test_recorded_evidence_of_another_site_is_not_resumed(
    tmp_path: Path, server: LocalServer, scorer: Scorer
) -> None:
    settings = _settings(tmp_path, "cases.sqlite")
    store = _store(settings)
    x = store.report(server.url("shop-x.localhost"), "shop-x.localhost", None, REPORTED)
    _process(store, scorer, settings, x.case_id)
    x_folder = Path(store.get(x.case_id).evidence or "")

    y = store.report(server.url("shop-y.localhost"), "shop-y.localhost", None, REPORTED)
    # As a copied or restored database could have it: y's row points at x's evidence.
    store.set_status(y.case_id, "queued", None, str(x_folder))
    _process(store, scorer, settings, y.case_id)
    row = store.get(y.case_id)
    assert row.status == "scored", row.error
    assert Path(row.evidence or "") != x_folder
    assert _captured_host(Path(row.evidence or "")) == "shop-y.localhost"


def test_the_capture_refuses_a_folder_that_holds_another_site(
    tmp_path: Path, server: LocalServer
) -> None:
    settings = _settings(tmp_path, "cases.sqlite")
    capture = live_capture(settings, _options())
    folder = fresh_evidence_folder(Path(settings.evidence_dir), "7")
    site = asyncio.run(capture(server.url("shop-x.localhost"), REPORTED, "7", folder))
    assert site.domain == "shop-x.localhost" and len(site.pages) == 1
    assert evidence_problem(folder, server.url("shop-x.localhost")) is None
    problem = evidence_problem(folder, server.url("shop-y.localhost"))
    assert problem == f"the evidence in {folder.name} is of shop-x.localhost, not shop-y.localhost"
    with pytest.raises(EvidenceMismatch, match=re.escape("of shop-x.localhost, not shop-y")):
        asyncio.run(capture(server.url("shop-y.localhost"), REPORTED, "7", folder))


def test_fresh_evidence_folders_never_repeat(tmp_path: Path) -> None:
    folders = {fresh_evidence_folder(tmp_path, "1") for _ in range(200)}
    assert len(folders) == 200
    assert all(folder.name.startswith("case-1-") for folder in folders)


def test_the_service_uses_the_refreshed_rdap_bootstrap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed = tmp_path / "cache" / "iana-dns-bootstrap.json"
    monkeypatch.setenv("SCAMRANK_RDAP_BOOTSTRAP", str(refreshed))
    monkeypatch.setenv("SCAMRANK_RDAP_CACHE", str(tmp_path / "cache" / "rdap"))
    # Before a refresh: the shipped copy, which knows nothing of .localhost.
    assert service_bootstrap().base_urls("shop-x.localhost") == ()

    refreshed.parent.mkdir(parents=True)
    refreshed.write_text(
        json.dumps(
            {
                "version": "1.0",
                "publication": "2026-11-01T00:00:00Z",
                "services": [[["localhost"], ["http://127.0.0.1:9/rdap/"]]],
            }
        )
    )
    assert service_bootstrap().base_urls("shop-x.localhost") == ("http://127.0.0.1:9/rdap/",)
    options = service_options(_settings(tmp_path, "cases.sqlite"))
    assert options.rdap is not None
    assert options.rdap.bootstrap.source == str(refreshed)

    refreshed.write_text("{not json")  # a broken refresh is passed over, not fatal
    assert service_bootstrap().base_urls("a.fr") == ("https://rdap.nic.fr/",)
