"""Word lists and patterns, one module per language, kept apart from the extractors' logic.

Each language module defines the same names (see `fr.py`); `languages()` lists them and
`pattern(name)` joins one name's entries of every language into one case-insensitive regex.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

import re2

from features.lexicon import de, en, es, fr, it, neutral

LANGUAGE_MODULES: dict[str, ModuleType] = {"fr": fr, "en": en, "de": de, "es": es, "it": it}


def languages() -> tuple[str, ...]:
    return tuple(LANGUAGE_MODULES)


def _sources(name: str) -> list[str]:
    parts: list[str] = []
    for module in (*LANGUAGE_MODULES.values(), neutral):
        parts.extend(getattr(module, name, ()))
    if not parts:
        raise KeyError(f"no lexicon entry named {name!r}")
    return parts


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in _sources(name))


# RE2 rather than `re`: these are alternations of hundreds of phrases run over every page, which
# RE2's automaton scans in one linear pass, about a hundred times faster than backtracking.
@cache
def pattern(name: str) -> re2._Regexp:
    """One case-insensitive regex matching any entry of list `name` in any language."""
    return re2.compile("(?i)" + _alternation(name))


@cache
def combined(names: tuple[str, ...]) -> re2._Regexp:
    """One regex for several lists, each a named group: one pass over a text tells which lists
    match (`match.lastgroup`), instead of one pass per list."""
    groups = [f"(?P<{name}>{_alternation(name)})" for name in names]
    return re2.compile("(?i)" + "|".join(groups))


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(m.STOPWORDS) for lang, m in LANGUAGE_MODULES.items()}
