"""Train then score the committed sample through the real `scamrank` command."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SCAMRANK = Path(sys.executable).parent / "scamrank"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCAMRANK), *args], capture_output=True, text=True, timeout=600, cwd=ROOT
    )


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = tmp_path_factory.mktemp("run") / "model"
    result = _run("train", str(SAMPLE), "--model-out", str(model))
    assert result.returncode == 0, result.stderr
    assert "time-forward test" in result.stdout
    return model


def test_train_writes_a_model_folder(trained: Path) -> None:
    assert (trained / "model.txt").is_file()
    assert (trained / "scorer.json").is_file()


def test_score_writes_one_ranked_explained_row_per_case(trained: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    result = _run("score", str(SAMPLE), "--model", str(trained), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "full ranking written to" in result.stdout
    with (SAMPLE / "cases.csv").open(encoding="utf-8-sig") as f:
        case_ids = [row["case_id"] for row in csv.DictReader(f)]
    with out.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames[:6] == ["case_id", "url", "score", "rank", "priority", "reasons"]
        rows = list(reader)
    assert sorted(r["case_id"] for r in rows) == sorted(case_ids)
    assert [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
    scored = [r for r in rows if r["score"]]
    assert len(scored) >= 0.9 * len(rows)
    scores = [float(r["score"]) for r in scored]
    assert scores == sorted(scores, reverse=True) and 0 <= min(scores) <= max(scores) <= 1
    assert all(r["priority"] in {"P1", "P2", "P3"} for r in scored)
    assert all(1 <= len(r["reasons"].split(" | ")) <= 5 for r in scored if r["priority"] != "P3")
    for r in rows[len(scored) :]:
        assert r["priority"] == "" and r["reasons"].startswith("not scored:")
    frauds_on_top = [r["outcome"] for r in rows[:30]].count("fraud")
    assert frauds_on_top >= 15  # the top of the ranking is mostly frauds, even on training data


def test_score_with_a_missing_model_fails_clearly(tmp_path: Path) -> None:
    result = _run(
        "score", str(SAMPLE), "--model", str(tmp_path / "none"), "--out", str(tmp_path / "x.csv")
    )
    assert result.returncode == 2
    assert "not a scamrank model folder" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_train_on_a_folder_without_cases_fails_clearly(tmp_path: Path) -> None:
    result = _run("train", str(tmp_path), "--model-out", str(tmp_path / "m"))
    assert result.returncode == 2
    assert "cases.csv" in result.stderr
