"""The Scorer: loads a model folder once, scores feature rows, ranks them and says why.
The command line, the service and the notebooks all go through it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

from capture.site import Site
from features.catalogue import FEATURE_NAMES, describe
from features.pipeline import CONTEXT_COLUMNS, PIPELINE_VERSION
from models.artifact import ModelError, ModelMeta, load_model
from models.identity import fill_identity, reason_texts
from models.notes import note_codes, note_text
from models.table import CASE_COLUMNS, IDENTITY_COLUMNS, build_table, model_input, raw_matrix
from models.train import calibrate

SCORE_COLUMNS = ("case_id", "url", "score", "rank", "priority", "reasons")
MAX_REASONS = 5
PARALLEL_ROWS = 10_000  # rows from which LightGBM scores on every core
# Context kept in the table but not in the scores: the landing page's compressed skeleton.
INTERNAL_COLUMNS = frozenset({"skeleton"})
# The columns scoring reads besides the features: passed through, or read for reasons and notes.
_READ = (*CASE_COLUMNS, *CONTEXT_COLUMNS, *IDENTITY_COLUMNS)
Cells = Mapping[str, Sequence[object]]  # rows' cells by column: a table's columns, or one row's
Reason = tuple[str, float | None, float] | tuple[str, float | None, float, str]


def predict_threads(rows: int) -> int:
    """LightGBM threads for scoring `rows` rows: one below PARALLEL_ROWS, else OpenMP's default
    (0). Waking a thread team costs more than scoring a few sites, and with the service's worker
    processes sharing the cores, OpenMP's spinning threads made one site's score take 6 ms
    instead of 0.1 ms on a busy machine."""
    return 1 if rows < PARALLEL_ROWS else 0


def priority_of(score: float, thresholds: dict[str, float]) -> str:
    if score >= thresholds["P1"]:
        return "P1"
    return "P2" if score >= thresholds["P2"] else "P3"


def top_reasons(
    values: np.ndarray,
    contributions: np.ndarray,
    flagged: bool,
    texts: dict[str, str] | None = None,
) -> list[Reason]:
    """The strongest contributions as (feature, value, log-odds weight), strongest first: for a
    flagged case those that raise its score, otherwise those that lower it. A feature with a
    row's own sentence in `texts` (the register's words, the shared identifier) carries it as a
    fourth element."""
    sign = 1.0 if flagged else -1.0
    order = np.argsort(-sign * contributions, kind="stable")
    texts = texts or {}
    found: list[Reason] = []
    for i in order[:MAX_REASONS]:
        if sign * contributions[i] <= 0:
            continue
        name = FEATURE_NAMES[i]
        value = None if np.isnan(values[i]) else values[i].item()
        weight = float(contributions[i])
        text = texts.get(name)
        found.append((name, value, weight, text) if text else (name, value, weight))
    return found


def reason_words(reason: Reason) -> str:
    """A reason's sentence: the row's own when it has one, else the catalogue's."""
    return reason[3] if len(reason) == 4 else describe(reason[0], reason[1])


def reasons_of(
    values: np.ndarray,
    contributions: np.ndarray,
    flagged: bool,
    texts: dict[str, str] | None = None,
) -> str:
    """The strongest contributions in words, each with its log-odds weight, joined by ' | '."""
    return reasons_text(top_reasons(values, contributions, flagged, texts))


def reasons_text(reasons: list[Reason]) -> str:
    """Reasons (top_reasons) in words, each with its log-odds weight, joined by ' | '."""
    return " | ".join(f"{reason_words(reason)} ({reason[2]:+.2f})" for reason in reasons)


