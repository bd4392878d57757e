r"""Word lists and patterns, one module per language, kept apart from the extractors' logic.

Each language module defines the same names (see `fr.py`); `languages()` lists them and
`pattern(name)` joins one name's entries of every language into one case-insensitive regex.

Every list joined here is a list of words, matched whole: an entry matches only where no letter,
mark, digit or `_` touches it on either side, so `vite` finds "Vite !" but not "Évitez",
"Invitez" or "vitesse". RE2's `\b` knows only ASCII letters (it sees a boundary inside
"Évite"), so the boundary is spelt with Unicode classes around the whole alternation. An entry
that must also find longer words says so itself: inflections (`garanties?`), German compounds
(`versand\p{L}*` for "Versandkosten") and stems (`contact\p{L}*`).

Two exceptions, both in DISCOUNT_CLAIM. Its claims end with a sign, "%", which anything may follow
("15%OFF", "15%Â" where a no-break space was decoded wrongly): that list is whole-word at the
start only (`OPEN_ENDED`). And the sale sticker "-70%" starts with a sign, which needs a space, a
parenthesis or a colon before it, not any non-letter ("0%-36% APR" is a range): such entries are
marks that spell their own boundaries, kept in a list of their own named `<LIST>_MARKS` and joined
as they are. The other lists that are marks inside markup or URLs, where words run together
(`neutral.BRANDS` and `DOMAIN_SALES_WORDS` inside domain labels, `FREEMAIL`, the TLD lists), are
not regexes and never pass through here: their consumers compare them as strings.

The boundary characters belong to the match (RE2 has no look-around), so the entry itself is a
capturing group: group 1 of `pattern` (2 for a mark), one named group per list in `combined`.
`hits` walks the matches with the entry's own span and text, and restarts each search at the end
of the entry, so that the boundary character after one entry can precede the next ("visa
mastercard").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from types import ModuleType

import re2

from features.lexicon import de, en, es, fr, it, neutral

LANGUAGE_MODULES: dict[str, ModuleType] = {"fr": fr, "en": en, "de": de, "es": es, "it": it}

# What a word is made of: letters, combining marks (an accent typed apart, as in NFD text),
# digits and `_`, as `\w` in Unicode mode. Anything else, or the text's edge, is a boundary.
_NOT_WORD = r"[^\p{L}\p{M}\p{N}_]"
WORD_BEFORE = f"(?:^|{_NOT_WORD})"  # RE2's \b is ASCII-only: these are the Unicode ones
WORD_AFTER = f"(?:{_NOT_WORD}|$)"
# Lists whose entries end with a sign that any character may follow: whole words at the start only.
OPEN_ENDED = frozenset({"DISCOUNT_CLAIM"})


def languages() -> tuple[str, ...]:
    return tuple(LANGUAGE_MODULES)


def _sources(name: str) -> list[str]:
    parts: list[str] = []
    for module in (*LANGUAGE_MODULES.values(), neutral):
        parts.extend(getattr(module, name, ()))
    return parts


def _alternation(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts)


def _words(name: str) -> str:
    """The entries of list `name` as one alternation in a capturing group, whole-word."""
    words = _sources(name)
    if not words:
        raise KeyError(f"no lexicon entry named {name!r}")
    after = "" if name in OPEN_ENDED else WORD_AFTER
    return f"{WORD_BEFORE}({_alternation(words)}){after}"


def _compile(source: str, groups: int) -> re2._Regexp:
    """The regex of `source`, refused when an entry could match nothing at all (`hits` could not
    move on) or brings capturing groups of its own (the entry's group would not be the one `hits`
    reads): the source's own groups are `groups`."""
    options = re2.Options()
    # The phrase lists with `.{0,120}` between two words (WITHDRAWAL) need more than RE2's default
    # 8 MB for the automaton that finds where a match starts; short of it, RE2 logs "DFA out of
    # memory" and falls back to a slower engine on every match. Memory is taken only as used.
    options.max_mem = 32 << 20
    rx = re2.compile(source, options)
    if rx.groups != groups:
        raise ValueError(f"lexicon {source[:80]!r}: an entry has a capturing group, use (?:...)")
    if rx.search("") is not None:
        raise ValueError(f"lexicon {source[:80]!r}: an entry matches the empty string")
    return rx


# RE2 rather than `re`: these are alternations of hundreds of phrases run over every page, which
# RE2's automaton scans in one linear pass, about a hundred times faster than backtracking.
@cache
def pattern(name: str) -> re2._Regexp:
    """One case-insensitive regex matching any entry of list `name` in any language, as a whole
    word; the entry is group 1 (group 0 includes the boundary characters: see `hits`)."""
    marks = _sources(f"{name}_MARKS")
    if not marks:
        return _compile(f"(?i){_words(name)}", 1)
    return _compile(f"(?i)(?:{_words(name)}|({_alternation(marks)}))", 2)


