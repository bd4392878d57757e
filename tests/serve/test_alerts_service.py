"""The "dangerous product" flag of the triage service, through a real uvicorn server on 127.0.0.1
with a real SQLite store and a real DuckDB alert index: cases scored by the service's own worker
keep their Safety Gate matches, the API shows and filters them, the case page lists them apart
from the reasons, the queue page flags them; the score is the same with or without the index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import httpx
import lxml.html
import pytest

from capture.domains import registrable_domain
from capture.site import Case, Page, Site
from models.alerts_column import load_index
from models.scorer import Scorer
from serve.app import create_app
from serve.settings import Settings
from serve.store import Store, make_engine, migrate
from serve.views import case_out
from tests.models.alert_shops import CHARGER_ALERT, SHOPS, build_index
from tests.serve import calls
from tests.serve.service import running

pytestmark = pytest.mark.usefixtures("loopback_guard")
READER, INVESTIGATOR = "reader-key-9c1e7b3a", "investigator-key-2d6f8a0b"
BY_URL = {next(iter(pages)): pages for pages in SHOPS.values()}


async def _captured(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    """The shop's pages as a capture would give them (the pages of tests/models/alert_shops)."""
    pages = BY_URL[url]
    return Site(
        case=Case(case_id, url, reported_at, None),
        domain=registrable_domain(url),
        pages=tuple(Page(u, html, 200, "utf-8") for u, html in pages.items()),
    )


def _h(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@contextmanager
def _signed_in(base: str) -> Iterator[httpx.Client]:
    """A browser-like client signed in on the sign-in form (the pages take sessions)."""
    with httpx.Client(base_url=base) as client:
        answer = client.post("/login", data={"key": READER})
        assert answer.status_code == 303, answer.text
        yield client


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("index") / "alerts.duckdb")


def _settings(root: Path, **more: object) -> Settings:
    return Settings(
        database_url=f"sqlite:///{root / 'cases.sqlite'}",
        evidence_dir=str(root / "evidence"),
        api_keys=f"{READER}:reader,{INVESTIGATOR}:investigator",
        **more,
    )


def _report_all(base: str) -> dict[str, int]:
    """Report the three shops one after the other, each once the one before is scored: {case
    name: id}. The shops share marks, and a case's link features count the linked cases stored
    when it is scored: reported together, the worker's four tasks would score them in any order
    and two services could link them differently."""
    ids: dict[str, int] = {}
    for name, url in zip(SHOPS, BY_URL, strict=True):
        answer = calls.post(f"{base}/v1/cases", headers=_h(INVESTIGATOR), json={"urls": [url]})
        assert answer.status_code == 202, answer.text
        ids[name] = answer.json()["cases"][0]["case_id"]
        case = calls.settled(base, ids[name], READER)
        assert case["status"] == "scored", case
    return ids


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, scorer: Scorer, index_path: Path
) -> Iterator[tuple[str, dict[str, int]]]:
    """The service with the index given by SCAMRANK_ALERTS and the three shops scored."""
    root = tmp_path_factory.mktemp("service")
    app = create_app(_settings(root, alerts=str(index_path)), scorer, _captured)
    with running(app) as base:
        yield base, _report_all(base)


def test_the_alerted_shop_is_flagged_with_its_alert_and_the_others_are_not(
    service: tuple[str, dict[str, int]],
) -> None:
    base, ids = service
    cases = {c["id"]: c for c in calls.get(f"{base}/v1/cases", headers=_h(READER)).json()["cases"]}
    alerted = cases[ids["alerted"]]
    assert alerted["dangerous_product"] is True and alerted["alerts_checked"] is True
    (match,) = alerted["alerts"]
    assert (match["reference"], match["listing"], match["risk"], match["how"]) == (
        CHARGER_ALERT,
        "Chargeur rapide 20W",
        "Electric shock, Fire",
        "barcode",
    )
    for name in ("decoy", "plain"):
        case = cases[ids[name]]
        assert (case["dangerous_product"], case["alerts"], case["alerts_checked"]) == (
            False,
            [],
            True,
        )
    detail = calls.get(f"{base}/v1/cases/{ids['alerted']}", headers=_h(READER)).json()
    assert detail["dangerous_product"] is True and detail["alerts"] == alerted["alerts"]
    # alerts are not reasons: no reason speaks of the alerted product
    assert all("Chargeur" not in r["text"] for r in detail["reasons"])


def test_the_queue_filters_on_the_flag(service: tuple[str, dict[str, int]]) -> None:
    base, ids = service

    def listed(alert: str) -> set[int]:
        answer = calls.get(f"{base}/v1/cases", params={"alert": alert}, headers=_h(READER))
        assert answer.status_code == 200, answer.text
        return {c["id"] for c in answer.json()["cases"]}

    assert listed("true") == {ids["alerted"]}
    assert listed("false") == {ids["decoy"], ids["plain"]}
    bad = calls.get(f"{base}/v1/cases", params={"alert": "maybe"}, headers=_h(READER))
    assert bad.status_code == 422


