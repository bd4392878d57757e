"""One streaming pass over a WARC file: the HTTP responses and revisits become small index entries.

A bundle's WARC files may hold thousands of records of many sites, so no body is kept while
indexing: each response becomes a `Capture` (URL, date, status, Location, Content-Type, file and
offset). Faults (a file cut short, a wrong Content-Length, a file that is not WARC) keep every
record read before them and are reported with the file name and the offset; a file gzipped whole
is read as one stream.
"""

from __future__ import annotations

import gzip
import io
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from capture.domains import registrable_domain
from capture.isotime import parse_utc
from capture.warc.payload import body_head
from capture.warc.records import (
    READ_BLOCK,
    UNKNOWN_TYPES,
    Capture,
    Revisit,
    http_status,
    is_html,
    media_type,
    target_uri,
    url_key,
)

_EARLIEST = datetime.min.replace(tzinfo=UTC)


_STDERR_LOCK = threading.Lock()
# Scans of unchanged files kept (scan_warc): a bundle has a few files, one a month for the
# sample, so this holds many bundles; a scan weighs about 1 KB a response.
SCANS_KEPT = 256
SETTLED_NS = 2_000_000_000  # a file modified less than 2 s ago is scanned again every time
_TAIL_SHOWN = 64  # bytes read after the last record to tell a cut file from trailing blank lines


@dataclass
class WarcScan:
    """What one pass over a WARC file found: the captures, revisits, counts and faults."""

    path: Path
    captures: list[Capture] = field(default_factory=list)
    revisits: list[Revisit] = field(default_factory=list)
    records: int = 0  # records of any type read
    other_records: int = 0  # warcinfo, request, metadata, resource, non-HTTP responses...
    faults: list[str] = field(default_factory=list)  # each names the file and an offset
    complete: bool = True  # False when reading stopped before the end of the file


def scan_warc(path: Path) -> WarcScan:
    """Index the HTTP responses and revisits of one WARC file in one streaming pass.

    Never raises: a fault ends the pass, keeps what was read before it and is described in
    `faults` with the file name, the offset and what warcio said. A file gzipped whole (one
    gzip member instead of one per record, as `gzip crawl.warc` makes) is read again as one
    stream, with a fault saying so.

    A file this process scanned before and that has not changed since (same path, device,
    inode, size and modification time) is not read again: the service lists a case's evidence
    on every view of its page, and a notebook or a Dask worker opens the same bundle many times.
    """
    state = _settled_state(path)
    return _scan_file(path) if state is None else _copy(_kept_scan(state))


_State = tuple[str, int, int, int, int]  # path, device, inode, size, modification time


@lru_cache(maxsize=SCANS_KEPT)
def _kept_scan(state: _State) -> WarcScan:
    """The scan of the file in `state`, read once. A write while it is read sets the file's time
    to now, so a later state differs and this scan is never given out for the new content."""
    return _scan_file(Path(state[0]))


