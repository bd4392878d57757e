"""What the company register and the operator links are worth: ROC AUC, average precision and
recall at the trained P1 and P2 thresholds, with and without each, side by side, on a synthetic
bundle, on the operator-grouped time-forward split (models/split.py, where no operator of the test
was seen in training) and on a pure time split (where operators recur over time, as they do).
Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/identity_value.py                   # synth 3,000 sites
    .venv/bin/python tests/benchmarks/identity_value.py --bundle DIR      # an existing bundle

A run (synth 3,000 sites, seed 11, 2 cores: 76 s synth, 331 s features, about 4 min training):
operator-grouped split (143 test cases), ROC AUC / AP / recall at P1: pages only 0.878 / 0.752 /
0.46, + register 0.895 / 0.817 / 0.70, + links 0.887 / 0.760 / 0.41, both 0.899 / 0.816 / 0.65;
pure time split (567 test cases): pages only 0.931 / 0.882 / 0.23, + register 0.946 / 0.903 /
0.77, + links 0.930 / 0.889 / 0.66, both 0.941 / 0.910 / 0.75.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from features.register import REGISTER_FEATURES
from models.evaluate import figures
from models.identity import LINK_FEATURES, add_register_features
from models.scorer import Scorer
from models.train import labelled, labels_of, train
from models.workflow import TableOptions, bundle_table

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ("pages only", "+ register", "+ links", "+ register + links")


def variant(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """The table as the model would see it without the register and/or the links."""
    out = table.copy()
    if "register" not in name:
        out = add_register_features(out, {}, False)
    if "links" not in name:
        for column in LINK_FEATURES:
            out[column] = 0.0  # as if no case were ever linked
    return out


def _recalls(
    scores: np.ndarray, y: np.ndarray, thresholds: dict[str, float]
) -> tuple[float, float]:
    frauds = y == 1
    return float((scores[frauds] >= thresholds["P1"]).mean()), float(
        (scores[frauds] >= thresholds["P2"]).mean()
    )


def operator_split(table: pd.DataFrame, seed: int) -> dict[str, float]:
    """train()'s own evaluation: operator-grouped, time-forward."""
    result = train(table, seed=seed)
    test = result.evaluation.test
    y, scores = test["label"].to_numpy(int), test["score"].to_numpy(float)
    p1, p2 = _recalls(scores, y, result.meta.thresholds)
    return {**figures(scores, y), "recall_p1": p1, "recall_p1p2": p2}


def time_split(table: pd.DataFrame, seed: int, test_share: float = 0.2) -> dict[str, float]:
    """Train on the older cases, score the newest `test_share`, operators recurring or not."""
    rows = labelled(table)
    cut = round(len(rows) * (1 - test_share))
    older, newer = rows.iloc[:cut], rows.iloc[cut:]
    result = train(older, seed=seed)
    scorer = Scorer(result.booster, result.meta)
    scored = scorer.score_table(newer).set_index("case_id").loc[newer["case_id"]]
    y, scores = labels_of(newer), scored["score"].to_numpy(float)
    p1, p2 = _recalls(scores, y, result.meta.thresholds)
    return {**figures(scores, y), "recall_p1": p1, "recall_p1p2": p2}


def _line(name: str, f: dict[str, float]) -> str:
    return (
        f"  {name:<20} ROC AUC {f['roc_auc']:.3f}  AP {f['average_precision']:.3f}  "
        f"recall P1 {f['recall_p1']:.2f}  P1+P2 {f['recall_p1p2']:.2f}  "
        f"({f['cases']:.0f} test cases, {f['fraud_share']:.0%} fraud)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="a case bundle (default: synth one)")
    parser.add_argument("--sites", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="identity-value-") as tmp:
        bundle = args.bundle
        if bundle is None:
            sys.path.insert(0, str(ROOT))
            from synth.bundle import generate_bundle  # the bench, not production, uses synth

            bundle = Path(tmp) / "bundle"
            started = time.perf_counter()
            generate_bundle(bundle, n_sites=args.sites, seed=args.seed)
            print(f"synth bundle of {args.sites} sites in {time.perf_counter() - started:.0f} s")
        register = bundle / "sirene" if (bundle / "sirene").is_dir() else None
        options = TableOptions(
            cache=Path(tmp) / "features.sqlite",
            n_jobs=args.jobs,
            register=register,
            register_cache=Path(tmp) / "register",
        )
        started = time.perf_counter()
        table, _ = bundle_table(bundle, options)
        print(
            f"feature table of {len(table)} cases in {time.perf_counter() - started:.0f} s; "
            f"register: {register or 'none in the bundle'}; SIRENs found in it: "
            f"{int((table['register_found'] == 1).sum())}, not found: "
            f"{int((table['register_found'] == 0).sum())}; cases linked to an earlier one: "
            f"{int((table['link_cases_before'] > 0).sum())}"
        )
        for title, evaluate in (
            ("operator-grouped time-forward split", operator_split),
            ("pure time split (newest 20%)", time_split),
        ):
            print(title)
            for name in VARIANTS:
                print(_line(name, evaluate(variant(table, name), args.seed)), flush=True)
        unknown = table[list(REGISTER_FEATURES)].isna().all(axis=1).mean()
        print(f"register facts all unknown (no SIREN, foreign company): {unknown:.0%} of cases")


if __name__ == "__main__":
    main()
