"""MLflow: every training run logged with its parameters, figures, plots, feature catalogue, data
fingerprint, code version and model; the model registered as `scamrank`, and the `champion`
alias moved only to a model that beats the current one on the same time-forward test cases.

Nothing here runs at import: entry points call `configure()` first.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import lightgbm as lgb

from features.catalogue import CATALOGUE
from models.artifact import META_FILE, ModelError
from models.evaluate import figures
from models.scorer import Scorer
from models.train import TrainResult

REGISTERED_MODEL = "scamrank"
CHAMPION = "champion"
CHAMPION_URI = f"models:/{REGISTERED_MODEL}@{CHAMPION}"
DEFAULT_TRACKING_URI = "sqlite:///mlflow.db"
EXPERIMENT = "scamrank"
COMPARED_ON = "average_precision"  # what a new model must beat: ranking quality of the queue


def configure(tracking_uri: str | None = None) -> str:
    """Point MLflow at the store (argument, else MLFLOW_TRACKING_URI, else sqlite:///mlflow.db)
    with telemetry and progress bars off. Returns the URI in use."""
    os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
    os.environ["DO_NOT_TRACK"] = "true"
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    import mlflow

    uri = tracking_uri or os.environ.get("MLFLOW_TRACKING_URI") or DEFAULT_TRACKING_URI
    mlflow.set_tracking_uri(uri)
    return uri


def _use_experiment() -> None:
    """The scamrank experiment; with a SQLite store its artifacts live beside the database file,
    wherever the command was started from."""
    import mlflow

    if mlflow.get_experiment_by_name(EXPERIMENT) is None:
        uri = mlflow.get_tracking_uri()
        location = None
        if uri.startswith("sqlite:///"):
            location = (Path(uri.removeprefix("sqlite:///")).resolve().parent / "mlruns").as_uri()
        mlflow.create_experiment(EXPERIMENT, artifact_location=location)
    mlflow.set_experiment(EXPERIMENT)


def code_version() -> str:
    """The git commit of the code (with '+dirty' for uncommitted changes), else 'unknown'."""
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit}+dirty" if dirty else commit


def is_model_uri(ref: str) -> bool:
    return "://" in ref or ref.startswith(("models:/", "runs:/"))


def resolve_model(ref: str) -> Path:
    """A local model folder for a folder path or any MLflow model URI (models:/scamrank@champion,
    models:/scamrank/3, runs:/<id>/model...)."""
    if not is_model_uri(ref):
        return Path(ref)
    import mlflow
    from mlflow.exceptions import MlflowException

    try:
        return Path(
            mlflow.artifacts.download_artifacts(
                artifact_uri=ref, dst_path=tempfile.mkdtemp(prefix="scamrank-model-")
            )
        )
    except MlflowException as exc:
        raise ModelError(f"{ref}: no such model in the MLflow store ({exc.message})") from exc


def load_scorer(ref: str | None, thresholds: dict[str, float] | None = None) -> Scorer:
    """The Scorer of a folder or MLflow URI; the registered champion when `ref` is None."""
    return Scorer.load(resolve_model(ref or CHAMPION_URI), thresholds=thresholds)


@dataclass
class Comparison:
    candidate: float
    champion: float | None  # None when there is no champion or it cannot score these cases
    champion_version: str | None
    promoted: bool
    why: str


def compare_with_champion(result: TrainResult, promote: bool) -> Comparison:
    """Score the candidate's time-forward test cases with the current champion, and say whether
    the candidate beats it there."""
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    candidate = float(result.evaluation.figures[COMPARED_ON])
    try:
        version = str(MlflowClient().get_model_version_by_alias(REGISTERED_MODEL, CHAMPION).version)
    except MlflowException:
        return Comparison(candidate, None, None, promote, "no champion yet")
    try:
        champion_scorer = load_scorer(f"models:/{REGISTERED_MODEL}/{version}")
    except ModelError as exc:
        return Comparison(candidate, None, version, promote, f"champion unusable: {exc}")
    test = result.evaluation.test
    scores = champion_scorer.score_table(test).set_index("case_id").loc[test["case_id"], "score"]
    champion = float(figures(scores.to_numpy(float), test["label"].to_numpy(int))[COMPARED_ON])
    better = candidate > champion
    why = (
        f"{COMPARED_ON} {candidate:.4f} vs champion v{version} {champion:.4f} on the same "
        f"{len(test)} time-forward test cases"
    )
    return Comparison(candidate, champion, version, promote and better, why)


@dataclass
class TrackedRun:
    run_id: str
    model_version: str
    comparison: Comparison


def log_training(
    result: TrainResult,
    model_dir: Path,
    plots: list[Path],
    bundle: str,
    promote: bool = False,
) -> TrackedRun:
    """Log a training run and register its model; move `champion` to it when asked and better."""
    import mlflow
    import mlflow.lightgbm
    from mlflow import MlflowClient

    meta = result.meta
    _use_experiment()
    comparison = compare_with_champion(result, promote)
    with mlflow.start_run(run_name=f"train {meta.version}") as run:
        mlflow.log_params(
            {
                **meta.training.get("params", {}),
                "seed": meta.training["seed"],
                "bundle": bundle,
                "pipeline": meta.training["pipeline"],
                **{f"threshold_{k}": v for k, v in meta.thresholds.items()},
            }
        )
        mlflow.set_tags(
            {
                "data_fingerprint": meta.training["data_fingerprint"],
                "code_version": code_version(),
                "model_version": meta.version,
                "promoted": str(comparison.promoted).lower(),
                "comparison": comparison.why,
            }
        )
        for scope in ("time_forward", "out_of_fold_calibrated"):
            mlflow.log_metrics(
                {
                    f"{scope}.{k}": float(v)
                    for k, v in meta.evaluation[scope].items()
                    if isinstance(v, int | float)
                }
            )
        if comparison.champion is not None:
            mlflow.log_metric(f"champion.{COMPARED_ON}", comparison.champion)
        for plot in plots:
            mlflow.log_artifact(str(plot), artifact_path="plots")
        mlflow.log_dict([asdict(f) for f in CATALOGUE], "feature_catalogue.json")
        mlflow.log_dict(meta.training, "training.json")
        info = mlflow.lightgbm.log_model(
            result.booster,
            name="model",
            extra_files=[str(model_dir / META_FILE)],
            pip_requirements=[f"lightgbm=={lgb.__version__}"],
            registered_model_name=REGISTERED_MODEL,
        )
    version = str(info.registered_model_version)
    if comparison.promoted:
        MlflowClient().set_registered_model_alias(REGISTERED_MODEL, CHAMPION, version)
    return TrackedRun(run.info.run_id, version, comparison)
