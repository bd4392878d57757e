"""Page roles (features/parse.py's assign_roles) on hand-written sites: a page plays a role by
its URL or title, or by the text of the site's links that point to it. Pages here have URLs and
titles that say nothing, so only the link text can give them their role."""

from __future__ import annotations

import pytest

from features.parse import parse_site
from features.pipeline import extract
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home

HOME = "https://shop.invalid/"
PAGE = "https://shop.invalid/page/42"  # a URL without a role word
NEUTRAL = "<html><head><title>Page</title></head><body><p>Texte.</p></body></html>"


def _roles(link_text: str, href: str = "/page/42", target: str = PAGE) -> frozenset[str]:
    site = make_site({HOME: shop_home(f'<a href="{href}">{link_text}</a>'), target: NEUTRAL})
    return parse_site(site)[1].roles


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mentions légales", "legal"),
        ("Impressum", "legal"),
        ("CGV", "terms"),
        ("Terms and conditions", "terms"),
        ("Nous contacter", "contact"),
        ("Panier", "checkout"),
        ("Livraison", "returns"),
    ],
)
def test_a_page_takes_its_role_from_the_text_of_links_to_it(text: str, role: str) -> None:
    assert _roles(text) == {role}


def test_a_link_without_role_words_gives_no_role() -> None:
    assert _roles("Nos bottes") == frozenset()


def test_links_match_their_page_whatever_trailing_slash_or_fragment() -> None:
    assert _roles("Mentions légales", href="https://shop.invalid/page/42/#haut") == {"legal"}
    assert _roles("Mentions légales", href="/page/42/") == {"legal"}


def test_a_link_to_another_page_gives_this_one_nothing() -> None:
    assert _roles("Mentions légales", href="/page/43") == frozenset()


def test_url_and_title_give_roles_without_any_link() -> None:
    site = make_site(
        {
            HOME: shop_home("<p>pied de page</p>"),
            "https://shop.invalid/mentions-legales": NEUTRAL,
            "https://shop.invalid/x": "<html><head><title>Conditions générales de vente"
            "</title></head><body><p>Texte.</p></body></html>",
        }
    )
    assert [p.roles for p in parse_site(site)] == [frozenset(), {"legal"}, {"terms"}]


def test_the_home_page_plays_no_role_even_when_linked_as_one() -> None:
    site = make_site({HOME: shop_home('<a href="/">Contact</a>'), PAGE: NEUTRAL})
    assert parse_site(site)[0].roles == frozenset()


def test_a_notice_reached_only_by_its_link_text_is_found_and_read() -> None:
    """The role decides which page is read as the legal notice: a notice at a URL that says
    nothing is found through the footer link "Mentions légales"."""
    footer = '<a href="/page/42">Mentions légales</a>'
    found = extract(make_site({HOME: shop_home(footer), PAGE: FR_NOTICE_VALID}))
    assert found["legal_page_found"] is True
    assert found["legal_siren"] is True  # 732 829 320, read from that page
    unlinked = extract(
        make_site({HOME: shop_home('<a href="/page/42">Bottes</a>'), PAGE: FR_NOTICE_VALID})
    )
    assert unlinked["legal_page_found"] is False
