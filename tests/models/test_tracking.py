"""MLflow tracking and the champion, against a real MLflow store in a temporary folder."""

import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.artifact import save_model
from models.scorer import Scorer
from models.tracking import CHAMPION, REGISTERED_MODEL, configure, load_scorer, log_training
from models.train import TrainResult, train
from tests.models.test_train_and_score import _table


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_mlflow_db: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # MLflow writes run artifacts beside the database
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    shutil.copyfile(empty_mlflow_db, tmp_path / "mlflow.db")  # a new, empty store
    configure(f"sqlite:///{tmp_path / 'mlflow.db'}")
    return tmp_path


def _log(result: TrainResult, folder: Path, promote: bool):
    save_model(folder, result.booster, result.meta)
    return log_training(result, folder, [], "test-bundle", promote=promote)


def test_first_model_becomes_champion_and_scores_through_the_alias(
    store: Path, small_training: Callable[[], TrainResult]
) -> None:
    run = _log(small_training(), store / "m1", promote=True)  # train(_table())
    assert run.comparison.promoted and run.model_version == "1"
    scorer = load_scorer(None)  # no reference: the champion
    scored = scorer.score_table(_table(40, seed=8))
    # The champion is the very model saved in m1: the same scores, priorities and reasons.
    saved = Scorer.load(store / "m1").score_table(_table(40, seed=8))
    columns = ["case_id", "score", "rank", "priority", "reasons"]
    pd.testing.assert_frame_equal(scored[columns], saved[columns])
    assert scored["score"].nunique() > 1  # a real ranking, not one constant


def test_promotion_refuses_a_worse_model_and_records_why(
    store: Path, small_training: Callable[[], TrainResult]
) -> None:
    from mlflow import MlflowClient

    good = _table()
    _log(small_training(), store / "m1", promote=True)  # train(good)
    worse = good.copy()
    older = worse["reported_at"] < worse["reported_at"].quantile(0.75)
    rng = np.random.default_rng(0)  # the older cases get random verdicts: it learns nothing
    worse.loc[older, "outcome"] = rng.choice(["fraud", "legit"], size=int(older.sum()))
    run = _log(train(worse), store / "m2", promote=True)
    assert not run.comparison.promoted
    assert run.comparison.champion > run.comparison.candidate
    client = MlflowClient()
    assert str(client.get_model_version_by_alias(REGISTERED_MODEL, CHAMPION).version) == "1"
    tags = client.get_run(run.run_id).data.tags
    assert tags["promoted"] == "false" and "champion v1" in tags["comparison"]


def test_a_run_logs_figures_catalogue_fingerprint_and_code_version(
    store: Path, small_training: Callable[[], TrainResult]
) -> None:
    from mlflow import MlflowClient

    run = _log(small_training(), store / "m1", promote=False)  # train(_table())
    data = MlflowClient().get_run(run.run_id).data
    assert "time_forward.roc_auc" in data.metrics and "time_forward.brier" in data.metrics
    assert data.tags["data_fingerprint"] and data.tags["code_version"]
    artifacts = {a.path for a in MlflowClient().list_artifacts(run.run_id)}
    assert {"feature_catalogue.json", "training.json"} <= artifacts
    assert not run.comparison.promoted
