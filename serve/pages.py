"""The case page of the triage service: one page per case, linked from the queue, and a safe
view of each page captured for it.

`GET /cases/{id}` shows what was found (the feature row kept with the latest score: legal
notice, payment methods, domain dates, prices), the Safety Gate alerts its listings match (a
"dangerous product" section of its own: alerts are not reasons), the captured pages with their
HTTP status and capture time, the score history with its reasons, the verdicts (and the
verdict form, for investigators), the linked cases (those sharing an operator's identifier
or page template, serve/case_links.py, with what they share and links to their pages) and the
other cases of the same site. A priority raised by a linked case's fraud verdict says so.

`GET /cases/{id}/captures/{n}` serves a captured page's HTML as it was captured, read from the
case's evidence WARC, under `Content-Security-Policy: sandbox; default-src 'none'...`: the page
is shown in an `<iframe sandbox>` on the case page, so its scripts never run, its forms never
post, and nothing (image, style sheet, script) is fetched again from the site.

`case_router(page_caller)` builds the router; `create_app` includes it with the sign-in
dependency of the triage page, so both pages accept exactly the same sign-in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from serve.auth import Caller
from serve.captures import CaptureUnavailable, captured_html, list_captures
from serve.case_links import (
    Linked,
    PriorityRaiseRow,
    linked_cases,
    raise_note,
    raises_in_force,
    shared_text,
)
from serve.facts import read_facts
from serve.reasons import language_of, render
from serve.store import CaseRow, Store, StoreError
from serve.views import alert_matches

TEMPLATE_DIR = Path(__file__).parent / "templates"
MAX_CASE_ID = 2**63 - 1  # the store's integer ids; larger ones cannot name a case

# The captured page may style itself and show inline images, nothing more: `sandbox` (no
# allow-* token) gives it an opaque origin with scripts, forms, popups and navigation of the
# case page all off, whether or not the browser honours the iframe's own sandbox attribute;
# default-src 'none' stops every fetch back to the site. Only the case page may frame it.
CAPTURE_CSP = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
)
CAPTURE_HEADERS = {
    "Content-Security-Policy": CAPTURE_CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

PageCaller = Callable[..., Caller | None]


def _reasons(facts: str | None, language: str) -> list[dict[str, object]]:
    """Rendered reasons of one score; a stored text that is not reason facts (an old row or a
    note) shows as no reason rather than failing the page."""
    if not facts:
        return []
    try:
        return render(facts, language)
    except (ValueError, TypeError, KeyError):
        return []


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC" if moment is not None else "unknown"


@dataclass(frozen=True)
class Loaded:
    """A case and what links it to others: same-site cases, cases sharing an operator mark,
    and the priority raises in force."""

    row: CaseRow
    same_site: list[CaseRow]
    operator: list[Linked]
    raises: list[PriorityRaiseRow]


def case_view(loaded: Loaded, language: str) -> dict[str, Any]:
    """What the case template shows for a case (reads its evidence WARC files: run it in a
    thread)."""
    row = loaded.row
    latest = row.scores[-1] if row.scores else None
    facts = read_facts(latest.features, row.reported_at) if latest is not None else None
    evidence = list_captures(row.evidence)
    history = [
        {
            "scored_at": _when(s.scored_at),
            "score": s.score,
            "priority": s.priority,
            "model_version": s.model_version,
            "reasons": _reasons(s.reasons, language),
        }
        for s in reversed(row.scores)
    ]
    verdicts = [
        {
            "outcome": v.outcome,
            "author": v.author or v.who,  # the key's holder; older verdicts only have `who`
            "who": v.who,
            "note": v.note,
            "decided_at": _when(v.decided_at),
        }
        for v in reversed(row.verdicts)
    ]
    return {
        "case": row,
        # Safety Gate matches, shown apart from the reasons (None: not checked against alerts)
        "alerts": alert_matches(row.alerts),
        "reported_at": _when(row.reported_at),
        "latest": latest,
        "latest_reasons": _reasons(latest.reasons, language) if latest is not None else [],
        "facts": facts,
        "pages": [
            {
                "n": p.n,
                "url": p.url,
                "status": p.status,
                "captured_at": _when(p.captured_at),
                "content_type": p.content_type or "",
                "html": p.html,
                "location": p.location or "",
                "fault": p.fault or "",
            }
            for p in evidence.pages
        ],
        "evidence_notes": evidence.notes,
        "history": history,
        "verdicts": verdicts,
        "linked": loaded.same_site,
        # cases sharing an operator mark, with what they share as an investigator reads it
        "operator_links": [
            {"case": link.case, "shared": [shared_text(m, language) for m in link.shared]}
            for link in loaded.operator
        ],
        "raise_notes": [raise_note(r, language) for r in loaded.raises],
        "reports": [
            {"url": r.url, "reporter_ref": r.reporter_ref, "reported_at": _when(r.reported_at)}
            for r in row.reports
        ],
    }


def _load(store: Store, case_id: int) -> Loaded:
    row = store.get(case_id)
    return Loaded(
        row,
        store.same_site(case_id, row.domain),
        linked_cases(store, case_id),
        raises_in_force(store, case_id),
    )


def case_router(page_caller: PageCaller) -> APIRouter:
    """The case page routes, signed in through `page_caller` (the triage page's dependency: a
    Caller, or None for a browser that has not signed in)."""
    router = APIRouter(include_in_schema=False)  # HTML for people; programs use /v1/cases/{id}
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))  # autoescapes .html templates
    # Depends() as a default, not in an annotation: the annotations of this module are strings
    # that FastAPI resolves at module level, where the `page_caller` given here is not known.
    signed_in = Depends(page_caller)

    def missing(request: Request, case_id: object, caller: Caller) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "case_missing.html",
            {"case_id": str(case_id)[:40], "caller": caller},
            status_code=status.HTTP_404_NOT_FOUND,
        )

    @router.get("/cases/{case_id}", response_class=HTMLResponse, response_model=None)
    async def case_page(
        request: Request, case_id: int, caller: Caller | None = signed_in
    ) -> HTMLResponse | RedirectResponse:
        if caller is None:  # a browser that has not signed in: to the sign-in form
            return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
        if not 1 <= case_id <= MAX_CASE_ID:
            return missing(request, case_id, caller)
        store: Store = request.app.state.store
        try:
            loaded = await asyncio.to_thread(_load, store, case_id)
        except StoreError:
            return missing(request, case_id, caller)
        language = language_of(request.headers.get("accept-language"))
        investigator = caller.role == "investigator"
        view = await asyncio.to_thread(case_view, loaded, language)
        context = {**view, "caller": caller, "can_decide": investigator, "language": language}
        csrf = getattr(request.state, "csrf_token", None)  # set by the sign-in, when it has one
        return templates.TemplateResponse(
            request, "case.html", {**context, "csrf_token": csrf}, headers={"Vary": "Cookie"}
        )

    @router.get("/cases/{case_id}/captures/{n}", response_model=None)
    async def capture_view(
        request: Request, case_id: int, n: int, caller: Caller | None = signed_in
    ) -> Response:
        if caller is None:  # framed pages cannot show the sign-in form: just refuse
            return PlainTextResponse(
                "sign in first", status.HTTP_401_UNAUTHORIZED, headers=CAPTURE_HEADERS
            )
        if not 1 <= case_id <= MAX_CASE_ID:
            return PlainTextResponse(
                f"no case {str(case_id)[:40]}", status.HTTP_404_NOT_FOUND, headers=CAPTURE_HEADERS
            )
        store: Store = request.app.state.store
        try:
            row = await asyncio.to_thread(store.get, case_id)
            html = await asyncio.to_thread(captured_html, row.evidence, n)
        except (StoreError, CaptureUnavailable) as exc:
            return PlainTextResponse(str(exc), status.HTTP_404_NOT_FOUND, headers=CAPTURE_HEADERS)
        return HTMLResponse(html, headers=CAPTURE_HEADERS)

    return router
