"""Between the HTTP API and the rest: the answers it gives for case rows, and the sites and URLs
it makes of what callers send. Kept apart from the routes so that both stay short."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from fastapi import HTTPException, status
from pydantic import ValidationError

from capture.domains import registrable_domain
from capture.rdap import parse_rdap
from capture.reported import normalise_url
from capture.site import Case, Page, Site
from models.notes import note_text
from serve.case_links import Linked, PriorityRaiseRow, raise_note, shared_text
from serve.reasons import render
from serve.schemas import (
    URL_MAX,
    AlertMatch,
    CaseDetail,
    CaseOut,
    LinkedCase,
    ReportEntry,
    ScoreEntry,
    ScoreRequest,
    SharedMark,
    VerdictEntry,
)
from serve.store import CaseRow

log = logging.getLogger(__name__)


def alert_matches(stored: str | None) -> list[AlertMatch] | None:
    """The Safety Gate matches a score recorded (worker.alerts_json), None when it was not checked
    against alerts. A stored value that cannot be read shows as no match, logged, never a failed
    answer."""
    if stored is None:
        return None
    try:
        return [AlertMatch.model_validate(item) for item in json.loads(stored)]
    except (ValueError, TypeError, ValidationError) as error:
        log.warning("stored alerts cannot be read: %s", error)
        return []


def linked_out(link: Linked, language: str) -> LinkedCase:
    """A linked case as the API shows it, with the marks it shares in the language asked."""
    shared = []
    for mark in link.shared:
        kind, _, value = mark.partition(":")
        shared.append(SharedMark(kind=kind, value=value, text=shared_text(mark, language)))
    case = link.case
    return LinkedCase(
        id=case.id,
        url=case.url,
        status=case.status,
        outcome=case.outcome,
        priority=case.priority,
        shared=shared,
    )


def case_out(
    row: CaseRow,
    language: str,
    detail: bool = False,
    evidence: bool = False,
    linked: list[Linked] | None = None,
    raises: list[PriorityRaiseRow] | None = None,
) -> CaseOut | CaseDetail:
    """A case as the API shows it; `evidence`: show the evidence folder (investigators only,
    a path on the server tells a reader nothing it needs). `linked` (detail only): the cases
    sharing an operator mark; `raises`: the priority raises in force, shown as notes."""
    reasons = render(row.reasons, language) if row.reasons and row.score is not None else []
    alerts = alert_matches(row.alerts)
    base = dict(
        id=row.id,
        url=row.url,
        domain=row.domain,
        status=row.status,
        error=row.error,
        score=row.score,
        priority=row.priority,
        reasons=reasons,
        model_version=row.model_version,
        outcome=row.outcome,
        evidence=row.evidence if evidence else None,
        reported_at=row.reported_at,
        notes=note_text((row.notes or "").split(), language)
        + [raise_note(r, language) for r in raises or ()],
        dangerous_product=bool(alerts),
        alerts_checked=alerts is not None,
        alerts=alerts or [],
    )
    if not detail:
        return CaseOut(**base)
    return CaseDetail(
        **base,
        reports=[
            ReportEntry(url=r.url, reporter_ref=r.reporter_ref, reported_at=r.reported_at)
            for r in row.reports
        ],
        score_history=[
            ScoreEntry(
                score=s.score,
                priority=s.priority,
                model_version=s.model_version,
                scored_at=s.scored_at,
            )
            for s in row.scores
        ],
        verdicts=[
            VerdictEntry(
                outcome=v.outcome, author=v.author, who=v.who, note=v.note, decided_at=v.decided_at
            )
            for v in row.verdicts
        ],
        linked_cases=[linked_out(link, language) for link in linked or ()],
    )


def reported_url(raw: str) -> tuple[str | None, str | None]:
    """A reported URL, normalised, or (None, what is wrong): length and control characters are
    checked before anything parses it."""
    if len(raw) > URL_MAX:
        return None, f"longer than {URL_MAX} characters"
    if any(ord(char) < 32 or ord(char) == 127 for char in raw):
        return None, "holds a NUL or another control character"
    return normalise_url(raw)


def site_from_pages(body: ScoreRequest, reported_at: datetime) -> Site:
    pages = tuple(
        Page(url=p.url, html=p.html, status=200, charset="utf-8") for p in body.pages or ()
    )
    rdap = None
    if body.rdap is not None:
        try:
            rdap = parse_rdap(body.rdap, "request rdap")
        except ValueError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    url = pages[0].url
    return Site(
        case=Case("adhoc", url, reported_at, None),
        domain=registrable_domain(url),
        pages=pages,
        rdap=rdap,
    )
