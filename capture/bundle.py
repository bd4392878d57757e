"""Opening a case bundle: its cases, an index of its WARC captures, and one Site per case.

`open_bundle` reads cases.csv (fatal when missing or invalid) and makes one streaming pass over
each WARC file under snapshots/. `Bundle.site(case)` then gathers the case's pages (the landing
page after redirects first, then the other HTML pages of the site by URL), loads only their
bodies, and reads rdap/<domain>.json. It never raises: what went wrong is a note on the Site
and a logged warning.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit, urlunsplit

from capture.cases import read_cases
from capture.charset import decode_html
from capture.domains import registrable_domain
from capture.errors import BundleError, RdapError
from capture.rdap import read_rdap_noted
from capture.site import Case, Page, RdapRecord, Site
from capture.warc import (
    MAX_PAGE_BYTES,
    Capture,
    CaptureIndex,
    WarcScan,
    is_warc_file,
    media_type,
    open_warc,
    read_fault,
    read_payload,
    resolve_revisits,
    scan_warc,
    url_key,
)

__all__ = [
    "MAX_PAGES",
    "MAX_REDIRECTS",
    "Bundle",
    "BundleError",  # re-exported: callers of open_bundle catch it from here
    "BundleStats",
    "PagePlan",
    "find_case_capture",
    "follow_redirects",
    "merge_scans",
    "open_bundle",
    "plan_pages",
    "read_bundle_head",
]

logger = logging.getLogger(__name__)

MAX_PAGES = 50  # per site: enough for a shop's legal, product and checkout pages
MAX_REDIRECTS = 10  # hops followed from one URL, as browsers (about 20) and crawlers (5-10) do
SNAPSHOTS = "snapshots"
RDAP = "rdap"
# Extra cases.csv columns a live capture writes: why the site or its RDAP answer is missing.
CAPTURE_ERROR = "capture_error"
RDAP_ERROR = "rdap_error"


@dataclass
class BundleStats:
    """Counts over every WARC record read, to judge a bundle at a glance."""

    warc_files: int = 0
    warc_files_with_faults: int = 0
    records_read: int = 0
    responses_indexed: int = 0  # HTTP response records read (the latest per URL is used)
    urls_indexed: int = 0  # distinct URLs, after keeping each one's latest capture
    revisits: int = 0
    revisits_resolved: int = 0  # revisits whose original response was found
    revisits_unresolved: int = 0  # skipped: their original is in none of the files
    redirects: int = 0
    error_responses: int = 0  # HTTP 4xx and 5xx
    non_html_skipped: int = 0  # successful responses that are not HTML (images, CSS...)
    other_records: int = 0  # warcinfo, request, metadata, resource, non-HTTP records


@dataclass(frozen=True)
class PagePlan:
    """Which captures are a case's pages, before any body is read."""

    domain: str
    domains: frozenset[str]  # the case's domain, plus the landing domain after redirects
    pages: tuple[tuple[Capture, str | None], ...]  # (capture, URL first asked for)
    non_html: int
    notes: tuple[str, ...]


