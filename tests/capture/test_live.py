"""Capturing a list of reported sites into a case bundle, from real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import csv
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from capture.bundle import open_bundle
from capture.errors import BundleError
from capture.fetch import FetchOptions
from capture.live import (
    LiveOptions,
    LiveRun,
    SiteOutcome,
    capture_reported,
    run_capture,
    sites_at_once,
)
from capture.rdap_client import RdapOptions, load_bootstrap
from capture.reported import Reported, parse_reported
from tests.capture.live_servers import (
    LocalServer,
    RdapServer,
    Reply,
    chunked,
    gzip_bomb,
    rdap_record,
    redirect,
    slow,
)
from tests.capture.shops import ATELIER, serve_shops

NOW = datetime(2025, 3, 14, 9, 12, tzinfo=UTC)
FETCH = FetchOptions(
    allowed_networks=("127.0.0.1/32",),
    hosts={},  # no DNS at all
    read_timeout=0.5,
    page_timeout=1.5,
    site_timeout=4.0,
    max_bytes=1_000_000,
)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[LocalServer, RdapServer]]:
    web, rdap = LocalServer(), RdapServer()
    serve_shops(web)
    web.route("slow.localhost", "/", slow(5))
    web.route("bomb.localhost", "/", gzip_bomb(20_000_000))
    web.route("loop.localhost", "/", redirect("/again"))
    web.route("loop.localhost", "/again", redirect("/"))
    web.route("chunky.localhost", "/", chunked(ATELIER["/"].encode("utf-8")))
    for name in ("atelier.localhost", "promo.localhost", "maison.localhost"):
        rdap.records[name] = rdap_record(name)
    yield web, rdap
    web.stop()
    rdap.stop()


def options(rdap: RdapServer, **changes: object) -> LiveOptions:
    bootstrap = load_bootstrap(rdap.bootstrap("localhost"))
    rdap_options = RdapOptions(bootstrap=bootstrap, tries=2, backoff=0.05)
    return LiveOptions(**{"fetch": FETCH, "rdap": rdap_options, "sites": 4, **changes})  # type: ignore[arg-type]


def reported(web: LocalServer, *hosts: str) -> list[Reported]:
    text = "\n".join(web.url(host) if "." in host else host for host in hosts)
    return parse_reported(text, NOW).items


HOSTS = (
    "atelier.localhost",
    "promo.localhost",
    "maison.localhost",
    "gone.localhost",
    "mojibake.localhost",
    "slow.localhost",
    "bomb.localhost",
    "loop.localhost",
    "chunky.localhost",
    "nowhere.invalid",
)


CUT_OFF = {"slow.localhost", "bomb.localhost"}  # their one request gets no response kept


@pytest.fixture(scope="module")
def heard() -> list[tuple[str, str]]:
    """(host, path) of every request the web server received during the `captured` run."""
    return []


@pytest.fixture(scope="module")
def captured(
    servers: tuple[LocalServer, RdapServer],
    tmp_path_factory: pytest.TempPathFactory,
    heard: list[tuple[str, str]],
) -> tuple[Path, LiveRun]:
    web, rdap = servers
    bundle = tmp_path_factory.mktemp("live") / "evidence"
    before = len(web.log)
    run = run_capture(reported(web, *HOSTS), bundle, options(rdap))
    heard.extend((host, path) for host, path, _ in web.log[before:])
    return bundle, run


def _outcome(run: LiveRun, host: str) -> SiteOutcome:
    return next(o for o in run.outcomes if host in o.url)


def test_every_site_has_an_outcome_and_failures_say_what_failed(
    captured: tuple[Path, LiveRun],
) -> None:
    _, run = captured
    assert len(run.outcomes) == len(HOSTS)
    kinds = {
        host: (o.failure.kind if o.failure else None)
        for host in HOSTS
        for o in [_outcome(run, host)]
    }
    assert kinds == {
        "atelier.localhost": None,
        "promo.localhost": None,
        "maison.localhost": None,
        "gone.localhost": "http",
        "mojibake.localhost": None,
        "slow.localhost": "timeout",
        "bomb.localhost": "too-large",
        "loop.localhost": "redirects",
        "chunky.localhost": None,
        "nowhere.invalid": "dns",
    }
    assert run.failed == {"http": 1, "timeout": 1, "too-large": 1, "redirects": 1, "dns": 1}


def test_key_pages_are_captured_within_the_page_budget_on_the_site_only(
    captured: tuple[Path, LiveRun], servers: tuple[LocalServer, RdapServer]
) -> None:
    web, _ = servers
    # The home page and the seven key pages it links to, and nothing else: not the blog, the
    # image or Facebook. They are as many as the page budget, so the budget is all used.
    key = ["/", "/mentions-legales", "/cgv", "/contact", "/livraison", "/panier"]
    key += ["/produit/robe-lin", "/produit/sac-cuir"]
    assert len(key) == FETCH.max_pages
    assert _outcome(captured[1], "atelier.localhost").pages == len(key)
    assert sorted(set(web.paths("atelier.localhost"))) == sorted(key)
    assert all(host.endswith((".localhost", ".invalid")) for host, _, _ in web.log)


def test_the_bundle_holds_every_case_with_what_failed(captured: tuple[Path, LiveRun]) -> None:
    bundle, _ = captured
    with (bundle / "cases.csv").open(encoding="utf-8") as handle:
        rows = {row["url"].split("//")[1].split(":")[0]: row for row in csv.DictReader(handle)}
    assert set(rows) == {h.split("/")[0] for h in HOSTS}
    assert rows["atelier.localhost"]["capture_error"] == ""
    assert rows["atelier.localhost"]["reported_at"] == "2025-03-14T09:12:00Z"
    assert rows["slow.localhost"]["capture_error"].startswith("timeout: ")
    assert rows["mojibake.localhost"]["rdap_error"].endswith("no such domain (HTTP 404)")
    assert sorted(p.name for p in (bundle / "rdap").iterdir()) == [
        "atelier.localhost.json",
        "maison.localhost.json",
        "promo.localhost.json",
    ]


def test_the_warc_has_request_and_response_records_with_dates_and_digests(
    captured: tuple[Path, LiveRun], heard: list[tuple[str, str]]
) -> None:
    bundle, _ = captured
    (warc,) = (bundle / "snapshots").glob("live-*.warc.gz")
    kinds: dict[str, int] = {}
    with warc.open("rb") as handle:
        for record in ArchiveIterator(handle):
            kinds[record.rec_type] = kinds.get(record.rec_type, 0) + 1
            assert record.rec_headers.get_header("WARC-Date")
            if record.rec_type == "response":
                assert record.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
                assert record.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
            if record.rec_type == "request":
                agent = record.http_headers.get_header("User-Agent")
                assert agent.startswith("scamrank/")
    assert kinds["warcinfo"] == 1
    # One response (and its request) per answer the server gave, redirects and the 404 too;
    # the silent and the oversized sites were cut off by the limits before any answer.
    answered = [(host, path) for host, path in heard if host not in CUT_OFF]
    assert {host for host, _ in answered} == set(HOSTS) - CUT_OFF - {"nowhere.invalid"}
    assert kinds["request"] == kinds["response"] == len(answered)


def test_the_bundle_reads_back_as_sites_to_score(
    captured: tuple[Path, LiveRun], servers: tuple[LocalServer, RdapServer]
) -> None:
    bundle, _ = captured
    sites = {site.domain: site for site in open_bundle(bundle).sites()}
    atelier = sites["atelier.localhost"]
    assert len(atelier.pages) == FETCH.max_pages  # its key pages fill the budget exactly
    assert atelier.pages[0].url == servers[0].url("atelier.localhost")
    assert any("732 829 320" in page.html for page in atelier.pages)
    assert atelier.rdap is not None and atelier.rdap.registered_at is not None
    maison = sites["maison.localhost"]
    urls = [page.url for page in maison.pages]
    assert urls[0].endswith("/fr/") and maison.pages[0].requested_url is not None
    assert any(u.endswith("/fr/produits/vase") for u in urls)  # the consent cookie was kept
    assert any(u.endswith("/fr/panier") for u in urls)  # linked from the product page only
    # Bytes that are not the UTF-8 they claim: decoded as a browser would, never a crash.
    assert "Cr\ufffdme br\ufffdl\ufffde" in sites["mojibake.localhost"].pages[0].html
    assert "RDAP unknown:" in " ".join(sites["mojibake.localhost"].notes)
    assert "Robe en lin" in sites["chunky.localhost"].pages[0].html  # re-chunked, read whole
    assert sites["slow.localhost"].notes[0].startswith("live capture failed: timeout: ")
    assert sites["gone.localhost"].pages == ()


def test_a_bundle_that_holds_cases_is_not_written_into_without_resume(
    captured: tuple[Path, LiveRun], servers: tuple[LocalServer, RdapServer]
) -> None:
    web, rdap = servers
    with pytest.raises(BundleError, match="--resume"):
        run_capture(reported(web, "promo.localhost"), captured[0], options(rdap))


def test_an_interrupted_run_resumes_where_it_stopped(
    servers: tuple[LocalServer, RdapServer], tmp_path: Path
) -> None:
    web, rdap = servers
    hosts = ("atelier.localhost", "promo.localhost", "maison.localhost", "nowhere.invalid")
    items = reported(web, *hosts)
    bundle = tmp_path / "evidence"

    async def interrupted() -> None:
        task = asyncio.current_task()
        assert task is not None

        def stop_after_first(outcome: SiteOutcome) -> None:
            task.cancel()  # as Ctrl-C does to the run

        await capture_reported(items, bundle, options(rdap, sites=1), stop_after_first)

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(interrupted())
    saved = open_bundle(bundle).cases
    assert len(saved) == 1  # cases.csv was written on the way out
    before = len(web.log)
    run = run_capture(items, bundle, options(rdap, resume=True))
    assert run.resumed == len(saved) and len(run.outcomes) == len(hosts)
    again = [
        path
        for host, path, _ in web.log[before:]
        if host == saved[0].url.split("/")[2].split(":")[0]
    ]
    assert again == []  # the saved site was not fetched again
    assert len(open_bundle(bundle).cases) == len(hosts)


def _gzip_xfl(path: Path) -> set[int]:
    """The XFL byte of every gzip member of a file: zlib writes 4 at level 1, 2 at level 9 and
    0 in between, so it tells which level wrote the member."""
    data, flags, pos = path.read_bytes(), set(), 0
    while pos < len(data):
        decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
        decompressor.decompress(data[pos:])
        flags.add(data[pos + 8])
        pos = len(data) - len(decompressor.unused_data)
    return flags


@pytest.mark.parametrize(("level", "xfl"), [(1, 4), (None, 0), (9, 2)])
def test_the_warc_records_are_compressed_at_the_run_s_gzip_level(
    servers: tuple[LocalServer, RdapServer], tmp_path: Path, level: int | None, xfl: int
) -> None:
    web, _ = servers
    changes = {} if level is None else {"gzip_level": level}
    run = LiveOptions(fetch=FETCH, rdap=None, **changes)  # type: ignore[arg-type]
    run_capture(reported(web, "atelier.localhost"), tmp_path / "b", run)
    (warc,) = (tmp_path / "b" / "snapshots").iterdir()
    assert _gzip_xfl(warc) == {xfl}  # the default, LIVE_GZIP_LEVEL (3), writes 0
    with warc.open("rb") as handle:
        kinds = [record.rec_type for record in ArchiveIterator(handle)]
    assert kinds[0] == "warcinfo" and kinds.count("response") >= 2


@pytest.mark.parametrize("sites", [None, 4])
def test_by_default_more_sites_are_open_than_request_slots_so_a_freed_slot_is_taken_at_once(
    tmp_path: Path, sites: int | None
) -> None:
    # Four slots, one request per host, five shops whose home page links one key page, every
    # answer 0.5 s late. With the default (sites_at_once(4) == 5), the fifth shop is open from
    # the start and its home page takes the first slot freed; with only as many sites as
    # slots, the fifth shop starts once a whole shop is done, so after a key page was answered.
    delay = 0.5
    web = LocalServer(delay=delay)
    try:
        hosts = [f"shop{i}.localhost" for i in range(5)]
        for host in hosts:
            web.route(host, "/", Reply('<html><body><a href="/cgv">CGV</a></body></html>'))
            web.route(host, "/cgv", Reply("<html><body>Conditions de vente</body></html>"))
        fetch = FetchOptions(
            allowed_networks=("127.0.0.1/32",), hosts={}, concurrency=4, per_host=1
        )
        run = run_capture(
            reported(web, *hosts), tmp_path / "b", LiveOptions(fetch=fetch, sites=sites)
        )
        fifth_home = web.arrivals("shop4.localhost", "/")[0]
        first_key = min(t for host in hosts for t in web.arrivals(host, "/cgv"))
    finally:
        web.stop()
    assert sites_at_once(4) == 5 and [o.pages for o in run.outcomes] == [2] * 5
    assert (fifth_home < first_key + delay) is (sites is None)


def test_sites_at_once_exceed_the_request_slots_by_a_quarter_and_stay_under_one_and_a_half() -> (
    None
):
    for concurrency in range(1, 300):
        sites = sites_at_once(concurrency)
        assert 1 <= sites <= max(1, 1.5 * concurrency)
        assert sites > concurrency or concurrency < 4
