"""Hostile and edge-of-range inputs: each gives a clear error or a note, never a traceback or a
lost site (issue 10: dates at the edge of the range, broken RDAP files, WARC files cut inside a
record header, formula-like case ids and free text, stacked content codings, odd URLs)."""

from __future__ import annotations

import csv
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from capture.body import MAX_CODINGS, CodingError, DecodedSize
from capture.bundle import open_bundle
from capture.cases import parse_cases
from capture.errors import BundleError, RdapError
from capture.isotime import OUT_OF_RANGE, parse_utc, parse_utc_checked
from capture.rdap import MAX_RDAP_BYTES, MAX_RDAP_DEPTH, parse_rdap, read_rdap, read_rdap_noted
from capture.reported import MAX_URL_LENGTH, normalise_url, parse_reported
from capture.spreadsheet import case_id_problem, neutralise
from capture.warc import decode_content, read_payload, scan_warc
from capture.writer import BundleWriter, iso_utc
from models.workflow import write_csv
from tests.capture.warc_counts import warcio_records

NOW = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
RDAP_SHOP = {
    "objectClassName": "domain",
    "ldhName": "shop-a.fr",
    "events": [
        {"eventAction": "registration", "eventDate": "0001-01-01T00:00:00+01:00"},
        {"eventAction": "expiration", "eventDate": "2026-01-01T00:00:00Z"},
    ],
}


# --- dates at the edge of the range -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:00:00+01:00",
        "0001-01-01T00:59:59+01:00",
        "9999-12-31T23:59:59-00:01",
        "9999-12-31T20:00:00-05:00",
    ],
)
def test_a_time_that_leaves_the_range_in_utc_is_out_of_range_not_an_overflow(text: str) -> None:
    assert parse_utc(text) is None
    assert parse_utc_checked(text) == (None, OUT_OF_RANGE)


def test_times_at_the_edge_that_stay_in_range_are_read() -> None:
    assert parse_utc("0001-01-01T00:00:00-01:00") == datetime(1, 1, 1, 1, tzinfo=UTC)
    assert parse_utc("9999-12-31T23:59:59Z") == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert parse_utc_checked("99999999999999999999")[1] == "not an ISO-8601 date or time"


def test_cases_csv_with_an_out_of_range_time_names_file_line_and_column() -> None:
    text = (
        "case_id,url,reported_at,outcome\n"
        "A1,https://shop-a.fr/,2024-05-01T10:00:00Z,fraud\n"
        "A2,https://shop-b.fr/,0001-01-01T00:00:00+05:00,\n"
    )
    with pytest.raises(BundleError) as caught:
        parse_cases(text, source="bundle/cases.csv")
    assert caught.value.problems == [
        "bundle/cases.csv, line 3, column 'reported_at': timestamp "
        f"'0001-01-01T00:00:00+05:00' is {OUT_OF_RANGE}"
    ]


def test_a_year_one_time_is_written_so_that_it_reads_back() -> None:
    moment = datetime(1, 1, 1, 0, 30, tzinfo=UTC)
    assert iso_utc(moment) == "0001-01-01T00:30:00Z"
    assert parse_utc(iso_utc(moment)) == moment


def test_the_reported_url_list_refuses_an_out_of_range_time_with_its_line() -> None:
    text = (
        "case_id,url,reported_at\n"
        "ok-1,shop-a.fr,2025-01-01\n"
        "bad-1,shop-b.fr,9999-12-31T23:00-02:00\n"
    )
    result = parse_reported(text, NOW, source="list.csv")
    assert [item.case_id for item in result.items] == ["ok-1"]
    assert result.problems == [
        f"list.csv, line 3: column 'reported_at': timestamp '9999-12-31T23:00-02:00' is "
        f"{OUT_OF_RANGE}"
    ]


# --- RDAP files that are broken on purpose ---------------------------------------------------


def test_an_out_of_range_rdap_date_is_unknown_with_a_note_and_the_rest_is_used() -> None:
    record = parse_rdap(RDAP_SHOP, "shop-a.fr.json")
    assert record.registered_at is None
    assert record.expires_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_a_deeply_nested_rdap_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"objectClassName": "domain", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(RdapError, match=f"nested deeper than {MAX_RDAP_DEPTH} levels"):
        read_rdap(path)
    shallow = {**RDAP_SHOP, "x": json.loads("[" * 70 + "]" * 70)}
    with pytest.raises(RdapError, match="nested deeper"):
        parse_rdap(shallow, "shop-a.fr.json")


