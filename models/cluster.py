"""Feature extraction of a case bundle on a Dask cluster, for when one machine is not enough.

The client never reads a page: it asks a worker for the bundle's cases and WARC file names, has
every WARC file indexed by its own task (the index pass, spread by file), merges the scans into
the bundle's index on a worker, then sends partitions of cases (positions in cases.csv, with
the bundle's location) to tasks that each build the feature rows of their partition with
`build_table`, exactly as a local run does. Workers read the bundle's files themselves: a shared
folder (a path or a `file://` URL), or any fsspec URL (`s3://bucket/bundle`, with s3fs installed
on the workers), which each machine copies once into its temporary folder. A task lost with its
worker (killed, out of memory) is run again elsewhere; one that raises is retried `RETRIES` times.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import fsspec
import pandas as pd
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed
from rich.progress import Progress

from capture.bundle import SNAPSHOTS, Bundle, merge_scans, read_bundle_head
from capture.site import Case
from capture.warc import WarcScan, scan_warc
from models.cache import RowCache
from models.process import settle_heap
from models.table import build_table

LOCAL = "local"  # `--dask local`: a LocalCluster on this machine instead of a scheduler address
PARTITION = 50  # cases per task: small enough to balance the workers, large enough to amortise
RETRIES = 3  # reruns of a task that raised (a task whose worker died is rerun by the scheduler)
_LOCAL_PROTOCOLS = (None, "file", "local")

PartitionHook = Callable[[int], None]


def bundle_path(location: str | Path) -> Path:
    """The local folder of a bundle given as a path, a `file://` URL or another fsspec URL.

    A remote bundle (`s3://...`, `gcs://...`) is copied once per machine into the temporary
    folder, under a name made from its URL, so every worker of a machine shares one copy and the
    WARC paths in the index are the same on all of them.
    """
    text = str(location)
    protocol, path = fsspec.core.split_protocol(text)
    if protocol in _LOCAL_PROTOCOLS:
        return Path(path)
    return _local_copy(text)


def _local_copy(url: str) -> Path:
    target = Path(tempfile.gettempdir()) / "scamrank-bundles" / _digest(url)
    if (target / "cases.csv").is_file():
        return target
    fs, root = fsspec.core.url_to_fs(url)
    if not fs.isdir(root):
        raise FileNotFoundError(f"{url}: no such bundle folder")
    # Copied beside the target, then renamed: a worker never sees half a bundle, and two
    # workers copying at once keep one copy.
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    fs.get(root.rstrip("/") + "/", str(partial), recursive=True)
    try:
        partial.rename(target)
    except OSError:  # another worker of this machine finished first: its copy is the same
        shutil.rmtree(partial, ignore_errors=True)
    return target


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@contextmanager
def cluster_client(address: str = LOCAL) -> Iterator[Client]:
    """A client of the scheduler at `address` (`tcp://host:8786`), or of a LocalCluster of one
    single-threaded worker process per core on 127.0.0.1 when `address` is `local`."""
    if address != LOCAL:
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=os.cpu_count() or 1,
            threads_per_worker=1,  # feature extraction holds the GIL: processes, not threads
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def cluster_table(
    location: str | Path,
    address: str = LOCAL,
    case_ids: Collection[str] | None = None,
    cache: Path | None = None,
    progress: bool = False,
    partition: int = PARTITION,
    on_partition: PartitionHook | None = None,
) -> tuple[pd.DataFrame, list[Case], list[str]]:
    """The feature table of a bundle's cases (or of those in `case_ids`) built on the cluster at
    `address`, the cases in table order and the bundle's warnings: the same table, row for row,
    as `build_table` over `open_bundle(...).sites()`. `cache` is a row cache every worker can
    open (a local disk for a LocalCluster; SQLite files on network shares lock badly)."""
    with cluster_client(address) as client:
        return extract_on(client, location, case_ids, cache, progress, partition, on_partition)


def extract_on(
    client: Client,
    location: str | Path,
    case_ids: Collection[str] | None = None,
    cache: Path | None = None,
    progress: bool = False,
    partition: int = PARTITION,
    on_partition: PartitionHook | None = None,
) -> tuple[pd.DataFrame, list[Case], list[str]]:
    """`cluster_table` on a client already connected. `on_partition(number)` runs first in each
    partition's task (a test uses it to kill a worker mid-run)."""
    if partition < 1:
        raise ValueError(f"partition: {partition} cases per task; give at least 1")
    where = str(location)
    # Workers log at this process's level: a run on a cluster is as quiet as a run here.
    level = logging.getLogger().getEffectiveLevel()
    client.register_plugin(_LogLevel(level), name="scamrank-log-level")
    client.register_plugin(_SettledHeap(), name="scamrank-settled-heap")
    head = client.submit(_head, where, pure=False, retries=RETRIES)
    cases, names, _ = head.result()
    scans = [client.submit(_scan, where, name, pure=False, retries=RETRIES) for name in names]
    bundle = client.submit(_merge, where, head, scans, pure=False, retries=RETRIES)
    chosen = [i for i, case in enumerate(cases) if case_ids is None or case.case_id in case_ids]
    parts = [chosen[i : i + partition] for i in range(0, len(chosen), partition)]
    cache_path = str(cache) if cache else None
    futures = [
        client.submit(
            _partition, bundle, positions, cache_path, number, on_partition, retries=RETRIES
        )
        for number, positions in enumerate(parts)
    ]
    results = _gather(futures, [len(p) for p in parts], progress)
    # The merged bundle's warnings hold the head's and the scans', in open_bundle's order.
    merged_warnings: list[str] = client.submit(_warnings, bundle, pure=False).result()
    frames = [frame for frame, _, _ in results]
    table = pd.concat(frames, ignore_index=True) if frames else build_table([])
    if cache:
        table.attrs["cache"] = {
            "hits": sum(hits for _, hits, _ in results),
            "misses": sum(misses for _, _, misses in results),
        }
    return table, [cases[i] for i in chosen], merged_warnings


