"""Pages per second of the feature pipeline, beside a bare lxml parse and trafilatura.extract of
the same pages in the same run. Run with `make bench`; prints figures, asserts nothing."""

from __future__ import annotations

import contextlib
import gzip
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import trafilatura

from capture.bundle import open_bundle
from capture.charset import decode_html
from capture.site import Case, Page, Site
from features.pipeline import extract

ROOT = Path(__file__).resolve().parents[2]
REAL_PAGES = ROOT.parent / "shared" / "corpora" / "real-pages"


def _timed(label: str, pages: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"  {label:<28} {pages / seconds:8.1f} pages/s  ({seconds:.2f} s)")
    return seconds


def _lxml_all(htmls: list[str]) -> None:
    for html in htmls:
        # Empty documents raise; the pipeline survives them too.
        with contextlib.suppress(Exception):
            lxml.html.fromstring(html)


def _trafilatura_all(htmls: list[str]) -> None:
    for html in htmls:
        trafilatura.extract(html)


def _report(name: str, sites: list[Site]) -> None:
    htmls = [p.html for s in sites for p in s.pages]
    print(
        f"{name}: {len(sites)} sites, {len(htmls)} pages, {sum(map(len, htmls)) / 1e6:.1f} M chars"
    )
    pipeline = _timed(
        "feature pipeline", len(htmls), lambda: [extract(s) for s in sites if s.pages]
    )
    bare = _timed("lxml.html.fromstring", len(htmls), lambda: _lxml_all(htmls))
    traf = _timed("trafilatura.extract", len(htmls), lambda: _trafilatura_all(htmls))
    print(
        f"  pipeline time / trafilatura time = {pipeline / traf:.2f} (target <= 0.5); "
        f"pipeline time / lxml time = {pipeline / bare:.1f}"
    )


def _real_pages() -> list[Site]:
    sites = []
    reported = datetime(2025, 1, 1, tzinfo=UTC)
    for path in sorted(REAL_PAGES.glob("*.html.gz")):
        html, charset = decode_html(gzip.decompress(path.read_bytes()), None)
        url = f"https://{path.name[:12]}.example/"
        sites.append(
            Site(
                Case(path.name, url, reported, None),
                f"{path.name[:12]}.example",
                (Page(url, html, 200, charset),),
            )
        )
    return sites


def main() -> None:
    print(f"python {sys.version.split()[0]}, command: make bench")
    bundle = open_bundle(ROOT / "data" / "sample")
    _report("data/sample", [s for s in bundle.sites() if s.pages])
    if REAL_PAGES.is_dir():
        _report("shared/corpora/real-pages (one page per site)", _real_pages())
    else:
        print(f"skipped real pages: {REAL_PAGES} is absent")


if __name__ == "__main__":
    main()
