"""The company register in the triage service, through a real uvicorn server on 127.0.0.1 with
a real SQLite store and a register extract in INSEE's layout: the service's worker checks a
case's legal notice against the register as of its report, keeps the rows it consulted in the
case's evidence bundle, and without a register the same case's register facts are unknown."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.domains import registrable_domain
from capture.site import Case, Page, Site
from models.identity import open_register, reason_texts
from models.scorer import Scorer
from models.table import build_table, extracted, table_row
from serve.app import create_app
from serve.facts import features_json
from serve.settings import Settings
from serve.store import Store, make_engine
from serve.worker import add_site_register, add_store_links
from tests.models.identity_shops import PLUMBER, SHOPS, _home, write_world_register
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_store import _store

pytestmark = pytest.mark.usefixtures("loopback_guard")
INVESTIGATOR = "investigator-key-5e2a9c7d"
HOST, _, _, _, NOTICE = SHOPS["borrowed"]
URL = f"https://{HOST}/"


async def _captured(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    """The borrowed-SIREN shop, as a capture would give it."""
    return site_of(url, reported_at, case_id)


def _scored_case(
    root: Path, scorer: Scorer, register: Path | None, processes: int = 0
) -> tuple[dict, Path]:
    """Report the shop to a service (with the register folder as SCAMRANK_REGISTER would give
    it, or none; scoring in `processes` scoring processes, or its own), wait for its worker to
    score it: the stored features and the evidence folder."""
    settings = Settings(
        database_url=f"sqlite:///{root / 'cases.sqlite'}",
        evidence_dir=str(root / "evidence"),
        api_keys=f"{INVESTIGATOR}:investigator",
        register_folder=str(register) if register else None,
        scoring_processes=processes,
    )
    app = create_app(settings, scorer, _captured)
    with running(app) as base:
        headers = {"Authorization": f"Bearer {INVESTIGATOR}"}
        answer = calls.post(f"{base}/v1/cases", headers=headers, json={"urls": [URL]})
        assert answer.status_code == 202, answer.text
        case_id = answer.json()["cases"][0]["case_id"]
        assert calls.settled(base, case_id, INVESTIGATOR)["status"] == "scored"
    row = Store(make_engine(settings.database_url)).get(case_id)
    return json.loads(str(row.scores[-1].features))["features"], Path(str(row.evidence))


def test_the_worker_checks_the_notice_against_the_register_and_keeps_the_rows(
    tmp_path: Path, scorer: Scorer
) -> None:
    register = write_world_register(tmp_path / "sirene")
    features, evidence = _scored_case(tmp_path / "with", scorer, register)
    # The plumber's SIREN (and address) is in the register, active, but not retail, and not
    # under the shop's name.
    assert features["register_found"] == 1.0
    assert features["register_active_at_report"] == 1.0
    assert features["register_naf_retail"] == 0.0
    assert features["register_name_similarity"] < 0.5
    kept = json.loads((evidence / "register" / f"{PLUMBER.siren}.json").read_text("utf-8"))
    assert kept["unite_legale"]["denominationUniteLegale"] == "PLOMBERIE MARTIN"


def test_scoring_processes_reopen_the_register_and_keep_its_rows_as_the_service_does(
    tmp_path: Path, scorer: Scorer
) -> None:
    # The register goes to each scoring process pickled as its folder, reopened there.
    register = write_world_register(tmp_path / "sirene")
    in_service, evidence = _scored_case(tmp_path / "thread", scorer, register)
    in_pool, pool_evidence = _scored_case(tmp_path / "pool", scorer, register, processes=2)
    assert in_pool == in_service and in_pool["register_found"] == 1.0
    kept = pool_evidence / "register" / f"{PLUMBER.siren}.json"
    assert kept.read_text("utf-8") == (evidence / "register" / f"{PLUMBER.siren}.json").read_text(
        "utf-8"
    )


def test_without_a_register_the_same_case_has_unknown_register_facts(
    tmp_path: Path, scorer: Scorer
) -> None:
    features, evidence = _scored_case(tmp_path / "without", scorer, None)
    assert features["register_found"] is None
    assert features["register_naf_retail"] is None
    assert not (evidence / "register").exists()


def test_the_link_features_keep_the_register_s_sentences_beside_their_own(tmp_path: Path) -> None:
    # The worker adds the register facts, then the link features from the stored cases: both
    # kinds of sentence must reach the reasons (the link step once replaced the register's).
    register = open_register(write_world_register(tmp_path / "sirene"), tmp_path / "cache")
    store = _store(tmp_path / "cases.sqlite")
    earlier = site_of("https://baskets-promo.localhost/", datetime(2025, 1, 5, tzinfo=UTC))
    stored = store.report(earlier.url, earlier.domain, None, earlier.case.reported_at).case_id
    row = build_table([earlier]).iloc[0].to_dict()
    store.record_score(stored, 0.7, "P2", "[]", "test-model", features_json(row))
    site = site_of(URL, datetime(2025, 3, 1, tzinfo=UTC))
    row = table_row(site, extracted(site))
    add_site_register(row, register)
    add_store_links(row, store, None)
    texts = reason_texts(row["reason_texts"])
    assert "PLOMBERIE MARTIN" in texts["register_name_similarity"]
    assert texts["link_cases_before"] == "shares SIREN 552 100 554 with 1 earlier case"
    assert row["link_cases_before"] == 1.0


def site_of(url: str, reported_at: datetime, case_id: str = "0") -> Site:
    """The borrowed-SIREN shop's home and legal notice, served at `url`."""
    pages = {url: _home(HOST.split(".")[0]), f"{url}mentions-legales": NOTICE}
    return Site(
        case=Case(case_id, url, reported_at, None),
        domain=registrable_domain(url),
        pages=tuple(Page(u, html, 200, "utf-8") for u, html in pages.items()),
    )
