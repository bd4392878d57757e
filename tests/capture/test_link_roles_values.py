"""Which link a capture follows for each key role (capture/links.py): the text of a link counts
twice what its URL does, so a footer link "Mentions légales" to a URL that says nothing is the
legal notice, ahead of a URL that names the notice under an unrelated text."""

from __future__ import annotations

import pytest

from capture.links import Link, choose_pages, page_links, role_score

SITE = frozenset({"boutique.invalid"})


@pytest.mark.parametrize(
    ("url", "text", "score"),
    [
        ("https://boutique.invalid/p/1", "mentions légales", 2),  # by its text
        ("https://boutique.invalid/mentions-legales", "bottes", 1),  # by its URL
        ("https://boutique.invalid/mentions-legales", "mentions légales", 3),  # by both
        ("https://boutique.invalid/p/1", "bottes", 0),  # by neither
    ],
)
def test_a_link_scores_two_for_its_text_and_one_for_its_url(
    url: str, text: str, score: int
) -> None:
    assert role_score(Link(url, text), "legal") == score


def test_links_whose_urls_say_nothing_are_chosen_by_their_text() -> None:
    footer = (
        '<a href="/p/1">Mentions légales</a> <a href="/p/2">CGV</a>'
        '<a href="/p/3">Nous contacter</a> <a href="/p/4">Livraison et retours</a>'
    )
    links = page_links(
        f"<html><body><footer>{footer}</footer></body></html>", "https://boutique.invalid/"
    )
    picks = choose_pages(
        links, SITE, 8, taken=set(), roles=("legal", "terms", "contact", "returns")
    )
    assert picks == [
        ("legal", "https://boutique.invalid/p/1"),
        ("terms", "https://boutique.invalid/p/2"),
        ("contact", "https://boutique.invalid/p/3"),
        ("returns", "https://boutique.invalid/p/4"),
    ]


def test_the_text_beats_the_url_for_a_role() -> None:
    # /mentions-legales under "Nos bottes" scores 1; /p/9 under "Mentions légales" scores 2.
    html = (
        '<html><body><a href="/mentions-legales">Nos bottes</a>'
        '<a href="/p/9">Mentions légales</a></body></html>'
    )
    links = page_links(html, "https://boutique.invalid/")
    assert choose_pages(links, SITE, 1, taken=set(), roles=("legal",)) == [
        ("legal", "https://boutique.invalid/p/9")
    ]
