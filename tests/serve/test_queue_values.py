"""The case queue on a real SQLite store and through the real service: each filter keeps exactly
the cases it names, and the order is priority, then score, then case number. Every expected list
is written out by hand from the cases the test makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from models.scorer import Scorer
from serve.app import create_app
from serve.store import Store
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, READER, _h, _no_live_capture, _settings
from tests.serve.test_store import NOW, _store

# (domain, status, score, priority): None for a case not scored. Case numbers follow this order,
# 1 to 9. Queued and captured cases would be picked up by the service's worker, so the service
# tests use only the scored and failed ones (a failed case keeps no score).
CASES = [
    ("a.fr", "scored", 0.55, "P2"),
    ("b.fr", "scored", 0.97, "P1"),
    ("c.fr", "failed", None, None),
    ("d.fr", "scored", 0.10, "P3"),
    ("e.fr", "queued", None, None),
    ("f.fr", "scored", 0.91, "P1"),
    ("g.fr", "captured", None, None),
    ("h.fr", "scored", 0.55, "P2"),  # the same score as a.fr: the older case first
    ("i.fr", "scored", 0.35, "P2"),
]


def _fill(store: Store, cases: list[tuple[str, str, float | None, str | None]]) -> dict[str, int]:
    """The cases in the store, in order; their case numbers by domain."""
    ids: dict[str, int] = {}
    for domain, status, score, priority in cases:
        case_id = store.report(f"https://{domain}/", domain, None, NOW).case_id
        ids[domain] = case_id
        if status == "scored":
            assert score is not None and priority is not None
            store.record_score(case_id, score, priority, "[]", "m1")
        elif status != "queued":
            store.set_status(
                case_id, status, error="capture failed" if status == "failed" else None
            )
    return ids


def _domains(rows: list) -> list[str]:
    return [row.domain for row in rows]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = _store(tmp_path / "queue.sqlite")
    ids = _fill(store, CASES)
    assert list(ids.values()) == list(range(1, len(CASES) + 1))
    return store


def test_the_whole_queue_is_priority_then_score_then_case_number(store: Store) -> None:
    rows, cursor = store.queue(limit=50)
    # P1 by score (b 0.97, f 0.91); P2 by score, a and h tied at 0.55 in case order, then i 0.35;
    # P3 (d); then the unscored, by case number (c, e, g).
    assert _domains(rows) == [
        "b.fr",
        "f.fr",
        "a.fr",
        "h.fr",
        "i.fr",
        "d.fr",
        "c.fr",
        "e.fr",
        "g.fr",
    ]
    assert cursor is None


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("scored", ["b.fr", "f.fr", "a.fr", "h.fr", "i.fr", "d.fr"]),
        ("failed", ["c.fr"]),
        ("queued", ["e.fr"]),
        ("captured", ["g.fr"]),
    ],
)
def test_the_status_filter_keeps_exactly_its_cases(
    store: Store, status: str, expected: list[str]
) -> None:
    rows, _ = store.queue(status=status)
    assert _domains(rows) == expected
    assert {row.status for row in rows} == {status}


@pytest.mark.parametrize(
    ("priority", "expected"),
    [("P1", ["b.fr", "f.fr"]), ("P2", ["a.fr", "h.fr", "i.fr"]), ("P3", ["d.fr"])],
)
def test_the_priority_filter_keeps_exactly_its_cases_by_score(
    store: Store, priority: str, expected: list[str]
) -> None:
    rows, _ = store.queue(priority=priority)
    assert _domains(rows) == expected


def test_status_and_priority_filters_combine(store: Store) -> None:
    assert _domains(store.queue(status="scored", priority="P1")[0]) == ["b.fr", "f.fr"]
    assert store.queue(status="failed", priority="P1")[0] == []  # a failed case has no priority


def test_a_case_rescored_moves_to_its_new_place_and_leaves_its_old_filter(store: Store) -> None:
    d = next(row.id for row in store.queue(priority="P3")[0])
    store.record_score(d, 0.99, "P1", "[]", "m2")
    assert _domains(store.queue(priority="P1")[0]) == ["d.fr", "b.fr", "f.fr"]
    assert store.queue(priority="P3")[0] == []


def test_decided_cases_leave_the_open_queue_only(store: Store) -> None:
    b = store.queue(priority="P1")[0][0].id
    store.record_verdict(b, "fraud", "ana", None)
    assert _domains(store.queue(priority="P1", open_only=True)[0]) == ["f.fr"]
    assert _domains(store.queue(priority="P1")[0]) == ["b.fr", "f.fr"]


def test_pages_of_a_filtered_queue_follow_one_another(store: Store) -> None:
    first, cursor = store.queue(status="scored", limit=4)
    assert _domains(first) == ["b.fr", "f.fr", "a.fr", "h.fr"] and cursor is not None
    rest, end = store.queue(status="scored", limit=4, cursor=cursor)
    assert _domains(rest) == ["i.fr", "d.fr"] and end is None
    one, more = store.queue(priority="P2", limit=3)
    assert _domains(one) == ["a.fr", "h.fr", "i.fr"] and more is None  # exactly a page: no cursor


# The service: GET /v1/cases and the triage page pass their filters to the store.
SERVED = [case for case in CASES if case[1] in ("scored", "failed")]


@pytest.fixture
def base(tmp_path: Path, scorer: Scorer) -> Iterator[str]:
    settings = _settings(tmp_path)
    from serve.store import make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    _fill(Store(engine), SERVED)
    engine.dispose()
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        yield url


def _listed(base: str, query: str) -> list[str]:
    answer = calls.get(f"{base}/v1/cases?{query}", headers=_h(READER))
    assert answer.status_code == 200, answer.text
    return [case["domain"] for case in answer.json()["cases"]]


@pytest.mark.usefixtures("loopback_guard")
def test_the_api_queue_applies_status_priority_and_order(base: str) -> None:
    assert _listed(base, "") == ["b.fr", "f.fr", "a.fr", "h.fr", "i.fr", "d.fr", "c.fr"]
    assert _listed(base, "status=failed") == ["c.fr"]
    assert _listed(base, "status=scored&priority=P2") == ["a.fr", "h.fr", "i.fr"]
    assert _listed(base, "priority=P1") == ["b.fr", "f.fr"]
    assert _listed(base, "priority=P3") == ["d.fr"]
    assert _listed(base, "status=queued") == []
    answer = calls.get(f"{base}/v1/cases?priority=P2&limit=2", headers=_h(READER)).json()
    assert [c["domain"] for c in answer["cases"]] == ["a.fr", "h.fr"]
    rest = calls.get(
        f"{base}/v1/cases?priority=P2&limit=2&cursor={answer['next_cursor']}", headers=_h(READER)
    ).json()
    assert [c["domain"] for c in rest["cases"]] == ["i.fr"] and rest["next_cursor"] is None


@pytest.mark.usefixtures("loopback_guard")
def test_the_triage_page_applies_its_filters(base: str) -> None:
    with httpx.Client(base_url=base) as browser:
        assert browser.post("/login", data={"key": INVESTIGATOR}).status_code in (200, 303)
        page = browser.get("/", params={"priority": "P1"}).text
        failed = browser.get("/", params={"status": "failed"}).text
    assert "https://b.fr/" in page and "https://f.fr/" in page
    assert all(f"https://{d}/" not in page for d in ("a.fr", "c.fr", "d.fr", "h.fr", "i.fr"))
    assert "https://c.fr/" in failed
    assert all(f"https://{d}/" not in failed for d in ("a.fr", "b.fr", "d.fr", "f.fr"))
