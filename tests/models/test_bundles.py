"""Several bundles as one table: each case once with its latest verdict, clashing case ids
refused, the bundles that went in recorded; and the feature table written as Parquet or CSV."""

from __future__ import annotations

import csv
import hashlib
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from capture.bundle import BundleError
from features.catalogue import FEATURE_NAMES
from models.bundles import combine
from models.workflow import TableOptions, bundles_table, train_bundle, write_features

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _rows(*rows: tuple[str, str, str, datetime | None]) -> pd.DataFrame:
    """(case_id, url, outcome, decided_at) rows, all reported at T0."""
    return pd.DataFrame(
        {
            "case_id": [r[0] for r in rows],
            "url": [r[1] for r in rows],
            "reported_at": [T0] * len(rows),
            "outcome": [r[2] for r in rows],
            "decided_at": pd.to_datetime([r[3] for r in rows], utc=True),
            "error": "",
        }
    )


def test_a_case_in_two_bundles_counts_once_with_the_latest_verdict() -> None:
    history = _rows(("h1", "https://Shop.fr", "legit", T0 + timedelta(days=40)))
    export = _rows(("x-1", "https://shop.fr/", "fraud", T0 + timedelta(days=3)))
    combined = combine([history, export], ["history", "export"])
    assert combined[["case_id", "outcome", "bundle"]].values.tolist() == [
        ["h1", "legit", "history"]
    ]


def test_an_undated_verdict_counts_as_decided_thirty_days_after_the_report() -> None:
    history = _rows(("h1", "https://shop.fr/", "legit", None))  # taken as T0 + 30 days
    early = _rows(("x-1", "https://shop.fr/", "fraud", T0 + timedelta(days=29)))
    late = _rows(("x-1", "https://shop.fr/", "fraud", T0 + timedelta(days=31)))
    assert combine([history, early], ["h", "e"])["outcome"].tolist() == ["legit"]
    assert combine([history, late], ["h", "e"])["outcome"].tolist() == ["fraud"]


def test_on_a_tie_the_bundle_given_later_wins() -> None:
    when = T0 + timedelta(days=5)
    one = _rows(("a", "https://shop.fr/", "legit", when))
    two = _rows(("b", "https://shop.fr/", "fraud", when))
    assert combine([one, two], ["1", "2"])["case_id"].tolist() == ["b"]
    assert combine([two, one], ["2", "1"])["case_id"].tolist() == ["a"]


def test_a_verdict_beats_a_copy_without_one() -> None:
    decided = _rows(("a", "https://shop.fr/", "fraud", T0 + timedelta(days=1)))
    pending = _rows(("b", "https://shop.fr/", "", None))
    assert combine([decided, pending], ["1", "2"])["outcome"].tolist() == ["fraud"]


def test_other_report_times_are_other_cases() -> None:
    one = _rows(("a", "https://shop.fr/", "fraud", None))
    two = _rows(("b", "https://shop.fr/", "legit", None)).assign(reported_at=T0 + timedelta(1))
    assert len(combine([one, two], ["1", "2"])) == 2


def test_one_case_id_for_two_different_cases_names_both_bundles() -> None:
    one = _rows(("c7", "https://one.fr/", "fraud", None))
    two = _rows(("c7", "https://two.fr/", "legit", None))
    with pytest.raises(BundleError) as caught:
        combine([one, two], ["history/", "verdicts/"])
    message = str(caught.value)
    assert "'c7'" in message and "history/" in message and "verdicts/" in message


def write_export(folder: Path, n: int = 20) -> Path:
    """An export of verdicts on `n` labelled sample cases: re-decided later with the other outcome,
    under other ids, with the sample's evidence copied in."""
    shutil.copytree(SAMPLE / "snapshots", folder / "snapshots")
    shutil.copytree(SAMPLE / "rdap", folder / "rdap")
    with (SAMPLE / "cases.csv").open(encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle) if r["outcome"]][:n]
    with (folder / "cases.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["case_id", "url", "reported_at", "outcome", "decided_at"])
        for row in rows:
            flipped = "legit" if row["outcome"] == "fraud" else "fraud"
            writer.writerow([f"store9-{row['case_id']}", row["url"], row["reported_at"], flipped,
                             "2026-01-01T00:00:00Z"])  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_export(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory, sample_feature_cache: Path) -> TableOptions:
    """A row cache of the module's own, starting with the sample's rows (extracted once a run,
    tests/conftest.py): these tests are about combining bundles, not about extracting them."""
    path = tmp_path_factory.mktemp("cache") / "features.sqlite"
    shutil.copyfile(sample_feature_cache, path)
    return TableOptions(cache=path, n_jobs=1)


def test_history_and_export_combine_into_one_table_with_the_new_verdicts(
    export: Path, cache: TableOptions
) -> None:
    combined = bundles_table([SAMPLE, export], cache)
    table = combined.table
    assert len(table) == 360  # the 20 re-decided cases count once
    from_export = table[table["bundle"] == str(export)]
    assert len(from_export) == 20 and from_export["case_id"].str.startswith("store9-").all()
    sample = pd.read_csv(SAMPLE / "cases.csv").set_index("case_id")["outcome"]
    original = sample.loc[from_export["case_id"].str.removeprefix("store9-")].to_numpy()
    assert (from_export["outcome"].to_numpy() != original).all()  # the later verdict won
    sha = hashlib.sha256((export / "cases.csv").read_bytes()).hexdigest()
    assert [(s.path, s.cases, s.kept) for s in combined.sources] == [
        (str(SAMPLE), 360, 340),
        (str(export), 20, 20),
    ]
    assert combined.sources[1].cases_sha256 == sha


def test_training_json_names_each_bundle_with_its_fingerprint(
    export: Path, cache: TableOptions, tmp_path: Path
) -> None:
    trained = train_bundle([SAMPLE, export], tmp_path / "model", options=cache)
    bundles = trained.meta.training["bundles"]
    assert [b["path"] for b in bundles] == [str(SAMPLE), str(export)]
    sha = hashlib.sha256((SAMPLE / "cases.csv").read_bytes()).hexdigest()
    assert bundles[0]["cases_sha256"] == sha
    saved = (tmp_path / "model" / "scorer.json").read_text(encoding="utf-8")
    assert sha in saved and '"fitted_until"' in saved


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_the_feature_table_is_written_with_every_feature(
    suffix: str, export: Path, cache: TableOptions, tmp_path: Path
) -> None:
    table = bundles_table([SAMPLE], cache).table
    out = write_features(table, tmp_path / f"table{suffix}")
    back = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out)
    expected = ["case_id", "outcome", "reported_at", "decided_at", "platform", *FEATURE_NAMES]
    assert set(expected) <= set(back.columns) and len(back) == 360
    assert back["domain_age_days"].notna().sum() > 200


def test_a_feature_table_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"table\.xlsx: .*\.parquet or a \.csv"):
        write_features(pd.DataFrame({"a": [1]}), tmp_path / "table.xlsx")
