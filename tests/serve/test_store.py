"""The case store on a real SQLite file (or PostgreSQL, by tests/postgres.sh): merging,
concurrency, history, restarts."""

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from serve.claims import claim, claimable, release
from serve.store import Store, StoreError, make_engine, migrate

NOW = datetime(2026, 1, 5, tzinfo=UTC)


def _store(path: Path) -> Store:
    """A store on SQLite in the test's folder, or on the PostgreSQL server that tests/postgres.sh
    started (SCAMRANK_TEST_DATABASE_URL), emptied first."""
    url = os.environ.get("SCAMRANK_TEST_DATABASE_URL") or f"sqlite:///{path}"
    engine = make_engine(url)
    migrate(engine)
    if url.startswith("postgresql") and not path.exists():
        with engine.begin() as connection:
            connection.execute(
                text(
                    "TRUNCATE priority_raises, case_marks, verdicts, scores, reports, cases "
                    "RESTART IDENTITY"
                )
            )
        path.touch()  # emptied once per test: a reopened store keeps its rows
    return Store(engine)


def test_reports_of_one_open_site_are_merged(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    first = store.report("https://shop.fr/a", "shop.fr", "ref-1", NOW)
    second = store.report("https://www.shop.fr/b", "shop.fr", "ref-2", NOW)
    assert (first.merged, second.merged) == (False, True)
    assert first.case_id == second.case_id
    assert [r.reporter_ref for r in store.get(first.case_id).reports] == ["ref-1", "ref-2"]


def test_a_decided_site_reported_again_opens_a_new_case(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    first = store.report("https://shop.fr/", "shop.fr", None, NOW)
    store.record_verdict(first.case_id, "fraud", "ana", "fake notice")
    again = store.report("https://shop.fr/", "shop.fr", None, NOW)
    assert not again.merged and again.case_id != first.case_id


def test_concurrent_reports_lose_nothing_and_never_open_a_site_twice(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    urls = [(f"https://site{i % 20}.fr/p{i}", f"site{i % 20}.fr") for i in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda u: store.report(u[0], u[1], None, NOW), urls))
    assert len({r.case_id for r in results}) == 20
    rows, _ = store.queue(limit=100)
    assert len(rows) == 20
    assert sum(len(store.get(r.id).reports) for r in rows) == 200


def test_scores_and_verdicts_keep_their_history_across_a_restart(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    case_id = store.report("https://shop.fr/", "shop.fr", None, NOW).case_id
    store.record_score(case_id, 0.4, "P2", "[]", "m1")
    store.record_score(case_id, 0.9, "P1", "[]", "m2")
    store.record_verdict(case_id, "legit", "ana", "checked by phone")
    store.record_verdict(case_id, "fraud", "bob", "bank transfer only")
    store.engine.dispose()
    reopened = _store(tmp_path / "c.sqlite")
    case = reopened.get(case_id)
    assert [s.model_version for s in case.scores] == ["m1", "m2"]
    assert [v.outcome for v in case.verdicts] == ["legit", "fraud"]
    assert (case.score, case.priority, case.outcome) == (0.9, "P1", "fraud")


def test_queue_orders_by_priority_then_score_and_pages(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = [store.report(f"https://s{i}.fr/", f"s{i}.fr", None, NOW).case_id for i in range(5)]
    for case_id, (score, priority) in zip(
        ids, [(0.2, "P3"), (0.95, "P1"), (0.5, "P2"), (0.99, "P1"), (0.6, "P2")], strict=False
    ):
        store.record_score(case_id, score, priority, "[]", "m")
    page, cursor = store.queue(limit=3)
    assert [r.score for r in page] == [0.99, 0.95, 0.6]
    rest, end = store.queue(limit=3, cursor=cursor)
    assert [r.score for r in rest] == [0.5, 0.2] and end is None


def test_unknown_case_and_bad_cursor_are_clear_errors(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    with pytest.raises(StoreError, match="no case 42"):
        store.get(42)
    with pytest.raises(StoreError, match="bad cursor"):
        store.queue(cursor="not-a-cursor")


def test_out_of_range_ids_and_offsets_are_store_errors(tmp_path: Path) -> None:
    import base64

    store = _store(tmp_path / "c.sqlite")
    for huge in (2**63, 2**64, -1, 0):
        with pytest.raises(StoreError, match="no case"):
            store.get(huge)
        with pytest.raises(StoreError, match="no case"):
            store.record_verdict(huge, "fraud", "", None, "ana")
    cursor = base64.urlsafe_b64encode(f"o:{2**63}".encode()).decode()
    with pytest.raises(StoreError, match="bad cursor"):
        store.queue(cursor=cursor)


def _answer(done: list) -> tuple[int, dict[str, object]]:
    return 202, {"cases": [r.case_id for r in done]}


def test_a_bulk_report_is_one_transaction(tmp_path: Path) -> None:
    from serve.bulk import report_many

    store = _store(tmp_path / "c.sqlite")
    items = [(f"https://b{i % 3}.fr/p{i}", f"b{i % 3}.fr") for i in range(9)]

    def broken(done: list) -> tuple[int, dict[str, object]]:
        raise RuntimeError("the answer could not be made")

    with pytest.raises(RuntimeError):  # a failure after the rows were written: none is kept
        report_many(store, items, "ref", NOW, broken, ("caller", "k", "h"))
    assert store.queue(limit=100)[0] == []
    done = report_many(store, items, "ref", NOW, _answer)
    assert [r.merged for r in done] == [False, False, False] + [True] * 6
    assert sorted(len(store.get(r.case_id).reports) for r in done if not r.merged) == [3, 3, 3]


def test_an_idempotent_report_replays_its_first_answer(tmp_path: Path) -> None:
    from serve.bulk import IdempotencyConflict, Replay, report_many

    store = _store(tmp_path / "c.sqlite")
    items = [("https://once.fr/", "once.fr")]
    first = report_many(store, items, None, NOW, _answer, ("ana", "key-1", "h1"))
    again = report_many(store, items, None, NOW, _answer, ("ana", "key-1", "h1"))
    assert isinstance(again, Replay) and again.body == {"cases": [first[0].case_id]}
    with pytest.raises(IdempotencyConflict, match="key-1"):
        report_many(store, items, None, NOW, _answer, ("ana", "key-1", "h2"))
    other_caller = report_many(store, items, None, NOW, _answer, ("bob", "key-1", "h1"))
    assert not isinstance(other_caller, Replay) and other_caller[0].merged
    assert len(store.get(first[0].case_id).reports) == 2


def test_concurrent_retries_of_one_idempotent_report_write_it_once(tmp_path: Path) -> None:
    from serve.bulk import report_many

    store = _store(tmp_path / "c.sqlite")
    items = [(f"https://race{i}.fr/", f"race{i}.fr") for i in range(20)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(
            pool.map(
                lambda _: report_many(store, items, None, NOW, _answer, ("ana", "r", "h")),
                range(6),
            )
        )
    rows, _ = store.queue(limit=100)
    assert len(rows) == 20 and sum(len(store.get(r.id).reports) for r in rows) == 20
    assert len(answers) == 6


def test_a_claim_is_held_by_one_owner_until_released_or_lapsed(tmp_path: Path) -> None:
    """Several service processes share one store: a pending case is worked on by the one that
    claimed it, until it releases the case or its claim lapses (serve/claims.py)."""
    store = _store(tmp_path / "c.sqlite")
    case_id = store.report("https://shop-x.fr/", "shop-x.fr", None, NOW).case_id
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert claimable(store) == [case_id]
    assert claim(store, case_id, "a", later)
    assert not claim(store, case_id, "b", later)
    assert claim(store, case_id, "a", later + timedelta(minutes=1))  # its owner extends it
    assert claimable(store) == []
    release(store, case_id, "b")  # not b's to release
    assert not claim(store, case_id, "b", later)
    release(store, case_id, "a")
    assert claim(store, case_id, "b", later)
    claim(store, case_id, "b", datetime.now(UTC) - timedelta(seconds=1))  # a lapsed claim...
    assert claimable(store) == [case_id]
    assert claim(store, case_id, "a", later)  # ...is anyone's
    store.set_status(case_id, "scored")  # a case no longer pending is nobody's to take
    release(store, case_id, "a")
    assert not claim(store, case_id, "b", later)
    assert claimable(store) == []


def test_one_of_many_processes_claiming_a_case_at_once_gets_it(tmp_path: Path) -> None:
    stores = [_store(tmp_path / "c.sqlite") for _ in range(6)]  # an engine each, as processes
    case_id = stores[0].report("https://shop-x.fr/", "shop-x.fr", None, NOW).case_id
    until = datetime.now(UTC) + timedelta(minutes=5)
    with ThreadPoolExecutor(len(stores)) as pool:
        won = list(pool.map(lambda i: claim(stores[i], case_id, f"p{i}", until), range(6)))
    assert won.count(True) == 1
    assert stores[0].get(case_id).claimed_by == f"p{won.index(True)}"
