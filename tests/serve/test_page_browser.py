"""The triage page in real headless Chromium (Debian's chromium and chromedriver): the queue
shows with its flags, a verdict recorded through the form is stored under the key holder's
name, another site cannot post one, and signing out ends the session."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import pytest

from serve.app import create_app
from serve.store import Store, make_engine, migrate
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, _no_live_capture, _settings

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (make test installs them)",
)


@pytest.fixture
def browser(tmp_path: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


Found = TypeVar("Found")


def wait_until(browser: Any, condition: Callable[[Any], Found]) -> Found:  # Any: a WebDriver
    """Wait up to 30 s for `condition(browser)` to be truthy. A click that submits a form or
    follows a link replaces the page while the condition may be reading the old one: an element
    gone stale is read again on the next poll, like one not found yet. ChromeDriver reports some
    stale elements as an inspector error instead ("Node with given id does not belong to the
    document"): read again too."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def checked(driver: Any) -> Found | bool:
        try:
            return condition(driver)
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc.msg):
                return False
            raise

    stale = (StaleElementReferenceException,)
    return WebDriverWait(browser, 30, ignored_exceptions=stale).until(checked)  # type: ignore[return-value]


@contextmanager
def _attacker_page(target: str) -> Iterator[str]:
    """A page on another site (localhost, not 127.0.0.1) whose form posts a verdict to
    `target` as soon as it loads."""
    page = (
        f'<form id="f" method="post" action="{target}">'
        '<input name="outcome" value="fraud"><input name="note" value="forged"></form>'
        '<script>document.getElementById("f").submit()</script>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the standard library names it so
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_queue_shows_and_a_verdict_recorded_in_the_form_is_stored(
    tmp_path, scorer, browser
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    settings = _settings(tmp_path)
    engine = make_engine(settings.database_url)
    migrate(engine)
    store = Store(engine)
    now = datetime.now(UTC)
    flagged = store.report("https://soldes-luxe.shop/", "soldes-luxe.shop", "SC-1", now).case_id
    facts = json.dumps([["pay_irreversible_only", 1.0, 1.2], ["legal_siren", 0.0, 0.7]])
    store.record_score(flagged, 0.97, "P1", facts, "test-model")
    calm = store.report("https://atelier.fr/", "atelier.fr", "SC-2", now).case_id
    store.record_score(calm, 0.05, "P3", "[]", "test-model")
    engine.dispose()

    with running(create_app(settings, scorer, _no_live_capture)) as base:
        browser.get(f"{base}/")  # no session yet: the sign-in form asks for the key alone
        assert not browser.find_elements(By.NAME, "name")
        browser.find_element(By.NAME, "key").send_keys(INVESTIGATOR)
        browser.find_element(By.CSS_SELECTOR, "#login button").click()
        wait_until(browser, lambda b: b.find_elements(By.ID, "queue"))
        rows = browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
        assert [r.get_attribute("id") for r in rows] == [f"case-{flagged}", f"case-{calm}"]
        first = rows[0]
        assert first.find_element(By.CSS_SELECTOR, ".P1").text == "P1"
        assert "bank transfer" in first.text and "LCEN art. 6" in first.text
        Select(first.find_element(By.NAME, "outcome")).select_by_value("fraud")
        first.find_element(By.NAME, "note").send_keys("transfer only, fake SIREN")
        first.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # The form posts, the server redirects to the queue: wait for the new page.
        verdict = wait_until(
            browser, lambda b: b.find_element(By.CSS_SELECTOR, f"#case-{flagged} .verdict strong")
        )
        assert verdict.text == "fraud"
        assert browser.execute_script("return document.cookie") == ""  # HttpOnly session

        # Another site's page that posts the verdict form on load: the Strict cookie is not
        # sent, and it could not know the CSRF token anyway.
        with _attacker_page(f"{base}/cases/{calm}/verdict") as attacker:
            browser.get(attacker)
            wait_until(browser, lambda b: b.current_url.startswith(base))
        browser.get(f"{base}/")
        assert not browser.find_elements(By.CSS_SELECTOR, f"#case-{calm} .verdict strong")

        browser.find_element(By.CSS_SELECTOR, "#logout button").click()
        wait_until(browser, lambda b: b.find_elements(By.ID, "login"))
        browser.get(f"{base}/")
        assert browser.find_elements(By.ID, "login")  # signed out: back to the sign-in form

    case = Store(make_engine(settings.database_url)).get(flagged)
    assert case.outcome == "fraud"
    # The author is the holder of the key that signed in, not anything the form said.
    assert [(v.author, v.note) for v in case.verdicts] == [("ana", "transfer only, fake SIREN")]
