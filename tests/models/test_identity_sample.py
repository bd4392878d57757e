"""With no register at all, no score and no priority rises: the committed sample, given a register
extract made for its world (genuine shops' companies as named, frauds' SIRENs borrowed, closed or
younger than their domains), is scored by a model trained with that register, then scored again
without any register."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import pytest

from capture.register import Register
from features.register import REGISTER_FEATURES
from models.identity import add_link_features, add_register_features
from models.scorer import Scorer
from models.train import train
from synth.register import Company, write_register

LEVEL = {"P3": 0, "P2": 1, "P1": 2, "": -1}


def sample_companies(table: pd.DataFrame) -> list[Company]:
    """A company for each SIREN the sample's notices give: the genuine shops' under their own
    names; the frauds' a plumber's, a closed company's or one created after the report's domain."""
    companies: dict[str, Company] = {}
    for i, row in enumerate(table.itertuples(index=False)):
        seller = json.loads(row.seller) if row.seller else {}
        for siren in seller.get("sirens", [])[:1]:
            if siren in companies:
                continue
            name = (seller.get("names") or ["maison"])[0].upper()
            postcode = (seller.get("postcodes") or ["75011"])[0]
            if row.outcome != "fraud":
                companies[siren] = Company(siren, date(2008, 1, 1), "47.91B", name,
                                           postcode=postcode)  # fmt: skip
            elif i % 3 == 0:
                companies[siren] = Company(siren, date(2001, 1, 1), "43.22A", "PLOMBERIE MARTIN",
                                           postcode="29200", city="BREST")  # fmt: skip
            elif i % 3 == 1:
                closed = date(2019, 1, 1)
                companies[siren] = Company(siren, date(2012, 1, 1), "47.91B", name,
                                           postcode=postcode, closed_on=closed)  # fmt: skip
            else:
                companies[siren] = Company(siren, date(2026, 1, 1), "47.91B", name,
                                           postcode=postcode)  # fmt: skip
    return list(companies.values())


@pytest.fixture(scope="module")
def tables(
    tmp_path_factory: pytest.TempPathFactory, sample_table: Callable[[], pd.DataFrame]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample's table with its register, and without any."""
    base = sample_table()
    folder = tmp_path_factory.mktemp("register")
    write_register(folder, sample_companies(base), history=False)
    sirens = [s for v in base["seller"] if v for s in json.loads(v).get("sirens", [])]
    with Register(folder, tmp_path_factory.mktemp("cache")) as register:
        rows = register.lookup(sirens)
    given = add_link_features(add_register_features(base.copy(), rows, True))
    missing = add_link_features(add_register_features(base.copy(), {}, False))
    return given, missing


def test_without_a_register_no_score_and_no_priority_rises(
    tables: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    given, missing = tables
    result = train(given)
    scorer = Scorer(result.booster, result.meta)
    with_register = scorer.score_table(given).set_index("case_id")
    without = scorer.score_table(missing).set_index("case_id").loc[with_register.index]
    scored = with_register["score"].notna()
    assert scored.sum() > 300
    a, b = without["score"][scored].to_numpy(), with_register["score"][scored].to_numpy()
    assert (a <= b + 1e-9).all(), with_register.index[scored][a > b + 1e-9][:5].tolist()
    levels = without["priority"].map(LEVEL) <= with_register["priority"].map(LEVEL)
    assert levels.all()
    # The register did weigh: some cases score higher with it (the test could fail).
    assert (b > a + 1e-3).sum() >= 5


def test_without_a_register_every_register_fact_is_unknown_and_noted(
    tables: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    given, missing = tables
    ok = missing["error"] == ""
    assert missing.loc[ok, list(REGISTER_FEATURES)].isna().all().all()
    assert (missing.loc[ok, "register_notes"] == "register_missing").all()
    # With the register, the notices' SIRENs were found (the rest have none to look up).
    found = given.loc[ok, "register_found"]
    assert found.notna().sum() >= 50 and np.nanmin(found.to_numpy()) == 1.0
    # No history file in this extract: the current state stood in, and the note says so.
    assert (given.loc[found.notna() & ok, "register_notes"] == "register_current_state").all()
