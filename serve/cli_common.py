"""What every `scamrank` command shares: where it prints, and how it fails."""

from __future__ import annotations

import typer
from rich.console import Console

console = Console()
err = Console(stderr=True, soft_wrap=True)  # messages name files: never cut them


def fail(message: str) -> typer.Exit:
    """An error for the user, named in red on stderr; exit code 2 (bad input, nothing done)."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=2)
