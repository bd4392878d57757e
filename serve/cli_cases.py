"""`scamrank cases`: the triage service's case store, from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from serve.cli_common import console, fail

cases_app = typer.Typer(help="The triage service's case store.", no_args_is_help=True)


@cases_app.command("export")
def cases_export_cmd(
    out: Annotated[
        Path, typer.Argument(help="Case bundle folder to write (or to add to, when it exists).")
    ],
    since: Annotated[
        str | None,
        typer.Option(help="Only verdicts decided at or after this date (ISO-8601, UTC)."),
    ] = None,
) -> None:
    """Write the decided cases with their captures as a case bundle, to retrain on verdicts.
    Into an existing bundle it appends: a case already there is skipped, or its row replaced
    when its verdict changed."""
    from capture.isotime import parse_utc_checked
    from serve.export import export_decided
    from serve.settings import read_settings
    from serve.store import Store, make_engine, migrate

    start, why = parse_utc_checked(since) if since is not None else (None, None)
    if since is not None and start is None:
        raise fail(f"--since {since!r}: {why} (give an ISO-8601 date such as 2025-03-01)")
    try:
        settings = read_settings()  # a malformed setting is named, without a traceback
        engine = make_engine(settings.database_url)
        migrate(engine)
        counts = export_decided(Store(engine), out, since=start)
    except (OSError, ValueError) as exc:
        raise fail(str(exc)) from exc
    console.print(
        f"{counts['cases']} decided cases written to {out}: {counts['added']} added, "
        f"{counts['replaced']} replaced (verdict changed), {counts['unchanged']} already there "
        f"({counts['without_evidence']} without captured evidence"
        + (f", {counts['skipped_before']} decided before {since}" if since else "")
        + f"); retrain with: scamrank train HISTORY {out} --model-out DIR",
        highlight=False,
        soft_wrap=True,
    )
