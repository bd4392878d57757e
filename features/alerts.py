"""A site's product listings matched against Safety Gate alerts: a pure function of the listings
and an in-memory index built once from the alerts (capture.alert_index loads them).

Exact keys first: a barcode (valid GTIN, compared as 14 digits), then a model number
(normalised: case, accents, spaces, dashes and dots ignored) where the brands do not disagree.
Then, for listings not matched yet, brand plus name, within the alerts of the listing's brand
(the brand must match): rapidfuzz's token-set ratio on normalised names picks the candidates
(`process.extract` with a cutoff), and a candidate matches when the listing covers the alert's
name (the words before any "with"), each word weighted by its rarity across all alerts, typos
allowed, and always its rarest word: token-set ratio alone scores "deluxe plush bunny Brummel"
as high as "deluxe plush bunny Hoppel", the words they share being the generic ones. The
coverage threshold is chosen on one synthetic seed (`NAME_THRESHOLD`) and measured on another
(tests/benchmarks/alerts_speed.py). Alerts carry no model weight and never change a score: they
are evidence beside it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from capture.safety_gate import Alert
from capture.site import Site
from features.listings import Listing, site_listings
from features.parse import parse_site

# Weighted coverage (0-100) of the alert's name from which a same-brand listing is the alerted
# product. Chosen on synth seed 11 (the best F1 of near matches against decoys there), measured
# on seed 12 (precision 0.989, recall 0.999): see tests/benchmarks/alerts_speed.py.
NAME_THRESHOLD = 80.0
_MIN_NAME_TOKENS = 2  # a one-word alert name ("Charger") would match every charger of the brand
_MIN_MODEL_CHARS = 3
_MIN_UNBRANDED_MODEL_CHARS = 6  # a model number matched without a brand on both sides
_CANDIDATE = 50.0  # token-set ratio from which a same-brand alert's name is weighed at all
_WORD_RATIO = 80.0  # how close a listing's word must be to an alert's to be the same, typo and all
_MIN_TYPO_CHARS = 4  # shorter words must be spelt the same ("car" is not "cat")
Profile = tuple[tuple[str, float], ...]  # an alert name's words with their weights, rarest first
# Brands and model numbers that identify nothing, as Safety Gate files often state them.
_NO_VALUE = frozenset(
    {
        "",
        "unknown",
        "unbekannt",
        "inconnu",
        "inconnue",
        "none",
        "nobrand",
        "nonbrand",
        "unbranded",
        "withoutbrand",
        "na",
        "nd",
        "nk",
        "notknown",
        "notspecified",
        "various",
        "generic",
    }
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Words that name no product, left out of name comparisons (English, French, German, Spanish,
# Italian): "plush bunny with rattle" and "plush bunny rattle" are the same name.
_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "of", "for", "with", "to", "in", "on", "by"}  # English
    | {"de", "du", "des", "la", "le", "les", "et", "pour", "avec", "un", "une", "en", "au"}
    | {"mit", "fur", "und", "der", "die", "das", "ein", "eine", "von", "zum", "zur"}
    | {"con", "para", "y", "el", "los", "las", "del", "por", "per", "il", "lo", "di", "da"}
)
# "Plush bunny Hoppel with rattle": what follows "with" describes the product, and a shop may
# leave it out; the words before it are the name a listing must cover.
_WITH = frozenset({"with", "avec", "mit", "con", "w"})
_HOW_RANK = {"barcode": 0, "model": 1, "name": 2}


def _fold(text: str) -> str:
    """Lower case without accents: "Réf" and "REF" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm_key(text: str) -> str:
    """A brand or model number as a key: letters and digits only ("VX-20 PD" -> "vx20pd"), and
    empty for the values that identify nothing ("Unknown", "N/A", "no brand")."""
    key = _NOT_WORD.sub("", _fold(text))
    return "" if key in _NO_VALUE else key


def norm_name(text: str) -> str:
    """A product name for fuzzy comparison: folded, punctuation as spaces, spaces collapsed."""
    return " ".join(_NOT_WORD.sub(" ", _fold(text)).split())


def name_words(text: str) -> str:
    """A product name's words for matching: normalised, without the words that name nothing."""
    return " ".join(w for w in norm_name(text).split() if w not in _STOPWORDS)


