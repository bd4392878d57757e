"""The HTTP triage service: priority flags and reasons over HTTP, a case queue, investigators'
verdicts. The model is loaded once at start-up; scoring of reported cases runs in the background.

`create_app(settings)` builds the application; `scamrank serve` runs it with uvicorn.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Form, Header, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from capture.domains import registrable_domain
from capture.rdap import parse_rdap
from capture.reported import normalise_url
from capture.site import Case, Page, Site
from models.scorer import Scorer
from serve.auth import (
    KEY_COOKIE,
    NAME_COOKIE,
    Caller,
    InvestigatorDep,
    ReaderDep,
    identify,
    role_of,
)
from serve.reasons import language_of, render
from serve.schemas import (
    CaseDetail,
    CaseOut,
    CasePage,
    Reported,
    ReportEntry,
    ReportRequest,
    ReportResponse,
    ScoreEntry,
    ScoreRequest,
    ScoreResponse,
    VerdictEntry,
    VerdictRequest,
)
from serve.settings import Settings
from serve.store import CaseRow, Store, StoreError, make_engine, migrate
from serve.worker import CaptureFn, Worker, score_site

TEMPLATE_DIR = Path(__file__).parent / "templates"


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, announced or streamed."""

    def __init__(self, app, limit: int) -> None:  # type: ignore[no-untyped-def]
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _too_large(send, self.limit)
        seen = 0

        async def counted():  # type: ignore[no-untyped-def]
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _BodyTooLarge
            return message

        try:
            return await self.app(scope, counted, send)
        except _BodyTooLarge:
            return await _too_large(send, self.limit)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send, limit: int) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"detail": f"request body over {limit} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _language(accept_language: Annotated[str | None, Header()] = None) -> str:
    """French or English reasons, as the caller's Accept-Language prefers."""
    return language_of(accept_language)


LangDep = Annotated[str, Depends(_language)]


def _page_caller(request: Request) -> Caller | None:
    try:
        return identify(request)
    except HTTPException:
        return None


def case_out(row: CaseRow, language: str, detail: bool = False) -> CaseOut | CaseDetail:
    reasons = render(row.reasons, language) if row.reasons and row.score is not None else []
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
        evidence=row.evidence,
        reported_at=row.reported_at,
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
            VerdictEntry(outcome=v.outcome, who=v.who, note=v.note, decided_at=v.decided_at)
            for v in row.verdicts
        ],
    )


