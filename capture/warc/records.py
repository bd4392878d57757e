"""What a WARC holds for scamrank: captures, revisits and payloads, and the HTTP facts about them.

Shared by the scanner, the payload reader and the revisit resolver: record types, `url_key`
(how captures are matched), HTML detection by Content-Type and sniffing, and record-header helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


# Content-Types that say nothing about the body: the body is sniffed, as browsers do.
UNKNOWN_TYPES = frozenset(
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


SNIFF_BYTES = 1024


READ_BLOCK = 64 * 1024


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
    start = head.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\n\r\x0c")[:SNIFF_BYTES].lower()
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
    if kind in UNKNOWN_TYPES:
        return head is not None and sniff_html(head)
    return False


def target_uri(value: str | None) -> str:
    """WARC-Target-URI without the `<...>` that wget (1.19 to 1.21) wraps it in."""
    uri = (value or "").strip()
    if uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1].strip()
    return uri


def http_status(headers: Any) -> int | None:
    try:
        code = int(headers.get_statuscode())
    except (TypeError, ValueError):
        return None
    return code if 100 <= code <= 599 else None
