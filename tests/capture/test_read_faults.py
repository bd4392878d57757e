"""A WARC record that passes the index scan but fails when its page is read.

The bundle is opened (every record scanned and indexed) and only then is a file damaged, as a
crawler still writing it, a disk fault or a second tool would: the record at the offset the scan
recorded no longer reads. The batch of sites must go on: the other sites keep all their pages,
the broken site keeps its other pages, and its note names the file, the offset and what is
wrong in a short line (not the kilobytes of compressed bytes warcio quotes).
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from capture.bundle import Bundle, open_bundle
from capture.site import Site
from tests.capture.warc_counts import warcio_records

# What the fixture writes, by file: (URL, body). Every count and page below derives from it.
CRAWL = [
    ("https://boutique-a.fr/", "<p>Boutique A</p>"),
    ("https://shop-b.com/", "<p>Shop B</p>"),
    # Random bytes do not compress: the record's gzip member is long enough to damage inside.
    ("https://shop-b.com/contact", "<p>" + random.Random(5).randbytes(6000).hex() + "</p>"),
    ("https://boutique-a.fr/cgv", "<p>CGV</p>"),
]
OTHER = [("https://shop-c.com/", "<p>Shop C</p>"), ("https://shop-c.com/faq", "<p>FAQ</p>")]
CASES = [
    ("A1", "https://boutique-a.fr/"),
    ("B1", "https://shop-b.com/"),
    ("C1", "https://shop-c.com/"),
]
BROKEN = "https://shop-b.com/contact"


def record_offsets(path: Path) -> dict[str, tuple[int, int]]:
    """(offset, length) of each response record of a WARC file, by URL, as warcio reads them."""
    return {r.uri: (r.offset, r.length) for r in warcio_records(path) if r.type == "response"}


@pytest.fixture
def opened(bundle_folder: Any) -> tuple[Bundle, Path]:
    """The bundle, opened and indexed while whole; and the folder its WARC files are in."""
    bundle_folder.cases([(case_id, url, "2024-05-10", "") for case_id, url in CASES])
    with bundle_folder.warc("crawl.warc.gz") as warc:
        for url, body in CRAWL:
            warc.response(url, body)
    with bundle_folder.warc("other.warc", gzip=False) as warc:
        for url, body in OTHER:
            warc.response(url, body)
    bundle = open_bundle(bundle_folder.root)
    assert bundle.warnings == []  # whole at scan time: the faults below come after it
    return bundle, bundle_folder.root / "snapshots"


def pages_of(site: Site) -> dict[str, str]:
    return {page.url: page.html for page in site.pages}


def expected_pages(case_url: str, written: list[tuple[str, str]]) -> dict[str, str]:
    """The pages the fixture wrote for a case's site."""
    host = case_url.split("/")[2]
    return {url: body for url, body in written if url.split("/")[2] == host}


