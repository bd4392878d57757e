"""Capturing a list of reported sites into a case bundle: the evidence every score comes from.

Each site is captured (capture/crawl.py) while its domain is looked up (capture/rdap_client.py);
its responses are written as WARC request and response records, the RDAP answer as
rdap/<domain>.json, and its row goes into cases.csv last, so that a case in cases.csv has all
its evidence. What failed is kept in two extra columns, `capture_error` and `rdap_error`, that
the bundle reader turns into notes. One failing site never stops the run; an interrupted run
continues with `resume`, skipping the cases already in the bundle.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from capture.bundle import CAPTURE_ERROR, RDAP_ERROR
from capture.crawl import SiteCapture, capture_site
from capture.domains import registrable_domain
from capture.errors import BundleError
from capture.fetch import Failure, Fetcher, FetchOptions, Hop
from capture.rdap_client import RdapClient, RdapOptions, rdap_name
from capture.reported import Reported
from capture.writer import BundleWriter

log = logging.getLogger(__name__)

# gzip level of the WARC records a live run writes. Compressing is most of a live capture's CPU
# time on real pages (173 KB on average in ../shared/corpora/real-pages): level 6, the
# writer's default, takes 3.6 ms a page there, level 3 1.65 ms, for files 12% larger (22.1% of
# the pages' size instead of 19.8%). The records are the same, byte for byte, once decompressed.
LIVE_GZIP_LEVEL = 3


def sites_at_once(concurrency: int) -> int:
    """Sites captured at once by default: a quarter more than the requests in flight. A site
    has one request out while its reported page comes and none while its links are read, so as
    many sites as request slots leave slots idle; beyond about 1.5 times, the transport's
    connection cap (two origins per slot) starts closing connections still in use. In the live
    capture bench (tests/benchmarks/capture_speed.py, 32 slots): 79% of the ceiling with 32
    sites, 84% with 40 and 48, 79% with 64."""
    return max(1, concurrency + concurrency // 4)


@dataclass(frozen=True)
class LiveOptions:
    """A live run: fetch limits, RDAP lookups (None: none), sites at once, and resuming."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    rdap: RdapOptions | None = None
    sites: int | None = None  # sites captured at once (None: sites_at_once(fetch.concurrency))
    resume: bool = False  # continue a bundle: its cases are not captured again
    flush_every: float = 5.0  # seconds between rewrites of cases.csv during a run
    gzip_level: int = LIVE_GZIP_LEVEL  # of the WARC records: 1 (fastest) to 9 (smallest)


@dataclass(frozen=True)
class SiteOutcome:
    """What became of one reported site in a run."""

    case_id: str
    url: str
    pages: int = 0
    failure: Failure | None = None
    rdap_error: str | None = None
    seconds: float = 0.0
    resumed: bool = False  # already in the bundle: not captured again


@dataclass
class LiveRun:
    """A finished (or interrupted) run: one outcome per site done, and how long it took."""

    outcomes: list[SiteOutcome] = field(default_factory=list)
    seconds: float = 0.0
    requests: int = 0

    @property
    def failed(self) -> Counter[str]:
        """Sites whose reported page could not be captured, by kind of failure."""
        return Counter(o.failure.kind for o in self.outcomes if o.failure is not None)

    @property
    def resumed(self) -> int:
        return sum(o.resumed for o in self.outcomes)


def warc_body(hop: Hop) -> bytes:
    """The body as a WARC record must hold it. The client undid the chunked transfer coding,
    so a response that declared it gets its body back as one chunk: headers as received,
    framing valid for any reader."""
    encoding = (hop.header("transfer-encoding") or "").lower()
    if "chunked" not in encoding:
        return hop.body
    if not hop.body:
        return b"0\r\n\r\n"
    return f"{len(hop.body):x}\r\n".encode("ascii") + hop.body + b"\r\n0\r\n\r\n"


def write_capture(writer: BundleWriter, capture: SiteCapture) -> int:
    """Write every response of a site capture as WARC; returns how many were written."""
    written = 0
    for fetched in capture.fetches:
        for hop in fetched.hops:
            writer.add_response(
                hop.url,
                hop.status,
                list(hop.headers),
                warc_body(hop),
                hop.fetched_at,
                reason=hop.reason or None,
                request_headers=list(hop.request_headers),
                ip_address=hop.ip_address,
            )
            written += 1
    return written


def _rdap_file(root: Path, domain: str) -> Path | None:
    try:
        name = rdap_name(domain)
    except ValueError:  # idna.IDNAError is a ValueError
        return None
    return root / "rdap" / f"{name}.json"