def test_a_huge_rdap_file_is_refused_after_reading_no_more_than_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.write(b'{"objectClassName": "domain", "ldhName": "shop-a.fr", "pad": "')
        handle.truncate(100 * 1024 * 1024)  # a sparse 100 MB file: cheap to make
    with pytest.raises(RdapError, match=f"larger than {MAX_RDAP_BYTES:,} bytes"):
        read_rdap(path)


@pytest.mark.parametrize(
    "rdap_text",
    [
        json.dumps(RDAP_SHOP),
        '{"objectClassName": "domain", "ldhName": "shop-a.fr", "e": '
        + "[" * 50_000
        + "]" * 50_000
        + "}",
        "[" * 200_000,
        '{"objectClassName": "domain", "ldhName": "shop-a.fr", "events": [{"eventAction": '
        '"registration", "eventDate": "9999-12-31T23:00:00-09:00"}]}',
    ],
    ids=["year-one", "nested", "unfinished", "year-9999"],
)
def test_a_broken_rdap_file_loses_only_the_rdap_facts_not_the_pages(
    bundle_folder: Any, rdap_text: str
) -> None:
    bundle_folder.cases(
        [
            ("A1", "https://shop-a.fr/", "2024-05-10T08:00:00Z", "fraud"),
            ("B1", "https://shop-b.fr/", "2024-05-10T08:00:00Z", "legit"),
        ]
    )
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.response("https://shop-a.fr/", "<html><title>A</title></html>")
        warc.response("https://shop-a.fr/cgv", "<html><title>CGV</title></html>")
        warc.response("https://shop-b.fr/", "<html><title>B</title></html>")
    bundle_folder.rdap("shop-a.fr", rdap_text)
    sites = {site.case_id: site for site in open_bundle(bundle_folder.root).sites()}
    a = sites["A1"]
    assert [page.url for page in a.pages] == ["https://shop-a.fr/", "https://shop-a.fr/cgv"]
    assert len(sites["B1"].pages) == 1
    if a.rdap is None:
        assert any(note.startswith("rdap/shop-a.fr.json unreadable:") for note in a.notes)
        assert any(note.endswith("RDAP unknown") for note in a.notes)
    else:
        assert a.rdap.registered_at is None
        assert any(note.startswith("rdap/shop-a.fr.json: ") for note in a.notes)
        assert any(note.endswith("taken as unknown") for note in a.notes)


def test_the_rdap_reader_notes_which_date_was_left_out(tmp_path: Path) -> None:
    path = tmp_path / "shop-a.fr.json"
    path.write_text(json.dumps(RDAP_SHOP))
    record, notes = read_rdap_noted(path)
    assert record.domain == "shop-a.fr"
    assert notes == [
        f"registration date '0001-01-01T00:00:00+01:00' is {OUT_OF_RANGE}: taken as unknown"
    ]


# --- a plain WARC cut inside a record header -------------------------------------------------


def _two_record_warc(bundle_folder: Any) -> tuple[Path, int]:
    with bundle_folder.warc("plain.warc", gzip=False) as warc:
        warc.response("https://shop-a.fr/", "<html><title>A</title></html>")
        warc.response("https://shop-a.fr/cgv", "<html><title>CGV</title></html>")
    path = bundle_folder.root / "snapshots" / "plain.warc"
    second = path.read_bytes().index(b"WARC/1.1", 1)
    return path, second


@pytest.mark.parametrize(
    ("into_header", "stopped_at"),
    [
        # Cut before the header names its URI: seen as a header cut, where the record starts.
        (9, "second"),
        (30, "second"),
        # Cut after it: warcio fails on the record, and the pass stops where the first ended.
        (120, "first end"),
        (-3, "first end"),  # inside the blank line that ends the header
    ],
)
def test_a_plain_warc_cut_inside_a_record_header_reports_the_lost_records(
    bundle_folder: Any, into_header: int, stopped_at: str
) -> None:
    path, second = _two_record_warc(bundle_folder)
    data = path.read_bytes()
    first, following = warcio_records(path)
    assert following.offset == second
    first_end = first.offset + first.length  # where warcio says the first record ends
    header_end = data.index(b"\r\n\r\n", second)
    cut = second + into_header if into_header > 0 else header_end + 4 + into_header
    path.write_bytes(data[:cut])
    scan = scan_warc(path)
    assert scan.complete is False
    assert [capture.url for capture in scan.captures] == ["https://shop-a.fr/"]
    (fault,) = scan.faults
    offset = second if stopped_at == "second" else first_end
    assert fault.startswith(f"plain.warc: reading stopped at offset {offset}, after 1 records: ")
    assert "Error:" not in fault  # in words: a header cut short, not a Python error's name


