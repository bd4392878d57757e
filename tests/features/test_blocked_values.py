"""Blocked pages on hand-written walls: the reason each gives, the roles whose every page was
blocked, and the notes that say so. A wall must read as "unknown", never as "absent"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from capture.site import Page
from features.blocked import block_reason, blocked_notes, blocked_roles
from features.parse import ParsedPage, parse_page, parse_site
from tests.features.sites import make_site, shop_home

NOTICE = "<html><head><title>Mentions légales</title></head><body><p>SARL X.</p></body></html>"


def _page(html: str, status: int = 200) -> ParsedPage:
    return parse_page(Page("https://shop.invalid/x", html, status, "utf-8"), "shop.invalid")


@pytest.mark.parametrize(
    ("status", "reason"), [(401, "401"), (403, "403"), (429, "429"), (503, "503")]
)
def test_statuses_that_mean_not_for_you_block_whatever_the_page(status: int, reason: str) -> None:
    assert block_reason(_page(NOTICE, status)) == reason


@pytest.mark.parametrize("status", [200, 404, 410, 500])
def test_other_statuses_are_read_as_pages(status: int) -> None:
    assert block_reason(_page(NOTICE, status)) is None


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><head><title>Just a moment...</title></head><body></body></html>", "bot challenge"),
        ("<html><head><title>Accès refusé</title></head><body>Non.</body></html>", "bot challenge"),
        ("<html><body><script>window._cf_chl_opt={}</script></body></html>", "bot challenge"),
        (
            "<html><body><script src='https://geo.captcha-delivery.com/c.js'></script></body></html>",
            "bot challenge",
        ),
        ("<html><body><div class='h-captcha'></div><p>Vérifiez.</p></body></html>", "captcha"),
        ("<html><body><div class='cf-turnstile'></div></body></html>", "captcha"),
    ],
)
def test_walls_give_their_reason(html: str, reason: str) -> None:
    assert block_reason(_page(html)) == reason


def test_a_long_page_with_a_challenge_title_is_read_as_a_page() -> None:
    # Over 1,500 characters of text: a real page, whatever its title says.
    text = "Nos lampes sont fabriquées à Lyon depuis 1950. " * 40
    html = f"<html><head><title>Security check</title></head><body><p>{text}</p></body></html>"
    assert block_reason(_page(html)) is None


def _site(pages: dict[str, tuple[str, int]]) -> list[ParsedPage]:
    """A parsed site from {url: (html, HTTP status)}."""
    site = make_site({url: html for url, (html, _) in pages.items()})
    statuses = [status for _, status in pages.values()]
    captured = tuple(replace(p, status=s) for p, s in zip(site.pages, statuses, strict=True))
    return parse_site(replace(site, pages=captured))


HOME = shop_home('<a href="/mentions-legales">Mentions légales</a><a href="/cgv">CGV</a>')


def test_a_role_whose_only_page_is_blocked_is_blocked_with_its_reason() -> None:
    pages = _site(
        {
            "https://shop.invalid/": (HOME, 200),
            "https://shop.invalid/mentions-legales": ("<html><body>Forbidden</body></html>", 403),
            "https://shop.invalid/cgv": ("<html><body><p>CGV.</p></body></html>", 200),
        }
    )
    assert blocked_roles(pages) == {"legal": "403"}  # the terms were read


def test_one_readable_page_of_a_role_makes_it_known() -> None:
    pages = _site(
        {
            "https://shop.invalid/": (HOME, 200),
            "https://shop.invalid/mentions-legales": ("<html><body>Forbidden</body></html>", 403),
            "https://shop.invalid/mentions-legales-2": (NOTICE, 200),
        }
    )
    assert blocked_roles(pages) == {}


def test_the_first_blocked_page_gives_the_reason() -> None:
    wall = "<html><head><title>Just a moment...</title></head><body></body></html>"
    pages = _site(
        {
            "https://shop.invalid/": (HOME, 200),
            "https://shop.invalid/mentions-legales": (wall, 200),
            "https://shop.invalid/informations-legales": (NOTICE, 429),
        }
    )
    assert blocked_roles(pages) == {"legal": "bot challenge"}


def test_notes_name_each_blocked_role_in_english_and_french_sorted() -> None:
    assert blocked_notes({"terms": "429", "legal": "403"}) == [
        "legal notice page blocked (403): its facts are unknown"
        " / page des mentions légales bloquée (403) : ses informations sont inconnues",
        "terms page blocked (429): its facts are unknown"
        " / page des conditions générales bloquée (429) : ses informations sont inconnues",
    ]
    assert blocked_notes({}) == []
