"""WARC reading: the real corpus (good files whole, malformed ones with a clear fault), written
files, payload decoding and URL matching."""

from __future__ import annotations

import gzip
import random
import re
import sys
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli
import pytest

from capture.charset import decode_html
from capture.warc import (
    Capture,
    CaptureIndex,
    decode_content,
    is_html,
    open_warc,
    read_payload,
    resolve_revisits,
    scan_warc,
    sniff_html,
    url_key,
)
from tests.capture.warc_counts import count, warcio_bodies, warcio_records

MALFORMED = {
    "malformed__warcio__example-trunc.warc",
    "malformed__warcio__example-bad-non-chunked.warc.gz",
    "malformed__resiliparse__clipped.warc.gz",
    "malformed__warciojs__example-bad-length.warc",
}


def good_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".warc" in p.name and p.name not in MALFORMED)


def html_pages(path: Path) -> list[tuple[Capture, str]]:
    """Every HTML response of a WARC file (redirect bodies too) with its decoded text."""
    pages = []
    with path.open("rb") as handle:
        for capture in scan_warc(path).captures:
            if capture.html:
                payload = read_payload(handle, capture.offset, expected_url=capture.url)
                pages.append((capture, decode_html(payload.body, capture.content_type)[0]))
    return pages


def html_texts(path: Path) -> dict[str, str]:
    """URL -> decoded text of every HTML response of a WARC file."""
    return {capture.url: text for capture, text in html_pages(path)}


# --- the real corpus ----------------------------------------------------------------------------


