"""What the company register says of a shop's company, as of the report date.

Pure functions of the rows a lookup returned (capture/register.py's `RegisterRows`, the same dict
a bundle keeps as `register/<siren>.json`): the register names, state and activity at
`reported_at`, and the facts an investigator checks against the legal notice. A fact is None when
it cannot be known (no register, a foreign company, no SIREN, a closure that may postdate the
report): missing evidence is never evidence of fraud.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rapidfuzz import fuzz

from features.identifiers import normal_name

RegisterRows = dict[str, Any]
Facts = dict[str, float | int | bool | None]

# Each feature with its one-line meaning, for the catalogue (stage two adds them there).
REGISTER_FEATURES: dict[str, str] = {
    "register_found": "the notice's SIREN is in the company register (None: no register/SIREN)",
    "register_active_at_report": "the company was active in the register at the report date",
    "register_company_age_days": "days from the company's creation to the report (negative: after)",
    "register_created_after_domain": "the company was created after the shop's domain",
    "register_name_similarity": "best match (0-1) of the notice's company name to the register's",
    "register_postcode_match": "the notice's postcode is one of the company's establishments'",
    "register_naf_retail": "the register's activity code is a retail or online-selling trade",
}
# Notes (weightless), by code, in English and French.
REGISTER_NOTES: dict[str, dict[str, str]] = {
    "register_missing": {
        "en": "no company register given: the register facts are unknown",
        "fr": "pas de répertoire des entreprises : les informations du registre sont inconnues",
    },
    "register_current_state": {
        "en": "company register without history: its current state was used, not the state at"
        " the report date",
        "fr": "répertoire sans historique : l'état actuel de l'entreprise a été utilisé, pas son"
        " état à la date du signalement",
    },
    "register_no_siren": {
        "en": "no French company number on the pages: the register was not consulted",
        "fr": "aucun numéro SIREN sur les pages : le répertoire n'a pas été consulté",
    },
}
# Activity codes (NAF rév. 2 and its 2025 successor share these divisions) of trades that sell
# goods to consumers, online included: retail (47, distance selling 47.91 among them), wholesale
# (46, which often sells online too), vehicle parts (45.3, 45.4), and makers that sell their own
# goods: clothing (14), leather and shoes (15), furniture (31), jewellery (32.1), sports goods
# (32.3), toys (32.4), perfumes and cosmetics (20.42), food and drink (10.7, 10.8, 11.0).
RETAIL_NAF: tuple[str, ...] = (
    "47", "46", "45.3", "45.4", "14", "15", "31", "32.1", "32.3", "32.4", "20.42", "10.7",
    "10.8", "11.0",
)  # fmt: skip
RETAIL_NAF_REV1: tuple[str, ...] = ("52", "51", "50.3", "50.4")  # before 2008
# Legal forms and titles beyond identifiers.normal_name's list, French individual businesses first.
_MORE_FORMS = frozenset({"ei", "eirl", "ee", "entreprise", "individuelle", "micro", "auto",
                         "entrepreneur", "monsieur", "madame", "m", "mme", "mr", "ste", "sasu",
                         "selarl", "scop", "gie", "association"})  # fmt: skip
_HIDDEN = "[ND]"  # INSEE's mark for a value withheld (statutDiffusion 'P')


def register_name(raw: str) -> str:
    """A company name compared as an investigator would: no legal form, title, accents, case or
    punctuation ('Sté ACME Distribution SAS' and 'acme distribution' are one)."""
    return " ".join(w for w in normal_name(raw).split() if w not in _MORE_FORMS)


def name_similarity(notice_name: str, register_names: Sequence[str]) -> float | None:
    """The best token-set similarity (0-1, word order ignored) of the notice's name to any of
    the register's names; None when either side has no usable name."""
    mine = register_name(notice_name)
    theirs = [n for n in (register_name(r) for r in register_names) if n]
    if not mine or not theirs:
        return None
    return max(fuzz.token_set_ratio(mine, t) for t in theirs) / 100


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None  # a malformed date in the file is unknown, not an error for the batch


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value and value != _HIDDEN else None


