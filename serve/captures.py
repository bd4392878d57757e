"""The captured pages of a case, read back from its evidence WARC files for the case page.

Only what capture wrote is read: the pages are listed from the WARC index (URL, HTTP status,
capture time) and a page's HTML is decoded from its record. Nothing is ever fetched again from
the site; the page router serves the HTML under a sandboxing Content-Security-Policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from capture.charset import decode_html
from capture.warc import Capture, is_warc_file, open_warc, read_payload, resolve_revisits, scan_warc


@dataclass(frozen=True)
class CapturedPage:
    """One captured response as the case page lists it; `n` is its number in the list."""

    n: int
    url: str
    status: int
    captured_at: datetime | None
    content_type: str | None
    html: bool  # only HTML pages get a view
    location: str | None  # where a redirect pointed
    fault: str | None  # what was wrong with the record, if anything
    capture: Capture


@dataclass(frozen=True)
class Evidence:
    pages: list[CapturedPage]
    notes: list[str]  # faults of the WARC files and anything else that could not be listed


class CaptureUnavailable(LookupError):
    """A capture that cannot be shown: no such number, not an HTML page, or unreadable."""


def list_captures(evidence: str | None) -> Evidence:
    """Every HTTP response in the case's evidence folder (`snapshots/*.warc[.gz]`), in file and
    record order (stable while capture appends), revisits resolved to their original's body.
    Never raises: a missing folder or a damaged file becomes a note."""
    if not evidence:
        return Evidence([], ["no evidence was captured for this case yet"])
    folder = Path(evidence) / "snapshots"
    if not folder.is_dir():
        return Evidence([], ["the evidence of this case has no snapshots folder"])
    captures: list[Capture] = []
    revisits = []
    notes: list[str] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and is_warc_file(p)):
        scan = scan_warc(path)
        captures.extend(scan.captures)
        revisits.extend(scan.revisits)
        notes.extend(scan.faults)
    resolved, unresolved = resolve_revisits(captures, revisits)
    if unresolved:
        notes.append(f"{unresolved} revisit records point at no captured response")
    pages = [
        CapturedPage(
            n=n,
            url=c.url,
            status=c.status,
            captured_at=c.captured_at,
            content_type=c.content_type,
            html=c.html,
            location=c.location,
            fault=c.fault,
            capture=c,
        )
        for n, c in enumerate([*captures, *resolved])
    ]
    if not pages and not notes:
        notes.append("the evidence WARC files hold no HTTP response")
    return Evidence(pages, notes)


def captured_html(evidence: str | None, n: int) -> str:
    """The decoded HTML of capture `n` of a case's evidence, as it was captured.

    Raises CaptureUnavailable (with a message naming the capture) when there is no such
    capture, it is not an HTML page, or its record cannot be read.
    """
    pages = list_captures(evidence).pages
    if not 0 <= n < len(pages):
        raise CaptureUnavailable(f"no capture {n}: this case has {len(pages)}")
    page = pages[n]
    if not page.html:
        kind = page.content_type or "no content type"
        raise CaptureUnavailable(f"capture {n} ({page.url}) is not an HTML page ({kind})")
    try:
        with open_warc(page.capture.file, page.capture.gzip_whole) as handle:
            payload = read_payload(handle, page.capture.offset)
    except Exception as exc:  # a damaged record: say which, never a 500
        raise CaptureUnavailable(
            f"capture {n} ({page.url}) cannot be read: {type(exc).__name__}: {exc}"
        ) from exc
    text, _ = decode_html(payload.body, payload.content_type)
    return text
