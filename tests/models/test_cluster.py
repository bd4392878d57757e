"""Feature extraction on a real Dask LocalCluster (2 worker processes on 127.0.0.1): the table is
the local one, row for row; the bundle may be given as a file:// URL; a worker killed mid-run
costs only its partition. Also a cluster started with the README's `dask scheduler` and `dask
worker` commands."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import cloudpickle
import fsspec
import pandas as pd
import pytest
from distributed import Client, LocalCluster, get_task_stream
from typer.testing import CliRunner

from capture.bundle import BundleError, open_bundle
from models.cluster import bundle_path, extract_on
from models.table import build_table
from models.workflow import TableOptions, bundle_table
from tests.command import scamrank

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
CASES = 30  # enough for several partitions of each WARC file's sites, quick to extract twice

# The kill hook below is defined here: its code travels to the workers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first cases of the sample bundle with all of its WARC files and RDAP records."""
    root = tmp_path_factory.mktemp("bundle")
    with (SAMPLE / "cases.csv").open(newline="", encoding="utf-8") as handle:
        lines = handle.read().splitlines(keepends=True)
    (root / "cases.csv").write_text("".join(lines[: CASES + 1]), encoding="utf-8")
    shutil.copytree(SAMPLE / "snapshots", root / "snapshots")
    shutil.copytree(SAMPLE / "rdap", root / "rdap")
    return root


@pytest.fixture(scope="module")
def local_table(bundle_dir: Path) -> pd.DataFrame:
    return build_table(open_bundle(bundle_dir).sites(), n_jobs=1)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as running:
        yield running


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as connected:
        yield connected


def test_the_cluster_table_is_the_local_table(
    client: Client, bundle_dir: Path, local_table: pd.DataFrame
) -> None:
    table, cases, warnings = extract_on(client, bundle_dir, partition=7)
    assert len(table) == CASES
    pd.testing.assert_frame_equal(table, local_table)
    local = open_bundle(bundle_dir)
    assert [case.case_id for case in cases] == [case.case_id for case in local.cases]
    assert warnings == local.warnings


def test_every_warc_file_is_scanned_by_a_task_of_its_own(client: Client, bundle_dir: Path) -> None:
    files = sorted(path.name for path in (bundle_dir / "snapshots").iterdir())
    assert len(files) >= 2  # the sample has one WARC file per month
    with get_task_stream(client) as stream:
        extract_on(client, bundle_dir, case_ids={"none of them"})
    scans = [task["key"] for task in stream.data if str(task["key"]).startswith("_scan-")]
    assert len(scans) == len(files)


def test_a_file_url_reads_the_same_bundle(
    client: Client, bundle_dir: Path, local_table: pd.DataFrame
) -> None:
    url = bundle_dir.as_uri()
    assert url.startswith("file://")
    assert bundle_path(url) == bundle_dir
    table, _, _ = extract_on(client, url, partition=10)
    pd.testing.assert_frame_equal(table, local_table)


def test_chosen_cases_keep_their_order(
    client: Client, bundle_dir: Path, local_table: pd.DataFrame
) -> None:
    chosen = set(local_table["case_id"].iloc[[3, 11, 12, 25]])
    table, cases, _ = extract_on(client, bundle_dir, case_ids=chosen, partition=3)
    expected = local_table[local_table["case_id"].isin(chosen)].reset_index(drop=True)
    pd.testing.assert_frame_equal(table, expected)
    assert [case.case_id for case in cases] == list(expected["case_id"])


def _die_once(marker: Path, number: int) -> None:
    """The first attempt at partition 0 kills its own worker process, as an OOM kill would."""
    if number == 0 and not marker.exists():
        marker.write_text(str(os.getpid()))
        os._exit(1)


