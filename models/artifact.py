"""The model folder: LightGBM's own text format plus a small JSON of what the Scorer needs.
No pickles: a folder can be read by any version of the code that knows its format."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import lightgbm as lgb

from capture.files import atomic_write

FORMAT = 1
MODEL_FILE = "model.txt"
META_FILE = "scorer.json"
MLFLOW_MODEL_FILE = "model.lgb"  # what mlflow.lightgbm names LightGBM's own text format


class ModelError(ValueError):
    """A model folder that cannot be used: missing files, another format, other feature names."""


@dataclass
class ModelMeta:
    feature_names: list[str]
    pipeline_version: str
    thresholds: dict[str, float]  # calibrated score at or above which a case is P1 / P2
    calibration: dict[str, list[float]]  # isotonic map from raw probability to calibrated score
    version: str  # a short identity of this model, shown beside every score
    trained_at: str
    training: dict[str, object] = field(default_factory=dict)
    evaluation: dict[str, object] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    format: int = FORMAT
    # The latest report date of the cases it was fitted on (ISO-8601 UTC); None for models made
    # before it was recorded, which the promotion gate cannot compare fairly.
    fitted_until: str | None = None


def save_model(folder: Path, booster: lgb.Booster, meta: ModelMeta) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(folder / MODEL_FILE))
    text = json.dumps(asdict(meta), indent=2, ensure_ascii=False, default=str)
    atomic_write(folder / META_FILE, text.encode("utf-8"))
    return folder


def _find(folder: Path, names: tuple[str, ...]) -> Path:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    raise ModelError(f"{folder}: not a scamrank model folder ({names[0]} is missing)")


def load_model(folder: Path) -> tuple[lgb.Booster, ModelMeta]:
    """Read a model folder: as `save_model` writes it, or as MLflow stores a logged model
    (model.lgb, with scorer.json under extra_files/)."""
    model_path = _find(folder, (MODEL_FILE, MLFLOW_MODEL_FILE))
    meta_path = _find(folder, (META_FILE, f"extra_files/{META_FILE}"))
    try:
        raw = json.loads(meta_path.read_text(encoding="utf-8"))
        meta = ModelMeta(**raw)
    except (ValueError, TypeError) as exc:
        raise ModelError(f"{meta_path}: unreadable model description: {exc}") from exc
    if meta.format != FORMAT:
        raise ModelError(f"{meta_path}: model format {meta.format}, this scamrank reads {FORMAT}")
    try:
        booster = lgb.Booster(model_file=str(model_path))
    except lgb.basic.LightGBMError as exc:
        raise ModelError(f"{model_path}: unreadable LightGBM model: {exc}") from exc
    if list(booster.feature_name()) != list(meta.feature_names):
        raise ModelError(f"{folder}: {MODEL_FILE} and {META_FILE} disagree on the feature names")
    return booster, meta
