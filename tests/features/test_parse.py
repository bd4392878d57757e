"""Links are resolved the way urljoin resolves them, on a fast path for the common forms."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import example, given
from hypothesis import strategies as st

from features.markup import read_markup
from features.parse import _absolute, _links, _origin, _tree

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
