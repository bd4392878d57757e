"""The service under hostile use, through a real uvicorn server on 127.0.0.1 and a real SQLite
file: out-of-range ids and times, weak keys, no Basic auth, page sessions with CSRF tokens,
security headers, bounded ad-hoc evidence, idempotent bulk reports, verdict authors, body limits
and authentication before validation."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import text

from capture.site import Case, Page, Site
from models.scorer import Scorer
from serve.app import create_app, server_options
from serve.evidence import prune_adhoc
from serve.settings import Settings, parse_api_keys
from serve.store import make_engine
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, PAGES, READER, _h, _no_live_capture, _settings

pytestmark = pytest.mark.usefixtures("loopback_guard")
HUGE = 2**63


@pytest.fixture
def base(tmp_path: Path, scorer: Scorer) -> Iterator[str]:
    with running(
        create_app(_settings(tmp_path, max_body_bytes=50_000), scorer, _no_live_capture)
    ) as url:
        yield url


def _report(base: str, urls: list[str], **headers: str) -> httpx.Response:
    return calls.post(f"{base}/v1/cases", json={"urls": urls}, headers=_h(INVESTIGATOR, **headers))


@contextmanager
def _signed_in(base: str, key: str = INVESTIGATOR) -> Iterator[httpx.Client]:
    """A client that signed in through the form, as a browser does, keeping its cookie."""
    with httpx.Client(base_url=base, follow_redirects=False) as client:
        answer = client.post("/login", data={"key": key})
        assert answer.status_code == 303, answer.text
        yield client


def _csrf(page: str) -> str:
    marker = 'name="csrf_token" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


# Defect 2: out-of-range ids, cursors and times are 4xx, never 500.


def test_case_ids_beyond_64_bits_are_refused_not_a_server_error(base: str) -> None:
    for huge in (HUGE, 2**64, 10**30):
        got = calls.get(f"{base}/v1/cases/{huge}", headers=_h(READER))
        assert got.status_code in (404, 422), got.text
        decided = calls.post(
            f"{base}/v1/cases/{huge}/outcome", json={"outcome": "fraud"}, headers=_h(INVESTIGATOR)
        )
        assert decided.status_code in (404, 422), decided.text
    with _signed_in(base) as browser:
        token = _csrf(browser.get("/").text)
        form = {"outcome": "fraud", "csrf_token": token}
        assert browser.post(f"/cases/{HUGE}/verdict", data=form).status_code in (404, 422)


def test_a_huge_cursor_offset_is_a_400(base: str) -> None:
    import base64

    for offset in (2**63, 10**100):
        cursor = base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()
        got = calls.get(f"{base}/v1/cases", params={"cursor": cursor}, headers=_h(READER))
        assert got.status_code == 400, got.text


def test_a_report_time_without_a_zone_is_a_422_naming_the_field(base: str) -> None:
    naive = calls.post(
        f"{base}/v1/cases",
        json={"urls": ["naive-time.fr"], "reported_at": "2026-01-05T10:00:00"},
        headers=_h(INVESTIGATOR),
    )
    assert naive.status_code == 422
    assert naive.json()["detail"][0]["loc"] == ["body", "reported_at"]
    edge = calls.post(
        f"{base}/v1/cases",
        json={"urls": ["edge-time.fr"], "reported_at": "9999-12-31T23:59:59-05:00"},
        headers=_h(INVESTIGATOR),
    )
    assert edge.status_code == 422 and "reported_at" in edge.json()["detail"][0]["loc"]


# Defect 5: weak or malformed keys stop the service at start-up.


@pytest.mark.parametrize(
    ("keys", "named"),
    [
        (",:investigator", "entry 2"),
        ("short-key:reader", "entry 1"),
        (f"{READER}:reader,ana:tiny:investigator", "entry 2"),
        (f"{READER}:reader,a:b:{INVESTIGATOR}:investigator", "entry 2"),
        (f"{READER}:admin", "entry 1"),
        (f"{READER}:reader,bob:{READER}:investigator", "entry 2"),
    ],
)
def test_weak_or_malformed_keys_are_refused_naming_the_entry(keys: str, named: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(api_keys=keys)
    message = str(refused.value)
    assert named in message
    assert READER not in message and INVESTIGATOR not in message  # no key in logs


def test_keys_name_their_holder_and_the_short_form_is_named_after_its_role() -> None:
    keys = parse_api_keys(f"{READER}:reader, ana:{INVESTIGATOR}:investigator,")
    assert [(k.holder, k.role) for k in keys] == [("reader", "reader"), ("ana", "investigator")]


def test_scamrank_serve_refuses_to_start_with_an_empty_key(tmp_path: Path) -> None:
    from tests.command import scamrank

    keys = {"SCAMRANK_API_KEYS": f"{READER}:reader,:investigator"}
    started = scamrank("serve", "--port", "1", cwd=tmp_path, env=keys)  # stops before binding
    assert started.returncode == 2
    assert "SCAMRANK_API_KEYS entry 2" in started.stderr and "Traceback" not in started.stderr
    assert READER not in started.stderr + started.stdout


# Defect 6: Bearer only for programs; a signed session with CSRF tokens for the page.


def test_basic_auth_is_not_accepted_nor_advertised(base: str) -> None:
    for auth in (("ana", INVESTIGATOR), ("", INVESTIGATOR), (INVESTIGATOR, "")):
        got = calls.get(f"{base}/v1/cases", auth=auth)
        assert got.status_code == 401
        assert "basic" not in got.headers["www-authenticate"].lower()
    page = calls.get(f"{base}/", auth=("ana", INVESTIGATOR))
    assert page.status_code == 303 and page.headers["location"] == "/login"


def test_the_session_cookie_holds_no_key_and_is_strict_and_http_only(base: str) -> None:
    answer = calls.post(f"{base}/login", data={"key": INVESTIGATOR})
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert INVESTIGATOR not in cookie
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert "secure" not in cookie.lower()  # plain http on loopback: a Secure cookie would be lost
    value = answer.cookies["scamrank_session"]
    # The session does not open the API: programs send their key.
    api = calls.get(f"{base}/v1/cases", cookies={"scamrank_session": value})
    assert api.status_code == 401
    forged = calls.get(f"{base}/", cookies={"scamrank_session": value[:-2] + "xx"})
    assert forged.status_code == 303


def test_cookies_are_secure_when_the_setting_says_so(tmp_path: Path, scorer: Scorer) -> None:
    app = create_app(_settings(tmp_path, secure_cookies=True), scorer, _no_live_capture)
    with running(app) as url:
        answer = calls.post(f"{url}/login", data={"key": READER})
    assert "secure" in answer.headers["set-cookie"].lower()


def test_the_verdict_form_needs_the_sessions_csrf_token(base: str) -> None:
    case_id = _report(base, ["csrf-shop.fr"]).json()["cases"][0]["case_id"]
    with _signed_in(base) as browser, _signed_in(base) as other:
        token = _csrf(browser.get("/").text)
        assert token and token != _csrf(other.get("/").text)  # bound to the session
        for form in ({"outcome": "fraud"}, {"outcome": "fraud", "csrf_token": "0" * 64}):
            assert browser.post(f"/cases/{case_id}/verdict", data=form).status_code == 403
        stolen = {"outcome": "fraud", "csrf_token": _csrf(other.get("/").text)}
        assert browser.post(f"/cases/{case_id}/verdict", data=stolen).status_code == 403
        done = browser.post(
            f"/cases/{case_id}/verdict", data={"outcome": "fraud", "csrf_token": token}
        )
        assert done.status_code == 303
    case = calls.get(f"{base}/v1/cases/{case_id}", headers=_h(READER)).json()
    assert [(v["outcome"], v["author"]) for v in case["verdicts"]] == [("fraud", "ana")]


def test_unsigned_form_posts_go_to_sign_in_before_the_form_is_read(base: str) -> None:
    got = calls.post(f"{base}/cases/1/verdict", data={"outcome": "nonsense"})
    assert got.status_code == 303 and got.headers["location"] == "/login"
    assert "outcome" not in got.text


def test_logout_ends_the_page_session(base: str) -> None:
    with _signed_in(base) as browser:
        page = browser.get("/")
        assert page.status_code == 200 and 'action="/logout"' in page.text
        assert browser.post("/logout", data={}).status_code == 403  # no token: no logout
        out = browser.post("/logout", data={"csrf_token": _csrf(page.text)})
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert browser.get("/").status_code == 303


def test_a_session_ends_when_its_key_is_removed(tmp_path: Path, scorer: Scorer) -> None:
    secret = "a-fixed-session-secret-for-the-test"
    before = _settings(tmp_path, session_secret=secret)
    with running(create_app(before, scorer, _no_live_capture)) as url:
        cookie = calls.post(f"{url}/login", data={"key": INVESTIGATOR}).cookies["scamrank_session"]
        assert calls.get(f"{url}/", cookies={"scamrank_session": cookie}).status_code == 200
    after = Settings(
        database_url=before.database_url,
        evidence_dir=before.evidence_dir,
        api_keys=f"{READER}:reader",
        session_secret=secret,
    )
    with running(create_app(after, scorer, _no_live_capture)) as url:
        assert calls.get(f"{url}/", cookies={"scamrank_session": cookie}).status_code == 303


def test_the_sign_in_form_asks_for_the_key_alone(base: str) -> None:
    form = calls.get(f"{base}/login").text
    assert 'name="key"' in form and 'name="name"' not in form
    assert calls.post(f"{base}/login", data={"key": "x" * 20}).status_code == 401


# Defect 7: security headers on every answer.


@pytest.mark.parametrize(
    ("method", "path", "key"),
    [
        ("GET", "/health", None),
        ("GET", "/login", None),
        ("GET", "/v1/cases", READER),
        ("GET", "/v1/cases", None),
        ("GET", "/v1/cases/999", READER),
        ("POST", "/v1/cases", None),
    ],
)
def test_every_answer_carries_the_security_headers(
    base: str, method: str, path: str, key: str | None
) -> None:
    headers = _h(key) if key else {}
    got = calls.request(method, f"{base}{path}", headers=headers, json={"urls": ["x.fr"]})
    csp = got.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert got.headers["x-frame-options"] == "DENY"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["referrer-policy"] == "no-referrer"
    assert got.headers["cache-control"] == "no-store"


def test_only_the_api_description_may_load_swagger_ui_from_its_cdn(base: str) -> None:
    docs = calls.get(f"{base}/docs")
    assert docs.status_code == 200 and "cdn.jsdelivr.net" in docs.text
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    login = calls.get(f"{base}/login")
    assert "jsdelivr" not in login.headers["content-security-policy"]


def test_the_signed_in_page_is_not_cached(base: str) -> None:
    with _signed_in(base) as browser:
        page = browser.get("/")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"


# Defect 8: live capture is an investigator's right, and its evidence is bounded.


def _writing_capture(size: int):  # type: ignore[no-untyped-def]
    """A capture that leaves `size` bytes of evidence, as a live capture would, and returns the
    pages of PAGES (nothing is fetched)."""

    async def capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
        evidence.mkdir(parents=True)
        (evidence / "capture.warc.gz").write_bytes(b"w" * size)
        pages = tuple(
            Page(url=p["url"], html=p["html"], status=200, charset="utf-8") for p in PAGES["pages"]
        )
        return Site(
            case=Case(case_id, url, reported_at, None), domain="atelier-lumiere.fr", pages=pages
        )

    return capture


def test_a_reader_may_not_capture_live_but_may_score_pages(base: str) -> None:
    live = calls.post(f"{base}/v1/score", json={"url": "https://shop.invalid/"}, headers=_h(READER))
    assert live.status_code == 403 and "investigator" in live.text
    sent = calls.post(f"{base}/v1/score", json=PAGES, headers=_h(READER))
    assert sent.status_code == 200


def test_adhoc_evidence_is_pruned_by_age_and_size(tmp_path: Path, scorer: Scorer) -> None:
    evidence = tmp_path / "evidence"
    old = evidence / "adhoc-20200101T000000000000-aaaa"
    old.mkdir(parents=True)
    (old / "a.warc.gz").write_bytes(b"o" * 10)
    stale = time.time() - 8 * 86400
    os.utime(old, (stale, stale))
    case_folder = evidence / "case-1"  # a case's evidence is never pruned here
    case_folder.mkdir()
    os.utime(case_folder, (stale, stale))
    settings = _settings(tmp_path, adhoc_max_bytes=2_500)
    with running(create_app(settings, scorer, _writing_capture(1_000))) as url:
        assert not old.exists()  # pruned at start-up
        for _ in range(5):
            answer = calls.post(
                f"{url}/v1/score",
                json={"url": "https://atelier-lumiere.fr/"},
                headers=_h(INVESTIGATOR),
            )
            assert answer.status_code == 200, answer.text
            time.sleep(0.02)  # distinct modification times: the oldest goes first
    kept = sorted(p.name for p in evidence.iterdir() if p.name.startswith("adhoc-"))
    assert len(kept) == 2 and case_folder.exists()


def test_pruning_removes_the_oldest_first(tmp_path: Path) -> None:
    now = time.time()
    for age, name in ((300, "adhoc-1"), (200, "adhoc-2"), (100, "adhoc-3")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "w").write_bytes(b"x" * 100)
        os.utime(folder, (now - age, now - age))
    removed = prune_adhoc(tmp_path, keep_days=7, max_bytes=150)
    assert [p.name for p in removed] == ["adhoc-1", "adhoc-2"]


# Defect 9: one transaction per bulk report, and retries with an Idempotency-Key.


def _report_rows(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM reports")).scalar_one()
    finally:
        engine.dispose()


def test_a_retried_report_with_the_same_key_changes_nothing(tmp_path: Path, scorer: Scorer) -> None:
    settings = _settings(tmp_path)
    urls = [f"https://retry{i}.fr/" for i in range(5)] + ["not a url"]
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        first = _report(url, urls, **{"Idempotency-Key": "batch-0001"})
        again = _report(url, urls, **{"Idempotency-Key": "batch-0001"})
        other_body = _report(url, urls[:2], **{"Idempotency-Key": "batch-0001"})
        fresh = _report(url, urls, **{"Idempotency-Key": "batch-0002"})
    assert first.status_code == again.status_code == 202
    assert again.json() == first.json()
    assert other_body.status_code == 422 and "Idempotency-Key" in other_body.text
    assert fresh.status_code == 202 and all(c["merged"] for c in fresh.json()["cases"])
    assert _report_rows(settings.database_url) == 10  # the first report and the fresh one


def test_an_idempotency_key_is_kept_24_hours(tmp_path: Path, scorer: Scorer) -> None:
    settings = _settings(tmp_path)
    with running(create_app(settings, scorer, _no_live_capture)) as url:
        _report(url, ["kept-a-day.fr"], **{"Idempotency-Key": "k-1"})
        engine = make_engine(settings.database_url)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE idempotency_keys SET created_at = :t"),
                {"t": datetime(2020, 1, 1, tzinfo=UTC)},
            )
        engine.dispose()
        later = _report(url, ["kept-a-day.fr"], **{"Idempotency-Key": "k-1"})
    assert later.status_code == 202 and later.json()["cases"][0]["merged"]
    assert _report_rows(settings.database_url) == 2


def test_a_thousand_urls_are_reported_quickly_in_one_request(base: str) -> None:
    urls = [f"https://bulk{i % 700}.fr/p{i}" for i in range(1000)]
    started = time.monotonic()
    answer = _report(base, urls)
    took = time.monotonic() - started
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert len(body["cases"]) == 1000 and sum(not c["merged"] for c in body["cases"]) == 700
    assert took < 10, f"1,000 URLs took {took:.1f} s"


# Defect 10: the verdict's author is the key's holder; `who` is only a note.


def test_the_verdict_author_is_the_keys_holder(base: str) -> None:
    case_id = _report(base, ["authored.fr"]).json()["cases"][0]["case_id"]
    decided = calls.post(
        f"{base}/v1/cases/{case_id}/outcome",
        json={"outcome": "legit", "who": "mallory"},
        headers=_h(INVESTIGATOR),
    ).json()
    assert [(v["author"], v["who"]) for v in decided["verdicts"]] == [("ana", "mallory")]


# Defect 12: body limits, URL limits, authentication first, evidence paths.


def test_a_chunked_body_over_the_limit_gets_413(base: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"pages": [{"url": "https://a.fr/", "html": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}]}'

    got = calls.post(
        f"{base}/v1/score",
        content=chunks(),
        headers=_h(READER, **{"Content-Type": "application/json"}),
    )
    assert got.status_code == 413


def test_long_urls_and_control_characters_are_refused(base: str) -> None:
    long_url = "https://long.fr/" + "a" * 2048
    for bad in (long_url, "https://nul.fr/\x00x", "https://bell.fr/\x07"):
        assert _report(base, [bad]).status_code == 422
        scored = calls.post(f"{base}/v1/score", json={"url": bad}, headers=_h(INVESTIGATOR))
        assert scored.status_code == 422
    mixed = _report(base, ["fine-shop.fr", "https://nul.fr/\x00x"]).json()
    assert len(mixed["cases"]) == 1 and "control" in mixed["rejected"][0]["error"]


def test_unauthenticated_callers_see_no_validation_details(base: str) -> None:
    for body in (b"{not json", b'{"urls": 5}'):
        got = calls.post(
            f"{base}/v1/cases", content=body, headers={"Content-Type": "application/json"}
        )
        assert got.status_code == 401 and "urls" not in got.text and "json" not in got.text.lower()


def test_evidence_paths_are_shown_to_investigators_only(tmp_path: Path, scorer: Scorer) -> None:
    settings = _settings(tmp_path)
    with running(create_app(settings, scorer, _writing_capture(10))) as url:
        case_id = _report(url, ["evidence-shop.fr"]).json()["cases"][0]["case_id"]
        for _ in range(200):
            seen = calls.get(f"{url}/v1/cases/{case_id}", headers=_h(INVESTIGATOR)).json()
            if seen["status"] == "scored":
                break
            time.sleep(0.05)
        read = calls.get(f"{url}/v1/cases/{case_id}", headers=_h(READER)).json()
        listed = calls.get(f"{url}/v1/cases", headers=_h(READER)).json()["cases"]
    assert seen["evidence"] and str(tmp_path) in seen["evidence"]
    assert read["evidence"] is None and all(c["evidence"] is None for c in listed)


def test_idle_connections_and_huge_headers_are_cut_off(tmp_path: Path, scorer: Scorer) -> None:
    """The uvicorn options `scamrank serve` uses: an idle connection is closed after the
    keep-alive timeout, and a header block over the h11 bound is refused."""
    settings = _settings(tmp_path, keep_alive_seconds=1)
    options = server_options(settings)
    app = create_app(settings, scorer, _no_live_capture)
    with running(app, **options) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as idle:
            idle.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = b""
            while not answer.endswith(b'{"status":"ok"}'):
                answer += idle.recv(65536)
            assert answer.startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            assert idle.recv(65536) == b""  # the server hung up on the idle connection
            assert time.monotonic() - started < 5
        with socket.create_connection((host, int(port)), timeout=10) as flood:
            flood.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 70_000)
            assert not flood.recv(65536).startswith(b"HTTP/1.1 200")