def core_words(name: str) -> list[str]:
    """An alert's normalised name up to its first "with" (when two words come before it),
    without stop words: the words a listing must cover."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w in _WITH and i >= _MIN_NAME_TOKENS), None)
    return [w for w in words[:cut] if w not in _STOPWORDS]


def model_keys(text: str) -> list[str]:
    """The model numbers in a Safety Gate `type_numberOfModel` or a listing's model field, as
    keys: several may be listed with commas, semicolons or slashes between spaces; a key must
    hold a digit and three characters (a bare "2" or "XL" identifies no model)."""
    keys = []
    for part in re.split(r"[,;\n]|\s/\s|\s+or\s+|\s+and\s+", text):
        key = norm_key(part)
        if len(key) >= _MIN_MODEL_CHARS and any(c.isdigit() for c in key) and key not in keys:
            keys.append(key)
    return keys


@dataclass(frozen=True)
class Match:
    """A listing that matches an alert, how (barcode, model or name) and how closely (0-100: the
    weighted coverage of the alert's name for a name match, 100 for an exact key)."""

    reference: str
    listing: str  # the listing's name as the site shows it
    risk: str  # the alert's risk type
    how: str
    score: float
    url: str = ""  # the page the listing is on

    def __str__(self) -> str:
        listing = " ".join(self.listing.replace(";", ",").split()) or "(unnamed listing)"
        return f"{self.reference}: {listing} ({self.risk or 'risk not stated'})"


class AlertIndex:
    """The alerts keyed for matching: by barcode, by model number and, for names, by brand.

    Built once (about a second for 30,000 alerts) and shared by every site scored."""

    def __init__(self, alerts: Iterable[Alert]) -> None:
        self.alerts: dict[str, Alert] = {}
        self.by_gtin: dict[str, list[str]] = defaultdict(list)
        self.by_model: dict[str, list[str]] = defaultdict(list)
        # brand key -> (normalised names, references, weighted words), parallel lists
        self.names: dict[str, tuple[list[str], list[str], list[Profile]]] = {}
        for alert in alerts:
            self.alerts[alert.reference] = alert
        named: list[tuple[str, str, str]] = []
        frequency: Counter[str] = Counter()
        for reference, alert in self.alerts.items():
            for gtin in alert.gtins:
                self.by_gtin[gtin].append(reference)
            for key in model_keys(alert.model):
                self.by_model[key].append(reference)
            brand = norm_key(alert.brand)
            name = norm_name(alert.name or alert.product)
            if brand and len(core_words(name)) >= _MIN_NAME_TOKENS:
                named.append((brand, name, reference))
                frequency.update(set(core_words(name)))
        for brand, name, reference in named:
            names, refs, profiles = self.names.setdefault(brand, ([], [], []))
            names.append(name_words(name))
            refs.append(reference)
            # a word's weight is its rarity across all alerts' names (inverse document
            # frequency): "hoppel" tells the product apart, "deluxe" and "plush" hardly do
            weighted = {w: math.log(1 + len(named) / frequency[w]) for w in core_words(name)}
            # rarest first, then longest: on a tie the longer word names the product better
            profiles.append(
                tuple(sorted(weighted.items(), key=lambda item: (-item[1], -len(item[0]))))
            )

    def __len__(self) -> int:
        return len(self.alerts)


def _model_agrees(key: str, alert: Alert, listing: Listing) -> bool:
    """A model number matches unless both brands are known and differ; where either brand is
    unknown, only a long one does (a shop's own "Réf. : 1042" is not an alert's model 1042)."""
    a, b = norm_key(alert.brand), norm_key(listing.brand)
    if a and b:
        return a == b or a in norm_key(listing.name)
    return len(key) >= _MIN_UNBRANDED_MODEL_CHARS


def match_listing(
    listing: Listing, index: AlertIndex, threshold: float = NAME_THRESHOLD
) -> list[Match]:
    """The alerts one listing matches: by barcode, else by model number, else by brand and name."""
    found: dict[str, Match] = {}

    def add(reference: str, how: str, score: float) -> None:
        alert = index.alerts[reference]
        if reference not in found:
            found[reference] = Match(
                reference, listing.name, alert.risk_type, how, score, listing.url
            )

    for gtin in listing.gtins:
        for reference in index.by_gtin.get(gtin, ()):
            add(reference, "barcode", 100.0)
    for model in listing.models:
        for key in model_keys(model):
            for reference in index.by_model.get(key, ()):
                if _model_agrees(key, index.alerts[reference], listing):
                    add(reference, "model", 100.0)
    if found:
        return list(found.values())
    brand = norm_key(listing.brand)
    block = index.names.get(brand) if brand else None
    if block is None:
        return []
    names, refs, profiles = block
    # the brand is already known to match: leave it out of the listing's name
    words = [t for t in name_words(listing.name).split() if t != brand]
    if len(words) < _MIN_NAME_TOKENS:
        return []
    known = set(words)
    for _, _, i in process.extract(
        " ".join(words), names, scorer=fuzz.token_set_ratio, score_cutoff=_CANDIDATE, limit=None
    ):
        score = coverage(profiles[i], words, known)
        if score is not None and score >= threshold:
            add(refs[i], "name", score)
    return list(found.values())


def _present(word: str, words: list[str], known: set[str]) -> bool:
    """Whether the alert's `word` is among the listing's `words`, one typo allowed in a long one."""
    if word in known:
        return True
    if len(word) < _MIN_TYPO_CHARS:
        return False
    return process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=_WORD_RATIO) is not None


def coverage(profile: Profile, words: list[str], known: set[str]) -> float | None:
    """How much of the alert's name the listing's words cover, weighted by rarity (0-100); None
    when its rarest word, the one that names this product among the brand's, is missing: shared
    generic words ("deluxe plush bunny") are not the alerted product."""
    if not profile or not _present(profile[0][0], words, known):
        return None
    total = sum(weight for _, weight in profile)
    covered = sum(weight for word, weight in profile if _present(word, words, known))
    return round(100.0 * covered / total, 1)


def match_listings(
    listings: Iterable[Listing], index: AlertIndex, threshold: float = NAME_THRESHOLD
) -> list[Match]:
    """A site's matches: each alert once, with its strongest evidence (barcode, then model, then
    the closest name), in the order of the alert references."""
    best: dict[str, Match] = {}
    for listing in listings:
        for match in match_listing(listing, index, threshold):
            kept = best.get(match.reference)
            if kept is None or (_HOW_RANK[match.how], -match.score) < (
                _HOW_RANK[kept.how],
                -kept.score,
            ):
                best[match.reference] = match
    return [best[reference] for reference in sorted(best)]


def format_alerts(matches: Iterable[Match]) -> str:
    """The scores CSV's `alerts` column: `reference: listing (risk)`, `;`-separated."""
    return "; ".join(str(match) for match in matches)


def site_matches(site: Site, index: AlertIndex, threshold: float = NAME_THRESHOLD) -> list[Match]:
    """A site's matches, from its captured pages (parsed here; the feature pipeline's own parse
    can be passed to `site_listings` instead)."""
    return match_listings(site_listings(parse_site(site)), index, threshold)
