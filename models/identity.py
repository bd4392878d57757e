"""Who runs a shop, at table level: the company register's facts and the operator links, filled
into a feature table once all of its rows are built, in the process that built it.

The per-site pipeline leaves these features unknown (features/catalogue.py TABLE_FEATURES): the
register is opened once per run and looked up once per bundle, and links need every case. Here,
from the context columns the pipeline wrote (`seller`, `marks`, `skeleton`):
- `add_register_features` sets the register facts as of each report (features/register.py), the
  `register_notes` codes (no register, current state used...) and the register's own sentences
  for the reasons;
- `add_link_features` sets the time-aware link counts (models/links.py: no verdict dated after a
  report is ever counted), the `operator` column and the link's sentence for the reasons.

Sentences go in `reason_texts` (JSON, feature -> text): the Scorer uses them instead of the
catalogue's generic wording when that feature is among a row's reasons.

The service scores one site as a row of cells, not a table (serve/worker.py): `add_row_register`
and `set_row_link_values` set the same values on it, row by row as the table's functions do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from capture.register import Register, RegisterRows, read_evidence, write_evidence
from features.identity_context import read_skeleton
from features.register import (
    REGISTER_FEATURES,
    register_facts,
    register_note_codes,
    register_reasons,
    spaced_siren,
)
from models.links import LinkCase, LinkCounts, link_counts, link_graph, operator_rows
from models.table import IDENTITY_COLUMNS

LINK_FEATURES = ("link_cases_before", "link_fraud_before", "link_legit_before")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MARK_NAMES = {
    "siren": "SIREN",
    "vat": "VAT number",
    "iban": "IBAN",
    "phone": "phone",
    "email": "e-mail",
    "tracker": "tracker ID",
}


def seller_of(value: object) -> dict[str, Any]:
    """A row's `seller` context as a dict; empty for a row without one or a damaged cell."""
    if not isinstance(value, str) or not value:
        return {}
    try:
        found = json.loads(value)
    except json.JSONDecodeError:
        return {}  # one damaged cell leaves that row's register facts unknown, not the batch
    return found if isinstance(found, dict) else {}


def _ensure_columns(table: pd.DataFrame) -> None:
    for column in IDENTITY_COLUMNS:
        if column not in table:
            table[column] = ""


def wanted_numbers(sellers: Iterable[object]) -> tuple[list[str], list[str]]:
    """Every SIREN and SIRET the legal notices give (`seller` cells), once each, in order."""
    sirens: dict[str, None] = {}
    sirets: dict[str, None] = {}
    for value in sellers:
        seller = seller_of(value)
        sirens.update(dict.fromkeys(seller.get("sirens") or []))
        sirets.update(dict.fromkeys(seller.get("sirets") or []))
    return list(sirens), list(sirets)


def register_rows(
    sellers: Iterable[object], bundle_dir: Path | None, register: Register | None
) -> tuple[dict[str, RegisterRows], list[str]]:
    """The register rows of every SIREN the `seller` cells name: the bundle's own `register/*.json`
    (what was seen at the time) win over a lookup in `register`, which asks for the rest in one
    batch. Also the warnings of evidence files that could not be read."""
    sirens, sirets = wanted_numbers(sellers)
    kept, problems = read_evidence(bundle_dir) if bundle_dir is not None else ({}, [])
    found: dict[str, RegisterRows] = {}
    if register is not None:
        found = register.lookup([s for s in sirens if s not in kept], sirets)
    found.update({s: rows for s, rows in kept.items() if s in set(sirens)})
    return found, problems


def keep_evidence(bundle_dir: Path, rows_by_siren: Mapping[str, RegisterRows]) -> list[Path]:
    """Write the rows consulted as `register/<siren>.json` in a bundle that a capture wrote (never
    over rows already kept: those were seen first)."""
    return [write_evidence(bundle_dir, rows) for rows in rows_by_siren.values()]


def _when(value: object) -> datetime | None:
    stamp = pd.Timestamp(value) if value is not None else pd.NaT
    if pd.isna(stamp):
        return None
    return (stamp if stamp.tzinfo else stamp.tz_localize("UTC")).to_pydatetime()


