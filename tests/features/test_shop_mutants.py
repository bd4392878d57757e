"""is_shop on feature rows built by hand: which values count as a sign of a shop (any positive
number) and which do not (zero, unknown, text that is no number)."""

from __future__ import annotations

import math

import pytest

from features.parse import parse_site
from features.shop import is_shop, page_shop_signs
from tests.features.sites import make_site


@pytest.mark.parametrize(
    ("row", "shop"),
    [
        ({"pay_card": 1}, True),  # one card method offered
        ({"price_min_over_median": 0.5}, True),  # a fraction is a sign too
        ({"price_max_discount": 0.05}, True),
        ({"pay_checkout_found": True}, True),
        ({"pay_card": 0}, False),
        ({"pay_card": -1.0}, False),
        ({"price_jsonld_offers": None}, False),  # unknown
        ({"price_min_over_median": math.nan}, False),  # unknown, as a stored table writes it
        ({"pay_card": "yes"}, False),  # not a number
        ({"pay_card": [1]}, False),
        ({}, False),
        ({"shop_signs": "cart price"}, True),
        ({"shop_signs": "  ", "pay_card": 0}, False),
        ({"shop_signs": None, "pay_paypal": 2}, True),
    ],
)
def test_a_sign_is_a_positive_number(row: dict[str, object], shop: bool) -> None:
    assert is_shop(row) is shop


def test_signs_outside_the_list_do_not_count() -> None:
    assert is_shop({"domain_age_days": 400.0, "text_urgency_phrases": 3}) is False


def _signs(*bodies: str) -> tuple[str, ...]:
    urls = ["https://shop.invalid/"] + [f"https://shop.invalid/p{i}" for i in range(1, len(bodies))]
    html = [f"<html><body>{body}</body></html>" for body in bodies]
    return page_shop_signs(parse_site(make_site(dict(zip(urls, html, strict=True)))))


@pytest.mark.parametrize(
    "element",
    [
        '<a href="/cart"></a>',
        '<form action="/checkout"></form>',
        '<button id="cart"></button>',
        '<a class="minicart"></a>',
        '<input type="submit" name="add-to-cart">',
        '<input type="button" value="Add to cart">',
        '<a aria-label="Panier"></a>',
        '<a title="Warenkorb"></a>',
        "<a>Panier (0)</a>",  # a short label of its own
        "<button>Ajouter au panier, livraison rapide 48h</button>",  # 39 characters
    ],
)
def test_each_place_a_cart_link_shows_itself(element: str) -> None:
    assert _signs(f"<p>Accueil</p>{element}") == ("cart",)


@pytest.mark.parametrize(
    "element",
    [
        "<button>Ajouter au panier, livraison rapide: 48h</button>",  # 40: a container
        "<form><p>Votre panier est vide</p></form>",  # a form's text is its fields', not its own
        '<a href="/blog" data-cart="1">Blog</a>',  # an attribute not read
        "<div>Panier</div>",  # not a link, button or form
        '<input type="text" name="cart">',  # an input other than a submit or button
    ],
)
def test_what_is_no_cart_link(element: str) -> None:
    assert _signs(f"<p>Accueil</p>{element}") == ()


@pytest.mark.parametrize(
    ("label", "cart"),
    [
        ("Add\u00a0to\u00a0cart", True),  # a no-break space is white space, as in Python's \s
        ("Ajouter au Panier", True),
        ("Mon-panier", True),
        ("Check_out", True),
        ("épanier", False),  # a letter before the word: no word boundary (RE2's \b is ASCII)
        ("paniers", False),
        ("cartier", False),
        ("x_cart", False),  # "_" is a word character
        ("panierà", False),
        ("Über cart", True),
    ],
)
def test_cart_words_are_whole_words_in_unicode(label: str, cart: bool) -> None:
    assert _signs(f"<p>Accueil</p><a>{label}</a>") == (("cart",) if cart else ())


def test_a_checkout_page_is_a_cart_sign_without_any_cart_word() -> None:
    pages = parse_site(
        make_site(
            {
                "https://shop.invalid/": "<html><body><p>Accueil</p></body></html>",
                "https://shop.invalid/checkout": "<html><body><p>Adresse</p></body></html>",
            }
        )
    )
    assert [sorted(p.roles) for p in pages] == [[], ["checkout"]]
    assert page_shop_signs(pages) == ("cart",)


def test_a_cart_link_among_many_links_is_found_in_its_chunk() -> None:
    # Words are searched a hundred strings at a time: 120 links make more than one chunk, and
    # the cart, tenth, is in the first. Its only cart word is its text, no string's first.
    links = [f'<a href="/c{i}">Produit {i}</a>' for i in range(120)]
    links[10] = '<a href="/compte">Panier</a>'
    assert _signs("".join(links)) == ("cart",)
    links[10] = '<a href="/compte">Compte</a>'
    assert _signs("".join(links)) == ()


def test_a_page_that_could_not_be_parsed_shows_no_cart() -> None:
    pages = parse_site(make_site({"https://shop.invalid/": ""}))
    assert pages[0].tree is None
    assert page_shop_signs(pages) == ()


def test_product_markup_is_read_in_the_first_million_characters() -> None:
    # The Open Graph product mark ends at character 1,000,000 of the page: read; one later: cut.
    mark = '<meta property="og:type" content="product'
    for end, signs in ((1_000_000, ("product",)), (1_000_001, ())):
        head = "<html><body><p>"
        html = head + "x" * (end - len(head) - len(mark)) + mark + '"></p></body></html>'
        assert html.index(mark) + len(mark) == end
        assert page_shop_signs(parse_site(make_site({"https://shop.invalid/": html}))) == signs


def test_an_empty_page_shows_no_sign() -> None:
    assert _signs("") == ()