def test_the_case_page_lists_the_alert_apart_from_the_reasons(
    service: tuple[str, dict[str, int]],
) -> None:
    base, ids = service
    with _signed_in(base) as browser:
        page = browser.get(f"/cases/{ids['alerted']}")
        decoy_page = browser.get(f"/cases/{ids['decoy']}")
    assert page.status_code == 200, page.text
    tree = lxml.html.fromstring(page.text)
    (row,) = tree.xpath("//table[@id='alerts']//tr[@class='alert-match']")
    cells = [" ".join(td.text_content().split()) for td in row.xpath("td")]
    assert cells[0] == CHARGER_ALERT
    assert cells[1].startswith("Chargeur rapide 20W")
    assert cells[2] == "Electric shock, Fire"
    assert "Chargeur" not in tree.xpath("string(//ul[@id='reasons'])")
    decoy = lxml.html.fromstring(decoy_page.text)
    assert decoy.xpath("//*[@id='alerts-none']") and not decoy.xpath("//table[@id='alerts']")


def test_the_queue_page_shows_the_flag(service: tuple[str, dict[str, int]]) -> None:
    base, ids = service
    with _signed_in(base) as browser:
        page = browser.get("/")
        only_page = browser.get("/", params={"alert": "true"})
    assert page.status_code == 200, page.text
    tree = lxml.html.fromstring(page.text)

    def flag(case_id: int) -> str:
        return tree.xpath(f"string(//tr[@id='case-{case_id}']/td[@class='alert-flag'])").strip()

    assert flag(ids["alerted"]).startswith("dangerous product")
    assert flag(ids["decoy"]) == "" and flag(ids["plain"]) == ""
    only = lxml.html.fromstring(only_page.text)
    assert [r.get("id") for r in only.xpath("//table[@id='queue']/tbody/tr")] == [
        f"case-{ids['alerted']}"
    ]


def test_an_index_changes_no_score(
    tmp_path: Path, scorer: Scorer, service: tuple[str, dict[str, int]]
) -> None:
    base, ids = service
    flagged = calls.get(f"{base}/v1/cases", headers=_h(READER)).json()["cases"]
    with running(create_app(_settings(tmp_path), scorer, _captured)) as plain_base:
        plain_ids = _report_all(plain_base)
        plain = calls.get(f"{plain_base}/v1/cases", headers=_h(READER)).json()["cases"]
    by_id = {c["id"]: c for c in flagged}
    plain_by_id = {c["id"]: c for c in plain}
    for name in SHOPS:
        with_index, without = by_id[ids[name]], plain_by_id[plain_ids[name]]
        assert (with_index["score"], with_index["priority"]) == (
            without["score"],
            without["priority"],
        )
        assert with_index["reasons"] == without["reasons"]
        # scored without an index: not checked, so no flag either way
        assert (without["alerts_checked"], without["dangerous_product"]) == (False, False)


def test_score_with_pages_answers_the_matches(
    service: tuple[str, dict[str, int]],
) -> None:
    base, _ = service
    pages = [{"url": u, "html": h} for u, h in SHOPS["alerted"].items()]
    answer = calls.post(f"{base}/v1/score", json={"pages": pages}, headers=_h(READER))
    assert answer.status_code == 200, answer.text
    assert [m["reference"] for m in answer.json()["alerts"]] == [CHARGER_ALERT]


def test_a_stored_case_scored_before_alerts_reads_as_not_checked(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    migrate(engine)
    store = Store(engine)
    now = datetime.fromisoformat("2026-11-25T10:00:00+00:00")
    old = store.report("https://old.localhost/", "old.localhost", None, now).case_id
    store.record_score(old, 0.4, "P3", "[]", "m")
    broken = store.report("https://broken.localhost/", "broken.localhost", None, now).case_id
    store.record_score(broken, 0.4, "P3", "[]", "m", alerts="{not json")
    assert case_out(store.get(old), "en").alerts_checked is False
    shown = case_out(store.get(broken), "en")  # a value that cannot be read shows no match
    assert (shown.dangerous_product, shown.alerts) == (False, [])
    assert {r.id for r in store.queue(alert=False)[0]} == {old, broken}
    assert store.queue(alert=True)[0] == []


def test_an_index_setting_that_is_no_index_stops_the_app_naming_it(
    tmp_path: Path, scorer: Scorer
) -> None:
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("no", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bogus\.duckdb: not a Safety Gate alert index"):
        create_app(_settings(tmp_path, alerts=str(bogus)), scorer, _captured)
    assert len(load_index(build_index(tmp_path / "ok.duckdb"))) == 3
