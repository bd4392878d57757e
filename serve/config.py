"""Where the command line keeps things, from the environment with defaults: one place to look."""

from __future__ import annotations

import os
from pathlib import Path


def artifacts_dir() -> Path:
    return Path(os.environ.get("SCAMRANK_ARTIFACTS", "artifacts"))


def feature_cache() -> Path:
    """The feature-row cache (SQLite); SCAMRANK_FEATURE_CACHE overrides."""
    return Path(
        os.environ.get("SCAMRANK_FEATURE_CACHE", artifacts_dir() / "cache" / "features.sqlite")
    )
