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


def rdap_cache() -> Path:
    """RDAP answers of live captures, reused for a day; SCAMRANK_RDAP_CACHE overrides."""
    return Path(os.environ.get("SCAMRANK_RDAP_CACHE", artifacts_dir() / "cache" / "rdap"))


def rdap_bootstrap() -> Path:
    """Where a refreshed IANA RDAP bootstrap file is kept (used instead of the shipped copy
    once it exists); SCAMRANK_RDAP_BOOTSTRAP overrides."""
    return Path(
        os.environ.get(
            "SCAMRANK_RDAP_BOOTSTRAP", artifacts_dir() / "cache" / "iana-dns-bootstrap.json"
        )
    )


def register_cache() -> Path:
    """Company register CSV files converted to Parquet, kept for the next run;
    SCAMRANK_REGISTER_CACHE overrides."""
    return Path(os.environ.get("SCAMRANK_REGISTER_CACHE", artifacts_dir() / "cache" / "register"))