def damage_inside(data: bytearray, offset: int, length: int) -> None:
    data[offset + length // 2 : offset + length // 2 + 16] = bytes(16)


def overwrite(data: bytearray, offset: int, length: int) -> None:
    data[offset : offset + length] = b"x" * length


def cut_before(data: bytearray, offset: int, length: int) -> None:
    del data[offset:]


@pytest.mark.parametrize(
    ("damage", "what"),
    [
        (damage_inside, "the record's gzip member is damaged (zlib: Error -3 while decompressing"),
        (overwrite, "no WARC record starts there any more: the file changed since it was indexed"),
        (cut_before, "the file ends at byte {cut:,}, before the record: it was cut since it was"),
    ],
    ids=["damaged-gzip-member", "overwritten", "cut-before-the-record"],
)
def test_a_record_that_fails_at_read_time_loses_its_page_and_stops_nothing(
    opened: tuple[Bundle, Path],
    damage: Callable[[bytearray, int, int], None],
    what: str,
) -> None:
    bundle, snapshots = opened
    path = snapshots / "crawl.warc.gz"
    offsets = record_offsets(path)
    cut, length = offsets[BROKEN]
    data = bytearray(path.read_bytes())
    damage(data, cut, length)
    path.write_bytes(bytes(data))
    # Cut there, the file loses the records after the broken one as well.
    lost = {u for u, (at, _) in offsets.items() if at >= cut} if damage is cut_before else {BROKEN}

    sites = list(bundle.sites())  # the whole batch, in cases.csv order

    assert [site.case_id for site in sites] == [case_id for case_id, _ in CASES]
    for site, (case_id, case_url) in zip(sites, CASES, strict=True):
        written = expected_pages(case_url, CRAWL + OTHER)
        kept = {url: body for url, body in written.items() if url not in lost}
        assert pages_of(site) == kept, case_id  # every page that still reads is kept
        gone = [url for url in written if url in lost]  # the landing page is never among them
        assert len(site.notes) == len(gone), site.notes
        for url, note in zip(sorted(gone), site.notes, strict=True):
            prefix = f"page {url} could not be read (crawl.warc.gz at offset {offsets[url][0]}): "
            assert note.startswith(prefix + what.format(cut=cut)), note
            assert len(note) < 250 and "\\x" not in note  # words, not the file's bytes
    assert {url for url, _ in CRAWL} >= lost and BROKEN in lost


def test_a_plain_warc_overwritten_after_the_scan_names_the_offset(
    opened: tuple[Bundle, Path],
) -> None:
    bundle, snapshots = opened
    path = snapshots / "other.warc"
    offset, length = record_offsets(path)["https://shop-c.com/faq"]
    data = bytearray(path.read_bytes())
    overwrite(data, offset, length)
    path.write_bytes(bytes(data))

    shop_a, shop_b, shop_c = bundle.sites()

    assert pages_of(shop_a) == expected_pages("https://boutique-a.fr/", CRAWL)
    assert pages_of(shop_b) == expected_pages("https://shop-b.com/", CRAWL)
    assert pages_of(shop_c) == {"https://shop-c.com/": "<p>Shop C</p>"}
    assert shop_c.notes == (
        f"page https://shop-c.com/faq could not be read (other.warc at offset {offset}): "
        "no WARC record starts there any more: the file changed since it was indexed",
    )


def test_a_file_gzipped_whole_and_replaced_after_the_scan_gives_a_short_note(
    bundle_folder: Any, warc_file: Callable[..., Any]
) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "")])
    plain = bundle_folder.root / "crawl.warc"
    with warc_file(plain, gzip=False) as warc:
        warc.response("https://boutique-a.fr/", "<p>Accueil</p>")
        warc.response("https://boutique-a.fr/cgv", "<p>CGV</p>")
    offset = record_offsets(plain)["https://boutique-a.fr/cgv"][0]
    whole = bundle_folder.root / "snapshots" / "crawl.warc.gz"
    whole.parent.mkdir()
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # one member: read as one stream
    bundle = open_bundle(bundle_folder.root)
    # Replaced by text of the same length: offsets (in decompressed bytes) now land in it.
    whole.write_bytes(gzip.compress(b"x" * len(plain.read_bytes())))

    (site,) = bundle.sites()

    assert site.pages == ()
    reading = "could not be read (crawl.warc.gz at offset"
    assert [note.split(" ", 2)[1] for note in site.notes[:2]] == [
        "https://boutique-a.fr/",
        "https://boutique-a.fr/cgv",
    ]
    cgv_note = site.notes[1]
    assert cgv_note.startswith(
        f"page https://boutique-a.fr/cgv {reading} {offset}): ArchiveLoadFailed: Unknown archive "
        "format, first line: ['xxxx"
    ), cgv_note
    assert cgv_note.endswith("…")  # warcio quoted the whole line: cut to a readable length
    assert site.notes[2] == "none of the 2 captured pages could be read"
