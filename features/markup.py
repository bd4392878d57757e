"""Every element of a parsed page, listed once with its tag and class attribute, for the feature
families that pick elements by tag or class name (price boxes, logos, payment choices, cart
buttons, the page's skeleton).

Why a list rather than one XPath per family: libxml2 evaluates `contains(@class, 'x')` by
copying the attribute into a new string for every element and every test, so a family's XPath
over class names cost about a millisecond a page, several times the parse itself. Walking the
elements once and testing the class strings in Python costs tens of microseconds. The list is
built lazily, once per page, and kept in the page's memo (see ParsedPage.memo).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

Element = etree._Element


@dataclass(frozen=True)
class Markup:
    # Every element under the document root, in document order: what an XPath `//*` selects.
    elements: tuple[Element, ...]
    tags: tuple[str, ...]
    classes: tuple[str, ...]  # each element's class attribute, "" when it has none
    tag_set: frozenset[str]
    # The indices of the parsed element's own subtree, what `tree.iter()` visits: the whole
    # document, except where lxml.html.fromstring returned one element of a fragment.
    own: range

    def where(self, indices: range | None = None) -> Iterator[tuple[Element, str, str]]:
        """(element, tag, class attribute) of every element, or of those at `indices`."""
        if indices is None:
            return zip(self.elements, self.tags, self.classes, strict=True)
        span = slice(indices.start, indices.stop)
        return zip(self.elements[span], self.tags[span], self.classes[span], strict=True)

    def classes_matching(self, rx: re.Pattern[str]) -> frozenset[str]:
        """The page's distinct class attributes in which `rx` finds a match: one search per
        distinct value rather than per element (menus and grids repeat the same classes)."""
        return frozenset(names for names in set(self.classes) if names and rx.search(names))

    def own_tagged(self, tag: str) -> list[Element]:
        """The elements of the parsed subtree with this tag: `tree.iter(tag)`."""
        if tag not in self.tag_set:
            return []
        tags, elements = self.tags, self.elements
        return [elements[i] for i in self.own if tags[i] == tag]


EMPTY = Markup((), (), (), frozenset(), range(0))


def read_markup(tree: Element | None) -> Markup:
    """The Markup of a parsed tree (EMPTY for None)."""
    if tree is None:
        return EMPTY
    root = tree.getroottree().getroot()
    elements = tuple(root.iter(etree.Element))
    tags = tuple(element.tag for element in elements)
    classes = tuple(element.get("class") or "" for element in elements)
    if root is tree:
        own = range(len(elements))
    else:
        start = next(i for i, element in enumerate(elements) if element is tree)
        own = range(start, start + sum(1 for _ in tree.iter(etree.Element)))
    return Markup(elements, tags, classes, frozenset(tags), own)
