"""The HTTP triage service: priority flags and reasons over HTTP, a case queue, investigators'
verdicts. The model is loaded once at start-up; scoring of reported cases runs in the background.

`create_app(settings)` builds the application; `scamrank serve` runs it with uvicorn.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, Header, HTTPException, Query, Request, status
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from capture.domains import registrable_domain
from capture.register import Register
from capture.reported import normalise_url
from features.alerts import AlertIndex
from models.alerts_column import load_index
from models.identity import open_register
from models.scorer import Scorer
from serve.auth import (
    SESSION_COOKIE,
    AuthFirst,
    Caller,
    InvestigatorDep,
    PageCallerDep,
    PageInvestigatorDep,
    PageSignedInDep,
    ReaderDep,
    Sessions,
    key_of,
    page_caller,
)
from serve.bulk import IdempotencyConflict, Replay, report_many, request_hash
from serve.case_links import linked_cases, raises_in_force
from serve.config import register_cache
from serve.evidence import adhoc_folder, prune_adhoc
from serve.middleware import BodyLimit, SecurityHeaders
from serve.pages import case_router
from serve.reasons import language_of, render
from serve.schemas import (
    CaseDetail,
    CasePage,
    Problem,
    Reported,
    ReportRequest,
    ReportResponse,
    ScoreRequest,
    ScoreResponse,
    VerdictRequest,
)
from serve.scoring_pool import ScoringPool, ScoringSetup, ScoringUnavailable
from serve.settings import Settings
from serve.store import MAX_ID, Store, StoreError, make_engine, migrate
from serve.views import alert_matches, case_out, reported_url, site_from_pages
from serve.worker import CaptureFn, Worker

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Case ids are 64-bit: a larger id in a path is refused (422) before the store is asked.
CaseId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in (
        (400, "a body that cannot be read (not UTF-8 JSON), or a bad cursor"),
        (401, "no key, or an unknown one"),
        (403, "the key's role may not do this"),
        (413, "the request body is too large"),
        (422, "the request is not valid (the errors say where)"),
    )
}
_MISSING: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "no such case"}}


def _language(accept_language: Annotated[str | None, Header()] = None) -> str:
    """French or English reasons, as the caller's Accept-Language prefers."""
    return language_of(accept_language)


LangDep = Annotated[str, Depends(_language)]


def server_options(settings: Settings) -> dict[str, object]:
    """The uvicorn options `scamrank serve` runs with: idle connections and header blocks are
    bounded, so that slow or endless requests cannot hold the server's connections."""
    return {
        "timeout_keep_alive": settings.keep_alive_seconds,
        "h11_max_incomplete_event_size": settings.max_header_bytes,
        "server_header": False,  # the server's make and version help no one but a prober
    }


def _investigates(caller: Caller) -> bool:
    return caller.role == "investigator"