def rank_order(score: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """Row positions from rank 1 (highest score, then highest raw score) down; unscored rows
    (NaN score) last, in input order."""
    unscored = np.isnan(score)
    # Unscored rows have no score to sort by: zeros there, so that their input order decides.
    by_score, by_raw = np.where(unscored, 0.0, -score), np.where(unscored, 0.0, -raw)
    return np.lexsort((np.arange(len(score)), by_raw, by_score, unscored))


def rank_table(columns: Mapping[str, object], score: np.ndarray, raw: np.ndarray) -> pd.DataFrame:
    """The table of `columns` (arrays or lists, one value per row, or one value for all) with
    its rows in rank order (rank_order of `score` and `raw`) and a `rank` column, 1 first: where
    `columns` places a "rank" key, else last. Built once, in its final row and column order:
    a table's construction, copies and column moves cost more than the model when the service
    scores one site."""
    order = rank_order(score, raw)
    ranked = {name: _in_order(values, order) for name, values in columns.items()}
    ranked["rank"] = np.arange(1, len(order) + 1)
    return pd.DataFrame(ranked, index=pd.RangeIndex(len(order)))


def _in_order(values: object, order: np.ndarray) -> object:
    """A column's values (array or list) taken in rank order; a single value stays as it is."""
    if isinstance(values, np.ndarray):
        return values[order]
    if isinstance(values, list):
        return [values[i] for i in order]
    return values


def _notes(
    cells: Mapping[str, Sequence[object]], ok: np.ndarray, values: np.ndarray
) -> list[list[str]]:
    """The weightless facts of each scored row (see models/notes.py) from its features as
    extracted (`values`, raw_matrix of the table); none for unscored rows."""
    names = list(FEATURE_NAMES)
    n = len(values)
    context = [
        {"shop_signs": str(v) if v == v and v is not None else ""}
        for v in cells.get("shop_signs", [""] * n)
    ]
    # The register's notes (no register, its current state used) are written beside the row.
    register = [str(v or "").split() for v in cells.get("register_notes", [""] * n)]
    return [
        # The pages' shop signs (a context column) tell a shop the feature row may not.
        [
            *note_codes({**dict(zip(names, values[i].tolist(), strict=True)), **context[i]}),
            *register[i],
        ]
        if ok[i]
        else []
        for i in range(n)
    ]


def _first(values: object) -> object:
    """One row's value of a score column (an array or list, or one value for every row)."""
    return values[0] if isinstance(values, np.ndarray | list) else values


def _joined(capture_notes: str, notes: list[str]) -> str:
    """Capture notes first (what went wrong reading the site), then the scoring notes."""
    return " | ".join(part for part in (capture_notes, *notes) if part)


class Scorer:
    def __init__(
        self,
        booster: lgb.Booster,
        meta: ModelMeta,
        source: str = "",
        thresholds: dict[str, float] | None = None,
    ) -> None:
        if list(meta.feature_names) != list(FEATURE_NAMES):
            missing = sorted(set(FEATURE_NAMES) - set(meta.feature_names))
            extra = sorted(set(meta.feature_names) - set(FEATURE_NAMES))
            raise ModelError(
                f"{source or 'model'}: trained with other features than this scamrank computes "
                f"(pipeline {meta.pipeline_version} vs {PIPELINE_VERSION}; missing from the model: "
                f"{missing[:8]}; unknown to this pipeline: {extra[:8]}; order differs: "
                f"{not missing and not extra}); retrain it with `scamrank train`"
            )
        self.booster = booster
        self.meta = meta
        self.source = source
        # The thresholds chosen at training time, unless the caller sets its own.
        self.thresholds = {**meta.thresholds, **(thresholds or {})}
        if self.thresholds["P1"] < self.thresholds["P2"]:
            raise ValueError(
                f"P1 threshold {self.thresholds['P1']} is below P2 {self.thresholds['P2']}"
            )

    @classmethod
    def load(cls, folder: Path, thresholds: dict[str, float] | None = None) -> Scorer:
        booster, meta = load_model(folder)
        return cls(booster, meta, source=str(folder), thresholds=thresholds)

    @property
    def version(self) -> str:
        return self.meta.version

    def score_table(self, table: pd.DataFrame) -> pd.DataFrame:
        """Scores, ranks, priorities and reasons of a feature table, SCORE_COLUMNS first."""
        cells = {c: table[c].to_numpy() for c in _READ if c in table}
        columns, raw = self._score(cells, raw_matrix(table))
        return rank_table(columns, columns["score"], raw)  # type: ignore[arg-type]

    def score_row(self, row: Mapping[str, object]) -> dict[str, object]:
        """`score_columns` of one row given as a dict of cells (models/table.py table_row): what
        the service scores, one site at a time, where building a one-row table and reading it
        back cost a quarter of its request."""
        cells = {c: [row[c]] for c in _READ if c in row}
        values = np.array([[row[name] for name in FEATURE_NAMES]], dtype="float64")
        columns, _ = self._score(cells, values)
        return {name: _first(values) for name, values in columns.items()}

    def _score(self, cells: Cells, values: np.ndarray) -> tuple[dict[str, object], np.ndarray]:
        """The score columns of rows given as their cells (`_READ`, by column) and their
        features as extracted (`values`, one row each)."""
        errors = [str(e) for e in cells["error"]]
        ok = np.array([e == "" for e in errors], dtype=bool)
        n = len(errors)
        score = np.full(n, np.nan)
        raw = np.full(n, np.nan)
        reasons = [""] * n
        reason_facts: list[list[Reason]] = [[] for _ in range(n)]
        texts = [reason_texts(v) for v in cells.get("reason_texts", [""] * n)]
        priority = [""] * n
        if ok.any():
            shown = values[ok]  # reasons describe what was found, unknowns included
            x = model_input(shown)
            threads = predict_threads(len(x))
            raw_ok = self.booster.predict(x, num_threads=threads)
            contrib = self.booster.predict(x, pred_contrib=True, num_threads=threads)[:, :-1]
            cal = calibrate(raw_ok, self.meta.calibration)
            for j, i in enumerate(np.flatnonzero(ok)):
                score[i], raw[i] = round(float(cal[j]), 4), raw_ok[j]
                priority[i] = priority_of(cal[j], self.thresholds)
                reason_facts[i] = top_reasons(shown[j], contrib[j], priority[i] != "P3", texts[i])
                reasons[i] = reasons_text(reason_facts[i])
        for i in np.flatnonzero(~ok):
            reasons[i] = f"not scored: {errors[i]}"
        codes = _notes(cells, ok, values)
        capture_notes = [str(v or "") for v in cells["notes"]]
        columns: dict[str, object] = {
            "case_id": cells["case_id"],
            "url": cells["url"],
            "score": score,
            "rank": None,  # placed here by rank_table
            "priority": priority,
            "reasons": reasons,
            "reported_at": cells["reported_at"],
            "outcome": cells["outcome"],
            "domain": cells["domain"],
            "pages": cells["pages"],
            "notes": [_joined(c, note_text(k)) for c, k in zip(capture_notes, codes, strict=True)],
            "notes_fr": [
                _joined(c, note_text(k, "fr")) for c, k in zip(capture_notes, codes, strict=True)
            ],
            "note_codes": [" ".join(k) for k in codes],
            **{c: cells[c] for c in CONTEXT_COLUMNS if c in cells and c not in INTERNAL_COLUMNS},
            # The operator group (models/identity.py): the cases one operator's marks link.
            "operator": cells.get("operator", ""),
            "model_version": self.version,
            "reason_facts": [json.dumps(facts) for facts in reason_facts],
        }
        return columns, raw

    def score_sites(self, sites: Iterable[Site]) -> pd.DataFrame:
        """Scores of sites without a bundle: no register (its facts unknown, and noted), links
        among the sites given only."""
        table = build_table(sites)
        fill_identity(table, None, None)
        return self.score_table(table)