def test_corpus_has_the_files_its_readme_lists(real_warc_dir: Path) -> None:
    readme = (real_warc_dir / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([\w.-]+\.warc(?:\.gz)?) \|", readme, flags=re.MULTILINE))
    assert {p.name for p in real_warc_dir.iterdir() if ".warc" in p.name} == listed
    assert {name for name in listed if name.startswith("malformed__")} == MALFORMED
    assert {p.name for p in good_files(real_warc_dir)} == listed - MALFORMED


def test_good_real_files_read_whole_without_warning(
    real_warc_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in good_files(real_warc_dir):
        scan = scan_warc(path)
        assert scan.faults == [], path.name
        assert scan.complete, path.name
        # Every HTTP response warcio reads, and at least one, is indexed.
        responses = count(warcio_records(path), type="response", is_http=True)
        assert len(scan.captures) == responses >= 1, path.name
    assert capsys.readouterr().err == ""  # warcio said nothing either


def test_good_real_html_pages_decode(real_warc_dir: Path) -> None:
    for path in good_files(real_warc_dir):
        pages = html_pages(path)
        assert pages, path.name
        for capture, text in pages:
            assert "\ufffd" not in text, capture.url  # no byte decoded with the wrong charset
            if capture.is_success:
                assert "<" in text, capture.url  # (redirects may have an empty body)


def test_common_crawl_chinese_and_russian_pages_decode(real_warc_dir: Path) -> None:
    path = real_warc_dir / "resiliparse__warcfile.warc.gz"
    texts, bodies = html_texts(path), warcio_bodies(path)
    # Each page is its bytes (as warcio reads them) in the charset its header declares, whole.
    for url, codec in [
        ("http://01spb.ru/company/", "windows-1251"),
        ("http://037426.cn/", "gb18030"),  # declared gb2312: read as its superset
        ("http://0760.jxtdw.com/area/sanxiang/", "gb18030"),
    ]:
        assert texts[url] == bodies[url].decode(codec), url
    assert "\u041e компании" in texts["http://01spb.ru/company/"]


def test_clueweb_euc_jp_pages_decode_to_japanese(real_warc_dir: Path) -> None:
    path = real_warc_dir / "resiliparse__clueweb-quirk.warc.gz"
    texts = html_texts(path)
    # Every HTML response warcio reads in the file (its quirky Content-Type header included).
    assert set(texts) == {r.uri for r in warcio_records(path) if r.is_html}
    bodies = warcio_bodies(path)
    for url, text in texts.items():
        assert text == bodies[url].decode("euc_jp"), url  # as declared, every byte
        assert "ヘッドポーター" in text, url


def test_clueweb_invalid_warc_date_is_none_not_a_crash(real_warc_dir: Path) -> None:
    scan = scan_warc(real_warc_dir / "resiliparse__clueweb-quirk.warc.gz")
    assert all(c.captured_at is None or c.captured_at.year == 2009 for c in scan.captures)


def test_brotli_body_is_decoded(real_warc_dir: Path) -> None:
    texts = html_texts(real_warc_dir / "solrwayback__transfer_compression_brotli.warc.gz")
    assert "<title>Simple page</title>" in texts["http://tokemon.sb.statsbiblioteket.dk/"]


def test_chunked_gzip_body_is_decoded(real_warc_dir: Path) -> None:
    texts = html_texts(real_warc_dir / "solrwayback__transfer_compression_gzip_chunked.warc.gz")
    assert "Magyar Elektronikus Könyvtár" in texts["http://mek.oszk.hu/"]


def test_chunked_body_is_decoded(real_warc_dir: Path) -> None:
    text = html_texts(real_warc_dir / "warcio__example-iana.org-chunked.warc")[
        "http://www.iana.org/"
    ]
    assert text.rstrip().endswith("</html>")
    assert not re.match(r"\s*[0-9a-f]+\r\n", text)  # no chunk-size line left


def test_wget_brackets_around_target_uri_are_stripped(real_warc_dir: Path) -> None:
    scan = scan_warc(real_warc_dir / "warcio__example-wget-bad-target-uri.warc.gz")
    assert [c.url for c in scan.captures] == ["http://example.com/"]


def test_gzip_records_under_a_warc_name_are_read(real_warc_dir: Path) -> None:
    path = real_warc_dir / "pywacz__example-iana.warc"
    scan = scan_warc(path)
    records = warcio_records(path)
    assert scan.records == len(records)
    assert len(scan.revisits) == count(records, type="revisit")
    assert len(scan.captures) == count(records, type="response", is_http=True)
    assert scan.other_records == count(records, is_http=False)


def test_sha256_revisits_resolve_despite_the_algorithm_spelling(real_warc_dir: Path) -> None:
    # Responses say "sha256:", revisits "sha-256:".
    path = real_warc_dir / "pywacz__example-iana.warc"
    scan = scan_warc(path)
    resolved, unresolved = resolve_revisits(scan.captures, scan.revisits)
    assert (len(resolved), unresolved) == (count(warcio_records(path), type="revisit"), 0)


def test_real_redirect_keeps_its_location(real_warc_dir: Path) -> None:
    (capture,) = scan_warc(real_warc_dir / "warciojs__redirect.warc").captures
    assert capture.status == 301
    assert capture.location == "https://www.iana.org/domains/reserved"


def test_non_http_responses_are_not_indexed(real_warc_dir: Path) -> None:
    path = real_warc_dir / "scoop__example.com-data.warc"
    scan = scan_warc(path)
    assert [c.url for c in scan.captures] == ["https://example.com/"]  # not the file:/// PNG, PDF
    records = warcio_records(path)
    assert count(records, type="response", is_http=False) == 2  # the PNG and the PDF
    assert scan.other_records == count(records, is_http=False)  # them, warcinfo and request


def test_truncated_real_file_keeps_records_and_names_offset(real_warc_dir: Path) -> None:
    path = real_warc_dir / "malformed__warcio__example-trunc.warc"
    scan = scan_warc(path)
    assert scan.records == len(warcio_records(path))  # all kept, the damaged one too
    assert [c.url for c in scan.captures] == ["http://example.com/"]
    (fault,) = scan.faults
    (response,) = [r for r in warcio_records(path) if r.type == "response"]  # the cut one
    assert fault.startswith(f"{path.name}: record at offset {response.offset} (response ")
    assert "Content-Length" in fault
    assert "Record not followed by newline" in fault  # what warcio said


def test_bad_length_real_file_keeps_records_and_names_offset(real_warc_dir: Path) -> None:
    path = real_warc_dir / "malformed__warciojs__example-bad-length.warc"
    scan = scan_warc(path)
    records = warcio_records(path)
    assert len(scan.captures) == count(records, type="response", is_http=True)
    assert len(scan.revisits) == count(records, type="revisit")
    (fault,) = scan.faults
    (short,) = [r for r in records if r.type == "response"]  # its Content-Length is 1 short
    assert fault.startswith(f"{path.name}: record at offset {short.offset} (response ")


def test_single_gzip_member_file_is_read_whole_with_a_warning(real_warc_dir: Path) -> None:
    path = real_warc_dir / "malformed__warcio__example-bad-non-chunked.warc.gz"
    scan = scan_warc(path)
    (fault,) = scan.faults
    assert fault.startswith(f"{path.name}: offset 0: the whole file is one gzip member")
    assert "non-chunked gzip" in fault  # what warcio said
    # warcio alone stops after the first record; read as one stream, every record is there.
    assert scan.records == len(warcio_records(path, gzipped_whole=True)) > 1
    (capture,) = scan.captures
    assert capture.gzip_whole
    with open_warc(path, gzip_whole=True) as handle:
        body = read_payload(handle, capture.offset, expected_url=capture.url).body
    assert b"<title>Example Domain</title>" in body


def test_clipped_gzip_file_is_detected_by_its_short_body(real_warc_dir: Path) -> None:
    path = real_warc_dir / "malformed__resiliparse__clipped.warc.gz"
    scan = scan_warc(path)
    (fault,) = scan.faults
    assert "record at offset 0" in fault
    # What is missing, from the file itself: its Content-Length less the bytes the cut gzip
    # stream still holds after the record's header.
    data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(path.read_bytes())
    header_end = data.index(b"\r\n\r\n") + 4
    declared = re.search(rb"Content-Length: *(\d+)", data[:header_end])
    assert declared is not None
    missing = int(declared.group(1)) - (len(data) - header_end)
    assert f"the record ends {missing} bytes before its Content-Length says" in fault
    (capture,) = scan.captures
    assert capture.fault is not None
    text = html_texts(path)[capture.url]  # what was there is still read
    assert "Chance The Rapper" in text


def test_malformed_real_files_do_not_raise_or_print(
    real_warc_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in sorted(MALFORMED):
        assert scan_warc(real_warc_dir / name).faults, name
    assert capsys.readouterr().err == ""


def test_concurrent_scans_leave_stderr_as_it_was(real_warc_dir: Path) -> None:
    before = sys.stderr
    path = real_warc_dir / "malformed__warcio__example-trunc.warc"
    with ThreadPoolExecutor(max_workers=4) as pool:
        scans = list(pool.map(scan_warc, [path] * 16))
    assert sys.stderr is before
    assert all(len(scan.faults) == 1 for scan in scans)


# --- files written here ---------------------------------------------------------------------


def test_plain_and_gzip_files_index_the_same(tmp_path: Path, warc_file: Callable[..., Any]) -> None:
    scans = []
    for name, compress in (("a.warc.gz", True), ("a.warc", False)):
        with warc_file(tmp_path / name, gzip=compress) as warc:
            warc.warcinfo()
            warc.request("https://boutique-a.fr/")
            warc.response("https://boutique-a.fr/", "<html><p>Accueil</p></html>")
            warc.metadata("https://boutique-a.fr/", "outlink: https://boutique-a.fr/cgv\n")
        scans.append(scan_warc(tmp_path / name))
    for scan in scans:
        assert (scan.records, len(scan.captures), scan.other_records, scan.faults) == (4, 1, 3, [])


def test_gzip_content_under_a_plain_name_is_sniffed(
    tmp_path: Path, warc_file: Callable[..., Any]
) -> None:
    with warc_file(tmp_path / "looks-plain.warc", gzip=True) as warc:
        warc.response("https://boutique-a.fr/", "<html><p>Accueil</p></html>")
    assert (tmp_path / "looks-plain.warc").read_bytes()[:2] == b"\x1f\x8b"
    assert [c.url for c in scan_warc(tmp_path / "looks-plain.warc").captures] == [
        "https://boutique-a.fr/"
    ]


def test_file_cut_mid_record_keeps_earlier_records(
    tmp_path: Path, warc_file: Callable[..., Any]
) -> None:
    path = tmp_path / "cut.warc"
    with warc_file(path, gzip=False) as warc:
        warc.response("https://boutique-a.fr/", "<html><p>Accueil</p></html>")
        warc.response("https://shop-b.com/", "<html>" + "<p>Produit</p>" * 500 + "</html>")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 2000])
    scan = scan_warc(path)
    assert [c.url for c in scan.captures] == ["https://boutique-a.fr/", "https://shop-b.com/"]
    assert scan.captures[0].fault is None
    assert scan.captures[1].fault is not None
    assert "cut.warc: record at offset" in scan.faults[0]


def test_file_that_is_not_a_warc_is_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes\n", encoding="utf-8")
    scan = scan_warc(path)
    assert not scan.complete
    assert scan.faults[0].startswith("notes.warc: reading stopped at offset 0")


def test_missing_file_is_a_fault(tmp_path: Path) -> None:
    assert scan_warc(tmp_path / "absent.warc.gz").faults[0].startswith("absent.warc.gz: cannot")


def test_empty_file_is_a_fault(tmp_path: Path) -> None:
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert scan_warc(tmp_path / "empty.warc.gz").faults == [
        "empty.warc.gz: no WARC record in the file"
    ]


def test_missing_content_type_is_sniffed(tmp_path: Path, warc_file: Callable[..., Any]) -> None:
    with warc_file(tmp_path / "a.warc.gz") as warc:
        warc.response("https://a.fr/page", "  <!DOCTYPE html><p>x</p>", content_type=None)
        warc.response("https://a.fr/data", b"\x89PNG\r\n\x1a\n....", content_type=None)
        warc.response(
            "https://a.fr/zipped",
            gzip.compress(b"<html><p>x</p></html>"),
            content_type="application/octet-stream",
            headers=[("Content-Encoding", "gzip")],
        )
    html = {c.url: c.html for c in scan_warc(tmp_path / "a.warc.gz").captures}
    assert html == {
        "https://a.fr/page": True,
        "https://a.fr/data": False,
        "https://a.fr/zipped": True,
    }


def test_relative_location_is_resolved(tmp_path: Path, warc_file: Callable[..., Any]) -> None:
    with warc_file(tmp_path / "a.warc.gz") as warc:
        warc.redirect("https://a.fr/old/page", "../new?x=1", status="302 Found")
    (capture,) = scan_warc(tmp_path / "a.warc.gz").captures
    assert capture.location == "https://a.fr/new?x=1"
    assert capture.is_redirect


def test_read_payload_refuses_a_record_of_another_url(
    tmp_path: Path, warc_file: Callable[..., Any]
) -> None:
    with warc_file(tmp_path / "a.warc.gz") as warc:
        warc.response("https://a.fr/", "<p>a</p>")
    with (tmp_path / "a.warc.gz").open("rb") as handle, pytest.raises(ValueError, match="not"):
        read_payload(handle, 0, expected_url="https://b.fr/")


# --- pieces -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTPS://WWW.Boutique-A.fr", "https://www.boutique-a.fr/"),
        ("http://a.fr:80/x#frag", "http://a.fr/x"),
        ("https://a.fr:8443/x?b=2&a=1", "https://a.fr:8443/x?b=2&a=1"),
        ("http://a.fr./", "http://a.fr/"),
    ],
)
def test_url_key(url: str, key: str) -> None:
    assert url_key(url) == key


