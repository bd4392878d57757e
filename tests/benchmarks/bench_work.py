"""What the whole-run benches share: synthetic bundles written by `scamrank synth`, a model to
score them with, and `scamrank` run as a child process, timed, with its peak resident memory.

A bench gets a work folder (`--work DIR`, kept; by default a temporary one, deleted at the end):
bundles and the model are written there once and reused by the benches that `make bench` runs
with the same folder. Loopback only, no network: MLflow's telemetry is off.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCAMRANK = Path(sys.executable).parent / "scamrank"
SAMPLE = ROOT / "data" / "sample"
CHAMPION = ROOT / "artifacts" / "model"


@dataclass(frozen=True)
class Run:
    """One finished `scamrank` child process: wall seconds and its peak resident set size."""

    seconds: float
    peak_rss: int  # bytes (ru_maxrss of this child alone, from wait4)

    @property
    def peak_mb(self) -> float:
        return self.peak_rss / 2**20


def work_argument(parser: argparse.ArgumentParser) -> None:
    """The `--work DIR` option every whole-run bench takes."""
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for the synthetic bundles and the model, kept for the next bench "
        "(default: a temporary folder, deleted at the end)",
    )


@contextmanager
def work_folder(given: Path | None) -> Iterator[Path]:
    """The folder given (created if needed), or a temporary one removed afterwards."""
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="scamrank-bench-") as tmp:
        yield Path(tmp)


def bench_env(work: Path) -> dict[str, str]:
    # Every store a run could write goes into the work folder: the bench leaves the checkout's
    # MLflow database and feature cache alone.
    return {
        **os.environ,
        "MLFLOW_TRACKING_URI": f"sqlite:///{work / 'mlflow.db'}",
        "MLFLOW_DISABLE_TELEMETRY": "true",
        "SCAMRANK_FEATURE_CACHE": str(work / "features.sqlite"),
        "COLUMNS": "200",
    }


def run_scamrank(work: Path, *args: str) -> Run:
    """Run `scamrank ARGS` in `work`, timed; exits with its error output when it fails.

    The child's peak RSS comes from wait4, which reports that one child: RUSAGE_CHILDREN would
    give the largest of every child this process ever waited for.
    """
    log = work / "scamrank.log"
    with log.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(SCAMRANK), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=bench_env(work),
            cwd=work,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped already: Popen must not wait
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"scamrank {' '.join(args)} failed (exit {child.returncode}):\n{tail}")
    return Run(seconds, usage.ru_maxrss * 1024)  # Linux gives kilobytes


def synth_bundle(work: Path, sites: int, seed: int) -> Path:
    """A bundle of `sites` synthetic sites in `work`, written once (`scamrank synth`)."""
    bundle = work / f"synth-{sites}-{seed}"
    if not (bundle / "cases.csv").is_file():
        print(f"writing {bundle.name} with scamrank synth (once per work folder)...", flush=True)
        run = run_scamrank(work, "synth", str(bundle), "--sites", str(sites), "--seed", str(seed))
        print(f"  written in {run.seconds:.0f} s", flush=True)
    return bundle


def bench_model(work: Path) -> Path:
    """artifacts/model when it is there, else a model trained on data/sample into `work`."""
    if (CHAMPION / "scorer.json").is_file():
        return CHAMPION
    model = work / "model"
    if not (model / "scorer.json").is_file():
        print("training a model on data/sample (once per work folder)...", flush=True)
        run_scamrank(
            work, "train", str(SAMPLE), "--model-out", str(model), "--no-track", "--no-cache"
        )
    return model


def score_args(work: Path, bundle: Path, model: Path) -> list[str]:
    """The arguments of `scamrank score` of a whole bundle in one process: `--jobs 1`, no
    feature cache, the ranking written into `work`."""
    out = work / f"{bundle.name}-scores.csv"
    return [
        "score", str(bundle), "--model", str(model), "--out", str(out), "--top", "0",
        "--jobs", "1", "--no-cache",
    ]  # fmt: skip


def score(work: Path, bundle: Path, model: Path) -> Run:
    """`scamrank score` of a whole bundle in one process (see score_args)."""
    return run_scamrank(work, *score_args(work, bundle, model))
