"""`scamrank alerts update` and `--alerts` through the command line (in this process,
tests/command.py): a real DuckDB index built from the fixture Safety Gate files, a real case
bundle scored with a model folder."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.command import scamrank
from tests.models.alert_shops import CHARGER_TEXT, FIXTURES, REPORT, write_alert_bundle


def _run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`scamrank *args` in this process (tests/command.py), with no SCAMRANK_ALERTS unless given."""
    environment: dict[str, str | None] = {
        "SCAMRANK_ALERTS": None,
        "MLFLOW_TRACKING_URI": f"sqlite:///{cwd / 'mlflow.db'}",
        **env,
    }
    return scamrank(*args, cwd=cwd, env=environment)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory, small_model_dir: Path) -> Path:
    """A folder with a model, a case bundle of three shops and an alert index of the fixture."""
    root = tmp_path_factory.mktemp("alerts-cli")
    shutil.copytree(small_model_dir, root / "model")  # train(_table()), trained once a run
    write_alert_bundle(root / "bundle")
    loaded = _run(root, "alerts", "update", str(REPORT), "--db", str(root / "alerts.duckdb"))
    assert loaded.returncode == 0, loaded.stderr
    return root


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["case_id"]: row for row in csv.DictReader(handle)}


def test_update_prints_the_counts_and_a_reload_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "idx" / "alerts.duckdb"
    first = _run(tmp_path, "alerts", "update", str(REPORT), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 alerts read: 3 added, 0 replaced, 0 unchanged; 3 in the index" in first.stdout
    again = _run(tmp_path, "alerts", "update", str(REPORT), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "3 alerts read: 0 added, 0 replaced, 3 unchanged; 3 in the index" in again.stdout


def test_the_default_index_is_artifacts_alerts_duckdb(tmp_path: Path) -> None:
    result = _run(tmp_path, "alerts", "update", str(REPORT))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "artifacts" / "alerts.duckdb").is_file()


def test_broken_and_missing_files_are_named_and_the_others_loaded(tmp_path: Path) -> None:
    missing = tmp_path / "absent.xml"
    broken = FIXTURES / "broken-record.xml"
    result = _run(
        tmp_path,
        "alerts",
        "update",
        str(FIXTURES / "truncated.xml"),
        str(missing),
        str(broken),
        str(REPORT),
        "--db",
        str(tmp_path / "a.duckdb"),
    )
    assert result.returncode == 0, result.stderr
    # truncated: 1 record before the break; broken-record: 2 of 3; the report: 3
    assert "6 alerts read: 6 added" in result.stdout and "3 problems" in result.stdout
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem: ")]
    assert len(problems) == 3
    assert f"problem: {FIXTURES / 'truncated.xml'}: not well-formed XML" in problems[0]
    assert f"problem: {missing}: cannot be read" in problems[1]
    assert f"problem: {broken} record 2: " in problems[2]


def test_nothing_loadable_exits_2_naming_each_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.xml"
    text.write_text("this is not XML", encoding="utf-8")
    missing = tmp_path / "absent.xml"
    result = _run(
        tmp_path, "alerts", "update", str(text), str(missing), "--db", str(tmp_path / "a.duckdb")
    )
    assert result.returncode == 2
    assert f"problem: {text}: not well-formed XML" in result.stderr
    assert f"problem: {missing}: cannot be read" in result.stderr
    assert "no alert could be read from the 2 file(s) given" in result.stderr


def test_score_with_alerts_names_the_alerted_product_and_keeps_the_scores(work: Path) -> None:
    model, bundle = str(work / "model"), str(work / "bundle")
    common = ("--model", model, "--no-cache", "--jobs", "1")
    plain = _run(work, "score", bundle, "--out", str(work / "plain.csv"), *common)
    assert plain.returncode == 0, plain.stderr
    alerted = _run(
        work,
        "score",
        bundle,
        "--out",
        str(work / "alerted.csv"),
        "--alerts",
        str(work / "alerts.duckdb"),
        *common,
    )
    assert alerted.returncode == 0, alerted.stderr
    assert "1 cases sell a product of a Safety Gate alert" in alerted.stdout
    without, with_alerts = _rows(work / "plain.csv"), _rows(work / "alerted.csv")
    assert with_alerts["alerted"]["alerts"] == CHARGER_TEXT
    assert with_alerts["decoy"]["alerts"] == "" and with_alerts["plain"]["alerts"] == ""
    assert all(row["alerts"] == "" for row in without.values())  # present, empty
    for case_id, row in without.items():
        for column in ("score", "rank", "priority", "reasons"):
            assert with_alerts[case_id][column] == row[column], (case_id, column)
    assert "listings" not in with_alerts["alerted"]


def test_score_with_a_file_that_is_no_alert_index_fails_naming_it(work: Path) -> None:
    bogus = work / "bogus.duckdb"
    bogus.write_text("not a database", encoding="utf-8")
    out = work / "never.csv"
    result = _run(
        work,
        "score",
        str(work / "bundle"),
        "--out",
        str(out),
        "--model",
        str(work / "model"),
        "--alerts",
        str(bogus),
    )
    assert result.returncode == 2
    assert f"{bogus}: not a Safety Gate alert index" in result.stderr
    assert not out.exists()


def test_serve_refuses_an_alert_index_that_is_not_one_and_the_option_wins(work: Path) -> None:
    keys = {"SCAMRANK_API_KEYS": "cli-reader-key-0a1b2c3d:reader"}
    missing = work / "nowhere.duckdb"
    from_setting = _run(
        work, "serve", "--model", str(work / "model"), SCAMRANK_ALERTS=str(missing), **keys
    )
    assert from_setting.returncode == 2
    assert f"{missing}: no Safety Gate alert index here" in from_setting.stderr
    # --alerts wins over SCAMRANK_ALERTS: the good setting is not used, the option is named
    option = _run(
        work,
        "serve",
        "--model",
        str(work / "model"),
        "--alerts",
        str(missing),
        SCAMRANK_ALERTS=str(work / "alerts.duckdb"),
        **keys,
    )
    assert option.returncode == 2
    assert f"{missing}: no Safety Gate alert index here" in option.stderr
