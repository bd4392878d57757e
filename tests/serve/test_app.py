"""The HTTP API through a real uvicorn server on 127.0.0.1: keys and roles, validation, bodies,
scoring of captured pages, the queue, verdicts and restarts."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import numpy as np
import pytest

from capture.site import Site
from models.identity import fill_identity
from models.scorer import Scorer
from models.table import build_table, feature_matrix
from serve.app import create_app
from serve.reasons import sentence
from serve.settings import Settings
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home
from tests.serve import calls
from tests.serve.service import running

pytestmark = pytest.mark.usefixtures("loopback_guard")
# Keys as the settings demand them: 16 characters at least; the investigator's names its holder.
READER, INVESTIGATOR = "reader-key-7f3a9c2e", "investigator-key-51b8d04e"


async def _no_live_capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    raise ConnectionRefusedError(f"{url}: nothing listens there in this test")


def _settings(tmp_path: Path, **more: object) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'cases.sqlite'}",
        evidence_dir=str(tmp_path / "evidence"),
        api_keys=f"{READER}:reader,ana:{INVESTIGATOR}:investigator",
        **more,
    )


@pytest.fixture
def base(tmp_path: Path, scorer: Scorer) -> Iterator[str]:
    with running(
        create_app(_settings(tmp_path, max_body_bytes=200_000), scorer, _no_live_capture)
    ) as url:
        yield url


def _h(key: str, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", **more}


PAGES = {
    "pages": [
        {
            "url": "https://atelier-lumiere.fr/",
            "html": shop_home(
                '<a href="/mentions-legales">Mentions légales</a><img src="/visa.svg">'
            ),
        },
        {"url": "https://atelier-lumiere.fr/mentions-legales", "html": FR_NOTICE_VALID},
    ]
}


def test_health_needs_no_key_and_ready_names_the_model(base: str, scorer: Scorer) -> None:
    assert calls.get(f"{base}/health").json() == {"status": "ok"}
    ready = calls.get(f"{base}/ready")
    assert ready.status_code == 200 and ready.json() == {"ready": True, "model": scorer.version}


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Token x"}]
)
def test_missing_or_wrong_keys_get_401(base: str, headers: dict[str, str]) -> None:
    response = calls.get(f"{base}/v1/cases", headers=headers)
    assert response.status_code == 401
    assert "Bearer" in response.headers["www-authenticate"]


def test_a_reader_key_cannot_report_or_decide(base: str) -> None:
    assert (
        calls.post(f"{base}/v1/cases", json={"urls": ["shop.fr"]}, headers=_h(READER)).status_code
        == 403
    )
    assert (
        calls.post(
            f"{base}/v1/cases/1/outcome", json={"outcome": "fraud"}, headers=_h(READER)
        ).status_code
        == 403
    )


def test_scoring_captured_pages_gives_score_priority_and_reasons_in_french(
    base: str, scorer: Scorer
) -> None:
    sent = {**PAGES, "reported_at": "2026-01-05T10:00:00Z"}
    response = calls.post(
        f"{base}/v1/score", json=sent, headers=_h(READER, **{"Accept-Language": "fr-FR,fr;q=0.9"})
    )
    assert response.status_code == 200, response.text
    body = response.json()
    # The score is the model's on the features of these pages, through its calibration points,
    # and the priority follows from the model's thresholds.
    site = make_site({p["url"]: p["html"] for p in PAGES["pages"]})
    site = replace(site, case=replace(site.case, reported_at=datetime(2026, 1, 5, 10, tzinfo=UTC)))
    table = build_table([site])
    fill_identity(table, None, None)  # no register, no other case to link: as in a new store
    points = scorer.meta.calibration
    cal = float(
        np.interp(scorer.booster.predict(feature_matrix(table))[0], points["x"], points["y"])
    )
    assert body["score"] == pytest.approx(round(cal, 4))
    p1, p2 = scorer.thresholds["P1"], scorer.thresholds["P2"]
    assert body["priority"] == ("P1" if cal >= p1 else "P2" if cal >= p2 else "P3")
    assert body["model_version"] == scorer.version
    english = calls.post(f"{base}/v1/score", json=sent, headers=_h(READER)).json()
    assert english["score"] == body["score"]
    # Reasons are there, the same facts in both languages, each in the language asked.
    assert body["reasons"], body
    assert [r["feature"] for r in body["reasons"]] == [r["feature"] for r in english["reasons"]]
    for french, other in zip(body["reasons"], english["reasons"], strict=True):
        assert french["text"] == sentence(french["feature"], french["value"], "fr")
        assert other["text"] == sentence(other["feature"], other["value"], "en")
        assert french["text"] != other["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, 422),
        ({"url": "https://a.fr/", "pages": PAGES["pages"]}, 422),
        ({"pages": [{"url": "ftp://x", "html": ""}]}, 422),
        ({"pages": []}, 422),
    ],
)
def test_bad_score_bodies_get_422(base: str, body: dict, code: int) -> None:
    assert calls.post(f"{base}/v1/score", json=body, headers=_h(READER)).status_code == code


def test_oversized_bodies_get_413(base: str) -> None:
    huge = {"pages": [{"url": "https://a.fr/", "html": "x" * 300_000}]}
    assert calls.post(f"{base}/v1/score", json=huge, headers=_h(READER)).status_code == 413


def test_malformed_json_gets_422(base: str) -> None:
    response = calls.post(
        f"{base}/v1/cases",
        content=b"{not json",
        headers=_h(INVESTIGATOR, **{"Content-Type": "application/json"}),
    )
    assert response.status_code == 422


def test_reports_merge_reject_bad_lines_and_fail_cleanly_when_capture_fails(base: str) -> None:
    report = calls.post(
        f"{base}/v1/cases",
        headers=_h(INVESTIGATOR),
        json={
            "urls": [
                "boutique-exemple.fr",
                "https://www.boutique-exemple.fr/promo",
                "not a url",
                "ftp://x.fr",
            ],
            "reporter_ref": "SC-2026-001",
        },
    )
    assert report.status_code == 202, report.text
    body = report.json()
    assert [c["merged"] for c in body["cases"]] == [False, True]
    assert body["cases"][0]["url"] == "https://boutique-exemple.fr/"
    assert len(body["rejected"]) == 2
    case_id = body["cases"][0]["case_id"]
    for _ in range(100):
        case = calls.get(f"{base}/v1/cases/{case_id}", headers=_h(READER)).json()
        if case["status"] == "failed":
            break
        time.sleep(0.05)
    assert case["status"] == "failed" and "capture failed" in case["error"]
    assert case["score"] is None  # a broken capture never gives a confident answer
    assert [r["reporter_ref"] for r in case["reports"]] == ["SC-2026-001", "SC-2026-001"]


def test_verdicts_are_kept_with_their_history(base: str) -> None:
    case_id = calls.post(
        f"{base}/v1/cases", json={"urls": ["verdict-shop.fr"]}, headers=_h(INVESTIGATOR)
    ).json()["cases"][0]["case_id"]
    calls.post(
        f"{base}/v1/cases/{case_id}/outcome",
        headers=_h(INVESTIGATOR),
        json={"outcome": "legit", "who": "ana", "note": "real shop"},
    )
    last = calls.post(
        f"{base}/v1/cases/{case_id}/outcome",
        headers=_h(INVESTIGATOR),
        json={"outcome": "fraud", "who": "bob"},
    ).json()
    assert last["outcome"] == "fraud"
    assert [(v["outcome"], v["who"]) for v in last["verdicts"]] == [
        ("legit", "ana"),
        ("fraud", "bob"),
    ]
    assert (
        calls.post(
            f"{base}/v1/cases/{case_id}/outcome",
            headers=_h(INVESTIGATOR),
            json={"outcome": "maybe"},
        ).status_code
        == 422
    )
    assert (
        calls.post(
            f"{base}/v1/cases/9999/outcome", headers=_h(INVESTIGATOR), json={"outcome": "fraud"}
        ).status_code
        == 404
    )


def test_queue_filters_and_bad_parameters(base: str) -> None:
    assert calls.get(f"{base}/v1/cases?priority=P9", headers=_h(READER)).status_code == 422
    assert calls.get(f"{base}/v1/cases?limit=0", headers=_h(READER)).status_code == 422
    assert calls.get(f"{base}/v1/cases?cursor=zzz", headers=_h(READER)).status_code == 400
    listed = calls.get(f"{base}/v1/cases?status=queued&limit=5", headers=_h(READER))
    # A new store holds no case: the filtered queue is empty (tests/serve/test_queue_values.py
    # checks each filter on a filled store).
    assert listed.status_code == 200 and listed.json() == {"cases": [], "next_cursor": None}


def test_a_restart_keeps_every_case_and_verdict(tmp_path: Path, scorer: Scorer) -> None:
    settings = _settings(tmp_path)
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        case_id = calls.post(
            f"{url}/v1/cases", json={"urls": ["kept.fr"]}, headers=_h(INVESTIGATOR)
        ).json()["cases"][0]["case_id"]
        calls.post(
            f"{url}/v1/cases/{case_id}/outcome", json={"outcome": "fraud"}, headers=_h(INVESTIGATOR)
        )
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        case = calls.get(f"{url}/v1/cases/{case_id}", headers=_h(READER)).json()
    assert case["outcome"] == "fraud" and case["url"] == "https://kept.fr/"
    assert len(case["verdicts"]) == 1


def test_the_page_escapes_everything_from_sites(base: str) -> None:
    evil = "https://evil.fr/<script>alert(1)</script>"
    calls.post(f"{base}/v1/cases", json={"urls": [evil]}, headers=_h(INVESTIGATOR))
    with httpx.Client(base_url=base) as browser:
        browser.post("/login", data={"key": INVESTIGATOR})
        page = browser.get("/")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "evil.fr" in page.text


def test_concurrent_reports_and_verdicts_lose_nothing(base: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def report(i: int) -> int:
        answer = calls.post(
            f"{base}/v1/cases",
            headers=_h(INVESTIGATOR),
            json={"urls": [f"https://busy{i % 10}.fr/p{i}"], "reporter_ref": f"r{i}"},
        )
        assert answer.status_code == 202, answer.text
        return answer.json()["cases"][0]["case_id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(report, range(60)))
    assert len(set(ids)) == 10

    def decide(i: int) -> int:
        return calls.post(
            f"{base}/v1/cases/{ids[i]}/outcome",
            headers=_h(INVESTIGATOR),
            json={"outcome": "fraud", "who": f"inv{i}"},
        ).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(decide, range(60))) == {200}
    details = [calls.get(f"{base}/v1/cases/{i}", headers=_h(READER)).json() for i in set(ids)]
    assert sum(len(d["reports"]) for d in details) == 60
    assert sum(len(d["verdicts"]) for d in details) == 60


def test_cases_left_queued_by_a_restart_are_processed_at_start(
    tmp_path: Path, scorer: Scorer
) -> None:
    from serve.store import Store, make_engine, migrate

    settings = _settings(tmp_path)
    engine = make_engine(settings.database_url)
    migrate(engine)
    waiting = (
        Store(engine)
        .report("https://left-behind.fr/", "left-behind.fr", None, datetime.now(UTC))
        .case_id
    )
    engine.dispose()
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        for _ in range(200):
            case = calls.get(f"{url}/v1/cases/{waiting}", headers=_h(READER)).json()
            if case["status"] != "queued":
                break
            time.sleep(0.05)
    assert case["status"] == "failed" and "capture failed" in case["error"]
