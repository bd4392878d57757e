"""`scamrank alerts`: the local index of EU Safety Gate alerts that `score --alerts` and
`serve --alerts` match shops' product listings against."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from capture.alert_index import DEFAULT_INDEX, IndexCounts, update_index
from serve.cli_common import console, err, fail

alerts_app = typer.Typer(
    help="The local index of EU Safety Gate alerts (dangerous products).", no_args_is_help=True
)


def update_report(counts: IndexCounts, db: Path) -> list[str]:
    """What an update did, as lines for the terminal: the counts, then each problem (file,
    record, why)."""
    lines = [f"{db}: {counts}"]
    lines.extend(f"problem: {problem}" for problem in counts.problems)
    return lines


@alerts_app.command("update")
def alerts_update_cmd(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Safety Gate weekly report detail files (XML), as the European Commission "
            "publishes them. A missing or broken file is named and skipped.",
            show_default=False,
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="The alert index (DuckDB) to load into.")] = (
        DEFAULT_INDEX
    ),
) -> None:
    """Load the alerts of FILES into the local index: an alert already there is kept or replaced
    by a newer version of it, so loading a file twice changes nothing."""
    try:
        counts = update_index(files, db)
    except (OSError, ValueError) as exc:  # the index itself cannot be written or is not one
        raise fail(f"{db}: {exc}") from exc
    lines = update_report(counts, db)
    console.print(lines[0], highlight=False, soft_wrap=True)
    for line in lines[1:]:
        err.print(line, highlight=False)
    if counts.read == 0 and counts.problems:
        raise fail(f"no alert could be read from the {len(files)} file(s) given")