def test_a_killed_worker_costs_only_its_partition(
    client: Client, bundle_dir: Path, local_table: pd.DataFrame, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    before = set(client.scheduler_info()["workers"])
    table, _, _ = extract_on(
        client, bundle_dir, partition=10, on_partition=partial(_die_once, marker)
    )
    assert marker.exists()  # the worker did die
    pd.testing.assert_frame_equal(table, local_table)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it, under a new address
    assert set(client.scheduler_info()["workers"]) != before


def test_bundle_table_on_a_scheduler_address(
    cluster: LocalCluster, bundle_dir: Path, tmp_path: Path
) -> None:
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    here, here_warnings = bundle_table(bundle_dir, TableOptions(n_jobs=1))
    cache = tmp_path / "rows.sqlite"
    there, there_warnings = bundle_table(bundle_dir, TableOptions(dask=address, cache=cache))
    pd.testing.assert_frame_equal(there, here)
    assert there_warnings == here_warnings
    assert there.attrs["cache"] == {"hits": 0, "misses": CASES}
    again, _ = bundle_table(bundle_dir, TableOptions(dask=address, cache=cache))
    assert again.attrs["cache"] == {"hits": CASES, "misses": 0}
    pd.testing.assert_frame_equal(again, here)


def test_a_missing_bundle_is_named(client: Client, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-bundle"
    with pytest.raises(BundleError, match="no-such-bundle: not a folder"):
        extract_on(client, missing)


def test_a_bad_case_file_is_named(client: Client, tmp_path: Path) -> None:
    root = tmp_path / "broken"
    root.mkdir()
    with (root / "cases.csv").open("w", newline="") as handle:
        csv.writer(handle).writerow(["case_id", "url"])  # no reported_at column
    with pytest.raises(BundleError, match=r"cases\.csv"):
        extract_on(client, root)


def _score(workdir: Path, bundle: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`scamrank score` in this process (tests/command.py); with `--dask ADDRESS` the command's
    own client reaches the module's cluster, whose workers are processes of their own."""
    env = {
        "MLFLOW_TRACKING_URI": f"sqlite:///{workdir / 'mlflow.db'}",
    }
    args = ["score", str(bundle), "--model", str(workdir / "model"), "--no-cache", "--top", "0"]
    return scamrank(*args, *extra, cwd=workdir, env=env)


def test_the_score_command_on_a_scheduler_gives_the_local_csv(
    cluster: LocalCluster, bundle_dir: Path, tmp_path: Path, small_model_dir: Path
) -> None:
    shutil.copytree(small_model_dir, tmp_path / "model")  # train(_table()), once a run
    here, there = tmp_path / "here.csv", tmp_path / "there.csv"
    local = _score(tmp_path, bundle_dir, "--out", str(here), "--jobs", "1")
    assert local.returncode == 0, local.stderr
    remote = _score(tmp_path, bundle_dir, "--out", str(there), "--dask", cluster.scheduler_address)
    assert remote.returncode == 0, remote.stderr
    assert len(pd.read_csv(there)) == CASES
    assert there.read_bytes() == here.read_bytes()


def test_the_score_command_refuses_a_dask_value_that_is_no_address(
    bundle_dir: Path, tmp_path: Path
) -> None:
    from serve.cli import app  # the command line, in this process: no cluster is reached

    args = ["score", str(bundle_dir), "--out", str(tmp_path / "x.csv"), "--dask", "somewhere"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 2
    assert "'somewhere': give `local` or a scheduler address" in done.output
    assert not (tmp_path / "x.csv").exists()


def test_a_remote_bundle_is_copied_once_per_machine(
    bundle_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An fsspec URL other than file:// (memory:// here, s3:// in production) is copied into the
    temporary folder, and a second worker of the machine reuses the copy."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    memory = fsspec.filesystem("memory")
    memory.put(str(bundle_dir), "/cluster-test-bundle", recursive=True)
    try:
        local = bundle_path("memory://cluster-test-bundle")
        assert local.parent == tmp_path / "scamrank-bundles"
        assert open_bundle(local).stats == open_bundle(bundle_dir).stats
        (local / "marker").write_text("the same copy")
        assert (bundle_path("memory://cluster-test-bundle") / "marker").is_file()
        with pytest.raises(FileNotFoundError, match="memory://no-such-bundle: no such bundle"):
            bundle_path("memory://no-such-bundle")
    finally:
        memory.rm("/cluster-test-bundle", recursive=True)


def _loaded_here(module: str) -> bool:
    """Whether this process (a worker, when run by `client.run`) has imported `module`."""
    return module in sys.modules


def test_the_readme_cluster_commands_preload_the_feature_code(
    bundle_dir: Path, local_table: pd.DataFrame, tmp_path: Path
) -> None:
    """A scheduler and a worker started as the README says (`dask scheduler`, `dask worker
    --preload models.cluster`), on 127.0.0.1: the worker has the feature code loaded before any
    job reaches it, and a table built on it is the local one."""
    dask = str(Path(sys.executable).parent / "dask")
    address_file = str(tmp_path / "scheduler.json")
    loopback = ["--host", "127.0.0.1", "--no-dashboard"]
    scheduler = [dask, "scheduler", *loopback, "--port", "0", "--scheduler-file", address_file]
    worker = [dask, "worker", "--scheduler-file", address_file, *loopback, "--nworkers", "1"]
    worker += ["--nthreads", "1", "--preload", "models.cluster"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    started = [subprocess.Popen(scheduler, **quiet)]
    try:
        started.append(subprocess.Popen(worker, **quiet))
        with Client(scheduler_file=address_file, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
            assert client.scheduler.address.startswith("tcp://127.0.0.1:")
            loaded = client.run(_loaded_here, "models.cluster")
            assert list(loaded.values()) == [True]
            table, _, _ = extract_on(client, bundle_dir, partition=10)
        pd.testing.assert_frame_equal(table, local_table)
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=30)
