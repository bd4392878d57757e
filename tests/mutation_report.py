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

# Equivalent mutants: no input can tell them from the code (README, "Mutation testing"). mutmut 3
# has no per-mutant skip, so they are listed here by name, each group with why, and left out of
# the share. Names number the mutants of a function in order: after an edit of that function,
# check the list again (`mutmut show NAME`); a name that no longer survives is reported.
EQUIVALENT: dict[str, tuple[str, ...]] = {
    "the sort kind: only values at the ends of runs of equal scores or times are read": (
        "models.train.x_choose_thresholds__mutmut_3",
        "models.train.x_choose_thresholds__mutmut_5",
        "models.train.x_choose_thresholds__mutmut_8",
        "models.split.x_time_forward_split__mutmut_12",
        "models.split.x_time_forward_split__mutmut_14",
        "models.split.x_time_forward_split__mutmut_16",
    ),
    "operator_groups: defaults never read (every template is in its counts; a missing column "
    "reads as '' either way; itertuples fields are read by name)": (
        "models.split.x_operator_groups__mutmut_17",
        "models.split.x_operator_groups__mutmut_19",
        "models.split.x_operator_groups__mutmut_30",
        "models.split.x_operator_groups__mutmut_31",
        "models.split.x_operator_groups__mutmut_41",
        "models.split.x_operator_groups__mutmut_50",
        "models.split.x_operator_groups__mutmut_59",
        "models.split.x_operator_groups__mutmut_61",
        "models.split.x_operator_groups__mutmut_62",
    ),
    "maxsplit or index of a split whose first or last part alone is read": (
        "capture.addresses.x_parse_address__mutmut_6",
        "capture.addresses.x_parse_address__mutmut_9",
        "capture.addresses.xǁAddressPolicyǁnetworks__mutmut_3",  # strict=None is falsy as False
        "features.domain.x_name_features__mutmut_5",
        "features.domain.x_name_features__mutmut_8",
        "features.domain.x_name_features__mutmut_14",
        "features.domain.x_name_features__mutmut_17",
        "features.offers.x__short__mutmut_20",
        "features.offers.x__short__mutmut_26",
        "features.offers.x__opengraph_offers__mutmut_17",
        "features.offers.x__opengraph_offers__mutmut_22",
    ),
    "how many of a page's link words are searched at once (100 or 101) changes no answer": (
        "features.shop.x__has_cart__mutmut_37",
    ),
    "'non-global' is unreachable on Python 3.11.7, where is_global is 'not is_private'": (
        "capture.addresses.x_address_problem__mutmut_33",
        "capture.addresses.x_address_problem__mutmut_34",
    ),
    "a default or filler string ('XXXX', 'None', 'XX XX') that no word list, class or style "
    "pattern matches, or strip characters no real value ends with": (
        "capture.addresses.xǁAddressPolicyǁrefusal__mutmut_19",
        "features.offers.x__short__mutmut_24",
        "features.pricing.x__classes__mutmut_5",
        "features.pricing.x__is_struck__mutmut_10",
        "features.pricing.x__looks_like_price__mutmut_23",
        "features.pricing.x__price_beside__mutmut_21",
        "features.checkout.x__words__mutmut_9",
        "features.checkout.x__label_of__mutmut_6",
        "features.checkout.x__label_of__mutmut_8",
        "features.checkout.x_checkout_offers__mutmut_12",
        "features.checkout.x_checkout_offers__mutmut_23",
        "features.shop.x__has_cart__mutmut_25",
        "features.shop.x__has_cart__mutmut_33",
        "features.structure.x_platform_of__mutmut_3",
        "features.structure.x_template_fingerprint__mutmut_5",
        "features.legal.x__name_matches__mutmut_17",
        *(
            f"features.structure.x__dead_social__mutmut_{n}"
            for n in (17, 19, 22, 24, 26, 29, 31, 33, 36, 46)
        ),
        *(
            f"features.structure.x__unlinked_badges__mutmut_{n}"
            for n in (11, 13, 16, 18, 20, 23, 25, 27, 30, 50, 52)
        ),
    ),
    "an <input> has no text of its own; only <label> elements carry for=": (
        "features.checkout.x__words__mutmut_3",
        "features.checkout.x__words__mutmut_7",
        "features.checkout.x__words__mutmut_8",
        "features.checkout.x__label_of__mutmut_10",
    ),
    "the fingerprint hashes the set of tag names, not their counts": (
        "features.structure.x_template_fingerprint__mutmut_9",
        "features.structure.x_template_fingerprint__mutmut_10",
        "features.structure.x_template_fingerprint__mutmut_11",
    ),
    "extruct's Open Graph items always have properties; range(0, n) is range(n); an exact "
    "distance is compared with the same allowance as a cut-off one": (
        "features.offers.x__opengraph_offers__mutmut_3",
        "features.offers.x__opengraph_offers__mutmut_5",
        "features.domain.x_brand_lookalike__mutmut_38",
        "features.domain.x_brand_lookalike__mutmut_53",
        "features.domain.x_brand_lookalike__mutmut_56",
    ),
}
EQUIVALENT_NAMES = frozenset(name for names in EQUIVALENT.values() for name in names)
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
    head = f"{'module':40} {'mutants':>7} {'killed':>7} {'survived':>8} {'no tests':>8}"
    lines = [f"{head} {'equiv.':>6} {'share':>6}"]
    total = surviving = 0
    for module, statuses in grouped.items():
        equivalent = sum(
            name in EQUIVALENT_NAMES and status in SURVIVING for name, status in statuses.items()
        )
        counts = Counter(
            status for name, status in statuses.items() if name not in EQUIVALENT_NAMES
        )
        counted = sum(n for status, n in counts.items() if status not in SKIPPED)
        alive = sum(n for status, n in counts.items() if status in SURVIVING)
        total, surviving = total + counted, surviving + alive
        share = f"{alive / counted:6.1%}" if counted else "     -"
        caught = counted - alive
        lines.append(
            f"{module:40} {counted:7} {caught:7} {counts['survived']:8} {counts['no tests']:8}"
            f" {equivalent:6} {share}"
        )
    share = f"{surviving / total:6.1%}" if total else "     -"
    lines.append(f"{'all':40} {total:7} {total - surviving:7} {surviving:8} {'':8} {'':6} {share}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument(
        "--names", type=Path, help="count only the mutants named in this file (a sampled run)"
    )
    args = parser.parse_args(argv)
    statuses = results()
    if args.names:
        wanted = set(args.names.read_text(encoding="utf-8").split())
        statuses = {name: status for name, status in statuses.items() if name in wanted}
    grouped = in_scope(statuses)
    print("\n".join(table(grouped)))
    stale = sorted(n for n in EQUIVALENT_NAMES if n in statuses and statuses[n] not in SURVIVING)
    if stale:
        print("listed as equivalent but caught (renumbered? see EQUIVALENT):", *stale)
    if args.survivors:
        for module_statuses in grouped.values():
            for name, status in sorted(module_statuses.items()):
                if status in SURVIVING and name not in EQUIVALENT_NAMES:
                    print(f"  {status:11} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
