"""Peak resident memory of `scamrank score` (one process, `--jobs 1`, no cache) on a synthetic
bundle and on one ten times larger, and how much it grew (goal: under 25%, issue 14).

Scoring streams the cases: a site's pages, parsed trees and WARC payloads are dropped once its
row is made, so memory should follow the largest site and the feature table, not the bundle.
Each run is its own child process and its peak is its own (wait4). Run with `make bench`;
prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the bench helpers live in tests/

from tests.benchmarks.bench_work import (  # noqa: E402 - after the path is set
    bench_model,
    score,
    synth_bundle,
    work_argument,
    work_folder,
)

GOAL = 0.25  # peak RSS grows by less than this when the bundle grows tenfold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    work_argument(parser)
    parser.add_argument("--sites", type=int, default=200, help="sites of the smaller bundle")
    parser.add_argument("--seed", type=int, default=3, help="seed of the synthetic bundles")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, command: make bench")
    with work_folder(args.work) as work:
        small = synth_bundle(work, args.sites, args.seed)
        large = synth_bundle(work, args.sites * 10, args.seed)
        model = bench_model(work)
        runs = {bundle.name: score(work, bundle, model) for bundle in (small, large)}
    print("peak RSS of scamrank score (--jobs 1, --no-cache, one process):")
    for name, run in runs.items():
        print(f"  {name:<20} {run.peak_mb:8.1f} MB  ({run.seconds:.1f} s)")
    before, after = runs[small.name].peak_rss, runs[large.name].peak_rss
    growth = after / before - 1
    print(f"  growth for a tenfold bundle: {growth:+.1%} (goal < {GOAL:.0%})")


if __name__ == "__main__":
    main()
