"""Company-register lookups of every site of a bundle against a generated register: the time of
the conversion (for a zipped CSV), of the batched lookup and of the facts, and the peak memory of
the process that did them. Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/register_speed.py                  # 1 million rows
    .venv/bin/python tests/benchmarks/register_speed.py --rows 5000000   # make bench
    .venv/bin/python tests/benchmarks/register_speed.py --format zip     # CSV converted first
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import lxml.html

from capture.bundle import open_bundle
from capture.register import DEFAULT_MEMORY_LIMIT, Register
from features.identifiers import find_identifiers
from features.register import register_facts
from synth.register import random_register

ROOT = Path(__file__).resolve().parents[2]


def bundle_sirens(bundle: Path) -> tuple[list[str], dict[str, list]]:
    """Every SIREN named on the bundle's pages, and the report times of the sites naming each."""
    named: dict[str, list] = {}
    for site in open_bundle(bundle).sites():
        for page in site.pages:
            if not page.html.strip():
                continue
            text = lxml.html.document_fromstring(page.html).text_content()
            for siren in find_identifiers(text).sirens:
                named.setdefault(siren, []).append(site.reported_at)
    return sorted(named), named


def _lookup(
    folder: Path, cache: Path, sirens: list[str], reported: dict
) -> tuple[float, float, float, float, int, int]:
    """In a child process, so that its peak memory is the lookup's alone."""
    start = time.perf_counter()
    with Register(folder, cache) as register:
        opened = time.perf_counter()
        rows = register.lookup(sirens)
        looked = time.perf_counter()
    facts = [register_facts(rows[s], when) for s in sirens for when in reported[s]]
    done = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = sum(r["unite_legale"] is not None for r in rows.values())
    return opened - start, looked - opened, done - looked, peak_mib, found, len(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--format", choices=["parquet", "zip"], default="parquet")
    parser.add_argument("--bundle", type=Path, default=ROOT / "data" / "sample")
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]}, register of {args.rows:,} rows ({args.format}),"
        f" DuckDB memory limit {DEFAULT_MEMORY_LIMIT}"
    )
    sirens, reported = bundle_sirens(args.bundle)
    print(f"  {len(sirens)} SIRENs named on the pages of {args.bundle.name}")
    with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
        folder, cache = Path(tmp) / "sirene", Path(tmp) / "cache"
        start = time.perf_counter()
        # Half the bundle's numbers are real companies; the rest stay unknown to the register.
        random_register(folder, args.rows, args.format, include=sirens[::2])
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(f"  generated in {time.perf_counter() - start:.1f} s ({size:.0f} MiB)")
        for label in ("first run", "second run (cache ready)"):
            # A fresh process each time: its peak RSS is the lookup's (a crash is raised here).
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                job = pool.submit(_lookup, folder, cache, sirens, reported)
                opened, looked, computed, peak, found, count = job.result()
            print(
                f"  {label}: open {opened:.2f} s, lookup {looked:.2f} s, facts {computed:.3f} s"
                f" ({count} sites), {found} SIRENs found, peak RSS {peak:.0f} MiB"
            )


if __name__ == "__main__":
    main()