class Bundle:
    """An opened case bundle: its cases, bundle-level warnings and stats, and its sites."""

    def __init__(
        self,
        root: Path,
        cases: list[Case],
        warnings: list[str],
        stats: BundleStats,
        index: CaptureIndex,
        damaged_files: list[str],
    ) -> None:
        self.root = root
        self.cases = cases
        self.warnings = warnings
        self.stats = stats
        self._index = index
        self._damaged_files = damaged_files

    def __repr__(self) -> str:
        return f"Bundle({str(self.root)!r}, {len(self.cases)} cases, {len(self._index)} URLs)"

    def sites(self) -> Iterator[Site]:
        """One Site per case, in cases.csv order."""
        for case in self.cases:
            yield self.site(case)

    def site(self, case: Case) -> Site:
        """Everything captured for one case. Never raises: faults become notes."""
        try:
            return self._site(case)
        except Exception as exc:  # a bug or an unforeseen file must not stop a batch of cases
            logger.warning("case %s: the site could not be read", case.case_id, exc_info=True)
            return Site(
                case=case,
                domain=registrable_domain(case.url),
                notes=(f"the site could not be read: {type(exc).__name__}: {exc}",),
            )

    def _site(self, case: Case) -> Site:
        plan = plan_pages(case, self._index)
        notes = list(plan.notes)
        failed = case.extra.get(CAPTURE_ERROR, "").strip()
        if failed:
            # Written by a live capture (capture/live.py): the first thing to know of the case.
            notes.insert(0, f"live capture failed: {failed}")
        for note in notes:
            logger.info("case %s: %s", case.case_id, note)
        pages = self._load_pages(case, plan, notes)
        if not pages and plan.pages:
            _warn(case, notes, f"none of the {len(plan.pages)} captured pages could be read")
        elif not pages:
            _warn(case, notes, f"no captured page for {case.url} in {SNAPSHOTS}/{self._why_none()}")
        return Site(
            case=case,
            domain=plan.domain,
            pages=tuple(pages),
            rdap=self._rdap(case, plan.domain, notes),
            notes=tuple(notes),
            non_html_skipped=plan.non_html,
        )

    def _why_none(self) -> str:
        if not (self.root / SNAPSHOTS).is_dir():
            return " (the bundle has no snapshots/ folder)"
        if self._damaged_files:
            names = ", ".join(self._damaged_files[:3])
            more = len(self._damaged_files) - 3
            return f" (damaged WARC files: {names}{f' and {more} more' if more > 0 else ''})"
        return ""

    def _load_pages(self, case: Case, plan: PagePlan, notes: list[str]) -> list[Page]:
        """The planned pages with their bodies, reading each WARC file once, in plan order."""
        loaded: dict[int, Page] = {}
        by_file: dict[tuple[Path, bool], list[int]] = {}
        for position, (capture, _) in enumerate(plan.pages):
            by_file.setdefault((capture.file, capture.gzip_whole), []).append(position)
        for (path, gzip_whole), positions in by_file.items():
            try:
                handle = open_warc(path, gzip_whole)
            except OSError as exc:
                _warn(case, notes, f"{path.name} cannot be opened: {exc.strerror or exc}")
                continue
            with handle:
                for position in positions:
                    capture, requested = plan.pages[position]
                    page = self._load_page(case, handle, capture, requested, notes)
                    if page is not None:
                        loaded[position] = page
        return [loaded[position] for position in sorted(loaded)]

    def _load_page(
        self,
        case: Case,
        handle: BinaryIO,
        capture: Capture,
        requested: str | None,
        notes: list[str],
    ) -> Page | None:
        where = f"{capture.file.name} at offset {capture.offset}"
        try:
            payload = read_payload(
                handle,
                capture.offset,
                # a resolved revisit reads its original, recorded under the original's URL
                expected_url=None if capture.revisit else capture.url,
            )
        except Exception as exc:  # one damaged record must not lose the site's other pages
            fault = read_fault(capture, exc)  # the file looked at again: cut, damaged, changed
            _warn(case, notes, f"page {capture.url} could not be read ({where}): {fault}")
            return None
        if capture.fault:
            _warn(
                case,
                notes,
                f"page {capture.url} comes from a damaged record ({where}): {capture.fault}",
            )
        if payload.truncated:
            _warn(case, notes, f"page {capture.url} is larger than {MAX_PAGE_BYTES} bytes: cut")
        text, charset = decode_html(payload.body, capture.content_type)
        return Page(
            url=capture.url,
            html=text,
            status=capture.status,
            charset=charset,
            captured_at=capture.captured_at,
            requested_url=requested,
        )

    def _rdap(self, case: Case, domain: str, notes: list[str]) -> RdapRecord | None:
        folder = self.root / RDAP
        for name in _rdap_names(domain):
            path = folder / name
            if not path.is_file():
                continue
            shown = f"{RDAP}/{name}"
            try:
                record, rdap_notes = read_rdap_noted(path)
            except Exception as exc:  # a broken RDAP file loses the RDAP facts, not the pages
                reason = str(exc).removeprefix(f"{path}: ")
                if not isinstance(exc, RdapError):
                    reason = f"{type(exc).__name__}: {reason}"
                _warn(case, notes, f"{shown} unreadable: {reason}: RDAP unknown")
                return None
            notes.extend(f"{shown}: {note}" for note in rdap_notes)
            if record.domain not in {n.removesuffix(".json") for n in _rdap_names(domain)}:
                _warn(case, notes, f"{shown} is about {record.domain}, not {domain}: not used")
                return None
            return record
        unknown = case.extra.get(RDAP_ERROR, "").strip()
        if unknown:
            notes.append(f"RDAP unknown: {unknown}")
        return None


