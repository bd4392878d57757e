"""Linked cases in the triage service: cases whose pages share an operator's identifier (IBAN,
phone, e-mail...) or page template are listed on each other's case, both ways, in the API and on
the case page; a fraud verdict raises each open linked case one priority level, once, its score
unchanged, with a note naming the verdict; a case scored after that verdict counts it in its
link features.

The store is a real SQLite file (or PostgreSQL, by tests/postgres.sh); the marks come from real
pages through the feature pipeline; the service runs under uvicorn on 127.0.0.1."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import lxml.html
import pytest
from sqlalchemy import event

from capture.domains import registrable_domain
from capture.site import Case, Page, Site
from models.scorer import Scorer
from models.table import build_table
from serve import case_links
from serve.app import create_app
from serve.case_links import (
    CaseMarkRow,
    linked_cases,
    operator_peers,
    raises_in_force,
    stored_cases,
)
from serve.facts import features_json
from serve.settings import Settings
from serve.store import Store
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_store import _store

pytestmark = pytest.mark.usefixtures("loopback_guard")
READER, INVESTIGATOR = "reader-key-c3e81f5a", "investigator-key-9d27b6e0"
REPORTED = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
IBAN = "LT12 1000 0111 0100 1000"
PHONE = "01 42 68 53 00"


_TAGS = ("section", "article", "aside", "nav", "header", "footer", "figure", "dl", "ol", "form")


def _html(body: str, shape: int) -> str:
    """A shop page; `shape` picks the two elements its offer is wrapped in, so that shops of
    different shapes never share a page template and shops of one shape always do."""
    outer, inner = _TAGS[shape % len(_TAGS)], _TAGS[shape // len(_TAGS) % len(_TAGS)]
    offer = f"<{outer}><{inner}><em>offre</em></{inner}></{outer}>"
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Boutique</title>"
        f"</head><body><main><h1>Boutique</h1>{offer}<p>{body}</p></main></body></html>"
    )


def shop(domain: str, body: str, shape: int, case_id: str = "0") -> Site:
    url = f"https://{domain}/"
    return Site(
        case=Case(case_id, url, REPORTED, None),
        domain=registrable_domain(url),
        pages=(Page(url, _html(body, shape), 200, "utf-8"),),
    )


def seed(store: Store, domain: str, body: str, shape: int, priority: str, score: float) -> int:
    """A case of `domain` scored at `priority`, with the features its page really gives."""
    case_id = store.report(f"https://{domain}/", domain, None, REPORTED).case_id
    row = build_table([shop(domain, body, shape)]).iloc[0].to_dict()
    store.record_score(case_id, score, priority, "[]", "test-model", features_json(row))
    return case_id


def world(store: Store) -> dict[str, int]:
    """The source shop (to be confirmed fraud) and the cases around it."""
    return {
        "source": seed(
            store, "source-shop.fr", f"Virement IBAN {IBAN}, tél. {PHONE}", 1, "P2", 0.6
        ),
        "p3": seed(store, "p3-shop.fr", f"Virement sur l'IBAN {IBAN}", 2, "P3", 0.2),
        "p2": seed(store, "p2-shop.fr", f"Appelez le {PHONE}", 3, "P2", 0.5),
        "p1": seed(store, "p1-shop.fr", f"IBAN {IBAN}", 4, "P1", 0.9),
        "closed": seed(store, "closed-shop.fr", f"IBAN {IBAN}", 5, "P3", 0.1),
        "unlinked": seed(store, "honest-shop.fr", "Carte bancaire et PayPal", 6, "P3", 0.15),
    }


def _state(store: Store, case_id: int) -> tuple[str | None, float | None]:
    row = store.get(case_id)
    return row.priority, row.score


def test_cases_sharing_an_identifier_are_linked_both_ways_with_what_they_share(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    from_source = {link.case.id: link.shared for link in linked_cases(store, ids["source"])}
    assert from_source == {
        ids["p3"]: ("iban:LT121000011101001000",),
        ids["p2"]: ("phone:+33142685300",),
        ids["p1"]: ("iban:LT121000011101001000",),
        ids["closed"]: ("iban:LT121000011101001000",),
    }
    back = {link.case.id: link.shared for link in linked_cases(store, ids["p2"])}
    assert back == {ids["source"]: ("phone:+33142685300",)}
    assert linked_cases(store, ids["unlinked"]) == []


def test_shops_built_on_one_template_are_linked_by_it(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    first = seed(store, "kit-one.fr", "Carte bancaire", 7, "P3", 0.2)
    second = seed(store, "kit-two.fr", "Paiement sécurisé", 7, "P3", 0.2)
    other = seed(store, "own-design.fr", "Carte bancaire", 8, "P3", 0.2)
    (link,) = linked_cases(store, first)
    assert link.case.id == second and [m.split(":")[0] for m in link.shared] == ["template"]
    assert linked_cases(store, other) == []


def test_a_fraud_verdict_raises_open_linked_cases_one_level_once(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    store.record_verdict(ids["closed"], "legit", "", "a real shop after all")
    before = {name: _state(store, case_id) for name, case_id in ids.items()}
    store.record_verdict(ids["source"], "fraud", "", "fake notice", "ana")
    after = {name: _state(store, case_id) for name, case_id in ids.items()}
    assert after["p3"] == ("P2", before["p3"][1])  # one level up, the score the model's
    assert after["p2"] == ("P1", before["p2"][1])
    for name in ("p1", "closed", "unlinked", "source"):
        assert after[name] == before[name], name
    (raised,) = raises_in_force(store, ids["p3"])
    day = f"{store.get(ids['source']).verdicts[-1].decided_at:%Y-%m-%d}"
    assert (raised.source_case_id, raised.from_priority, raised.to_priority) == (
        ids["source"],
        "P3",
        "P2",
    )
    assert raised.shared == "iban:LT121000011101001000"
    assert f"{raised.decided_at:%Y-%m-%d}" == day
    assert raises_in_force(store, ids["unlinked"]) == []
    # the same verdict again, a genuine one then fraud again: nothing is raised twice
    store.record_verdict(ids["source"], "fraud", "", "posted twice")
    store.record_verdict(ids["source"], "legit", "", "changed my mind")
    store.record_verdict(ids["source"], "fraud", "", "and back")
    assert {name: _state(store, case_id) for name, case_id in ids.items()} == after
    assert len(raises_in_force(store, ids["p3"])) == 1


def test_a_genuine_verdict_raises_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    before = {name: _state(store, case_id) for name, case_id in ids.items()}
    store.record_verdict(ids["source"], "legit", "", "real shop")
    assert {name: _state(store, case_id) for name, case_id in ids.items()} == before
    assert all(raises_in_force(store, case_id) == [] for case_id in ids.values())


def test_a_second_fraud_verdict_on_another_linked_case_raises_again(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    store.record_verdict(ids["source"], "fraud", "", None)
    store.record_verdict(ids["p1"], "fraud", "", None)  # shares the IBAN with p3 too
    assert _state(store, ids["p3"])[0] == "P1"
    assert [r.source_case_id for r in raises_in_force(store, ids["p3"])] == [
        ids["source"],
        ids["p1"],
    ]


def test_a_new_score_replaces_the_raised_priority_and_ends_its_note(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    store.record_verdict(ids["source"], "fraud", "", None)
    assert _state(store, ids["p3"])[0] == "P2" and raises_in_force(store, ids["p3"])
    features = store.get(ids["p3"]).scores[-1].features
    store.record_score(ids["p3"], 0.7, "P1", "[]", "test-model", features)
    assert _state(store, ids["p3"]) == ("P1", 0.7)
    assert raises_in_force(store, ids["p3"]) == []
    assert {link.case.id for link in linked_cases(store, ids["p3"])} >= {ids["source"]}


def test_a_mark_held_by_too_many_cases_links_nothing(tmp_path: Path) -> None:
    """An identifier on more than 20 cases (and 2% of them) is a platform's, not an operator's."""
    store = _store(tmp_path / "c.sqlite")
    ids = [
        seed(store, f"host{i}.fr", "Support : aide@hebergeur.fr", 10 + i, "P3", 0.2)
        for i in range(21)
    ]
    assert linked_cases(store, ids[0]) == []
    store.record_verdict(ids[0], "fraud", "", None)
    assert _state(store, ids[1])[0] == "P3"


def test_damaged_kept_features_link_nothing_and_stop_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    ids = world(store)
    broken = store.report("https://broken.fr/", "broken.fr", None, REPORTED).case_id
    store.record_score(broken, 0.3, "P3", "[]", "test-model", "{not json")
    damaged = json.dumps({"context": {"marks": '{"iban": [', "skeleton": "%%%"}})
    other = store.report("https://damaged.fr/", "damaged.fr", None, REPORTED).case_id
    store.record_score(other, 0.3, "P3", "[]", "test-model", damaged)
    assert store.get(broken).status == store.get(other).status == "scored"
    assert linked_cases(store, broken) == linked_cases(store, other) == []
    assert len(linked_cases(store, ids["source"])) == 4  # the others still linked


# --- through the service ----------------------------------------------------------------------

NEW_SHOP = "late-clone.fr"


async def _capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    """The page of a shop reported after the source's verdict: it reuses the source's IBAN."""
    assert registrable_domain(url) == NEW_SHOP, url
    site = shop(NEW_SHOP, f"Virement uniquement, IBAN {IBAN}", 9, case_id)
    return Site(case=Case(case_id, url, reported_at, None), domain=site.domain, pages=site.pages)


def _h(key: str, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", **more}


Service = tuple[str, dict[str, int], Store]


@contextmanager
def _service(root: Path, scorer: Scorer) -> Iterator[Service]:
    store = _store(root / "cases.sqlite")
    ids = world(store)  # seeded before start: scored, nothing pending
    store.record_verdict(ids["closed"], "legit", "", "a real shop")
    settings = Settings(
        database_url=f"sqlite:///{root / 'cases.sqlite'}",
        evidence_dir=str(root / "evidence"),
        api_keys=f"{READER}:reader,ana:{INVESTIGATOR}:investigator",
    )
    with running(create_app(settings, scorer, _capture)) as base:
        yield base, ids, store


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, scorer: Scorer) -> Iterator[Service]:
    if os.environ.get("SCAMRANK_TEST_DATABASE_URL"):
        pytest.skip("the service tests run on SQLite; the store tests above run on PostgreSQL")
    with _service(tmp_path_factory.mktemp("linked"), scorer) as found:
        yield found


def _detail(base: str, case_id: int, language: str = "en") -> dict:
    answer = calls.get(
        f"{base}/v1/cases/{case_id}", headers=_h(READER, **{"Accept-Language": language})
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_api_lists_linked_cases_and_a_fraud_verdict_raises_them_with_a_note(
    service: Service,
) -> None:
    base, ids, _ = service
    source = _detail(base, ids["source"])
    listed = {c["id"]: c for c in source["linked_cases"]}
    assert set(listed) == {ids["p3"], ids["p2"], ids["p1"], ids["closed"]}
    p3 = listed[ids["p3"]]
    assert (p3["url"], p3["status"], p3["outcome"], p3["priority"]) == (
        "https://p3-shop.fr/",
        "scored",
        None,
        "P3",
    )
    assert p3["shared"] == [
        {"kind": "iban", "value": "LT121000011101001000", "text": "IBAN LT12 1000 ..."}
    ]
    back = _detail(base, ids["p2"])["linked_cases"]
    assert [(c["id"], c["shared"][0]["text"]) for c in back] == [
        (ids["source"], "phone +33142685300")
    ]
    assert _detail(base, ids["unlinked"])["linked_cases"] == []

    before = {name: _detail(base, case_id) for name, case_id in ids.items()}
    decided = calls.post(
        f"{base}/v1/cases/{ids['source']}/outcome",
        headers=_h(INVESTIGATOR),
        json={"outcome": "fraud", "note": "fake legal notice"},
    )
    assert decided.status_code == 200, decided.text
    assert {c["id"]: c["priority"] for c in decided.json()["linked_cases"]}[ids["p3"]] == "P2"
    day = decided.json()["verdicts"][-1]["decided_at"][:10]
    for _ in range(2):  # posting the verdict again raises nothing more
        after = {name: _detail(base, case_id) for name, case_id in ids.items()}
        assert (after["p3"]["priority"], after["p2"]["priority"]) == ("P2", "P1")
        for name in ("p1", "closed", "unlinked"):
            assert after[name]["priority"] == before[name]["priority"], name
        for name in ids:
            assert after[name]["score"] == before[name]["score"], name
        assert (
            f"raised from P3: linked case {ids['source']} (shares IBAN LT12 1000 ...) "
            f"confirmed fraud on {day}"
        ) in after["p3"]["notes"]
        assert not any("raised" in note for note in after["unlinked"]["notes"])
        calls.post(
            f"{base}/v1/cases/{ids['source']}/outcome",
            headers=_h(INVESTIGATOR),
            json={"outcome": "fraud"},
        )
    french = _detail(base, ids["p2"], "fr")["notes"]
    assert (
        f"relevée depuis P2 : le cas lié {ids['source']} (partage le téléphone +33142685300) "
        f"a été confirmé frauduleux le {day}"
    ) in french


def test_the_case_page_shows_linked_cases_with_links_to_their_pages(
    service: Service,
) -> None:
    base, ids, _ = service
    with httpx.Client(base_url=base) as client:
        assert client.post("/login", data={"key": READER}).status_code == 303
        page = client.get(f"/cases/{ids['p3']}")
        unlinked = client.get(f"/cases/{ids['unlinked']}")
    assert page.status_code == 200, page.text
    tree = lxml.html.fromstring(page.text)
    rows = tree.xpath("//table[@id='linked-cases']//tr[@class='linked-case']")
    links = {row.xpath(".//a/@href")[0]: row.text_content() for row in rows}
    assert f"/cases/{ids['source']}" in links
    assert "IBAN LT12 1000 ..." in links[f"/cases/{ids['source']}"]
    assert "source-shop.fr" in links[f"/cases/{ids['source']}"]
    assert f"/cases/{ids['unlinked']}" not in links
    assert not lxml.html.fromstring(unlinked.text).xpath("//table[@id='linked-cases']")
    assert lxml.html.fromstring(unlinked.text).xpath("//p[@id='linked-cases-none']")


def test_the_openapi_schema_describes_linked_cases(service: Service) -> None:
    base = service[0]
    schemas = calls.get(f"{base}/openapi.json").json()["components"]["schemas"]
    assert "linked_cases" in schemas["CaseDetail"]["properties"]
    assert set(schemas["LinkedCase"]["properties"]) == {
        "id",
        "url",
        "status",
        "outcome",
        "priority",
        "shared",
    }
    assert "template" in schemas["SharedMark"]["properties"]["kind"]["enum"]


def test_a_case_scored_after_a_linked_fraud_verdict_counts_it_in_its_link_features(
    service: Service,
) -> None:
    base, ids, store = service
    calls.post(
        f"{base}/v1/cases/{ids['source']}/outcome",
        headers=_h(INVESTIGATOR),
        json={"outcome": "fraud"},
    )
    reported = calls.post(
        f"{base}/v1/cases", headers=_h(INVESTIGATOR), json={"urls": [f"https://{NEW_SHOP}/"]}
    )
    assert reported.status_code == 202, reported.text
    case_id = reported.json()["cases"][0]["case_id"]
    deadline = time.monotonic() + 60
    while (case := _detail(base, case_id))["status"] not in ("scored", "failed"):
        assert time.monotonic() < deadline, case
        time.sleep(0.1)
    assert case["status"] == "scored", case
    kept = json.loads(store.get(case_id).scores[-1].features)["features"]
    # the IBAN links it to the source, p3, p1 and closed; the source's phone to p2; the source
    # is confirmed fraud, closed genuine: all known when it is scored
    assert (
        kept["link_cases_before"],
        kept["link_fraud_before"],
        kept["link_legit_before"],
    ) == (5, 1, 1)
    assert case_id in {c["id"] for c in _detail(base, ids["source"])["linked_cases"]}


def test_a_mark_links_only_to_the_same_kind_of_mark(tmp_path: Path) -> None:
    """The holders of a mark are looked up by kind and value together: a value held under
    another kind links nothing; the same kind and value does."""
    store = _store(tmp_path / "c.sqlite")
    held = store.report("https://held.fr/", "held.fr", None, REPORTED).case_id
    with store.session() as session:
        session.add(CaseMarkRow(case_id=held, kind="siren", value="948152210"))
        session.add(CaseMarkRow(case_id=held, kind="phone", value="+33150795086"))
    # each kind and each value is held, but never together
    assert operator_peers(store, {("siren", "+33150795086"), ("phone", "948152210")}, None) == []
    peers = operator_peers(store, {("siren", "948152210"), ("tracker", "+33150795086")}, None)
    assert [(p.case_id, p.marks) for p in peers] == [
        (held, {"siren": ["948152210"], "phone": ["+33150795086"]})
    ]


def test_the_case_count_behind_the_common_cap_is_read_again_once_it_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path / "c.sqlite")
    for i in range(2):
        store.report(f"https://shop{i}.fr/", f"shop{i}.fr", None, REPORTED)
    with store.session() as session:
        assert stored_cases(session) == 2
    store.report("https://shop2.fr/", "shop2.fr", None, REPORTED)
    with store.session() as session:
        assert stored_cases(session) == 2  # counted less than COUNT_MAX_AGE ago
    monkeypatch.setattr(case_links, "COUNT_MAX_AGE", 0.0)
    with store.session() as session:
        assert stored_cases(session) == 3


def _kept(marks: dict[str, list[str]], skeleton: str) -> str:
    """A score's kept features holding only the context the links read."""
    return json.dumps({"context": {"marks": json.dumps(marks), "skeleton": skeleton}})


