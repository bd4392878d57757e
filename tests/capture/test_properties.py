"""Property tests of the parsers that read what anyone can write: cases.csv, reported-URL lists,
RDAP answers, timestamps, content codings and WARC files (issue 10, section 3).

The property is the same everywhere: any input gives a result or one of scamrank's own errors
(BundleError, RdapError, CodingError), never another exception, and a damaged file never loses
the other sites of a bundle. Hypothesis runs derandomized (the same examples on every run) with
no deadline, so the tests are repeatable and do not flake on a busy machine.
"""

from __future__ import annotations

import gzip
import io
import json
import string
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from capture.body import CodingError, DecodedSize
from capture.bundle import open_bundle
from capture.cases import parse_cases
from capture.errors import BundleError, RdapError
from capture.isotime import OUT_OF_RANGE, parse_utc_checked
from capture.rdap import parse_rdap, read_rdap
from capture.reported import MAX_URL_LENGTH, normalise_url, parse_reported
from capture.spreadsheet import FORMULA_STARTS, case_id_problem, neutralise
from capture.warc import decode_content, scan_warc

settings.register_profile(
    "capture-properties",
    derandomize=True,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = settings.get_profile("capture-properties")
FILES = settings(PROFILE, max_examples=60)  # for the examples that write files
NOW = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)

# Pieces that hostile and sloppy inputs are made of, mixed with any text at all.
_NASTY = [
    "=cmd|' /C calc'!A0",
    "../../etc/passwd",
    "\x00",
    "\r\n",
    '"',
    ",",
    ";",
    "\ufeff",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-14:00",
    "2024-05-01T10:00:00Z",
    "99999999999999999999",
    "https://shop-a.fr/",
    "hxxps://shop[.]fr",
    "xn--",
    "é.fr",
    "[::1]",
    "http://a.fr:99999/",
    "fraud",
    "legit",
]
pieces = st.one_of(st.sampled_from(_NASTY), st.text(max_size=12))
cells = st.lists(pieces, max_size=4).map("".join)
csv_texts = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8).map(
    lambda rows: "\n".join(",".join(row) for row in rows)
)


# --- timestamps --------------------------------------------------------------------------------


@PROFILE
@given(st.text(max_size=40) | st.sampled_from(_NASTY))
def test_any_text_is_a_utc_time_or_says_why_not(text: str) -> None:
    moment, why = parse_utc_checked(text)
    assert (moment is None) != (why is None)
    if moment is not None:
        assert moment.utcoffset() == timedelta(0)


@PROFILE
@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59),
)
def test_a_time_with_any_offset_is_its_utc_moment_or_out_of_range(
    naive: datetime, minutes: int
) -> None:
    aware = naive.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    moment, why = parse_utc_checked(aware.isoformat())
    try:
        expected = aware.astimezone(UTC)
    except OverflowError:
        assert (moment, why) == (None, OUT_OF_RANGE)
    else:
        assert moment == expected


# --- cases.csv ---------------------------------------------------------------------------------


