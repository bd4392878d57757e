"""Safety Gate weekly report detail files: read field by field, broken input reported without
stopping, hostile XML kept harmless, and the DuckDB index loaded idempotently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from capture.alert_index import load_alerts, update_index
from capture.safety_gate import Alert, ReadProblem, gtins_in, read_alerts, read_alerts_file
from synth.alerts import make_alerts, write_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "safety_gate"
REPORT = FIXTURES / "report-2026-47.xml"


def _alerts(path: Path) -> list[Alert]:
    return [a for a in read_alerts_file(path) if isinstance(a, Alert)]


def test_a_published_report_is_read_field_by_field() -> None:
    first = _alerts(REPORT)[0]
    assert first == Alert(
        reference="SR/02811/26",
        name="Plush bunny Hoppel with rattle",
        product="Soft toy",
        brand="Kuschelwelt",
        model="KW-2231",
        barcode="4006381333931",
        gtins=("04006381333931",),
        category="Toys",
        risk_type="Choking",
        level="Serious risk",
        danger="The eyes detach easily; a child may choke on them.",
        measures="Withdrawal of the product from the market",
        description="Grey plush bunny, 25 cm, in a cardboard box.",
        batch="L2304",
        notifying_country="Germany",
        country_of_origin="China",
        counterfeit=False,
        url="https://ec.europa.eu/safety-gate-alerts/screen/webReport/alertDetail/10120001",
        version="2026-11-20",
        source=str(REPORT),
    )


def test_several_barcodes_are_kept_and_a_wrong_check_digit_is_not_a_barcode() -> None:
    charger, cream = _alerts(REPORT)[1:]
    # an EAN-13 and a UPC-A, compared as 14 digits
    assert charger.gtins == ("05901234123457", "00036000291452")
    assert cream.barcode == "1234567890123" and cream.gtins == ()


def test_the_counterfeit_indication_is_read_where_the_file_has_one() -> None:
    assert [a.counterfeit for a in _alerts(REPORT)] == [False, True, None]


def test_gtins_in_reads_separated_codes_and_skips_invalid_ones() -> None:
    assert gtins_in("EAN: 4006381333931, 4006381333932 / 96385074") == (
        "04006381333931",
        "00000096385074",
    )


def test_a_record_without_alert_number_is_reported_and_the_others_are_read() -> None:
    path = FIXTURES / "broken-record.xml"
    items = list(read_alerts_file(path))
    assert [a.reference for a in items if isinstance(a, Alert)] == ["SR/02900/26", "SR/02902/26"]
    (problem,) = [p for p in items if isinstance(p, ReadProblem)]
    assert (problem.file, problem.record) == (str(path), 2)
    assert "caseNumber" in problem.reason and "record 2" in str(problem)


def test_a_broken_file_keeps_what_came_before_and_never_stops_the_next_files(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "absent.xml"
    problems: list[ReadProblem] = []
    files = [FIXTURES / "truncated.xml", missing, REPORT]
    alerts = list(read_alerts(files, problems))
    assert [a.reference for a in alerts] == [
        "SR/03001/26",
        "SR/02811/26",
        "A12/01544/26",
        "SR/02815/26",
    ]
    assert [(p.file, p.record) for p in problems] == [
        (str(FIXTURES / "truncated.xml"), None),
        (str(missing), None),
    ]
    assert "not well-formed XML after 1 records" in problems[0].reason
    assert "cannot be read" in problems[1].reason


def test_entities_are_never_expanded_nor_external_ones_fetched() -> None:
    (alert,) = _alerts(FIXTURES / "entities.xml")
    # the billion-laughs entity, the local file and the remote one are all left out
    assert (alert.brand, alert.name) == ("Plain", "Lamp")


def test_the_synthetic_writer_writes_what_the_reader_reads(tmp_path: Path) -> None:
    alerts = make_alerts(3, 40, date(2026, 11, 27))
    path = write_report(alerts, tmp_path / "week.xml", date(2026, 11, 27))
    assert [replace(a, source="") for a in _alerts(path)] == alerts


def test_the_index_round_trip_gives_back_the_alerts_read(tmp_path: Path) -> None:
    db = tmp_path / "idx" / "alerts.duckdb"
    counts = update_index([REPORT, FIXTURES / "broken-record.xml"], db)
    assert (counts.read, counts.added, counts.total, len(counts.problems)) == (5, 5, 5, 1)
    expected = sorted(
        read_alerts([REPORT, FIXTURES / "broken-record.xml"]), key=lambda a: a.reference
    )
    assert load_alerts(db) == expected


def test_loading_the_same_week_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "alerts.duckdb"
    update_index([REPORT], db)
    before = load_alerts(db)
    again = update_index([REPORT], db)
    assert (again.added, again.replaced, again.unchanged, again.total) == (0, 0, 3, 3)
    assert load_alerts(db) == before


def test_a_newer_version_replaces_an_alert_and_an_older_one_never_does(tmp_path: Path) -> None:
    db = tmp_path / "alerts.duckdb"
    week = make_alerts(5, 3, date(2026, 11, 20))
    later = [
        replace(week[0], measures="Recall of the product from end users", version="2026-12-04")
    ]
    earlier = [replace(week[1], risk_type="Fire", version="2026-11-06")]
    write_report(week, tmp_path / "w47.xml", date(2026, 11, 20))
    write_report(later, tmp_path / "w49.xml", date(2026, 12, 4))
    write_report(earlier, tmp_path / "w45.xml", date(2026, 11, 6))
    update_index([tmp_path / "w47.xml"], db)
    counts = update_index([tmp_path / "w49.xml", tmp_path / "w45.xml"], db)
    assert (counts.added, counts.replaced, counts.unchanged, counts.total) == (0, 1, 1, 3)
    by_ref = {a.reference: a for a in load_alerts(db)}
    assert by_ref[week[0].reference].measures == "Recall of the product from end users"
    assert by_ref[week[0].reference].version == "2026-12-04"
    assert by_ref[week[1].reference].risk_type == week[1].risk_type  # the older one is ignored


def test_within_one_load_the_newest_version_of_an_alert_wins(tmp_path: Path) -> None:
    db = tmp_path / "alerts.duckdb"
    (alert,) = make_alerts(6, 1, date(2026, 11, 20))
    write_report([replace(alert, level="Serious risk")], tmp_path / "new.xml", date(2026, 12, 4))
    write_report([replace(alert, level="High risk")], tmp_path / "old.xml", date(2026, 11, 20))
    counts = update_index([tmp_path / "new.xml", tmp_path / "old.xml"], db)
    assert (counts.read, counts.added, counts.total) == (2, 1, 1)
    assert load_alerts(db)[0].level == "Serious risk"


def test_loading_a_missing_index_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.duckdb: no Safety Gate alert index"):
        load_alerts(tmp_path / "nowhere.duckdb")


def test_loading_a_file_that_is_no_index_says_so(tmp_path: Path) -> None:
    not_duckdb = tmp_path / "alerts.duckdb"
    not_duckdb.write_text("case_id,url\n")
    with pytest.raises(ValueError, match=r"alerts\.duckdb: not a Safety Gate alert index"):
        load_alerts(not_duckdb)