def test_a_plain_warc_that_ends_between_records_is_complete(bundle_folder: Any) -> None:
    path, _ = _two_record_warc(bundle_folder)
    scan = scan_warc(path)
    assert (scan.complete, scan.faults, len(scan.captures)) == (True, [], 2)


def test_the_bundle_warns_of_a_warc_cut_inside_a_header(bundle_folder: Any) -> None:
    path, second = _two_record_warc(bundle_folder)
    path.write_bytes(path.read_bytes()[: second + 40])
    bundle_folder.cases([("A1", "https://shop-a.fr/", "2024-05-10T08:00:00Z", "")])
    bundle = open_bundle(bundle_folder.root)
    assert any(f"offset {second}" in warning for warning in bundle.warnings)
    assert bundle.stats.warc_files_with_faults == 1


# --- case ids and spreadsheet formulas --------------------------------------------------------


@pytest.mark.parametrize(
    "case_id", ["=cmd|' /C calc'!A0", "../../etc/passwd", "-2+3", "@SUM(A1)", "a/b", "x" * 129]
)
def test_cases_csv_refuses_an_unsafe_case_id_with_its_line(case_id: str) -> None:
    rows = [
        ["case_id", "url", "reported_at", "outcome"],
        ["ok-1", "https://a.fr/", "2024-05-01", ""],
    ]
    rows.append([case_id, "https://b.fr/", "2024-05-01", ""])
    text = _csv_text(rows)
    with pytest.raises(BundleError) as caught:
        parse_cases(text, source="cases.csv")
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("cases.csv, line 3, column 'case_id': case_id ")


def test_the_reported_url_list_refuses_an_unsafe_case_id_and_keeps_the_others() -> None:
    text = _csv_text(
        [["case_id", "url"], ['=HYPERLINK("x")', "a.fr"], ["../x", "b.fr"], ["C-3", "c.fr"]]
    )
    result = parse_reported(text, NOW, source="list.csv")
    assert [item.case_id for item in result.items] == ["C-3"]
    assert [p.split(":")[0] for p in result.problems] == ["list.csv, line 2", "list.csv, line 3"]
    assert all("column 'case_id'" in problem for problem in result.problems)


def test_safe_case_ids_pass() -> None:
    for case_id in ("C000001", "url-0a1b2c3d4e5f", "3f2a:17", "store.x_1-2", "a" * 128):
        assert case_id_problem(case_id) is None


@pytest.mark.parametrize("text", ["=1+1", "+33 6 12", "-x", "@x", "\tx", "\rx"])
def test_formula_starts_are_neutralised_once(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise(neutralise(text)) == "'" + text


def test_plain_text_is_left_alone() -> None:
    assert neutralise("Gandi SAS") == "Gandi SAS"
    assert neutralise("") == ""


def test_the_scores_csv_neutralises_free_text_but_not_ids_or_urls(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "case_id": ["C-1"],
            "url": ["https://a.fr/?q=-1"],
            "score": [0.5],
            "reasons": ["=cmd|' /C calc'!A0"],
            "registrar": ["@evil"],
            "landing_url": ["https://a.fr/"],
        }
    )
    path = write_csv(frame, tmp_path / "scores.csv")
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["reasons"] == "'=cmd|' /C calc'!A0"
    assert row["registrar"] == "'@evil"
    assert (row["case_id"], row["url"], row["landing_url"]) == (
        "C-1",
        "https://a.fr/?q=-1",
        "https://a.fr/",
    )
    assert row["score"] == "0.5"