def _check_cases(text: str) -> None:
    try:
        cases = parse_cases(text, source="cases.csv")
    except BundleError as exc:
        assert exc.problems and all(p.startswith("cases.csv, line ") for p in exc.problems)
        return
    ids = [case.case_id for case in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert case_id_problem(case.case_id) is None
        assert case.reported_at.utcoffset() == timedelta(0)
        assert case.outcome in (None, "fraud", "legit")


@PROFILE
@given(csv_texts)
def test_any_cases_csv_gives_cases_or_a_bundle_error(text: str) -> None:
    _check_cases(text)


@PROFILE
@given(st.lists(st.tuples(cells, cells, cells, st.sampled_from(["", "fraud", "legit", "x"]))))
def test_cases_csv_rows_under_a_good_header_give_cases_or_errors(
    rows: list[tuple[str, str, str, str]],
) -> None:
    lines = ["case_id,url,reported_at,outcome,note"]
    lines += [",".join([*row, "=1+1"]) for row in rows]
    _check_cases("\n".join(lines) + "\n")


# --- reported-URL lists ------------------------------------------------------------------------


@PROFILE
@given(st.text(max_size=80) | cells)
def test_any_text_is_a_capturable_url_or_a_reason(text: str) -> None:
    url, problem = normalise_url(text)
    assert (url is None) != (problem is None)
    if url is not None:
        assert url.startswith(("http://", "https://"))
        assert len(url) <= MAX_URL_LENGTH + 8  # the scheme a bare domain gets
        assert not any(ord(char) < 32 or 127 <= ord(char) < 160 for char in url)
        assert normalise_url(url) == (url, None)  # normalising is done once and for all


@PROFILE
@given(csv_texts | st.text(max_size=200))
def test_any_reported_list_gives_items_and_line_numbered_problems(text: str) -> None:
    result = parse_reported(text, NOW, source="list")
    for item in result.items:
        assert case_id_problem(item.case_id) is None
        assert normalise_url(item.url) == (item.url, None)
        assert item.reported_at.utcoffset() == timedelta(0)
    assert all(problem.startswith("list, line ") for problem in result.problems)


# --- RDAP --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | pieces,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(pieces, inner, max_size=4),
    max_leaves=20,
)
events = st.lists(
    st.fixed_dictionaries(
        {
            "eventAction": st.sampled_from(["registration", "expiration", "last changed", "x"])
            | pieces,
            "eventDate": pieces | json_values,
        }
    ),
    max_size=4,
)
rdap_objects = st.fixed_dictionaries(
    {"objectClassName": st.sampled_from(["domain", "Domain", "entity"]) | json_values},
    optional={
        "ldhName": st.sampled_from(["shop-a.fr", "SHOP-A.FR.", ""]) | json_values,
        "events": events | json_values,
        "entities": st.lists(
            st.dictionaries(
                st.sampled_from(["roles", "vcardArray", "handle", "entities", "remarks"]),
                json_values,
            ),
            max_size=3,
        )
        | json_values,
        "status": json_values,
        "redacted": json_values,
    },
)


@PROFILE
@given(rdap_objects | json_values)
def test_any_decoded_json_is_an_rdap_record_or_an_rdap_error(obj: Any) -> None:
    try:
        record = parse_rdap(obj, "x.json")
    except RdapError as exc:
        assert str(exc).startswith("x.json: ")
        return
    assert record.domain
    for moment in (record.registered_at, record.expires_at, record.last_changed_at):
        assert moment is None or moment.utcoffset() == timedelta(0)


@FILES
@given(st.binary(max_size=300) | rdap_objects.map(lambda o: json.dumps(o).encode()))
def test_any_rdap_file_is_a_record_or_an_rdap_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.json"
    path.write_bytes(data)
    try:
        read_rdap(path)
    except RdapError as exc:
        assert str(exc).startswith(f"{path}: ")


# --- spreadsheet safety and content codings ----------------------------------------------------


@PROFILE
@given(st.text(max_size=20) | st.sampled_from(_NASTY))
def test_neutralised_text_never_starts_a_formula_and_loses_nothing(text: str) -> None:
    safe = neutralise(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)


codings = st.lists(
    st.sampled_from(["gzip", "x-gzip", "deflate", "br", "identity", "compress", "zstd"]) | pieces,
    max_size=6,
).map(", ".join)


@PROFILE
@given(codings, st.binary(max_size=200) | st.just(gzip.compress(b"<html>x</html>")))
def test_any_codings_and_body_decode_or_raise_a_coding_error(header: str, body: bytes) -> None:
    try:
        decoded, _ = decode_content(body, header, 10_000)
    except CodingError as exc:
        assert "Content-Encoding" in str(exc)
        return
    assert len(decoded) <= 10_000
    try:
        DecodedSize(header, 10_000).feed(body)
    except CodingError:
        raise AssertionError("the two readers disagree on the header") from None
    except Exception as exc:  # the live reader refuses bodies not in their coding: its own errors
        assert type(exc).__module__ in ("zlib", "brotli", "_brotli"), exc


# --- WARC files and bundles --------------------------------------------------------------------


def _warc_bytes(urls: list[str], gzip_records: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records, warc_version="1.1")
    for url in urls:
        body = f"<html><title>{url}</title></html>".encode()
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            # A fixed record id (warcio makes a random one): the same bytes on every run, so
            # the same damage lands on the same byte and the examples are repeatable.
            warc_headers_dict={
                "WARC-Date": "2024-05-01T10:00:00Z",
                "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>",
            },
        )
        writer.write_record(record)
    return out.getvalue()


