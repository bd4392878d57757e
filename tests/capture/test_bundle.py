"""Case bundles: sites assembled from WARC files written here, by wget and from real crawlers."""

from __future__ import annotations

import gzip
import json
import logging
import random
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import brotli
import pytest

from capture.bundle import MAX_PAGES, Bundle, open_bundle
from capture.errors import BundleError
from capture.site import Site
from tests.capture.warc_counts import count, warcio_records

MENTIONS = "Société Boutique A — capital social 1 000 € — SIRET 123 456 789 00012"
RDAP_A = {
    "objectClassName": "domain",
    "ldhName": "BOUTIQUE-A.FR.",
    "status": ["active"],
    "events": [{"eventAction": "registration", "eventDate": "2024-03-01T09:00:00Z"}],
}


def chunked(data: bytes, size: int = 50) -> bytes:
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


@pytest.fixture
def shops(bundle_folder: Any) -> Bundle:
    """Four cases over two WARC files: redirects, a loop, a 404, an image, a revisit, a page
    declared windows-1252 by its meta tag only, a page with a BOM, gzip, brotli and chunked
    bodies, a cross-domain redirect, a case never captured, and one good and one broken RDAP."""
    bundle_folder.cases(
        [
            ("A1", "http://boutique-a.fr/", "2024-05-10T08:00:00Z", "fraud"),
            ("B1", "https://shop-b.com", "2024-05-10", "legit"),
            ("C1", "http://ancien-site.fr/", "2024-05-10T10:00:00+02:00", ""),
            ("D1", "https://jamais-capture.fr/", "2024-05-10", ""),
        ]
    )
    with bundle_folder.warc("crawl-1.warc.gz") as warc:
        warc.warcinfo()
        warc.request("http://boutique-a.fr/")
        warc.redirect("http://boutique-a.fr/", "/accueil")
        warc.response("http://boutique-a.fr/accueil", "<html><title>Accueil</title></html>")
        new_digest = warc.response(
            "http://boutique-a.fr/produit/1",
            "<html><p>nouveau prix 39 €</p></html>",
            date="2024-05-03T00:00:00Z",
        )
        warc.response(
            "http://boutique-a.fr/mentions-legales",
            f'<html><head><meta charset="windows-1252"></head><p>{MENTIONS}</p></html>'.encode(
                "cp1252"
            ),
            content_type="text/html",
        )
        warc.response(
            "http://boutique-a.fr/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"
        )
        warc.response("http://boutique-a.fr/absent", "<p>introuvable</p>", status="404 Not Found")
        warc.redirect("http://boutique-a.fr/boucle-1", "/boucle-2", status="302 Found")
        warc.redirect("http://boutique-a.fr/boucle-2", "boucle-1", status="302 Found")
        warc.metadata("http://boutique-a.fr/", "outlink: http://boutique-a.fr/produit/2\n")
        warc.revisit(
            "http://boutique-a.fr/produit/2",
            new_digest,
            "http://boutique-a.fr/produit/1",
            date="2024-05-04T00:00:00Z",
        )
        warc.response(
            "https://boutique-a.fr/cgv",
            gzip.compress("<html><h1>Conditions générales de vente</h1></html>".encode()),
            headers=[("Content-Encoding", "gzip")],
        )
        warc.response(
            "https://boutique-a.fr/livraison",
            chunked(brotli.compress("<html><h1>Livraison offerte dès 50 €</h1></html>".encode())),
            headers=[("Transfer-Encoding", "chunked"), ("Content-Encoding", "br")],
        )
    with bundle_folder.warc("crawl-2.warc", gzip=False) as warc:
        warc.response(
            "http://boutique-a.fr/produit/1",
            "<html><p>ancien prix 99 €</p></html>",
            date="2024-05-01T00:00:00Z",
        )
        warc.response(
            "https://www.shop-b.com/",
            b"\xef\xbb\xbf" + "<html><p>Boutique B, collection été</p></html>".encode(),
            content_type="text/html; charset=iso-8859-1",
        )
        warc.response("https://www.shop-b.com/contact", "<html><p>Contact</p></html>")
        warc.redirect("http://ancien-site.fr/", "https://nouveau-site.net/")
        warc.response("https://nouveau-site.net/", "<html><p>Nouveau site</p></html>")
        warc.response("https://nouveau-site.net/produits", "<html><p>Produits</p></html>")
    bundle_folder.rdap("boutique-a.fr", json.dumps(RDAP_A))
    bundle_folder.rdap("shop-b.com", '{"objectClassName": ')
    return open_bundle(bundle_folder.root)


