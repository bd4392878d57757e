"""The house rules that keep the layout legible: layers import downwards, production never
imports the synthetic world, and no module of logic grows past about 450 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each package may import only the packages after it in this list (DESIGN.md's flow of data).
LAYERS = ["serve", "models", "features", "capture"]
PRODUCTION = frozenset(LAYERS)
# Tables of data (word lists, templates, the feature catalogue) are exempt from the size rule;
# capture/charset.py is replaced by the markup issue's library-based sniffing.
SIZE_EXEMPT = frozenset({"features/catalogue.py", "capture/charset.py"})
SIZE_EXEMPT_DIRS = ("features/lexicon/", "capture/data/")
MAX_LINES = 470


def _python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """Every imported top-level package with its line and whether it sits inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((a.name.split(".")[0], child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module.split(".")[0], child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def layer_violations() -> list[str]:
    """What breaks the layering, as `file:line imports package` lines."""
    problems = []
    for rank, package in enumerate(LAYERS):
        allowed = {package, *LAYERS[rank + 1 :]}
        for path in _python_files(package):
            rel = path.relative_to(ROOT).as_posix()
            for name, line, lazy in _imports(path):
                if name == "synth":
                    if not (rel == "serve/cli.py" and lazy):
                        problems.append(f"{rel}:{line} imports synth")
                elif name in PRODUCTION and name not in allowed:
                    problems.append(f"{rel}:{line} imports {name}, a layer above {package}")
    for path in _python_files("synth"):
        rel = path.relative_to(ROOT).as_posix()
        for name, line, _ in _imports(path):
            if name in PRODUCTION - {"capture"}:
                problems.append(f"{rel}:{line} imports {name}: synth may use capture only")
    return problems


def test_packages_import_only_the_layers_below_them() -> None:
    assert layer_violations() == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker is not blind: an upward import and a module-level synth import are caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom serve.cli import app\n\ndef f():\n    from synth import plan\n")
    assert _imports(bad) == [("os", 1, False), ("serve", 2, False), ("synth", 5, True)]


@pytest.mark.parametrize("package", LAYERS)
def test_no_module_of_logic_is_over_the_size_limit(package: str) -> None:
    too_long = []
    for path in _python_files(package):
        rel = path.relative_to(ROOT).as_posix()
        if rel in SIZE_EXEMPT or rel.startswith(SIZE_EXEMPT_DIRS):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{rel}: {lines} lines")
    assert too_long == []
