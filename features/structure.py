"""Structure features: what was captured of the site, how it links out, and the props of a fake
shop's front (trust badges that link nowhere, social links that lead nowhere, countdown timers).
Also the site's platform, tracker IDs and a template fingerprint: context for investigators and
for grouping sites of one operator, not model inputs."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

import re2

from features.lexicon import hits
from features.parse import ParsedPage, markup_of

Row = dict[str, float | int | bool | None]

_SOCIAL_HOSTS = (
    "facebook.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "tiktok.com",
    "pinterest.com",
    "youtube.com",
    "linkedin.com",
)
_SOCIAL_WORDS = ("facebook", "instagram", "twitter", "tiktok", "pinterest", "youtube", "linkedin")
_SOCIAL_WORD = re.compile("|".join(_SOCIAL_WORDS), re.I)
_TRUST_WORD = re.compile(
    r"trustpilot|avis[\s_-]?v[ée]rifi[ée]s|trusted[\s_-]?shops|norton|mcafee|ssl[\s_-]?secur|"
    r"secure[\s_-]?(?:site|checkout|payment)|paiement[\s_-]?s[ée]curis[ée]|verified|certifi",
    re.I,
)
# The three below run over whole pages, markup included: RE2 scans them in linear time.
_COUNTDOWN = re2.compile(
    r"(?i)countdown|compte[\s_-]?[àa][\s_-]?rebours|timer"
    r"|\b\d{1,2}\s?[h:]\s?\d{2}\s?[m:]\s?\d{2}\s?s?\b"
)
# The platforms' marks, in order of precedence: the first platform listed among those whose
# marks are found wins (WooCommerce runs on WordPress, so its own marks come first).
_PLATFORM_MARKS = {
    "shopify": r"(?i)cdn\.shopify\.com|Shopify\.theme|myshopify\.com",
    "woocommerce": r"(?i)wp-content/plugins/woocommerce|woocommerce",
    "prestashop": r"(?i)prestashop|/modules/ps_",
    "wix": r"(?i)wixstatic\.com|wix\.com",
    "magento": r"(?i)mage/|magento",
    "wordpress": r"(?i)wp-content|wp-includes",
}
_PLATFORM_NAMES = tuple(_PLATFORM_MARKS)
# One RE2 set of the marks: a single scan of a page tells which platforms' marks are there (one
# scan per platform before: 4% of extraction on real pages). Built here, at import, rather than
# in a function: mutmut cannot mutate code that runs only at import.
_PLATFORMS = re2.Set.SearchSet()
for _marks in _PLATFORM_MARKS.values():
    _PLATFORMS.Add(_marks)
_PLATFORMS.Compile()

_TRACKERS = re2.compile(
    r"\b(G-[A-Z0-9]{6,12}|UA-\d{4,10}-\d{1,3}|GTM-[A-Z0-9]{4,8}|AW-\d{6,12})\b"
    r"|fbq\(\s*['\"]init['\"]\s*,\s*['\"](\d{10,20})"
)
# What every match of _TRACKERS holds, case and all (the pattern is case-sensitive): a page
# holding none of them is not searched, a substring test costing a fraction of RE2's pass.
_TRACKER_MARKS = ("G-", "UA-", "GTM-", "AW-", "fbq(")


def names_social(label: str) -> bool:
    """`_SOCIAL_WORD.search(label)`: by plain substring tests where the label is ASCII (nearly
    every class, aria-label and href), whose case folding is plain lower-casing; the regex,
    slow with re.I (6 us a link), keeps Unicode's folds ("İnstagram") for the others."""
    if label.isascii():
        low = label.lower()
        return any(word in low for word in _SOCIAL_WORDS)
    return _SOCIAL_WORD.search(label) is not None


def _dead_social(page: ParsedPage) -> int:
    """Social links that point at a network's home page or nowhere ('#'), not at a real profile."""
    if page.tree is None:
        return 0
    dead = 0
    for a in markup_of(page).own_tagged("a"):
        href = (a.get("href") or "").strip()
        label = f"{a.get('class', '')} {a.get('aria-label', '')} {a.get('title', '')} {href}"
        if not names_social(label):
            continue
        parts = urlsplit(href)
        host = (parts.hostname or "").removeprefix("www.")
        if (
            not href
            or href.startswith(("#", "javascript:"))
            or (host in _SOCIAL_HOSTS and parts.path.strip("/") == "")
        ):
            dead += 1
    return dead


def _unlinked_badges(page: ParsedPage) -> int:
    """Trust-badge images that are not links to the certifier (a real badge links to its proof)."""
    if page.tree is None:
        return 0
    count = 0
    for img in markup_of(page).own_tagged("img"):
        words = f"{img.get('src', '')} {img.get('alt', '')} {img.get('title', '')}"
        if not _TRUST_WORD.search(words):
            continue
        link = next((a for a in img.iterancestors("a")), None)
        href = link.get("href", "") if link is not None else ""
        if not href.startswith("http"):
            count += 1
    return count


def structure_features(pages: list[ParsedPage]) -> Row:
    """The props of a fake front. How much was captured (pages, links) is not an input (see the
    catalogue). Empty or unparseable pages are a note (unparsed_notes), not an input: they fired
    on no site of the sample or of real shops."""
    return {
        "social_links_dead": sum(_dead_social(p) for p in pages[:3]),
        "trust_badges_unlinked": sum(_unlinked_badges(p) for p in pages[:3]),
        "countdown_timer": any(
            _COUNTDOWN.search(p.logo_words) or _COUNTDOWN.search(p.text) for p in pages
        ),
    }


def unparsed_notes(pages: list[ParsedPage]) -> list[str]:
    """A weightless note, in English and French, when captured pages were empty or not HTML:
    what they hold is unknown, which the investigator should know."""
    broken = sum(page.tree is None for page in pages)
    if not broken:
        return []
    return [
        f"{broken} captured page(s) empty or unreadable: their facts are unknown"
        f" / {broken} page(s) capturée(s) vide(s) ou illisible(s) : leurs informations sont"
        " inconnues"
    ]


def platform_of(pages: list[ParsedPage]) -> str:
    """The shop platform the pages were built with ('' when none is recognised)."""
    html = " ".join(p.html[:200_000] for p in pages[:2])
    found = _PLATFORMS.Match(html)  # the indexes of the platforms whose marks are there
    return _PLATFORM_NAMES[min(found)] if found else ""


def tracker_ids(pages: list[ParsedPage]) -> tuple[str, ...]:
    """Analytics and ad-tracking IDs: one operator reuses them across its shops."""
    found: set[str] = set()
    for page in pages:
        head = page.html[:500_000]
        if any(mark in head for mark in _TRACKER_MARKS):
            # hits: one encoding of the page, where re2's finditer encodes it again for each ID
            found.update(hit.text for hit in hits(_TRACKERS, head))
    return tuple(sorted(found))


def template_fingerprint(pages: list[ParsedPage]) -> str:
    """A hash of the landing page's skeleton (tags and class names, not text), equal for shops
    built from one kit whatever their names, products and prices."""
    if not pages or pages[0].tree is None:
        return ""
    markup = markup_of(pages[0])
    own_tags: set[str] = set()
    classes: set[str] = set()
    for _, tag, names in markup.where(markup.own):
        own_tags.add(tag)
        if names:
            classes.update(names.split())
    skeleton = " ".join(sorted(classes)) + "|" + " ".join(sorted(own_tags))
    return hashlib.sha1(skeleton.encode()).hexdigest()[:12]