def _pick_siren(sirens: list[str], rows_by_siren: Mapping[str, RegisterRows]) -> str | None:
    # The first the register knows, else the first given: a notice may also name its host's.
    known = [s for s in sirens if (rows_by_siren.get(s) or {}).get("unite_legale")]
    return (known or sirens or [None])[0]


def reason_texts(value: object) -> dict[str, str]:
    """A row's `reason_texts` cell as a dict (feature -> sentence); empty when damaged."""
    try:
        found = json.loads(value) if isinstance(value, str) and value else {}
    except json.JSONDecodeError:
        found = {}
    return found if isinstance(found, dict) else {}


def texts_with(value: object, said: Mapping[str, str], replaced: Sequence[str]) -> str:
    """A `reason_texts` cell with its sentences for `replaced` features set anew from `said`."""
    texts = {k: v for k, v in reason_texts(value).items() if k not in replaced}
    texts.update(said)
    return json.dumps(texts, ensure_ascii=False) if texts else ""


def _update_texts(
    table: pd.DataFrame, said: Mapping[int, dict[str, str]], replaced: tuple[str, ...]
) -> None:
    """Each row's sentences for `replaced` features set anew from `said` (by row position)."""
    table["reason_texts"] = [
        texts_with(value, said.get(i, {}), replaced)
        for i, value in enumerate(table["reason_texts"].tolist())
    ]


@dataclass(frozen=True)
class RegisterValues:
    """The register's word on one row: its facts (REGISTER_FEATURES, NaN unknown), its note
    codes (space-joined) and the register's sentences for its reasons."""

    facts: dict[str, float]
    codes: str
    said: dict[str, str]


def register_values(
    seller_cell: object,
    reported_at: object,
    age: object,
    scorable: bool,
    register_rows_by_siren: Mapping[str, RegisterRows],
    register_given: bool,
) -> RegisterValues:
    """The register facts of one row as of its report, from its `seller` context and domain age
    (None or NaN unknown). A row's facts are unknown without rows for its SIREN (no register
    given, no SIREN, a foreign company); rows kept in the bundle count even when no register
    was given."""
    seller = seller_of(seller_cell)
    siren = _pick_siren(list(seller.get("sirens") or []), register_rows_by_siren)
    rows = register_rows_by_siren.get(siren) if siren else None
    reported = _when(reported_at)
    facts: dict[str, Any] = dict.fromkeys(REGISTER_FEATURES)
    codes: list[str] = []
    said: dict[str, str] = {}
    if scorable and reported is not None:
        registered = None if pd.isna(age) else reported - timedelta(days=float(age))  # type: ignore[arg-type]
        names = list(seller.get("names") or [])
        facts = register_facts(
            rows, reported, names, list(seller.get("postcodes") or []), registered
        )
        codes = register_note_codes(rows, register_given or rows is not None, siren)
        if siren and rows is not None:
            notice = names[0].title() if names else None
            said = register_reasons(siren, rows, facts, notice, reported, registered) or {}
    floats = {
        name: np.nan if facts.get(name) is None else float(facts[name])
        for name in REGISTER_FEATURES
    }
    return RegisterValues(floats, " ".join(codes), said)


def add_register_features(
    table: pd.DataFrame, register_rows_by_siren: Mapping[str, RegisterRows], register_given: bool
) -> pd.DataFrame:
    """`table` (changed in place, and returned) with the register facts of every scored row as
    of its report, its register note codes and the register's sentences for its reasons
    (register_values of each row)."""
    _ensure_columns(table)
    ok = (table["error"] == "").to_numpy() if "error" in table else np.ones(len(table), bool)
    rows = zip(
        _cells(table, "seller"),
        table["reported_at"].tolist(),
        _cells(table, "domain_age_days"),  # None, as NaN, is an unknown age
        ok,
        strict=True,
    )
    found = [register_values(*cells, register_rows_by_siren, register_given) for cells in rows]
    for name in REGISTER_FEATURES:
        table[name] = np.array([values.facts[name] for values in found], dtype="float64")
    table["register_notes"] = [values.codes for values in found]
    said = {i: values.said for i, values in enumerate(found) if values.said}
    _update_texts(table, said, tuple(REGISTER_FEATURES))
    return table


