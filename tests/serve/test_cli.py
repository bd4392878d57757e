"""Train, score, evaluate and serve the committed sample through the `scamrank` command line
(in this process, tests/command.py; `serve` through the console script), with a real MLflow
store and feature cache in a temporary folder. The cache starts with the run's rows of the
sample (tests/conftest.py) less 20 of them: the module's first `train` extracts exactly those
and stores them, and every later command reads all 360 from it. The commands that need no
trained model are in tests/serve/test_cli_commands.py."""

import csv
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.command import scamrank
from tests.models.test_bundles import write_export
from tests.serve import calls

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SCAMRANK = Path(sys.executable).parent / "scamrank"
DROPPED = 20  # sample rows left out of the module's cache: the first `train` extracts them


@pytest.fixture(scope="module")
def workdir(
    tmp_path_factory: pytest.TempPathFactory, empty_mlflow_db: Path, sample_feature_cache: Path
) -> Path:
    """The commands' folder: an empty MLflow store, and a feature cache of the sample's rows
    less `DROPPED` of them (tests/conftest.py)."""
    folder = tmp_path_factory.mktemp("work")
    shutil.copyfile(empty_mlflow_db, folder / "mlflow.db")
    shutil.copyfile(sample_feature_cache, folder / "features.sqlite")
    with sqlite3.connect(folder / "features.sqlite") as db:
        db.execute("DELETE FROM rows WHERE key IN (SELECT key FROM rows LIMIT ?)", (DROPPED,))
    return folder


def _run(
    workdir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        "MLFLOW_TRACKING_URI": f"sqlite:///{workdir / 'mlflow.db'}",
        "SCAMRANK_FEATURE_CACHE": str(workdir / "features.sqlite"),
        **(env or {}),
    }
    return scamrank(*args, cwd=workdir, env=env)


@pytest.fixture(scope="module")
def trained(workdir: Path) -> Path:
    model = workdir / "model"
    result = _run(workdir, "train", str(SAMPLE), "--model-out", str(model), "--promote")
    assert result.returncode == 0, result.stderr
    assert "time-forward test" in result.stdout
    extracted = f"feature rows: {360 - DROPPED} from the cache, {DROPPED} extracted"
    assert extracted in result.stdout  # the rows missing from the cache, and only those
    assert "promotion gate (no-champion): promoted to champion; no champion yet" in result.stdout
    return model


def test_a_second_train_reads_features_from_the_cache(trained: Path, workdir: Path) -> None:
    result = _run(workdir, "train", str(SAMPLE), "--model-out", str(workdir / "m2"), "--no-track")
    assert result.returncode == 0, result.stderr
    assert "feature rows: 360 from the cache, 0 extracted" in result.stdout


def test_score_without_a_model_uses_the_champion(trained: Path, workdir: Path) -> None:
    out = workdir / "champion.csv"
    result = _run(workdir, "score", str(SAMPLE), "--out", str(out), "--top", "0")
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (trained / "scorer.json").open(encoding="utf-8") as f:
        assert rows[0]["model_version"] in f.read()


def test_evaluate_prints_figures_and_writes_plots(trained: Path, workdir: Path) -> None:
    plots = workdir / "plots"
    result = _run(
        workdir, "evaluate", str(SAMPLE), "--model", str(trained), "--out-dir", str(plots)
    )
    assert result.returncode == 0, result.stderr
    assert "ROC AUC" in result.stdout and "recall at 1% FPR" in result.stdout
    assert sorted(p.name for p in plots.glob("*.png")) == [
        "importance.png",
        "precision_recall.png",
        "reliability.png",
        "roc.png",
    ]


def test_train_writes_a_model_folder(trained: Path) -> None:
    assert (trained / "model.txt").is_file()
    assert (trained / "scorer.json").is_file()


