"""API keys: `Authorization: Bearer KEY` (or HTTP Basic with the key as password) for programs;
for the triage page, a sign-in form that keeps the key in an HttpOnly, SameSite=Strict cookie
(no JavaScript needed; the name given there is who records a verdict)."""

from __future__ import annotations

import base64
import binascii
import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from serve.settings import Settings

ROLES = {"reader": 0, "investigator": 1}


@dataclass(frozen=True)
class Caller:
    role: str
    name: str  # from HTTP Basic, else the role


def _key_and_name(header: str) -> tuple[str, str] | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), ""
    if scheme.lower() == "basic":
        try:
            name, _, key = base64.b64decode(value.strip()).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return key, name
    return None


KEY_COOKIE, NAME_COOKIE = "scamrank_key", "scamrank_name"


def role_of(settings: Settings, key: str) -> str | None:
    for known, role in settings.keys().items():
        if hmac.compare_digest(known.encode(), key.encode()):
            return role
    return None


def identify(request: Request) -> Caller:
    settings: Settings = request.app.state.settings
    found = _key_and_name(request.headers.get("authorization", ""))
    if found is None and request.cookies.get(KEY_COOKIE):
        found = request.cookies[KEY_COOKIE], request.cookies.get(NAME_COOKIE, "")
    if found is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "an API key is required",
            headers={"WWW-Authenticate": 'Bearer, Basic realm="scamrank"'},
        )
    key, name = found
    role = role_of(settings, key)
    if role is not None:
        return Caller(role=role, name=name.strip()[:100] or role)
    raise HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "unknown API key",
        headers={"WWW-Authenticate": 'Bearer, Basic realm="scamrank"'},
    )


def reader(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    return caller


def investigator(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    if ROLES[caller.role] < ROLES["investigator"]:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this key may only read the queue")
    return caller


ReaderDep = Annotated[Caller, Depends(reader)]
InvestigatorDep = Annotated[Caller, Depends(investigator)]