def site_of(bundle: Bundle, case_id: str) -> Site:
    (case,) = [case for case in bundle.cases if case.case_id == case_id]
    return bundle.site(case)


def page_urls(site: Site) -> list[str]:
    return [page.url for page in site.pages]


def text_of(site: Site, url: str) -> str:
    (page,) = [page for page in site.pages if page.url == url]
    return page.html


# --- one bundle, many behaviours ----------------------------------------------------------


def test_sites_come_out_in_cases_csv_order(shops: Bundle) -> None:
    assert [site.case_id for site in shops.sites()] == ["A1", "B1", "C1", "D1"]


def test_clean_bundle_has_no_warning(shops: Bundle) -> None:
    assert shops.warnings == []


def test_landing_page_follows_a_relative_redirect_and_comes_first(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    landing = site.pages[0]
    assert landing.url == "http://boutique-a.fr/accueil"
    assert landing.requested_url == "http://boutique-a.fr/"
    assert landing.status == 200
    assert "Accueil" in landing.html


def test_other_pages_follow_sorted_by_url(shops: Bundle) -> None:
    assert page_urls(site_of(shops, "A1"))[1:] == [
        "http://boutique-a.fr/mentions-legales",
        "http://boutique-a.fr/produit/1",
        "http://boutique-a.fr/produit/2",
        "https://boutique-a.fr/cgv",
        "https://boutique-a.fr/livraison",
    ]


def test_latest_capture_of_a_url_is_used(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    assert "nouveau prix" in text_of(site, "http://boutique-a.fr/produit/1")
    (page,) = [p for p in site.pages if p.url == "http://boutique-a.fr/produit/1"]
    assert page.captured_at == datetime(2024, 5, 3, tzinfo=UTC)


def test_page_declared_windows_1252_by_meta_only_decodes(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    (page,) = [p for p in site.pages if p.url.endswith("/mentions-legales")]
    assert page.charset == "windows-1252"
    assert MENTIONS in page.html


def test_revisit_gets_the_body_of_its_original(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    assert "nouveau prix 39 €" in text_of(site, "http://boutique-a.fr/produit/2")


def test_gzip_brotli_and_chunked_bodies_are_decoded(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    assert "Conditions générales de vente" in text_of(site, "https://boutique-a.fr/cgv")
    assert "Livraison offerte dès 50 €" in text_of(site, "https://boutique-a.fr/livraison")


def test_non_html_responses_are_counted_not_kept(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    assert site.non_html_skipped == 1
    assert not any(url.endswith(".png") for url in page_urls(site))


def test_error_responses_are_not_pages_and_are_noted(shops: Bundle) -> None:
    site = site_of(shops, "A1")
    assert "http://boutique-a.fr/absent" not in page_urls(site)
    assert "1 error response (HTTP 4xx/5xx) of this site is not a page" in site.notes


def test_redirect_loop_is_noted(shops: Bundle) -> None:
    notes = site_of(shops, "A1").notes
    assert any(note.startswith("redirect loop: http://boutique-a.fr/boucle-") for note in notes)
    assert not any("boucle" in url for url in page_urls(site_of(shops, "A1")))


def test_page_with_a_bom_is_decoded_as_utf8_whatever_the_header(shops: Bundle) -> None:
    site = site_of(shops, "B1")
    assert site.pages[0].charset == "utf-8"
    assert site.pages[0].html == "<html><p>Boutique B, collection été</p></html>"


def test_case_url_is_found_under_www_variant_with_a_note(shops: Bundle) -> None:
    site = site_of(shops, "B1")
    assert page_urls(site) == ["https://www.shop-b.com/", "https://www.shop-b.com/contact"]
    assert "the case URL was captured as https://www.shop-b.com/" in site.notes


def test_redirect_to_another_domain_brings_that_domains_pages(shops: Bundle) -> None:
    site = site_of(shops, "C1")
    assert site.domain == "ancien-site.fr"
    assert page_urls(site) == ["https://nouveau-site.net/", "https://nouveau-site.net/produits"]
    assert site.pages[0].requested_url == "http://ancien-site.fr/"
    assert any("another domain, nouveau-site.net" in note for note in site.notes)


def test_case_never_captured_has_a_note_and_a_warning(
    shops: Bundle, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="capture.bundle"):
        site = site_of(shops, "D1")
    assert site.pages == ()
    assert site.notes == ("no captured page for https://jamais-capture.fr/ in snapshots/",)
    assert "no captured page for https://jamais-capture.fr/" in caplog.text


def test_rdap_of_the_site_domain_is_read(shops: Bundle) -> None:
    rdap = site_of(shops, "A1").rdap
    assert rdap is not None
    assert rdap.domain == "boutique-a.fr"
    assert rdap.registered_at == datetime(2024, 3, 1, 9, tzinfo=UTC)


def test_unreadable_rdap_is_a_note_not_a_failure(
    shops: Bundle, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="capture.bundle"):
        site = site_of(shops, "B1")
    assert site.rdap is None
    assert len(site.pages) == 2
    note = "rdap/shop-b.com.json unreadable: not valid JSON at line 1 column 21"
    assert any(n.startswith(note) for n in site.notes)
    assert note in caplog.text


def test_site_without_rdap_file_has_none(shops: Bundle) -> None:
    assert site_of(shops, "C1").rdap is None


def test_stats_count_what_was_read(shops: Bundle) -> None:
    # The expected counts come from the fixture's files, read with warcio alone.
    files = sorted((shops.root / "snapshots").iterdir())
    records = [record for path in files for record in warcio_records(path)]
    responses = [r for r in records if r.type == "response" and r.is_http]
    revisits = [r for r in records if r.type == "revisit"]
    served = responses + revisits  # a resolved revisit counts as the response it repeats
    stats = shops.stats
    assert stats.warc_files == len(files) == 2
    assert stats.records_read == len(records)
    assert stats.responses_indexed == len(responses)
    assert stats.urls_indexed == len({r.uri for r in responses + revisits})  # latest per URL
    assert stats.revisits == len(revisits) == 1
    assert (stats.revisits_resolved, stats.revisits_unresolved) == (len(revisits), 0)
    assert stats.redirects == sum(300 <= (r.status or 0) < 400 for r in served)
    assert stats.error_responses == sum((r.status or 0) >= 400 for r in served)
    assert stats.non_html_skipped == sum(
        (r.status or 0) < 300 and "html" not in (r.content_type or "") for r in served
    )
    assert stats.other_records == count(records, is_http=False)  # warcinfo, request, metadata


def test_site_never_raises_when_a_file_vanishes(shops: Bundle) -> None:
    before = site_of(shops, "A1").pages
    (shops.root / "snapshots" / "crawl-1.warc.gz").unlink()
    site = site_of(shops, "A1")
    assert site.pages == ()
    assert site.notes[-2].startswith("crawl-1.warc.gz cannot be opened")
    assert site.notes[-1] == f"none of the {len(before)} captured pages could be read"


# --- bundles of their own ---------------------------------------------------------------


def test_pages_are_capped_at_fifty(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "")])
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.response("https://boutique-a.fr/", "<p>Accueil</p>")
        for number in range(60):
            warc.response(f"https://boutique-a.fr/p/{number:02d}", f"<p>{number}</p>")
    site = open_bundle(bundle_folder.root).site(open_bundle(bundle_folder.root).cases[0])
    assert len(site.pages) == MAX_PAGES
    assert site.pages[0].url == "https://boutique-a.fr/"
    assert site.pages[-1].url == "https://boutique-a.fr/p/48"
    assert any("61 HTML pages captured: only the first 50 are kept" in n for n in site.notes)


def test_redirect_chain_longer_than_ten_is_cut(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/0", "2024-05-10", "")])
    with bundle_folder.warc("crawl.warc.gz") as warc:
        for hop in range(12):
            warc.redirect(f"https://boutique-a.fr/{hop}", f"/{hop + 1}")
        warc.response("https://boutique-a.fr/12", "<p>fin</p>")
    bundle = open_bundle(bundle_folder.root)
    site = bundle.site(bundle.cases[0])
    assert any(note.startswith("more than 10 redirects") for note in site.notes)
    assert page_urls(site) == ["https://boutique-a.fr/12"]  # a page, but not the landing


def test_redirect_to_a_page_not_captured_is_noted(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "")])
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.redirect("https://boutique-a.fr/", "/fr/")
    bundle = open_bundle(bundle_folder.root)
    notes = bundle.site(bundle.cases[0]).notes
    assert (
        "https://boutique-a.fr/ redirects to https://boutique-a.fr/fr/, which was not captured"
        in notes
    )


def test_truncated_warc_loses_only_the_affected_case(
    bundle_folder: Any, caplog: pytest.LogCaptureFixture
) -> None:
    bundle_folder.cases(
        [
            ("A1", "https://boutique-a.fr/", "2024-05-10", ""),
            ("B1", "https://shop-b.com/", "2024-05-10", ""),
            ("C1", "https://shop-c.com/", "2024-05-10", ""),
        ]
    )
    with bundle_folder.warc("crawl.warc.gz") as warc:
        warc.response("https://boutique-a.fr/", "<p>Boutique A</p>")
        warc.response("https://boutique-a.fr/cgv", "<p>CGV</p>")
        # Random bytes do not compress: the gzip member of this record is long enough to cut.
        warc.response("https://shop-b.com/", b"<p>" + random.Random(3).randbytes(6000) + b"</p>")
    with bundle_folder.warc("other.warc") as warc:
        warc.response("https://shop-c.com/", "<p>Shop C</p>")
    path = bundle_folder.root / "snapshots" / "crawl.warc.gz"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 3000])

    with caplog.at_level(logging.WARNING, logger="capture.bundle"):
        bundle = open_bundle(bundle_folder.root)
        sites = list(bundle.sites())
    (warning,) = bundle.warnings
    assert warning.startswith("snapshots/crawl.warc.gz: record at offset ")
    assert "cut short" in warning
    assert warning in caplog.text
    assert page_urls(sites[0]) == ["https://boutique-a.fr/", "https://boutique-a.fr/cgv"]
    assert sites[0].notes == ()
    assert sites[1].notes and "damaged record (crawl.warc.gz at offset" in sites[1].notes[0]
    assert page_urls(sites[2]) == ["https://shop-c.com/"]


def test_warc_gzipped_whole_is_read_with_a_warning(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "")])
    with bundle_folder.warc("crawl.warc", gzip=False) as warc:
        warc.warcinfo()
        warc.response("https://boutique-a.fr/", "<p>Accueil</p>")
        warc.response("https://boutique-a.fr/cgv", "<p>Conditions générales</p>")
    plain = bundle_folder.root / "snapshots" / "crawl.warc"
    (plain.parent / "crawl.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    bundle = open_bundle(bundle_folder.root)
    (warning,) = bundle.warnings
    assert "crawl.warc.gz: offset 0: the whole file is one gzip member" in warning
    site = bundle.site(bundle.cases[0])
    assert [page.html for page in site.pages] == ["<p>Accueil</p>", "<p>Conditions générales</p>"]


def test_unreadable_warc_file_is_a_bundle_warning(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "")])
    (bundle_folder.root / "snapshots").mkdir()
    (bundle_folder.root / "snapshots" / "notes.warc").write_text("not a WARC\n", encoding="utf-8")
    bundle = open_bundle(bundle_folder.root)
    assert bundle.warnings[0].startswith("snapshots/notes.warc: reading stopped at offset 0")
    (note,) = bundle.site(bundle.cases[0]).notes
    assert note == (
        "no captured page for https://boutique-a.fr/ in snapshots/ (damaged WARC files: notes.warc)"
    )


