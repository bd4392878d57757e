"""Parse each page once: the lxml tree, its visible text, its links, logos and the page's role.

Every family of features reads these `ParsedPage`s; none parses HTML again.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from capture.domains import registrable_domain
from capture.site import Page, Site
from features.lexicon import found, pattern
from features.markup import Markup, read_markup

# Elements whose text a visitor never reads.
# Script and style hold text only as direct children: checking the parent is enough, and far
# cheaper than checking every ancestor of every text node.
_INVISIBLE = "parent::script or parent::style or parent::noscript or parent::template"
# Plain strings (smart_strings=False): lxml's default wraps every text node in an object that
# knows its parent, which nothing here asks for.
_TEXT_XPATH = etree.XPath(f"//body//text()[not({_INVISIBLE})]", smart_strings=False)
_ALL_TEXT_XPATH = etree.XPath(f"//text()[not({_INVISIBLE})]", smart_strings=False)
# A footer's visible text: footers often hold scripts (analytics, consent), whose code is not
# what the shop says of itself and is left out of the page's text too.
_OWN_TEXT_XPATH = etree.XPath(f".//text()[not({_INVISIBLE})]", smart_strings=False)
_SPACES = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
MAX_HTML_CHARS = 3_000_000  # a page larger than this is cut: real shop pages are far smaller

# The roles a page can play, each with the lexicon list of link words that names it.
_ROLE_PATTERNS = {
    "legal": "LEGAL_LINK",
    "terms": "TERMS_LINK",
    "contact": "CONTACT_LINK",
    "checkout": "CHECKOUT_LINK",
    "returns": "RETURNS_LINK",
}
ROLES = tuple(_ROLE_PATTERNS)


@dataclass(frozen=True)
class Link:
    url: str  # absolute, without fragment
    text: str
    internal: bool  # same registrable domain as the site


@dataclass(frozen=True)
class ParsedPage:
    url: str
    html: str
    tree: etree._Element | None  # None for an empty or unparseable page
    title: str
    text: str  # visible text, white space folded
    footer_text: str
    links: tuple[Link, ...]
    logo_words: str  # img src/alt/title, svg titles and class names, joined: where logos show
    roles: frozenset[str]  # which of ROLES this page plays, from its URL, title and inbound links
    status: int = 200  # HTTP status: a 403 legal notice is a blocked page, not a missing one
    # What a family reads from the page once for others to reuse (features/structured.py): it
    # lives and dies with the page, so no cache outlives a site or is shared across threads.
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)


def _fold(parts: list[str]) -> str:
    # str.split() splits on exactly the characters `\s` matches, several times faster than
    # re.sub over the many short strings (link texts) this folds.
    return " ".join(" ".join(parts).split())


# The text of an element and its descendants: HtmlElement.text_content() without its class.
element_text = etree.XPath("string()", smart_strings=False)

# A plain HTML parser: lxml.html's own parser gives every element a Python class chosen by a
# Python lookup each time an element is touched, a tenth of extraction. One parser per thread,
# since an lxml parser is not to be shared between threads. Pages with microdata or Open Graph
# prices keep lxml.html's elements: extruct's readers of those call drop_tree() and .head.
_PARSERS = threading.local()
MICRODATA_MARK = "itemprop"  # cheap tests on the raw HTML: extruct runs only where one is present
OPENGRAPH_MARKS = ("product:price", "og:price")
_HTML_ELEMENT_MARKS = (MICRODATA_MARK, *OPENGRAPH_MARKS)


def _parser() -> etree.HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser()
    return parser


def _tree(html: str) -> etree._Element | None:
    plain = not any(mark in html for mark in _HTML_ELEMENT_MARKS)
    html = _XML_DECL.sub("", html[:MAX_HTML_CHARS]).replace("\x00", "")
    if not html.strip():
        return None
    try:
        # lxml.html.fromstring's handling of fragments, with plain elements where they serve.
        return lxml.html.fromstring(html, parser=_parser() if plain else None)
    except (etree.ParserError, ValueError):
        return None


def markup_of(page: ParsedPage) -> Markup:
    """Every element of the page with its tag and class (features/markup.py), read once."""
    found = page.memo.get("markup")
    if not isinstance(found, Markup):
        found = page.memo["markup"] = read_markup(page.tree)
    return found


# Where logos show: images, icons, and elements whose class names a payment, an icon, a logo or a
# badge ("card" would take every product card).
_LOGO_TAGS = frozenset({"img", "source", "svg", "use", "i", "image"})
_LOGO_CLASS_WORDS = re.compile("pay|icon|logo|badge")
_SVG_TITLE_XPATH = etree.XPath("//title[not(parent::head)]/text()", smart_strings=False)
_LOGO_ATTRIBUTES = ("src", "alt", "title", "class", "aria-label", "data-src", "value")


def _logo_words(tree: etree._Element, markup: Markup) -> str:
    """Image file names, alt and title texts, svg titles and icon classes: where payment logos
    show. Each distinct value once."""
    words: dict[str, None] = dict.fromkeys(str(t) for t in _SVG_TITLE_XPATH(tree))
    logos = markup.classes_matching(_LOGO_CLASS_WORDS)
    for element, tag, classes in markup.where():
        if tag not in _LOGO_TAGS and classes not in logos:
            continue
        for attr in _LOGO_ATTRIBUTES:
            value = element.get(attr)
            if value:
                words[value] = None
    # File names such as visa-logo.svg become "visa logo svg" so that word boundaries match.
    return _SPACES.sub(" ", re.sub(r"[/_.\-=?&]+", " ", " ".join(words)))


def _origin(base: str) -> str:
    """`https://shop.fr` for `https://shop.fr/a/b?c`: what a root-relative link is joined to."""
    scheme, sep, rest = base.partition("://")
    return f"{scheme}{sep}{rest.split('/', 1)[0].split('?', 1)[0].split('#', 1)[0]}"


# What urljoin would change in a link: dot segments, an empty query or fragment, white space.
_NOT_PLAIN = re.compile(r"/\.|[?#](?:#|$)|[\t\n\r]")


def _absolute(href: str, base: str, origin: str) -> str:
    """`urljoin(base, href)` without its cost on the two forms most links take: already
    absolute, or root-relative, and plain (see _NOT_PLAIN). Anything else goes to urljoin."""
    if _NOT_PLAIN.search(href) is None:
        if href.startswith(("https://", "http://")):
            host = href.partition("://")[2][:1]
            if host and host not in "/?#":
                return href
            return urljoin(base, href)
        if origin and href.startswith("/") and not href.startswith("//"):
            return origin + href
    return urljoin(base, href)


def _host_domain(url: str, hosts: dict[str, str]) -> str:
    """The registrable domain of an absolute URL's host, computed once per host in `hosts`."""
    netloc = url.partition("://")[2].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    found = hosts.get(netloc)
    if found is None:
        found = hosts[netloc] = registrable_domain(url)
    return found


