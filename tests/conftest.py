"""Expensive things the whole suite shares, built once per test run.

The suite runs on pytest-xdist workers (`make test`: two processes), and several modules need the
same costly setup: the sample bundle's feature table (a minute of extraction), a model trained on
it, a small model trained on a made-up table. Each is built by the first worker that asks, into the
run's own temporary folder under a file lock, and read from there by every other module and
worker. Run-scoped, so no stale copy survives a change of the code: every run builds afresh.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock

from capture.bundle import open_bundle
from models.artifact import save_model
from models.table import build_table
from models.train import TrainResult, train

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
DONE = ".done"  # `<name>.done`, written last: a folder without it is built again from scratch


# Fixtures whose first user in a run pays for the build: the sample's extraction, then training.
BUILT_ONCE = frozenset({"sample_table", "sample_model_dir"})
BUILD_TIMEOUT = 1200  # seconds; the default limit (pyproject.toml) is for one test's own work


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that may build the run's sample table and model gets a longer time limit: which
    test builds them depends on how the files were dealt to the workers."""
    for item in items:
        if BUILT_ONCE & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker(
            "timeout"
        ):
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT))


def _shared(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name` of this run, built by `build(folder)` in whichever process asks first.

    An xdist worker's base temporary folder is `<run>/popen-gwN`: the parent is common to the
    run's workers. Without xdist the base folder itself is the run's."""
    base = factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = root / name, root / (name + DONE)
    with FileLock(str(folder) + ".lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
            folder.mkdir(parents=True)
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def sample_table(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], pd.DataFrame]:
    """`sample_table()` gives a fresh copy of the feature table of `data/sample`, as
    `build_table(open_bundle(SAMPLE).sites())` gives it; callers may change their copy."""

    def build(folder: Path) -> None:
        build_table(open_bundle(SAMPLE).sites()).to_pickle(folder / "table.pkl")

    path = _shared(tmp_path_factory, "sample-table", build) / "table.pkl"
    return lambda: pd.read_pickle(path)


@pytest.fixture(scope="session")
def sample_model_dir(
    tmp_path_factory: pytest.TempPathFactory, sample_table: Callable[[], pd.DataFrame]
) -> Path:
    """A model folder (`save_model`) trained by `train` on the sample's feature table."""

    def build(folder: Path) -> None:
        result = train(sample_table())
        save_model(folder, result.booster, result.meta)

    return _shared(tmp_path_factory, "sample-model", build)


@pytest.fixture(scope="session")
def small_training(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], TrainResult]:
    """`small_training()` gives a fresh copy of `train(_table())`, the made-up table of
    `tests/models/test_train_and_score.py`: for tests of plumbing, not of what a model learns."""
    from tests.models.test_train_and_score import _table  # a test module: imported when needed

    def build(folder: Path) -> None:
        # A pickle lives only within this run's temporary folder, read by the same code.
        (folder / "result.pkl").write_bytes(pickle.dumps(train(_table())))

    path = _shared(tmp_path_factory, "small-training", build) / "result.pkl"
    return lambda: pickle.loads(path.read_bytes())


@pytest.fixture(scope="session")
def small_model_dir(
    tmp_path_factory: pytest.TempPathFactory, small_training: Callable[[], TrainResult]
) -> Path:
    """`small_training()` saved as a model folder (`save_model`)."""

    def build(folder: Path) -> None:
        result = small_training()
        save_model(folder, result.booster, result.meta)

    return _shared(tmp_path_factory, "small-model", build)
