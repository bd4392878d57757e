"""Pages per second of live capture at concurrency 32, from a server on 127.0.0.1 that delays
every response by 100 ms, next to the ceiling that delay allows (32 / 0.1 s = 320 pages/s).

Run with `make bench`; prints figures, asserts nothing, stops by itself (640 pages). The whole
live path runs: guarded resolution and connection, link choice, WARC writing, cases.csv. The
server runs in a child process, as a real site is elsewhere: its threads would otherwise take
the capture's interpreter lock. Besides the rate, the capture's CPU time per page is printed: on
a shared machine the rate follows the load, the CPU time much less, and the capture cannot go
faster than its CPU time allows (32 pages in flight at 100 ms need under 3.1 ms a page).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from multiprocessing.connection import Connection
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


def _server_process(port_out: Connection) -> None:
    """The child process: serve the shops until killed."""
    server = LocalServer(delay=DELAY)
    _serve(server)
    port_out.send(server.port)
    threading.Event().wait()


def _once(port: int) -> tuple[float, float]:
    """One capture of every shop: the pages per second and the capture's CPU ms per page."""
    fetch = FetchOptions(
        allow_private=True,  # the server is on loopback
        hosts={},  # no DNS: *.localhost names only
        concurrency=CONCURRENCY,
        per_host=2,
        max_pages=PAGES,
    )
    now = datetime.now(UTC)
    items = [
        Reported(f"s{i}", f"http://shop{i}.localhost:{port}/", now, i + 1) for i in range(SITES)
    ]
    options = LiveOptions(fetch=fetch, rdap=None)  # sites at once: the default
    with tempfile.TemporaryDirectory() as tmp:
        started, cpu = time.perf_counter(), time.process_time()
        run = run_capture(items, Path(tmp) / "bench", options)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    pages = sum(o.pages for o in run.outcomes)
    ceiling = CONCURRENCY / DELAY
    print(
        f"live capture: {SITES} sites, {pages} pages ({run.requests} requests) in {seconds:.2f} s"
    )
    print(
        f"  {pages / seconds:8.1f} pages/s at concurrency {CONCURRENCY}, {DELAY * 1000:.0f} ms a "
        f"response; ceiling {ceiling:.0f} pages/s ({pages / seconds / ceiling:.0%} of it); "
        f"capture CPU {cpu / max(pages, 1) * 1000:.2f} ms a page"
    )
    for outcome in run.outcomes:
        if outcome.failure is not None:  # none expected: a failure here is a finding
            print(f"  failed: {outcome.url}: {outcome.failure}")
    return pages / seconds / ceiling, cpu / max(pages, 1) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="captures to run, for the spread")
    args = parser.parse_args()
    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(target=_server_process, args=(send,), daemon=True)
    server.start()
    try:
        if not receive.poll(30):
            sys.exit("the bench server did not start within 30 s")
        port = receive.recv()
        runs = [_once(port) for _ in range(max(1, args.repeat))]
    finally:
        server.kill()
        server.join()
    if len(runs) > 1:
        shares, cpus = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"  over {len(runs)} runs: {statistics.median(shares):.0%} of the ceiling (median; "
            f"{min(shares):.0%} to {max(shares):.0%}), CPU {statistics.median(cpus):.2f} ms a "
            f"page ({min(cpus):.2f} to {max(cpus):.2f})"
        )


if __name__ == "__main__":
    main()