def _links(
    markup: Markup, base: str, domain: str, hosts: dict[str, str] | None = None
) -> tuple[Link, ...]:
    links: list[Link] = []
    hosts = {} if hosts is None else hosts
    origin = _origin(base) if base.startswith(("https://", "http://")) else ""
    for a in markup.own_tagged("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            url = _absolute(href, base, origin).split("#", 1)[0]
        except ValueError:
            continue
        text = _fold([element_text(a), a.get("title") or ""])
        internal = (
            _host_domain(url, hosts) == domain
            if url.startswith(("https://", "http://"))
            else registrable_domain(url) == domain
        )
        links.append(Link(url=url, text=text, internal=internal))
    return tuple(links)


def path_words(url: str) -> str:
    """The words of a URL's path and query ("/mentions-legales?x=1": "mentions legales x 1"),
    where a page's role shows."""
    parts = urlsplit(url)
    return re.sub(r"[/_\-.=?&]+", " ", f"{parts.path} {parts.query}")


_WHOLE_PAGE = frozenset({"html", "body"})


def _footers(markup: Markup) -> list[etree._Element]:
    """The <footer> elements; only where a page has none, those whose id or class says footer."""
    if "footer" in markup.tag_set:
        return [element for element, tag, _ in markup.where() if tag == "footer"]
    return [
        element
        for element, tag, classes in markup.where()
        # A footer is a part of the page: a <body> whose class list holds a flag such as
        # "share_tools_footer_on" is the whole page, not its footer.
        if tag not in _WHOLE_PAGE
        and (
            "footer" in classes
            or "Footer" in classes
            or "footer" in (ident := element.get("id") or "")
            or "Footer" in ident
        )
    ]


def parse_page(page: Page, domain: str, hosts: dict[str, str] | None = None) -> ParsedPage:
    """Parse one page; never raises, an unparseable page gives an empty tree and text. `hosts`
    holds the registrable domain of each host seen, shared by a site's pages (whose menus and
    footers link the same hosts on every page)."""
    tree = _tree(page.html)
    if tree is None:
        return ParsedPage(page.url, page.html, None, "", "", "", (), "", frozenset(), page.status)
    has_body = tree.find(".//body") is not None or tree.tag == "body"
    text = _fold((_TEXT_XPATH if has_body else _ALL_TEXT_XPATH)(tree))
    markup = read_markup(tree)
    # Text nodes joined with spaces, not text_content(): "<li>Livraison</li><li>Garantie</li>" must
    # stay two words for the lexicon's whole-word patterns.
    footer_text = _fold([" ".join(_OWN_TEXT_XPATH(f)) for f in _footers(markup)[:3]])
    title_el = tree.find(".//title")
    title = _fold([element_text(title_el)]) if title_el is not None else ""
    return ParsedPage(
        url=page.url,
        html=page.html,
        tree=tree,
        title=title,
        text=text,
        footer_text=footer_text,
        links=_links(markup, page.url, domain, hosts),
        logo_words=_logo_words(tree, markup),
        roles=frozenset(),
        status=page.status,
        memo={"markup": markup},
    )


def _normal(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"


def assign_roles(pages: list[ParsedPage]) -> list[ParsedPage]:
    """A page plays a role (legal notice, terms...) when its URL or title says so, or when a link
    whose text says so points at it."""
    inbound: dict[str, list[str]] = {}
    normal: dict[str, str] = {}  # a site's pages repeat the same menu links: each URL read once
    for page in pages:
        for link in page.links:
            if link.internal:
                key = normal.get(link.url)
                if key is None:
                    key = normal[link.url] = _normal(link.url)
                inbound.setdefault(key, []).append(link.text)
    out: list[ParsedPage] = []
    for index, page in enumerate(pages):
        is_home = index == 0 and not urlsplit(page.url).path.strip("/")
        if is_home:
            out.append(replace(page, roles=frozenset()))
            continue
        # Bytes, encoded once: RE2 given a str encodes it again for each of the roles.
        link_texts = " ".join(inbound.get(_normal(page.url), ())[:20]).encode()
        own = f"{path_words(page.url)} {page.title}".encode()
        roles = frozenset(
            role
            for role, name in _ROLE_PATTERNS.items()
            if found(pattern(name), own) or (link_texts and found(pattern(name), link_texts))
        )
        out.append(replace(page, roles=roles))
    return out


def parse_site(site: Site) -> list[ParsedPage]:
    """Every page of a site parsed once, with roles assigned."""
    hosts: dict[str, str] = {}
    return assign_roles([parse_page(page, site.domain, hosts) for page in site.pages])
