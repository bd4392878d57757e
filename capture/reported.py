"""Reading a list of reported URLs: one URL a line, or a CSV with `case_id,url[,reported_at]`.

Lines are taken as investigators paste them: a bare domain gets `https://`, a defanged URL
(`hxxps://shop[.]fr`) is restored, a Unicode host name becomes punycode, a URL seen twice is
kept once. What cannot be used is reported with its line number, and the rest goes on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import idna

from capture.addresses import parse_address
from capture.bundle import CAPTURE_ERROR, RDAP_ERROR
from capture.isotime import OUT_OF_RANGE, parse_utc_checked
from capture.site import OUTCOMES
from capture.spreadsheet import case_id_problem
from capture.warc import url_key

# Columns the capture writes itself into cases.csv: never taken from the input.
RESERVED_COLUMNS = (CAPTURE_ERROR, RDAP_ERROR)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^(javascript|mailto|data|tel|file|about|ftp|ws|wss):", re.IGNORECASE)
_DEFANGED_DOTS = re.compile(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]", re.IGNORECASE)
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")
# Browsers and search engines handle about 2,000 characters; longer is not a shop's address.
MAX_URL_LENGTH = 2048
# C0 and C1 controls and DEL (NUL among them); tabs and newlines are refused as white space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Reported:
    """One site to capture: the URL normalised, and where it came from."""

    case_id: str
    url: str
    reported_at: datetime  # UTC
    line: int
    outcome: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportedList:
    """The usable lines of a list, and a message for each line that was not used."""

    items: list[Reported]
    problems: list[str]
    duplicates: int = 0


def case_id_for(url: str) -> str:
    """A case id made from the URL, so that a rerun (or --resume) gives the same one."""
    return "url-" + hashlib.sha256(url_key(url).encode("utf-8")).hexdigest()[:12]


def _host(host: str) -> tuple[str | None, str | None]:
    """(ASCII host, None) or (None, problem): punycode for Unicode names, checks for others."""
    host = host.rstrip(".").lower()
    if not host:
        return None, "no host name"
    if parse_address(host) is not None:
        return host, None
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            return None, f"host {host!r} is not a valid domain name ({exc})"
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None, f"host {host!r} is not a domain name"
    return host, None


def normalise_url(text: str) -> tuple[str | None, str | None]:
    """(URL, None) for a usable http(s) URL or bare domain, else (None, what is wrong).

    Longer than MAX_URL_LENGTH, or holding a NUL or another control character, is refused:
    no browser or crawler sends such a URL, and they break logs, CSV files and file names.
    """
    if len(text) > MAX_URL_LENGTH * 2:
        # Checked before any work on the text, so a huge line costs nothing more.
        return None, f"the URL is {len(text):,} characters long (at most {MAX_URL_LENGTH:,})"
    value = text.strip().strip("<>\"'").strip()
    if not value:
        return None, "empty"
    control = next((char for char in value if _CONTROL.match(char)), None)
    if control is not None:
        return None, (f"{value[:80]!r} holds the control character U+{ord(control):04X}: not a URL")
    if len(value) > MAX_URL_LENGTH:
        return None, f"the URL is {len(value):,} characters long (at most {MAX_URL_LENGTH:,})"
    # Defanged, as threat reports write them: hxxps://shop[.]fr
    value = re.sub(r"^hxxp", "http", value, flags=re.IGNORECASE)
    value = _DEFANGED_DOTS.sub(".", value).replace("[:]", ":")
    if any(char.isspace() for char in value):
        return None, f"{text.strip()!r} is not a URL (it contains white space)"
    if _SCHEME.match(value) is None:
        if _OTHER_SCHEME.match(value):
            return None, f"{value!r}: only http and https URLs can be captured"
        value = "https:" + value if value.startswith("//") else "https://" + value
    try:
        parts = urlsplit(value)
        port = parts.port
        hostname = parts.hostname or ""
    except ValueError as exc:
        return None, f"{value!r} is not a valid URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return None, f"{value!r}: only http and https URLs can be captured"
    if parts.username or parts.password:
        return None, f"{value!r} carries a user name or password"
    host, problem = _host(hostname)
    if host is None:
        return None, f"{value!r}: {problem}"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), None


def read_reported(path: Path, now: datetime) -> ReportedList:
    """The reported URLs of a file; `now` is the report time of lines that give none."""
    raw = path.read_bytes()
    problems: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows save in windows-1252: take it rather than refuse the list.
        text = raw.decode("cp1252", "replace")
        problems.append(f"{path.name}: not UTF-8 text, read as windows-1252")
    result = parse_reported(text, now, source=path.name)
    result.problems[:0] = problems
    return result


def parse_reported(text: str, now: datetime, source: str = "list") -> ReportedList:
    """The reported URLs of a text: a CSV when its first line names a `url` column, else one
    URL a line (blank lines and lines starting with `#` are skipped)."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        header = [c.strip().lower() for c in next(csv.reader([lines[first]]))]
        if "url" in header:
            return _parse_csv(text, now, source)
    result = ReportedList([], [])
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        url, problem = normalise_url(line)
        if url is None:
            result.problems.append(f"{source}, line {number}: {problem}")
            continue
        _add(result, seen, Reported(case_id_for(url), url, now, number), source)
    return result


