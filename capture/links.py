"""Which pages of a shop to capture: its links, and the best one for each key role.

An investigator checks a shop's legal notice, terms, contact page, delivery and returns, a
product and the cart; a capture fetches those, found by link text and URL (capture/link_words.py),
on the shop's own registrable domain only.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import SplitResult, urljoin, urlsplit

import lxml.html
from lxml import etree

from capture import link_words
from capture.domains import registrable_domain
from capture.warc import url_key

MAX_LINKS = 3000  # links read from one page: a shop's menus and footer are far fewer
_MAX_TEXT = 200  # characters of a link's text that are matched
_SPACES = re.compile(r"\s+")
# Files that are not pages: never worth a request of the page budget.
_NOT_PAGES = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|svg|ico|css|js|json|xml|pdf|zip|gz|rar|mp[34]|webm|woff2?|"
    r"ttf|eot|txt|csv|docx?|xlsx?)$",
    re.IGNORECASE,
)
_SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "sms:", "whatsapp:")


@dataclass(frozen=True)
class Link:
    url: str  # absolute, without fragment
    text: str  # the link's text, title and image alt, white space folded, lower case


@cache
def _patterns(table: str, role: str) -> re.Pattern[str]:
    words = (link_words.TEXT if table == "text" else link_words.URL)[role]
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


def page_links(html: str, base_url: str) -> list[Link]:
    """The http(s) links of a page, absolute and in document order; [] for unparseable HTML."""
    try:
        tree = lxml.html.fromstring(html.replace("\x00", "")) if html.strip() else None
    except (etree.ParserError, ValueError):
        return []
    if tree is None:
        return []
    base = base_url
    base_el = tree.find(".//base[@href]")
    if base_el is not None:
        with contextlib.suppress(ValueError):  # a broken <base> leaves the page's own URL
            base = urljoin(base_url, base_el.get("href", "").strip())
    links: list[Link] = []
    # href -> its absolute URL, or None when it is not followed. A shop's menus and footer
    # repeat the same hrefs (about a third of a real page's links), and urljoin is slow.
    resolved: dict[str, str | None] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href in resolved:
            url = resolved[href]
        else:
            url = resolved[href] = _absolute(base, href)
        if url is None:
            continue
        alts = " ".join(img.get("alt") or "" for img in anchor.iter("img"))
        parts = [anchor.text_content(), anchor.get("title") or "", anchor.get("aria-label") or ""]
        text = _SPACES.sub(" ", " ".join([*parts, alts])).strip().lower()[:_MAX_TEXT]
        links.append(Link(url=url, text=text))
        if len(links) >= MAX_LINKS:
            break
    return links


def _absolute(base: str, href: str) -> str | None:
    """The absolute http(s) URL of a link's href, without fragment; None for what is not
    followed (no href, javascript:, mailto:..., other schemes, unparseable)."""
    if not href or href.lower().startswith(_SKIPPED_SCHEMES):
        return None
    try:
        url = urljoin(base, href).split("#", 1)[0]
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _where(parts: SplitResult) -> str:
    """The part of a URL its role patterns are matched in: path and query, lower case."""
    return (parts.path + (f"?{parts.query}" if parts.query else "")).lower()


def role_score(link: Link, role: str) -> int:
    """How surely a link leads to a page of `role`: 2 for its text, 1 for its URL, 0 for
    neither (a product is known by its URL first: "buy" buttons are everywhere)."""
    return _score(link.text, _where(urlsplit(link.url)), role)


def _score(text: str, where: str, role: str) -> int:
    by_text = bool(_patterns("text", role).search(text))
    by_url = bool(_patterns("url", role).search(where))
    if role == "product":
        return 2 * by_url + by_text
    return 2 * by_text + by_url


def choose_pages(
    links: Iterable[Link],
    domains: frozenset[str],
    limit: int,
    taken: set[str],
    roles: Iterable[str] = link_words.ROLES,
) -> list[tuple[str, str]]:
    """(role, URL) of up to `limit` pages to fetch: the best link for each of `roles`, then more
    product pages. Only links to `domains`, never a URL whose url_key is in `taken`."""
    candidates: dict[str, tuple[Link, str]] = {}  # url_key -> the link, and its _where
    for link in links:
        key = url_key(link.url)
        if key in taken or key in candidates:
            continue
        parts = urlsplit(link.url)  # once per link: it is read four times below
        if _NOT_PAGES.search(parts.path) or registrable_domain(link.url) not in domains:
            continue
        if not parts.path.strip("/") and not parts.query:
            continue  # the home page is the landing page's business
        candidates[key] = (link, _where(parts))
    chosen: list[tuple[str, str]] = []
    used: set[str] = set()
    for role in roles:
        if len(chosen) >= limit:
            break
        best_key, best_score = None, 0
        for key, (link, where) in candidates.items():
            if key in used:
                continue
            score = _score(link.text, where, role)
            if score > best_score:
                best_key, best_score = key, score
        if best_key is not None:
            chosen.append((role, candidates[best_key][0].url))
            used.add(best_key)
    if "product" in roles:
        for key, (link, where) in candidates.items():
            if len(chosen) >= limit:
                break
            if key not in used and _score(link.text, where, "product") >= 2:
                chosen.append(("product", link.url))
                used.add(key)
    return chosen
