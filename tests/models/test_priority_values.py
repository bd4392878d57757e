"""Priorities at and around each threshold, the thresholds chosen by hand, and the scores a
Scorer gives recomputed from its model and the features: the values, not their ranges."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from models.scorer import Scorer, priority_of
from models.table import feature_matrix
from models.train import TrainResult, choose_thresholds
from tests.models.test_train_and_score import _table

THRESHOLDS = {"P1": 0.8, "P2": 0.2}


def _below(x: float) -> float:
    """The largest float under x: "just below" with no margin a mutant could hide in."""
    return math.nextafter(x, -math.inf)


def _above(x: float) -> float:
    return math.nextafter(x, math.inf)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.8, "P1"),  # exactly at P1: P1 is "at or above"
        (_above(0.8), "P1"),
        (_below(0.8), "P2"),  # just under P1 is P2, not P1
        (0.5, "P2"),  # between the thresholds: P2 (P1 from the P2 threshold would say P1)
        (0.2, "P2"),  # exactly at P2
        (_above(0.2), "P2"),
        (_below(0.2), "P3"),  # just under P2
        (0.0, "P3"),
        (1.0, "P1"),
    ],
)
def test_priority_at_and_around_each_threshold(score: float, expected: str) -> None:
    assert priority_of(score, THRESHOLDS) == expected


def test_equal_thresholds_leave_no_p2() -> None:
    """P1 == P2 (choose_thresholds caps P2 at P1): a case is P1 or P3, never P2."""
    same = {"P1": 0.6, "P2": 0.6}
    assert [priority_of(s, same) for s in (_below(0.6), 0.6, _above(0.6))] == ["P3", "P1", "P1"]


def test_thresholds_chosen_by_hand() -> None:
    # Sorted by score: 0.9 F, 0.8 F, 0.7 L, 0.6 F, 0.5 L.
    # Precision of each top set: 1/1, 2/2, 2/3, 3/4, 3/5: the lowest score keeping >= 0.9 is 0.8.
    # Recall of frauds (3): 1/3, 2/3, 2/3, 3/3, 3/3: the highest cut reaching 0.95 is 0.6.
    scores = np.array([0.5, 0.9, 0.6, 0.8, 0.7])
    y = np.array([0, 1, 1, 1, 0])
    assert choose_thresholds(scores, y) == {"P1": 0.8, "P2": 0.6}


def test_thresholds_never_cut_between_equal_scores() -> None:
    # 0.9 F, then 0.8 F and 0.8 L tied: a cut at 0.8 takes both (precision 2/3), so P1 is 0.9;
    # recall reaches 1 only with 0.8 and its tie, so P2 is 0.8.
    scores = np.array([0.9, 0.8, 0.8, 0.1])
    y = np.array([1, 1, 0, 0])
    assert choose_thresholds(scores, y) == {"P1": 0.9, "P2": 0.8}


def test_no_pure_top_set_means_no_p1_and_p2_is_capped_at_p1() -> None:
    # The top case is genuine, so no top set is 90% fraud: P1 is 1.01 (never).
    assert choose_thresholds(np.array([0.9, 0.5]), np.array([0, 1])) == {"P1": 1.01, "P2": 0.5}


@pytest.fixture(scope="module")
def scorer(small_training: Callable[[], TrainResult]) -> Scorer:
    result = small_training()  # train(_table()), trained once a run (tests/conftest.py)
    return Scorer(result.booster, result.meta)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return _table(60, seed=9)


def _calibrated(scorer: Scorer, table: pd.DataFrame) -> np.ndarray:
    """The calibrated score of every row, recomputed from the booster and its stored calibration
    points (linear between them, flat beyond), not through models.train.calibrate."""
    points = scorer.meta.calibration
    return np.interp(scorer.booster.predict(feature_matrix(table)), points["x"], points["y"])


def test_scores_are_the_calibrated_model_output_of_each_row(
    scorer: Scorer, table: pd.DataFrame
) -> None:
    expected = dict(zip(table["case_id"], np.round(_calibrated(scorer, table), 4), strict=True))
    scored = scorer.score_table(table)
    assert dict(zip(scored["case_id"], scored["score"], strict=True)) == pytest.approx(expected)
    # The calibration is not the identity: the raw scores differ from the probabilities.
    raw = scorer.booster.predict(feature_matrix(table))
    assert not np.allclose(raw, _calibrated(scorer, table), atol=1e-3)


def test_the_scorer_applies_each_threshold_at_and_around_it(
    scorer: Scorer, table: pd.DataFrame
) -> None:
    cal = _calibrated(scorer, table)
    order = np.argsort(-cal, kind="stable")
    distinct = sorted(set(cal.tolist()), reverse=True)
    assert len(distinct) >= 8  # enough distinct scores to put rows on both sides of each cut
    # P1 at the 3rd highest distinct score, P2 halfway down: rows exactly at a threshold take it.
    k1, k2 = 2, len(distinct) // 2
    p1, p2 = distinct[k1], distinct[k2]
    custom = Scorer(scorer.booster, scorer.meta, thresholds={"P1": p1, "P2": p2})
    scored = custom.score_table(table).set_index("case_id")["priority"]
    expected = {
        table["case_id"].iloc[i]: "P1" if cal[i] >= p1 else "P2" if cal[i] >= p2 else "P3"
        for i in order
    }
    assert scored.to_dict() == expected
    assert set(expected.values()) == {"P1", "P2", "P3"}

    def row_at(value: float) -> str:
        return str(table["case_id"].iloc[int(np.flatnonzero(cal == value)[0])])

    # Exactly at each threshold, and the next distinct score just below it.
    assert scored[row_at(p1)] == "P1" and scored[row_at(distinct[k1 - 1])] == "P1"
    assert scored[row_at(distinct[k1 + 1])] == "P2"
    assert scored[row_at(p2)] == "P2" and scored[row_at(distinct[k2 - 1])] == "P2"
    assert scored[row_at(distinct[k2 + 1])] == "P3"


def test_thresholds_given_by_the_caller_override_the_trained_ones(scorer: Scorer) -> None:
    custom = Scorer(scorer.booster, scorer.meta, thresholds={"P1": 0.99, "P2": 0.01})
    assert custom.thresholds == {**scorer.meta.thresholds, "P1": 0.99, "P2": 0.01}
    with pytest.raises(ValueError, match=r"P1 threshold 0\.1 is below P2 0\.5"):
        Scorer(scorer.booster, scorer.meta, thresholds={"P1": 0.1, "P2": 0.5})
