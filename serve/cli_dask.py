"""The `--dask` option of `score` and `train`: where feature extraction runs when one machine is
not enough (models/cluster.py does the work)."""

from __future__ import annotations

from typing import Annotated

import typer


def dask_address(value: str | None) -> str | None:
    """`local`, or a scheduler address with its scheme; anything else is refused by name."""
    if value is None or value == "local" or "://" in value:
        return value
    raise typer.BadParameter(
        f"{value!r}: give `local` or a scheduler address such as tcp://host:8786"
    )


DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        callback=dask_address,
        help="Extract the features of a bundle on a Dask cluster: `local` (one worker process "
        "per core) or a scheduler address (tcp://host:8786) whose workers can read the bundle.",
    ),
]
