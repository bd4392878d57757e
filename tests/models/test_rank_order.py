"""Ranking a scored table: the order it promises, computed once on the number columns."""

from __future__ import annotations

import numpy as np
import pandas as pd

from models.scorer import rank_table


def _columns(frame: pd.DataFrame) -> dict[str, object]:
    """A scored frame's columns as score_table hands them over: the raw score apart."""
    return {name: frame[name].to_numpy() for name in frame.columns if name != "_raw"}


def _numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype="float64")


def test_ties_and_unscored_rows_keep_their_input_order_and_every_column_stays() -> None:
    frame = pd.DataFrame(
        {
            "case_id": ["u1", "t1", "top", "u2", "t2", "low"],
            "score": [np.nan, 0.7, 0.9, np.nan, 0.7, 0.1],
            "_raw": [np.nan, 0.5, 0.8, np.nan, 0.5, -2.0],
            "reasons": ["not scored", "r1", "r2", "not scored", "r3", "r4"],
        }
    )
    ranked = rank_table(_columns(frame), _numbers(frame, "score"), _numbers(frame, "_raw"))
    assert list(ranked["case_id"]) == ["top", "t1", "t2", "low", "u1", "u2"]
    assert list(ranked["reasons"]) == ["r2", "r1", "r3", "r4", "not scored", "not scored"]
    assert list(ranked["rank"]) == [1, 2, 3, 4, 5, 6]
    assert list(ranked.columns) == ["case_id", "score", "reasons", "rank"]
    assert isinstance(ranked.index, pd.RangeIndex)


def test_an_empty_table_ranks_to_an_empty_table() -> None:
    empty = pd.DataFrame({"case_id": [], "score": [], "_raw": []})
    ranked = rank_table(_columns(empty), _numbers(empty, "score"), _numbers(empty, "_raw"))
    assert list(ranked.columns) == ["case_id", "score", "rank"]
