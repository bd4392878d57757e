"""Text features: the language and the pressure a shop puts on its buyers, read from every page's
visible text, footers included. No feature needs a main-text extraction (trafilatura): the
length of a landing page's main text measured the template, not the fraud, and was dropped from
the model (see the catalogue); footers, which trafilatura drops, hold the legal and payment
words."""

from __future__ import annotations

import re
from functools import cache

import re2

from features.lexicon import hits, pattern, stopwords
from features.parse import ParsedPage

Row = dict[str, float | int | bool | None]
_WORD = re.compile(r"[^\W\d_]{2,}")
# The percentage inside a discount claim; the claim itself (a percentage in a discount context:
# "-70%", "70% off", "remise de 30%", "Rabatt von 30%"...) is the lexicon's DISCOUNT_CLAIM.
_PERCENT = re.compile(r"(\d{1,2})\s?%")


def language_of(text: str) -> str | None:
    """The language whose common words are most frequent in a text; None when too little text."""
    found = _WORD.findall(text[:20000])
    if len(found) < 20:
        return None
    # Lower-cased in one call (no word holds a space), then each word counted for the languages
    # it is common in: a Counter of every word and a sum over each language's list took half
    # again as long, on every page of every site.
    counts = dict.fromkeys(stopwords(), 0)
    languages_of = _languages_of_words()
    for word in " ".join(found).lower().split(" "):
        for lang in languages_of.get(word, ()):
            counts[lang] += 1
    lang, best = max(counts.items(), key=lambda kv: kv[1])  # the first listed wins a tie
    return lang if best >= 3 else None


@cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each common word with the languages it is common in ("la": fr, es, it)."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in stopwords().items():
        for word in words:
            index[word] = (*index.get(word, ()), lang)
    return index


def _distinct(pattern_: re2._Regexp, text: str) -> int:
    return len({m.text.lower() for m in hits(pattern_, text)})


TLD_LANGUAGE = {"fr": "fr", "de": "de", "at": "de", "es": "es", "it": "it", "uk": "en", "ie": "en"}


def text_features(pages: list[ParsedPage], domain: str = "") -> Row:
    """Urgency, guarantees, discount claims and language, over every page's visible text."""
    all_text = "\n".join(p.text for p in pages)
    page_languages = [language_of(p.text) for p in pages]
    languages = set(page_languages) - {None}
    landing_language = page_languages[0] if pages else None
    tld_language = TLD_LANGUAGE.get(domain.rsplit(".", 1)[-1])
    # Only percentages in a discount context: "98% of users" or "TVA 20%" claim nothing.
    discounts = [
        int(found.group(1))
        for m in hits(pattern("DISCOUNT_CLAIM"), all_text)
        if (found := _PERCENT.search(m.text))
    ]
    return {
        # Distinct phrases, not a rate: how much text was captured must not move these.
        "text_urgency_phrases": _distinct(pattern("URGENCY"), all_text),
        "text_guarantee_phrases": _distinct(pattern("GUARANTEE"), all_text),
        "text_max_discount_claim": max(discounts) if discounts else 0,
        "text_languages": len(languages),
        "text_language_fits_tld": (
            landing_language == tld_language if landing_language and tld_language else None
        ),
    }
