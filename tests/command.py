"""`scamrank ARGS` run inside the test process, answered like `subprocess.run` answers.

Starting the console script costs about 3 s of imports (LightGBM, scikit-learn, SciPy, pandas)
before any work; the suite runs `scamrank` some fifty times, and the test process has those
modules loaded already. This runs the same Typer application through Click's test runner with
the call's own environment, working folder and console width, and keeps what a real process
would show: an exception that escapes the command is a traceback on stderr and exit code 1.

What only a real process can show (the console script's `main`, signals, a server that keeps
running, start-up of Dask workers) stays with `subprocess`.
"""

from __future__ import annotations

import os
import subprocess
import traceback
from collections.abc import Mapping
from pathlib import Path

from typer.testing import CliRunner

from serve import cli_common
from serve.cli import app

COLUMNS = 200  # wide enough that no line the tests read is wrapped


def scamrank(
    *args: str, cwd: Path, env: Mapping[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `scamrank *args` in folder `cwd`, with `env` over this process's environment (a value
    of None removes the variable). Environment, folder and console width are restored after."""
    consoles = (cli_common.console, cli_common.err)
    widths = [console._width for console in consoles]  # rich keeps a width set at creation
    folder = Path.cwd()
    os.chdir(cwd)
    try:
        for console in consoles:
            console.width = COLUMNS
        # MLflow's telemetry off in every command a test runs (network hygiene).
        environment = {"COLUMNS": str(COLUMNS), "MLFLOW_DISABLE_TELEMETRY": "true", **(env or {})}
        done = CliRunner().invoke(app, list(args), env=environment, prog_name="scamrank")
    finally:
        os.chdir(folder)
        for console, width in zip(consoles, widths, strict=True):
            console._width = width
    stderr = done.stderr
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        stderr += "".join(traceback.format_exception(done.exception))
    return subprocess.CompletedProcess(["scamrank", *args], done.exit_code, done.stdout, stderr)