def test_bundle_with_only_cases_csv_is_allowed(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "2024-05-10", "fraud")])
    bundle = open_bundle(bundle_folder.root)
    assert bundle.warnings == []
    site = bundle.site(bundle.cases[0])
    assert (site.pages, site.rdap, site.domain) == ((), None, "boutique-a.fr")
    assert site.notes == (
        "no captured page for https://boutique-a.fr/ in snapshots/ "
        "(the bundle has no snapshots/ folder)",
    )


def test_missing_cases_csv_is_fatal(bundle_folder: Any) -> None:
    with pytest.raises(BundleError, match=r"cases\.csv: missing"):
        open_bundle(bundle_folder.root)


def test_invalid_cases_csv_is_fatal(bundle_folder: Any) -> None:
    bundle_folder.cases([("A1", "https://boutique-a.fr/", "hier", "")])
    with pytest.raises(BundleError, match="line 2, column 'reported_at'"):
        open_bundle(bundle_folder.root)


def test_a_file_is_not_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text("case_id,url,reported_at,outcome\n", encoding="utf-8")
    with pytest.raises(BundleError, match="not a folder"):
        open_bundle(tmp_path / "cases.csv")


# --- real crawlers ----------------------------------------------------------------------


def test_bundle_over_the_real_corpus(
    real_warc_dir: Path, bundle_folder: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshots = bundle_folder.root / "snapshots"
    snapshots.mkdir()
    for path in real_warc_dir.glob("*.warc*"):
        shutil.copy(path, snapshots / path.name)
    bundle_folder.cases(
        [
            ("IANA", "https://www.iana.org/domains/example", "2024-05-10", ""),
            ("ARCHIVE", "http://www.archive.org/", "2024-05-10", ""),
            ("SPB", "http://01spb.ru/company/", "2024-05-10", ""),
            ("NONE", "https://jamais-capture.fr/", "2024-05-10", ""),
        ]
    )
    bundle = open_bundle(bundle_folder.root)
    malformed = sorted(p.name for p in snapshots.glob("malformed__*"))
    # One warning per malformed__ file, in file order; the good files give none.
    assert [w.split(":", 1)[0] for w in bundle.warnings] == [f"snapshots/{m}" for m in malformed]
    assert all("offset" in w for w in bundle.warnings)
    revisits = sum(
        count(warcio_records(path, gzipped_whole="non-chunked" in path.name), type="revisit")
        for path in snapshots.iterdir()
    )  # 34 in pywacz, 1 in warcio's example, 1 in bad-length, 1 in the file gzipped whole
    assert bundle.stats.revisits_resolved == bundle.stats.revisits == revisits
    iana, archive, spb, none = bundle.sites()
    assert iana.pages[0].url == "https://www.iana.org/domains/reserved"  # after the 301
    assert iana.pages[0].requested_url == "https://www.iana.org/domains/example"
    assert archive.pages[0].url == "https://archive.org/"  # 302 then 301, across hosts
    assert "Стратегия пожарной безопасности" in spb.pages[0].html
    assert none.pages == () and "damaged WARC files" in none.notes[0]
    assert capsys.readouterr().err == ""  # warcio's own warnings went into bundle.warnings


class ShopHandler(BaseHTTPRequestHandler):
    """A small shop: a redirect, pages linking to each other, an image and a missing page."""

    PAGES: ClassVar[dict[str, tuple[int, str, bytes, list[tuple[str, str]]]]] = {
        "/": (302, "text/html", b"", [("Location", "/boutique/")]),
        "/boutique/": (
            200,
            "text/html; charset=utf-8",
            (
                b"<html><head><title>Maroquinerie Lune</title></head><body>"
                b'<a href="produit-1.html">Sac</a> <a href="mentions-legales.html">Mentions</a>'
                b'<img src="logo.png"> <a href="/disparu">Ancienne page</a></body></html>'
            ),
            [],
        ),
        "/boutique/produit-1.html": (
            200,
            "text/html; charset=utf-8",
            "<html><body><h1>Sac à main cuir</h1><p>49,90 €</p></body></html>".encode(),
            [],
        ),
        "/boutique/mentions-legales.html": (
            200,
            "text/html",
            (
                '<html><head><meta charset="windows-1252"></head>'
                "<body><p>Éditeur : Lune SAS — capital 5 000 €</p></body></html>"
            ).encode("cp1252"),
            [],
        ),
        "/boutique/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\nfake", []),
    }

    def do_GET(self) -> None:
        status, content_type, body, headers = self.PAGES.get(
            self.path, (404, "text/html", b"<p>introuvable</p>", [])
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # This server closes every connection; said plainly, wget does not try to reuse one.
        self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output clean


@pytest.fixture
def shop_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ShopHandler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_bundle_of_a_real_wget_crawl(shop_server: str, bundle_folder: Any) -> None:
    wget = shutil.which("wget")
    if wget is None:
        pytest.skip("wget is not installed")
    snapshots = bundle_folder.root / "snapshots"
    snapshots.mkdir()
    command = [
        wget,
        "--no-proxy",
        "-e",
        "robots=off",
        "--recursive",
        "--level=1",
        f"--warc-file={snapshots / 'crawl'}",
        "--no-warc-keep-log",
        "--timeout=5",
        "--tries=1",
        "--no-verbose",
        f"--directory-prefix={bundle_folder.root / 'download'}",
        shop_server,
    ]
    # wget exits 8 when a page answered an error (the 404 here): that is expected.
    done = subprocess.run(command, capture_output=True, timeout=60, check=False)
    assert done.returncode in (0, 8), done.stderr.decode(errors="replace")
    assert (snapshots / "crawl.warc.gz").is_file()
    bundle_folder.cases([("W1", shop_server, "2024-05-10", "")])

    bundle = open_bundle(bundle_folder.root)
    assert bundle.warnings == []
    site = bundle.site(bundle.cases[0])
    base = shop_server.rstrip("/")
    assert page_urls(site) == [
        f"{base}/boutique/",
        f"{base}/boutique/mentions-legales.html",
        f"{base}/boutique/produit-1.html",
    ]
    assert site.pages[0].requested_url == shop_server
    assert "Maroquinerie Lune" in site.pages[0].html
    assert "Sac à main cuir" in site.pages[2].html
    assert site.pages[1].charset == "windows-1252"
    assert "Éditeur : Lune SAS — capital 5 000 €" in site.pages[1].html
    assert site.non_html_skipped == 1
    assert "1 error response (HTTP 4xx/5xx) of this site is not a page" in site.notes