def create_app(
    settings: Settings,
    scorer: Scorer,
    capture: CaptureFn,
    alerts: AlertIndex | None = None,
    register: Register | None = None,
) -> FastAPI:
    """The service for a loaded Scorer and a capture function (the live capture in production).
    `alerts`: the Safety Gate index that scored cases' listings are matched against (loaded
    once, here, from SCAMRANK_ALERTS when not given; None and no setting: no matching).
    `register`: the company register legal notices are checked against (opened here from
    SCAMRANK_REGISTER when not given; None and no setting: register facts unknown)."""
    evidence_dir = Path(settings.evidence_dir)
    if alerts is None and settings.alerts:
        alerts = load_index(settings.alerts)  # names the path when it is no alert index
    if register is None and settings.register_folder:
        register = open_register(Path(settings.register_folder), register_cache())

    def prune() -> None:
        prune_adhoc(evidence_dir, settings.adhoc_keep_days, settings.adhoc_max_bytes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        await asyncio.to_thread(migrate, engine)
        await asyncio.to_thread(prune)
        app.state.store = Store(engine)
        pool = None
        if settings.scoring_processes:
            setup = ScoringSetup(scorer, alerts, register, settings.database_url)
            pool = ScoringPool(setup, settings.scoring_processes)
            await pool.start()  # not ready before every process has loaded the model
        app.state.worker = Worker(
            app.state.store, scorer, capture, evidence_dir, settings.workers, alerts, register, pool
        )
        app.state.worker.start()
        yield
        await app.state.worker.stop()  # its tasks first: they may be waiting on the pool
        if pool is not None:
            pool.shutdown()
        engine.dispose()

    app = FastAPI(
        title="scamrank triage",
        version="1",
        lifespan=lifespan,
        description="Priority flags, reasons and a case queue for reported shop sites.",
        redoc_url=None,  # one interactive description (/docs) is enough to keep safe
    )
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))  # autoescapes .html templates
    sessions = Sessions(settings)
    app.state.settings, app.state.scorer, app.state.sessions = settings, scorer, sessions
    # Outermost last: headers on every answer, then the caller, then the body bound.
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(AuthFirst, settings=settings, sessions=sessions)
    app.add_middleware(SecurityHeaders)

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

    @app.post(
        "/v1/score",
        response_model=ScoreResponse,
        responses={
            **_ERRORS,
            502: {"model": Problem, "description": "the live capture failed"},
            503: {"model": Problem, "description": "the scoring process ended: try again"},
        },
    )
    async def score(body: ScoreRequest, caller: ReaderDep, language: LangDep) -> ScoreResponse:
        reported_at = body.reported_at or datetime.now(UTC)
        if body.url is not None:
            if not _investigates(caller):  # a live capture costs disk and traffic
                raise HTTPException(
                    status.HTTP_403_FORBIDDEN,
                    "live capture (`url`) needs an investigator's key; send `pages` instead",
                )
            url, problem = normalise_url(body.url)
            if url is None:
                raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, problem)
            evidence = adhoc_folder(evidence_dir)
            try:
                site = await capture(url, reported_at, "adhoc", evidence)
            except Exception as exc:
                raise HTTPException(
                    status.HTTP_502_BAD_GATEWAY,
                    f"capture of {url} failed: {type(exc).__name__}: {exc}",
                ) from exc
            finally:
                await asyncio.to_thread(prune)
        else:
            site = site_from_pages(body, reported_at)
        try:
            result = await app.state.worker.score(site)
        except ScoringUnavailable as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
        reasons = render(result["reason_facts"], language) if result["score"] is not None else []
        notes = list(site.notes) + ([str(result["reasons"])] if result["score"] is None else [])
        return ScoreResponse(
            url=site.url,
            score=result["score"],
            priority=result["priority"] or None,
            reasons=reasons,
            model_version=scorer.version,
            notes=notes,
            alerts=alert_matches(str(result["alerts"])) or [] if result["alerts"] else [],
        )

    @app.post(
        "/v1/cases",
        response_model=ReportResponse,
        status_code=status.HTTP_202_ACCEPTED,
        responses={
            **_ERRORS,
            422: {"model": Problem, "description": "no usable URL, or a reused Idempotency-Key"},
            503: {"model": Problem, "description": "the store is too busy: try again"},
        },
    )
    async def report(
        body: ReportRequest,
        caller: InvestigatorDep,
        idempotency_key: Annotated[
            str | None, Header(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")
        ] = None,
    ) -> ReportResponse | JSONResponse:
        if len(body.urls) > settings.max_urls_per_report:
            raise HTTPException(
                status.HTTP_413_CONTENT_TOO_LARGE,
                f"at most {settings.max_urls_per_report} URLs a report",
            )
        reported_at = body.reported_at or datetime.now(UTC)
        items, rejected = [], []
        for raw in body.urls:
            url, problem = reported_url(raw)
            if url is None:
                rejected.append({"url": raw[:200], "error": str(problem)})
            else:
                items.append((url, registrable_domain(url)))
        if not items:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, {"rejected": rejected})

        def answer(done: list) -> tuple[int, dict[str, object]]:
            cases = [
                Reported(case_id=r.case_id, url=url, merged=r.merged)
                for r, (url, _) in zip(done, items, strict=True)
            ]
            return 202, ReportResponse(cases=cases, rejected=rejected).model_dump(mode="json")

        idempotency = None
        if idempotency_key is not None:
            digest = request_hash(body.model_dump(mode="json", exclude_none=False))
            idempotency = (caller.key_id, idempotency_key, digest)
        try:
            done = await asyncio.to_thread(
                report_many,
                store(),
                items,
                body.reporter_ref,
                reported_at,
                answer,
                idempotency,
                timedelta(hours=settings.idempotency_hours),
            )
        except IdempotencyConflict as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
        if isinstance(done, Replay):  # a retry: the first answer, nothing written again
            return JSONResponse(done.body, status_code=done.status_code)
        for reported in done:
            if not reported.merged:
                app.state.worker.submit(reported.case_id)
        return ReportResponse.model_validate(answer(done)[1])

    @app.get(
        "/v1/cases",
        response_model=CasePage,
        responses=_ERRORS,
    )
    async def queue(
        caller: ReaderDep,
        language: LangDep,
        status_: Annotated[
            str | None, Query(alias="status", pattern="^(queued|captured|scored|failed)$")
        ] = None,
        priority: Annotated[str | None, Query(pattern="^P[123]$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
        # shop=false: the sites noted "not a shop", to route elsewhere; shop=true: the others.
        shop: Annotated[bool | None, Query()] = None,
        alert: Annotated[
            bool | None,
            Query(
                description="true: only the sites selling a product of an EU Safety Gate alert "
                "(`dangerous_product`); false: all the others."
            ),
        ] = None,
    ) -> CasePage:
        try:
            rows, next_cursor = await asyncio.to_thread(
                store().queue, status_, priority, limit, cursor, False, shop, alert
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
        shown = [case_out(r, language, evidence=_investigates(caller)) for r in rows]
        return CasePage(cases=shown, next_cursor=next_cursor)

    def detail(case_id: int, language: str, evidence: bool) -> CaseDetail:
        """A case with its linked cases and the priority raises in force (a thread's work)."""
        row = store().get(case_id)
        linked, raised = linked_cases(store(), case_id), raises_in_force(store(), case_id)
        return case_out(row, language, True, evidence, linked, raised)

    @app.get("/v1/cases/{case_id}", response_model=CaseDetail, responses={**_ERRORS, **_MISSING})
    async def one_case(case_id: CaseId, caller: ReaderDep, language: LangDep) -> CaseDetail:
        try:
            return await asyncio.to_thread(detail, case_id, language, _investigates(caller))
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc

    @app.post(
        "/v1/cases/{case_id}/outcome", response_model=CaseDetail, responses={**_ERRORS, **_MISSING}
    )
    async def verdict(
        case_id: CaseId, body: VerdictRequest, caller: InvestigatorDep, language: LangDep
    ) -> CaseDetail:
        try:
            await asyncio.to_thread(
                store().record_verdict,
                case_id,
                body.outcome,
                body.who or "",
                body.note,
                caller.name,
            )
            return await asyncio.to_thread(detail, case_id, language, True)
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "login.html", {"error": ""})

    @app.post("/login", response_model=None, include_in_schema=False)
    async def login(
        request: Request, key: Annotated[str, Form(min_length=1, max_length=200)]
    ) -> HTMLResponse | RedirectResponse:
        found = key_of(settings, key)
        if found is None:
            return templates.TemplateResponse(
                request,
                "login.html",
                {"error": "unknown key"},
                status_code=status.HTTP_401_UNAUTHORIZED,
            )
        response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
        secure = settings.secure_cookies
        response.set_cookie(
            SESSION_COOKIE,
            sessions.issue(found),
            max_age=sessions.max_age,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https" if secure is None else secure,
        )
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(caller: PageSignedInDep) -> RedirectResponse:
        response = RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
        response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")
        return response

    @app.get("/", response_class=HTMLResponse, response_model=None, include_in_schema=False)
    async def page(
        request: Request,
        caller: PageCallerDep,
        language: LangDep,
        status_: Annotated[
            str | None, Query(alias="status", pattern="^(queued|captured|scored|failed)?$")
        ] = None,
        priority: Annotated[str | None, Query(pattern="^(P[123])?$")] = None,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
        alert: Annotated[str | None, Query(pattern="^(true|false)?$")] = None,
    ) -> HTMLResponse | RedirectResponse:
        if caller is None:  # a browser that has not signed in: to the sign-in form
            return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
        flagged = {"true": True, "false": False}.get(alert or "")
        try:
            rows, next_cursor = await asyncio.to_thread(
                store().queue, status_ or None, priority or None, 100, cursor, False, None, flagged
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
                "alert": alert or "",
                "caller": caller,
                "can_decide": _investigates(caller),
                "csrf_token": request.state.csrf_token,
                "model": scorer.version,
            },
        )

    @app.post("/cases/{case_id}/verdict", include_in_schema=False)
    async def page_verdict(
        case_id: CaseId,
        caller: PageInvestigatorDep,
        outcome: Annotated[str, Form(pattern="^(fraud|legit)$")],
        note: Annotated[str, Form(max_length=5000)] = "",
        back: Annotated[str, Form(pattern="^(queue|case)$")] = "queue",
    ) -> RedirectResponse:
        try:
            await asyncio.to_thread(
                store().record_verdict, case_id, outcome, "", note or None, caller.name
            )
        except StoreError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        # Back where the verdict was given: a fixed choice, never a URL from the form.
        target = f"/cases/{case_id}" if back == "case" else "/"
        return RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)

    app.include_router(case_router(page_caller))  # the case page, signed in as the queue
    return app
