"""`cases export`: collision-proof case ids, the verdict's date, --since, and appending to an
existing bundle without duplicating rows or overwriting another case's files. A real SQLite store
and real evidence bundles (WARC + RDAP) written by BundleWriter."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from capture.bundle import BundleError, open_bundle
from capture.writer import BundleWriter
from serve.export import export_decided
from serve.store import Store, VerdictRow, make_engine, migrate

CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
REPORTED = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _store(path: Path) -> Store:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return Store(engine)


def _evidence(folder: Path, url: str, domain: str, registered: str) -> Path:
    """An evidence bundle as the worker keeps one: a WARC with the page, the RDAP answer."""
    html = f"<html><body><h1>{domain}</h1><p>Mentions légales</p></body></html>".encode()
    with BundleWriter(folder) as bundle:
        bundle.add_case("live", url, REPORTED, None)
        bundle.add_response(
            url, 200, [("Content-Type", "text/html; charset=utf-8")], html, REPORTED
        )
        bundle.add_rdap(
            domain,
            {
                "objectClassName": "domain",
                "ldhName": domain,
                "events": [{"eventAction": "registration", "eventDate": registered}],
            },
        )
    return folder


def _decide(store: Store, tmp: Path, url: str, outcome: str, when: datetime, rdap: str) -> int:
    domain = url.split("/")[2]
    case = store.report(url, domain, None, REPORTED).case_id
    evidence = _evidence(tmp / f"evidence-{case}", url, domain, rdap)
    store.set_status(case, "scored", evidence=str(evidence))
    store.record_verdict(case, outcome, "note", None, author="ana")
    with store.session() as session:
        session.execute(
            update(VerdictRow).where(VerdictRow.case_id == case).values(decided_at=when)
        )
    return case


def _rows(bundle: Path) -> list[dict[str, str]]:
    with (bundle / "cases.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return _store(tmp_path / "cases.sqlite")


def test_ids_carry_the_store_identity_and_the_verdict_date(store: Store, tmp_path: Path) -> None:
    when = datetime(2025, 3, 4, 15, 30, tzinfo=UTC)
    number = _decide(store, tmp_path, "https://shop-a.example/", "fraud", when, "2025-02-20T00:00Z")
    counts = export_decided(store, tmp_path / "out")
    rows = _rows(tmp_path / "out")
    assert counts["cases"] == 1 and counts["without_evidence"] == 0
    assert rows[0]["case_id"] == f"{store.store_id()}-{number}"
    assert CASE_ID.fullmatch(rows[0]["case_id"])
    assert rows[0]["decided_at"] == "2025-03-04T15:30:00Z"
    case = open_bundle(tmp_path / "out").cases[0]
    assert case.decided_at == when and case.outcome == "fraud"  # read back into the Case
    assert open_bundle(tmp_path / "out").site(case).pages  # the evidence came along


def test_two_stores_and_a_reset_store_never_share_an_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    when = datetime(2025, 3, 4, tzinfo=UTC)
    first = _store(tmp_path / "one.sqlite")
    _decide(first, tmp_path / "a", "https://shop-a.example/", "fraud", when, "2025-01-01")
    export_decided(first, out)
    (tmp_path / "one.sqlite").unlink()  # a database reset: case numbers start again at 1
    again = _store(tmp_path / "one.sqlite")
    _decide(again, tmp_path / "b", "https://shop-b.example/", "legit", when, "2010-01-01")
    counts = export_decided(again, out)
    ids = [row["case_id"] for row in _rows(out)]
    assert counts["added"] == 1 and len(ids) == len(set(ids)) == 2
    assert {i.rsplit("-", 1)[1] for i in ids} == {"1"}  # the same number, told apart
    assert len(list((out / "snapshots").glob("*.warc*"))) == 2  # neither WARC overwritten


def test_since_exports_only_verdicts_decided_from_that_date(store: Store, tmp_path: Path) -> None:
    old = datetime(2025, 2, 1, tzinfo=UTC)
    new = datetime(2025, 4, 1, tzinfo=UTC)
    _decide(store, tmp_path, "https://old.example/", "legit", old, "2009-01-01")
    kept = _decide(store, tmp_path, "https://new.example/", "fraud", new, "2025-03-01")
    counts = export_decided(store, tmp_path / "out", since=datetime(2025, 3, 1, tzinfo=UTC))
    assert counts["cases"] == 1 and counts["skipped_before"] == 1
    assert [r["case_id"] for r in _rows(tmp_path / "out")] == [f"{store.store_id()}-{kept}"]


def test_exporting_again_appends_skips_unchanged_and_replaces_changed(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    when = datetime(2025, 3, 4, tzinfo=UTC)
    first = _decide(store, tmp_path, "https://a.example/", "fraud", when, "2025-02-01")
    export_decided(store, out)
    warcs = sorted(p.read_bytes() for p in (out / "snapshots").glob("*.warc*"))
    second = _decide(store, tmp_path, "https://b.example/", "legit", when, "2012-02-01")
    store.record_verdict(first, "legit", "second look", None, author="ana")  # changed its mind
    counts = export_decided(store, out)
    rows = {r["case_id"]: r for r in _rows(out)}
    assert counts == {
        "cases": 2,
        "added": 1,
        "replaced": 1,
        "unchanged": 0,
        "without_evidence": 0,
        "rdap_kept": 0,
        "skipped_before": 0,
    }
    sid = store.store_id()
    assert set(rows) == {f"{sid}-{first}", f"{sid}-{second}"}
    assert rows[f"{sid}-{first}"]["outcome"] == "legit"
    assert rows[f"{sid}-{first}"]["decided_at"] > "2025-03-04T00:00:00Z"
    assert export_decided(store, out)["unchanged"] == 2  # a third run changes nothing
    assert len(_rows(out)) == 2
    assert warcs[0] in [p.read_bytes() for p in (out / "snapshots").glob("*.warc*")]


def test_an_rdap_answer_already_in_the_bundle_is_never_overwritten(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with BundleWriter(out) as history:  # the history bundle already has this domain's answer
        history.add_case("h1", "https://same.example/", REPORTED, "legit", decided_at="")
        history.add_rdap("same.example", {"objectClassName": "domain", "ldhName": "same.example"})
    before = (out / "rdap" / "same.example.json").read_bytes()
    when = datetime(2025, 3, 4, tzinfo=UTC)
    _decide(store, tmp_path, "https://same.example/x", "fraud", when, "2025-03-01")
    counts = export_decided(store, out)
    assert counts["rdap_kept"] == 1
    assert (out / "rdap" / "same.example.json").read_bytes() == before
    assert [r["case_id"] for r in _rows(out)][:1] == ["h1"]  # the history row is kept, first


def test_a_broken_bundle_is_not_appended_to(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cases.csv").write_text("id;url\n1;https://a.example/\n", encoding="utf-8")
    _decide(store, tmp_path, "https://a.example/", "fraud", REPORTED, "2025-01-01")
    with pytest.raises(BundleError, match=r"cases\.csv, line 1, column 'case_id': missing"):
        export_decided(store, out)
    assert (out / "cases.csv").read_text(encoding="utf-8") == "id;url\n1;https://a.example/\n"


def test_free_text_carried_over_from_the_bundle_is_neutralised(
    store: Store, tmp_path: Path
) -> None:
    """An extra column of the existing cases.csv that starts like a formula is written back as
    text; ids, URLs and dates are written as they are."""
    out = tmp_path / "out"
    with BundleWriter(out) as bundle:
        bundle.add_case("history-1", "https://old.example/", REPORTED, "legit")
    path = out / "cases.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] += ",remark"
    text[1] += ',"=HYPERLINK(""http://x.invalid"")"'
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    _decide(store, tmp_path, "https://a.example/", "fraud", REPORTED, "2025-02-01")
    export_decided(store, out)
    rows = {r["case_id"]: r for r in _rows(out)}
    assert rows["history-1"]["remark"] == '\'=HYPERLINK("http://x.invalid")'
    assert rows["history-1"]["url"] == "https://old.example/"
    assert rows["history-1"]["reported_at"] == "2025-03-01T09:00:00Z"