async def _site(
    item: Reported,
    fetcher: Fetcher,
    rdap: RdapClient | None,
    writer: BundleWriter,
) -> SiteOutcome:
    started = time.monotonic()
    domain = registrable_domain(item.url)
    rdap_path = _rdap_file(writer.root, domain)
    if rdap is not None and rdap_path is not None and not rdap_path.exists():
        # Looked up while the site is fetched. An answer already in the bundle is kept as it
        # is, so that the cases scored from it keep their scores.
        capture, answer = await asyncio.gather(capture_site(fetcher, item.url), rdap.lookup(domain))
    else:
        capture, answer = await capture_site(fetcher, item.url), None
    write_capture(writer, capture)
    rdap_error = None
    if answer is not None:
        if answer.raw is not None and answer.record is not None:
            if rdap_path is not None and not rdap_path.exists():
                writer.add_rdap(rdap_path.stem, answer.raw)
        else:
            rdap_error = answer.error
    for note in capture.notes:
        log.info("case %s: %s", item.case_id, note)
    writer.add_case(
        item.case_id,
        item.url,
        item.reported_at,
        item.outcome,
        **item.extra,
        **{CAPTURE_ERROR: str(capture.failure or ""), RDAP_ERROR: rdap_error or ""},
    )
    return SiteOutcome(
        item.case_id,
        item.url,
        capture.pages,
        capture.failure,
        rdap_error,
        time.monotonic() - started,
    )


def _resumed(item: Reported, writer: BundleWriter) -> SiteOutcome | None:
    row = writer.existing_case(item.case_id)
    if row is None:
        return None
    error = row.get(CAPTURE_ERROR, "")
    kind, _, detail = error.partition(": ")
    return SiteOutcome(
        item.case_id,
        row.get("url", item.url),
        failure=Failure(kind, detail) if error else None,
        rdap_error=row.get(RDAP_ERROR) or None,
        resumed=True,
    )


async def capture_reported(
    items: Iterable[Reported],
    bundle_dir: Path,
    options: LiveOptions | None = None,
    on_site: Callable[[SiteOutcome], None] | None = None,
) -> LiveRun:
    """Capture every reported site into the bundle at `bundle_dir`; `on_site` hears of each
    site as it is done. BundleError when the folder already holds cases and `resume` is off."""
    options = options or LiveOptions()
    todo = list(items)
    if (bundle_dir / "cases.csv").exists() and not options.resume:
        raise BundleError(
            f"{bundle_dir} already holds a case bundle: pass --resume to continue it, or give "
            "another folder"
        )
    run = LiveRun()
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    writer = BundleWriter(
        bundle_dir,
        # One WARC file per run: a run killed mid-record never damages the file a resumed
        # run appends to.
        snapshot_key=lambda _: f"live-{stamp}",
        warcinfo={
            "software": "scamrank live capture",
            "http-header-user-agent": options.fetch.user_agent,
            "description": "reported shop sites, captured for consumer-protection triage",
        },
        user_agent=options.fetch.user_agent,
        gzip_level=options.gzip_level,
    )
    queue: asyncio.Queue[Reported] = asyncio.Queue()
    for item in todo:
        queue.put_nowait(item)
    last_flush = time.monotonic()

    def done(outcome: SiteOutcome) -> None:
        nonlocal last_flush
        run.outcomes.append(outcome)
        if time.monotonic() - last_flush > options.flush_every:
            writer.flush()
            last_flush = time.monotonic()
        if on_site is not None:
            on_site(outcome)

    with writer:
        async with Fetcher(options.fetch) as fetcher:
            rdap = RdapClient(fetcher, options.rdap) if options.rdap is not None else None

            async def worker() -> None:
                while not queue.empty():
                    item = queue.get_nowait()
                    resumed = _resumed(item, writer)
                    if resumed is not None:
                        done(resumed)
                        continue
                    try:
                        outcome = await _site(item, fetcher, rdap, writer)
                    except Exception as exc:  # a bug on one site must not stop the run
                        log.warning("case %s: capture failed", item.case_id, exc_info=True)
                        failure = Failure("error", f"{type(exc).__name__}: {exc}")
                        if writer.existing_case(item.case_id) is None:
                            writer.add_case(
                                item.case_id,
                                item.url,
                                item.reported_at,
                                item.outcome,
                                **item.extra,
                                **{CAPTURE_ERROR: str(failure), RDAP_ERROR: ""},
                            )
                        outcome = SiteOutcome(item.case_id, item.url, failure=failure)
                    done(outcome)

            try:
                sites = options.sites
                if sites is None:
                    sites = sites_at_once(options.fetch.concurrency)
                await asyncio.gather(*(worker() for _ in range(max(1, sites))))
            finally:
                run.seconds = time.monotonic() - started
                run.requests = fetcher.requests
    return run


def run_capture(
    items: Iterable[Reported],
    bundle_dir: Path,
    options: LiveOptions | None = None,
    on_site: Callable[[SiteOutcome], None] | None = None,
) -> LiveRun:
    """capture_reported, from code that is not async (the command line)."""
    return asyncio.run(capture_reported(items, bundle_dir, options, on_site))
