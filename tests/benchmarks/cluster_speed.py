"""`scamrank score` as a whole on a 2,000-site synthetic bundle, against a Dask cluster of 2
worker processes and of 1: both times and the speed-up (goal: at least 1.7). Also a local run
(`--jobs 1`, no Dask) for scale, and sites per core-second for docs/scale.md.

The bundle (`scamrank synth DIR --sites 2000 --seed 5`) and a model trained on it (through the
cluster, `train --dask`) are written once under the work folder. Each timed run starts from a
fresh cluster, started as the README starts a standing one (the workers import the feature code
when they start: `--preload models.cluster`), so both counts pay the same start-up; the cluster's
own start is not timed (a standing cluster is the case `--dask tcp://...` is for).
The runs alternate (1 worker, 2, 1, 2, ...: `--rounds`) and each count keeps its fastest: the
speed of this shared machine drifts by 20-30% within minutes, which a single pair of runs reads
as a speed-up or a slow-down, and noise only ever adds time.
Beside each whole run, the span of its work on the cluster, read from the scheduler's task stream
(the first WARC scan's start to the last partition's end): the part of a run that workers share.
The whole run adds what does not shrink with workers (the client's start-up and connection, the
links, model and CSV after the features), so the two speed-ups side by side tell a
slow cluster from a large fixed cost.
Prints figures, asserts nothing. Loopback only: the scheduler listens on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from distributed import Client, LocalCluster, get_task_stream

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the bench helpers live in tests/

from tests.benchmarks.bench_work import (  # noqa: E402 - after the path is set
    run_scamrank,
    score_args,
    synth_bundle,
)

GOAL = 1.7


def _on_cluster(work: Path, cluster: LocalCluster, *args: str) -> tuple[float, float]:
    """Seconds of `scamrank ARGS --dask` run against `cluster`, and the span of its tasks there
    (the first task's start to the last one's end, from the scheduler's task stream). ARGS are
    the one-process score's (bench_work.score_args): with `--dask` its `--jobs` goes unused."""
    with Client(cluster) as client, get_task_stream(client) as stream:
        seconds = run_scamrank(work, *args, "--dask", cluster.scheduler_address).seconds
    computed = [
        (step["start"], step["stop"])
        for task in stream.data
        for step in task["startstops"]
        if step["action"] == "compute"
    ]
    span = max(stop for _, stop in computed) - min(start for start, _ in computed)
    return seconds, span


def _cluster(workers: int) -> LocalCluster:
    """A cluster as the README starts a standing one: single-threaded worker processes that
    import the feature code when they start (`dask worker --preload models.cluster`)."""
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        preload=["models.cluster"],
    )


def _prepare(work: Path, sites: int, seed: int) -> tuple[Path, Path]:
    bundle, model = synth_bundle(work, sites, seed), work / "model"
    if not (model / "scorer.json").is_file():
        print(f"training {model} on the cluster (once)...", flush=True)
        with _cluster(2) as cluster:
            train = ("train", str(bundle), "--model-out", str(model), "--no-track", "--no-cache")
            run_scamrank(work, *train, "--dask", cluster.scheduler_address)
    return bundle, model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / "data" / "cluster-bench")
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--local", action="store_true", help="also time a run without Dask")
    parser.add_argument("--rounds", type=int, default=3, help="timed runs of each worker count")
    args = parser.parse_args()
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    bundle, model = _prepare(work, args.sites, args.seed)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, bundle {bundle.name}")
    if args.local:
        local = run_scamrank(work, *score_args(work, bundle, model)).seconds
        print(f"  score --jobs 1 (no Dask)        {local:7.1f} s")
    times: dict[int, list[float]] = {1: [], 2: []}
    spans: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(max(1, args.rounds)):
        for workers in (1, 2):
            with _cluster(workers) as cluster:
                seconds, span = _on_cluster(work, cluster, *score_args(work, bundle, model))
            times[workers].append(seconds)
            spans[workers].append(span)
            print(
                f"  score --dask, {workers} worker(s)         {seconds:7.1f} s"
                f"  (tasks on the cluster {span:5.1f} s)",
                flush=True,
            )
    best = {workers: min(runs) for workers, runs in times.items()}
    for workers, seconds in best.items():
        rate = args.sites / (seconds * workers)
        print(
            f"  fastest of {len(times[workers])}, {workers} worker(s)       {seconds:7.1f} s"
            f"  ({rate:.1f} sites per core-second)"
        )
    speedup = best[1] / best[2]
    rounds = ", ".join(f"{one / two:.2f}x" for one, two in zip(times[1], times[2], strict=True))
    print(
        f"  speed-up, 2 workers against 1: {speedup:.2f}x, fastest against fastest "
        f"(goal >= {GOAL}x); round by round: {rounds}"
    )
    tasks = min(spans[1]) / min(spans[2])
    fixed = ", ".join(
        f"{seconds - span:.1f} s" for seconds, span in zip(times[2], spans[2], strict=True)
    )
    print(
        f"  the tasks on the cluster alone, 2 workers against 1: {tasks:.2f}x, fastest against "
        f"fastest; what the 2-worker runs spent off the cluster: {fixed}"
    )


if __name__ == "__main__":
    main()