def test_latest_capture_wins_by_date_not_by_file_order(
    tmp_path: Path, warc_file: Callable[..., Any]
) -> None:
    with warc_file(tmp_path / "a.warc.gz") as warc:
        warc.response("https://a.fr/", "<p>new</p>", date="2024-05-03T00:00:00Z")
        warc.response("https://a.fr/", "<p>old</p>", date="2024-05-01T00:00:00Z")
    index = CaptureIndex(scan_warc(tmp_path / "a.warc.gz").captures)
    capture = index.get("https://a.fr")
    assert capture is not None
    assert capture.captured_at is not None and capture.captured_at.day == 3


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\n  <!DOCTYPE HTML PUBLIC>", True),
        (b"<html lang=fr>", True),
        (b"<p>", True),
        (b"<!-- x -->", True),
        (b"<pre>x</pre>", False),
        (b"%PDF-1.4", False),
        (b'{"a": 1}', False),
    ],
)
def test_sniff_html(head: bytes, expected: bool) -> None:
    assert sniff_html(head) is expected


def test_declared_types_are_trusted_over_content() -> None:
    assert is_html("application/xhtml+xml; charset=utf-8", None)
    assert not is_html("text/plain", b"<html>")
    assert is_html(None, b"<html>")


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("br", brotli.compress),
        ("identity", lambda data: data),
    ],
)
def test_content_encodings_are_undone(encoding: str, encode: Callable[[bytes], bytes]) -> None:
    body = b"<html>" + b"<p>Produit</p>" * 100 + b"</html>"
    assert decode_content(encode(body), encoding, 10_000) == (body, False)


def test_body_not_really_encoded_is_kept_as_is() -> None:
    assert decode_content(b"<html>already decoded</html>", "gzip", 1000) == (
        b"<html>already decoded</html>",
        False,
    )
    assert decode_content(b"<html>already decoded</html>", "br", 1000)[0].startswith(b"<html>")


def test_cut_gzip_body_gives_what_came_before_the_cut() -> None:
    body = b"<html>" + random.Random(7).randbytes(100_000)  # random: gzip cannot shrink it
    decoded, _ = decode_content(gzip.compress(body)[:-5000], "gzip", 10**6)
    assert decoded and body.startswith(decoded)


def test_decoded_size_is_bounded() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    decoded, cut = decode_content(bomb, "gzip", 100_000)
    assert (len(decoded), cut) == (100_000, True)
