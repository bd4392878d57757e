"""Links are resolved the way urljoin resolves them, on a fast path for the common forms; a
page's footer is a part of it, read as a visitor reads it."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import example, given
from hypothesis import strategies as st

from capture.site import Page
from features.markup import read_markup
from features.parse import _absolute, _links, _origin, _tree, parse_page

BASES = st.sampled_from(
    [
        "https://shop.invalid/",
        "https://www.shop.invalid/a/b/page.html?x=1",
        "http://shop.invalid:8080/dir/",
        "https://user@shop.invalid/p#frag",
    ]
)
PIECES = st.sampled_from(
    ["/", "a", "b", ".", "..", "?", "#", "=", "&", "q", "\n", " ", "%20", "é", "//", "https://"]
)


@given(BASES, st.lists(PIECES, max_size=8).map("".join))
@example("https://shop.invalid/", "/a/../b")
@example("https://shop.invalid/", "https://other.invalid/x?")
@example("https://shop.invalid/", "/p?#top")
@example("https://shop.invalid/", "/p\n?q=1")
@example("https://shop.invalid/", "//cdn.invalid/x")
def test_absolute_is_urljoin(base: str, href: str) -> None:
    try:
        expected = urljoin(base, href)
    except ValueError:
        return  # the caller skips such links either way
    assert _absolute(href, base, _origin(base)) == expected


def test_links_are_absolute_and_internal_by_registrable_domain() -> None:
    tree = _tree(
        '<html><body><a href="/mentions-legales">Mentions</a>'
        '<a href="https://blog.shop.invalid/x#y">Blog</a>'
        '<a href="../up">Up</a><a href="https://pay.other.invalid/">Pay</a>'
        '<a href="#top">Top</a><a href="mailto:a@shop.invalid">Mail</a></body></html>'
    )
    assert tree is not None
    links = _links(read_markup(tree), "https://www.shop.fr/a/b", "shop.fr")
    assert [(link.url, link.internal) for link in links] == [
        ("https://www.shop.fr/mentions-legales", True),
        ("https://blog.shop.invalid/x", False),
        ("https://www.shop.fr/up", True),
        ("https://pay.other.invalid/", False),
    ]
    # Another host of the same registrable domain is internal (no name is looked up).
    tree = _tree('<a href="https://blog.shop.fr/x">Blog</a><a href="/y">Y</a>')
    assert tree is not None
    assert [link.internal for link in _links(read_markup(tree), "https://shop.fr/", "shop.fr")] == [
        True,
        True,
    ]


def test_footer_is_a_part_of_the_page_and_its_visible_text() -> None:
    # A news template flags its features in the body's class ("share_tools_footer_on"); the
    # real footer is a div named so, and holds a consent script.
    html = (
        '<html><body class="permalink f_share_tools_footer_on">'
        "<article><p>An article about gadgets, SIRET 732 829 320 00074 of someone else.</p>"
        "</article>"
        '<div class="site-footer"><p>Boutique SAS, 3 rue des Lilas, Lyon</p>'
        '<script>var consent = {"footerText": "SIRET 000"};</script></div>'
        "</body></html>"
    )
    page = parse_page(Page("https://shop.invalid/", html, 200, "utf-8"), "shop.invalid")
    assert page.footer_text == "Boutique SAS, 3 rue des Lilas, Lyon"
    assert page.footer_text in page.text  # a run of the page's own text, as checkout expects
    # A page whose only footer-named element is its body has no footer.
    bare = parse_page(
        Page("https://shop.invalid/", '<body class="footer_on"><p>Texte</p></body>', 200, "utf-8"),
        "shop.invalid",
    )
    assert bare.footer_text == ""
