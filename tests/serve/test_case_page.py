"""The case page through a real uvicorn server on 127.0.0.1: a hostile shop served by a local
HTTP server (with an RDAP server) is reported, captured and scored by the service's own worker,
and its case page shows what was found, the captured pages, the score history, the verdicts and
the linked cases; the captured HTML is served sandboxed, scripts off, fetching nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import lxml.html
import pytest

from capture.fetch import FetchOptions
from capture.live import LiveOptions
from capture.rdap_client import RdapOptions, load_bootstrap
from capture.site import Site
from capture.writer import BundleWriter
from models.scorer import Scorer
from serve.app import create_app
from serve.facts import domain_dates, features_json, read_facts
from serve.live import live_capture
from serve.settings import Settings
from serve.store import Store, make_engine, migrate
from tests.capture.live_servers import LocalServer, RdapServer, Reply, rdap_record, redirect
from tests.loopback import loopback_only
from tests.serve import calls
from tests.serve.service import running

pytestmark = pytest.mark.usefixtures("loopback_guard")

READER, INVESTIGATOR = "reader-key-7Hq2vLmN9pXc", "investigator-key-4Rt8wKzB3sYd"
SHOP = "piege-soldes.localhost"
REPORTED_AT = datetime(2025, 3, 14, 9, 12, tzinfo=UTC)
EVIL_REF = "<script>alert('ref')</script>"


def _page(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )


def shop_pages(tracker: str) -> dict[str, str]:
    """A shop that tries everything a hostile page can: a script that would change the case
    page's title and set globals, an image on another server (a tracking pixel), a form."""
    script = (
        "<script>window.pwned = 1; document.title = 'pwned';"
        "try { parent.document.title = 'pwned'; parent.pwned = 1; } catch (e) {}"
        "document.getElementById('marker').textContent = 'script ran';</script>"
    )
    home = _page(
        "Soldes -90% Piège",
        f"""<p id="marker">script did not run</p>{script}
        <img src="{tracker}" alt="pixel">
        <p>Montre de luxe <del>199,99 €</del> 19,99 € : -90% aujourd'hui seulement !</p>
        <form action="{tracker}" method="post"><button>Commander</button></form>
        <a href="/produit/montre">Montre -90%</a> <a href="/paiement">Paiement</a>
        <a href="/mentions-legales">Mentions légales</a> <a href="/contact">Contact</a>""",
    )
    return {
        "/": home,
        "/produit/montre": _page(
            "Montre", "<p>Prix : <del>199,99 €</del> 19,99 €, stock limité</p>"
        ),
        "/nous-ecrire": _page("Contact", "<p>Écrivez-nous : piege.soldes@gmail.com</p>"),
        "/paiement": _page(
            "Paiement",
            "<p>Paiement par virement bancaire uniquement. IBAN communiqué après commande.</p>",
        ),
        "/mentions-legales": _page(
            "Mentions légales",
            "<p>Le site est édité par Piège Soldes SARL au capital de 1 000 €, immatriculée au "
            "RCS de Paris sous le numéro 732 829 320. Contact : piege.soldes@gmail.com</p>",
        ),
    }


@dataclass
class World:
    base: str  # the service
    case_id: int
    settings: Settings
    tracker_hits: LocalServer  # the server the captured page's image and form point at