@dataclass(frozen=True)
class CompanyState:
    """The company as the register describes it at one date."""

    siren: str
    names: tuple[str, ...]  # as the register writes them, legal name first
    active: bool | None  # None: unknown at that date
    naf: str | None
    nomenclature: str | None
    created: date | None
    city: str | None
    postcodes: tuple[str, ...]
    exact: bool  # False when the current state stood in for the state at the date


def _person(row: dict[str, Any]) -> list[str]:
    first = _clean(row.get("prenomUsuelUniteLegale")) or _clean(row.get("prenom1UniteLegale"))
    names = []
    for last in (_clean(row.get("nomUniteLegale")), _clean(row.get("nomUsageUniteLegale"))):
        if last:
            names.append(f"{first} {last}" if first else last)
    return names


def _names(unit: dict[str, Any], establishments: list[dict[str, Any]]) -> tuple[str, ...]:
    fields = ("denominationUniteLegale", "sigleUniteLegale", "denominationUsuelle1UniteLegale",
              "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale")  # fmt: skip
    found = [_clean(unit.get(f)) for f in fields] + _person(unit)
    for shop in establishments:
        found += [_clean(shop.get(f"enseigne{i}Etablissement")) for i in (1, 2, 3)]
        found.append(_clean(shop.get("denominationUsuelleEtablissement")))
    return tuple(dict.fromkeys(n for n in found if n))


def _period_at(periods: list[dict[str, Any]], when: date) -> dict[str, Any] | None:
    # INSEE's periods: dateDebut inclusive, dateFin the last day (None for the current one).
    for period in periods:
        start, end = _day(period.get("dateDebut")), _day(period.get("dateFin"))
        if (start is None or start <= when) and (end is None or when <= end):
            return period
    return None


def state_at(rows: RegisterRows, when: date) -> CompanyState | None:
    """The company at `when`: from the history file when the rows have it, else the current
    state (`exact` False when the current period began after `when`). None when not found."""
    unit = rows.get("unite_legale")
    if not unit:
        return None
    shops = rows.get("etablissements") or []
    created = _day(unit.get("dateCreationUniteLegale"))
    current = dict(unit)
    exact = (_day(unit.get("dateDebut")) or date.min) <= when
    history = rows.get("historique")
    if history:
        period = _period_at(history, when)
        exact = True
        if period is None:  # before its first period: the company did not exist yet
            current["etatAdministratifUniteLegale"] = "-"
        else:
            current.update({k: v for k, v in period.items() if k in unit or k.endswith("Legale")})
    state = current.get("etatAdministratifUniteLegale")
    if exact:
        active: bool | None = state == "A"
    else:
        # A closure dated after the report says nothing of the report date: unknown, not closed.
        active = True if state == "A" else None
    head = next(
        (s for s in shops if s.get("etablissementSiege") == "true"), shops[0] if shops else {}
    )
    return CompanyState(
        siren=rows["siren"],
        names=_names(current, shops),
        active=active,
        naf=_clean(current.get("activitePrincipaleUniteLegale")),
        nomenclature=_clean(current.get("nomenclatureActivitePrincipaleUniteLegale")),
        created=created,
        city=_clean(head.get("libelleCommuneEtablissement")),
        postcodes=tuple(p for s in shops if (p := _clean(s.get("codePostalEtablissement")))),
        exact=exact,
    )


def naf_retail(naf: str | None, nomenclature: str | None = "NAFRev2") -> bool | None:
    """True when the activity code is a trade that sells goods to consumers (RETAIL_NAF);
    None for a code of an older nomenclature that is not listed, or no code."""
    if not naf:
        return None
    if nomenclature in (None, "NAFRev2", "NAF2025", "NAFRev2.1"):
        return naf.startswith(RETAIL_NAF)
    if nomenclature == "NAFRev1":
        return naf.startswith(RETAIL_NAF_REV1)
    return None


