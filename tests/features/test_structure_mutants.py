"""Structure context read within set bounds: the platform from the first two pages' first 200,000
characters, tracker IDs from each page's first 500,000, and the note on empty pages word for
word."""

from __future__ import annotations

import pytest

from capture.site import Page
from features.parse import ParsedPage, parse_page, parse_site
from features.structure import (
    platform_of,
    structure_features,
    template_fingerprint,
    tracker_ids,
    unparsed_notes,
)
from tests.features.sites import make_site


def _page(html: str, path: str = "/") -> ParsedPage:
    return parse_page(Page(f"https://shop.invalid{path}", html, 200, "utf-8"), "shop.invalid")


PLAIN = "<html><body><p>Bottes</p></body></html>"


def test_the_platform_is_read_on_the_first_two_pages_only() -> None:
    shopify = '<html><head><script src="https://cdn.shopify.com/s/t.js"></script></head></html>'
    assert platform_of([_page(PLAIN), _page(shopify, "/b")]) == "shopify"
    assert platform_of([_page(PLAIN), _page(PLAIN, "/a"), _page(shopify, "/b")]) == ""


def test_the_first_platform_listed_wins_wherever_its_marks_are() -> None:
    # WordPress's marks come first in the page, WooCommerce's later: WooCommerce, listed first.
    html = '<html><head><script src="/wp-includes/x.js"></script></head><body>'
    html += "<p>x</p>" * 100 + '<div class="woocommerce"></div></body></html>'
    assert platform_of([_page(html)]) == "woocommerce"
    assert platform_of([_page(html.replace("woocommerce", "shop"))]) == "wordpress"


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


def _row(body: str) -> dict[str, object]:
    return structure_features([_page(f"<html><body>{body}</body></html>")])


@pytest.mark.parametrize(
    ("body", "dead"),
    [
        ('<a title="Facebook" href="#"></a>', 1),  # named by its title
        ('<a aria-label="Instagram" href=""></a>', 1),
        ('<a class="icon-tiktok" href="javascript:void(0)"></a>', 1),
        ('<a href="/blog">Blog</a><a href="https://www.facebook.com/">f</a>', 1),  # after another
        ('<a href="https://www.facebook.com/XX/">f</a>', 0),  # a profile, whatever its name
        ('<div class="facebook-feed"></div><span title="YouTube"></span>', 0),  # no links
    ],
)
def test_dead_social_links(body: str, dead: int) -> None:
    assert _row(body)["social_links_dead"] == dead


@pytest.mark.parametrize(
    ("body", "unlinked"),
    [
        ('<img src="/b.png" title="Trustpilot">', 1),  # named by its title
        ('<a><img alt="Trustpilot"></a>', 1),  # a link to nowhere
        (
            '<a href="https://www.trustpilot.com/review/x"><span><img alt="Trustpilot"></span></a>',
            0,
        ),
        ('<img src="/logo.png"><img src="/norton-secured.png">', 1),  # after another image
        ('<div title="Trustpilot"></div>', 0),  # not an image
    ],
)
def test_unlinked_trust_badges(body: str, unlinked: int) -> None:
    assert _row(body)["trust_badges_unlinked"] == unlinked


def test_an_empty_page_has_no_props() -> None:
    row = structure_features([_page("")])
    assert (row["social_links_dead"], row["trust_badges_unlinked"]) == (0, 0)
