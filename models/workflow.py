"""Bundle-level steps that the command line, the service and the notebooks share: read a case
bundle into a feature table, train on it, score it, write the scores."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pandas as pd

from capture.bundle import open_bundle
from models.artifact import ModelMeta, save_model
from models.scorer import Scorer
from models.table import build_table
from models.train import train

log = logging.getLogger(__name__)


def bundle_table(bundle_dir: Path) -> tuple[pd.DataFrame, list[str]]:
    """The feature table of every case of a bundle, and the bundle's warnings."""
    bundle = open_bundle(bundle_dir)
    table = build_table(bundle.sites())
    return table, list(bundle.warnings)


def train_bundle(bundle_dir: Path, model_out: Path, seed: int = 0) -> ModelMeta:
    table, warnings = bundle_table(bundle_dir)
    booster, meta = train(table, seed=seed)
    meta.training["bundle"] = str(bundle_dir)
    meta.training["bundle_warnings"] = len(warnings)
    save_model(model_out, booster, meta)
    return meta


def score_bundle(bundle_dir: Path, scorer: Scorer) -> tuple[pd.DataFrame, list[str]]:
    table, warnings = bundle_table(bundle_dir)
    return scorer.score_table(table), warnings


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a CSV all at once: a reader never sees half a file, a crash leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            frame.to_csv(out, index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