def create_app(settings: Settings, scorer: Scorer, capture: CaptureFn) -> FastAPI:
    """The service for a loaded Scorer and a capture function (the live capture in production)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        await asyncio.to_thread(migrate, engine)
        app.state.store = Store(engine)
        app.state.worker = Worker(
            app.state.store, scorer, capture, Path(settings.evidence_dir), settings.workers
        )
        app.state.worker.start()
        yield
        await app.state.worker.stop()
        engine.dispose()

    app = FastAPI(
        title="scamrank triage",
        version="1",
        lifespan=lifespan,
        description="Priority flags, reasons and a case queue for reported shop sites.",
    )
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))  # autoescapes .html templates
    app.state.settings = settings
    app.state.scorer = scorer
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)

    def store() -> Store:
        return app.state.store

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        try:
            await asyncio.to_thread(app.state.store.ping)
        except Exception as exc:  # any store failure means not ready; say which
            return JSONResponse({"ready": False, "store": str(exc)}, status_code=503)
        return JSONResponse({"ready": True, "model": scorer.version})

    @app.post("/v1/score", response_model=ScoreResponse)
    async def score(body: ScoreRequest, caller: ReaderDep, language: LangDep) -> ScoreResponse:
        reported_at = body.reported_at or datetime.now(UTC)
        if body.url is not None:
            url, problem = normalise_url(body.url)
            if url is None:
                raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, problem)
            evidence = Path(settings.evidence_dir) / f"adhoc-{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
            try:
                site = await capture(url, reported_at, "adhoc", evidence)
            except Exception as exc:
                raise HTTPException(
                    status.HTTP_502_BAD_GATEWAY,
                    f"capture of {url} failed: {type(exc).__name__}: {exc}",
                ) from exc
        else:
            site = _site_from_pages(body, reported_at)
        result = await asyncio.to_thread(score_site, scorer, site)
        reasons = render(result["reason_facts"], language) if result["score"] is not None else []
        notes = list(site.notes) + ([str(result["reasons"])] if result["score"] is None else [])
        return ScoreResponse(
            url=site.url,
            score=result["score"],
            priority=result["priority"] or None,
            reasons=reasons,
            model_version=scorer.version,
            notes=notes,
        )

    @app.post("/v1/cases", response_model=ReportResponse, status_code=status.HTTP_202_ACCEPTED)
    async def report(body: ReportRequest, caller: InvestigatorDep) -> ReportResponse:
        if len(body.urls) > settings.max_urls_per_report:
            raise HTTPException(
                status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                f"at most {settings.max_urls_per_report} URLs a report",
            )
        reported_at = body.reported_at or datetime.now(UTC)
        accepted, rejected = [], []
        for raw in body.urls:
            url, problem = normalise_url(raw)
            if url is None:
                rejected.append({"url": raw, "error": str(problem)})
                continue
            done = await asyncio.to_thread(
                store().report, url, registrable_domain(url), body.reporter_ref, reported_at
            )
            if not done.merged:
                app.state.worker.submit(done.case_id)
            accepted.append(Reported(case_id=done.case_id, url=url, merged=done.merged))
        if not accepted:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, {"rejected": rejected})
        return ReportResponse(cases=accepted, rejected=rejected)

    @app.get("/v1/cases", response_model=CasePage)
    async def queue(
        caller: ReaderDep,
        language: LangDep,
        status_: Annotated[
            str | None, Query(alias="status", pattern="^(queued|captured|scored|failed)$")
        ] = None,
        priority: Annotated[str | None, Query(pattern="^P[123]$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> CasePage:
        try:
            rows, next_cursor = await asyncio.to_thread(
                store().queue, status_, priority, limit, cursor
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
        return CasePage(cases=[case_out(r, language) for r in rows], next_cursor=next_cursor)

    @app.get("/v1/cases/{case_id}", response_model=CaseDetail)
    async def one_case(case_id: int, caller: ReaderDep, language: LangDep) -> CaseDetail:
        try:
            row = await asyncio.to_thread(store().get, case_id)
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        return case_out(row, language, detail=True)

    @app.post("/v1/cases/{case_id}/outcome", response_model=CaseDetail)
    async def verdict(
        case_id: int, body: VerdictRequest, caller: InvestigatorDep, language: LangDep
    ) -> CaseDetail:
        try:
            row = await asyncio.to_thread(
                store().record_verdict, case_id, body.outcome, body.who or caller.name, body.note
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        return case_out(row, language, detail=True)

    @app.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "login.html", {"error": ""})

    @app.post("/login", response_model=None)
    async def login(
        request: Request,
        name: Annotated[str, Form(min_length=1, max_length=100)],
        key: Annotated[str, Form(min_length=1, max_length=200)],
    ) -> HTMLResponse | RedirectResponse:
        if role_of(settings, key) is None:
            return templates.TemplateResponse(
                request,
                "login.html",
                {"error": "unknown key"},
                status_code=status.HTTP_401_UNAUTHORIZED,
            )
        response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
        for cookie, value in ((KEY_COOKIE, key), (NAME_COOKIE, name)):
            response.set_cookie(cookie, value, httponly=True, samesite="strict")
        return response

    @app.get("/", response_class=HTMLResponse, response_model=None)
    async def page(
        request: Request,
        caller: Annotated[Caller | None, Depends(_page_caller)],
        language: LangDep,
        status_: Annotated[
            str | None, Query(alias="status", pattern="^(queued|captured|scored|failed)?$")
        ] = None,
        priority: Annotated[str | None, Query(pattern="^(P[123])?$")] = None,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> HTMLResponse | RedirectResponse:
        if caller is None:  # a browser without a key: to the sign-in form
            return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
        try:
            rows, next_cursor = await asyncio.to_thread(
                store().queue, status_ or None, priority or None, 100, cursor
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
        return templates.TemplateResponse(
            request,
            "queue.html",
            {
                "cases": [case_out(r, language) for r in rows],
                "next_cursor": next_cursor,
                "status": status_ or "",
                "priority": priority or "",
                "caller": caller,
                "can_decide": caller.role == "investigator",
                "model": scorer.version,
            },
        )

    @app.post("/cases/{case_id}/verdict")
    async def page_verdict(
        case_id: int,
        caller: InvestigatorDep,
        outcome: Annotated[str, Form(pattern="^(fraud|legit)$")],
        note: Annotated[str, Form(max_length=5000)] = "",
    ) -> RedirectResponse:
        try:
            await asyncio.to_thread(
                store().record_verdict, case_id, outcome, caller.name, note or None
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        return RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)

    return app


def _site_from_pages(body: ScoreRequest, reported_at: datetime) -> Site:
    pages = tuple(
        Page(url=p.url, html=p.html, status=200, charset="utf-8") for p in body.pages or ()
    )
    rdap = None
    if body.rdap is not None:
        try:
            rdap = parse_rdap(body.rdap, "request rdap")
        except ValueError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from exc
    url = pages[0].url
    return Site(
        case=Case("adhoc", url, reported_at, None),
        domain=registrable_domain(url),
        pages=pages,
        rdap=rdap,
    )
