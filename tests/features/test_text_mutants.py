"""The language of a text at its thresholds (20 words, 3 common words), and the text family on
no page and across page boundaries."""

from __future__ import annotations

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
