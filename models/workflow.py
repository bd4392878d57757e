"""Bundle-level steps that the command line, the service and the notebooks share: read one or
several case bundles into a (cached) feature table, train and evaluate on it, score it (or capture
reported sites into a bundle and score them), write the results."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from capture.bundle import Bundle, open_bundle
from capture.files import atomic_write
from capture.register import Register
from capture.reported import Reported
from capture.site import Case
from capture.spreadsheet import neutralise
from features.catalogue import FEATURE_NAMES
from models.artifact import ModelMeta, save_model
from models.bundles import BundleSource, combine, sources_of
from models.cache import RowCache
from models.evaluate import figures
from models.identity import add_link_features, fill_identity, open_register
from models.scorer import Scorer
from models.table import build_table, feature_matrix
from models.train import TrainResult, labelled, labels_of, train

if TYPE_CHECKING:  # live capture (httpx and its stack) loads only in the runs that capture
    from capture.live import LiveOptions, LiveRun, SiteOutcome

log = logging.getLogger(__name__)


@dataclass
class TableOptions:
    """How feature tables are built: where the row cache lives (None: no cache), how many
    processes extract (-1: all cores), and whether a progress bar shows."""

    cache: Path | None = None
    n_jobs: int = -1
    progress: bool = False
    register: Path | None = None  # a folder of INSEE's SIRENE stock files (None: no register)
    register_cache: Path | None = None  # CSV stock files converted to Parquet (models/identity.py)
    # Extract on a Dask cluster instead (models/cluster.py): "local" for a LocalCluster of this
    # machine's cores, or a scheduler address such as tcp://host:8786. None: here, with n_jobs.
    dask: str | None = None


def _open_register(options: TableOptions, given: Register | None) -> Register | None:
    """The run's register: the one given, else the options' folder opened (None: none)."""
    if given is not None or options.register is None:
        return None
    return open_register(options.register, options.register_cache)


def bundle_table(
    bundle_dir: Path,
    options: TableOptions | None = None,
    case_ids: Collection[str] | None = None,
    register: Register | None = None,
    keep_register: bool = False,
) -> tuple[pd.DataFrame, list[str]]:
    """The feature table of every case of a bundle (or of those in `case_ids`), and the
    bundle's warnings. Register facts come from the bundle's `register/` rows, then from
    `register` (or the options' folder); with `keep_register` (a bundle a capture wrote) the rows
    consulted are kept in it as evidence."""
    options = options or TableOptions()
    bundle = None if options.dask else open_bundle(bundle_dir)  # a cluster indexes it itself
    opened = _open_register(options, register)  # a bad folder is refused before any work
    try:
        if bundle is None:
            table, warnings = _cluster_rows(bundle_dir, options, case_ids)
        else:
            table, warnings = _bundle_rows(bundle_dir, bundle, options, case_ids), bundle.warnings
        problems = fill_identity(table, bundle_dir, register or opened, keep_register)
    finally:
        if opened is not None:
            opened.close()
    return table, [*warnings, *problems]


def _cluster_rows(
    bundle_dir: Path, options: TableOptions, case_ids: Collection[str] | None
) -> tuple[pd.DataFrame, list[str]]:
    """The rows of `_bundle_rows`, built on the Dask cluster of `options.dask`."""
    from models.cluster import cluster_table  # Dask is imported only by runs that use it

    table, cases, warnings = cluster_table(
        bundle_dir, options.dask or "local", case_ids, options.cache, options.progress
    )
    table["decided_at"] = _decided_at(cases)
    return table, warnings


def _bundle_rows(
    bundle_dir: Path, bundle: Bundle, options: TableOptions, case_ids: Collection[str] | None
) -> pd.DataFrame:
    cases = [c for c in bundle.cases if case_ids is None or c.case_id in case_ids]
    cache = RowCache(options.cache) if options.cache else None
    try:
        table = build_table(
            (bundle.site(case) for case in cases),
            cache=cache,
            n_jobs=options.n_jobs,
            total=len(cases),
            progress=options.progress,
        )
        if cache:
            table.attrs["cache"] = {"hits": cache.hits, "misses": cache.misses}
    finally:
        if cache:
            cache.close()
    table["decided_at"] = _decided_at(cases)
    return table


def _decided_at(cases: Sequence[Case]) -> pd.Series | pd.DatetimeIndex:
    """The verdict's date, beside the features: what decides between two copies of one case."""
    return pd.to_datetime([case.decided_at for case in cases], utc=True).astype(
        "datetime64[ns, UTC]"
    )


@dataclass
class Combined:
    """The feature table of several bundles, each case once, and where it came from."""

    table: pd.DataFrame  # with a `bundle` column: the folder each row was taken from
    warnings: list[str]
    sources: list[BundleSource]


def bundles_table(bundle_dirs: Sequence[Path], options: TableOptions | None = None) -> Combined:
    """The combined feature table of bundles given in order (history first, then exports): a case
    in several bundles counts once, with its latest verdict (see models.bundles.combine)."""
    if not bundle_dirs:
        raise ValueError("no case bundle given")
    tables: list[pd.DataFrame] = []
    warnings: list[str] = []
    hits = misses = 0
    options = options or TableOptions()
    register = _open_register(options, None)  # opened once for the run
    try:
        for bundle_dir in bundle_dirs:
            table, found = bundle_table(bundle_dir, options, register=register)
            tables.append(table)
            warnings.extend(
                found if len(bundle_dirs) == 1 else [f"{bundle_dir}: {w}" for w in found]
            )
            hits += table.attrs.get("cache", {}).get("hits", 0)
            misses += table.attrs.get("cache", {}).get("misses", 0)
    finally:
        if register is not None:
            register.close()
    combined = combine(tables, [str(d) for d in bundle_dirs])
    # Links across the bundles: a case of the history links a new export's case.
    add_link_features(combined)
    if options.cache:
        combined.attrs["cache"] = {"hits": hits, "misses": misses}
    return Combined(combined, warnings, sources_of(bundle_dirs, tables, combined))


FEATURE_TABLE_SUFFIXES = (".parquet", ".csv")


def write_features(table: pd.DataFrame, out: Path) -> Path:
    """Write a feature table as Parquet or CSV (by the file's suffix), all at once."""
    suffix = out.suffix.lower()
    if suffix not in FEATURE_TABLE_SUFFIXES:
        raise ValueError(f"{out}: write the feature table to a .parquet or a .csv file")
    if suffix == ".csv":
        return write_csv(table, out)
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return atomic_write(out, buffer.getvalue())


@dataclass
class Trained:
    result: TrainResult  # the model, what the Scorer needs, and its time-forward evaluation
    plots: list[Path]
    model_dir: Path
    cache: dict[str, int]  # feature rows read from the cache ("hits") and extracted ("misses")
    sources: list[BundleSource] = field(default_factory=list)  # the bundles it was trained on

    @property
    def meta(self) -> ModelMeta:
        return self.result.meta


def train_bundle(
    bundle_dir: Path | Sequence[Path],
    model_out: Path,
    seed: int = 0,
    options: TableOptions | None = None,
    p1_precision: float = 0.90,
    p2_recall: float = 0.95,
) -> Trained:
    """Train on the labelled cases of one bundle or several (combined as `bundles_table` does);
    save the model folder with its evaluation plots. training.json names every bundle used."""
    dirs = [bundle_dir] if isinstance(bundle_dir, Path | str) else list(bundle_dir)
    combined = bundles_table([Path(d) for d in dirs], options)
    table = combined.table
    result = train(table, seed=seed, p1_precision=p1_precision, p2_recall=p2_recall)
    result.meta.training["bundle"] = ", ".join(str(d) for d in dirs)
    result.meta.training["bundles"] = [source.as_dict() for source in combined.sources]
    result.meta.training["bundle_warnings"] = len(combined.warnings)
    save_model(model_out, result.booster, result.meta)
    plots: list[Path] = []
    if result.evaluation is not None:
        from models.plots import write_plots  # matplotlib loads in 0.5 s: only when plotting

        test = result.evaluation.test
        plots = write_plots(
            model_out / "plots",
            test["score"].to_numpy(float),
            test["label"].to_numpy(int),
            list(FEATURE_NAMES),
            result.evaluation.mean_abs_contribution,
        )
    return Trained(result, plots, model_out, table.attrs.get("cache", {}), combined.sources)


def evaluate_table(
    scorer: Scorer, table: pd.DataFrame, out_dir: Path | None
) -> tuple[dict[str, float], list[Path]]:
    """Figures (and plots, when `out_dir` is given) of a model on the labelled rows of a table."""
    rows = labelled(table)
    scored = scorer.score_table(rows).set_index("case_id").loc[rows["case_id"]]
    scores, y = scored["score"].to_numpy(float), labels_of(rows)
    result = figures(scores, y)
    plots: list[Path] = []
    if out_dir is not None:
        from models.plots import write_plots  # matplotlib loads in 0.5 s: only when plotting

        contributions = scorer.booster.predict(feature_matrix(rows), pred_contrib=True)[:, :-1]
        plots = write_plots(
            out_dir, scores, y, list(FEATURE_NAMES), np.abs(contributions).mean(axis=0)
        )
    return result, plots


def score_bundle(
    bundle_dir: Path,
    scorer: Scorer,
    options: TableOptions | None = None,
    case_ids: Collection[str] | None = None,
    keep_register: bool = False,
) -> tuple[pd.DataFrame, list[str]]:
    """Ranked scores of a bundle's cases (or of those in `case_ids`), and its warnings. Only a
    bundle a capture wrote keeps the register rows consulted (`keep_register`): batch scoring
    never writes into its input."""
    table, warnings = bundle_table(bundle_dir, options, case_ids, keep_register=keep_register)
    return scorer.score_table(table), warnings


def score_live(
    items: Sequence[Reported],
    bundle_dir: Path,
    scorer: Scorer,
    live: LiveOptions | None = None,
    options: TableOptions | None = None,
    on_site: Callable[[SiteOutcome], None] | None = None,
) -> tuple[pd.DataFrame, list[str], LiveRun]:
    """Capture reported sites into the bundle at `bundle_dir`, then score them from it.

    Scoring reads the bundle the capture wrote, through the same path as `score_bundle`: the
    evidence kept gives the same scores when scored again later.
    """
    from capture.live import run_capture

    run = run_capture(items, bundle_dir, live, on_site)
    scores, warnings = score_bundle(
        bundle_dir, scorer, options, {i.case_id for i in items}, keep_register=True
    )
    return scores, warnings, run


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a CSV all at once: a reader never sees half a file, a crash leaves the old one.

    Free text (reasons, notes, registrar...) that a spreadsheet would run as a formula is
    neutralised; case ids and URLs are written as they are, so rows join back to cases.csv.
    """
    safe = frame.copy()
    for column in safe.columns:
        if column == "case_id" or column == "url" or str(column).endswith("_url"):
            continue
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column].dtype):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return atomic_write(path, safe.to_csv(index=False).encode("utf-8"))
