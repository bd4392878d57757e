"""Reading WARC files: one streaming pass indexes the HTTP responses, then pages load by offset.

A bundle's WARC files may hold thousands of records of many sites, so no body is kept while
indexing: each response becomes a small `Capture` (URL, date, status, Location, Content-Type,
file and offset), and a site's pages are read later by seeking to their records. Faults (a file
cut short, a wrong Content-Length, a file that is not WARC) keep every record read before them
and are reported with the file name and the offset; a file gzipped whole is read as one stream.
"""

from __future__ import annotations

import base64
import gzip
import io
import string
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit, urlunsplit

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.limitreader import LimitReader

from capture.domains import registrable_domain
from capture.isotime import parse_utc

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Content-Types that say nothing about the body: the body is sniffed, as browsers do.
_UNKNOWN_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "unknown/unknown",
        "application/unknown",
        "*/*",
    }
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
WARC_SUFFIXES = (".warc", ".warc.gz")
# A page larger than this is cut: shop pages are far smaller, and a bundle must not exhaust memory.
MAX_PAGE_BYTES = 8 * 1024 * 1024
_SNIFF_BYTES = 1024
_READ_BLOCK = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}
# WHATWG MIME sniffing: a body starting with one of these (after white space), followed by a
# space or '>', is HTML.
_HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
)
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_DIGEST_SIZES = {"sha1": 20, "sha256": 32, "sha512": 64, "md5": 16}
_STDERR_LOCK = threading.Lock()


@dataclass(frozen=True)
class Capture:
    """One captured HTTP response (or a revisit resolved to one): what it said, where it is."""

    url: str  # WARC-Target-URI
    captured_at: datetime | None  # WARC-Date, UTC; None when missing or invalid
    status: int
    location: str | None  # the Location header resolved against url, for redirects
    content_type: str | None  # the HTTP Content-Type header
    html: bool  # whether the body is an HTML page (by Content-Type, sniffed when it has none)
    digest: str | None  # WARC-Payload-Digest
    file: Path  # the WARC file holding the body (the original's, for a revisit)
    offset: int  # where that record starts in the file
    fault: str | None = None  # what was wrong with the record, when it was damaged
    revisit: bool = False
    gzip_whole: bool = False  # the file is one gzip member: see open_warc

    @property
    def is_redirect(self) -> bool:
        return self.status in REDIRECT_STATUSES and bool(self.location)

    @property
    def is_error(self) -> bool:
        return self.status >= 400

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class Revisit:
    """A revisit record: a capture whose body is that of an earlier response."""

    url: str
    captured_at: datetime | None
    status: int | None  # None when the revisit holds no HTTP headers
    location: str | None
    content_type: str | None
    digest: str | None
    refers_to_url: str | None
    refers_to_date: datetime | None
    file: Path
    offset: int


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


@dataclass(frozen=True)
class Payload:
    """The body of a response record, with transfer and content encodings undone."""

    body: bytes
    status: int
    content_type: str | None
    truncated: bool  # the body was longer than MAX_PAGE_BYTES and was cut there


def is_warc_file(path: Path) -> bool:
    """Whether a file name says WARC (`.warc` or `.warc.gz`, any case)."""
    return path.is_file() and path.name.lower().endswith(WARC_SUFFIXES)


def url_key(url: str) -> str:
    """A URL in the form captures are matched by: lower-case scheme and host, no default port,
    no fragment, `/` for an empty path."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".").lower()
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def media_type(content_type: str | None) -> str:
    """`text/html` for `Text/HTML; charset=UTF-8`; '' when there is none."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def sniff_html(head: bytes) -> bool:
    """Whether the start of a body looks like HTML, by the WHATWG MIME-sniffing patterns."""
    start = head.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\n\r\x0c")[:_SNIFF_BYTES].lower()
    if start.startswith(b"<!--"):
        return True
    for pattern in _HTML_STARTS:
        if start.startswith(pattern):
            after = start[len(pattern) : len(pattern) + 1]
            if after in (b" ", b">", b"\t", b"\n", b"\r", b"\x0c", b"/"):
                return True
    return False


def is_html(content_type: str | None, head: bytes | None) -> bool:
    """Whether a response is an HTML page: by its Content-Type, by its first bytes when the
    type is missing or says nothing."""
    kind = media_type(content_type)
    if kind in HTML_TYPES:
        return True
    if kind in _UNKNOWN_TYPES:
        return head is not None and sniff_html(head)
    return False


