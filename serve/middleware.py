"""ASGI middleware of the service: a bound on request bodies and the security headers that
every answer carries.

Both are plain ASGI classes (not Starlette's BaseHTTPMiddleware) so that they see streamed
bodies as they arrive and add headers without buffering the answer.
"""

from __future__ import annotations

import json

# What a browser may do with the service's pages: only its own resources, never in a frame.
# The page's small style sheets are inline, hence 'unsafe-inline' for styles alone.
CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
)
# The interactive API description (/docs) is Swagger UI, which FastAPI loads from its CDN with an
# inline start-up script: that page alone may use them, and nothing else is relaxed for it.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    # Queue, cases and scores are confidential: no browser or proxy cache keeps them.
    (b"cache-control", b"no-store"),
)


class SecurityHeaders:
    """Adds the security headers to every answer, leaving any a route set itself (the case
    page's sandboxed capture view sets its own Content-Security-Policy)."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        docs = scope.get("path") == "/docs"

        async def send_with_headers(message) -> None:  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if docs and b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", DOCS_CSP.encode()))
                    present.add(b"content-security-policy")
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, whether announced by Content-Length
    or streamed in chunks. The body (at most `limit` bytes) is read here before the application
    sees it: an error raised while the application reads would turn into a 400."""

    def __init__(self, app, limit: int) -> None:  # type: ignore[no-untyped-def]
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _too_large(send, self.limit)
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None  # the client went away: nothing to answer
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                return await _too_large(send, self.limit)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay():  # type: ignore[no-untyped-def]
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect as usual

        return await self.app(scope, replay, send)


async def _too_large(send, limit: int) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"detail": f"request body over {limit} bytes"}).encode()
    headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
