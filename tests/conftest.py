"""Expensive things the whole suite shares, built once per test run.

The suite runs on pytest-xdist workers (`make test`: two processes), and several modules need the
same costly setup: the sample bundle's feature table (a minute of extraction) and the row cache
that same extraction fills, a model trained on it, the feature table of the real shops corpus, a
small model trained on a made-up table. Each is built by the first worker that asks, into the
run's own temporary folder under a file lock, and read from there by every other module and
worker. Run-scoped, so no stale copy survives a change of the code: every run builds afresh.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from filelock import FileLock

from capture.bundle import open_bundle
from models.artifact import save_model
from models.cache import RowCache
from models.table import build_table
from models.train import TrainResult, train

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
DONE = ".done"  # `<name>.done`, written last: a folder without it is built again from scratch


# Fixtures whose first user in a run pays for the build: an extraction, then training.
BUILT_ONCE = frozenset(
    {"sample_table", "sample_feature_cache", "sample_model_dir", "real_shops_table"}
)
BUILD_TIMEOUT = 1200  # seconds; the default limit (pyproject.toml) is for one test's own work


# Seconds of CPU of the files that cost the most (measured on the 2-core machine, whole file with
# its module fixtures). They run first, costliest first: pytest-xdist deals whole files to
# workers in collection order (`--dist loadfile --no-loadscope-reorder`, pyproject.toml), and a
# costly file dealt last keeps one worker busy while the other has long finished. A file left out
# only runs in its usual place; the figures need only be roughly right. The first file builds
# the sample's table (BUILT_ONCE, half a minute); the second needs none of it, so that the other
# worker has work of its own meanwhile instead of waiting on the lock.
COSTLY: dict[str, int] = {
    "tests/models/test_missing_evidence.py": 50,  # builds the sample table and model
    "tests/models/test_cluster.py": 40,  # no sample table: runs while the first file builds it
    "tests/serve/test_loop.py": 35,
    "tests/features/test_shop.py": 34,  # builds the real shops' table
    "tests/serve/test_cli.py": 33,
    "tests/notebooks/test_notebooks.py": 30,
    "tests/models/test_gate.py": 22,
    "tests/models/test_bundles.py": 20,
    "tests/models/test_behaviour.py": 17,
    "tests/serve/test_scoring_pool.py": 30,
    "tests/serve/test_app.py": 16,
    "tests/serve/test_security.py": 16,
    "tests/synth/test_world.py": 14,
    "tests/serve/test_cli_commands.py": 12,
    "tests/serve/test_openapi_fuzz.py": 11,
    "tests/models/test_tracking.py": 9,
    "tests/serve/test_cli_alerts.py": 9,
}


def _cost(item: pytest.Item) -> int:
    path, root = Path(str(item.path)).resolve(), SAMPLE.parents[1]
    return COSTLY.get(path.relative_to(root).as_posix(), 0) if path.is_relative_to(root) else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The costly files first (COSTLY), each file's tests in their own order. A test that may
    build the run's sample table and model gets a longer time limit: which test builds them
    depends on how the files were dealt to the workers."""
    items.sort(key=lambda item: -_cost(item))  # a stable sort: the other files keep their order
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


def _sample_extraction(factory: pytest.TempPathFactory) -> Path:
    """The folder of the run's one extraction of `data/sample`: `table.pkl`, the table
    `build_table(open_bundle(SAMPLE).sites())` gives, and `features.sqlite`, the row cache that
    extraction filled (keyed as `scamrank` keys its own: by each site's captures and the code)."""

    def build(folder: Path) -> None:
        cache = RowCache(folder / "features.sqlite")
        try:  # a cold cache changes nothing in the table: every row is extracted, then stored
            build_table(open_bundle(SAMPLE).sites(), cache=cache).to_pickle(folder / "table.pkl")
        finally:
            cache.close()  # the last connection gone, SQLite folds its write-ahead log in

    return _shared(factory, "sample-table", build)


@pytest.fixture(scope="session")
def sample_table(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], pd.DataFrame]:
    """`sample_table()` gives a fresh copy of the feature table of `data/sample`, as
    `build_table(open_bundle(SAMPLE).sites())` gives it; callers may change their copy."""
    path = _sample_extraction(tmp_path_factory) / "table.pkl"
    return lambda: pd.read_pickle(path)


@pytest.fixture(scope="session")
def sample_feature_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A feature row cache (`SCAMRANK_FEATURE_CACHE`, `TableOptions.cache`) holding every row of
    `data/sample`: a test whose subject is not the extraction copies it into its own folder
    (never writes to this one), so that `scamrank` reads the sample's rows instead of extracting
    them again. A test of the cache itself starts from an empty one."""
    return _sample_extraction(tmp_path_factory) / "features.sqlite"


@pytest.fixture(scope="session")
def real_shops_table(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], pd.DataFrame]:
    """`real_shops_table()` gives a fresh copy of `build_table(real_shop_sites())`, the feature
    table of `../shared/corpora/real-shops` (a minute of extraction). Ask for it only once the
    corpus is known to be there: tests skip (or fail in CI) without it."""
    from tests.benchmarks.real_shops import real_shop_sites  # reads ../shared: when needed

    def build(folder: Path) -> None:
        build_table(real_shop_sites()).to_pickle(folder / "table.pkl")

    path = _shared(tmp_path_factory, "real-shops-table", build) / "table.pkl"
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


@pytest.fixture(scope="session")
def name_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model folder (`save_model`) for which a notice's name unlike the register's is the mark
    of fraud: `train` on the made-up table of `tests/models/test_train_and_score.py` (300 rows,
    seed 4) where frauds' `register_name_similarity` is low. For the register tests of the
    models and of the command line."""
    from tests.models.test_train_and_score import _table  # a test module: imported when needed

    def build(folder: Path) -> None:
        table = _table(n=300, seed=4)
        fraud = table["outcome"] == "fraud"
        rng = np.random.default_rng(5)
        table["register_name_similarity"] = np.where(
            fraud, rng.random(300) * 0.4, 0.8 + rng.random(300) * 0.2
        )
        result = train(table)
        save_model(folder, result.booster, result.meta)

    return _shared(tmp_path_factory, "name-model", build)


@pytest.fixture(scope="session")
def empty_mlflow_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MLflow SQLite store file with MLflow's tables made and nothing in them. Making them runs
    MLflow's schema migrations, seconds each time: a test that needs a store of its own copies
    this file to its folder (never writes to this one). MLflow makes it, so it is what a first
    `scamrank train` makes; experiments, runs and models are created in the copy, as in a new
    store."""

    def build(folder: Path) -> None:
        os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"  # as models.tracking.configure does
        os.environ["DO_NOT_TRACK"] = "true"
        from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore

        # The store alone, not mlflow.set_tracking_uri: nothing of this process points at it.
        store = SqlAlchemyStore(f"sqlite:///{folder / 'mlflow.db'}", (folder / "mlruns").as_uri())
        store.engine.dispose()

    return _shared(tmp_path_factory, "mlflow-store", build) / "mlflow.db"
