"""The service's capture: the same live capture as `scamrank score FILE`, one case at a time,
into the case's own evidence bundle, read back through the bundle reader so that the service,
the command line and a later rescoring all score the same Site."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from capture.bundle import open_bundle
from capture.fetch import FetchOptions
from capture.live import LiveOptions, capture_reported
from capture.rdap_client import RdapOptions
from capture.reported import Reported
from capture.site import Site
from serve.config import rdap_cache
from serve.settings import Settings
from serve.worker import CaptureFn


def live_capture(settings: Settings, options: LiveOptions | None = None) -> CaptureFn:
    """A capture function for the service; `options` overrides the defaults (tests point the
    fetcher and the RDAP client at servers on 127.0.0.1)."""
    if options is None:
        options = LiveOptions(
            fetch=FetchOptions(allow_private=settings.allow_private),
            rdap=RdapOptions(cache_dir=rdap_cache()),
        )
    options = replace(options, sites=1, resume=True)

    async def capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
        item = Reported(case_id=f"case-{case_id}", url=url, reported_at=reported_at, line=0)
        await capture_reported([item], evidence, options)
        bundle = await asyncio.to_thread(open_bundle, evidence)
        case = next(c for c in bundle.cases if c.case_id == item.case_id)
        return await asyncio.to_thread(bundle.site, case)

    return capture
