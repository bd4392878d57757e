"""Fetching from real HTTP servers on 127.0.0.1: limits, redirects, the address guard, cookies.

Every name used resolves without DNS: `*.localhost` is loopback (RFC 6761, as browsers do),
`*.invalid` never resolves, and `hosts=` stands in for DNS where another name is needed.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from collections.abc import Iterator

import pytest

from capture.crawl import capture_site
from capture.fetch import Fetched, Fetcher, FetchOptions
from tests.capture.live_servers import (
    LocalServer,
    Reply,
    chunked,
    dripping,
    endless,
    garbage,
    gzip_bomb,
    redirect,
    slow,
)

# Loopback allowed, and only 127.0.0.1: everything the tests serve lives there.
LOCAL = FetchOptions(
    allowed_networks=("127.0.0.1/32",),
    connect_timeout=2.0,
    read_timeout=0.5,
    page_timeout=1.5,
    site_timeout=5.0,
    max_bytes=1_000_000,
    hosts={},  # no DNS: only the names the tests map (none here) and *.localhost resolve
)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    server = LocalServer()
    page = "<html><head><title>Boutique</title></head><body><p>Bonjour</p></body></html>"
    server.route("ok.localhost", "/", Reply(page))
    server.route("ok.localhost", "/a", redirect("/b", 301))
    server.route("ok.localhost", "/b", redirect(f"http://ok.localhost:{server.port}/c", 307))
    server.route("ok.localhost", "/c", Reply(page))
    server.route("ok.localhost", "/ftp", redirect("ftp://ok.localhost/file"))
    server.route("ok.localhost", "/to-other-loopback", redirect(f"http://127.0.0.2:{server.port}/"))
    server.route(
        "ok.localhost",
        "/gz",
        Reply(gzip.compress(page.encode()), headers=[("Content-Encoding", "gzip")]),
    )
    server.route("ok.localhost", "/chunked", chunked(page.encode() * 20))
    for i in range(15):
        server.route("ok.localhost", f"/hop{i}", redirect(f"/hop{i + 1}"))
    server.route("loop.localhost", "/", redirect("/x"))
    server.route("loop.localhost", "/x", redirect("/"))
    server.route("slow.localhost", "/", slow(5))
    server.route("drip.localhost", "/", dripping)
    server.route("endless.localhost", "/", endless)
    server.route("huge.localhost", "/", Reply(b"<html>" + b"a" * 1_200_000))
    server.route("bomb.localhost", "/", gzip_bomb(30_000_000))
    server.route(
        "binary.localhost",
        "/",
        Reply(bytes(range(256)) * 40, content_type="application/octet-stream"),
    )
    server.route(
        "image.localhost", "/", Reply(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")
    )
    server.route(
        "untyped.localhost",
        "/",
        Reply(b"<!DOCTYPE html><html><body>hi</body></html>", content_type=None),
    )
    server.route("garbage.localhost", "/", garbage)
    server.route(
        "badgzip.localhost",
        "/",
        Reply(b"\x1f\x8b\x08 not gzip", headers=[("Content-Encoding", "gzip")]),
    )
    yield server
    server.stop()


def fetch(url: str, options: FetchOptions = LOCAL, **kwargs: object) -> Fetched:
    async def run() -> Fetched:
        async with Fetcher(options) as fetcher:
            return await fetcher.get(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())


def test_a_page_is_kept_as_sent_with_the_request_that_asked_for_it(server: LocalServer) -> None:
    result = fetch(server.url("ok.localhost", "/gz"))
    hop = result.final
    assert result.failure is None and hop is not None
    assert hop.status == 200 and hop.reason == "OK"
    assert hop.body.startswith(b"\x1f\x8b")  # the content coding is kept, as evidence
    assert hop.ip_address == "127.0.0.1"
    sent = dict(hop.request_headers)
    assert sent["User-Agent"].startswith("scamrank/")
    assert sent["Host"] == f"ok.localhost:{server.port}"
    assert sent["Accept-Encoding"] == "gzip, deflate, br"


def test_redirects_are_followed_hop_by_hop_and_each_is_kept(server: LocalServer) -> None:
    result = fetch(server.url("ok.localhost", "/a"))
    assert [h.status for h in result.hops] == [301, 307, 200]
    assert result.final is not None and result.final.url.endswith("/c")


def test_a_redirect_loop_stops_with_the_chain(server: LocalServer) -> None:
    result = fetch(server.url("loop.localhost"))
    assert result.failure is not None and result.failure.kind == "redirects"
    assert "redirect loop" in result.failure.detail
    assert len(result.hops) == 2


def test_too_many_redirects_stop_at_the_limit(server: LocalServer) -> None:
    options = FetchOptions(**{**LOCAL.__dict__, "max_redirects": 10})
    result = fetch(server.url("ok.localhost", "/hop0"), options)
    assert result.failure is not None and result.failure.kind == "redirects"
    assert len(result.hops) == 11
    assert server.paths("ok.localhost").count("/hop11") == 0


def test_a_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    result = fetch(server.url("ok.localhost", "/ftp"))
    assert result.failure is not None and result.failure.kind == "refused"
    assert "only http and https" in result.failure.detail


def test_loopback_is_refused_without_allow_private(server: LocalServer) -> None:
    before = len(server.log)
    guarded = FetchOptions(hosts={})
    by_name = fetch(server.url("ok.localhost"), guarded)
    by_address = fetch(f"http://127.0.0.1:{server.port}/", guarded)
    assert by_name.failure is not None and by_name.failure.kind == "refused"
    assert "ok.localhost resolves to 127.0.0.1, which is a loopback address" in str(by_name.failure)
    assert by_address.failure is not None and by_address.failure.kind == "refused"
    assert len(server.log) == before  # refused before connecting: the server heard nothing


def test_a_name_mapped_to_a_loopback_address_is_refused_too(server: LocalServer) -> None:
    guarded = FetchOptions(hosts={"boutique-exemple.fr": "127.0.0.1"})
    result = fetch(f"http://boutique-exemple.fr:{server.port}/", guarded)
    assert result.failure is not None and result.failure.kind == "refused"


def test_every_redirect_hop_is_checked_against_the_address_policy(server: LocalServer) -> None:
    result = fetch(server.url("ok.localhost", "/to-other-loopback"))
    assert [h.status for h in result.hops] == [302]
    assert result.failure is not None and result.failure.kind == "refused"
    assert "127.0.0.2 is a loopback address" in result.failure.detail


def test_names_that_do_not_resolve_fail_as_dns(server: LocalServer) -> None:
    for url in ("http://nowhere.invalid/", f"http://unmapped-shop.fr:{server.port}/"):
        result = fetch(url)
        assert result.failure is not None and result.failure.kind == "dns", url


def test_a_silent_server_times_out_on_read(server: LocalServer) -> None:
    # Which limit fired is in the failure's words: the read timeout (0.5 s of silence), not the
    # page limit (1.5 s) nor the server's late answer (5 s). No wall clock to flake on a busy CI.
    started = time.monotonic()
    result = fetch(server.url("slow.localhost"))
    assert result.failure is not None and result.failure.kind == "timeout"
    assert result.failure.detail == (
        f"{server.url('slow.localhost')}: the server stayed silent for 0.5 s"
    )
    assert result.hops == ()
    assert time.monotonic() - started >= LOCAL.read_timeout  # a timeout never fires early


def test_a_server_that_drips_is_stopped_by_the_page_time_limit(server: LocalServer) -> None:
    # A byte every 0.2 s never trips the read timeout (0.5 s): only the page limit stops it.
    started = time.monotonic()
    result = fetch(server.url("drip.localhost"))
    assert result.failure is not None and result.failure.kind == "timeout"
    assert result.failure.detail == f"{server.url('drip.localhost')} took over 1.5 s to answer"
    assert time.monotonic() - started >= LOCAL.page_timeout


@pytest.mark.parametrize("host", ["endless.localhost", "huge.localhost", "bomb.localhost"])
def test_bodies_over_the_size_limit_are_refused_while_streaming(
    server: LocalServer, host: str
) -> None:
    result = fetch(server.url(host))
    assert result.failure is not None and result.failure.kind == "too-large"
    assert result.hops == ()


@pytest.mark.parametrize("host", ["binary.localhost", "image.localhost"])
def test_pages_that_are_not_html_are_refused(server: LocalServer, host: str) -> None:
    result = fetch(server.url(host))
    assert result.failure is not None and result.failure.kind == "not-html"


def test_a_page_with_no_content_type_is_sniffed(server: LocalServer) -> None:
    assert fetch(server.url("untyped.localhost")).final is not None


def test_a_body_that_is_not_in_its_coding_fails_as_bad_encoding(server: LocalServer) -> None:
    result = fetch(server.url("badgzip.localhost"))
    assert result.failure is not None and result.failure.kind == "bad-encoding"


def test_an_answer_that_is_not_http_fails_as_protocol(server: LocalServer) -> None:
    result = fetch(server.url("garbage.localhost"))
    assert result.failure is not None and result.failure.kind == "protocol"


def test_a_refused_connection_fails_as_connect() -> None:
    idle = LocalServer()
    port = idle.port
    idle.stop()  # nothing listens on the port any more
    result = fetch(f"http://closed.localhost:{port}/")
    assert result.failure is not None and result.failure.kind == "connect"


def test_tls_to_a_server_that_speaks_plain_http_fails_as_tls(server: LocalServer) -> None:
    result = fetch(f"https://ok.localhost:{server.port}/")
    assert result.failure is not None and result.failure.kind == "tls"


def test_a_chunked_page_is_read_whole(server: LocalServer) -> None:
    hop = fetch(server.url("ok.localhost", "/chunked")).final
    assert hop is not None and hop.header("transfer-encoding") == "chunked"
    assert hop.body.count(b"Bonjour") == 20


def test_requests_to_one_host_stay_under_the_per_host_limit() -> None:
    server = LocalServer()
    total = 8
    changed = threading.Condition()
    state = {"now": 0, "most": 0, "started": 0}

    def counted(handler: object) -> None:
        with changed:
            state["now"] += 1
            state["started"] += 1
            state["most"] = max(state["most"], state["now"])
            changed.notify_all()
            # Held until a second request is in flight (or none is left to come): the overlap
            # the limit allows is reached by design, not by how fast a busy machine runs.
            changed.wait_for(lambda: state["now"] >= 2 or state["started"] == total, timeout=5)
            state["now"] -= 1
        Reply("<html><body>p</body></html>").send(handler)  # type: ignore[arg-type]

    for i in range(total):
        server.route("busy.localhost", f"/p{i}", counted)
    slack = {"read_timeout": 10.0, "page_timeout": 10.0}  # a held request is not a silent one
    options = FetchOptions(**{**LOCAL.__dict__, "per_host": 2, **slack})

    async def run() -> list[Fetched]:
        async with Fetcher(options) as fetcher:
            urls = [server.url("busy.localhost", f"/p{i}") for i in range(total)]
            return await asyncio.gather(*(fetcher.get(u) for u in urls))

    try:
        results = asyncio.run(run())
    finally:
        server.stop()
    assert all(r.final is not None for r in results)
    assert state["most"] == 2


def test_cookies_set_by_a_site_are_sent_back_to_it_only() -> None:
    server = LocalServer()
    home = '<html><body><a href="/produit/robe">Robe</a></body></html>'
    server.route("a.localhost", "/", Reply(home, headers=[("Set-Cookie", "consent=yes; Path=/")]))
    server.route("a.localhost", "/produit/robe", Reply("<html><body>robe</body></html>"))
    server.route("b.localhost", "/", Reply(home))
    server.route("b.localhost", "/produit/robe", Reply("<html><body>robe</body></html>"))

    async def run() -> None:
        async with Fetcher(LOCAL) as fetcher:
            await capture_site(fetcher, server.url("a.localhost"))
            await capture_site(fetcher, server.url("b.localhost"))

    try:
        asyncio.run(run())
    finally:
        server.stop()
    sent = {(host, path): headers.get("Cookie") for host, path, headers in server.log}
    assert sent[("a.localhost", "/produit/robe")] == "consent=yes"
    assert sent[("b.localhost", "/produit/robe")] is None