B_URLS = ["https://shop-b.fr/", "https://shop-b.fr/cgv", "https://shop-b.fr/contact"]
B_PLAIN = _warc_bytes(B_URLS, gzip_records=False)
B_GZIP = _warc_bytes(B_URLS, gzip_records=True)
A_GOOD = _warc_bytes(["https://shop-a.fr/", "https://shop-a.fr/mentions"], gzip_records=True)
damage = st.one_of(
    st.tuples(st.just("cut"), st.integers(min_value=0, max_value=len(B_GZIP))),
    st.tuples(st.just("flip"), st.integers(min_value=0, max_value=len(B_GZIP) - 1)),
    st.tuples(st.just("noise"), st.binary(max_size=200)),
)


def _damaged(data: bytes, how: tuple[str, Any]) -> bytes:
    kind, where = how
    if kind == "cut":
        return data[: min(where, len(data))]
    if kind == "flip":
        position = where % len(data)
        return data[:position] + bytes([data[position] ^ 0x5A]) + data[position + 1 :]
    return data + where


@FILES
@given(st.booleans(), damage)
def test_a_damaged_warc_file_is_scanned_without_a_traceback(
    tmp_path: Path, gzip_records: bool, how: tuple[str, Any]
) -> None:
    data = B_GZIP if gzip_records else B_PLAIN
    path = tmp_path / ("b.warc.gz" if gzip_records else "b.warc")
    damaged = _damaged(data, how)
    path.write_bytes(damaged)
    scan = scan_warc(path)
    # A flipped byte may change a URL, never add a record.
    assert len(scan.captures) <= len(B_URLS)
    if how[0] == "cut" and len(scan.captures) < len(B_URLS) and not scan.faults:
        # Records lost without a fault: only when the file ends exactly between two records,
        # where nothing in the file tells that more was meant to follow.
        assert data[len(damaged) :].startswith((b"WARC/", b"\x1f\x8b"))
    if damaged == data:
        assert scan.complete and not scan.faults and len(scan.captures) == len(B_URLS)


@FILES
@given(st.booleans(), damage, st.binary(max_size=100) | st.sampled_from([b"[" * 5000, b"{}"]))
def test_a_damaged_file_never_loses_another_site_of_the_bundle(
    tmp_path: Path, gzip_records: bool, how: tuple[str, Any], rdap: bytes
) -> None:
    root = tmp_path / "bundle"
    (root / "snapshots").mkdir(parents=True, exist_ok=True)
    (root / "rdap").mkdir(exist_ok=True)
    (root / "cases.csv").write_text(
        "case_id,url,reported_at,outcome\n"
        "A1,https://shop-a.fr/,2024-05-10T08:00:00Z,fraud\n"
        "B1,https://shop-b.fr/,2024-05-10T08:00:00Z,\n"
    )
    (root / "snapshots" / "a.warc.gz").write_bytes(A_GOOD)
    b_name = "b.warc.gz" if gzip_records else "b.warc"
    (root / "snapshots" / b_name).write_bytes(_damaged(B_GZIP if gzip_records else B_PLAIN, how))
    (root / "rdap" / "shop-b.fr.json").write_bytes(rdap)
    (root / "rdap" / "shop-a.fr.json").write_bytes(rdap)
    bundle = open_bundle(root)
    sites = {site.case_id: site for site in bundle.sites()}
    assert [page.url for page in sites["A1"].pages] == [
        "https://shop-a.fr/",
        "https://shop-a.fr/mentions",
    ]
    assert len(sites["B1"].pages) <= len(B_URLS)
    for site in sites.values():
        assert all(isinstance(note, str) and note for note in site.notes)


@FILES
@given(st.text(alphabet=string.printable, max_size=300))
def test_any_cases_csv_file_opens_or_gives_a_bundle_error(tmp_path: Path, text: str) -> None:
    root = tmp_path / "bundle"
    root.mkdir(exist_ok=True)
    (root / "cases.csv").write_text("case_id,url,reported_at,outcome\n" + text)
    try:
        bundle = open_bundle(root)
    except BundleError as exc:
        assert all(problem.startswith(str(root / "cases.csv")) for problem in exc.problems)
        return
    for site in bundle.sites():
        assert site.pages == ()
