"""Writes case bundles: cases.csv, WARC snapshots and RDAP JSON, byte for byte reproducibly.

Used by the synthetic sample generator and to save evidence of live captures. Every WARC record
gets an explicit WARC-Date and a WARC-Record-ID derived from its content, and gzip members carry
no wall-clock time, so the same calls in the same order give identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from capture.files import atomic_write
from capture.site import OUTCOMES
from capture.spreadsheet import case_id_problem, safe_row

CASE_COLUMNS = ("case_id", "url", "reported_at", "outcome")
DEFAULT_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
GZIP_LEVEL = 6  # the default: level 9 costs twice the time for a few percent


def iso_utc(moment: datetime) -> str:
    """`2025-03-14T09:12:00Z` for an aware datetime; naive ones are refused to avoid guessing."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: give an aware UTC time")
    # Not strftime: its %Y gives `1`, not `0001`, for early years, which no reader parses.
    utc = moment.astimezone(UTC)
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S}Z"


def http_date(moment: datetime) -> str:
    """The RFC 9110 form of a time, as servers write it in a Date header."""
    utc = moment.astimezone(UTC)
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return (
        f"{days[utc.weekday()]}, {utc.day:02d} {months[utc.month - 1]} {utc.year} "
        f"{utc:%H:%M:%S} GMT"
    )


def month_key(captured_at: datetime) -> str:
    """Default snapshot file key: one WARC file per capture month (`2025-03`)."""
    return captured_at.astimezone(UTC).strftime("%Y-%m")


