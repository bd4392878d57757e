"""`scamrank links`: the operator groups of one or several case bundles, for investigators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from capture.bundle import BundleError
from models.identity import link_cases
from models.links import link_operators
from models.workflow import TableOptions, bundles_table, write_csv
from serve.cli_common import console, fail
from serve.config import feature_cache

LINK_COLUMNS = ("case_id", "operator", "linked_cases", "shared")


def links_table(bundles: list[Path], options: TableOptions | None = None) -> pd.DataFrame:
    """One row per case of the bundles (each case once): its operator group (a name that stays
    the same across runs on the same cases), how many other cases it is linked to, and the
    identifiers it shares (`kind:value`, ';'-separated)."""
    table = bundles_table(bundles, options).table
    rows, _ = link_operators(link_cases(table))
    return pd.DataFrame([r.__dict__ for r in rows], columns=list(LINK_COLUMNS))


def links_cmd(
    bundles: Annotated[list[Path], typer.Argument(help="Case bundle folders.", show_default=False)],
    out: Annotated[Path, typer.Option(help="CSV file to write the operator groups to.")],
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Reuse feature rows of unchanged sites.")
    ] = True,
    jobs: Annotated[
        int, typer.Option("--jobs", help="Processes extracting features (-1: all cores).")
    ] = -1,
) -> None:
    """Link the cases of BUNDLES that share a strong identifier (SIREN, VAT number, IBAN, phone,
    e-mail, tracker ID) or a near-identical page template into operator groups; write
    case_id, operator, linked_cases, shared."""
    options = TableOptions(cache=feature_cache() if cache else None, n_jobs=jobs)
    try:
        links = links_table(bundles, options)
        write_csv(links, out)
    except (BundleError, OSError, ValueError) as exc:
        raise fail(str(exc)) from exc
    groups = links.loc[links["linked_cases"] > 0, "operator"].nunique()
    linked = int((links["linked_cases"] > 0).sum())
    console.print(
        f"{len(links)} cases: {linked} linked in {groups} operator groups; written to {out}",
        highlight=False,
        soft_wrap=True,
    )