def test_an_operator_group_is_read_in_a_few_statements_whatever_its_size(tmp_path: Path) -> None:
    """Each peer comes with its own marks, its latest verdict's date and the skeleton of its
    latest score, all read a chunk of cases at a time: not four statements for every peer,
    which made a score of a large operator group slow by hundreds of milliseconds."""
    store = _store(tmp_path / "c.sqlite")
    ids = []
    for i in range(12):
        case = store.report(f"https://shop{i}.fr/", f"shop{i}.fr", None, REPORTED).case_id
        marks = {"siren": ["948152210"], "email": [f"contact@shop{i}.fr"]}
        store.record_score(case, 0.5, "P2", "[]", "m", _kept(marks, "first"))
        store.record_score(case, 0.6, "P2", "[]", "m", _kept(marks, f"latest-{i}"))
        ids.append(case)
    store.record_verdict(ids[3], "legit", "note", None)
    latest = store.record_verdict(ids[3], "fraud", "note", None).verdicts[-1].decided_at
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    peers = operator_peers(store, {("siren", "948152210")}, ids[0])
    assert [p.case_id for p in peers] == ids[1:]  # the case scored is not its own peer
    assert [p.skeleton for p in peers] == [f"latest-{i}" for i in range(1, 12)]
    assert [p.marks["email"] for p in peers] == [[f"contact@shop{i}.fr"] for i in range(1, 12)]
    assert [p.decided_at for p in peers] == [latest if p.case_id == ids[3] else None for p in peers]
    assert peers[2].outcome == "fraud"
    assert len(statements) <= 10, statements
