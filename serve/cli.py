"""The `scamrank` command line: a thin layer over functions in `models` and `capture`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from capture.bundle import BundleError
from capture.errors import RdapError
from models.alerts_column import add_alerts, load_index
from models.artifact import ModelError
from models.identity import open_register
from models.process import settle_heap
from models.scorer import Scorer
from models.tracking import REGISTERED_MODEL, configure, is_model_uri, load_scorer, log_training
from models.train import TrainingError
from models.workflow import (
    TableOptions,
    bundles_table,
    evaluate_table,
    score_bundle,
    train_bundle,
    write_csv,
    write_features,
)
from serve.cli_alerts import alerts_app
from serve.cli_cases import cases_app
from serve.cli_common import console, err
from serve.cli_common import fail as _fail
from serve.cli_dask import DaskOption
from serve.cli_links import links_cmd
from serve.config import feature_cache, register_cache

app = typer.Typer(
    help="Rank reported shop sites by scam likelihood, and say why.", no_args_is_help=True
)
app.add_typer(cases_app, name="cases")
app.add_typer(alerts_app, name="alerts")
app.command("links")(links_cmd)


@app.callback()
def _setup(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every warning.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


CacheOption = Annotated[
    bool, typer.Option("--cache/--no-cache", help="Reuse feature rows of unchanged sites.")
]
JobsOption = Annotated[
    int, typer.Option("--jobs", help="Processes extracting features (-1: all cores).")
]
AlertsOption = Annotated[
    Path | None,
    typer.Option(
        "--alerts",
        help="Safety Gate alert index (from `scamrank alerts update`) to match product listings "
        "against; matches go in `alerts`, never in the score.",
    ),
]


RegisterOption = Annotated[
    Path | None,
    typer.Option(
        "--register",
        help="Folder of INSEE's SIRENE stock files (StockUniteLegale_utf8.parquet...) to check the "
        "legal notice's company against; a bundle's own register/*.json rows win.",
    ),
]


def _options(
    cache: bool, jobs: int, register: Path | None = None, dask: str | None = None
) -> TableOptions:
    return TableOptions(
        cache=feature_cache() if cache else None,
        n_jobs=jobs,
        progress=err.is_terminal,
        register=register,
        register_cache=register_cache(),
        dask=dask,
    )


def _figures_line(f: dict[str, float]) -> str:
    return (
        f"ROC AUC {f['roc_auc']:.3f}, average precision {f['average_precision']:.3f}, "
        f"precision in top 10% {f['precision_top10pct']:.2f}, "
        f"in top 50 {f['precision_top50']:.2f}, "
        f"recall at 1% FPR {f['recall_at_1pct_fpr']:.2f}, at 5% FPR {f['recall_at_5pct_fpr']:.2f}, "
        f"Brier {f['brier']:.3f}"
    )


BundlesArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Case bundle folders: the history first, then exported verdicts. A case in several "
        "bundles counts once, with its latest verdict.",
        show_default=False,
    ),
]


@app.command("train")
def train_cmd(
    bundles: BundlesArgument,
    model_out: Annotated[Path, typer.Option(help="Folder to write the model to.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    p1_precision: Annotated[float, typer.Option(help="Precision that P1 cases must reach.")] = 0.90,
    p2_recall: Annotated[float, typer.Option(help="Share of frauds P1+P2 must catch.")] = 0.95,
    track: Annotated[
        bool, typer.Option("--track/--no-track", help="Log the run to MLflow.")
    ] = True,
    promote: Annotated[
        bool,
        typer.Option(help="Make it the champion if it beats the current one on unseen cases."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            help="Make it the champion even when the gate cannot compare it with the current "
            "one (too few unseen cases, no recorded cut-off, other features)."
        ),
    ] = False,
    cache: CacheOption = True,
    jobs: JobsOption = -1,
    register: RegisterOption = None,
    dask: DaskOption = None,
) -> None:
    """Train a model on the labelled cases of BUNDLES, evaluate it time-forward, log it to
    MLflow and, with --promote, run the promotion gate."""
    try:
        trained = train_bundle(
            bundles, model_out, seed, _options(cache, jobs, register, dask), p1_precision, p2_recall
        )
    except (BundleError, TrainingError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    meta = trained.meta
    t = meta.training
    for source in trained.sources:
        console.print(
            f"bundle {source.path}: {source.cases} cases, {source.kept} kept "
            f"(cases.csv sha256 {source.cases_sha256[:12]})",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{t['cases']} labelled cases ({t['frauds']} fraud), reported "
        f"{t['reported_from'][:10]} to {t['reported_until'][:10]}; model {meta.version} fitted "
        f"on the {t['fitted_cases']} reported until {str(meta.fitted_until)[:10]}, the newest "
        f"{t['held_out_cases']} held out"
    )
    tf = meta.evaluation["time_forward"]
    console.print(
        f"time-forward test ({tf['cases']:.0f} newest cases from {tf['test_from'][:10]}, "
        f"model tuned and trained on older ones): {_figures_line(tf)}"
    )
    console.print(
        f"thresholds: P1 >= {meta.thresholds['P1']:.3f}, P2 >= {meta.thresholds['P2']:.3f}"
    )
    console.print(f"model written to {model_out}, plots in {model_out / 'plots'}")
    if trained.cache:
        console.print(
            f"feature rows: {trained.cache['hits']} from the cache, "
            f"{trained.cache['misses']} extracted"
        )
    if track:
        uri = configure()
        bundle_text = ", ".join(str(b) for b in bundles)
        run = log_training(trained.result, model_out, trained.plots, bundle_text, promote, force)
        c = run.comparison
        state = "promoted to champion" if c.promoted else "not promoted"
        console.print(
            f"MLflow {uri}: run {run.run_id}, registered {REGISTERED_MODEL} v{run.model_version}",
            highlight=False,
            soft_wrap=True,
        )
        gate = f"promotion gate ({c.decision}): {state}; {c.why}"
        console.print(gate, highlight=False, soft_wrap=True)
    elif promote or force:
        err.print("warning: --promote and --force need --track: nothing was promoted")


@app.command("evaluate")
def evaluate_cmd(
    bundles: BundlesArgument,
    model: Annotated[
        str | None, typer.Option(help="Model folder or MLflow URI (default: the champion).")
    ] = None,
    out_dir: Annotated[Path, typer.Option(help="Folder for the plots.")] = Path(
        "artifacts/evaluation"
    ),
    cache: CacheOption = True,
    jobs: JobsOption = -1,
    register: RegisterOption = None,
) -> None:
    """Print the figures of a model on the labelled cases of BUNDLES and write the plots."""
    try:
        scorer = _scorer(model)
        table = bundles_table(bundles, _options(cache, jobs, register)).table
        result, plots = evaluate_table(scorer, table, out_dir)
    except (BundleError, ModelError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    names = ", ".join(str(b) for b in bundles)
    console.print(f"model {scorer.version} on {result['cases']:.0f} labelled cases of {names}:")
    console.print(_figures_line(result))
    console.print("(figures on cases the model was trained on are optimistic)")
    console.print(f"plots written to {out_dir}: {', '.join(p.name for p in plots)}")


@app.command("features")
def features_cmd(
    bundles: BundlesArgument,
    out: Annotated[
        Path, typer.Option(help="File to write the feature table to (.parquet or .csv).")
    ],
    cache: CacheOption = True,
    jobs: JobsOption = -1,
    register: RegisterOption = None,
) -> None:
    """Write the feature table of BUNDLES (case facts, outcome, every catalogue feature and the
    context columns), built exactly as `train` builds it."""
    try:
        combined = bundles_table(bundles, _options(cache, jobs, register))
        write_features(combined.table, out)
    except (BundleError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    table = combined.table
    usable = int((table["error"] == "").sum())
    console.print(
        f"{len(table)} cases ({usable} with features) from {len(bundles)} bundle(s) "
        f"written to {out}",
        highlight=False,
        soft_wrap=True,
    )


def _scorer(model: str | None, thresholds: dict[str, float] | None = None) -> Scorer:
    if model is None or is_model_uri(model):
        configure()
    return load_scorer(model, thresholds)


def top_table(scores: pd.DataFrame, top: int) -> Table:
    table = Table(title=f"top {min(top, len(scores))} of {len(scores)} cases")
    columns = (
        ("rank", "right"),
        ("score", "right"),
        ("priority", "left"),
        ("url", "left"),
        ("top reasons", "left"),
    )
    for name, justify in columns:
        table.add_column(name, justify=justify, overflow="fold")
    for row in scores.head(top).itertuples():
        score = "" if pd.isna(row.score) else f"{row.score:.3f}"
        reasons = " | ".join(str(row.reasons).split(" | ")[:3])
        table.add_row(str(row.rank), score, row.priority, row.url, reasons)
    return table


@app.command("score")
def score_cmd(
    source: Annotated[
        Path,
        typer.Argument(
            help="Case bundle folder to score, or a file of reported URLs to capture live and "
            "score (one URL a line, or a CSV with case_id,url[,reported_at]).",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option(help="CSV file to write the ranked scores to.")],
    model: Annotated[
        str | None,
        typer.Option(help="Model folder or MLflow URI (default: models:/scamrank@champion)."),
    ] = None,
    top: Annotated[int, typer.Option(help="How many of the top cases to print.")] = 10,
    p1: Annotated[float | None, typer.Option(help="Score from which a case is P1.")] = None,
    p2: Annotated[float | None, typer.Option(help="Score from which a case is P2.")] = None,
    cache: CacheOption = True,
    jobs: JobsOption = -1,
    register: RegisterOption = None,
    dask: DaskOption = None,
    bundle_out: Annotated[
        Path | None,
        typer.Option(
            help="Live: keep the captures (WARC, RDAP, cases.csv) in this case bundle folder "
            "(default: a temporary one, deleted after scoring)."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Live: continue --bundle-out; its sites are not fetched again.")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(help="Live: capture hosts on loopback, private or link-local addresses."),
    ] = False,
    max_pages: Annotated[int, typer.Option(help="Live: pages captured per site.")] = 8,
    max_mb: Annotated[float, typer.Option(help="Live: largest page, in MB once decoded.")] = 5.0,
    timeout: Annotated[
        float, typer.Option(help="Live: seconds to connect, and of silence while reading.")
    ] = 20.0,
    site_timeout: Annotated[float, typer.Option(help="Live: seconds for all of a site.")] = 120.0,
    concurrency: Annotated[int, typer.Option(help="Live: requests in flight in all.")] = 32,
    sites: Annotated[
        int | None,
        typer.Option(help="Live: sites captured at once (default: 1.25 times --concurrency)."),
    ] = None,
    rdap: Annotated[
        bool, typer.Option("--rdap/--no-rdap", help="Live: look domains up in RDAP.")
    ] = True,
    rdap_bootstrap: Annotated[
        Path | None,
        typer.Option(help="Live: IANA RDAP bootstrap file to use instead of scamrank's copy."),
    ] = None,
    refresh_rdap_bootstrap: Annotated[
        bool,
        typer.Option(help="Live: download IANA's current RDAP bootstrap file first (network)."),
    ] = False,
    alerts: AlertsOption = None,
) -> None:
    """Score every case of a bundle, or capture and score a list of reported URLs, into a
    ranked, explained CSV."""
    overrides = {k: v for k, v in (("P1", p1), ("P2", p2)) if v is not None}
    if not source.exists():
        raise _fail(f"{source}: no such file or folder")
    try:
        scorer = _scorer(model, overrides)
        index = load_index(alerts) if alerts is not None else None  # checked before any work
    except (ModelError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if source.is_dir():
        try:
            scores, warnings = score_bundle(source, scorer, _options(cache, jobs, register, dask))
        except (BundleError, OSError, ValueError) as exc:
            raise _fail(str(exc)) from exc
        summary: list[str] = []
    else:
        from serve.score_live import LiveFlags, score_reported_file

        flags = LiveFlags(
            bundle_out=bundle_out,
            resume=resume,
            allow_private=allow_private,
            max_pages=max_pages,
            max_mb=max_mb,
            timeout=timeout,
            site_timeout=site_timeout,
            concurrency=concurrency,
            sites=sites,
            rdap=rdap,
            rdap_bootstrap=rdap_bootstrap,
            refresh_rdap_bootstrap=refresh_rdap_bootstrap,
        )
        try:
            scores, warnings, summary = score_reported_file(
                source, scorer, flags, _options(cache, jobs, register), err
            )
        except (BundleError, RdapError, OSError, ValueError) as exc:
            raise _fail(str(exc)) from exc
    scores = add_alerts(scores, index)  # in this process, after the table: workers never load it
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
    for line in summary:
        console.print(line, highlight=False)
    if index is not None:
        flagged = int((scores["alerts"] != "").sum())
        console.print(f"{flagged} cases sell a product of a Safety Gate alert ({alerts})")
    console.print(f"full ranking written to {out}")


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: Annotated[
        str | None, typer.Option(help="Model folder or MLflow URI (default: the champion).")
    ] = None,
    alerts: AlertsOption = None,
    register: RegisterOption = None,
    scoring_processes: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Processes that score sites, fed from one queue (default: "
            "SCAMRANK_SCORING_PROCESSES, else one per core; 0: score in the HTTP process).",
        ),
    ] = None,
) -> None:
    """Run the HTTP triage service (settings from SCAMRANK_* environment variables)."""
    import uvicorn

    from serve.app import create_app, server_options
    from serve.live import live_capture
    from serve.settings import read_settings, serving_processes

    try:
        settings = read_settings()  # refuses weak or malformed keys, naming the entry
        settings.scoring_processes = serving_processes(settings, scoring_processes)
        scorer = _scorer(model or settings.model)
        alerts_path = alerts or settings.alerts  # the option wins over SCAMRANK_ALERTS
        index = load_index(alerts_path) if alerts_path else None
        # the option wins over SCAMRANK_REGISTER
        register_path = register or settings.register_folder
        # opened once for the service's lifetime; a folder that is no register is refused now
        opened = open_register(Path(register_path), register_cache()) if register_path else None
    except (ModelError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if not settings.keys():
        err.print("warning: no API keys configured (SCAMRANK_API_KEYS): every request is refused")
    n = settings.scoring_processes
    where = f"{n} processes" if n else "in the HTTP process"
    console.print(f"serving model {scorer.version} on http://{host}:{port}/ (scoring: {where})")
    if index is not None:
        console.print(f"matching listings against {len(index)} Safety Gate alerts ({alerts_path})")
    if register_path is not None:
        console.print(f"company register: {register_path}")
    service = create_app(settings, scorer, live_capture(settings), alerts=index, register=opened)
    settle_heap()  # the model, alerts and register are loaded: long-lived from here on
    uvicorn.run(  # idle connections and header blocks bounded: see server_options
        service,
        host=host,
        port=port,
        **server_options(settings),
    )


@app.command("synth")
def synth_cmd(
    out: Annotated[Path, typer.Argument(help="Folder to write the case bundle to.")],
    sites: Annotated[int, typer.Option(help="Number of sites.")] = 360,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed writes the same bundle.")
    ] = 7,
) -> None:
    """Write a synthetic case bundle (the committed sample is `synth data/sample`)."""
    from synth.bundle import generate_bundle  # the one allowed import of synth, kept lazy

    summary = generate_bundle(out, n_sites=sites, seed=seed)
    console.print(", ".join(f"{k}: {v}" for k, v in summary.items()))


def main() -> None:
    settle_heap()  # the modules above are loaded: the collector need not walk them again
    app()
