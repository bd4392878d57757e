"""Fraud operators: the people behind several fake shops, and what they reuse from one to the next.

An operator runs a handful of hand-made fake shops reported weeks apart (its active window is a
slice of the period), and reuses on most of them the identifiers it owns: the IBAN shown for
payment, a phone, an e-mail address, its analytics and advertising IDs, its shop template and
the company number its clones borrow. This is what lets investigators (and `features` links)
tie a new site to past cases on a pure time split. Kits (synth/data/kits.py) are different: a
kit is sold to many and shares a look and a tracker, not an account. Genuine shops share none of
these, apart from platform-wide things (a theme) and a web agency's tag container.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from synth import ids
from synth.data import LANGUAGES, common, templates

# Of hand-made frauds (not kits), the share run by a recurring operator; the rest are one-offs.
OPERATOR_SHARE = 0.55
# Half the width of an operator's active window, as a share of the sampled period (20 months:
# about 3 months either side of its centre), so its shops are reported weeks to months apart.
OPERATOR_SPAN = 0.15
_LANGS = {"fr": 0.7, "de": 0.1, "es": 0.08, "it": 0.07, "en": 0.05}


@dataclass(frozen=True)
class Operator:
    """One operator's reusable identifiers."""

    name: str  # a stable id, "op03"
    centre: float  # the middle of its active window (0: the period's first day, 1: its last)
    lang: str
    template: str
    iban_country: str
    iban: str
    bic: str
    phone: str
    landline: str  # a VoIP landline, what its careful clones print
    email: str
    trackers: tuple[tuple[str, str], ...]


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def make_operators(seed: int, count: int) -> tuple[Operator, ...]:
    """`count` operators spread evenly over the period, each drawn from (seed, its number)."""
    out = []
    patterns = dict(common.TRACKERS)
    for j in range(count):
        rng = random.Random(f"operator-identity:{seed}:{j}")
        lang_code = _pick(rng, _LANGS)
        lang = LANGUAGES[lang_code]
        country = rng.choice(("FR", "LT", "LT", "BE", "PT", "ES", "NL", "IE", "DE"))
        iban, bic = ids.make_iban(rng, country)
        if rng.random() < 0.7:
            phone = ids.fill_pattern(rng, rng.choice(lang.PHONE_MOBILE))
        else:
            phone = ids.fill_pattern(rng, rng.choice(common.FOREIGN_PHONES))
        area = rng.choice(lang.PHONE_AREA)
        landline = ids.fill_pattern(rng, rng.choice(lang.PHONE_LANDLINE).replace("{a}", area))
        box = rng.choice(("service", "contact", "support", "info", "sav", "commandes"))
        email = f"{box}.{ids.digits(rng, 3)}@{rng.choice(lang.FREEMAIL)}"
        trackers = [("ga4", ids.fill_pattern(rng, patterns["ga4"]))]
        if rng.random() < 0.6:
            trackers.append(("fbq", ids.fill_pattern(rng, patterns["fbq"])))
        out.append(
            Operator(
                name=f"op{j:02d}",
                centre=(j + 0.5) / count,
                lang=lang_code,
                template=_pick(rng, templates.FRAUD_TEMPLATE_WEIGHTS),
                iban_country=country,
                iban=iban,
                bic=bic,
                phone=phone,
                landline=landline,
                email=email,
                trackers=tuple(trackers),
            )
        )
    return tuple(out)


def operator_for(rng: random.Random, operators: Sequence[Operator], t: float) -> Operator | None:
    """The operator running a hand-made fraud reported at `t` (share of the period), or None."""
    active = [o for o in operators if abs(o.centre - t) <= OPERATOR_SPAN]
    if not active or rng.random() >= OPERATOR_SHARE:
        return None
    return rng.choice(active)