def _settled_state(path: Path) -> _State | None:
    """What tells the file's content apart from a changed one, or None (scan it again) when it
    cannot be read or was modified in the last SETTLED_NS: file times tick by a few
    milliseconds, so a file written again just after a scan may show the same time and size
    (git's "racy" files, which it checks the same way)."""
    try:
        stat = path.stat()
    except OSError:
        return None  # scanned (and its fault told) every time
    if time.time_ns() - stat.st_mtime_ns < SETTLED_NS:
        return None
    return (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _copy(scan: WarcScan) -> WarcScan:
    """A scan whose lists the caller may change without changing the one kept."""
    return replace(
        scan, captures=list(scan.captures), revisits=list(scan.revisits), faults=list(scan.faults)
    )


def _scan_file(path: Path) -> WarcScan:
    scan, single_member = _scan(path, gzip_whole=False)
    if not single_member:
        return scan
    whole, _ = _scan(path, gzip_whole=True)
    whole.faults.insert(
        0,
        f"{path.name}: offset 0: the whole file is one gzip member instead of one per record "
        "(warcio: non-chunked gzip file detected); it was read by decompressing it from the "
        "start, which is slow for large files: `warcio recompress` fixes the file",
    )
    return whole


def open_warc(path: Path, gzip_whole: bool = False) -> BinaryIO:
    """An open WARC file to read records from by offset (offsets in decompressed bytes for a
    file gzipped whole, which is then decompressed as it is read)."""
    if gzip_whole:
        return gzip.open(path, "rb")
    return path.open("rb")


def _scan(path: Path, gzip_whole: bool) -> tuple[WarcScan, bool]:
    """One pass over a file; and whether it stopped on a file that is one gzip member."""
    scan = WarcScan(path=path)
    try:
        handle = open_warc(path, gzip_whole)
    except OSError as exc:
        scan.faults.append(f"{path.name}: cannot be opened: {exc.strerror or exc}")
        scan.complete = False
        return scan, False
    single_member = False
    with handle:
        records = ArchiveIterator(handle)
        next_offset = 0
        last_offset: int | None = None
        while True:
            said = io.StringIO()  # warcio writes its warnings to stderr: keep them for the report
            try:
                # sys.stderr is process-wide: one redirection at a time, or two threads scanning
                # could restore each other's buffer and leave stderr pointing at a dead one.
                with _STDERR_LOCK, redirect_stderr(said):
                    errors_before = records.err_count
                    record = next(records)
                    entry, problem = _index_record(record)
                    offset = records.get_record_offset()
                    last_offset = offset
                    # A file that is one gzip member gives no usable length: stay where we are.
                    next_offset = max(next_offset, offset + records.get_record_length())
                    misaligned = records.err_count > errors_before
            except StopIteration:
                _check_tail(scan, next_offset, gzip_whole, last_offset)
                break
            except Exception as exc:  # any fault of the file ends its pass
                single_member = not gzip_whole and "non-chunked gzip" in str(exc)
                scan.faults.append(
                    f"{path.name}: reading stopped at offset {next_offset}, after "
                    f"{scan.records} records: {_describe(exc)}{_warcio_said(said)}"
                )
                scan.complete = False
                break
            if _header_cut(record):
                # warcio yields what it read of a header cut by the end of the file as a record
                # of no type: the record, and any after it, are lost.
                scan.faults.append(
                    f"{path.name}: reading stopped at offset {offset}, after {scan.records} "
                    "records: the file ends inside a record's header (no WARC-Type or "
                    "Content-Length): the file is cut short"
                )
                scan.complete = False
                break
            scan.records += 1
            if misaligned:
                problem = problem or (
                    "the record is not followed by the blank line that ends a record: its "
                    "Content-Length is probably wrong"
                )
            if problem:
                last_offset = None  # its fault is told: the end of the file needs no other
                what = f"{record.rec_type} {entry.url}" if entry else record.rec_type
                scan.faults.append(
                    f"{path.name}: record at offset {offset} ({what}): {problem}"
                    f"{_warcio_said(said)}"
                )
            if isinstance(entry, _Entry):
                _add_entry(scan, entry, offset, problem, gzip_whole)
            else:
                scan.other_records += 1
        if scan.records == 0 and not scan.faults:
            scan.faults.append(f"{path.name}: no WARC record in the file")
    return scan, single_member


def _header_cut(record: Any) -> bool:
    """Whether a record is the start of a header that the end of the file cut off."""
    headers = record.rec_headers
    if not record.rec_type or headers is None:
        return True
    length = headers.get_header("Content-Length")
    return length is None or not length.strip().isdigit()


def _check_tail(scan: WarcScan, end: int, gzip_whole: bool, last_offset: int | None) -> None:
    """Report the bytes after the last whole record, and a last gzip member cut short: warcio
    ends quietly on both, as if the file ended there, and what was lost must not go unseen."""
    if gzip_whole:
        return  # offsets count decompressed bytes there: the gzip stream itself tells a cut
    path = scan.path
    if last_offset is not None and not _last_member_whole(path, last_offset):
        scan.faults.append(
            f"{path.name}: the gzip member of the last record (offset {last_offset}) ends "
            "before its end: the file is cut short (or the member is damaged)"
        )
        scan.complete = False
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            handle.seek(end)
            tail = handle.read(_TAIL_SHOWN)
    except OSError as exc:
        scan.faults.append(f"{path.name}: cannot be read again: {exc.strerror or exc}")
        scan.complete = False
        return
    if not tail.strip():
        return  # nothing, or only the blank lines some writers leave at the end
    scan.faults.append(
        f"{path.name}: reading stopped at offset {end}, after {scan.records} records: the "
        f"{size - end:,} bytes after it are not a whole record (the file is cut inside a "
        f"record's header?): starting {tail[:40]!r}"
    )
    scan.complete = False


def _last_member_whole(path: Path, offset: int) -> bool:
    """Whether the gzip member at `offset` reaches its end (True for a record not gzipped)."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            block = handle.read(READ_BLOCK)
            if not block.startswith(b"\x1f\x8b"):
                return True
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while block and not decoder.eof:
                decoder.decompress(block, READ_BLOCK)  # output dropped: only the end matters
                while decoder.unconsumed_tail and not decoder.eof:
                    decoder.decompress(decoder.unconsumed_tail, READ_BLOCK)
                block = handle.read(READ_BLOCK)
            return decoder.eof
    except (OSError, zlib.error):
        return False


class CaptureIndex:
    """The latest capture of every URL of a bundle, and the URLs of each registrable domain."""

    def __init__(self, captures: Iterable[Capture]) -> None:
        latest: dict[str, tuple[tuple[datetime, int], Capture]] = {}
        # Among captures of one URL the latest WARC-Date wins; on a tie (or no date), the one
        # read last, as a crawler that fetched a URL twice would have written it.
        for order, capture in enumerate(captures):
            key = url_key(capture.url)
            rank = (capture.captured_at or _EARLIEST, order)
            if key not in latest or rank >= latest[key][0]:
                latest[key] = (rank, capture)
        self._latest = {key: capture for key, (_, capture) in latest.items()}
        self._domains: dict[str, list[str]] = {}
        for key in self._latest:
            self._domains.setdefault(registrable_domain(key), []).append(key)

    def __len__(self) -> int:
        return len(self._latest)

    def get(self, url: str) -> Capture | None:
        """The latest capture of a URL, or None."""
        return self._latest.get(url_key(url))

    def urls_of(self, domain: str) -> list[str]:
        """The (normalised) URLs captured under a registrable domain, sorted."""
        return sorted(self._domains.get(domain, ()))

    def captures(self) -> Iterator[Capture]:
        """The latest capture of each URL, in no particular order."""
        return iter(self._latest.values())


@dataclass(frozen=True)
class _Entry:
    kind: str  # "response" or "revisit"
    url: str
    captured_at: datetime | None
    status: int | None
    location: str | None
    content_type: str | None
    html: bool
    digest: str | None
    refers_to_url: str | None
    refers_to_date: datetime | None


def _index_record(record: Any) -> tuple[_Entry | None, str | None]:
    """The index entry of an HTTP response or revisit record (None for other records), and
    what is wrong with the record. Reads the record to its end."""
    entry = None
    kind = record.rec_type
    headers = record.http_headers
    uri = target_uri(record.rec_headers.get_header("WARC-Target-URI"))
    if kind in ("response", "revisit") and headers is not None and _is_http(uri):
        status = http_status(headers)
        content_type = headers.get_header("content-type")
        head = None
        successful = status is not None and 200 <= status < 300
        if kind == "response" and successful and media_type(content_type) in UNKNOWN_TYPES:
            head = body_head(record)
        if kind == "response" and status is None:
            entry = None  # an HTTP status line that cannot be read: not a usable response
        else:
            location = headers.get_header("location")
            rec_headers = record.rec_headers
            entry = _Entry(
                kind=kind,
                url=uri,
                captured_at=parse_utc(rec_headers.get_header("WARC-Date") or ""),
                status=status,
                location=_resolve_location(uri, location),
                content_type=content_type,
                html=is_html(content_type, head),
                digest=rec_headers.get_header("WARC-Payload-Digest"),
                refers_to_url=target_uri(rec_headers.get_header("WARC-Refers-To-Target-URI"))
                or None,
                refers_to_date=parse_utc(rec_headers.get_header("WARC-Refers-To-Date") or ""),
            )
    # Drain the record so that a body shorter than its Content-Length shows: warcio itself
    # says nothing when a gzip member or a file ends early.
    while record.raw_stream.read(READ_BLOCK):
        pass
    problem = None
    if isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0:
        problem = (
            f"the record ends {record.raw_stream.limit} bytes before its Content-Length says: "
            "the file is cut short"
        )
    return entry, problem


def _add_entry(
    scan: WarcScan, entry: _Entry, offset: int, fault: str | None, gzip_whole: bool
) -> None:
    if entry.kind == "revisit":
        scan.revisits.append(
            Revisit(
                url=entry.url,
                captured_at=entry.captured_at,
                status=entry.status,
                location=entry.location,
                content_type=entry.content_type,
                digest=entry.digest,
                refers_to_url=entry.refers_to_url,
                refers_to_date=entry.refers_to_date,
                file=scan.path,
                offset=offset,
            )
        )
        return
    assert entry.status is not None  # responses without a status are not entries
    scan.captures.append(
        Capture(
            url=entry.url,
            captured_at=entry.captured_at,
            status=entry.status,
            location=entry.location,
            content_type=entry.content_type,
            html=entry.html,
            digest=entry.digest,
            file=scan.path,
            offset=offset,
            fault=fault,
            gzip_whole=gzip_whole,
        )
    )


def _resolve_location(base: str, location: str | None) -> str | None:
    if not location or not location.strip():
        return None
    try:
        return urljoin(base, location.strip())
    except ValueError:
        return None


def _is_http(uri: str) -> bool:
    return uri.lower().startswith(("http://", "https://"))


def _describe(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = " ".join(lines[:3]) or "no message"
    if isinstance(exc, AttributeError | TypeError) and _raised_in_warcio(exc):
        # warcio trips over a header that lacks a field it needs (WARC-Target-URI...): say so.
        return f"a record header is incomplete (cut short?): warcio failed ({exc})"
    return f"{type(exc).__name__}: {text}"


def _raised_in_warcio(exc: BaseException) -> bool:
    """Whether the innermost frame of the exception's traceback is warcio's code, not ours."""
    trace = exc.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and "warcio" in Path(trace.tb_frame.f_code.co_filename).parts


def _warcio_said(buffer: io.StringIO) -> str:
    lines = [line.strip() for line in buffer.getvalue().splitlines() if line.strip()]
    return f" (warcio: {' '.join(lines)[:300]})" if lines else ""