def record_uuid(*parts: str) -> str:
    """A stable `<urn:uuid:...>` from the given strings (name-based, so reruns give the same id)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return f"<urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}>"


def _normalise_record_id(record_id: str) -> str:
    text = record_id.strip()
    if text.startswith("<") and text.endswith(">"):
        return text
    if text.startswith("urn:"):
        return f"<{text}>"
    return f"<urn:uuid:{uuid.UUID(text)}>"


def _gzip_member(data: bytes, level: int = GZIP_LEVEL) -> bytes:
    """One gzip member with mtime 0 and no file name (zlib's own header), as WARC readers expect."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(data) + compressor.flush()


class BundleWriter:
    """Writes one case bundle folder; use as a context manager so cases.csv lands on exit.

    Opening an existing bundle keeps its cases and appends to its snapshot files.
    """

    def __init__(
        self,
        root: Path,
        *,
        warc_version: str = "1.1",
        snapshot_key: Callable[[datetime], str] = month_key,
        warcinfo: Mapping[str, str] | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        max_open_files: int = 8,
        gzip_level: int = GZIP_LEVEL,
    ) -> None:
        if not 1 <= gzip_level <= 9:
            raise ValueError(f"gzip_level {gzip_level!r}: give 1 (fastest) to 9 (smallest)")
        self.root = Path(root)
        self.warc_version = warc_version
        self.gzip_level = gzip_level
        # One warcio writer for every record, into one reused buffer: each record is then
        # compressed as its own gzip member.
        self._record_out = io.BytesIO()
        self._warc = WARCWriter(self._record_out, gzip=False, warc_version=warc_version)
        self.snapshot_key = snapshot_key
        self.warcinfo_fields = dict(warcinfo or {"software": "scamrank capture"})
        self.user_agent = user_agent
        self.max_open_files = max(1, max_open_files)
        self._open: OrderedDict[str, BinaryIO] = OrderedDict()
        self._started: set[str] = set()
        self._cases: dict[str, dict[str, str]] = {}
        self._columns: list[str] = list(CASE_COLUMNS)
        self._sequence = 0
        self._entered = False
        self.counts: dict[str, int] = {"cases": 0, "responses": 0, "rdap": 0}

    # --- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> BundleWriter:
        self.root.mkdir(parents=True, exist_ok=True)
        self._load_existing_cases()
        self._entered = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close snapshot files and write cases.csv (also after an error: evidence is kept)."""
        for handle in self._open.values():
            handle.close()
        self._open.clear()
        if self._entered:
            self._write_cases()
            self._entered = False

    def flush(self) -> None:
        """Push written records to disk and rewrite cases.csv (atomically): what a crash after
        this call cannot lose. Long live captures call it now and then."""
        self._require_open()
        for handle in self._open.values():
            handle.flush()
        self._write_cases()

    def existing_case(self, case_id: str) -> dict[str, str] | None:
        """The cases.csv row of a case already in the bundle (a copy), or None."""
        row = self._cases.get(case_id)
        return dict(row) if row is not None else None

    def _require_open(self) -> None:
        if not self._entered:
            raise RuntimeError("BundleWriter is not open: use it as a context manager")

    # --- cases -----------------------------------------------------------------------------

    def _load_existing_cases(self) -> None:
        path = self.root / "cases.csv"
        if not path.exists():
            return
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            for name in reader.fieldnames or ():
                if name not in self._columns:
                    self._columns.append(name)
            for row in reader:
                self._cases[row["case_id"]] = {k: v or "" for k, v in row.items() if k}

    def add_case(
        self,
        case_id: str,
        url: str,
        reported_at: datetime,
        outcome: str | None,
        **extra: str,
    ) -> None:
        """Add one row to cases.csv; extra keyword arguments become extra columns."""
        self._require_open()
        if not case_id or case_id in self._cases:
            raise ValueError(f"case_id {case_id!r} is empty or already in the bundle")
        problem = case_id_problem(case_id)
        if problem:
            raise ValueError(problem)
        label = outcome or ""
        if label and label not in OUTCOMES:
            raise ValueError(f"outcome {outcome!r} is not one of {OUTCOMES} or empty")
        row = {"case_id": case_id, "url": url, "reported_at": iso_utc(reported_at)}
        row["outcome"] = label
        for name, value in extra.items():
            if name not in self._columns:
                self._columns.append(name)
            row[name] = "" if value is None else str(value)
        self._cases[case_id] = row
        self.counts["cases"] += 1

    def _write_cases(self) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=self._columns, lineterminator="\n")
        writer.writeheader()
        for row in self._cases.values():
            # The four case columns are checked values (ids, URLs, times, outcomes); the rest is
            # free text that a spreadsheet must not run as a formula.
            writer.writerow(safe_row(row, self._columns, CASE_COLUMNS))
        atomic_write(self.root / "cases.csv", buffer.getvalue().encode("utf-8"))

    # --- RDAP ------------------------------------------------------------------------------

    def add_rdap(self, domain: str, obj: Mapping[str, object] | bytes | str) -> Path:
        """Save a domain's RDAP answer as rdap/<domain>.json; bytes or text are kept verbatim."""
        self._require_open()
        name = domain.strip().rstrip(".").lower()
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"not a domain name: {domain!r}")
        if isinstance(obj, bytes | str):
            data = obj.encode("utf-8") if isinstance(obj, str) else obj
            json.loads(data)  # refuse what no reader could parse
        else:
            data = (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        path = self.root / "rdap" / f"{name}.json"
        atomic_write(path, data)
        self.counts["rdap"] += 1
        return path

    # --- WARC ------------------------------------------------------------------------------

    def _snapshot(self, captured_at: datetime) -> tuple[str, BinaryIO]:
        name = f"{self.snapshot_key(captured_at)}.warc.gz"
        handle = self._open.get(name)
        if handle is not None:
            self._open.move_to_end(name)
            return name, handle
        path = self.root / "snapshots" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        is_new = not path.exists() or path.stat().st_size == 0
        handle = path.open("ab")
        self._open[name] = handle
        if len(self._open) > self.max_open_files:
            _, oldest = self._open.popitem(last=False)
            oldest.close()
        if is_new and name not in self._started:
            handle.write(self._warcinfo_bytes(name, captured_at))
        self._started.add(name)
        return name, handle

    def _warcinfo_bytes(self, filename: str, first_date: datetime) -> bytes:
        fields = {"format": f"WARC File Format {self.warc_version}", **self.warcinfo_fields}
        body = "".join(f"{k}: {v}\r\n" for k, v in fields.items() if v).encode("utf-8")
        headers = {
            "WARC-Type": "warcinfo",
            "WARC-Record-ID": record_uuid("warcinfo", filename, iso_utc(first_date)),
            "WARC-Filename": filename,
            "WARC-Date": iso_utc(first_date),
            "Content-Type": "application/warc-fields",
        }
        return self._record_bytes("", "warcinfo", headers, body, None)

    def _record_bytes(
        self,
        uri: str,
        record_type: str,
        warc_headers: dict[str, str],
        payload: bytes,
        http_headers: StatusAndHeaders | None,
        payload_digest: Digester | None = None,
    ) -> bytes:
        if http_headers is not None:
            # The digests warcio would work out, with its Digester, put where it puts them
            # (payload digest, then block digest, after the given headers): the body is hashed
            # once for the record id and the payload digest (`payload_digest`), once for the
            # block, not three times.
            http_headers.compute_headers_buffer()
            block = Digester("sha1")
            block.update(http_headers.headers_buff)
            block.update(payload)
            if payload_digest is None:
                payload_digest = Digester("sha1")
                payload_digest.update(payload)
            warc_headers = {
                **warc_headers,
                "WARC-Payload-Digest": str(payload_digest),
                "WARC-Block-Digest": str(block),
            }
        out = self._record_out
        out.seek(0)
        out.truncate()
        record = self._warc.create_warc_record(
            uri,
            record_type,
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_headers_dict=warc_headers,
            http_headers=http_headers,
        )
        self._warc.write_record(record)
        return _gzip_member(out.getvalue(), self.gzip_level)

    def add_response(
        self,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        captured_at: datetime,
        record_id: str | None = None,
        *,
        reason: str | None = None,
        request_headers: list[tuple[str, str]] | None = None,
        ip_address: str | None = None,
    ) -> str:
        """Write a request record and its response record; returns the response's record id.

        `body` is the payload as the server sent it: if `headers` declare a Content-Encoding or
        chunked Transfer-Encoding, the bytes must already be encoded that way.
        """
        self._require_open()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {url!r}")
        date = iso_utc(captured_at)
        self._sequence += 1
        body_digester = Digester("sha1")
        body_digester.update(body)
        body_digest = body_digester.digester.hexdigest()
        response_id = (
            _normalise_record_id(record_id)
            if record_id
            else record_uuid("response", url, date, body_digest, str(self._sequence))
        )
        request_id = record_uuid("request", response_id)
        phrase = reason
        if phrase is None:
            try:
                phrase = HTTPStatus(status).phrase
            except ValueError:
                phrase = ""
        statusline = f"{status} {phrase}".rstrip()
        response_http = StatusAndHeaders(statusline, list(headers), protocol="HTTP/1.1")
        common = {"WARC-Target-URI": url, "WARC-Date": date}
        if ip_address:
            common["WARC-IP-Address"] = ip_address
        response_warc = {"WARC-Type": "response", "WARC-Record-ID": response_id, **common}
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        request_http = StatusAndHeaders(
            f"GET {target} HTTP/1.1",
            request_headers
            or [
                ("Host", parts.netloc),
                ("User-Agent", self.user_agent),
                ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                ("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.6"),
                ("Accept-Encoding", "gzip, deflate, br"),
                ("Connection", "keep-alive"),
            ],
            is_http_request=True,
        )
        request_warc = {
            "WARC-Type": "request",
            "WARC-Record-ID": request_id,
            "WARC-Concurrent-To": response_id,
            **common,
        }
        data = self._record_bytes(url, "request", request_warc, b"", request_http)
        data = (
            self._record_bytes(url, "response", response_warc, body, response_http, body_digester)
            + data
        )
        _, handle = self._snapshot(captured_at)
        handle.write(data)
        self.counts["responses"] += 1
        return response_id