def scan_warc(path: Path) -> WarcScan:
    """Index the HTTP responses and revisits of one WARC file in one streaming pass.

    Never raises: a fault ends the pass, keeps what was read before it and is described in
    `faults` with the file name, the offset and what warcio said. A file gzipped whole (one
    gzip member instead of one per record, as `gzip crawl.warc` makes) is read again as one
    stream, with a fault saying so.
    """
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
                    # A file that is one gzip member gives no usable length: stay where we are.
                    next_offset = max(next_offset, offset + records.get_record_length())
                    misaligned = records.err_count > errors_before
            except StopIteration:
                break
            except Exception as exc:  # any fault of the file ends its pass
                single_member = not gzip_whole and "non-chunked gzip" in str(exc)
                scan.faults.append(
                    f"{path.name}: reading stopped at offset {next_offset}, after "
                    f"{scan.records} records: {_describe(exc)}{_warcio_said(said)}"
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


def read_payload(handle: BinaryIO, offset: int, *, expected_url: str | None = None) -> Payload:
    """The decoded body of the response or revisit record at `offset` of an open WARC file.

    Raises ValueError when no HTTP response record starts there; warcio's errors otherwise.
    """
    handle.seek(offset)
    # No stderr redirection here: warcio warns about a record when it moves past it, and only
    # one record is read; the scan has reported the file's faults already.
    records = ArchiveIterator(handle)
    try:
        record = next(records, None)
        if record is None or record.rec_type not in ("response", "revisit"):
            kind = "nothing" if record is None else f"a {record.rec_type} record"
            raise ValueError(f"offset {offset} holds {kind}, not an HTTP response")
        headers = record.http_headers
        uri = _target_uri(record.rec_headers.get_header("WARC-Target-URI"))
        if headers is None:
            raise ValueError(f"the record at offset {offset} has no HTTP headers")
        if expected_url is not None and url_key(uri) != url_key(expected_url):
            raise ValueError(f"the record at offset {offset} is for {uri}, not {expected_url}")
        body, truncated = _read_body(record)
        return Payload(
            body=body,
            status=_status(headers) or 0,
            content_type=headers.get_header("content-type"),
            truncated=truncated,
        )
    finally:
        records.close()


def decode_content(data: bytes, content_encoding: str | None, limit: int) -> tuple[bytes, bool]:
    """Undo `Content-Encoding` (gzip, deflate, br, or a list of them); (body, cut at limit).

    A body that does not decode is taken as it is: many capture tools store the decoded body
    but keep the header.
    """
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    truncated = False
    for coding in reversed(codings):
        if coding in ("identity", "none"):
            continue
        decoded = _decompress(data, coding, limit)
        if decoded is None:
            break
        data, cut = decoded
        truncated = truncated or cut
    return data, truncated


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


def resolve_revisits(captures: list[Capture], revisits: list[Revisit]) -> tuple[list[Capture], int]:
    """Revisits turned into captures that point at the body of their original response, by
    payload digest, else by WARC-Refers-To-Target-URI; and how many found no original."""
    by_digest: dict[str, Capture] = {}
    by_url: dict[str, Capture] = {}
    for capture in captures:
        if capture.digest:
            key = _digest_key(capture.digest)
            known = by_digest.get(key)
            # Any response with the digest has the same body; an undamaged record is preferred.
            if known is None or (known.fault and not capture.fault):
                by_digest[key] = capture
        by_url[url_key(capture.url)] = capture
    resolved: list[Capture] = []
    unresolved = 0
    for revisit in revisits:
        original = None
        if revisit.digest:
            original = by_digest.get(_digest_key(revisit.digest))
        if original is None and revisit.refers_to_url:
            candidate = by_url.get(url_key(revisit.refers_to_url))
            if candidate is not None and (
                not revisit.digest
                or not candidate.digest
                or _digest_key(candidate.digest) == _digest_key(revisit.digest)
            ):
                original = candidate
        if original is None:
            unresolved += 1
            continue
        # A revisit's own headers say what the server answered that time; a 304 (or none)
        # means "as before", so the original's status and type stand.
        own = revisit.status is not None and revisit.status != 304
        status = revisit.status if own and revisit.status is not None else original.status
        content_type = (
            revisit.content_type if own and revisit.content_type else original.content_type
        )
        html = is_html(content_type, None) or (
            media_type(content_type) in _UNKNOWN_TYPES and original.html
        )
        resolved.append(
            Capture(
                url=revisit.url,
                captured_at=revisit.captured_at,
                status=status,
                location=revisit.location if own else original.location,
                content_type=content_type,
                html=html,
                digest=revisit.digest,
                file=original.file,
                offset=original.offset,
                fault=original.fault,
                revisit=True,
                gzip_whole=original.gzip_whole,
            )
        )
    return resolved, unresolved


# --- one record -------------------------------------------------------------------------------


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
    uri = _target_uri(record.rec_headers.get_header("WARC-Target-URI"))
    if kind in ("response", "revisit") and headers is not None and _is_http(uri):
        status = _status(headers)
        content_type = headers.get_header("content-type")
        head = None
        successful = status is not None and 200 <= status < 300
        if kind == "response" and successful and media_type(content_type) in _UNKNOWN_TYPES:
            head = _body_head(record)
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
                refers_to_url=_target_uri(rec_headers.get_header("WARC-Refers-To-Target-URI"))
                or None,
                refers_to_date=parse_utc(rec_headers.get_header("WARC-Refers-To-Date") or ""),
            )
    # Drain the record so that a body shorter than its Content-Length shows: warcio itself
    # says nothing when a gzip member or a file ends early.
    while record.raw_stream.read(_READ_BLOCK):
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


