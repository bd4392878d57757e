"""What warcio alone reads in a WARC file: the counts the scanner's tests are checked against.

Read with warcio's ArchiveIterator and nothing of scamrank, so that a count asserted in a test
comes from the fixture file itself, not from the output under test.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator


@dataclass(frozen=True)
class Record:
    """One record as warcio gives it: where it starts and its length in the file, its type,
    target URI, and HTTP status and Content-Type."""

    offset: int
    length: int
    type: str
    uri: str
    status: int | None
    content_type: str | None

    @property
    def is_http(self) -> bool:
        """An HTTP response or revisit of a web page (not a file:/// or metadata:// one)."""
        return self.type in ("response", "revisit") and self.uri.startswith(("http:", "https:"))

    @property
    def is_html(self) -> bool:
        return self.type == "response" and "html" in (self.content_type or "").lower()


def warcio_records(path: Path, *, gzipped_whole: bool = False) -> list[Record]:
    """Every record warcio reads in `path`, in order (a file gzipped whole is decompressed first,
    as warcio cannot read it otherwise). warcio's warnings about damaged records are dropped."""
    data = path.read_bytes()
    if gzipped_whole:
        data = gzip.decompress(data)
    found: list[Record] = []
    with redirect_stderr(io.StringIO()):
        records = ArchiveIterator(io.BytesIO(data))
        for record in records:
            http = record.http_headers
            status = (
                http.get_statuscode() if http is not None and record.rec_type != "request" else None
            )
            found.append(
                Record(
                    offset=records.get_record_offset(),  # reads the record to its end
                    length=records.get_record_length(),
                    type=record.rec_type,
                    uri=(record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>"),
                    status=int(status) if status and status.isdigit() else None,
                    content_type=http.get_header("content-type") if http is not None else None,
                )
            )
    return found


def count(records: Iterable[Record], **wanted: object) -> int:
    """How many records have every attribute given (`type="revisit"`, `is_http=True`...)."""
    return sum(all(getattr(r, k) == v for k, v in wanted.items()) for r in records)


def warcio_bodies(path: Path) -> dict[str, bytes]:
    """URI -> body of every HTTP response of a file, as warcio decodes it (chunking and
    Content-Encoding undone by warcio's own readers, not scamrank's)."""
    bodies: dict[str, bytes] = {}
    with path.open("rb") as handle, redirect_stderr(io.StringIO()):
        for record in ArchiveIterator(handle):
            if record.rec_type == "response" and record.http_headers is not None:
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
                bodies[uri] = record.content_stream().read()
    return bodies
