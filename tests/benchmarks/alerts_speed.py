"""Safety Gate matching: speed on 10,000 listings against 30,000 alerts, and the name threshold.

Run: `.venv/bin/python tests/benchmarks/alerts_speed.py [--choose]`. Prints the time to load the
alerts from weekly report files into the DuckDB index and back, then to build the in-memory index
and to match (the budget is 10 seconds for both), then precision and recall of the matches
on the measuring seed, overall and for name matches alone. `--choose` first sweeps the threshold
on the choosing seed and prints the one with the best F1 (features.alerts.NAME_THRESHOLD holds
the one chosen).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from capture.alert_index import load_alerts, update_index
from features.alerts import NAME_THRESHOLD, AlertIndex, Match, match_listing
from features.listings import Listing
from synth.alerts import SynthListing, make_alerts, make_listings, write_report

CHOOSE_SEED = 11  # the seed the threshold is chosen on
MEASURE_SEED = 12  # the seed it is measured on: never the same
N_ALERTS = 30_000
N_LISTINGS = 10_000
BUDGET_SECONDS = 10.0


def as_listing(item: SynthListing) -> Listing:
    """The matcher's view of a synthetic listing."""
    models = (item.model,) if item.model else ()
    gtins = (item.gtin.zfill(14),) if item.gtin else ()
    return Listing(item.name, item.brand, models, gtins)


def precision_recall(
    items: list[SynthListing], found: list[list[Match]], kinds: tuple[str, ...] | None = None
) -> tuple[float, float, int, int, int]:
    """Precision and recall of the matches against the truth, over the listings of `kinds`
    (all when None): a listing is right when it matches its alert, wrong for any other match."""
    tp = fp = fn = 0
    for item, matches in zip(items, found, strict=True):
        if kinds is not None and item.kind not in kinds:
            continue
        refs = {m.reference for m in matches}
        hit = item.truth is not None and item.truth in refs
        tp += hit
        fp += len(refs - {item.truth})
        fn += item.truth is not None and not hit
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def choose_threshold(seed: int = CHOOSE_SEED) -> float:
    """The name threshold with the best F1 on near matches and decoys of `seed`."""
    alerts = make_alerts(seed, N_ALERTS)
    index = AlertIndex(alerts)
    items = [i for i in make_listings(seed, alerts, N_LISTINGS) if i.kind in ("near", "decoy")]
    listings = [as_listing(i) for i in items]
    best, best_f1 = 100.0, -1.0
    for threshold in range(60, 101, 2):
        found = [match_listing(listing, index, threshold) for listing in listings]
        p, r, *_ = precision_recall(items, found)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  threshold {threshold:3d}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    print(f"chosen on seed {seed}: {best:.0f} (F1 {best_f1:.3f})")
    return best


def measure(seed: int = MEASURE_SEED, threshold: float = NAME_THRESHOLD) -> float:
    """Time and quality of matching on `seed`; returns the seconds taken (index plus matching)."""
    alerts = make_alerts(seed, N_ALERTS)
    items = make_listings(seed, alerts, N_LISTINGS)
    listings = [as_listing(i) for i in items]
    start = time.perf_counter()
    index = AlertIndex(alerts)
    built = time.perf_counter()
    found = [match_listing(listing, index, threshold) for listing in listings]
    done = time.perf_counter()
    print(
        f"{N_LISTINGS} listings against {N_ALERTS} alerts: index {built - start:.2f} s, "
        f"matching {done - built:.2f} s, total {done - start:.2f} s "
        f"(budget {BUDGET_SECONDS:.0f} s)"
    )
    print(f"seed {seed}, name threshold {threshold:.0f}:")
    for label, kinds in (
        ("all listings", None),
        ("barcode", ("barcode",)),
        ("model number", ("model",)),
        ("name (near matches and decoys)", ("near", "decoy")),
    ):
        p, r, tp, fp, fn = precision_recall(items, found, kinds)
        print(f"  {label:32s} precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    return done - start


def index_round_trip(seed: int = MEASURE_SEED) -> None:
    """Time to write the alerts as weekly report files, load them into DuckDB, and read back."""
    alerts = make_alerts(seed, N_ALERTS)
    with tempfile.TemporaryDirectory() as folder:
        weeks = [alerts[i : i + 1000] for i in range(0, len(alerts), 1000)]
        files = [
            write_report(week, Path(folder) / f"week-{n}.xml", date(2026, 11, 20))
            for n, week in enumerate(weeks)
        ]
        start = time.perf_counter()
        counts = update_index(files, Path(folder) / "alerts.duckdb")
        loaded = time.perf_counter()
        back = load_alerts(Path(folder) / "alerts.duckdb")
        done = time.perf_counter()
    print(
        f"index: {len(files)} weekly files read and loaded in {loaded - start:.2f} s ({counts}); "
        f"{len(back)} alerts read back in {done - loaded:.2f} s"
    )


def main(argv: list[str]) -> int:
    threshold = choose_threshold() if "--choose" in argv else NAME_THRESHOLD
    index_round_trip()
    seconds = measure(threshold=threshold)
    return 0 if seconds < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
