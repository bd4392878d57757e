"""Who is calling: programs send `Authorization: Bearer KEY` (no other scheme, Basic included);
the triage page signs in once with the key and then carries a session cookie.

The session cookie never holds the key: it is an HMAC-signed (itsdangerous) record of the key's
holder, a digest of the key (so that a key removed from the settings ends its sessions) and a
random session nonce, with its time of issue; it expires after `session_hours`. Each form of the
page carries a CSRF token derived from that nonce, checked on every form post.

`AuthFirst` identifies the caller before the application reads the request body, so that an
unauthenticated caller gets 401 and never sees validation details of the body it sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request, status
from fastapi.security import HTTPBearer
from itsdangerous import BadSignature, URLSafeTimedSerializer

from serve.settings import ApiKey, Settings

ROLES = {"reader": 0, "investigator": 1}
SESSION_COOKIE = "scamrank_session"
# Paths that answer without a caller: probes, the description, the sign-in form.
_OPEN_PATHS = {"/health", "/ready", "/openapi.json", "/docs", "/redoc", "/login"}
_BEARER = {"WWW-Authenticate": 'Bearer realm="scamrank"'}


@dataclass(frozen=True)
class Caller:
    """An authenticated caller: the key's role, its holder, a digest naming the key, and for a
    page session the nonce its CSRF token is derived from."""

    role: str
    name: str
    key_id: str
    session: str | None = None


class Sessions:
    """Signs and reads the page's session cookies and derives their CSRF tokens."""

    def __init__(self, settings: Settings) -> None:
        secret = (
            settings.session_secret.get_secret_value()
            if settings.session_secret is not None
            else secrets.token_urlsafe(32)  # sessions then end with the process
        )
        self._secret = secret.encode()
        self._signer = URLSafeTimedSerializer(secret, salt="scamrank-session")
        self.max_age = int(settings.session_hours * 3600)
        self._keys = {k.fingerprint: k for k in settings.api_key_list()}

    def issue(self, key: ApiKey) -> str:
        """A new session cookie value for the holder of `key`."""
        return self._signer.dumps({"f": key.fingerprint, "n": secrets.token_urlsafe(16)})

    def read(self, cookie: str | None) -> Caller | None:
        """The caller of a valid, unexpired session whose key is still configured, else None."""
        if not cookie:
            return None
        try:
            data = self._signer.loads(cookie, max_age=self.max_age)
        except (BadSignature, ValueError, json.JSONDecodeError):
            return None
        if not isinstance(data, dict):
            return None
        key = self._keys.get(str(data.get("f")))
        nonce = data.get("n")
        if key is None or not isinstance(nonce, str):
            return None
        return Caller(role=key.role, name=key.holder, key_id=key.fingerprint, session=nonce)

    def csrf_token(self, caller: Caller) -> str:
        """The token the page's forms carry; bound to the session, so a new sign-in changes it."""
        nonce = caller.session or ""
        return hmac.new(self._secret, f"csrf:{nonce}".encode(), hashlib.sha256).hexdigest()


def key_of(settings: Settings, key: str) -> ApiKey | None:
    """The configured key equal to `key` (compared in constant time), else None."""
    found = None
    for known in settings.api_key_list():
        if hmac.compare_digest(known.key.encode(), key.encode()):
            found = known
    return found


def _bearer_caller(settings: Settings, header: str) -> Caller | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    key = key_of(settings, value.strip())
    if key is None:
        return None
    return Caller(role=key.role, name=key.holder, key_id=key.fingerprint)


def _needs_caller(path: str, method: str) -> bool:
    """API paths always; page paths for anything but reading (reading pages redirect to the
    sign-in form themselves)."""
    if path in _OPEN_PATHS:
        return False
    if path.startswith("/v1/"):
        return True
    return method not in ("GET", "HEAD")


class AuthFirst:
    """ASGI middleware: finds the caller (Bearer on `/v1/`, the session cookie elsewhere), keeps
    it in the request state, and answers before the body is read when one is needed (401 on the
    API, a redirect to the sign-in form for a page)."""

    def __init__(self, app, settings: Settings, sessions: Sessions) -> None:  # type: ignore[no-untyped-def]
        self.app, self.settings, self.sessions = app, settings, sessions

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        path, method = scope.get("path", ""), scope.get("method", "GET")
        if path.startswith("/v1/"):
            header = headers.get(b"authorization", b"").decode("latin-1")
            caller = _bearer_caller(self.settings, header)
            problem = "unknown API key" if header else "an API key is required"
        else:
            caller = self.sessions.read(_cookie(headers.get(b"cookie", b"")))
            problem = "sign in first"
        scope.setdefault("state", {})["caller"] = caller
        if caller is None and _needs_caller(path, method):
            if path.startswith("/v1/"):
                return await _refuse(send, problem)
            return await _to_sign_in(send)  # a page's form after the session ended
        return await self.app(scope, receive, send)


def _cookie(raw: bytes) -> str | None:
    for part in raw.decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name == SESSION_COOKIE:
            return value
    return None


async def _refuse(send, detail: str) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json")]
    headers += [(k.lower().encode(), v.encode()) for k, v in _BEARER.items()]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _to_sign_in(send) -> None:  # type: ignore[no-untyped-def]
    headers = [(b"location", b"/login"), (b"content-type", b"text/plain; charset=utf-8")]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b"sign in first"})


# Declares the scheme in the OpenAPI description; the check itself is AuthFirst's.
_bearer_scheme = HTTPBearer(auto_error=False, description="an API key")


def identify(request: Request, _: Annotated[object, Depends(_bearer_scheme)] = None) -> Caller:
    """The caller found by AuthFirst; 401 when there is none."""
    caller = getattr(request.state, "caller", None)
    if caller is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "an API key is required", _BEARER)
    return caller


def reader(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    return caller


def investigator(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    if ROLES[caller.role] < ROLES["investigator"]:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this key may only read")
    return caller


def page_caller(request: Request) -> Caller | None:
    """The signed-in caller of a page, or None (the page then sends the browser to sign in).
    Its CSRF token is left in `request.state.csrf_token` for the page's forms."""
    caller = getattr(request.state, "caller", None)
    if caller is not None and caller.session is not None:
        request.state.csrf_token = request.app.state.sessions.csrf_token(caller)
    return caller


def _csrf_checked(request: Request, caller: Caller, csrf: str) -> Caller:
    """`caller` when it signed in through the page and `csrf` is its session's token: a form
    posted from another site carries no valid token (and a Bearer caller has no session)."""
    expected = request.app.state.sessions.csrf_token(caller)
    if caller.session is None or not hmac.compare_digest(csrf.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the form's CSRF token is missing or stale")
    return caller


def page_investigator(
    request: Request,
    caller: Annotated[Caller, Depends(investigator)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Caller:
    """A signed-in investigator whose form carried this session's CSRF token."""
    return _csrf_checked(request, caller, csrf_token)


def page_signed_in(
    request: Request,
    caller: Annotated[Caller, Depends(identify)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Caller:
    """A signed-in caller (any role) whose form carried this session's CSRF token."""
    return _csrf_checked(request, caller, csrf_token)


ReaderDep = Annotated[Caller, Depends(reader)]
InvestigatorDep = Annotated[Caller, Depends(investigator)]
PageCallerDep = Annotated[Caller | None, Depends(page_caller)]
PageInvestigatorDep = Annotated[Caller, Depends(page_investigator)]
PageSignedInDep = Annotated[Caller, Depends(page_signed_in)]
