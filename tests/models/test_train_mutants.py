"""Calibration and the priority thresholds chosen at training time, on inputs small enough to
work out by hand: the raw -> probability map, interpolation between its points and clipping
outside them, and where P1 and P2 fall for a known ranking of frauds and genuine shops."""

from __future__ import annotations

import numpy as np
import pytest

from models.train import P1_PRECISION, P2_RECALL, calibrate, choose_thresholds, fit_calibration


def test_each_isotonic_step_becomes_one_point_at_its_centre() -> None:
    # Labels 0 0 0 | 1 0 | 1 1 over raw 1..7: the isotonic fit pools (4, 5) to 0.5, so the steps
    # are raw 1-3 at 0, 4-5 at 0.5 and 6-7 at 1, centred at 2, 4.5 and 6.5.
    raw = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    y = np.array([0, 0, 0, 1, 0, 1, 1])
    assert fit_calibration(raw, y) == {"x": [2.0, 4.5, 6.5], "y": [0.0, 0.5, 1.0]}


def test_the_map_does_not_depend_on_the_order_of_the_cases() -> None:
    raw = np.array([7.0, 1.0, 5.0, 3.0, 4.0, 2.0, 6.0])
    y = np.array([1, 0, 0, 0, 1, 0, 1])
    assert fit_calibration(raw, y) == {"x": [2.0, 4.5, 6.5], "y": [0.0, 0.5, 1.0]}


def test_a_single_step_is_one_point() -> None:
    # All genuine: one flat step over raw 0-10, centred at 5.
    assert fit_calibration(np.array([0.0, 10.0, 4.0]), np.array([0, 0, 0])) == {
        "x": [5.0],
        "y": [0.0],
    }


def test_steps_of_one_case_keep_their_raw_score() -> None:
    # Perfectly separated by raw: every case its own step except the two equal labels per end.
    raw = np.array([-2.0, -1.0, 1.0, 2.0])
    y = np.array([0, 0, 1, 1])
    assert fit_calibration(raw, y) == {"x": [-1.5, 1.5], "y": [0.0, 1.0]}


def test_the_map_is_json_ready_floats() -> None:
    calibration = fit_calibration(np.array([0, 1, 2, 3]), np.array([0, 1, 0, 1]))
    assert all(type(v) is float for v in calibration["x"] + calibration["y"])


CALIBRATION = {"x": [-1.0, 1.0, 3.0], "y": [0.1, 0.5, 0.9]}


@pytest.mark.parametrize(
    ("raw", "probability"),
    [
        (-5.0, 0.1),  # below the first point: clipped to it
        (-1.0, 0.1),
        (0.0, 0.3),  # halfway between (-1, 0.1) and (1, 0.5)
        (0.5, 0.4),
        (1.0, 0.5),
        (2.5, 0.8),  # three quarters of the way from (1, 0.5) to (3, 0.9)
        (3.0, 0.9),
        (40.0, 0.9),  # above the last point: clipped to it
    ],
)
def test_calibrate_interpolates_between_the_points(raw: float, probability: float) -> None:
    assert calibrate(np.array([raw]), CALIBRATION) == pytest.approx([probability])


def test_calibrate_keeps_the_shape_of_its_input() -> None:
    got = calibrate(np.array([[0.0, 1.0], [2.0, 3.0]]), CALIBRATION)
    assert got.shape == (2, 2)
    assert got == pytest.approx(np.array([[0.3, 0.5], [0.7, 0.9]]))


# Eight cases ranked by score; frauds (1) at ranks 1, 2, 4 and 6.
SCORES = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
FRAUD = np.array([1, 1, 0, 1, 0, 1, 0, 0])
# Down the ranking: precision 1, 1, 2/3, 3/4, 3/5, 4/6, 4/7, 4/8; recall 1/4, 2/4, 2/4, 3/4,
# 3/4, 4/4, 4/4, 4/4.


def test_p1_is_the_lowest_score_whose_top_set_is_precise_enough() -> None:
    # Precision >= 0.75 at ranks 1, 2 and 4: P1 = 0.6. Recall >= 0.9 first at rank 6: P2 = 0.4.
    assert choose_thresholds(SCORES, FRAUD, 0.75, 0.9) == {"P1": 0.6, "P2": 0.4}


