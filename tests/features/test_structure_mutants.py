"""Structure context read within set bounds: the platform from the first two pages' first 200,000
characters, tracker IDs from each page's first 500,000, and the note on empty pages word for
word."""

from __future__ import annotations

from capture.site import Page
from features.parse import ParsedPage, parse_page, parse_site
from features.structure import platform_of, template_fingerprint, tracker_ids, unparsed_notes
from tests.features.sites import make_site


def _page(html: str, path: str = "/") -> ParsedPage:
    return parse_page(Page(f"https://shop.invalid{path}", html, 200, "utf-8"), "shop.invalid")


PLAIN = "<html><body><p>Bottes</p></body></html>"


def test_the_platform_is_read_on_the_first_two_pages_only() -> None:
    shopify = '<html><head><script src="https://cdn.shopify.com/s/t.js"></script></head></html>'
    assert platform_of([_page(PLAIN), _page(shopify, "/b")]) == "shopify"
    assert platform_of([_page(PLAIN), _page(PLAIN, "/a"), _page(shopify, "/b")]) == ""


def test_the_platform_is_read_in_the_first_200000_characters() -> None:
    # "magento" ends at character 200,000 of the first page: read; at 200,001: cut.
    for end, platform in ((200_000, "magento"), (200_001, "")):
        html = "<html><body><p>" + "x" * (end - 7 - 15) + "magento</p></body></html>"
        assert html.index("magento") + 7 == end
        assert platform_of([_page(html)]) == platform


def test_tracker_ids_are_read_in_the_first_500000_characters() -> None:
    # The ID's last character is the 500,000th: read whole; one further, it is cut to G-ABCDEF.
    for end, found in ((500_000, ("G-ABCDEF1",)), (500_001, ("G-ABCDEF",))):
        html = "<html><body><p>" + "x" * (end - 15 - 10) + " G-ABCDEF1 </p></body></html>"
        assert html.index("G-ABCDEF1") + 9 == end
        assert tracker_ids([_page(html)]) == found


def test_no_page_no_fingerprint() -> None:
    assert template_fingerprint([]) == ""
    assert template_fingerprint([_page("")]) == ""


def test_the_empty_page_note_word_for_word() -> None:
    site = make_site({"https://shop.invalid/": PLAIN, "https://shop.invalid/a": ""})
    assert unparsed_notes(parse_site(site)) == [
        "1 captured page(s) empty or unreadable: their facts are unknown"
        " / 1 page(s) capturée(s) vide(s) ou illisible(s) : leurs informations sont inconnues"
    ]
