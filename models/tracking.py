"""MLflow: every training run logged with its parameters, the bundles it read, figures, plots,
feature catalogue, data fingerprint, code version and model; the model registered as `scamrank`
with its `fitted_until` cut-off, and the `champion` alias moved only as the promotion gate
(models/gate.py) allows: a better ranking on cases neither model was fitted on.

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
from models.artifact import META_FILE, ModelError, load_model
from models.gate import (
    COMPARED_ON,
    MIN_CASES,
    MIN_EACH,
    Comparison,
    cannot_compare,
    judge,
    no_champion,
)
from models.scorer import Scorer
from models.train import TrainResult

REGISTERED_MODEL = "scamrank"
CHAMPION = "champion"
CHAMPION_URI = f"models:/{REGISTERED_MODEL}@{CHAMPION}"
DEFAULT_TRACKING_URI = "sqlite:///mlflow.db"
EXPERIMENT = "scamrank"
FITTED_UNTIL_TAG = "fitted_until"  # model-version tag: the latest report date it learnt from


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


def compare_with_champion(result: TrainResult, promote: bool, force: bool = False) -> Comparison:
    """Run the promotion gate between the candidate `result` and the registered champion."""
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    client = MlflowClient()
    try:
        found = client.get_model_version_by_alias(REGISTERED_MODEL, CHAMPION)
    except MlflowException:
        return no_champion(promote, force)
    version = str(found.version)
    try:
        booster, meta = load_model(resolve_model(f"models:/{REGISTERED_MODEL}/{version}"))
    except ModelError as exc:
        return cannot_compare(version, f"it cannot be loaded ({exc})", promote, force)
    champion_cutoff = (found.tags or {}).get(FITTED_UNTIL_TAG) or meta.fitted_until
    if result.held_out is None:
        return cannot_compare(version, "the candidate has no held-out cases", promote, force)
    return judge(
        result.held_out,
        (result.booster, result.meta),
        (booster, meta),
        version,
        champion_cutoff,
        promote,
        force,
    )


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
    force: bool = False,
) -> TrackedRun:
    """Log a training run and register its model with its cut-off; move `champion` to it when
    asked and the gate allows (or `force` and the gate could not decide)."""
    import mlflow
    import mlflow.lightgbm
    from mlflow import MlflowClient

    meta = result.meta
    _use_experiment()
    comparison = compare_with_champion(result, promote, force)
    with mlflow.start_run(run_name=f"train {meta.version}") as run:
        mlflow.log_params(
            {
                **meta.training.get("params", {}),
                "seed": meta.training["seed"],
                "bundle": bundle[:500],
                "pipeline": meta.training["pipeline"],
                "fitted_until": meta.fitted_until,
                "gate_min_cases": MIN_CASES,
                "gate_min_each_outcome": MIN_EACH,
                **{f"threshold_{k}": v for k, v in meta.thresholds.items()},
                **_bundle_params(meta.training.get("bundles")),
            }
        )
        mlflow.set_tags(
            {
                "data_fingerprint": meta.training["data_fingerprint"],
                "code_version": code_version(),
                "model_version": meta.version,
                "promoted": str(comparison.promoted).lower(),
                "forced": str(comparison.forced).lower(),
                "comparison": comparison.why[:5000],
                "gate.decision": comparison.decision,
                "gate.cutoff": comparison.cutoff or "",
                "gate.champion_version": comparison.champion_version or "",
                **_bundle_tags(meta.training.get("bundles")),
            }
        )
        mlflow.log_metrics(
            {
                "gate.cases": comparison.cases,
                "gate.frauds": comparison.frauds,
                "gate.legits": comparison.legits,
            }
        )
        if comparison.candidate is not None:
            mlflow.log_metric(f"gate.candidate.{COMPARED_ON}", comparison.candidate)
        for scope in ("time_forward", "out_of_fold_calibrated"):
            mlflow.log_metrics(
                {
                    f"{scope}.{k}": float(v)
                    for k, v in meta.evaluation[scope].items()
                    if isinstance(v, int | float)
                }
            )
        if comparison.champion is not None:
            mlflow.log_metric(f"gate.champion.{COMPARED_ON}", comparison.champion)
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
    if meta.fitted_until:
        MlflowClient().set_model_version_tag(
            REGISTERED_MODEL, version, FITTED_UNTIL_TAG, meta.fitted_until
        )
    if comparison.promoted:
        MlflowClient().set_registered_model_alias(REGISTERED_MODEL, CHAMPION, version)
    return TrackedRun(run.info.run_id, version, comparison)


def _bundle_params(bundles: object) -> dict[str, object]:
    """Params naming each bundle a run read, in command-line order."""
    listed = bundles if isinstance(bundles, list) else []
    params: dict[str, object] = {"bundles": len(listed)}
    for i, source in enumerate(listed):
        params[f"bundle.{i}.path"] = str(source.get("path", ""))[:500]
        params[f"bundle.{i}.cases_sha256"] = source.get("cases_sha256", "")
    return params


def _bundle_tags(bundles: object) -> dict[str, str]:
    """Tags with how many cases each bundle brought and how many were kept once combined."""
    listed = bundles if isinstance(bundles, list) else []
    return {
        f"bundle.{i}.cases": f"{source.get('cases', '')} read, {source.get('kept', '')} kept"
        for i, source in enumerate(listed)
    }