def test_the_order_the_cases_come_in_does_not_matter() -> None:
    order = np.array([5, 0, 7, 2, 4, 1, 6, 3])
    assert choose_thresholds(SCORES[order], FRAUD[order], 0.75, 0.9) == {"P1": 0.6, "P2": 0.4}


def test_a_perfect_top_two_gives_p1_at_the_second_score() -> None:
    # Precision 1.0 only at ranks 1 and 2; recall 0.5 first reached at rank 2.
    assert choose_thresholds(SCORES, FRAUD, 1.0, 0.5) == {"P1": 0.8, "P2": 0.8}


def test_p1_is_never_when_no_top_set_is_pure_enough() -> None:
    legit_first = np.array([0, 1, 1, 0])
    scores = np.array([0.9, 0.8, 0.7, 0.6])
    # Precision 0, 1/2, 2/3, 2/4: never 0.9. Recall 0, 1/2, 1, 1: 0.95 first at rank 3.
    assert choose_thresholds(scores, legit_first, 0.9, 0.95) == {"P1": 1.01, "P2": 0.7}


def test_a_threshold_never_parts_cases_with_the_same_score() -> None:
    # The top two tie at 0.9 (one fraud, one not): P1 at 0.9 would take both, precision 1/2.
    scores = np.array([0.9, 0.9, 0.8, 0.1])
    fraud = np.array([1, 0, 1, 0])
    # Cut points after ranks 2, 3, 4: precision 1/2, 2/3, 2/4 -> no P1; recall 1/2 at rank 2.
    assert choose_thresholds(scores, fraud, 1.0, 0.5) == {"P1": 1.01, "P2": 0.9}


def test_p2_is_never_above_p1() -> None:
    # Precision 0, 1/2, 2/3: 0.6 first met at rank 3 (P1 = 0.7); recall 1/2 at rank 2 (0.8).
    scores = np.array([0.9, 0.8, 0.7])
    assert choose_thresholds(scores, np.array([0, 1, 1]), 0.6, 0.5) == {"P1": 0.7, "P2": 0.7}


def test_without_frauds_p1_is_never_and_p2_takes_everything() -> None:
    scores = np.array([0.9, 0.5, 0.1])
    assert choose_thresholds(scores, np.array([0, 0, 0]), 0.9, 0.95) == {"P1": 1.01, "P2": 0.0}


def test_one_fraud_is_all_the_recall() -> None:
    # Recall after rank 2 is 1/1: P2 = 0.5 (a denominator of anything but the fraud count fails).
    # Precision there is 1/2, so no P1.
    assert choose_thresholds(np.array([0.9, 0.5]), np.array([0, 1]), 0.9, 1.0) == {
        "P1": 1.01,
        "P2": 0.5,
    }


def test_the_defaults_are_90_percent_precision_and_95_percent_recall() -> None:
    assert (P1_PRECISION, P2_RECALL) == (0.90, 0.95)
    # 20 cases; frauds at ranks 1-9 and 11 (10 in all). Precision at rank 10 is 9/10, at rank
    # 11 10/11, at 12 10/12: P1 at rank 11. Recall reaches 1 (>= 0.95) at rank 11 too.
    scores = np.linspace(0.95, 0.0, 20)
    fraud = np.array([1] * 9 + [0, 1] + [0] * 9)
    thresholds = choose_thresholds(scores, fraud)
    assert thresholds == {"P1": pytest.approx(scores[10]), "P2": pytest.approx(scores[10])}


def test_a_tie_below_the_top_is_cut_only_after_its_last_case() -> None:
    # 0.5 twice, a fraud then a genuine shop. Cut points after ranks 1, 3, 4: precision 1, 2/3,
    # 2/4, so P1 stays at 0.9 (cutting inside the tie, after rank 2, would give 0.5 at 1.0).
    # Recall 1/2, 1, 1: P2 = 0.5.
    scores = np.array([0.9, 0.5, 0.5, 0.1])
    fraud = np.array([1, 1, 0, 0])
    assert choose_thresholds(scores, fraud, 1.0, 1.0) == {"P1": 0.9, "P2": 0.5}
