"""Where the time of one `scamrank score` run goes: start-up (imports), the bundle's index (the
WARC scans), reading the pages, feature extraction, and the rest (the table, register and link
facts, the model, the CSV). Run by pipeline_speed.py in a child process of its own, so that no
scan or import is already cached, with the arguments of its whole-run score (bench_work.py
score_args):

    python tests/benchmarks/score_stages.py STAGES_JSON score BUNDLE --model MODEL ...

The stages are timed by wrapping the functions `scamrank score` calls for them (the bundle's
opening, a site's page reads, a site's extraction), then the command runs as it does from the
shell. Prints nothing of its own; writes the seconds of each stage to STAGES_JSON."""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402 - the clock starts before the first import
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from functools import wraps  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import serve.cli  # noqa: E402 - what `scamrank` imports before it reads its arguments

IMPORTED = time.perf_counter() - START

from capture import bundle as bundle_module  # noqa: E402
from models import table, workflow  # noqa: E402

STAGES = ("index", "pages", "features")
spent = dict.fromkeys(STAGES, 0.0)


def _timed(stage: str, call: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(call)
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - began

    return timed


def main() -> None:
    stages, *arguments = sys.argv[1:]
    workflow.open_bundle = _timed("index", workflow.open_bundle)
    bundle_module.Bundle.site = _timed("pages", bundle_module.Bundle.site)  # type: ignore[method-assign]
    table.extracted = _timed("features", table.extracted)
    sys.argv = ["scamrank", *arguments]
    try:
        serve.cli.main()
    except SystemExit as exit_:
        if exit_.code not in (0, None):
            raise
    total = time.perf_counter() - START
    rest = total - IMPORTED - sum(spent.values())
    Path(stages).write_text(
        json.dumps({"imports": IMPORTED, **spent, "rest": rest, "total": total}), "utf-8"
    )


if __name__ == "__main__":
    main()
