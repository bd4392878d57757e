"""The promotion gate: models keep their cut-off, the kept model never saw its held-out cases, and
the champion is compared with a candidate only on cases unseen by both, enough of them, or not at
all (then --force decides). A real MLflow store in a temporary folder."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import pytest

from features.catalogue import FEATURE_NAMES
from models.artifact import save_model
from models.gate import MIN_CASES
from models.tracking import CHAMPION, REGISTERED_MODEL, configure, log_training
from models.train import TrainResult, train
from tests.models.test_train_and_score import _table

FULL = _table(400, seed=4)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_mlflow_db: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # MLflow writes run artifacts beside the database
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    shutil.copyfile(empty_mlflow_db, tmp_path / "mlflow.db")  # a new, empty store
    configure(f"sqlite:///{tmp_path / 'mlflow.db'}")
    return tmp_path


@pytest.fixture(scope="module")
def older() -> TrainResult:
    """A model on the 240 oldest cases."""
    return train(FULL.iloc[:240])


@pytest.fixture(scope="module")
def everything() -> TrainResult:
    """A model on all 400 cases."""
    return train(FULL)


def _log(result: TrainResult, folder: Path, promote: bool = True, force: bool = False):
    save_model(folder, result.booster, result.meta)
    return log_training(result, folder, [], "test-bundle", promote=promote, force=force)


def _champion() -> str:
    from mlflow import MlflowClient

    return str(MlflowClient().get_model_version_by_alias(REGISTERED_MODEL, CHAMPION).version)


def test_the_kept_model_was_not_fitted_on_its_held_out_cases(everything: TrainResult) -> None:
    meta, held_out = everything.meta, everything.held_out
    cutoff = pd.Timestamp(meta.fitted_until)
    assert held_out is not None and len(held_out) == meta.training["held_out_cases"] > 0
    assert (pd.to_datetime(held_out["reported_at"], utc=True) > cutoff).all()
    assert meta.training["fitted_cases"] + meta.training["held_out_cases"] == 400
    # The booster learnt from exactly the cases up to its cut-off: as many rows as fitted cases.
    fitted = FULL[pd.to_datetime(FULL["reported_at"], utc=True) <= cutoff]
    assert len(fitted) == meta.training["fitted_cases"]
    assert meta.training["fitted_until"] == meta.fitted_until


def test_each_registered_model_carries_its_cut_off(store: Path, older: TrainResult) -> None:
    from mlflow import MlflowClient

    run = _log(older, store / "m1")
    version = MlflowClient().get_model_version(REGISTERED_MODEL, run.model_version)
    assert version.tags["fitted_until"] == older.meta.fitted_until
    assert '"fitted_until"' in (store / "m1" / "scorer.json").read_text(encoding="utf-8")


def test_the_gate_compares_both_models_only_on_cases_neither_was_fitted_on(
    store: Path, older: TrainResult, everything: TrainResult
) -> None:
    from mlflow import MlflowClient

    _log(older, store / "m1")
    run = _log(everything, store / "m2")
    c = run.comparison
    unseen = FULL[pd.to_datetime(FULL["reported_at"], utc=True) > pd.Timestamp(c.cutoff)]
    assert c.decision in ("better", "not-better") and c.champion is not None
    assert pd.Timestamp(c.cutoff) == max(
        pd.Timestamp(older.meta.fitted_until), pd.Timestamp(everything.meta.fitted_until)
    )
    assert c.cases == len(unseen) >= MIN_CASES
    assert (c.frauds, c.legits) == (
        int((unseen["outcome"] == "fraud").sum()),
        int((unseen["outcome"] == "legit").sum()),
    )
    assert f"{c.cases} cases ({c.frauds} fraud, {c.legits} legit)" in c.why
    data = MlflowClient().get_run(run.run_id).data
    assert data.metrics["gate.cases"] == c.cases and data.metrics["gate.frauds"] == c.frauds
    assert "gate.champion.average_precision" in data.metrics
    assert data.tags["gate.decision"] == c.decision and data.tags["gate.champion_version"] == "1"
    assert data.params["fitted_until"] == everything.meta.fitted_until
    assert _champion() == ("2" if c.promoted else "1")


def test_too_few_unseen_cases_keep_the_champion_unless_forced(
    store: Path, older: TrainResult, everything: TrainResult
) -> None:
    from mlflow import MlflowClient

    _log(everything, store / "m1")  # the champion has seen every case the candidate holds out
    run = _log(older, store / "m2")
    c = run.comparison
    assert c.decision == "too-few" and not c.promoted and c.cases == 0
    assert "refused to decide" in c.why and f"at least {MIN_CASES}" in c.why
    assert _champion() == "1"
    forced = _log(older, store / "m3", force=True)
    assert forced.comparison.promoted and forced.comparison.forced
    assert _champion() == "3"
    assert MlflowClient().get_run(forced.run_id).data.tags["forced"] == "true"


def test_a_champion_without_a_recorded_cut_off_cannot_be_compared(
    store: Path, older: TrainResult, everything: TrainResult
) -> None:
    legacy = dataclasses.replace(older, meta=dataclasses.replace(older.meta, fitted_until=None))
    _log(legacy, store / "m1")  # a model from before cut-offs were recorded
    run = _log(everything, store / "m2")
    assert run.comparison.decision == "not-comparable" and not run.comparison.promoted
    assert "records no fitted_until" in run.comparison.why and "--force" in run.comparison.why
    assert _champion() == "1"
    assert _log(everything, store / "m3", force=True).comparison.promoted
    assert _champion() == "3"


def test_a_champion_with_other_features_cannot_be_compared(
    store: Path, older: TrainResult, everything: TrainResult
) -> None:
    names = [*FEATURE_NAMES[:-1], "retired_feature"]
    rng = np.random.default_rng(0)
    x, y = rng.random((60, len(names))), rng.integers(0, 2, 60)
    data = lgb.Dataset(x, label=y, feature_name=names)
    booster = lgb.train({"objective": "binary", "verbose": -1}, data, num_boost_round=3)
    meta = dataclasses.replace(older.meta, feature_names=names)
    _log(dataclasses.replace(older, booster=booster, meta=meta), store / "m1")
    run = _log(everything, store / "m2")
    assert run.comparison.decision == "not-comparable" and not run.comparison.promoted
    assert "other features" in run.comparison.why and "retired_feature" in run.comparison.why
    assert _champion() == "1"
