"""The language of a text at its thresholds (20 words, 3 common words), and the text family on
no page and across page boundaries."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from features.lexicon import stopwords
from features.parse import ParsedPage, parse_site
from features.text import language_of, text_features
from tests.features.sites import make_site

# Words of no language's common-word list.
FILLER = [
    "bottes",
    "cuir",
    "marron",
    "talon",
    "semelle",
    "couture",
    "atelier",
    "lacet",
    "boucle",
    "tige",
    "doublure",
    "laine",
    "hiver",
    "pluie",
    "neige",
    "ville",
    "campagne",
    "sentier",
]


def _text(common: list[str], fillers: int) -> str:
    return " ".join(common + FILLER[:fillers])


def test_twenty_words_are_enough_nineteen_are_not() -> None:
    assert language_of(_text(["avec", "notre", "vous"], 17)) == "fr"  # 20 words
    assert language_of(_text(["avec", "notre", "vous"], 16)) is None  # 19 words


def test_three_common_words_name_the_language_two_do_not() -> None:
    assert language_of(_text(["avec", "notre", "vous"], 18)) == "fr"
    assert language_of(_text(["avec", "notre"], 18)) is None


def _counted_language(text: str) -> str | None:
    """The rule as first written: every word lower-cased and counted, then each language's
    common words summed; the first language listed wins a tie."""
    words = Counter(w.lower() for w in re.findall(r"[^\W\d_]{2,}", text[:20000]))
    if words.total() < 20:
        return None
    counts = {lang: sum(words[w] for w in stop) for lang, stop in stopwords().items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    return lang if best >= 3 else None


# Common words of several languages ("la", "de"), case and accents, Greek capitals (whose final
# sigma lower-cases apart), digits and marks that split words, the 20,000-character cut.
_COMMON = sorted({word for words in stopwords().values() for word in words})
_PIECES = [*_COMMON[:40], "LA", "De", "ΟΔΟΣ", "İstanbul", "été", "x2", "l'été", "_", "ß", "9"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES + FILLER), min_size=0, max_size=60),
    st.sampled_from([" ", "  ", "\n", ", ", "-"]),
    st.integers(min_value=0, max_value=19_990),
)
def test_the_language_is_the_one_the_counted_rule_names(
    words: list[str], sep: str, pad: int
) -> None:
    text = sep.join(words)
    assert language_of(text) == _counted_language(text)
    padded = "a" * pad + " " + text  # words cut by the 20,000-character limit too
    assert language_of(padded) == _counted_language(padded)


def _pages(*texts: str) -> list[ParsedPage]:
    urls = ["https://shop.invalid/"] + [f"https://shop.invalid/p{i}" for i in range(1, len(texts))]
    html = [f"<html><body><p>{t}</p></body></html>" for t in texts]
    return parse_site(make_site(dict(zip(urls, html, strict=True))))


def test_phrases_at_the_edges_of_pages_are_whole_words() -> None:
    # "vite" ends the first page, "stock limité" starts the second: both are read.
    assert text_features(_pages("Faites vite", "Stock limité"))["text_urgency_phrases"] == 2


def test_no_page_no_text() -> None:
    assert text_features([]) == {
        "text_urgency_phrases": 0,
        "text_guarantee_phrases": 0,
        "text_max_discount_claim": 0,
        "text_languages": 0,
        "text_language_fits_tld": None,
    }
