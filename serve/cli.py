"""The `scamrank` command line: a thin layer over functions in `models` and `capture`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from capture.bundle import BundleError
from models.artifact import ModelError
from models.scorer import Scorer
from models.train import TrainingError
from models.workflow import score_bundle, train_bundle, write_csv

app = typer.Typer(
    help="Rank reported shop sites by scam likelihood, and say why.", no_args_is_help=True
)
console = Console()
err = Console(stderr=True, soft_wrap=True)  # messages name files: never cut them


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=2)


@app.callback()
def _setup(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every warning.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command("train")
def train_cmd(
    bundle: Annotated[Path, typer.Argument(help="Case bundle folder with labelled cases.")],
    model_out: Annotated[Path, typer.Option(help="Folder to write the model to.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Train a model on the labelled cases of BUNDLE."""
    try:
        meta = train_bundle(bundle, model_out, seed=seed)
    except (BundleError, TrainingError, OSError) as exc:
        raise _fail(str(exc)) from exc
    t = meta.training
    console.print(
        f"trained on {t['cases']} cases ({t['frauds']} fraud), reported "
        f"{t['reported_from'][:10]} to {t['reported_until'][:10]}; model {meta.version}"
    )
    tf = meta.evaluation.get("time_forward", {})
    if "roc_auc" in tf:
        console.print(
            f"time-forward test ({tf['cases']:.0f} newest cases from {tf['test_from'][:10]}, "
            f"model trained on older ones): ROC AUC {tf['roc_auc']:.3f}, average precision "
            f"{tf['average_precision']:.3f}, precision in top 10% {tf['precision_top10pct']:.2f}"
        )
    console.print(
        f"thresholds: P1 >= {meta.thresholds['P1']:.3f}, P2 >= {meta.thresholds['P2']:.3f}"
    )
    console.print(f"model written to {model_out}")


def top_table(scores: pd.DataFrame, top: int) -> Table:
    table = Table(title=f"top {min(top, len(scores))} of {len(scores)} cases")
    for name, justify in (
        ("rank", "right"),
        ("score", "right"),
        ("priority", "left"),
        ("url", "left"),
        ("top reasons", "left"),
    ):
        table.add_column(name, justify=justify, overflow="fold")
    for row in scores.head(top).itertuples():
        score = "" if pd.isna(row.score) else f"{row.score:.3f}"
        reasons = " | ".join(str(row.reasons).split(" | ")[:3])
        table.add_row(str(row.rank), score, row.priority, row.url, reasons)
    return table


@app.command("score")
def score_cmd(
    bundle: Annotated[Path, typer.Argument(help="Case bundle folder to score.")],
    model: Annotated[Path, typer.Option(help="Model folder written by `scamrank train`.")],
    out: Annotated[Path, typer.Option(help="CSV file to write the ranked scores to.")],
    top: Annotated[int, typer.Option(help="How many of the top cases to print.")] = 10,
) -> None:
    """Score every case of BUNDLE into a ranked, explained CSV."""
    try:
        scorer = Scorer.load(model)
        scores, warnings = score_bundle(bundle, scorer)
    except (BundleError, ModelError, OSError) as exc:
        raise _fail(str(exc)) from exc
    write_csv(scores, out)
    if top > 0:
        console.print(top_table(scores, top))
    unscored = int(scores["score"].isna().sum())
    counts = scores["priority"].value_counts()
    console.print(
        f"{len(scores)} cases: {counts.get('P1', 0)} P1, {counts.get('P2', 0)} P2, "
        f"{counts.get('P3', 0)} P3, {unscored} not scored; model {scorer.version}"
    )
    for warning in warnings[:10]:
        err.print(f"warning: {warning}", highlight=False)
    if len(warnings) > 10:
        err.print(f"... and {len(warnings) - 10} more warnings", highlight=False)
    console.print(f"full ranking written to {out}")


@app.command("synth")
def synth_cmd(
    out: Annotated[Path, typer.Argument(help="Folder to write the case bundle to.")],
    sites: Annotated[int, typer.Option(help="Number of sites.")] = 360,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed writes the same bundle.")
    ] = 7,
) -> None:
    """Write a synthetic case bundle (the committed sample is `synth data/sample`)."""
    from capture.synth import generate_bundle

    summary = generate_bundle(out, n_sites=sites, seed=seed)
    console.print(", ".join(f"{k}: {v}" for k, v in summary.items()))


def main() -> None:
    app()