def _gather(
    futures: Sequence[Future], sizes: Sequence[int], progress: bool
) -> list[tuple[pd.DataFrame, int, int]]:
    """Every partition's result, in partition order, with a progress bar as they come."""
    position = {future.key: i for i, future in enumerate(futures)}
    results: list[tuple[pd.DataFrame, int, int] | None] = [None] * len(futures)
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("features (cluster)", total=sum(sizes))
        for future, result in as_completed(futures, with_results=True):
            i = position[future.key]
            results[i] = result
            bar.advance(task, sizes[i])
    return [result for result in results if result is not None]


class _LogLevel(WorkerPlugin):
    """Sets the root log level of every worker, those started later (after a crash) too."""

    def __init__(self, level: int) -> None:
        self.level = level

    def setup(self, worker: object) -> None:
        logging.getLogger().setLevel(self.level)


class _SettledHeap(WorkerPlugin):
    """The collector settings of a long run (models/process.py) on every worker: its modules
    are loaded by the time the plugin is, and each task allocates as a local run does."""

    def setup(self, worker: object) -> None:
        settle_heap()


# The tasks below run on the workers: each opens what it needs from the bundle's location.


def _head(location: str) -> tuple[list[Case], list[str], list[str]]:
    cases, files, warnings = read_bundle_head(bundle_path(location))
    return cases, [path.name for path in files], warnings


def _scan(location: str, name: str) -> WarcScan:
    return scan_warc(bundle_path(location) / SNAPSHOTS / name)


def _merge(
    location: str, head: tuple[list[Case], list[str], list[str]], scans: list[WarcScan]
) -> Bundle:
    cases, _, warnings = head
    return merge_scans(bundle_path(location), cases, scans, warnings)


def _warnings(bundle: Bundle) -> list[str]:
    return list(bundle.warnings)


def _partition(
    bundle: Bundle,
    positions: list[int],
    cache_path: str | None,
    number: int,
    on_partition: PartitionHook | None,
) -> tuple[pd.DataFrame, int, int]:
    """The feature rows of one partition of cases, and the row cache's hits and misses."""
    if on_partition is not None:
        on_partition(number)
    cache = RowCache(Path(cache_path)) if cache_path else None
    try:
        sites = (bundle.site(bundle.cases[i]) for i in positions)
        table = build_table(sites, cache=cache, n_jobs=1, total=len(positions))
        return table, (cache.hits if cache else 0), (cache.misses if cache else 0)
    finally:
        if cache:
            cache.close()
