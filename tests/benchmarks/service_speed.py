"""Speed of the triage service, run as `scamrank serve` runs it: a real uvicorn on 127.0.0.1 (one
HTTP process) with as many scoring processes as cores (serve/scoring_pool.py).

1. `POST /v1/score` with the captured pages of one sample site (about seven pages and its RDAP
   record, from data/sample) at 10 concurrent clients: latency p50 and p99 (goal: p99 under
   150 ms on this machine), and the CPU time a request costs the service (how it splits between
   the HTTP process and the scoring processes) and this load client: with 10 clients on 2 busy
   cores, a request's latency is about 10 x its CPU time / 2.
2. `POST /v1/cases` with 1,000 URLs in one request (goal: under 2 s), then the same request
   retried with its Idempotency-Key (answered from the first, nothing written).

Run with `make bench`; prints figures, asserts nothing, stops by itself (at most 400 scoring
requests or 45 s of scoring). Nothing leaves 127.0.0.1: the service's capture function refuses
every URL.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # tests.* below, when run as a script

import httpx  # noqa: E402 - after the path is set

SAMPLE = ROOT / "data" / "sample"
CLIENTS = 10
REQUESTS = 400  # scoring requests measured (after WARM_UP), unless TIME_LIMIT comes first
WARM_UP = 20
TIME_LIMIT = 45.0  # seconds of scoring at most
PAGES_WANTED = 7
KEY = "bench-investigator-key-0001"


async def _no_capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> object:
    raise ConnectionRefusedError(f"{url}: the benchmark captures nothing")


def make_app():  # type: ignore[no-untyped-def]
    """The application of one uvicorn worker (`--factory`): settings from SCAMRANK_* variables,
    the model from SCAMRANK_BENCH_MODEL, no live capture."""
    from models.process import settle_heap
    from models.scorer import Scorer
    from serve.app import create_app
    from serve.settings import Settings

    scorer = Scorer.load(Path(os.environ["SCAMRANK_BENCH_MODEL"]))
    service = create_app(Settings(), scorer, _no_capture)  # type: ignore[arg-type]
    settle_heap()  # as `scamrank serve` does once its model is loaded
    return service


def _model(folder: Path) -> Path:
    """A small model trained on a made-up feature table: the service's speed, not its judgement,
    is measured (scoring costs the same whatever the trees say)."""
    from models.artifact import save_model
    from models.train import train
    from tests.models.test_train_and_score import _table

    result = train(_table())
    return save_model(folder, result.booster, result.meta)


def _payload() -> tuple[dict[str, object], str]:
    """The captured pages (and RDAP record) of the sample site whose page count is nearest
    seven, as a `POST /v1/score` body."""
    from capture.bundle import open_bundle

    bundle = open_bundle(SAMPLE)
    best = None
    for case in bundle.cases[:120]:
        site = bundle.site(case)
        distance = abs(len(site.pages) - PAGES_WANTED)
        if site.pages and (best is None or distance < abs(len(best.pages) - PAGES_WANTED)):
            best = site
        if best is not None and len(best.pages) == PAGES_WANTED:
            break
    if best is None:
        raise SystemExit(f"{SAMPLE}: no captured site found")
    body: dict[str, object] = {
        "pages": [{"url": p.url, "html": p.html} for p in best.pages],
        "reported_at": best.case.reported_at.isoformat(),
    }
    rdap = SAMPLE / "rdap" / f"{best.domain}.json"
    if rdap.is_file():
        body["rdap"] = json.loads(rdap.read_text(encoding="utf-8"))
    return body, f"{best.domain}, {len(best.pages)} pages, {len(json.dumps(body)) // 1024} KB"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(folder: Path, model: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    from serve.store import make_engine, migrate

    database = f"sqlite:///{folder / 'cases.sqlite'}"
    engine = make_engine(database)
    migrate(engine)  # once, before the workers start: they must not race to create tables
    engine.dispose()
    port = _free_port()
    env = {
        **os.environ,
        "SCAMRANK_DATABASE_URL": database,
        "SCAMRANK_EVIDENCE_DIR": str(folder / "evidence"),
        "SCAMRANK_API_KEYS": f"bench:{KEY}:investigator",
        "SCAMRANK_BENCH_MODEL": str(model),
        "MLFLOW_DISABLE_TELEMETRY": "true",
        # One scoring process per core, as `scamrank serve` starts them; each scores with one
        # OpenMP thread (LightGBM's default of one per core would make them fight over the cores).
        "SCAMRANK_SCORING_PROCESSES": str(workers),
        "OMP_NUM_THREADS": "1",
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "tests.benchmarks.service_speed:make_app",
        "--factory",
        "--app-dir",
        str(ROOT),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise SystemExit("the service did not start")
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the service did not get ready in 120 s")


def _cpu_seconds(process: subprocess.Popen[bytes]) -> dict[int, float]:
    """CPU seconds (user and system) used so far by the service's processes, by process id."""
    import psutil  # the scoring processes are the uvicorn process's children

    parent = psutil.Process(process.pid)
    found: dict[int, float] = {}
    for each in [parent, *parent.children(recursive=True)]:
        try:
            times = each.cpu_times()
        except psutil.Error:  # a process that ended meanwhile counts nothing
            continue
        found[each.pid] = times.user + times.system
    return found