def add_row_register(
    row: dict[str, object], register_rows_by_siren: Mapping[str, RegisterRows], register_given: bool
) -> None:
    """add_register_features of one row given as a dict of cells (models/table.py table_row),
    in place."""
    found = register_values(
        row.get("seller"),
        row.get("reported_at"),
        row.get("domain_age_days"),
        row.get("error", "") == "",
        register_rows_by_siren,
        register_given,
    )
    row.update(found.facts)
    row["register_notes"] = found.codes
    row["reason_texts"] = texts_with(row.get("reason_texts"), found.said, REGISTER_FEATURES)


def _marks(value: object) -> dict[str, list[str]]:
    if not isinstance(value, str) or not value:
        return {}
    try:
        found = json.loads(value)
    except json.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def link_cases(table: pd.DataFrame) -> list[LinkCase]:
    """One LinkCase per row: report, verdict and its date (`decided_at` when the table has it),
    the identifiers and the landing page's skeleton."""
    # Skeletons are all held at once while linking: their few distinct tokens (tag and class
    # names) are shared, or every case would carry its own copy of each (about 60 bytes a
    # token against the 8 of a reference), which grows with the bundle.
    tokens: dict[str, str] = {}
    columns = zip(
        table["case_id"].tolist(),
        table["reported_at"].tolist(),
        _cells(table, "outcome"),
        _cells(table, "decided_at"),
        _cells(table, "marks"),
        _cells(table, "skeleton"),
        strict=True,
    )
    return [link_case(*cells, tokens) for cells in columns]


def _cells(table: pd.DataFrame, column: str) -> list[Any]:
    """A column's cells as a list (None for each row when the table has no such column): one
    read of the column instead of a column lookup per row, which cost 30 us a cell."""
    return table[column].tolist() if column in table else [None] * len(table)


def link_case(
    case_id: object,
    reported_at: object,
    outcome: object,
    decided_at: object,
    marks: object,
    skeleton: object,
    tokens: dict[str, str] | None = None,
) -> LinkCase:
    """A LinkCase from a table row's cells or a stored case's fields: `marks` as the JSON of
    the `marks` column or as its dict, `skeleton` as the column's text. A case without a report
    time is dated at the epoch's start: it is then linked, but counts nothing of other cases'
    verdicts. `tokens` shares the skeletons' tokens between the cases of one linking."""
    said = str(outcome or "")
    shared = tokens if tokens is not None else {}
    return LinkCase(
        case_id=str(case_id),
        reported_at=_when(reported_at) or _EPOCH,
        outcome=said if said in ("fraud", "legit") else None,
        decided_at=_when(decided_at),
        marks=dict(marks) if isinstance(marks, Mapping) else _marks(marks),
        skeleton=[shared.setdefault(token, token) for token in read_skeleton(str(skeleton or ""))],
    )


def mark_text(mark: str) -> str:
    """A shared mark as an investigator reads it: 'iban:LT121000011101001000' -> 'IBAN LT12
    1000 ...', 'template:C12' -> 'the page template of case C12'."""
    kind, _, value = mark.partition(":")
    if kind == "template":
        return f"the page template of case {value}"
    if kind == "iban":
        value = " ".join(value[i : i + 4] for i in range(0, 8, 4)) + " ..."
    elif kind == "siren":
        value = spaced_siren(value)
    return f"{_MARK_NAMES.get(kind, kind)} {value}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


@dataclass(frozen=True)
class LinkValues:
    """The link features of cases linked among themselves, one entry per case, in order: its
    operator group, its time-aware counts and the sentences for its reasons (by position)."""

    operators: list[str]
    counts: list[LinkCounts]
    sentences: dict[int, dict[str, str]]

    def head(self, n: int) -> LinkValues:
        """The values of the first `n` cases."""
        kept = {i: said for i, said in self.sentences.items() if i < n}
        return LinkValues(self.operators[:n], self.counts[:n], kept)


