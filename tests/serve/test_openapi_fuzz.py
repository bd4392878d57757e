"""The service's OpenAPI description, probed with generated requests (schemathesis) against a
real uvicorn on 127.0.0.1: every route, without a key, with a reader's and an investigator's;
valid and invalid bodies, parameters and headers. No answer may be a server error, and every
answer must match the status codes, content types and schemas the description promises.

Live capture is a function that never resolves a name (it returns the same two pages for any
URL), and the loopback guard fails any connection or look-up that is not 127.0.0.1: no generated
host name ever leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from capture.site import Case, Page, Site
from models.scorer import Scorer
from serve.app import create_app
from tests.loopback import loopback_only
from tests.serve import calls
from tests.serve.service import running
from tests.serve.test_app import INVESTIGATOR, PAGES, READER, _settings

pytestmark = pytest.mark.usefixtures("loopback_guard")
CAPTURED: list[str] = []  # the URLs live capture was asked for (none is fetched)


async def _pinned_capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
    """A live capture that reaches nothing: whatever the URL, the pages of PAGES."""
    CAPTURED.append(url)
    pages = tuple(
        Page(url=p["url"], html=p["html"], status=200, charset="utf-8") for p in PAGES["pages"]
    )
    return Site(
        case=Case(case_id, url, reported_at, None), domain="atelier-lumiere.fr", pages=pages
    )


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, scorer: Scorer) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("fuzz")
    app = create_app(_settings(folder, max_body_bytes=100_000), scorer, _pinned_capture)
    with loopback_only(), running(app) as base:
        yield base


@pytest.fixture(scope="module")
def api(service: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{service}/openapi.json")


CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Generated requests per operation and mode (positive: valid data; negative: invalid), each
# sent three times (no key, reader, investigator): 6 operations x 2 modes x 12 x 3 = 432 calls.
EXAMPLES = 12


def _operations(api: schemathesis.BaseSchema) -> list[schemathesis.APIOperation]:
    # Generated case by case here rather than through schemathesis' pytest plugin (its lazy
    # fixture loader does not run under this pytest).
    return [result.ok() for result in api.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_get_no_server_error_and_match_the_schema(
    api: schemathesis.BaseSchema, service: str, mode: GenerationMode
) -> None:
    operations = _operations(api)
    assert len(operations) == 7
    for operation in operations:
        spec = api.raw_schema["paths"][operation.path][operation.method.lower()]
        if mode is GenerationMode.NEGATIVE and not (
            spec.get("parameters") or "requestBody" in spec
        ):
            continue  # nothing to make invalid (the probes /health and /ready)

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,  # the same run each time: no examples kept from earlier runs
            phases=[Phase.generate],
        )
        def probe(case: schemathesis.Case) -> None:
            # The same request without a key, with a reader's and an investigator's (a key
            # replaces any Authorization header the generated case carries).
            for key in (None, READER, INVESTIGATOR):
                headers = {"Authorization": f"Bearer {key}"} if key else {}
                case.call_and_validate(base_url=service, headers=headers, checks=CHECKS)

        probe()


def test_live_capture_goes_to_the_pinned_capture(service: str) -> None:
    """A URL to capture reaches the capture function, which looks no name up (the loopback
    guard would fail the test if anything tried)."""
    answer = calls.post(
        f"{service}/v1/score",
        json={"url": "https://never-resolved.invalid/"},
        headers={"Authorization": f"Bearer {INVESTIGATOR}"},
    )
    assert answer.status_code == 200, answer.text
    assert "https://never-resolved.invalid/" in CAPTURED


def test_the_description_covers_every_route_and_declares_bearer(
    api: schemathesis.BaseSchema,
) -> None:
    raw = api.raw_schema
    assert set(raw["paths"]) == {
        "/health",
        "/ready",
        "/v1/score",
        "/v1/cases",
        "/v1/cases/{case_id}",
        "/v1/cases/{case_id}/outcome",
    }
    assert raw["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
