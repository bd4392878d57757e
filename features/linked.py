"""Key pages linked but not captured: a shop whose footer links to its legal notice, terms,
contact or checkout page, when that page is not among the captured ones (a capture of one page, a
crawl cut short). What such a page would have said is unknown, never "absent": only a site that
neither has nor links such a page shows, by that, that it lacks one."""

from __future__ import annotations

import re

from features.lexicon import found, pattern
from features.parse import ParsedPage, path_words

# The key pages whose absence would otherwise read as evidence, each with the lexicon list of link
# words that names it (the same words features/parse.py gives roles with).
KEY_ROLES: dict[str, str] = {
    "legal": "LEGAL_LINK",
    "terms": "TERMS_LINK",
    "contact": "CONTACT_LINK",
    "checkout": "CHECKOUT_LINK",
}
# A footer link that says only "Legal" / "Légal": the lexicon leaves the bare word out (it names
# many things in running text), but as a whole link text it names the notice.
_APART = "\n\x00\n"  # between two links' words: see uncaptured_roles
_LEGAL_ALONE = re.compile(r"^\W*l[ée]gal(?:es?)?\W*$", re.IGNORECASE | re.MULTILINE)
# Each such page's note, in English and French (models/notes.py lists them with the other notes).
UNCAPTURED_NOTES: dict[str, dict[str, str]] = {
    "legal": {
        "en": "legal notice linked but not captured: its facts are unknown",
        "fr": "mentions légales liées mais non capturées : leurs informations sont inconnues",
    },
    "terms": {
        "en": "terms linked but not captured: their facts are unknown",
        "fr": "conditions générales liées mais non capturées : leurs informations sont inconnues",
    },
    "contact": {
        "en": "contact page linked but not captured: its facts are unknown",
        "fr": "page de contact liée mais non capturée : ses informations sont inconnues",
    },
    "checkout": {
        "en": "checkout page linked but not captured: its facts are unknown",
        "fr": "page de paiement liée mais non capturée : ses informations sont inconnues",
    },
}


def uncaptured_note(role: str) -> str:
    """The note for one key page linked but not captured, English then French, the way
    features/blocked.py writes a blocked page's note in the row's notes column."""
    return f"{UNCAPTURED_NOTES[role]['en']} / {UNCAPTURED_NOTES[role]['fr']}"


def uncaptured_roles(pages: list[ParsedPage]) -> set[str]:
    """Key roles that an internal link of a captured page names (by its text or its URL) while no
    captured page plays them. The home page is not a key page, so a link back to it never counts."""
    played = set().union(*(page.roles for page in pages)) if pages else set()
    wanted = [role for role in KEY_ROLES if role not in played]
    if not wanted:
        return set()
    captured = {_normal(page.url) for page in pages}
    # The words a page's role is read from (features/parse.py): its URL and what links to it
    # say ("Légal" pointing at /mentions-legales/). A real shop's page may hold thousands of
    # links: the words of them all are searched in one pass per role, not one search per link.
    texts: list[str] = []  # each link's text and URL words
    link_texts: list[str] = []
    url_words: dict[str, str] = {}  # menus repeat their links: each URL read once
    for page in pages:
        for link in page.links:
            if link.internal and _normal(link.url) not in captured:
                words = url_words.get(link.url)
                if words is None:
                    words = url_words[link.url] = path_words(link.url)
                texts.append(f"{link.text} {words}")
                link_texts.append(link.text)
    # No entry of the link lists spans _APART (their gaps are spaces, `-` and `_`), and its
    # characters are no word's: each link's words are matched as if searched alone.
    joined = _APART.join(texts).encode()  # once: RE2 given a str encodes it for every role
    linked = {role for role in wanted if found(pattern(KEY_ROLES[role]), joined)}
    # Link texts are folded (no line breaks): one line each, so ^...$ is a whole link text.
    if "legal" in wanted and _LEGAL_ALONE.search("\n".join(link_texts)):
        linked.add("legal")
    return linked


def uncaptured_notes(roles: set[str]) -> list[str]:
    """One note per key page linked but not captured, in a fixed order."""
    return [uncaptured_note(role) for role in KEY_ROLES if role in roles]


def _normal(url: str) -> str:
    """A URL without scheme, `www.`, trailing slash or fragment: how two links to a page match."""
    rest = url.split("://", 1)[-1].split("#", 1)[0]
    host, _, path = rest.partition("/")
    return f"{host.lower().removeprefix('www.')}/{path.rstrip('/')}"
