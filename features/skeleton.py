"""A page's skeleton: its elements in document order as tag and classes, without text. Shops
built from one kit share it whatever their names, products and prices, so near-identical skeletons
link cases to one operator (models/links.py compares them with MinHash)."""

from __future__ import annotations

import lxml.html
from lxml import etree

from features.markup import Markup, read_markup

MAX_ELEMENTS = 5_000  # enough to tell kits apart; a huge page is not read to its end


def page_skeleton(html: str) -> list[str]:
    """The page's elements as `tag.class1.class2` (classes sorted), in document order; empty
    for a page that does not parse."""
    if not html.strip():
        return []
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []  # empty or undecodable markup: no skeleton, no template link
    return markup_skeleton(read_markup(tree))


def markup_skeleton(markup: Markup) -> list[str]:
    """page_skeleton of a page already parsed, from its element list (features/markup.py):
    every element from the document root, so a fragment's tree gives the same skeleton as its
    markup; comments and processing instructions left out."""
    tags, classes = markup.tags[:MAX_ELEMENTS], markup.classes[:MAX_ELEMENTS]
    return [
        ".".join([tag, *sorted(names.split())]) if names else tag
        for tag, names in zip(tags, classes, strict=True)
    ]