def open_bundle(root: Path) -> Bundle:
    """Open a case bundle folder: cases.csv must be valid; snapshots/ and rdap/ are optional.

    Raises BundleError when the folder or cases.csv is missing or cases.csv is invalid. WARC
    faults do not raise: they are in `Bundle.warnings`, each naming the file and the offset.
    """
    cases, files, warnings = read_bundle_head(root)
    return merge_scans(root, cases, [scan_warc(path) for path in files], warnings)


def read_bundle_head(root: Path) -> tuple[list[Case], list[Path], list[str]]:
    """Cases, WARC files (each for `scan_warc`, anywhere) and warnings of a bundle folder."""
    if not root.is_dir():
        raise BundleError(f"{root}: not a folder (a case bundle is a folder holding cases.csv)")
    cases = read_cases(root / "cases.csv")
    warnings: list[str] = []
    snapshots = root / SNAPSHOTS
    files = sorted(p for p in snapshots.glob("*") if is_warc_file(p)) if snapshots.is_dir() else []
    if snapshots.is_dir() and not files:
        warnings.append(f"{SNAPSHOTS}/ holds no .warc or .warc.gz file")
    return cases, files, warnings


def merge_scans(
    root: Path, cases: list[Case], scans: list[WarcScan], warnings: list[str]
) -> Bundle:
    """The opened bundle from the scans of its WARC files, in file order, as `open_bundle`
    makes it: stats and warnings counted, revisits resolved across files, one index."""
    warnings = list(warnings)
    stats = BundleStats()
    for scan in scans:
        stats.warc_files += 1
        stats.records_read += scan.records
        stats.other_records += scan.other_records
        if scan.faults:
            stats.warc_files_with_faults += 1
            warnings.extend(f"{SNAPSHOTS}/{fault}" for fault in scan.faults)

    captures = [capture for scan in scans for capture in scan.captures]
    revisits = [revisit for scan in scans for revisit in scan.revisits]
    resolved, unresolved = resolve_revisits(captures, revisits)
    stats.responses_indexed = len(captures)
    stats.revisits = len(revisits)
    stats.revisits_resolved = len(resolved)
    stats.revisits_unresolved = unresolved
    for capture in [*captures, *resolved]:
        if capture.is_redirect:
            stats.redirects += 1
        elif capture.is_error:
            stats.error_responses += 1
        elif capture.is_success and not capture.html:
            stats.non_html_skipped += 1
    if unresolved:
        warnings.append(
            f"{unresolved} revisit records point at responses that are in none of the WARC "
            "files: skipped"
        )
    index = CaptureIndex([*captures, *resolved])
    stats.urls_indexed = len(index)
    for warning in warnings:
        logger.warning("%s: %s", root.name, warning)
    damaged = [scan.path.name for scan in scans if not scan.complete or scan.faults]
    return Bundle(root, cases, warnings, stats, index, damaged)