def test_cases_csv_free_text_is_neutralised_and_ids_kept(tmp_path: Path) -> None:
    with BundleWriter(tmp_path / "b") as writer:
        writer.add_case("C-1", "https://a.fr/", NOW, "fraud", note="=1+2", source="plain")
        with pytest.raises(ValueError, match="may hold only letters"):
            writer.add_case("=1+2", "https://b.fr/", NOW, None)
    rows = list(csv.DictReader((tmp_path / "b" / "cases.csv").open(encoding="utf-8")))
    assert rows == [
        {
            "case_id": "C-1",
            "url": "https://a.fr/",
            "reported_at": "2025-03-14T09:00:00Z",
            "outcome": "fraud",
            "note": "'=1+2",
            "source": "plain",
        }
    ]
    # Reopened and written again: neutralised once, not twice.
    with BundleWriter(tmp_path / "b"):
        pass
    again = list(csv.DictReader((tmp_path / "b" / "cases.csv").open(encoding="utf-8")))
    assert again == rows


def _csv_text(rows: list[list[str]]) -> str:
    lines: list[str] = []
    for row in rows:
        out = []
        for cell in row:
            out.append(
                '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell
            )
        lines.append(",".join(out))
    return "\n".join(lines) + "\n"


# --- content codings and URLs ----------------------------------------------------------------


def test_more_content_codings_than_the_cap_is_an_error_naming_the_header() -> None:
    header = ", ".join(["gzip"] * 5000)
    with pytest.raises(CodingError, match=r"Content-Encoding 'gzip, gzip.*lists 5000 codings"):
        DecodedSize(header, 1000)
    with pytest.raises(CodingError, match=f"at most {MAX_CODINGS}"):
        decode_content(b"x", header, 1000)


def test_up_to_the_cap_each_coding_is_undone_once() -> None:
    body = b"<html>" + b"x" * 1000 + b"</html>"
    data = gzip.compress(gzip.compress(gzip.compress(body)))
    assert decode_content(data, "gzip, gzip, gzip", 10_000) == (body, False)
    counter = DecodedSize("gzip, gzip, gzip", 10_000)
    assert counter.feed(data) == len(body)
    assert decode_content(body, "identity, identity, identity, identity", 10_000) == (body, False)


def test_a_warc_page_with_thousands_of_codings_becomes_a_note(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://shop-a.fr/", "2024-05-10T08:00:00Z", "")])
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.response(
            "https://shop-a.fr/",
            "<html>A</html>",
            headers=[("Content-Encoding", ", ".join(["gzip"] * 3000))],
        )
        warc.response("https://shop-a.fr/cgv", "<html>CGV</html>")
    site = next(open_bundle(bundle_folder.root).sites())
    assert [page.url for page in site.pages] == ["https://shop-a.fr/cgv"]
    assert any("lists 3000 codings" in note for note in site.notes)
    path = bundle_folder.root / "snapshots" / "crawl.warc.gz"
    with path.open("rb") as handle, pytest.raises(CodingError):
        read_payload(handle, scan_warc(path).captures[0].offset)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("https://shop-a.fr/\x00admin", "U+0000"),
        ("https://shop-a.fr/\x1b[31m", "U+001B"),
        ("https://shop-a.fr/\x7f", "U+007F"),
        ("https://shop-a.fr/" + "a" * MAX_URL_LENGTH, "at most 2,048"),
        ("shop-a.fr/" + "b" * 10**6, "at most 2,048"),
    ],
)
def test_urls_too_long_or_with_control_characters_are_refused(text: str, why: str) -> None:
    url, problem = normalise_url(text)
    assert url is None
    assert problem is not None and why in problem


def test_a_url_of_the_longest_length_allowed_is_kept() -> None:
    text = "https://shop-a.fr/" + "a" * (MAX_URL_LENGTH - len("https://shop-a.fr/"))
    assert normalise_url(text) == (text, None)


@pytest.mark.parametrize("short_by", [1, 4, 8])  # inside the gzip trailer: CRC and size
def test_a_gzip_warc_whose_last_member_is_cut_reports_it(bundle_folder: Any, short_by: int) -> None:
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.response("https://shop-a.fr/", "<html><title>A</title></html>")
        warc.response("https://shop-a.fr/cgv", "<html><title>CGV</title></html>")
    path = bundle_folder.root / "snapshots" / "crawl.warc.gz"
    data = path.read_bytes()
    second = data.index(b"\x1f\x8b\x08", 1)
    path.write_bytes(data[: len(data) - short_by])
    scan = scan_warc(path)
    assert scan.complete is False
    assert any(f"gzip member of the last record (offset {second})" in f for f in scan.faults)
