"""The register and the operator links through the `scamrank` command line (in this process,
tests/command.py): `links` writes the same operator groups on every run, `score --register`
gives the register's words and an operator column, `features --register` writes the register
facts, and a folder that is no register is refused by name."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from tests.command import scamrank
from tests.models.identity_shops import write_shops, write_world_register

BORROWED = 'SIREN 552 100 554 belongs to "PLOMBERIE MARTIN" (43.22A, Brest)'


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory, name_model_dir: Path) -> dict[str, Path]:
    """A bundle of the identity shops, their register, and a model for which a notice's name
    unlike the register's is the mark of fraud (trained once a run, tests/conftest.py)."""
    root = tmp_path_factory.mktemp("links")
    return {
        "root": root,
        "bundle": write_shops(root / "bundle"),
        "register": write_world_register(root / "register", "zip"),
        "model": shutil.copytree(name_model_dir, root / "model"),
    }


def _run(work: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    root = work["root"]
    env = {
        "MLFLOW_TRACKING_URI": f"sqlite:///{root / 'mlflow.db'}",
        "SCAMRANK_FEATURE_CACHE": str(root / "features.sqlite"),
        "SCAMRANK_REGISTER_CACHE": str(root / "register-cache"),
    }
    return scamrank(*args, cwd=root, env=env)


def test_links_names_the_same_operators_on_every_run(work: dict[str, Path]) -> None:
    first, second = work["root"] / "links1.csv", work["root"] / "links2.csv"
    for out in (first, second):
        result = _run(work, "links", str(work["bundle"]), "--out", str(out), "--jobs", "1")
        assert result.returncode == 0, result.stderr
    assert "6 cases: 3 linked in 1 operator groups" in result.stdout
    assert first.read_bytes() == second.read_bytes()
    links = pd.read_csv(first, keep_default_na=False).set_index("case_id")
    assert list(links.columns) == ["operator", "linked_cases", "shared"]
    assert links.loc["iban_a", "operator"] == links.loc["iban_c", "operator"]
    assert links.loc["iban_b", "linked_cases"] == 2
    assert "iban:LT121000011101001000" in links.loc["iban_b", "shared"].split(";")
    assert links.loc["honest", "linked_cases"] == 0 and links.loc["honest", "shared"] == ""


def test_score_with_a_register_names_it_and_each_case_s_operator(work: dict[str, Path]) -> None:
    out = work["root"] / "scores.csv"
    result = _run(
        work, "score", str(work["bundle"]), "--out", str(out), "--model", str(work["model"]),
        "--register", str(work["register"]), "--jobs", "1",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    scores = pd.read_csv(out, keep_default_na=False).set_index("case_id")
    assert BORROWED in scores.loc["borrowed", "reasons"]
    assert scores["operator"].str.startswith("op-").all()
    assert scores.loc["iban_a", "operator"] == scores.loc["iban_b", "operator"]
    assert not (work["bundle"] / "register").exists()  # batch scoring never writes its input
    # Without the register: its facts unknown, never the reason, and the notes say so.
    bare = _run(
        work, "score", str(work["bundle"]), "--out", str(out), "--model", str(work["model"]),
        "--jobs", "1",
    )  # fmt: skip
    assert bare.returncode == 0, bare.stderr
    scores = pd.read_csv(out, keep_default_na=False).set_index("case_id")
    assert "PLOMBERIE" not in " ".join(scores["reasons"])
    assert scores["notes"].str.contains("no company register given").all()


def test_features_with_a_register_writes_the_register_facts(work: dict[str, Path]) -> None:
    out = work["root"] / "features.csv"
    result = _run(
        work, "features", str(work["bundle"]), "--out", str(out), "--register",
        str(work["register"]), "--jobs", "1",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out).set_index("case_id")
    assert table.loc["borrowed", "register_name_similarity"] < 0.5
    assert table.loc["honest", "register_found"] == 1


def test_a_folder_that_is_no_register_is_refused_by_name(work: dict[str, Path]) -> None:
    empty = work["root"] / "no-register-here"
    empty.mkdir()
    result = _run(
        work, "score", str(work["bundle"]), "--out", str(work["root"] / "x.csv"), "--model",
        str(work["model"]), "--register", str(empty),
    )  # fmt: skip
    assert result.returncode == 2
    assert "no-register-here" in result.stderr and "Traceback" not in result.stderr
