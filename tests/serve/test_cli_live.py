"""`scamrank score reported.txt` end to end, through the command line (in this process,
tests/command.py): shop sites and an RDAP server on 127.0.0.1, the evidence kept as a case
bundle, and that bundle scored again."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.live_servers import LocalServer, RdapServer, rdap_record
from tests.capture.shops import serve_shops
from tests.command import scamrank

# Every site is named *.localhost (loopback, answered without DNS) or *.invalid (never
# resolves), and the RDAP server is http://127.0.0.1:PORT/: the command sends nothing elsewhere.


@pytest.fixture(scope="module")
def work(
    tmp_path_factory: pytest.TempPathFactory, small_model_dir: Path
) -> Iterator[dict[str, object]]:
    root = tmp_path_factory.mktemp("live-cli")
    model = shutil.copytree(small_model_dir, root / "model")  # train(_table()), once a run
    web, rdap = LocalServer(), RdapServer()
    serve_shops(web)
    for name in ("atelier.localhost", "promo.localhost", "maison.localhost"):
        rdap.records[name] = rdap_record(name)
    bootstrap = root / "bootstrap.json"
    bootstrap.write_text(json.dumps(rdap.bootstrap("localhost")), encoding="utf-8")
    yield {"root": root, "model": model, "web": web, "rdap": rdap, "bootstrap": bootstrap}
    web.stop()
    rdap.stop()


def _run(work: dict[str, object], *args: str) -> subprocess.CompletedProcess[str]:
    root = work["root"]
    assert isinstance(root, Path)
    env = {
        "SCAMRANK_RDAP_CACHE": str(root / "rdap-cache"),
        "SCAMRANK_ARTIFACTS": str(root / "artifacts"),
    }
    return scamrank(*args, cwd=root, env=env)


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["url"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def scored(work: dict[str, object]) -> dict[str, object]:
    web, root = work["web"], work["root"]
    assert isinstance(web, LocalServer) and isinstance(root, Path)
    reported = root / "reported.txt"
    reported.write_text(
        "\n".join(
            [
                web.url("atelier.localhost"),
                web.url("promo.localhost"),
                web.url("maison.localhost"),
                web.url("ATELIER.localhost"),  # the same site again
                web.url("gone.localhost"),
                f"gone.localhost:{web.port}",  # bare: https://, and this server speaks http
                "nowhere.invalid",
                "pas une url",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = _run(
        work,
        "score",
        str(reported),
        "--out",
        str(root / "scores.csv"),
        "--bundle-out",
        str(root / "evidence"),
        "--model",
        str(work["model"]),
        "--allow-private",
        "--rdap-bootstrap",
        str(work["bootstrap"]),
        "--timeout",
        "2",
        "--top",
        "3",
        "--no-cache",
        "--jobs",
        "1",
    )
    assert result.returncode == 0, result.stderr
    return {"result": result, "rows": _rows(root / "scores.csv")}


def test_every_usable_url_gets_one_row_and_failures_say_why(
    scored: dict[str, object], work: dict[str, object]
) -> None:
    web = work["web"]
    assert isinstance(web, LocalServer)
    rows = scored["rows"]
    assert isinstance(rows, dict)
    assert len(rows) == 6
    for host in ("atelier.localhost", "promo.localhost", "maison.localhost"):
        assert rows[web.url(host)]["score"] != "", host
    assert rows[web.url("gone.localhost")]["reasons"].startswith(
        "not scored: capture failed: http:"
    )
    tls = rows[f"https://gone.localhost:{web.port}/"]
    assert tls["score"] == "" and tls["reasons"].startswith("not scored: capture failed: tls:")
    dns = rows["https://nowhere.invalid/"]
    assert dns["reasons"].startswith("not scored: capture failed: dns:")


def test_the_run_ends_with_a_summary_and_line_numbered_warnings(
    scored: dict[str, object],
) -> None:
    result = scored["result"]
    assert isinstance(result, subprocess.CompletedProcess)
    out, err = result.stdout, result.stderr
    assert "captured 6 sites in" in out
    assert "3 scored, 3 not scored" in out
    assert "capture failed for 3 sites: " in out and "dns 1" in out and "tls 1" in out
    assert "2 input lines not used (1 duplicates)" in out
    assert "reported.txt, line 4: " in err and "already on line 1" in err
    assert "reported.txt, line 8: " in err


def test_rescoring_the_evidence_bundle_gives_the_same_scores(
    scored: dict[str, object], work: dict[str, object]
) -> None:
    root = work["root"]
    assert isinstance(root, Path)
    again = root / "rescored.csv"
    args = ["--model", str(work["model"]), "--no-cache", "--jobs", "1", "--top", "0"]
    result = _run(work, "score", str(root / "evidence"), "--out", str(again), *args)
    assert result.returncode == 0, result.stderr
    first, second = scored["rows"], _rows(again)
    assert isinstance(first, dict)
    assert set(first) == set(second)
    for url, row in first.items():
        assert (second[url]["score"], second[url]["reasons"]) == (row["score"], row["reasons"])


def test_a_resumed_run_fetches_nothing_again(
    scored: dict[str, object], work: dict[str, object]
) -> None:
    web, root = work["web"], work["root"]
    assert isinstance(web, LocalServer) and isinstance(root, Path)
    before = len(web.log)
    out = root / "resumed.csv"
    result = _run(
        work,
        "score",
        str(root / "reported.txt"),
        "--out",
        str(out),
        "--bundle-out",
        str(root / "evidence"),
        "--resume",
        "--model",
        str(work["model"]),
        "--allow-private",
        "--rdap-bootstrap",
        str(work["bootstrap"]),
        "--no-cache",
        "--top",
        "0",
    )
    assert result.returncode == 0, result.stderr
    assert "captured 0 sites" in result.stdout and "6 already in the bundle" in result.stdout
    assert len(web.log) == before
    first = scored["rows"]
    assert isinstance(first, dict)
    assert {u: r["score"] for u, r in _rows(out).items()} == {
        u: r["score"] for u, r in first.items()
    }


def test_without_allow_private_loopback_sites_are_refused(work: dict[str, object]) -> None:
    web, root = work["web"], work["root"]
    assert isinstance(web, LocalServer) and isinstance(root, Path)
    listed = root / "guarded.txt"
    listed.write_text(f"{web.url('promo.localhost')}\nhttp://127.0.0.1:{web.port}/\n")
    before = len(web.log)
    out = root / "guarded.csv"
    result = _run(
        work,
        "score",
        str(listed),
        "--out",
        str(out),
        "--model",
        str(work["model"]),
        "--no-rdap",
        "--top",
        "0",
    )
    assert result.returncode == 0, result.stderr
    rows = _rows(out)
    assert all(
        r["reasons"].startswith("not scored: capture failed: refused:") for r in rows.values()
    )
    assert "loopback address" in rows[web.url("promo.localhost")]["reasons"]
    assert len(web.log) == before  # nothing was sent