def _add(result: ReportedList, seen: dict[str, int], item: Reported, source: str) -> None:
    key = url_key(item.url)
    if key in seen:
        result.duplicates += 1
        result.problems.append(
            f"{source}, line {item.line}: {item.url} is already on line {seen[key]}: "
            "captured and scored once"
        )
        return
    seen[key] = item.line
    result.items.append(item)


def _parse_csv(text: str, now: datetime, source: str) -> ReportedList:
    result = ReportedList([], [])
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    seen: dict[str, int] = {}
    ids: dict[str, int] = {}
    line = 0
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problems.append(f"{source}, line {reader.line_num}: unreadable CSV: {exc}")
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [c.strip().lower() for c in row]
            continue
        values = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        item, problem = _csv_item(values, header, start, now)
        if item is None:
            result.problems.append(f"{source}, line {start}: {problem}")
            continue
        if item.case_id in ids and url_key(item.url) not in seen:
            result.problems.append(
                f"{source}, line {start}: case_id {item.case_id!r} is already on line "
                f"{ids[item.case_id]} for another URL"
            )
            continue
        ids.setdefault(item.case_id, start)
        _add(result, seen, item, source)
    return result


def _csv_item(
    values: dict[str, str], header: list[str], line: int, now: datetime
) -> tuple[Reported | None, str | None]:
    url, problem = normalise_url(values.get("url", ""))
    if url is None:
        return None, f"column 'url': {problem}"
    reported_at = now
    when = values.get("reported_at", "")
    if when:
        parsed, why = parse_utc_checked(when)
        if parsed is None and why == OUT_OF_RANGE:
            return None, f"column 'reported_at': timestamp {when!r} is {why}"
        if parsed is None:
            return None, (
                f"column 'reported_at': bad timestamp {when!r} (expected ISO-8601 such as "
                "2025-03-14T09:12:00Z or 2025-03-14)"
            )
        reported_at = parsed
    outcome = values.get("outcome", "").lower() or None
    if outcome is not None and outcome not in OUTCOMES:
        return None, f"column 'outcome': {outcome!r} is not one of {', '.join(OUTCOMES)}"
    known = {"case_id", "url", "reported_at", "outcome", *RESERVED_COLUMNS}
    extra = {name: values[name] for name in header if name and name not in known}
    case_id = values.get("case_id", "") or case_id_for(url)
    problem = case_id_problem(case_id)
    if problem:
        return None, f"column 'case_id': {problem}"
    return Reported(case_id, url, reported_at, line, outcome, extra), None
