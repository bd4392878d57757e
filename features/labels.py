"""Patterns that begin with a label ("SIRET", "EAN", "Réf."), tried only where a label starts.

Python's `re` has no fast scan for an alternation under IGNORECASE: `finditer` tries the whole
pattern at every character of a page. These patterns cannot match anywhere but at one of their
labels, so the labels are found first with `str.find`, on the text folded as IGNORECASE folds
it, and the pattern is tried there alone. The matches are `finditer`'s, in its order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# re's IGNORECASE also takes the dotted capital I and the dotless i for i, and the long s for s,
# which lower() alone does not give; lower() keeps every other character one character long.
_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_FOLDED = tuple(map(chr, _CASE_FOLD))


def folded(text: str) -> str:
    """The text lower-cased as `re.IGNORECASE` compares it, character for character."""
    # translate() looks up every character: only where one of the three letters is there.
    folds = any(letter in text for letter in _FOLDED)
    return (text.translate(_CASE_FOLD) if folds else text).lower()


def label_starts(low: str, labels: tuple[str, ...]) -> list[int]:
    """Where any of `labels` starts in `low`, in order."""
    starts: set[int] = set()
    for label in labels:
        at = low.find(label)
        while at >= 0:
            starts.add(at)
            at = low.find(label, at + 1)
    return sorted(starts)


def matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)` when every match starts at one of `starts` (sorted):
    each is tried in turn, skipping those inside the last match, as finditer moves on."""
    end = 0
    for start in starts:
        if start >= end and (match := rx.match(text, start)):
            end = match.end()
            yield match


def labelled(
    rx: re.Pattern[str], text: str, low: str, labels: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)`, for a pattern each match of which starts with one of
    `labels` as found in `low` (`folded(text)` for an IGNORECASE pattern, `text` itself for a
    case-sensitive one)."""
    return matches_at(rx, text, label_starts(low, labels))
