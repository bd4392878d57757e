"""Key pages linked but not captured (features/linked.py) on hand-written sites: which roles a
site links without a captured page playing them, and the notes that say their facts are unknown."""

from __future__ import annotations

from features.linked import UNCAPTURED_NOTES, uncaptured_notes, uncaptured_roles
from features.parse import parse_site
from features.pipeline import extract_with_context
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home

HOME = "https://shop.invalid/"
FOOTER = (
    '<a href="/mentions-legales">Mentions légales</a>'
    '<a href="/page/7">CGV</a>'  # a URL without words: the link text names the terms
    '<a href="/contact">Écrivez-nous</a>'  # a text without the word: the URL names the contact
    '<a href="/collections/bottes">Bottes</a>'  # no key role
    '<a href="https://autre.invalid/cgv">CGV du transporteur</a>'  # external: never counts
)


def _roles(pages: dict[str, str]) -> set[str]:
    return uncaptured_roles(parse_site(make_site(pages)))


def test_each_key_page_linked_and_not_captured_is_unknown() -> None:
    assert _roles({HOME: shop_home(FOOTER)}) == {"legal", "terms", "contact"}


def test_a_captured_page_playing_the_role_leaves_it_known() -> None:
    pages = {HOME: shop_home(FOOTER), "https://shop.invalid/mentions-legales": FR_NOTICE_VALID}
    assert _roles(pages) == {"terms", "contact"}


def test_a_site_that_links_no_key_page_has_none_unknown() -> None:
    assert _roles({HOME: shop_home('<a href="/collections/bottes">Bottes</a>')}) == set()


def test_a_bare_legal_link_names_the_notice() -> None:
    assert _roles({HOME: shop_home('<a href="/p/1">Légal</a>')}) == {"legal"}
    assert _roles({HOME: shop_home('<a href="/p/1">Légal et fiscal du groupe</a>')}) == set()


def test_each_link_is_read_alone() -> None:
    # The links' words are searched together: a phrase split over two links names nothing, and
    # a bare "Légal" counts only as a link's whole text, wherever that link stands.
    split = (
        '<a href="/p/1">Voir</a><a href="/nos-mentions">Nos</a><a href="/p/2">légales du groupe</a>'
    )
    assert _roles({HOME: shop_home(split)}) == set()
    split = '<a href="/p/1">Conditions</a><a href="/p/2">générales</a>'
    assert _roles({HOME: shop_home(split)}) == set()
    around = '<a href="/p/1">Bottes</a><a href="/p/2">— Légal —</a><a href="/p/3">Sacs</a>'
    assert _roles({HOME: shop_home(around)}) == {"legal"}
    assert _roles({HOME: shop_home('<a href="/p/1">Bottes Légal</a>')}) == set()


def test_a_cart_link_names_the_checkout() -> None:
    assert _roles({HOME: shop_home('<a href="/p/2">Panier</a>')}) == {"checkout"}


def test_notes_come_in_a_fixed_order_in_both_languages() -> None:
    notes = uncaptured_notes({"contact", "legal"})
    assert notes == [
        f"{UNCAPTURED_NOTES['legal']['en']} / {UNCAPTURED_NOTES['legal']['fr']}",
        f"{UNCAPTURED_NOTES['contact']['en']} / {UNCAPTURED_NOTES['contact']['fr']}",
    ]


def test_an_uncaptured_notice_is_unknown_in_the_row_not_missing() -> None:
    row, context = extract_with_context(make_site({HOME: shop_home(FOOTER)}))
    assert row["legal_page_found"] is None  # linked: it exists, what it says is unknown
    assert "legal notice linked but not captured" in context["notes"]
    unlinked, _ = extract_with_context(make_site({HOME: shop_home("<p>Rien.</p>")}))
    assert unlinked["legal_page_found"] is False  # neither linked nor captured: absent
