"""Linked cases in real headless Chromium (Debian's chromium and chromedriver): an investigator
goes from a case to the case it is linked with, confirms that one as fraud with the page's own
verdict form, and comes back to find the first case raised a level, with the note saying why."""

from __future__ import annotations

from pathlib import Path

from models.scorer import Scorer
from tests.serve import test_page_browser
from tests.serve.test_linked_cases import INVESTIGATOR, _service
from tests.serve.test_page_browser import wait_until

pytestmark = test_page_browser.pytestmark  # skipped where Chromium is not installed
browser = test_page_browser.browser  # the same headless Chromium, a fresh profile per test


def test_a_verdict_given_on_a_linked_case_page_raises_the_case_it_came_from(
    tmp_path: Path, scorer: Scorer, browser
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    def priority() -> str:
        return browser.find_element(
            By.CSS_SELECTOR, "#summary span.P1, #summary span.P2, #summary span.P3"
        ).text

    with _service(tmp_path, scorer) as (base, ids, _):
        browser.get(f"{base}/login")
        browser.find_element(By.NAME, "key").send_keys(INVESTIGATOR)
        browser.find_element(By.CSS_SELECTOR, "#login button").click()
        wait_until(browser, lambda b: b.find_elements(By.ID, "queue"))
        browser.get(f"{base}/cases/{ids['p3']}")
        assert priority() == "P3" and not browser.find_elements(By.ID, "raise-notes")

        rows = browser.find_elements(By.CSS_SELECTOR, "#linked-cases tr.linked-case")
        (row,) = [r for r in rows if "source-shop.fr" in r.text]
        assert "IBAN LT12 1000 ..." in row.text and "none yet" in row.text
        row.find_element(By.TAG_NAME, "a").click()
        # The p3 case page has a title too: wait for the linked case's own.
        expected = f"Case {ids['source']}: source-shop.fr"
        wait_until(browser, lambda b: b.find_element(By.ID, "case-title").text == expected)

        Select(browser.find_element(By.NAME, "outcome")).select_by_value("fraud")
        browser.find_element(By.CSS_SELECTOR, "#verdict-form button").click()
        wait_until(browser, lambda b: b.find_element(By.ID, "outcome").text == "fraud")
        back = f"#linked-cases a[href='/cases/{ids['p3']}']"
        browser.find_element(By.CSS_SELECTOR, back).click()
        wait_until(browser, lambda b: b.find_elements(By.ID, "raise-notes"))
        assert priority() == "P2"
        note = browser.find_element(By.ID, "raise-notes").text
        assert note.startswith(f"raised from P3: linked case {ids['source']} (shares IBAN LT12")
        assert "confirmed fraud on" in note
