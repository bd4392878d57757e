"""API keys: `Authorization: Bearer KEY` for programs, or HTTP Basic with the key as password for
the triage page in a browser (no JavaScript needed; the user name is who records a verdict)."""

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


def identify(request: Request) -> Caller:
    settings: Settings = request.app.state.settings
    found = _key_and_name(request.headers.get("authorization", ""))
    if found is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "an API key is required",
            headers={"WWW-Authenticate": 'Bearer, Basic realm="scamrank"'},
        )
    key, name = found
    for known, role in settings.keys().items():
        if hmac.compare_digest(known.encode(), key.encode()):
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
