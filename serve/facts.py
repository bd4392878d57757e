"""What was found on a site, as the case page shows it: the feature row a score was computed
from, kept as JSON with the score, read back into groups an investigator recognises (legal
notice, payment, domain, prices) with each feature's meaning from the catalogue.

The worker writes the JSON when it records a score (`features_json`); the page reads it
(`read_facts`). Nothing here recomputes a feature: the page shows exactly what the model saw.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from features.catalogue import BY_NAME, FEATURE_NAMES
from features.pipeline import CONTEXT_COLUMNS

# Feature names by the group the page shows them in, in catalogue order; the rest go to "other".
GROUPS: tuple[tuple[str, str], ...] = (
    ("legal", "Legal notice"),
    ("payment", "Payment methods"),
    ("domain", "Domain"),
    ("prices", "Prices"),
    ("other", "Other signals"),
)
_PAGE_FEATURES = {"legal_page_found": "legal", "terms_page_found": "legal"}
_PAGE_FEATURES |= {"contact_page_found": "legal", "rdap_found": "domain"}
_PAGE_FEATURES |= {"text_max_discount_claim": "prices"}
_PREFIXES = (("legal_", "legal"), ("pay_", "payment"), ("domain_", "domain"), ("price_", "prices"))


def group_of(name: str) -> str:
    """The page group of a feature name."""
    if name in _PAGE_FEATURES:
        return _PAGE_FEATURES[name]
    return next((group for prefix, group in _PREFIXES if name.startswith(prefix)), "other")


def _plain(value: object) -> float | str | None:
    """A JSON-safe value: NaN and None become None (unknown), numbers floats, text kept."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    return None if math.isnan(number) or math.isinf(number) else number


def features_json(row: Mapping[str, object]) -> str:
    """The JSON kept with a score: every catalogue feature (null when unknown) and the context
    columns (seller identity, registrar, platform...) of one feature-table row."""
    return json.dumps(
        {
            "features": {name: _plain(row.get(name)) for name in FEATURE_NAMES},
            "context": {name: _plain(row.get(name)) or "" for name in CONTEXT_COLUMNS},
        },
        ensure_ascii=False,
    )


def kept_context(text: str | None) -> dict[str, object]:
    """The context columns of the JSON `features_json` kept with a score; none when it cannot be
    read (scores recorded before features were kept, or damaged)."""
    try:
        data = json.loads(text or "{}")
    except (ValueError, TypeError):
        return {}
    context = data.get("context") if isinstance(data, dict) else None
    return context if isinstance(context, dict) else {}


@dataclass(frozen=True)
class Fact:
    name: str
    meaning: str
    shown: str  # the value as the page prints it: yes / no / unknown / a number


@dataclass(frozen=True)
class Facts:
    groups: list[tuple[str, list[Fact]]]  # (title, facts), groups with no fact left out
    context: dict[str, str]
    dates: list[tuple[str, str]]  # (what, when): registration, age at report, expiry, change


def _show(name: str, value: float | None) -> str:
    if value is None:
        return "unknown"
    kind = BY_NAME[name].kind
    if kind == "bool":
        return "yes" if value else "no"
    if kind == "int" or float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.2f}"


def _days_before(moment: datetime, days: float | None) -> str | None:
    if days is None:
        return None
    try:
        return f"{(moment - timedelta(days=days)):%Y-%m-%d}"
    except OverflowError:  # a date outside the calendar: say nothing rather than fail the page
        return None


def domain_dates(
    values: Mapping[str, float | None], reported_at: datetime
) -> list[tuple[str, str]]:
    """Registration, age at report, last change and expiry of the domain, from the RDAP features
    (which count days back from the report; the dates are worked out from them)."""
    age = values.get("domain_age_days")
    span = values.get("domain_registration_span_days")
    changed = values.get("domain_days_since_change")
    out: list[tuple[str, str]] = []
    registered = _days_before(reported_at, age)
    if registered is not None and age is not None:
        out.append(("registered", registered))
        out.append(("age at report", f"{age:.0f} days"))
        if span is not None:
            expires = _days_before(reported_at, age - span)
            if expires is not None:
                out.append(("expires", expires))
    changed_on = _days_before(reported_at, changed)
    if changed_on is not None:
        out.append(("last changed", changed_on))
    return out


def read_facts(text: str | None, reported_at: datetime) -> Facts | None:
    """The facts kept with a score, grouped for the page; None when the score kept none (scores
    recorded before features were kept) or the JSON cannot be read."""
    if not text:
        return None
    try:
        data = json.loads(text)
        raw = data["features"]
        context = {str(k): str(v) for k, v in (data.get("context") or {}).items() if v}
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(raw, dict):
        return None
    values: dict[str, float | None] = {}
    for name in FEATURE_NAMES:
        value = raw.get(name)
        values[name] = float(value) if isinstance(value, int | float) else None
    by_group: dict[str, list[Fact]] = {key: [] for key, _ in GROUPS}
    for name in FEATURE_NAMES:
        fact = Fact(name, BY_NAME[name].meaning, _show(name, values[name]))
        by_group[group_of(name)].append(fact)
    groups = [(title, by_group[key]) for key, title in GROUPS if by_group[key]]
    return Facts(groups=groups, context=context, dates=domain_dates(values, reported_at))
