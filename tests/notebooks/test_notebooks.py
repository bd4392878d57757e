"""Every notebook runs top to bottom on the sample, against a real MLflow store in a temporary
folder, and none is committed with outputs."""

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(
    path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sample_feature_cache: Path,
    empty_mlflow_db: Path,
) -> None:
    shutil.copyfile(empty_mlflow_db, tmp_path / "mlflow.db")  # a new, empty store
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    monkeypatch.setenv("SCAMRANK_ARTIFACTS", str(tmp_path / "artifacts"))
    # The notebook's cache starts with the sample's rows (extracted once a run, tests/conftest.py),
    # as an investigator's would after `make run`: what it extracts is its export's captures.
    cache = shutil.copyfile(sample_feature_cache, tmp_path / "features.sqlite")
    monkeypatch.setenv("SCAMRANK_FEATURE_CACHE", str(cache))
    monkeypatch.setenv("SCAMRANK_PROMOTE", "true")
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "registered version 1, promoted: True" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots show inline
    assert (tmp_path / "artifacts" / "notebook-model" / "scorer.json").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
