"""Word lists and patterns, one module per language, kept apart from the extractors' logic.

Each language module defines the same names (see `fr.py`); `languages()` lists them and
`pattern(name)` joins one name's entries of every language into one case-insensitive regex.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

from features.lexicon import de, en, es, fr, it, neutral

LANGUAGE_MODULES: dict[str, ModuleType] = {"fr": fr, "en": en, "de": de, "es": es, "it": it}


def languages() -> tuple[str, ...]:
    return tuple(LANGUAGE_MODULES)


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One regex matching any entry of list `name` in any language (entries are regex sources)."""
    parts: list[str] = []
    for module in (*LANGUAGE_MODULES.values(), neutral):
        parts.extend(getattr(module, name, ()))
    if not parts:
        raise KeyError(f"no lexicon entry named {name!r}")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


@cache
def combined(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for several lists, each a named group: one pass over a text tells which lists
    match (`match.lastgroup`), instead of one pass per list."""
    groups = [f"(?P<{name}>{pattern(name).pattern})" for name in names]
    return re.compile("|".join(groups), re.IGNORECASE)


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(m.STOPWORDS) for lang, m in LANGUAGE_MODULES.items()}
