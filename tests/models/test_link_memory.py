"""Linking holds every case's landing-page skeleton at once: the tokens are read whole and in
order, and a token shared by cases is one string in memory, not one copy per case."""

from __future__ import annotations

import base64
import zlib
from datetime import UTC, datetime

import pandas as pd

from models.identity import link_cases


def _blob(tokens: list[str]) -> str:
    # The form features.identity_context.skeleton_context writes.
    return base64.b64encode(zlib.compress(" ".join(tokens).encode(), 6)).decode("ascii")


def test_skeletons_are_read_whole_and_share_their_tokens() -> None:
    # Built at run time, so the test's own literals are not what makes the strings shared.
    kit = ["".join(("div", ".", "grid", str(i % 3))) for i in range(40)]
    table = pd.DataFrame(
        {
            "case_id": ["a", "b", "c"],
            "reported_at": [datetime(2025, 1, d, tzinfo=UTC) for d in (1, 2, 3)],
            "outcome": ["fraud", "", "legit"],
            "skeleton": [_blob(kit), _blob(kit[::-1]), ""],
        }
    )
    cases = link_cases(table)
    assert list(cases[0].skeleton) == kit
    assert list(cases[1].skeleton) == kit[::-1]
    assert list(cases[2].skeleton) == []
    every = [token for case in cases for token in case.skeleton]
    assert len({id(token) for token in every}) == 3  # div.grid0, div.grid1, div.grid2
