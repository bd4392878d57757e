"""The case page in real headless Chromium (Debian's chromium and chromedriver): from the queue
to a case page with what was found and the captured pages, whose scripts do not run and which
fetch nothing: the frame is sandboxed and the captured page's image never reaches its server."""

from __future__ import annotations

import time
from pathlib import Path

from models.scorer import Scorer
from tests.serve import test_page_browser
from tests.serve.test_case_page import INVESTIGATOR, SHOP, case_world
from tests.serve.test_page_browser import wait_until

pytestmark = test_page_browser.pytestmark  # skipped where Chromium is not installed
browser = test_page_browser.browser  # the same headless Chromium, a fresh profile per test


def test_from_the_queue_to_a_case_whose_captured_page_runs_no_script(
    tmp_path: Path, scorer: Scorer, browser
) -> None:
    from selenium.webdriver.common.by import By

    with case_world(tmp_path, scorer) as world:
        base = world.base
        pixel_hits = len(world.tracker_hits.log)
        browser.get(f"{base}/")  # no session yet: the sign-in form
        browser.find_element(By.NAME, "key").send_keys(INVESTIGATOR)
        browser.find_element(By.CSS_SELECTOR, "#login button").click()
        wait_until(browser, lambda b: b.find_elements(By.ID, "queue"))
        browser.find_element(By.CSS_SELECTOR, f"#case-{world.case_id} a.case-link").click()
        title = wait_until(browser, lambda b: b.find_element(By.ID, "case-title"))
        assert title.text == f"Case {world.case_id}: {SHOP}"
        assert browser.current_url == f"{base}/cases/{world.case_id}"

        # What was found: legal notice, payment, domain dates.
        def fact(name: str) -> str:
            return browser.find_element(By.CSS_SELECTOR, f"#fact-{name} td:last-child").text

        assert fact("legal_siren") == "yes" and fact("pay_transfer") == "yes"
        assert "registered 2025-01-10" in browser.find_element(By.ID, "domain-dates").text
        assert browser.find_elements(By.CSS_SELECTOR, "#verdict-form")  # an investigator

        # The captured home page, in its sandboxed frame.
        home = next(
            row
            for row in browser.find_elements(By.CSS_SELECTOR, "#captures tbody tr")
            if row.find_elements(By.TAG_NAME, "td")[1].text.endswith("/")
        )
        n = home.find_element(By.TAG_NAME, "td").text
        frame = browser.find_element(By.CSS_SELECTOR, f"#view-{n} iframe")
        assert frame.get_attribute("sandbox") == ""  # no allow-scripts, no allow-same-origin
        assert frame.get_attribute("src") == f"{base}/cases/{world.case_id}/captures/{n}"
        browser.switch_to.frame(frame)
        marker = wait_until(browser, lambda b: b.find_element(By.ID, "marker"))
        assert marker.text == "script did not run"  # the captured page's script never ran
        assert browser.find_element(By.TAG_NAME, "h1").text == "Soldes -90% Piège"
        browser.switch_to.default_content()

        # Nor did it reach the case page: its title and globals are untouched.
        assert browser.title == f"scamrank case {world.case_id}: {SHOP}"
        assert browser.execute_script("return typeof window.pwned") == "undefined"
        # The frame's origin is opaque (no allow-same-origin): the case page cannot reach into
        # it, and it could not reach out.
        reach = "try { return String(window.frames[0].document); } catch (e) { return 'opaque'; }"
        assert browser.execute_script(reach) == "opaque"
        time.sleep(0.5)  # give a stray image request the time to arrive, if one was made
        assert len(world.tracker_hits.log) == pixel_hits  # the captured image was not fetched