@cache
def combined(names: tuple[str, ...]) -> re2._Regexp:
    """One regex for several lists, each a named group: one pass over a text tells which lists
    match (the group of each of `hits`), instead of one pass per list."""
    for name in names:
        if name in OPEN_ENDED or _sources(f"{name}_MARKS"):
            raise ValueError(f"lexicon list {name!r} has marks or an open end: use pattern()")
        if not _sources(name):
            raise KeyError(f"no lexicon entry named {name!r}")
    groups = "|".join(f"(?P<{name}>{_alternation(_sources(name))})" for name in names)
    return _compile(f"(?i){WORD_BEFORE}(?:{groups}){WORD_AFTER}", len(names))


@dataclass(frozen=True, slots=True)
class Hit:
    """One entry found in a text: its span in characters, its text (without the boundary
    characters around it; a mark's own boundary is part of it) and the group that holds it (1
    for `pattern`, 2 for one of its marks, a list's own group for `combined`)."""

    start: int
    end: int
    text: str
    group: int


Spans = tuple[tuple[int, int], ...]  # (start, end) of the match, then of each group
_NO_MATCH: Spans = ((-1, -1),)


@cache
def _searcher(rx: re2._Regexp) -> Callable[[bytes, int, int], Spans]:
    """`rx`'s search from a byte offset as the spans of the match and its groups. The wrapper's
    `search` builds a Match object, and its `lastindex` counts the groups again, for every
    entry found: three quarters of the time the word lists took (on 7 pages, 170 entries). Its
    compiled RE2 object answers the same spans in one call; a google-re2 without it (the
    attribute is the wrapper's own) is read through the public API instead."""
    compiled, anchor = getattr(rx, "_regexp", None), getattr(re2, "_Anchor", None)
    if compiled is not None and anchor is not None and hasattr(compiled, "Match"):
        return partial(compiled.Match, anchor.UNANCHORED)
    return partial(_public_search, rx)


def _public_search(rx: re2._Regexp, data: bytes, pos: int, size: int) -> Spans:
    found = rx.search(data, pos, size)
    if found is None:
        return _NO_MATCH
    return tuple(found.span(group) for group in range(rx.groups + 1))


def found(rx: re2._Regexp, data: bytes) -> bool:
    """Whether `rx` matches anywhere in `data`: a text encoded once by the caller (RE2 given a
    str encodes it again on every search), read through `_searcher` as `hits` reads it."""
    return _searcher(rx)(data, 0, len(data))[0][0] >= 0


def hits(rx: re2._Regexp, text: str) -> Iterator[Hit]:
    """Every entry of `rx` (from `pattern` or `combined`, or any RE2 pattern whose groups are
    alternatives, one taking part in each match) in `text`, left to right, none overlapping.
    Unlike `rx.finditer`, which resumes after the boundary character it consumed, each search
    resumes where the entry ended, so that entries one space apart are all found."""
    data = text.encode("utf-8")  # once: searching a str would encode it again on every search
    ascii_only = len(data) == len(text)
    byte_at = char_at = 0  # a byte offset already converted and its character offset

    def chars(offset: int) -> int:
        nonlocal byte_at, char_at
        if not ascii_only:  # offsets only grow, so each byte is decoded once
            char_at += len(data[byte_at:offset].decode("utf-8"))
            byte_at = offset
            return char_at
        return offset

    for group, start, end in _entries(rx, data):
        char_start = chars(start)
        char_end = chars(end)
        yield Hit(char_start, char_end, text[char_start:char_end], group)


def groups_in(rx: re2._Regexp, text: str) -> set[int]:
    """The groups of `hits(rx, text)` (which lists of a `combined` pattern the text names),
    without the offsets and texts that `hits` converts from bytes for every entry."""
    return {group for group, _, _ in _entries(rx, text.encode("utf-8"))}


def _entries(rx: re2._Regexp, data: bytes) -> Iterator[tuple[int, int, int]]:
    """(group, start, end) in bytes of every entry of `rx` in `data`, as `hits` walks them."""
    search, size = _searcher(rx), len(data)
    pos = 0
    while (spans := search(data, pos, size))[0][0] >= 0:
        # the only group that took part: the entry's (the others are (-1, -1))
        group = next(g for g in range(1, len(spans)) if spans[g][0] >= 0)
        start, end = spans[group]
        yield group, start, end
        # The entry's end, where the boundary character after it can open the next match. An
        # entry that matched nothing at `pos` moves on by one character (UTF-8 continuation
        # bytes are 0b10xxxxxx) rather than loop.
        if end > pos:
            pos = end
        else:
            pos += 1
            while pos < size and data[pos] & 0xC0 == 0x80:
                pos += 1


def first(rx: re2._Regexp, text: str) -> Hit | None:
    """The leftmost entry of `rx` in `text`, or None."""
    return next(hits(rx, text), None)


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(m.STOPWORDS) for lang, m in LANGUAGE_MODULES.items()}