def link_values(cases: Sequence[LinkCase]) -> LinkValues:
    """The link features of `cases` among themselves. Verdicts count from `decided_at`, or
    from the report plus 30 days."""
    graph = link_graph(cases)
    counts = link_counts(cases, graph)
    sentences: dict[int, dict[str, str]] = {}
    for i, count in enumerate(counts):
        if not count.linked_before:
            continue
        when = cases[i].reported_at
        earlier = sorted(
            mark
            for j in graph[i]
            if cases[j].reported_at <= when
            for mark in graph.edges[i, j]["marks"]
        )
        shares = f"shares {mark_text(earlier[0])}" if earlier else "is linked"
        said = {"link_cases_before": f"{shares} with {_n(count.linked_before, 'earlier case')}"}
        if count.fraud_before:
            said["link_fraud_before"] = f"{shares} with {_n(count.fraud_before, 'confirmed fraud')}"
        if count.legit_before:
            said["link_legit_before"] = (
                f"{shares} with {_n(count.legit_before, 'case')} confirmed genuine"
            )
        sentences[i] = said
    operators = [row.operator for row in operator_rows(cases, graph)]
    return LinkValues(operators, counts, sentences)


def set_link_values(table: pd.DataFrame, values: LinkValues) -> pd.DataFrame:
    """`table` (changed in place, and returned) with `values`, one per row: the link features,
    the operator, and the link sentences in place of the row's former ones (its other
    sentences, the register's, kept)."""
    _ensure_columns(table)
    table["operator"] = values.operators
    table["link_cases_before"] = np.array([c.linked_before for c in values.counts], "float64")
    table["link_fraud_before"] = np.array([c.fraud_before for c in values.counts], "float64")
    table["link_legit_before"] = np.array([c.legit_before for c in values.counts], "float64")
    _update_texts(table, values.sentences, LINK_FEATURES)
    return table


def set_row_link_values(row: dict[str, object], values: LinkValues) -> None:
    """set_link_values of one row given as a dict of cells, from the first of `values`."""
    counts = values.counts[0]
    row["operator"] = values.operators[0]
    row["link_cases_before"] = float(counts.linked_before)
    row["link_fraud_before"] = float(counts.fraud_before)
    row["link_legit_before"] = float(counts.legit_before)
    row["reason_texts"] = texts_with(
        row.get("reason_texts"), values.sentences.get(0, {}), LINK_FEATURES
    )


def add_link_features(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (changed in place, and returned) with the time-aware link counts of every row,
    its `operator` (over the whole table: an investigator's view) and the link's sentence for
    its reasons."""
    if table.empty:
        _ensure_columns(table)  # set_link_values adds them for a table with rows
        for name in LINK_FEATURES:
            table[name] = np.array([], dtype="float64")
        return table
    twice = table["case_id"].duplicated().to_numpy()
    if twice.any():
        raise ValueError(
            f"case ids given more than once: {sorted(set(table['case_id'][twice]))[:5]}"
        )
    return set_link_values(table, link_values(link_cases(table)))


def open_register(folder: Path, cache: Path | None = None) -> Register:
    """A register folder opened for a run; CSV stock files are converted once into `cache`
    (default: `artifacts/cache/register`). A folder that is no register is a RegisterError
    naming it."""
    return Register(folder, cache or Path("artifacts") / "cache" / "register")


def fill_identity(
    table: pd.DataFrame,
    bundle_dir: Path | None,
    register: Register | None,
    keep: bool = False,
) -> list[str]:
    """Register facts and link features of a bundle's table, in place: the bundle's own
    register rows win over `register`'s; with `keep` (a bundle a capture wrote, never a batch's
    input) the rows consulted are kept in it. Returns the warnings of unreadable evidence."""
    rows, problems = register_rows(_cells(table, "seller"), bundle_dir, register)
    add_register_features(table, rows, register is not None)
    if keep and bundle_dir is not None:
        keep_evidence(bundle_dir, rows)
    add_link_features(table)
    return problems