def _body_head(record: Any) -> bytes | None:
    """The first decoded bytes of a body, for sniffing; None when they cannot be read."""
    try:
        raw = _payload_stream(record).read(_SNIFF_BYTES * 4)
        head, _ = decode_content(
            raw, record.http_headers.get_header("content-encoding"), _SNIFF_BYTES
        )
        return head
    except Exception:  # a body that cannot be sniffed is simply not HTML
        return None


def _read_body(record: Any) -> tuple[bytes, bool]:
    stream = _payload_stream(record)
    raw = stream.read(MAX_PAGE_BYTES)
    cut = bool(stream.read(1))
    body, decoded_cut = decode_content(
        raw, record.http_headers.get_header("content-encoding"), MAX_PAGE_BYTES
    )
    return body, cut or decoded_cut


def _payload_stream(record: Any) -> Any:
    """The body after its HTTP headers, de-chunked; content encoding is left to decode_content
    (warcio's own brotli hook does not work with brotli >= 1.2)."""
    transfer = (record.http_headers.get_header("transfer-encoding") or "").lower()
    if "chunked" in transfer:
        # ChunkedDataReader falls back to the bytes as they are when they are not chunked.
        return ChunkedDataReader(record.raw_stream)
    return record.raw_stream


def _decompress(data: bytes, coding: str, limit: int) -> tuple[bytes, bool] | None:
    """(decoded bytes, cut at limit), or None when data is not in that coding at all."""
    if coding in ("gzip", "x-gzip"):
        if not data.startswith(b"\x1f\x8b"):
            return None
        return _zlib_decode(data, 16 + zlib.MAX_WBITS, limit)
    if coding == "deflate":
        return _zlib_decode(data, zlib.MAX_WBITS, limit) or _zlib_decode(
            data, -zlib.MAX_WBITS, limit
        )
    if coding == "br":
        return _brotli_decode(data, limit)
    return None


def _zlib_decode(data: bytes, wbits: int, limit: int) -> tuple[bytes, bool] | None:
    decompressor = zlib.decompressobj(wbits)
    out = bytearray()
    position = 0
    # Fed in blocks so that a corrupt or cut stream still gives what came before the fault.
    while position < len(data) and len(out) < limit:
        block = data[position : position + _READ_BLOCK]
        position += len(block)
        try:
            out += decompressor.decompress(block, limit - len(out))
        except zlib.error:
            return (bytes(out), False) if out else None
        if decompressor.unconsumed_tail:
            return bytes(out), True
        if decompressor.eof:
            break
    return bytes(out), len(out) >= limit and position < len(data)


def _brotli_decode(data: bytes, limit: int) -> tuple[bytes, bool] | None:
    decompressor = brotli.Decompressor()
    out = bytearray()
    # Small blocks bound how far one call can expand before the limit is checked.
    for position in range(0, len(data), 4096):
        try:
            out += decompressor.process(data[position : position + 4096])
        except brotli.error:
            return (bytes(out), False) if out else None
        if len(out) >= limit:
            return bytes(out[:limit]), True
        if decompressor.is_finished():
            break
    return bytes(out), False


def _resolve_location(base: str, location: str | None) -> str | None:
    if not location or not location.strip():
        return None
    try:
        return urljoin(base, location.strip())
    except ValueError:
        return None


def _target_uri(value: str | None) -> str:
    """WARC-Target-URI without the `<...>` that wget (1.19 to 1.21) wraps it in."""
    uri = (value or "").strip()
    if uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1].strip()
    return uri


def _is_http(uri: str) -> bool:
    return uri.lower().startswith(("http://", "https://"))


def _status(headers: Any) -> int | None:
    try:
        code = int(headers.get_statuscode())
    except (TypeError, ValueError):
        return None
    return code if 100 <= code <= 599 else None


def _digest_key(digest: str) -> str:
    """One spelling per digest: tools write `sha1:`, `sha-256:`, base32 or hex."""
    algorithm, _, value = digest.strip().partition(":")
    if not value:
        return digest.strip().upper()
    algorithm = algorithm.lower().replace("-", "")
    value = value.strip()
    size = _DIGEST_SIZES.get(algorithm)
    if size and len(value) == 2 * size and all(c in string.hexdigits for c in value):
        value = base64.b32encode(bytes.fromhex(value)).decode("ascii")
    return f"{algorithm}:{value.upper().rstrip('=')}"


def _describe(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = " ".join(lines[:3]) or "no message"
    return f"{type(exc).__name__}: {text}"


def _warcio_said(buffer: io.StringIO) -> str:
    lines = [line.strip() for line in buffer.getvalue().splitlines() if line.strip()]
    return f" (warcio: {' '.join(lines)[:300]})" if lines else ""