def plan_pages(case: Case, index: CaptureIndex) -> PagePlan:
    """Which captures are the case's pages: the landing page (the case URL after redirects)
    first, then every other HTML page of the site's domains by URL, at most MAX_PAGES."""
    domain = registrable_domain(case.url)
    notes: list[str] = []
    domains = {domain}
    landing: Capture | None = None
    landing_requested: str | None = None

    start = find_case_capture(case.url, index)
    if start is not None:
        if url_key(start.url) != url_key(case.url):
            notes.append(f"the case URL was captured as {start.url}")
        final, problem = follow_redirects(index, start.url)
        if problem:
            notes.append(problem)
        if final is not None and not final.is_redirect:
            landing_domain = registrable_domain(final.url)
            if landing_domain and landing_domain != domain:
                domains.add(landing_domain)
                notes.append(
                    f"the case URL redirects to another domain, {landing_domain} ({final.url}): "
                    "the pages of that domain belong to this case too"
                )
            if final.is_success and final.html:
                landing = final
                if url_key(final.url) != url_key(case.url):
                    landing_requested = case.url
            elif final.is_success:
                kind = media_type(final.content_type) or "no Content-Type"
                notes.append(f"the case URL leads to {final.url}, which is not HTML ({kind})")
            else:
                notes.append(f"the case URL answered HTTP {final.status} ({final.url})")

    others: dict[str, Capture] = {}
    requested: dict[str, str] = {}
    non_html = errors = 0
    for site_domain in sorted(domains):
        for key in index.urls_of(site_domain):
            capture = index.get(key)
            if capture is None:
                continue
            if capture.is_redirect:
                final, problem = follow_redirects(index, capture.url)
                if problem and problem not in notes:
                    notes.append(problem)
                if final is not None and final.is_success and final.html:
                    requested.setdefault(url_key(final.url), capture.url)
            elif capture.is_success:
                if capture.html:
                    others[key] = capture
                else:
                    non_html += 1
            elif capture.is_error:
                errors += 1
    if errors == 1:
        notes.append("1 error response (HTTP 4xx/5xx) of this site is not a page")
    elif errors:
        notes.append(f"{errors} error responses (HTTP 4xx/5xx) of this site are not pages")

    if landing is not None:
        others.pop(url_key(landing.url), None)
    ordered = sorted(others.values(), key=lambda capture: capture.url)
    pages = [(landing, landing_requested)] if landing is not None else []
    pages += [(capture, requested.get(url_key(capture.url))) for capture in ordered]
    if len(pages) > MAX_PAGES:
        notes.append(
            f"{len(pages)} HTML pages captured: only the first {MAX_PAGES} are kept "
            "(the landing page, then by URL)"
        )
        pages = pages[:MAX_PAGES]
    return PagePlan(
        domain=domain,
        domains=frozenset(domains),
        pages=tuple(pages),
        non_html=non_html,
        notes=tuple(notes),
    )


def find_case_capture(url: str, index: CaptureIndex) -> Capture | None:
    """The capture of a case URL: exactly, else with the other scheme, with or without `www.`,
    or with or without a trailing slash (investigators write URLs the way they were reported)."""
    for candidate in _url_variants(url):
        capture = index.get(candidate)
        if capture is not None:
            return capture
    return None


def follow_redirects(index: CaptureIndex, url: str) -> tuple[Capture | None, str | None]:
    """The capture a URL's redirects lead to, and what stopped them when they went wrong.

    The capture returned is still a redirect when the chain loops, is too long, or leads to a
    URL that was not captured; None when the URL itself was not captured.
    """
    capture = index.get(url)
    chain = [capture.url] if capture is not None else [url]
    seen = {url_key(url)}
    while capture is not None and capture.is_redirect:
        target = capture.location or ""
        key = url_key(target)
        if key in seen:
            return capture, f"redirect loop: {' -> '.join([*chain, target])}"
        if len(chain) > MAX_REDIRECTS:
            return capture, (
                f"more than {MAX_REDIRECTS} redirects from {chain[0]}: stopped at {capture.url}"
            )
        following = index.get(target)
        if following is None:
            return capture, f"{capture.url} redirects to {target}, which was not captured"
        seen.add(key)
        chain.append(following.url)
        capture = following
    return capture, None


def _url_variants(url: str) -> Iterator[str]:
    key = url_key(url)
    yield key
    try:
        parts = urlsplit(key)
        host = parts.hostname or ""
    except ValueError:
        return
    port = f":{parts.port}" if parts.port else ""
    other_scheme = {"http": "https", "https": "http"}.get(parts.scheme, parts.scheme)
    other_host = host[4:] if host.startswith("www.") else f"www.{host}"
    paths = [parts.path]
    if parts.path != "/":
        paths.append(parts.path[:-1] if parts.path.endswith("/") else f"{parts.path}/")
    for path in paths:
        for scheme, name in (
            (parts.scheme, host),
            (other_scheme, host),
            (parts.scheme, other_host),
            (other_scheme, other_host),
        ):
            yield urlunsplit((scheme, f"{name}{port}", path, parts.query, ""))


def _rdap_names(domain: str) -> list[str]:
    """File names rdap/ may hold for a domain: as written, and in IDNA (xn--) form."""
    names = [f"{domain}.json"]
    try:
        ascii_name = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return names
    if ascii_name != domain:
        names.append(f"{ascii_name}.json")
    return names


def _warn(case: Case, notes: list[str], note: str) -> None:
    notes.append(note)
    logger.warning("case %s: %s", case.case_id, note)
