"""The promotion gate: a candidate replaces the champion only when it ranks better on labelled
cases that neither model was fitted on.

Each model records `fitted_until`, the latest report date it learnt from. The gate takes the
labelled cases of the candidate's bundles reported after both models' cut-offs, scores them with
both, and decides only when there are at least MIN_CASES of them with MIN_EACH of each outcome.
A champion with no recorded cut-off, or computed from other features than this pipeline, cannot
be compared: promoting over it takes `force`. A candidate that lost a fair comparison is never
promoted, forced or not.
"""

from __future__ import annotations

from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
import pandas as pd

from features.catalogue import FEATURE_NAMES
from features.pipeline import PIPELINE_VERSION
from models.artifact import ModelMeta
from models.evaluate import figures
from models.scorer import Scorer

COMPARED_ON = "average_precision"  # what a new model must beat: ranking quality of the queue
MIN_CASES = 30
MIN_EACH = 5
FORCE_HINT = "use --force to promote it anyway"


@dataclass
class Comparison:
    """What the gate decided, on how many cases, and why."""

    candidate: float | None  # the candidate's figure on the gate's cases (None: not compared)
    champion: float | None  # the champion's, on the same cases
    champion_version: str | None
    promoted: bool
    why: str
    # no-champion, better, not-better, too-few, not-comparable
    decision: str = "no-champion"
    cases: int = 0  # the cases that decided it
    frauds: int = 0
    legits: int = 0
    cutoff: str | None = None  # the gate's cases were reported after this time
    forced: bool = False  # promoted by --force without a fair comparison


def _utc(text: str) -> pd.Timestamp:
    stamp = pd.Timestamp(text)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def no_champion(promote: bool, force: bool) -> Comparison:
    return Comparison(None, None, None, promote or force, "no champion yet", "no-champion")


def cannot_compare(version: str, reason: str, promote: bool, force: bool) -> Comparison:
    """The champion cannot be compared fairly: say so, and promote only when forced."""
    if force:
        why = f"could not compare with champion v{version}: {reason}; promoted by --force"
    else:
        why = f"could not compare with champion v{version}: {reason}; kept it ({FORCE_HINT})"
    return Comparison(None, None, version, force, why, "not-comparable", forced=force)


def _figure(scorer: Scorer, rows: pd.DataFrame, labels: np.ndarray) -> float:
    """The compared figure of one model's scores on `rows`, in their order."""
    scored = scorer.score_table(rows).set_index("case_id").loc[rows["case_id"], "score"]
    return float(figures(scored.to_numpy(float), labels)[COMPARED_ON])


def judge(
    held_out: pd.DataFrame,
    candidate: tuple[lgb.Booster, ModelMeta],
    champion: tuple[lgb.Booster, ModelMeta],
    champion_version: str,
    champion_cutoff: str | None,
    promote: bool,
    force: bool = False,
) -> Comparison:
    """Compare the candidate with the champion on the labelled rows of `held_out` (feature-table
    rows the candidate was not fitted on) reported after both models' cut-offs."""
    booster, meta = champion
    candidate_cutoff = candidate[1].fitted_until
    promote = promote or force  # --force asks for promotion too
    if list(meta.feature_names) != list(FEATURE_NAMES):
        differ = sorted(set(meta.feature_names) ^ set(FEATURE_NAMES))
        reason = (
            f"it was trained on other features (pipeline {meta.pipeline_version} vs "
            f"{PIPELINE_VERSION}; differing: {', '.join(differ[:6]) or 'their order'}), so it "
            "cannot score these cases"
        )
        return cannot_compare(champion_version, reason, promote, force)
    if not champion_cutoff:
        reason = "it records no fitted_until, so no case is known to be unseen by it"
        return cannot_compare(champion_version, reason, promote, force)
    if not candidate_cutoff:
        reason = "the candidate records no fitted_until"
        return cannot_compare(champion_version, reason, promote, force)
    cutoff = max(_utc(candidate_cutoff), _utc(champion_cutoff))
    after = pd.to_datetime(held_out["reported_at"], utc=True) > cutoff
    usable = held_out["outcome"].isin(["fraud", "legit"]) & (held_out["error"] == "")
    rows = held_out[after & usable]
    labels = (rows["outcome"] == "fraud").to_numpy(int)
    frauds, legits = int(labels.sum()), int(len(labels) - labels.sum())
    counted = dict(cases=len(rows), frauds=frauds, legits=legits, cutoff=cutoff.isoformat())
    tally = f"{len(rows)} cases ({frauds} fraud, {legits} legit) reported after {cutoff:%Y-%m-%d}"
    if len(rows) < MIN_CASES or min(frauds, legits) < MIN_EACH:
        rule = f"at least {MIN_CASES} with {MIN_EACH} of each outcome are needed"
        if force:
            why = f"too few unseen cases to decide: {tally}; {rule}; promoted by --force"
        else:
            why = f"refused to decide: only {tally}; {rule}; kept champion v{champion_version}"
        return Comparison(
            None, None, champion_version, force, why, "too-few", forced=force, **counted
        )
    theirs = _figure(Scorer(booster, meta, source=f"champion v{champion_version}"), rows, labels)
    ours = _figure(Scorer(*candidate, source="candidate"), rows, labels)
    better = ours > theirs
    why = (
        f"{COMPARED_ON} {ours:.4f} vs champion v{champion_version} {theirs:.4f} on the same "
        f"{tally}, unseen by both models"
    )
    decision = "better" if better else "not-better"
    return Comparison(ours, theirs, champion_version, promote and better, why, decision, **counted)