@contextmanager
def case_world(root: Path, scorer: Scorer) -> Iterator[World]:
    """The service with one case of the hostile shop reported, captured (from a local web
    server and RDAP server) and scored by its worker; yields when the case is scored."""
    web, rdap, tracker = LocalServer(), RdapServer(), LocalServer()
    pixel = f"http://127.0.0.1:{tracker.port}/pixel.gif"
    tracker.route("127.0.0.1", "/pixel.gif", Reply(b"GIF89a", content_type="image/gif"))
    for path, html in shop_pages(pixel).items():
        web.route(SHOP, path, Reply(html))
    web.route(SHOP, "/contact", redirect("/nous-ecrire", 301))  # a redirect among the captures
    rdap.records[SHOP] = rdap_record(SHOP, registered="2025-01-10T08:00:00Z")
    options = LiveOptions(
        fetch=FetchOptions(
            allowed_networks=("127.0.0.1/32",), hosts={}, page_timeout=5.0, site_timeout=20.0
        ),
        rdap=RdapOptions(bootstrap=load_bootstrap(rdap.bootstrap("localhost")), tries=2),
    )
    settings = Settings(
        database_url=f"sqlite:///{root / 'cases.sqlite'}",
        evidence_dir=str(root / "evidence"),
        api_keys=f"{READER}:reader,{INVESTIGATOR}:investigator",
    )
    try:
        with running(create_app(settings, scorer, live_capture(settings, options))) as base:
            answer = calls.post(
                f"{base}/v1/cases",
                headers={"Authorization": f"Bearer {INVESTIGATOR}"},
                json={
                    "urls": [web.url(SHOP, "/")],
                    "reporter_ref": EVIL_REF,
                    "reported_at": REPORTED_AT.isoformat(),
                },
            )
            assert answer.status_code == 202, answer.text
            case_id = answer.json()["cases"][0]["case_id"]
            case = calls.settled(base, case_id, READER)
            assert case["status"] == "scored", case
            yield World(base, case_id, settings, tracker)
    finally:
        for server in (web, rdap, tracker):
            server.stop()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, scorer: Scorer) -> Iterator[World]:
    with loopback_only(), case_world(tmp_path_factory.mktemp("case-page"), scorer) as built:
        yield built


@contextmanager
def sign_in(base: str, key: str, **headers: str) -> Iterator[httpx.Client]:
    """A browser-like client signed in through the page's sign-in form (whatever hidden fields
    the form carries are sent back, as a browser would)."""
    with httpx.Client(base_url=base, headers=headers) as client:
        form = lxml.html.fromstring(client.get("/login").text).get_element_by_id("login")
        fields = {i.get("name"): i.get("value") or "" for i in form.inputs if i.get("name")}
        fields.update({"key": key, "name": "ana"})
        answer = client.post("/login", data=fields)
        assert answer.status_code == 303, answer.text
        yield client


def _doc(response: httpx.Response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.text)


def _capture_rows(doc: lxml.html.HtmlElement) -> list[list[str]]:
    return [
        [td.text_content().strip() for td in tr]
        for tr in doc.xpath("//table[@id='captures']/tbody/tr")
    ]


def test_the_queue_links_each_case_to_its_page(world: World) -> None:
    with sign_in(world.base, READER) as client:
        queue = _doc(client.get("/"))
    links = [a.get("href") for a in queue.xpath("//table[@id='queue']//a[@class='case-link']")]
    assert f"/cases/{world.case_id}" in links


