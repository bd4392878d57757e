"""Priorities at and around each threshold: P1 from the P1 threshold up, P2 from the P2
threshold up to just below P1, P3 below P2."""

from __future__ import annotations

import pytest

from models.scorer import priority_of

THRESHOLDS = {"P1": 0.8, "P2": 0.5}


@pytest.mark.parametrize(
    ("score", "priority"),
    [
        (1.0, "P1"),
        (0.8, "P1"),  # at P1
        (0.7999, "P2"),  # just below P1
        (0.5, "P2"),  # at P2
        (0.4999, "P3"),  # just below P2
        (0.0, "P3"),
    ],
)
def test_priority_at_and_around_each_threshold(score: float, priority: str) -> None:
    assert priority_of(score, THRESHOLDS) == priority


def test_equal_thresholds_leave_no_p2() -> None:
    assert [priority_of(s, {"P1": 0.6, "P2": 0.6}) for s in (0.6, 0.59)] == ["P1", "P3"]


def test_a_never_reached_p1_gives_p2_at_most() -> None:
    # choose_thresholds sets P1 to 1.01 when no top set is precise enough.
    assert [priority_of(s, {"P1": 1.01, "P2": 0.3}) for s in (1.0, 0.3, 0.29)] == [
        "P2",
        "P2",
        "P3",
    ]
