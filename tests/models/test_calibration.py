"""Calibration: a known raw -> probability map, centred on the isotonic steps."""

from __future__ import annotations

import numpy as np
import pytest

from models.train import calibrate, fit_calibration


def test_centred_isotonic_map_by_hand() -> None:
    # Isotonic fit of these labels: 0, 0 | 0.5, 0.5 | 1, 1 (steps over raw 0-1, 2-3 and 4-5),
    # so the map has one point per step at its centre: (0.5, 0), (2.5, 0.5), (4.5, 1).
    raw = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([0, 0, 1, 0, 1, 1])
    calibration = fit_calibration(raw, y)
    assert calibration == {"x": [0.5, 2.5, 4.5], "y": [0.0, 0.5, 1.0]}
    got = calibrate(np.array([-3.0, 0.5, 1.5, 2.0, 2.5, 3.0, 4.5, 9.0]), calibration)
    assert got == pytest.approx([0.0, 0.0, 0.25, 0.375, 0.5, 0.625, 1.0, 1.0])


def test_calibration_keeps_the_raw_order_inside_a_step() -> None:
    """Two cases the isotonic fit put on one step keep the order the model gave them, so a
    threshold can part them."""
    rng = np.random.default_rng(3)
    raw = rng.normal(size=400)
    y = (rng.random(400) < 1 / (1 + np.exp(-2 * raw))).astype(int)
    calibration = fit_calibration(raw, y)
    inside = np.sort(rng.uniform(np.min(calibration["x"]), np.max(calibration["x"]), 50))
    probabilities = calibrate(inside, calibration)
    assert np.all(np.diff(probabilities) > 0)
    # Each stored point maps to its own probability, and beyond the ends the map is flat.
    xs, ys = np.array(calibration["x"]), np.array(calibration["y"])
    assert calibrate(xs, calibration) == pytest.approx(ys)
    assert calibrate(np.array([xs[0] - 5, xs[-1] + 5]), calibration) == pytest.approx(ys[[0, -1]])
