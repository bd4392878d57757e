"""features/structured.py: a page's microdata, read as extruct reads it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from extruct.w3cmicrodata import LxmlMicrodataExtractor

from capture.charset import decode_html
from capture.site import Page
from features.parse import MICRODATA_MARK, ParsedPage, parse_page
from features.structured import microdata_items

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real-shops" / "pages"

# Text properties holding what extruct's cleaner takes out (a comment, a script, a style, a meta,
# an <image>), beside plain ones and an item without properties, whose value is its whole text.
ITEMS = """<html><body>
<div itemscope itemtype="https://schema.org/Product">
  <h1 itemprop="name">Robe <!-- promo -->lin <b>bleu</b></h1>
  <p itemprop="description">Coupe droite.<script>track("x")</script> Lavable <style>p{}</style>
    à 30°<image src="a.png">, <meta content="x"> séchage à plat.</p>
  <span itemprop="brand">Maison <i>Orme</i></span>
  <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
    <span itemprop="price">49,90</span> <span itemprop="priceCurrency">EUR</span>
  </div>
</div>
<div itemscope itemtype="https://schema.org/Thing"><p>Un <?pi x?>article<br>sans propriété</p></div>
</body></html>"""


def _page(html: str) -> ParsedPage:
    return parse_page(Page("https://shop.invalid/p", html, 200, "utf-8"), "shop.invalid")


def _extruct(page: ParsedPage) -> list[object]:
    return list(LxmlMicrodataExtractor().extract_items(page.tree, page.url))


def test_microdata_items_are_extructs_whatever_the_properties_hold() -> None:
    page = _page(ITEMS)
    items = microdata_items(page)
    assert items == _extruct(page)
    product = items[0]["properties"]  # type: ignore[index]
    assert product["name"] == "Robe lin bleu"  # the comment left out, as extruct leaves it
    assert "track" not in product["description"] and "p{}" not in product["description"]
    assert product["brand"] == "Maison Orme"
    assert product["offers"]["properties"]["price"] == "49,90"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/real-shops")
def test_microdata_of_real_shops_is_extructs() -> None:
    pages = []
    for path in sorted(CORPUS.glob("*.gz")):
        html, _ = decode_html(gzip.decompress(path.read_bytes()), "text/html")
        if MICRODATA_MARK in html:
            pages.append(_page(html))
    assert len(pages) > 50
    for page in pages:
        assert microdata_items(page) == _extruct(page)