def test_the_case_page_shows_what_was_found(world: World) -> None:
    with sign_in(world.base, READER) as client:
        response = client.get(f"/cases/{world.case_id}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    # The case page itself is confidential and never framed (only its capture views are).
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-frame-options"] == "DENY"
    doc = _doc(response)
    assert SHOP in doc.get_element_by_id("case-title").text_content()

    def fact(name: str) -> str:
        return doc.get_element_by_id(f"fact-{name}").xpath("td")[-1].text_content()

    # Legal notice, payment methods, prices: the feature row the score was computed from.
    assert fact("legal_page_found") == "yes" and fact("legal_siren") == "yes"
    assert fact("legal_email_freemail") == "yes"
    assert fact("pay_transfer") == "yes" and fact("pay_card") == "no"
    assert float(fact("price_max_discount")) > 0.5
    # Domain dates from RDAP: registered 2025-01-10, reported 2025-03-14.
    dates = {
        tr[0].text_content(): tr[1].text_content()
        for tr in doc.xpath("//table[@id='domain-dates']//tr")
    }
    assert dates["registered"] == "2025-01-10" and dates["age at report"] == "63 days"
    assert dates["expires"] == "2027-01-10"
    # Reasons of the latest score and its history.
    assert doc.xpath("//ul[@id='reasons']/li") and not doc.xpath("//ul[@id='reasons']/li[@class]")
    history = doc.xpath("//table[@id='history']/tbody/tr")
    assert len(history) == 1 and history[0].xpath(".//li")


def test_the_captured_pages_are_listed_with_status_and_time(world: World) -> None:
    with sign_in(world.base, READER) as client:
        doc = _doc(client.get(f"/cases/{world.case_id}"))
    rows = _capture_rows(doc)
    by_url = {row[1].split(" ")[0]: row for row in rows}
    home = next(row for url, row in by_url.items() if url.endswith(f"{SHOP}:{_port(url)}/"))
    assert home[2] == "200" and home[3].startswith("20") and home[3].endswith("UTC")
    assert home[4] == "view"
    redirected = [row for url, row in by_url.items() if url.endswith("/contact")]
    assert redirected and redirected[0][2] == "301" and "/nous-ecrire" in redirected[0][1]
    # One sandboxed frame per HTML capture, pointing at the capture view.
    frames = doc.xpath("//iframe[@class='capture']")
    assert frames and all(f.get("sandbox") == "" for f in frames)
    assert all(f.get("src").startswith(f"/cases/{world.case_id}/captures/") for f in frames)


def _port(url: str) -> str:
    return url.split(f"{SHOP}:", 1)[1].split("/", 1)[0]


def _home_capture(client: httpx.Client, case_id: int) -> int:
    doc = _doc(client.get(f"/cases/{case_id}"))
    for row in _capture_rows(doc):
        if row[1].endswith(f"{SHOP}:{_port(row[1])}/") and row[2] == "200":
            return int(row[0])
    raise AssertionError("the home page is not among the captures")


def test_a_capture_is_served_as_captured_under_a_sandbox_policy(world: World) -> None:
    with sign_in(world.base, READER) as client:
        n = _home_capture(client, world.case_id)
        hits_before = len(world.tracker_hits.log)
        response = client.get(f"/cases/{world.case_id}/captures/{n}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    # The page as captured: its script and its external image are there, untouched...
    assert "<script>window.pwned = 1;" in response.text
    assert f'<img src="http://127.0.0.1:{world.tracker_hits.port}/pixel.gif"' in response.text
    # ...and the policy stops both: a sandbox with no allow-* token (no scripts, no forms, an
    # opaque origin), nothing fetched from anywhere, only the case page may frame it.
    policy = [p.strip() for p in response.headers["content-security-policy"].split(";")]
    assert policy[0] == "sandbox"
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert "style-src 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
    assert not any(p.startswith("script-src") for p in policy)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert len(world.tracker_hits.log) == hits_before  # the service fetched nothing either


def test_unknown_cases_and_captures_get_404(world: World) -> None:
    with sign_in(world.base, READER) as client:
        for path in ("/cases/999999", f"/cases/{2**63}", f"/cases/{10**30}", "/cases/0"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert _doc(response).xpath("//h1")[0].text_content().startswith("No case")
        for n in (999, -1):
            response = client.get(f"/cases/{world.case_id}/captures/{n}")
            assert response.status_code == 404 and f"no capture {n}" in response.text
            assert response.headers["content-security-policy"].startswith("sandbox")
        response = client.get(f"/cases/{2**64}/captures/0")
        assert response.status_code == 404
        assert client.get("/cases/not-a-number").status_code == 422


def test_evidence_of_other_responses_is_listed_and_only_html_is_viewed(
    tmp_path: Path, scorer: Scorer
) -> None:
    settings = _store_only_settings(tmp_path)
    evidence = tmp_path / "evidence" / "case-x"
    with BundleWriter(evidence) as writer:
        writer.add_case("case-x", "https://ailleurs.localhost/", REPORTED_AT, None)
        html = [("Content-Type", "text/html; charset=iso-8859-1")]
        at = REPORTED_AT
        writer.add_response(
            "https://ailleurs.localhost/", 200, html, "<p>Été</p>".encode("latin-1"), at
        )
        writer.add_response(
            "https://ailleurs.localhost/logo.png",
            200,
            [("Content-Type", "image/png")],
            b"\x89PNG",
            at,
        )
        writer.add_response("https://ailleurs.localhost/cgv", 404, html, b"<p>introuvable</p>", at)
    case_id = _stored_case(settings, "ailleurs.localhost", evidence)
    with running(create_app(settings, scorer, _no_capture)) as base, sign_in(base, READER) as c:
        rows = _capture_rows(_doc(c.get(f"/cases/{case_id}")))
        assert [(r[1], r[2], r[4]) for r in rows] == [
            ("https://ailleurs.localhost/", "200", "view"),
            ("https://ailleurs.localhost/logo.png", "200", "image/png"),
            ("https://ailleurs.localhost/cgv", "404", "view"),
        ]
        page = c.get(f"/cases/{case_id}/captures/0")
        image = c.get(f"/cases/{case_id}/captures/1")
    assert page.status_code == 200 and "<p>Été</p>" in page.text  # decoded from Latin-1
    assert image.status_code == 404 and "not an HTML page (image/png)" in image.text


def test_without_signing_in_the_page_sends_to_the_sign_in_form(world: World) -> None:
    with httpx.Client(base_url=world.base) as client:
        page = client.get(f"/cases/{world.case_id}")
        assert page.status_code == 303 and page.headers["location"] == "/login"
        view = client.get(f"/cases/{world.case_id}/captures/0")
        assert view.status_code == 401 and "pwned" not in view.text


def test_everything_from_sites_and_reporters_is_escaped(world: World) -> None:
    with sign_in(world.base, READER) as client:
        response = client.get(f"/cases/{world.case_id}")
    assert EVIL_REF not in response.text
    assert "&lt;script&gt;alert(" in response.text
    assert "window.pwned" not in response.text  # the capture shows only inside its frame


def test_reasons_follow_accept_language(world: World) -> None:
    with sign_in(world.base, READER, **{"Accept-Language": "fr-FR,fr;q=0.9"}) as client:
        french = _doc(client.get(f"/cases/{world.case_id}"))
    with sign_in(world.base, READER, **{"Accept-Language": "en"}) as client:
        english = _doc(client.get(f"/cases/{world.case_id}"))
    fr = [li.text_content() for li in french.xpath("//ul[@id='reasons']/li")]
    en = [li.text_content() for li in english.xpath("//ul[@id='reasons']/li")]
    assert fr and en and len(fr) == len(en) and fr != en


def test_only_investigators_get_the_verdict_form_and_it_records_on_the_case(
    world: World,
) -> None:
    with sign_in(world.base, READER) as client:
        assert not _doc(client.get(f"/cases/{world.case_id}")).xpath("//form[@id='verdict-form']")
    with sign_in(world.base, INVESTIGATOR) as client:
        doc = _doc(client.get(f"/cases/{world.case_id}"))
        (form,) = doc.xpath("//form[@id='verdict-form']")
        assert doc.xpath("//form[@id='logout']//input[@name='csrf_token']/@value")  # sign out
        fields = {i.get("name"): i.get("value") or "" for i in form.inputs if i.get("name")}
        fields.update({"outcome": "fraud", "note": "transfer only <b>fake</b>"})
        posted = client.post(form.get("action"), data=fields)
        assert posted.status_code == 303, posted.text
        assert posted.headers["location"] == f"/cases/{world.case_id}"  # back to the case
        doc = _doc(client.get(f"/cases/{world.case_id}"))
    assert doc.get_element_by_id("outcome").text_content().strip() == "fraud"
    (row,) = doc.xpath("//table[@id='verdicts']/tbody/tr")
    cells = [td.text_content() for td in row]
    assert cells[1] == "fraud" and cells[3] == "transfer only <b>fake</b>"


def test_linked_cases_are_the_other_cases_of_the_same_site(world: World) -> None:
    store = Store(make_engine(world.settings.database_url))
    later = datetime(2025, 4, 2, tzinfo=UTC)
    # A decided case of the same site: a new report of it opens a new case.
    store.record_verdict(world.case_id, "fraud", "ana", None)
    other = store.report(f"http://{SHOP}/produit/montre", SHOP, "SC-9", later).case_id
    unrelated = store.report("http://ailleurs.localhost/", "ailleurs.localhost", None, later)
    with sign_in(world.base, READER) as client:
        first = _doc(client.get(f"/cases/{world.case_id}"))
        second = _doc(client.get(f"/cases/{other}"))
    assert [a.get("href") for a in first.xpath("//ul[@id='linked']//a")] == [f"/cases/{other}"]
    assert [a.get("href") for a in second.xpath("//ul[@id='linked']//a")] == [
        f"/cases/{world.case_id}"
    ]
    assert f"/cases/{unrelated.case_id}" not in lxml.html.tostring(first).decode()


def _store_only_settings(root: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{root / 'cases.sqlite'}",
        evidence_dir=str(root / "evidence"),
        api_keys=f"{READER}:reader",
    )


def _stored_case(settings: Settings, domain: str, evidence: Path) -> int:
    """A case scored before scores kept their features, with `evidence` as its folder."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    store = Store(engine)
    case_id = store.report(f"https://{domain}/", domain, None, REPORTED_AT).case_id
    store.record_score(case_id, 0.4, "P2", '[["pay_card", 0.0, 0.3]]', "old-model")
    store.set_status(case_id, "scored", None, str(evidence))
    engine.dispose()
    return case_id


async def _no_capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    raise ConnectionRefusedError(f"{url}: nothing is captured in this test")


def test_a_case_without_evidence_or_kept_facts_says_so(tmp_path: Path, scorer: Scorer) -> None:
    settings = _store_only_settings(tmp_path)
    case_id = _stored_case(settings, "ancien.localhost", tmp_path / "gone")
    with running(create_app(settings, scorer, _no_capture)) as base, sign_in(base, READER) as c:
        response = c.get(f"/cases/{case_id}")
    assert response.status_code == 200
    doc = _doc(response)
    assert "were not kept" in doc.get_element_by_id("facts").text_content()
    assert "no snapshots folder" in response.text
    assert [li.text_content() for li in doc.xpath("//ul[@id='reasons']/li")] == ["No card payment"]


def test_facts_read_back_what_was_kept_and_tolerate_bad_rows() -> None:
    kept = features_json({"legal_siren": 1.0, "pay_card": float("nan"), "registrar": "R <x>"})
    facts = read_facts(kept, REPORTED_AT)
    assert facts is not None and facts.context == {"registrar": "R <x>"}
    shown = {f.name: f.shown for _, items in facts.groups for f in items}
    assert shown["legal_siren"] == "yes" and shown["pay_card"] == "unknown"
    assert [title for title, _ in facts.groups][:4] == [
        "Legal notice",
        "Payment methods",
        "Domain",
        "Prices",
    ]
    for bad in (None, "", "not json", "[]", '{"features": 3}', '{"context": {}}'):
        assert read_facts(bad, REPORTED_AT) is None, bad
    assert domain_dates({"domain_age_days": 1e12}, REPORTED_AT) == []  # out of the calendar
    assert domain_dates({"domain_days_since_change": 3.0}, REPORTED_AT) == [
        ("last changed", "2025-03-11")
    ]