def unknown_facts() -> Facts:
    """Every register fact unknown: no register, no SIREN, or a foreign company."""
    return dict.fromkeys(REGISTER_FEATURES)


def register_facts(
    rows: RegisterRows | None,
    reported_at: datetime,
    notice_names: Sequence[str] = (),
    notice_postcodes: Sequence[str] = (),
    domain_registered_at: datetime | None = None,
) -> Facts:
    """The register facts of a site as of `reported_at`, from the rows of the notice's SIREN
    (None when there is no register or no SIREN to look up)."""
    facts = unknown_facts()
    if rows is None:
        return facts
    when = reported_at.date()
    state = state_at(rows, when)
    facts["register_found"] = state is not None
    if state is None:
        return facts
    facts["register_active_at_report"] = state.active
    if state.created is not None:
        facts["register_company_age_days"] = (when - state.created).days
        if domain_registered_at is not None:
            facts["register_created_after_domain"] = state.created > domain_registered_at.date()
    scores = [s for n in notice_names if (s := name_similarity(n, state.names)) is not None]
    facts["register_name_similarity"] = max(scores) if scores else None
    if notice_postcodes and state.postcodes:
        facts["register_postcode_match"] = bool(set(notice_postcodes) & set(state.postcodes))
    facts["register_naf_retail"] = naf_retail(state.naf, state.nomenclature)
    return facts


def register_note_codes(
    rows: RegisterRows | None, register_given: bool, siren: str | None
) -> list[str]:
    """The weightless notes of REGISTER_NOTES that apply to one site."""
    if not register_given:
        return ["register_missing"]
    if siren is None:
        return ["register_no_siren"]
    if rows and rows.get("unite_legale") and rows.get("historique") is None:
        return ["register_current_state"]
    return []


def spaced_siren(siren: str) -> str:
    """A SIREN as it is printed: '552 100 554'."""
    return " ".join(siren[i : i + 3] for i in range(0, len(siren), 3))


def register_reasons(
    siren: str,
    rows: RegisterRows | None,
    facts: Facts,
    notice_name: str | None,
    reported_at: datetime,
    domain_registered_at: datetime | None = None,
) -> dict[str, str]:
    """A sentence in the register's own words for each fact that points to a borrowed or
    invented identity, by feature name (the scorer shows the ones that weighed)."""
    number = f"SIREN {spaced_siren(siren)}"
    if facts.get("register_found") is False:
        return {"register_found": f"{number} is not in the company register"}
    state = state_at(rows, reported_at.date()) if rows else None
    if state is None:
        return {}
    name = state.names[0] if state.names else "?"
    where = ", ".join(x for x in (state.naf, state.city.title() if state.city else None) if x)
    said: dict[str, str] = {}
    similarity = facts.get("register_name_similarity")
    if notice_name and similarity is not None and similarity < 0.8:
        said["register_name_similarity"] = (
            f'{number} belongs to "{name}" ({where}), not to "{notice_name}"'
        )
    if facts.get("register_active_at_report") is False:
        said["register_active_at_report"] = (
            f'{number} ("{name}") was not active in the register on {reported_at.date()}'
        )
    if facts.get("register_created_after_domain") and state.created and domain_registered_at:
        said["register_created_after_domain"] = (
            f'{number} ("{name}") was created on {state.created}, after the domain'
            f" (registered {domain_registered_at.date()})"
        )
    if facts.get("register_naf_retail") is False:
        said["register_naf_retail"] = (
            f'{number} ("{name}") is registered for {state.naf}, not a retail trade'
        )
    if facts.get("register_postcode_match") is False:
        said["register_postcode_match"] = (
            f'{number} ("{name}") is registered in {", ".join(state.postcodes[:3])}, not at the'
            " notice's postcode"
        )
    age = facts.get("register_company_age_days")
    if isinstance(age, int) and age < 90 and state.created:
        said["register_company_age_days"] = (
            f'{number} ("{name}") was created on {state.created}, {age} days before the report'
        )
    return said