def test_score_writes_one_ranked_explained_row_per_case(trained: Path, workdir: Path) -> None:
    out = workdir / "scores.csv"
    result = _run(workdir, "score", str(SAMPLE), "--model", str(trained), "--out", str(out))
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
    assert scores == sorted(scores, reverse=True)
    # Each priority is the one the model's thresholds give its score (the CSV rounds scores to
    # 4 places, so a score within that rounding of a threshold is left out of the check).
    thresholds = json.loads((trained / "scorer.json").read_text(encoding="utf-8"))["thresholds"]
    p1, p2 = thresholds["P1"], thresholds["P2"]
    for r, s in zip(scored, scores, strict=True):
        if min(abs(s - p1), abs(s - p2)) > 5e-5:
            assert r["priority"] == ("P1" if s >= p1 else "P2" if s >= p2 else "P3"), r
    assert {r["priority"] for r in scored} == {"P1", "P2", "P3"}  # the sample has all three
    assert all(1 <= len(r["reasons"].split(" | ")) <= 5 for r in scored if r["priority"] != "P3")
    for r in rows[len(scored) :]:
        assert r["priority"] == "" and r["reasons"].startswith("not scored:")
    frauds_on_top = [r["outcome"] for r in rows[:30]].count("fraud")
    assert frauds_on_top >= 15  # the top of the ranking is mostly frauds, even on training data


def test_serve_command_answers_health_ready_and_openapi(trained: Path, workdir: Path) -> None:
    import socket
    import time

    import httpx
    import psutil

    from tests.serve.test_app import PAGES
    from tests.serve.test_scoring_pool import scoring_children

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "SCAMRANK_API_KEYS": "cli-reader-key-0a1b2c3d:reader",
        "SCAMRANK_DATABASE_URL": f"sqlite:///{workdir / 'cases.sqlite'}",
        "MLFLOW_TRACKING_URI": f"sqlite:///{workdir / 'mlflow.db'}",
    }
    process = subprocess.Popen(
        [str(SCAMRANK), "serve", "--port", str(port), "--model", str(trained)],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if calls.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        ready = calls.get(f"{base}/ready").json()
        assert ready["ready"] is True and ready["model"]
        paths = calls.get(f"{base}/openapi.json").json()["paths"]
        assert {
            "/v1/score",
            "/v1/cases",
            "/v1/cases/{case_id}",
            "/v1/cases/{case_id}/outcome",
        } <= set(paths)
        reader = {"Authorization": "Bearer cli-reader-key-0a1b2c3d"}
        assert calls.get(f"{base}/v1/cases", headers=reader).status_code == 200
        # Sites are scored in one spawned process per core (serve/scoring_pool.py).
        assert len(scoring_children(psutil.Process(process.pid))) == (os.cpu_count() or 1)
        scored = calls.post(f"{base}/v1/score", headers=reader, json=PAGES)
        assert scored.status_code == 200 and scored.json()["score"] is not None
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_train_on_history_and_export_names_each_bundle_and_runs_the_gate(
    trained: Path, workdir: Path, tmp_path: Path
) -> None:
    export = write_export(tmp_path / "export")
    model = workdir / "combined"
    result = _run(workdir, "train", str(SAMPLE), str(export), "--model-out", str(model))
    assert result.returncode == 0, result.stderr
    assert f"bundle {SAMPLE}: 360 cases, 340 kept" in result.stdout
    assert f"bundle {export}: 20 cases, 20 kept" in result.stdout
    pattern = (
        r"promotion gate \((better|not-better)\): not promoted; .* on the same (\d+) "
        r"cases \((\d+) fraud, (\d+) legit\) reported after"
    )
    gate = re.search(pattern, result.stdout)
    assert gate, result.stdout
    assert int(gate[2]) == int(gate[3]) + int(gate[4]) >= 30
    run_id = re.search(r"run ([0-9a-f]{32})", result.stdout)[1]
    from mlflow import MlflowClient

    from models.tracking import configure

    configure(f"sqlite:///{workdir / 'mlflow.db'}")
    run = MlflowClient().get_run(run_id).data
    assert run.params["bundle.0.path"] == str(SAMPLE) and run.params["bundle.1.path"] == str(export)
    sha = hashlib.sha256((export / "cases.csv").read_bytes()).hexdigest()
    assert run.params["bundle.1.cases_sha256"] == sha
    assert run.metrics["gate.cases"] == int(gate[2]) and run.tags["gate.decision"] == gate[1]
    training = json.loads((model / "scorer.json").read_text(encoding="utf-8"))["training"]
    assert [b["cases_sha256"] for b in training["bundles"]][1] == sha