async def _score_latency(base: str, body: dict[str, object]) -> tuple[list[float], int, float]:
    """Latencies (seconds) of the measured requests, failures, and the wall time they took."""
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    # Encoded once: this client shares the service's cores, and encoding 55 KB of JSON for
    # every request would be its CPU, not the service's, that the latencies count.
    content = json.dumps(body).encode()
    latencies: list[float] = []
    failures = 0
    issued = 0
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits) as c:
        for _ in range(WARM_UP):
            await c.post("/v1/score", content=content)
        started = time.monotonic()

        async def client() -> None:
            nonlocal failures, issued
            while issued < REQUESTS and time.monotonic() - started < TIME_LIMIT:
                issued += 1
                sent = time.perf_counter()
                answer = await c.post("/v1/score", content=content)
                took = time.perf_counter() - sent
                if answer.status_code == 200:
                    latencies.append(took)
                else:
                    failures += 1

        await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return latencies, failures, time.monotonic() - started


def _bulk_report(base: str) -> list[str]:
    urls = [f"https://bench-shop-{i % 800}.invalid/p/{i}" for i in range(1000)]
    headers = {"Authorization": f"Bearer {KEY}", "Idempotency-Key": "bench-report-1"}
    lines = []
    for label in ("1,000-URL report", "the same report retried (Idempotency-Key)"):
        started = time.perf_counter()
        answer = httpx.post(f"{base}/v1/cases", json={"urls": urls}, headers=headers, timeout=120)
        took = time.perf_counter() - started
        cases = len(answer.json().get("cases", [])) if answer.status_code == 202 else 0
        lines.append(f"{label}: {took:.2f} s (HTTP {answer.status_code}, {cases} URLs queued)")
    return lines


def main() -> None:
    workers = os.cpu_count() or 1
    body, described = _payload()
    with tempfile.TemporaryDirectory(prefix="scamrank-bench-") as tmp:
        folder = Path(tmp)
        model = _model(folder / "model")
        process, base = _start(folder, model, workers)
        try:
            cpu = _cpu_seconds(process)
            client_cpu = time.process_time()
            latencies, failures, wall = asyncio.run(_score_latency(base, body))
            client_cpu = time.process_time() - client_cpu
            cpu = {pid: s - cpu.get(pid, 0.0) for pid, s in _cpu_seconds(process).items()}
            bulk = _bulk_report(base)
        finally:
            process.terminate()
            process.wait(timeout=30)
    if len(latencies) < 2:
        raise SystemExit(f"too few answers to measure ({failures} failures)")
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    p50, p99 = cuts[49] * 1000, cuts[98] * 1000
    print(
        f"service: uvicorn on 127.0.0.1, 1 HTTP process and {workers} scoring processes "
        "(one per core), 1 OpenMP thread each"
    )
    print(
        f"POST /v1/score ({described}), {CLIENTS} concurrent clients: {len(latencies)} requests "
        f"in {wall:.1f} s ({len(latencies) / wall:.1f}/s), p50 {p50:.0f} ms, p99 {p99:.0f} ms "
        f"(goal: p99 under 150 ms){f', {failures} failed' if failures else ''}"
    )
    answered = len(latencies) + failures + WARM_UP  # the CPU counted includes the warm-up's
    total = sum(cpu.values())
    http = cpu.pop(process.pid, 0.0)  # uvicorn with one worker serves in the process it started
    # The multiprocessing resource tracker's few milliseconds are in the total, not the split.
    shares = sorted((s for s in cpu.values() if s > 0.01 * total), reverse=True)
    print(
        f"CPU per scoring request: {1000 * total / answered:.1f} ms in the service: "
        f"{100 * http / total:.0f}% in the HTTP process, "
        f"{' / '.join(f'{100 * part / total:.0f}%' for part in shares)} in the scoring "
        f"processes; {1000 * client_cpu / answered:.1f} ms in this load client, on the same cores"
    )
    for line in bulk:
        print(line + (" (goal: under 2 s)" if line.startswith("1,000") else ""))


if __name__ == "__main__":
    main()
