"""Reasons an investigator can use: a short sentence in French or English with the feature's
value and, where the reason is a breach of a seller's duty, the legal reference it rests on."""

from __future__ import annotations

import json

from features.catalogue import BY_NAME, DIRECTIONS, describe
from serve.reasons_fr import FRENCH, FRENCH_OWN, UNKNOWN_FR


def language_of(accept_language: str | None) -> str:
    """'fr' when the caller prefers French (Accept-Language), else 'en'."""
    best, weight = "en", -1.0
    for item in (accept_language or "").split(","):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower()[:2]
        if lang in {"fr", "en"} and q > weight:
            best, weight = lang, q
    return best


def _is_breach(name: str, value: float | None) -> bool:
    """A missing or failed legal duty: a bool whose value is on the suspicious side."""
    feature = BY_NAME[name]
    if not feature.law or feature.kind != "bool" or value is None:
        return False
    return bool(value) == (DIRECTIONS.get(name, 0) > 0)


def sentence(name: str, value: float | None, language: str) -> str:
    if value is None:
        text = (
            UNKNOWN_FR.format(BY_NAME[name].meaning) if language == "fr" else describe(name, None)
        )
    elif language == "fr" and name in FRENCH:
        true_text, false_text = FRENCH[name]
        if BY_NAME[name].kind == "bool":
            text = true_text if value else false_text
        else:
            text = true_text.format(v=value)
    else:
        text = describe(name, value)
    if _is_breach(name, value):
        text = f"{text} ({BY_NAME[name].law})"
    return text[:1].upper() + text[1:]


def own_sentence(text: str, language: str) -> str:
    """A row's own reason (the register's words, the identifier a link shares), which quotes
    the register as it is: in French, followed by where it comes from."""
    if language == "fr":
        text = f"{text} ({FRENCH_OWN})"
    return text[:1].upper() + text[1:]


def render(reason_facts: str | list, language: str) -> list[dict[str, object]]:
    """Structured reasons (feature, value, weight[, the row's own sentence]) -> what the API and
    the page show."""
    facts = json.loads(reason_facts) if isinstance(reason_facts, str) else reason_facts
    return [
        {
            "feature": fact[0],
            "value": fact[1],
            "weight": round(fact[2], 3),
            "text": own_sentence(fact[3], language)
            if len(fact) > 3 and fact[3]
            else sentence(fact[0], fact[1], language),
            "law": BY_NAME[fact[0]].law or None,
        }
        for fact in facts
    ]
