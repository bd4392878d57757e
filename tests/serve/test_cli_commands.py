"""The `scamrank` commands that need no trained model, through the real command: wrong input
refused by name, `features` on several bundles, one case id naming two cases, `cases export`.

Apart from tests/serve/test_cli.py (train, score, evaluate, serve on one trained model) so that
pytest-xdist gives the two files to two workers. Their feature cache starts as a copy of the
sample's rows, extracted once a run (tests/conftest.py): none of them is about the extraction."""

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from features.catalogue import FEATURE_NAMES
from tests.models.test_bundles import write_export
from tests.serve.test_cli import SAMPLE, _run


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, sample_feature_cache: Path) -> Path:
    """A folder of its own for the commands' stores, with the sample's rows already cached."""
    folder = tmp_path_factory.mktemp("work")
    shutil.copyfile(sample_feature_cache, folder / "features.sqlite")  # _run's feature cache
    return folder


def test_score_with_a_missing_model_fails_clearly(workdir: Path, tmp_path: Path) -> None:
    result = _run(
        workdir,
        "score",
        str(SAMPLE),
        "--model",
        str(tmp_path / "none"),
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert result.returncode == 2
    assert "not a scamrank model folder" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_train_on_a_folder_without_cases_fails_clearly(workdir: Path, tmp_path: Path) -> None:
    result = _run(workdir, "train", str(tmp_path), "--model-out", str(tmp_path / "m"))
    assert result.returncode == 2
    assert "cases.csv" in result.stderr


def test_features_writes_the_table_of_several_bundles(workdir: Path, tmp_path: Path) -> None:
    export = write_export(tmp_path / "export", n=5)
    out = tmp_path / "table.parquet"
    result = _run(workdir, "features", str(SAMPLE), str(export), "--out", str(out))
    assert result.returncode == 0, result.stderr
    table = pd.read_parquet(out)
    assert len(table) == 360 and (table["bundle"] == str(export)).sum() == 5
    assert {"case_id", "outcome", "reported_at", "platform", *FEATURE_NAMES} <= set(table.columns)
    # Refused whatever the bundle: the small one, so that the command has less to read first.
    refused = _run(workdir, "features", str(export), "--out", str(tmp_path / "table.xlsx"))
    assert refused.returncode == 2 and ".parquet or a .csv" in refused.stderr


def test_cases_export_since_through_the_command(workdir: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from serve.store import Store, make_engine, migrate

    database = f"sqlite:///{tmp_path / 'cases.sqlite'}"
    engine = make_engine(database)
    migrate(engine)
    store = Store(engine)
    case = store.report(
        "https://shop.example/", "shop.example", None, datetime(2025, 1, 1, tzinfo=UTC)
    )
    store.record_verdict(case.case_id, "fraud", "note", None, author="ana")
    env = {"SCAMRANK_DATABASE_URL": database}
    out = tmp_path / "verdicts"
    later = _run(workdir, "cases", "export", str(out), "--since", "2999-01-01", env=env)
    assert later.returncode == 0, later.stderr
    assert "0 decided cases written" in later.stdout and "1 decided before" in later.stdout
    now = _run(workdir, "cases", "export", str(out), "--since", "2025-01-01", env=env)
    assert "1 decided cases written" in now.stdout and "1 added" in now.stdout
    with (out / "cases.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["case_id"] for r in rows] == [f"{store.store_id()}-{case.case_id}"]
    assert rows[0]["decided_at"].startswith(str(datetime.now(UTC).year))
    bad = _run(workdir, "cases", "export", str(out), "--since", "last week", env=env)
    assert bad.returncode == 2 and "--since 'last week'" in bad.stderr


def test_one_case_id_for_two_cases_in_two_bundles_is_refused(workdir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "cases.csv").write_text(
        "case_id,url,reported_at,outcome\nC000001,https://not-the-same.example/,2025-05-01,fraud\n",
        encoding="utf-8",
    )
    out = tmp_path / "table.csv"
    result = _run(workdir, "features", str(SAMPLE), str(other), "--out", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'C000001' names two different cases" in result.stderr
    assert str(SAMPLE) in result.stderr and str(other) in result.stderr
    assert not out.exists()
