"""Pages per second of live capture at concurrency 32, from a server on 127.0.0.1 that delays
every response by 100 ms, next to the ceiling that delay allows (32 / 0.1 s = 320 pages/s).

Run with `make bench`; prints figures, asserts nothing, stops by itself (640 pages). The whole
live path runs: guarded resolution and connection, link choice, WARC writing, cases.csv.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the test servers live in tests/

from capture.fetch import FetchOptions  # noqa: E402 - after the path is set
from capture.live import LiveOptions, run_capture  # noqa: E402
from capture.reported import Reported  # noqa: E402
from tests.capture.live_servers import LocalServer, Reply  # noqa: E402

DELAY = 0.1  # seconds the server waits before every response
CONCURRENCY = 32
SITES = 80
PAGES = 8  # per site: the home page and seven key pages


def _serve(server: LocalServer) -> None:
    links = [
        ("/mentions-legales", "Mentions légales"),
        ("/cgv", "CGV"),
        ("/contact", "Contact"),
        ("/livraison", "Livraison"),
        ("/produit/a", "Robe"),
        ("/produit/b", "Sac"),
        ("/panier", "Panier"),
    ]
    home = "<html><body>" + "".join(f'<a href="{p}">{t}</a>' for p, t in links)
    home += "<p>" + "Texte de la boutique. " * 400 + "</p></body></html>"  # ~9 KB, as shops
    page = "<html><body><p>" + "Contenu de la page. " * 400 + "</p></body></html>"
    for i in range(SITES):
        host = f"shop{i}.localhost"
        server.route(host, "/", Reply(home))
        for path, _ in links:
            server.route(host, path, Reply(page))


def main() -> None:
    server = LocalServer(delay=DELAY)
    _serve(server)
    fetch = FetchOptions(
        allow_private=True,  # the server is on loopback
        hosts={},  # no DNS: *.localhost names only
        concurrency=CONCURRENCY,
        per_host=2,
        max_pages=PAGES,
    )
    now = datetime.now(UTC)
    items = [Reported(f"s{i}", server.url(f"shop{i}.localhost"), now, i + 1) for i in range(SITES)]
    options = LiveOptions(fetch=fetch, rdap=None, sites=CONCURRENCY)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            run = run_capture(items, Path(tmp) / "bench", options)
            seconds = time.perf_counter() - started
    finally:
        server.stop()
    pages = sum(o.pages for o in run.outcomes)
    ceiling = CONCURRENCY / DELAY
    print(
        f"live capture: {SITES} sites, {pages} pages ({run.requests} requests) in {seconds:.2f} s"
    )
    print(
        f"  {pages / seconds:8.1f} pages/s at concurrency {CONCURRENCY}, {DELAY * 1000:.0f} ms a "
        f"response; ceiling {ceiling:.0f} pages/s ({pages / seconds / ceiling:.0%} of it)"
    )
    for outcome in run.outcomes:
        if outcome.failure is not None:  # none expected: a failure here is a finding
            print(f"  failed: {outcome.url}: {outcome.failure}")


if __name__ == "__main__":
    main()
