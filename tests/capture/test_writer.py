"""BundleWriter: readable WARC records, reproducible bytes, cases.csv and RDAP files."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import json
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from capture.writer import BundleWriter, http_date, iso_utc

T0 = datetime(2025, 3, 14, 9, 12, tzinfo=UTC)
HTML = "<html><head><meta charset='utf-8'><title>Boutique</title></head><body>Été</body></html>"


def _write_sample(root: Path) -> None:
    with BundleWriter(root) as writer:
        writer.add_case("C1", "https://shop.example.fr/", T0, "fraud", source="signal-conso")
        writer.add_case("C2", "https://other.example.com/p/1", T0 + timedelta(days=40), None)
        writer.add_response(
            "https://shop.example.fr/",
            200,
            [("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx")],
            HTML.encode("utf-8"),
            T0 - timedelta(hours=3),
        )
        writer.add_response(
            "http://shop.example.fr/old",
            301,
            [("Location", "https://shop.example.fr/")],
            b"",
            T0 - timedelta(hours=3, seconds=-5),
        )
        writer.add_response(
            "https://other.example.com/p/1",
            404,
            [("Content-Type", "text/html")],
            b"<html>introuvable</html>",
            T0 + timedelta(days=39),
        )
        writer.add_rdap(
            "shop.example.fr", {"objectClassName": "domain", "ldhName": "shop.example.fr"}
        )


def _records(path: Path) -> list:
    with path.open("rb") as handle:
        out = []
        for record in ArchiveIterator(handle):
            body = record.content_stream().read()
            out.append((record.rec_type, record.rec_headers, record.http_headers, body))
        return out


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _gzip_members(data: bytes) -> list[bytes]:
    members, pos = [], 0
    while pos < len(data):
        decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
        decompressor.decompress(data[pos:])
        used = len(data) - pos - len(decompressor.unused_data)
        members.append(data[pos : pos + used])
        pos += used
    return members


def test_responses_come_with_request_records_that_warcio_reads(tmp_path: Path) -> None:
    _write_sample(tmp_path)
    records = _records(tmp_path / "snapshots" / "2025-03.warc.gz")
    kinds = [r[0] for r in records]
    assert kinds == ["warcinfo", "response", "request", "response", "request"]
    _, response_headers, http, body = records[1]
    assert response_headers.get_header("WARC-Target-URI") == "https://shop.example.fr/"
    assert response_headers.get_header("WARC-Date") == "2025-03-14T06:12:00Z"
    assert http.get_statuscode() == "200"
    assert http.get_header("Server") == "nginx"
    assert body.decode("utf-8") == HTML
    expected = base64.b32encode(hashlib.sha1(HTML.encode("utf-8")).digest()).decode()
    assert response_headers.get_header("WARC-Payload-Digest") == f"sha1:{expected}"
    request_headers = records[2][1]
    assert request_headers.get_header("WARC-Concurrent-To") == response_headers.get_header(
        "WARC-Record-ID"
    )
    assert records[2][2].protocol == "GET"
    redirect = records[3][2]
    assert redirect.get_statuscode() == "301"
    assert redirect.get_header("Location") == "https://shop.example.fr/"


def test_snapshot_files_rotate_by_capture_month(tmp_path: Path) -> None:
    _write_sample(tmp_path)
    names = sorted(p.name for p in (tmp_path / "snapshots").iterdir())
    assert names == ["2025-03.warc.gz", "2025-04.warc.gz"]
    april = _records(tmp_path / "snapshots" / "2025-04.warc.gz")
    assert [r[0] for r in april] == ["warcinfo", "response", "request"]
    assert april[1][2].get_statuscode() == "404"


def test_same_calls_give_byte_identical_files(tmp_path: Path) -> None:
    _write_sample(tmp_path / "a")
    _write_sample(tmp_path / "b")
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")


def test_gzip_members_carry_no_wall_clock_time(tmp_path: Path) -> None:
    _write_sample(tmp_path)
    path = tmp_path / "snapshots" / "2025-03.warc.gz"
    members = _gzip_members(path.read_bytes())
    assert len(members) == len(_records(path))  # one per record
    for member in members:
        assert member[:3] == b"\x1f\x8b\x08"
        assert member[4:8] == b"\x00\x00\x00\x00"  # MTIME
        assert member[3] & 0x08 == 0  # no file name
        gzip.decompress(member)


def test_cases_csv_has_the_bundle_columns_and_extras(tmp_path: Path) -> None:
    _write_sample(tmp_path)
    with (tmp_path / "cases.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        assert reader.fieldnames == ["case_id", "url", "reported_at", "outcome", "source"]
    assert rows[0] == {
        "case_id": "C1",
        "url": "https://shop.example.fr/",
        "reported_at": "2025-03-14T09:12:00Z",
        "outcome": "fraud",
        "source": "signal-conso",
    }
    assert rows[1]["outcome"] == "" and rows[1]["source"] == ""


@pytest.mark.parametrize(
    ("case_id", "reported_at", "outcome"),
    [("C1", T0, "fraud"), ("C9", T0, "scam"), ("C9", datetime(2025, 3, 14), "legit"), ("", T0, "")],
)
def test_bad_cases_are_refused(
    tmp_path: Path, case_id: str, reported_at: datetime, outcome: str
) -> None:
    with BundleWriter(tmp_path) as writer:
        writer.add_case("C1", "https://a.fr/", T0, "legit")
        with pytest.raises(ValueError):
            writer.add_case(case_id, "https://b.fr/", reported_at, outcome)


def test_rdap_objects_are_saved_under_their_domain(tmp_path: Path) -> None:
    raw = b'{"objectClassName":"domain","ldhName":"EXAMPLE.COM"}'
    with BundleWriter(tmp_path) as writer:
        writer.add_rdap("Shop.Example.FR.", {"objectClassName": "domain", "status": ["active"]})
        writer.add_rdap("example.com", raw)
        with pytest.raises(ValueError):
            writer.add_rdap("example.org", b"{not json")
        with pytest.raises(ValueError):
            writer.add_rdap("../escape", {"objectClassName": "domain"})
    saved = json.loads((tmp_path / "rdap" / "shop.example.fr.json").read_text(encoding="utf-8"))
    assert saved == {"objectClassName": "domain", "status": ["active"]}
    assert (tmp_path / "rdap" / "example.com.json").read_bytes() == raw
    assert not (tmp_path / "rdap" / "example.org.json").exists()
    assert not list(tmp_path.rglob(".*.tmp"))


def test_reopening_a_bundle_keeps_its_cases_and_appends_records(tmp_path: Path) -> None:
    _write_sample(tmp_path)
    march = tmp_path / "snapshots" / "2025-03.warc.gz"
    before = [r[0] for r in _records(march)]
    with BundleWriter(tmp_path) as writer:
        writer.add_case("C3", "https://third.example.fr/", T0, "legit")
        writer.add_response("https://third.example.fr/", 200, [], b"<html></html>", T0)
        with pytest.raises(ValueError):
            writer.add_case("C1", "https://dup.example.fr/", T0, "legit")
    with (tmp_path / "cases.csv").open(newline="", encoding="utf-8") as handle:
        assert [r["case_id"] for r in csv.DictReader(handle)] == ["C1", "C2", "C3"]
    kinds = [r[0] for r in _records(march)]
    assert kinds[: len(before)] == before  # appended after what was there
    assert kinds.count("warcinfo") == 1  # not a second one on reopening
    assert kinds.count("response") == before.count("response") + 1


def test_cases_are_kept_when_the_capture_fails_midway(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), BundleWriter(tmp_path) as writer:
        writer.add_case("C1", "https://a.fr/", T0, None)
        raise RuntimeError("network went away")
    assert "C1,https://a.fr/" in (tmp_path / "cases.csv").read_text(encoding="utf-8")


def test_explicit_record_ids_and_encoded_bodies_are_kept(tmp_path: Path) -> None:
    body = gzip.compress(HTML.encode("utf-8"), mtime=0)
    with BundleWriter(tmp_path) as writer:
        rid = writer.add_response(
            "https://a.fr/",
            200,
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            body,
            T0,
            record_id="12345678-1234-5678-1234-567812345678",
            ip_address="51.91.10.20",
        )
    assert rid == "<urn:uuid:12345678-1234-5678-1234-567812345678>"
    records = _records(tmp_path / "snapshots" / "2025-03.warc.gz")
    assert records[1][1].get_header("WARC-Record-ID") == rid
    assert records[1][1].get_header("WARC-IP-Address") == "51.91.10.20"
    assert records[1][3].decode("utf-8") == HTML  # warcio undoes the Content-Encoding


def test_writing_outside_the_context_is_refused(tmp_path: Path) -> None:
    writer = BundleWriter(tmp_path)
    with pytest.raises(RuntimeError):
        writer.add_case("C1", "https://a.fr/", T0, None)


def test_time_formats() -> None:
    assert iso_utc(datetime(2025, 3, 14, 10, 12, tzinfo=UTC)) == "2025-03-14T10:12:00Z"
    assert http_date(datetime(2025, 3, 14, 10, 12, tzinfo=UTC)) == "Fri, 14 Mar 2025 10:12:00 GMT"
    with pytest.raises(ValueError):
        iso_utc(datetime(2025, 3, 14))


def test_every_digest_checks_out_when_warcio_verifies_it(tmp_path: Path) -> None:
    # The writer works out the block and payload digests itself (hashing each body once less
    # than warcio would): warcio, checking every record, must find each one right.
    _write_sample(tmp_path)
    checked = 0
    for path in sorted((tmp_path / "snapshots").iterdir()):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, check_digests="raise"):
                record.content_stream().read()
                if record.rec_type in ("response", "request"):
                    assert record.rec_headers.get_header("WARC-Block-Digest").startswith("sha1:")
                    assert record.digest_checker.passed is True
                    checked += 1
    assert checked == 6  # three responses and their requests


def test_a_faster_gzip_level_keeps_every_record_byte_for_byte(tmp_path: Path) -> None:
    def write(root: Path, level: int) -> bytes:
        with BundleWriter(root, gzip_level=level) as writer:
            writer.add_response(
                "https://shop.example.fr/",
                200,
                [("Content-Type", "text/html; charset=utf-8")],
                (HTML * 200).encode("utf-8"),
                T0,
            )
        return (root / "snapshots" / "2025-03.warc.gz").read_bytes()

    default, fast = write(tmp_path / "six", 6), write(tmp_path / "two", 2)
    assert fast != default  # compressed otherwise...
    assert gzip.decompress(fast) == gzip.decompress(default)  # ...the same records
    assert [len(_gzip_members(data)) for data in (default, fast)] == [3, 3]
    assert len(fast) < len((HTML * 200).encode("utf-8"))  # still compressed


@pytest.mark.parametrize("level", [0, 10, -1])
def test_a_gzip_level_out_of_range_is_refused(tmp_path: Path, level: int) -> None:
    with pytest.raises(ValueError, match=f"gzip_level {level}"):
        BundleWriter(tmp_path, gzip_level=level)
