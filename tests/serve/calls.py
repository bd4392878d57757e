"""HTTP calls of the service tests, made as `httpx.get`, `httpx.post` and the like make them,
with one TLS context for the run.

`httpx.get` builds a client per call, and each client reads the CA bundle into a new TLS context:
about 30 ms of CPU a call, for calls that are all plain HTTP to 127.0.0.1 (some 400 in a run).
Each call still has a client of its own: no cookie or connection carries from one to the next.
"""

from __future__ import annotations

import ssl
import time
from typing import Any

import httpx

_TLS = ssl.create_default_context()  # unused on http://, and built once instead of per call


def request(method: str, url: str, **kwargs: Any) -> httpx.Response:
    kwargs.setdefault("verify", _TLS)
    return httpx.request(method, url, **kwargs)


def get(url: str, **kwargs: Any) -> httpx.Response:
    return request("GET", url, **kwargs)


def post(url: str, **kwargs: Any) -> httpx.Response:
    return request("POST", url, **kwargs)


def settled(base: str, case_id: int, key: str, seconds: float = 60.0) -> dict[str, Any]:
    """The case as `GET /v1/cases/{case_id}` shows it once its worker is done with it (scored or
    failed), or as it stands after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        case = get(f"{base}/v1/cases/{case_id}", headers={"Authorization": f"Bearer {key}"}).json()
        if case["status"] in ("scored", "failed") or time.monotonic() > deadline:
            return case
        time.sleep(0.1)
