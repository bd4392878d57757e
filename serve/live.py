"""The service's capture: the same live capture as `scamrank score FILE`, one case at a time,
into the case's own evidence bundle, read back through the bundle reader so that the service,
the command line and a later rescoring all score the same Site."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from capture.bundle import open_bundle
from capture.errors import RdapError
from capture.fetch import FetchOptions
from capture.live import LiveOptions, capture_reported
from capture.rdap_client import Bootstrap, RdapOptions, load_bootstrap
from capture.reported import Reported
from capture.site import Site
from serve.config import rdap_bootstrap, rdap_cache
from serve.settings import Settings
from serve.worker import CaptureFn, EvidenceMismatch, evidence_problem, site_problem

log = logging.getLogger(__name__)


def service_bootstrap() -> Bootstrap:
    """The IANA RDAP bootstrap the service uses: the refreshed copy in the RDAP cache folder
    when `scamrank score --refresh-rdap-bootstrap` wrote one (as the command line does), else
    the copy shipped with scamrank. A refreshed copy that cannot be read is reported and passed
    over rather than stopping the service."""
    kept = rdap_bootstrap()
    if kept.is_file():
        try:
            return load_bootstrap(kept)
        except RdapError as exc:
            log.warning("%s: the shipped RDAP bootstrap is used instead", exc)
    return load_bootstrap(None)


def service_options(settings: Settings) -> LiveOptions:
    """The service's default live options: private addresses as the settings allow, RDAP
    answers cached with the command line's, the same bootstrap as the command line."""
    return LiveOptions(
        fetch=FetchOptions(allow_private=settings.allow_private),
        rdap=RdapOptions(bootstrap=service_bootstrap(), cache_dir=rdap_cache()),
    )


def live_capture(settings: Settings, options: LiveOptions | None = None) -> CaptureFn:
    """A capture function for the service; `options` overrides the defaults (tests point the
    fetcher and the RDAP client at servers on 127.0.0.1)."""
    if options is None:
        options = service_options(settings)
    options = replace(options, sites=1, resume=True)

    async def capture(url: str, reported_at: datetime, case_id: str, evidence: Path) -> Site:
        # Resuming a folder that holds another site would score that site's pages: refused.
        problem = await asyncio.to_thread(evidence_problem, evidence, url)
        if problem is not None:
            raise EvidenceMismatch(problem)
        item = Reported(case_id=f"case-{case_id}", url=url, reported_at=reported_at, line=0)
        await capture_reported([item], evidence, options)
        bundle = await asyncio.to_thread(open_bundle, evidence)
        case = next(c for c in bundle.cases if c.case_id == item.case_id)
        site = await asyncio.to_thread(bundle.site, case)
        problem = site_problem(site, url)
        if problem is not None:
            raise EvidenceMismatch(problem)
        return site

    return capture
