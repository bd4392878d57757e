"""The surviving share of `make mutation`, per module, read from mutmut's results in mutants/.

mutmut mutates whole files, but for models/train.py and models/scorer.py only calibration and
priorities are in scope (the rest is covered by slower training tests that the fast subset
leaves out): SCOPE names the functions counted. A mutant "survives" when the tests passed with
it, and "no tests" counts as surviving too, since nothing would notice that change. Timeouts and
segfaults count as caught (the change did break something observable).

Usage: `python tests/mutation_report.py [--survivors]` from the checkout's root, after
`mutmut run`; `--survivors` also lists the names to inspect with `mutmut show NAME`.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")

# Module -> name patterns of the mutants counted (mutmut names them module.x_function__mutmut_N,
# methods module.xǁClassǁmethod__mutmut_N).
SCOPE: dict[str, tuple[str, ...]] = {
    **{
        f"features.{name}": (f"features.{name}.*",)
        for name in (
            "pricing",
            "structure",
            "text",
            "legal",
            "payment",
            "checkout",
            "shop",
            "offers",
            "domain",
        )
    },
    "models.train (calibration, thresholds)": (
        "models.train.x_fit_calibration__mutmut_*",
        "models.train.x_calibrate__mutmut_*",
        "models.train.x_choose_thresholds__mutmut_*",
    ),
    "models.scorer (priorities)": ("models.scorer.x_priority_of__mutmut_*",),
    "models.split": ("models.split.*",),
    "capture.addresses": ("capture.addresses.*",),
}
SURVIVING = frozenset({"survived", "no tests", "suspicious", "not checked"})
SKIPPED = frozenset({"skipped", "caught by type check"})


def results(root: Path = MUTANTS) -> dict[str, str]:
    """Every mutant's status by name, from the .meta files mutmut writes beside each mutant."""
    if not root.is_dir():
        raise SystemExit(f"{root}/ not found: run `make mutation` (or `mutmut run`) first")
    statuses: dict[str, str] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        try:
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        except (OSError, ValueError, KeyError) as error:
            print(f"{meta}: unreadable mutmut results ({error}); skipped", file=sys.stderr)
            continue
        statuses.update({name: status_by_exit_code[code] for name, code in codes.items()})
    return statuses


def in_scope(statuses: dict[str, str]) -> dict[str, dict[str, str]]:
    """The statuses of SCOPE's mutants, grouped by module."""
    return {
        module: {
            name: status
            for name, status in statuses.items()
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)
        }
        for module, patterns in SCOPE.items()
    }


def table(grouped: dict[str, dict[str, str]]) -> list[str]:
    """Lines of the report: per module the mutants counted, the surviving ones and their share."""
    lines = [f"{'module':42} {'mutants':>8} {'survived':>9} {'no tests':>9} {'share':>7}"]
    total = surviving = 0
    for module, statuses in grouped.items():
        counts = Counter(statuses.values())
        counted = sum(n for status, n in counts.items() if status not in SKIPPED)
        alive = sum(n for status, n in counts.items() if status in SURVIVING)
        total, surviving = total + counted, surviving + alive
        share = f"{alive / counted:7.1%}" if counted else "      -"
        lines.append(
            f"{module:42} {counted:8} {counts['survived']:9} {counts['no tests']:9} {share}"
        )
    share = f"{surviving / total:7.1%}" if total else "      -"
    lines.append(f"{'all':42} {total:8} {surviving:>9} {'':9} {share}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args(argv)
    grouped = in_scope(results())
    print("\n".join(table(grouped)))
    if args.survivors:
        for statuses in grouped.values():
            for name, status in sorted(statuses.items()):
                if status in SURVIVING:
                    print(f"  {status:11} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
