"""Missing evidence is not evidence of fraud: a site scored without its RDAP record is scored on
its pages, never ranked higher for the record's absence, and its notes say what was missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from capture.bundle import open_bundle
from features.catalogue import FEATURE_NAMES, UNKNOWN_RECORD_AS
from features.shop import is_shop
from models.notes import NOTES
from models.scorer import Scorer
from models.table import build_table, feature_matrix
from models.train import train, with_withheld

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
LEVEL = {"P3": 0, "P2": 1, "P1": 2}


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample scored by a sample-trained model, with and without its RDAP files."""
    table = build_table(open_bundle(SAMPLE).sites())
    result = train(table)
    scorer = Scorer(result.booster, result.meta)
    bare = tmp_path_factory.mktemp("bundle") / "sample"
    shutil.copytree(SAMPLE, bare, ignore=shutil.ignore_patterns("rdap"))
    assert not (bare / "rdap").exists()
    without = scorer.score_table(build_table(open_bundle(bare).sites()))
    return scorer.score_table(table), without


def test_removing_rdap_records_raises_no_priority_and_no_score(
    scored: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    with_record, without = scored
    both = with_record.merge(without, on="case_id", suffixes=("", "_bare"))
    assert len(both) == len(with_record) > 300
    risen = both[both["priority_bare"].map(LEVEL) > both["priority"].map(LEVEL)]
    assert risen.empty, risen[["case_id", "priority", "priority_bare"]].to_string()
    both = both[both["score"].notna()]  # the few cases with no captured page have no score
    assert both["score_bare"].notna().all()
    assert (both["score_bare"] <= both["score"] + 1e-9).all()
    # A record still counts where there is one: a young domain raises some sites' scores.
    assert (both["score_bare"] < both["score"] - 0.01).any()


def test_notes_say_the_record_is_missing_in_english_and_french(
    scored: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    with_record, without = (frame[frame["score"].notna()] for frame in scored)
    english, french = NOTES["no_record"]["en"], NOTES["no_record"]["fr"]
    assert without["notes"].str.contains(english, regex=False).all()
    assert without["notes_fr"].str.contains(french, regex=False).all()
    assert french.startswith("pas d'enregistrement RDAP")
    # Reasons stay weighted model contributions; the note is not one of them.
    assert not without["reasons"].str.contains(english, regex=False).any()
    had = ~with_record["notes"].str.contains(english, regex=False)
    assert had.mean() > 0.5  # the sample has records for most sites


def test_a_missing_record_is_set_beyond_any_real_record() -> None:
    table = pd.DataFrame({name: [np.nan, 1.0] for name in FEATURE_NAMES})
    table.loc[0, "rdap_found"] = 0.0
    table.loc[1, ["domain_age_days", "domain_registrant_redacted"]] = [40.0, 1.0]
    x = feature_matrix(table)
    for name, value in UNKNOWN_RECORD_AS.items():
        assert x[0, FEATURE_NAMES.index(name)] == value
    assert x[1, FEATURE_NAMES.index("domain_age_days")] == 40.0
    assert x[1, FEATURE_NAMES.index("domain_registrant_redacted")] == 1.0
    # Training sees each row with a record twice: as captured and with the record withheld.
    xs, ys = with_withheld(x, np.array([1, 0]))
    assert len(xs) == 3 and ys.tolist() == [1, 0, 0]
    assert xs[2, FEATURE_NAMES.index("domain_age_days")] == UNKNOWN_RECORD_AS["domain_age_days"]


def test_not_a_shop_keeps_its_score_and_is_noted() -> None:
    portal = dict.fromkeys(FEATURE_NAMES, 0.0)
    assert not is_shop(portal)
    assert is_shop({**portal, "price_jsonld_offers": 3.0})
    assert is_shop({**portal, "pay_checkout_found": 1.0})
    assert not is_shop({**portal, "price_min_over_median": float("nan")})
