import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import pytest

from features.catalogue import FEATURE_NAMES
from models.artifact import ModelError, load_model, save_model
from models.scorer import MAX_REASONS, Scorer, rank_table, reasons_of
from models.table import feature_matrix
from models.train import TrainingError, choose_thresholds, train


def _table(n: int = 240, seed: int = 1) -> pd.DataFrame:
    """A feature table where young domains that take only transfers are mostly frauds."""
    rng = np.random.default_rng(seed)
    fraud = rng.random(n) < 0.35
    data = {name: rng.random(n) for name in FEATURE_NAMES}
    data["domain_age_days"] = np.where(
        fraud, rng.integers(1, 200, n), rng.integers(100, 5000, n)
    ).astype(float)
    data["pay_irreversible_only"] = np.where(
        fraud, rng.random(n) < 0.7, rng.random(n) < 0.1
    ).astype(float)
    data["legal_siren"] = np.where(fraud, rng.random(n) < 0.3, rng.random(n) < 0.8).astype(float)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    meta = {
        "case_id": [f"c{i:04d}" for i in range(n)],
        "url": [f"https://shop{i}.fr/" for i in range(n)],
        "reported_at": [start + timedelta(days=2 * i) for i in range(n)],
        "outcome": np.where(fraud, "fraud", "legit"),
        "domain": [f"shop{i}.fr" for i in range(n)],
        "pages": 5,
        "notes": "",
        "error": "",
    }
    return pd.DataFrame({**meta, **data})


@pytest.fixture(scope="module")
def model_dir(small_model_dir: Path) -> Path:
    """`train(_table())` saved with `save_model`: tests/conftest.py trains it once a run."""
    return small_model_dir


def test_thresholds_give_the_promised_precision_and_recall_on_their_data() -> None:
    rng = np.random.default_rng(3)
    y = (rng.random(500) < 0.3).astype(int)
    scores = np.clip(y * 0.5 + rng.random(500) * 0.6, 0, 1)
    t = choose_thresholds(scores, y)
    p1 = scores >= t["P1"]
    assert p1.any() and y[p1].mean() >= 0.9
    assert y[scores >= t["P2"]].sum() / y.sum() >= 0.95
    assert t["P1"] >= t["P2"]


def test_training_refuses_too_few_labelled_cases() -> None:
    with pytest.raises(TrainingError, match="too few labelled cases"):
        train(_table(20))


def test_model_folder_round_trip_scores_identically(model_dir: Path) -> None:
    table = _table(60, seed=9)
    first = Scorer.load(model_dir).score_table(table)
    second = Scorer.load(model_dir).score_table(table)
    pd.testing.assert_frame_equal(first, second)
    assert list(first.columns[:6]) == ["case_id", "url", "score", "rank", "priority", "reasons"]
    assert sorted(first["rank"]) == list(range(1, 61))
    # Each score is the booster's output through the stored calibration points (np.interp:
    # linear between points, flat beyond), rounded to 4 places; each priority follows from it.
    booster, meta = load_model(model_dir)
    cal = np.interp(
        booster.predict(feature_matrix(table)), meta.calibration["x"], meta.calibration["y"]
    )
    by_case = first.set_index("case_id")
    assert by_case.loc[table["case_id"], "score"].tolist() == pytest.approx(np.round(cal, 4))
    p1, p2 = meta.thresholds["P1"], meta.thresholds["P2"]
    expected = ["P1" if c >= p1 else "P2" if c >= p2 else "P3" for c in cal]
    assert by_case.loc[table["case_id"], "priority"].tolist() == expected


def test_scores_rank_young_transfer_only_sites_first(model_dir: Path) -> None:
    scored = Scorer.load(model_dir).score_table(_table(200, seed=5))
    top = scored.head(20)
    assert (top["outcome"] == "fraud").mean() >= 0.8


def test_model_with_other_feature_names_is_refused(tmp_path: Path, model_dir: Path) -> None:
    _, meta = load_model(model_dir)
    x = np.random.default_rng(0).random((50, 3))
    other = lgb.train(
        {"objective": "binary", "verbose": -1},
        lgb.Dataset(x, label=x[:, 0] > 0.5, feature_name=["a", "b", "c"]),
        num_boost_round=2,
    )
    meta.feature_names = ["a", "b", "c"]
    save_model(tmp_path, other, meta)
    with pytest.raises(ModelError, match="trained with other features"):
        Scorer.load(tmp_path)


def test_folder_whose_json_and_model_disagree_is_refused(tmp_path: Path, model_dir: Path) -> None:
    for name in ("model.txt", "scorer.json"):
        (tmp_path / name).write_bytes((model_dir / name).read_bytes())
    meta = json.loads((tmp_path / "scorer.json").read_text())
    meta["feature_names"] = meta["feature_names"][::-1]
    (tmp_path / "scorer.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="disagree on the feature names"):
        Scorer.load(tmp_path)


def test_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"model\.txt is missing"):
        Scorer.load(tmp_path / "nothing")


def test_unscored_rows_keep_their_row_rank_last_and_say_why(model_dir: Path) -> None:
    table = _table(30, seed=4)
    table.loc[3, "error"] = "no captured page for this site"
    table.loc[3, list(FEATURE_NAMES)] = np.nan
    scored = Scorer.load(model_dir).score_table(table)
    last = scored.iloc[-1]
    assert last["case_id"] == "c0003"
    assert pd.isna(last["score"]) and last["priority"] == "" and last["rank"] == 30
    assert "no captured page" in last["reasons"]


def test_reasons_are_the_strongest_raising_contributions_first() -> None:
    values = np.full(len(FEATURE_NAMES), np.nan)
    contrib = np.zeros(len(FEATURE_NAMES))
    age = FEATURE_NAMES.index("domain_age_days")
    siren = FEATURE_NAMES.index("legal_siren")
    values[age], contrib[age] = 12.0, 1.5
    values[siren], contrib[siren] = 0.0, 0.7
    contrib[FEATURE_NAMES.index("pay_card")] = -2.0
    text = reasons_of(values, contrib, flagged=True)
    assert (
        text == "domain registered 12 days before the report (+1.50)"
        " | no SIREN on the legal notice (+0.70)"
    )
    contrib[:] = np.linspace(0.1, 1, len(FEATURE_NAMES))
    assert len(reasons_of(values, contrib, flagged=True).split(" | ")) == MAX_REASONS


def test_rank_table_orders_by_score_then_raw_and_puts_unscored_last() -> None:
    frame = pd.DataFrame(
        {
            "case_id": ["a", "b", "c", "d"],
            "score": [0.5, np.nan, 0.5, 0.9],
            "_raw": [0.4, np.nan, 0.6, 0.95],
        }
    )
    ranked = rank_table(
        {"case_id": frame["case_id"].to_numpy(), "score": frame["score"].to_numpy()},
        frame["score"].to_numpy(dtype="float64"),
        frame["_raw"].to_numpy(dtype="float64"),
    )
    assert list(ranked["case_id"]) == ["d", "c", "a", "b"]
    assert list(ranked["rank"]) == [1, 2, 3, 4]
