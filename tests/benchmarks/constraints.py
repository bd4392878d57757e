"""Do the monotone constraints generalise? Train on a synth bundle of one seed and test on a bundle
of another seed, with all constraints, with none, and with each family's constraints dropped;
ROC AUC and average precision on the test bundle with bootstrap intervals, and the paired
difference to the constrained model (the same resamples for every variant).

    .venv/bin/python tests/benchmarks/constraints.py --sites 3000 --train-seed 11 --test-seed 12

`make bench` runs it small (a smoke run: the intervals are wide at that size). Bundles are written
once under --work and features are read through the row cache, so a second run only trains."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score

from capture.bundle import open_bundle
from features.catalogue import DIRECTIONS, FEATURE_NAMES
from models import train as training
from models.cache import RowCache
from models.table import build_table, feature_matrix

ROOT = Path(__file__).resolve().parents[2]
SCAMRANK = Path(sys.executable).parent / "scamrank"
FAMILIES = {
    "domain": ("domain_", "rdap_"),
    "legal": ("legal_", "terms_", "contact_"),
    "payment": ("pay_",),
    "text+price": ("text_", "price_", "trust_", "social_", "countdown_"),
}


def bundle(work: Path, sites: int, seed: int) -> Path:
    """A synth bundle, generated once per size and seed."""
    out = work / f"synth-{sites}-{seed}"
    if not (out / "cases.csv").exists():
        subprocess.run(
            [str(SCAMRANK), "synth", str(out), "--sites", str(sites), "--seed", str(seed)],
            check=True,
        )
    return out


def directions(drop: tuple[str, ...] | None) -> list[int]:
    """The catalogue's constraints; those of the features named with a `drop` prefix set to 0,
    all of them with drop=None."""
    if drop is None:
        return [0] * len(FEATURE_NAMES)
    return [0 if n.startswith(drop) else DIRECTIONS.get(n, 0) for n in FEATURE_NAMES]


def bootstrap(
    y: np.ndarray, scores: dict[str, np.ndarray], rounds: int, seed: int
) -> dict[str, dict[str, np.ndarray]]:
    """Per variant, ROC AUC and AP on the same `rounds` resamples of the test rows."""
    rng = np.random.default_rng(seed)
    out = {v: {"auc": np.empty(rounds), "ap": np.empty(rounds)} for v in scores}
    for r in range(rounds):
        idx = rng.integers(0, len(y), len(y))
        while y[idx].min() == y[idx].max():  # a resample needs both outcomes
            idx = rng.integers(0, len(y), len(y))
        for v, s in scores.items():
            out[v]["auc"][r] = roc_auc_score(y[idx], s[idx])
            out[v]["ap"][r] = average_precision_score(y[idx], s[idx])
    return out


def _ci(values: np.ndarray) -> str:
    lo, hi = np.percentile(values, [2.5, 97.5])
    return f"[{lo:+.3f}, {hi:+.3f}]" if lo < 0 else f"[{lo:.3f}, {hi:.3f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=400)
    parser.add_argument("--train-seed", type=int, default=11)
    parser.add_argument("--test-seed", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--work", type=Path, default=ROOT / "artifacts" / "constraints")
    args = parser.parse_args(argv)
    if args.train_seed == args.test_seed:
        parser.error("--train-seed and --test-seed must differ: the test bundle must be unseen")
    start = time.perf_counter()
    args.work.mkdir(parents=True, exist_ok=True)
    cache = RowCache(args.work / "features.sqlite")
    try:
        tables = [
            build_table(open_bundle(bundle(args.work, args.sites, seed)).sites(), cache=cache)
            for seed in (args.train_seed, args.test_seed)
        ]
    finally:
        cache.close()
    test = training.labelled(tables[1])
    y, x_test = training.labels_of(test), feature_matrix(test)
    variants: dict[str, tuple[str, ...] | None] = {"all constraints": (), "none": None}
    variants |= {f"without {name}": prefixes for name, prefixes in FAMILIES.items()}
    scores: dict[str, np.ndarray] = {}
    default = training.BASE_PARAMS["monotone_constraints"]
    try:
        for name, drop in variants.items():
            training.BASE_PARAMS["monotone_constraints"] = directions(drop)
            result = training.train(tables[0])
            scores[name] = result.booster.predict(x_test)
    finally:
        training.BASE_PARAMS["monotone_constraints"] = default
    boot = bootstrap(y, scores, args.rounds, seed=args.test_seed)
    base = boot["all constraints"]
    print(
        f"monotone constraints: train synth seed {args.train_seed}, test seed {args.test_seed}, "
        f"{args.sites} sites each; test {len(y)} labelled ({int(y.sum())} fraud); "
        f"{args.rounds} bootstrap resamples, 95% intervals"
    )
    print(
        f"  {'variant':<20} {'ROC AUC':>7} {'interval':>16} {'vs all':>17}"
        f" {'AP':>7} {'interval':>16} {'vs all':>17}"
    )
    for name, s in scores.items():
        auc, ap = roc_auc_score(y, s), average_precision_score(y, s)
        d_auc, d_ap = boot[name]["auc"] - base["auc"], boot[name]["ap"] - base["ap"]
        print(
            f"  {name:<20} {auc:7.3f} {_ci(boot[name]['auc']):>16} {_ci(d_auc):>17}"
            f" {ap:7.3f} {_ci(boot[name]['ap']):>16} {_ci(d_ap):>17}"
        )
    print(f"  ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
