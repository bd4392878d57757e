"""Which element beside a struck former price is read as the price paid: an <ins>, an element
whose class or itemprop says price, or one with a currency; never a bare number. Each page puts a
long paragraph in the price box so that the fallback (the whole box minus the former price) is
out of play and only the neighbour decides."""

from __future__ import annotations

import pytest

from capture.site import Page
from features.parse import parse_page
from features.pricing import _read_page, parse_amount, pricing_features

# More than the 400 characters of a price box, and no number in it.
FILLER = "<p>" + "Une paire de bottes cousue main dans notre atelier. " * 9 + "</p>"


def _discount(box: str) -> float:
    html = f"<html><body><div>{box}{FILLER}</div></body></html>"
    page = parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), "shop.invalid")
    return pricing_features([page])["price_max_discount"]


@pytest.mark.parametrize(
    ("box", "discount"),
    [
        ("<del>100</del><ins>80</ins>", 0.2),  # an <ins> needs no currency
        ('<s>100</s><span class="price">70</span>', 0.3),  # its class says price
        ('<s>100</s><span class="product-Price">75</span>', 0.25),
        ('<s>100</s><span itemprop="price">60</span>', 0.4),  # its itemprop says price
        ("<s>100</s><span>55 €</span>", 0.45),  # a currency is enough
        ("<s>100</s><span>12</span>", 0.0),  # a bare number beside it is no price
        ("<s>100</s><b>12</b><em>3</em>", 0.0),
        ('<s>100</s><span class="sr-only">50 €</span>', 0.0),  # screen-reader copy
        ('<s>100</s><span style="text-decoration: line-through">50 €</span>', 0.0),
    ],
)
def test_the_price_beside_a_former_price(box: str, discount: float) -> None:
    assert _discount(box) == discount


def test_a_price_before_the_former_one_is_read_too() -> None:
    assert _discount("<ins>40</ins><del>50</del>") == 0.2


@pytest.mark.parametrize(
    ("box", "discount"),
    [
        # Three neighbours on each side are read, not a fourth.
        ("<s>100</s><b>a</b><b>b</b><b>c</b><span>80 €</span>", 0.0),
        ("<span>80 €</span><b>a</b><b>b</b><b>c</b><s>100</s>", 0.0),
        ("<s>100</s><b>a</b><b>b</b><span>80 €</span>", 0.2),
        ("<span>80 €</span><b>a</b><b>b</b><s>100</s>", 0.2),
    ],
)
def test_three_neighbours_on_each_side(box: str, discount: float) -> None:
    assert _discount(box) == discount


def _box_discount(inner: str) -> float:
    """The discount of a box whose price is in its own text (no neighbour element reads as one),
    so that the fallback reads it."""
    html = f"<html><body><div>{inner}</div></body></html>"
    page = parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), "shop.invalid")
    return pricing_features([page])["price_max_discount"]


def test_a_box_of_400_characters_is_still_one_price_box() -> None:
    head = "<s>100</s> 80 € "
    pad = "a" * (400 - len("100 80 € "))
    assert _box_discount(head + pad) == 0.2  # 400 characters of text: read
    assert _box_discount(head + pad + "a") == 0.0  # 401: a product list, not read


def test_the_former_price_is_taken_out_of_the_box_once() -> None:
    # Without its first "100", the box reads "soit 100 ...": 100 again, not below the former price.
    assert _box_discount("<s>100</s> soit 100 moins 20 : 80 €") == 0.0


@pytest.mark.parametrize(
    ("price", "prices"),
    [
        ("0,50 €", [0.5]),  # under one euro is a price
        ("0,00 €", []),  # free is not
        ("999 999 999,00 €", [999999999.0]),
        ("1 000 000 000 €", []),  # a billion is no shop price
        ("1 000 000 000,50 €", []),
    ],
)
def test_visible_prices_are_positive_and_under_a_billion(price: str, prices: list[float]) -> None:
    html = f'<html><body><span class="price">{price}</span></body></html>'
    page = parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), "shop.invalid")
    assert _read_page(page)[1] == prices


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("0,50 €", 0.5),
        ("0 €", None),
        ("gratuit", None),
        ("999 999 999 €", 999999999.0),
        ("1 000 000 000 €", None),
        ("1 000 000 000,50 €", None),
    ],
)
def test_amounts_are_positive_and_under_a_billion(text: str, amount: float | None) -> None:
    assert parse_amount(text) == amount
