"""Training: a LightGBM model on the labelled rows of a feature table, an honest time-forward
figure, an isotonic calibration and priority thresholds fitted on out-of-fold scores."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from importlib import metadata

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import StratifiedKFold

from features.catalogue import DIRECTIONS, FEATURE_NAMES
from features.pipeline import PIPELINE_VERSION
from models.artifact import ModelMeta
from models.evaluate import figures
from models.split import time_forward_split
from models.table import feature_matrix

PARAMS: dict[str, object] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 10,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "deterministic": True,
    "force_row_wise": True,
    # Case tables are small: threads cost more than they give, far more on a busy machine.
    "num_threads": 1,
    "verbose": -1,
    "monotone_constraints": [DIRECTIONS.get(name, 0) for name in FEATURE_NAMES],
    "monotone_constraints_method": "advanced",
}
ROUNDS = 250
P1_PRECISION = 0.90  # P1: the scores above which at least 90% of cases were frauds
P2_RECALL = 0.95  # P2: down to where 95% of frauds are caught


class TrainingError(ValueError):
    """Training data that cannot give a model (too few labelled cases, a single class...)."""


def labelled(table: pd.DataFrame) -> pd.DataFrame:
    """Rows with a known outcome and features, oldest report first."""
    rows = table[table["outcome"].isin(["fraud", "legit"]) & (table["error"] == "")]
    return rows.sort_values(["reported_at", "case_id"], kind="stable").reset_index(drop=True)


def fit_booster(x: np.ndarray, y: np.ndarray, seed: int = 0) -> lgb.Booster:
    data = lgb.Dataset(x, label=y, feature_name=list(FEATURE_NAMES), free_raw_data=True)
    return lgb.train({**PARAMS, "seed": seed}, data, num_boost_round=ROUNDS)


def out_of_fold(x: np.ndarray, y: np.ndarray, seed: int = 0, folds: int = 5) -> np.ndarray:
    """Each row's score from a model that did not see it."""
    oof = np.zeros(len(y))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(x, y):
        oof[test_idx] = fit_booster(x[train_idx], y[train_idx], seed).predict(x[test_idx])
    return oof


def fit_calibration(raw: np.ndarray, y: np.ndarray) -> dict[str, list[float]]:
    """Isotonic map raw -> probability, stored as points for np.interp (no pickled object)."""
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, y)
    return {"x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]}


def calibrate(raw: np.ndarray, calibration: dict[str, list[float]]) -> np.ndarray:
    return np.interp(raw, calibration["x"], calibration["y"])


def choose_thresholds(scores: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """P1 from the lowest score whose top set is at least 90% fraud; P2 where 95% of frauds are
    above it. P1 is 1.01 (never) when no top set reaches that precision."""
    order = np.argsort(-scores, kind="stable")
    s, hits = scores[order], y[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    recall = np.cumsum(hits) / max(1, hits.sum())
    # Only cut between distinct scores: a threshold takes every case with the same score.
    last_of_score = np.r_[s[1:] != s[:-1], True]
    ok = np.where((precision >= P1_PRECISION) & last_of_score)[0]
    p1 = float(s[ok.max()]) if len(ok) else 1.01
    reach = np.where((recall >= P2_RECALL) & last_of_score)[0]
    p2 = float(s[reach.min()]) if len(reach) else 0.0
    return {"P1": p1, "P2": min(p1, p2)}


def time_forward_figures(
    rows: pd.DataFrame, seed: int = 0, test_share: float = 0.2
) -> dict[str, object]:
    """Train on the older reports, score the newest ones, never an operator seen in training."""
    train_idx, test_idx = time_forward_split(rows, test_share)
    train, test = rows.iloc[train_idx], rows.iloc[test_idx]
    y_train = (train["outcome"] == "fraud").to_numpy(int)
    y_test = (test["outcome"] == "fraud").to_numpy(int)
    if len(set(y_train)) < 2 or len(set(y_test)) < 2:
        return {"skipped": "the newest reports do not hold both outcomes"}
    model = fit_booster(feature_matrix(train), y_train, seed)
    result: dict[str, object] = dict(figures(model.predict(feature_matrix(test)), y_test))
    result["train_until"] = str(train["reported_at"].max())
    result["test_from"] = str(test["reported_at"].min())
    return result


def _fingerprint(rows: pd.DataFrame) -> str:
    text = "\n".join(f"{c},{o}" for c, o in zip(rows["case_id"], rows["outcome"], strict=True))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def train(table: pd.DataFrame, seed: int = 0) -> tuple[lgb.Booster, ModelMeta]:
    """A model and what the Scorer needs, from the labelled rows of a feature table."""
    rows = labelled(table)
    y = (rows["outcome"] == "fraud").to_numpy(int)
    if len(rows) < 30 or y.sum() < 5 or (1 - y).sum() < 5:
        raise TrainingError(
            f"too few labelled cases to train: {len(rows)} usable ({int(y.sum())} fraud); "
            "at least 30 with 5 of each outcome are needed"
        )
    x = feature_matrix(rows)
    raw_oof = out_of_fold(x, y, seed)
    calibration = fit_calibration(raw_oof, y)
    thresholds = choose_thresholds(calibrate(raw_oof, calibration), y)
    booster = fit_booster(x, y, seed)
    trained_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    fingerprint = _fingerprint(rows)
    meta = ModelMeta(
        feature_names=list(FEATURE_NAMES),
        pipeline_version=PIPELINE_VERSION,
        thresholds=thresholds,
        calibration=calibration,
        version=f"{trained_at[:10]}-{fingerprint[:8]}",
        trained_at=trained_at,
        training={
            "cases": len(rows),
            "frauds": int(y.sum()),
            "reported_from": str(rows["reported_at"].min()),
            "reported_until": str(rows["reported_at"].max()),
            "data_fingerprint": fingerprint,
            "skipped_unusable": int(len(table) - len(rows)),
            "seed": seed,
        },
        evaluation={
            "time_forward": time_forward_figures(rows, seed),
            "out_of_fold_calibrated": figures(calibrate(raw_oof, calibration), y),
        },
        versions={"lightgbm": lgb.__version__, "scamrank": _version()},
    )
    return booster, meta


def _version() -> str:
    try:
        return metadata.version("scamrank")
    except metadata.PackageNotFoundError:
        return "unknown"
