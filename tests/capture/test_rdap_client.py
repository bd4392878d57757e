"""RDAP lookups against a real RDAP server on 127.0.0.1, found through a bootstrap override."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from capture.fetch import Fetcher, FetchOptions
from capture.rdap_client import (
    RdapAnswer,
    RdapClient,
    RdapOptions,
    load_bootstrap,
    refresh_bootstrap,
    retry_after,
)
from tests.capture.live_servers import RdapServer, Reply, rdap_record

LOCAL = FetchOptions(allowed_networks=("127.0.0.1/32",), hosts={}, read_timeout=2.0)


@pytest.fixture(scope="module")
def rdap() -> Iterator[RdapServer]:
    server = RdapServer()
    for name in ("shop-a.localhost", "cached.localhost", "busy.localhost", "twice.localhost"):
        server.records[name] = rdap_record(name)
    server.records["xn--bijoux-t-h1ab.localhost"] = rdap_record("xn--bijoux-t-h1ab.localhost")
    server.records["broken.localhost"] = b"<html>not json</html>"
    server.records["deep.localhost"] = b"[" * 100_000 + b"]" * 100_000
    server.records["year-one.localhost"] = rdap_record(
        "year-one.localhost", registered="0001-01-01T00:00:00+01:00"
    )
    yield server
    server.stop()


def lookup(
    server: RdapServer, *domains: str, clock: float | None = None, **options: object
) -> list[RdapAnswer]:
    rdap_options = RdapOptions(bootstrap=load_bootstrap(server.bootstrap("localhost")), **options)  # type: ignore[arg-type]

    async def run() -> list[RdapAnswer]:
        async with Fetcher(LOCAL) as fetcher:
            client = RdapClient(fetcher, rdap_options, clock=lambda: clock or time.time())
            return await asyncio.gather(*(client.lookup(d) for d in domains))

    return asyncio.run(run())


def test_a_lookup_gives_the_record_and_the_raw_answer(rdap: RdapServer) -> None:
    (answer,) = lookup(rdap, "shop-a.localhost")
    assert answer.error is None and answer.record is not None
    assert answer.record.domain == "shop-a.localhost"
    assert answer.raw == rdap.records["shop-a.localhost"]
    assert answer.url == f"http://127.0.0.1:{rdap.port}/rdap/domain/shop-a.localhost"
    headers = next(h for _, path, h in rdap.log if path.endswith("/shop-a.localhost"))
    assert "application/rdap+json" in headers["Accept"]


def test_lookups_of_one_domain_at_once_ask_once(rdap: RdapServer) -> None:
    answers = lookup(rdap, "twice.localhost", "twice.localhost", "twice.localhost")
    assert all(a.record is not None for a in answers)
    assert rdap.asked("twice.localhost") == 1


def test_answers_are_cached_on_disk_until_their_ttl(rdap: RdapServer, tmp_path: Path) -> None:
    now = time.time()
    lookup(rdap, "cached.localhost", clock=now, cache_dir=tmp_path)
    (again,) = lookup(rdap, "cached.localhost", clock=now + 60, cache_dir=tmp_path)
    assert again.cached and again.raw == rdap.records["cached.localhost"]
    assert rdap.asked("cached.localhost") == 1
    (later,) = lookup(rdap, "cached.localhost", clock=now + 2 * 86400, cache_dir=tmp_path)
    assert not later.cached and rdap.asked("cached.localhost") == 2


def test_an_unknown_domain_is_unknown_with_the_reason_and_cached(
    rdap: RdapServer, tmp_path: Path
) -> None:
    (answer,) = lookup(rdap, "absent.localhost", cache_dir=tmp_path)
    assert answer.record is None and answer.raw is None
    assert answer.error is not None and "no such domain (HTTP 404)" in answer.error
    lookup(rdap, "absent.localhost", cache_dir=tmp_path)
    assert rdap.asked("absent.localhost") == 1


def test_a_429_is_waited_out_as_retry_after_says(rdap: RdapServer) -> None:
    rdap.busy["busy.localhost"] = 1
    # The client's own backoff is short: only the server's Retry-After explains a longer wait.
    (answer,) = lookup(rdap, "busy.localhost", backoff=0.05)
    assert answer.record is not None and answer.raw == rdap.records["busy.localhost"]
    assert rdap.asked("busy.localhost") == 2
    # The gap between the two requests, measured where they arrived: Retry-After says 1 s.
    # A wait is only ever longer on a busy machine; the 0.1 s below it covers asyncio waking a
    # sleeper up to its clock resolution early, and a refused 429 (no wait) would show ~0 s.
    first, second = rdap.arrivals("127.0.0.1", "/rdap/domain/busy.localhost")
    assert second - first >= 0.9


def test_a_server_asking_for_too_long_a_wait_gives_an_unknown(rdap: RdapServer) -> None:
    rdap.busy["slow-registry.localhost"] = 100
    (answer,) = lookup(rdap, "slow-registry.localhost", max_wait=0.5)
    assert answer.error is not None and "HTTP 429, asked to wait 1 s" in answer.error
    assert rdap.asked("slow-registry.localhost") == 1


def test_retries_are_bounded(rdap: RdapServer) -> None:
    rdap.busy["always-busy.localhost"] = 100
    (answer,) = lookup(rdap, "always-busy.localhost", tries=2, backoff=0.05, max_wait=2)
    assert answer.error is not None and "after 2 tries" in answer.error
    assert rdap.asked("always-busy.localhost") == 2


def test_an_answer_that_is_not_rdap_gives_an_unknown(rdap: RdapServer) -> None:
    (answer,) = lookup(rdap, "broken.localhost")
    assert answer.error is not None and "not an RDAP domain object" in answer.error


def test_an_answer_nested_too_deeply_gives_an_unknown_not_a_crash(rdap: RdapServer) -> None:
    (answer,) = lookup(rdap, "deep.localhost")
    assert answer.record is None
    assert answer.error is not None and "nested too deeply" in answer.error


def test_an_answer_with_an_out_of_range_date_keeps_the_other_facts(rdap: RdapServer) -> None:
    (answer,) = lookup(rdap, "year-one.localhost")
    assert answer.error is None and answer.record is not None
    assert answer.record.registered_at is None
    assert answer.record.expires_at is not None and answer.record.registrar == "R"


def test_unicode_domains_are_asked_in_punycode(rdap: RdapServer) -> None:
    (answer,) = lookup(rdap, "bijoux-été.localhost")
    assert answer.record is not None and rdap.asked("xn--bijoux-t-h1ab.localhost") == 1


def test_no_request_is_made_for_a_tld_the_bootstrap_lacks(rdap: RdapServer) -> None:
    before = len(rdap.log)
    (answer,) = lookup(rdap, "tienda.es")
    assert answer.error == "no RDAP service for .es in the IANA bootstrap"
    (by_address,) = lookup(rdap, "127.0.0.1")
    assert by_address.error == "an IP address has no domain registration"
    assert len(rdap.log) == before


def test_a_real_registry_answer_is_kept_byte_for_byte(
    rdap: RdapServer, real_rdap_dir: Path
) -> None:
    raw = (real_rdap_dir / "afnic-fr__lemonde.fr.json").read_bytes()
    rdap.records["lemonde.fr"] = raw
    options = RdapOptions(bootstrap=load_bootstrap(rdap.bootstrap("fr")))

    async def run() -> RdapAnswer:
        async with Fetcher(LOCAL) as fetcher:
            return await RdapClient(fetcher, options).lookup("lemonde.fr")

    answer = asyncio.run(run())
    assert answer.raw == raw
    assert answer.record is not None and answer.record.registered_at is not None


def test_the_shipped_bootstrap_knows_the_registries() -> None:
    bootstrap = load_bootstrap()
    assert bootstrap.base_urls("boutique.fr") == ("https://rdap.nic.fr/",)
    assert bootstrap.base_urls("shop.co.uk") == bootstrap.base_urls("uk")
    assert bootstrap.publication.startswith("20")


def test_refresh_downloads_a_new_bootstrap_only_when_asked(
    rdap: RdapServer, tmp_path: Path
) -> None:
    rdap.route(
        "*", "/dns.json", Reply(json.dumps(rdap.bootstrap("shop")), content_type="application/json")
    )
    dest = tmp_path / "iana-dns-bootstrap.json"
    fresh = refresh_bootstrap(dest, f"http://127.0.0.1:{rdap.port}/dns.json", LOCAL)
    assert dest.is_file() and fresh.base_urls("a.shop") == (f"http://127.0.0.1:{rdap.port}/rdap/",)
    assert load_bootstrap(dest).services == fresh.services


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("7", now=0) == 7.0
    assert retry_after("Thu, 01 Jan 1970 00:01:40 GMT", now=40.0) == 60.0
    assert retry_after("soon", now=0) is None and retry_after(None, now=0) is None
