"""Fetching one URL of a live site, safely and within bounds, redirects followed hop by hop.

Every hop is a new request through the GuardedTransport (its host resolved and its addresses
checked), and is kept as it was received so it can be written as WARC evidence: status, headers
and the body as sent (content coding kept). Limits: connect and read timeouts, a time limit per
response, a size limit on decoded bytes, a redirect limit with loop detection, HTML only for
pages, and at most so many requests in flight in all and per host.
"""

from __future__ import annotations

import asyncio
import ssl
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import brotli
import httpcore
import httpx

from capture.addresses import AddressPolicy
from capture.body import CodingError, DecodedSize
from capture.domains import registrable_domain
from capture.host_slots import HostSlots
from capture.transport import GuardedTransport, NotResolved, Refused, Resolver
from capture.warc import REDIRECT_STATUSES, decode_content, is_html, media_type, url_key

USER_AGENT = "scamrank/0.1 (+consumer-protection triage)"
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
_SNIFF_BYTES = 1024  # read before judging a body whose Content-Type says nothing


@dataclass(frozen=True)
class FetchOptions:
    """Limits and manners of live captures: one object, passed down to every request."""

    user_agent: str = USER_AGENT
    accept_language: str = "fr-FR,fr;q=0.9,en;q=0.7"  # the shops are reported in France
    connect_timeout: float = 10.0  # seconds to resolve and connect (TLS handshake included)
    read_timeout: float = 20.0  # seconds of silence allowed while a response arrives
    page_timeout: float = 30.0  # seconds for one response, first byte to last
    site_timeout: float = 120.0  # seconds for all the pages of one site
    max_bytes: int = 5 * 1024 * 1024  # decoded bytes of one body
    max_redirects: int = 10
    max_pages: int = 8  # pages of one site, the reported page included
    concurrency: int = 32  # requests in flight, all sites together
    per_host: int = 2  # requests in flight to one host name
    allow_private: bool = False  # connect to loopback, private... addresses (tests, labs)
    allowed_networks: tuple[str, ...] = ()  # networks allowed even without allow_private
    # When set, the only names that resolve, each to its address or addresses in order (no DNS
    # at all): for tests, which give a name several answers to check that every one is checked.
    hosts: Mapping[str, str | Sequence[str]] | None = None
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)
    # Opens the TCP connections, to checked addresses only; None is httpcore's own backend.
    # Tests give one that records every connection asked of it.
    connector: httpcore.AsyncNetworkBackend | None = field(default=None, compare=False)

    @property
    def policy(self) -> AddressPolicy:
        return AddressPolicy(self.allow_private, self.allowed_networks)


@dataclass(frozen=True)
class Failure:
    """Why a URL gave no usable page. `kind` is short and stable, for counting in summaries:
    bad-url, refused, dns, connect, tls, timeout, protocol, too-large, bad-encoding,
    not-html, redirects, off-site, http."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


@dataclass(frozen=True)
class Hop:
    """One response as it was received, to be written as a WARC response record."""

    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes  # as sent: content coding kept, transfer coding (chunks) undone
    request_headers: tuple[tuple[str, str], ...]
    ip_address: str | None
    fetched_at: datetime  # when the response headers arrived, UTC

    @property
    def is_redirect(self) -> bool:
        return self.status in REDIRECT_STATUSES and self.location is not None

    @property
    def location(self) -> str | None:
        for name, value in self.headers:
            if name.lower() == "location" and value.strip():
                try:
                    return urljoin(self.url, value.strip())
                except ValueError:
                    return None
        return None

    def header(self, wanted: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == wanted.lower()), None)


@dataclass(frozen=True)
class Fetched:
    """What asking for one URL gave: every response kept (redirects first), and the failure
    when it gave no usable final response."""

    url: str
    hops: tuple[Hop, ...]
    failure: Failure | None

    @property
    def final(self) -> Hop | None:
        """The last response, when it is not a redirect and nothing failed."""
        if self.failure is not None or not self.hops or self.hops[-1].is_redirect:
            return None
        return self.hops[-1]


class _Stop(Exception):
    """Ends one fetch with a Failure."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.failure = Failure(kind, detail)


def url_refusal(url: str) -> str | None:
    """Why a URL is never fetched (scheme, no host, bad port), or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - evaluated for the ValueError a bad port raises
    except ValueError as exc:
        return f"{url!r} is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"{url!r}: only http and https URLs are fetched"
    if not parts.hostname:
        return f"{url!r} has no host name"
    if parts.username or parts.password:
        return f"{url!r} carries a user name or password"
    return None


def _failure_of(exc: BaseException, timeouts: FetchOptions) -> Failure:
    """A network exception, in words an investigator can act on."""
    if isinstance(exc, Refused):
        return Failure("refused", str(exc))
    if isinstance(exc, NotResolved):
        return Failure("dns", str(exc))
    if isinstance(exc, httpcore.ConnectTimeout | httpx.ConnectTimeout):
        return Failure("timeout", f"no connection within {timeouts.connect_timeout:g} s")
    if isinstance(exc, httpcore.TimeoutException | httpx.TimeoutException):
        return Failure("timeout", f"the server stayed silent for {timeouts.read_timeout:g} s")
    said = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol | httpcore.UnsupportedProtocol):
        return Failure("bad-url", said)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return Failure("tls", f"TLS failed: {type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpcore.ConnectError | httpx.ConnectError | OSError):
        return Failure("connect", f"connection failed: {said}")
    if isinstance(exc, httpcore.ProtocolError | httpx.ProtocolError):
        return Failure("protocol", f"not a valid HTTP answer: {said}")
    if isinstance(exc, httpcore.NetworkError | httpx.NetworkError):
        return Failure("connect", f"the connection broke: {said}")
    return Failure("protocol", f"{type(exc).__name__}: {said}")


def _sets_cookies(headers: httpx.Headers) -> bool:
    """Whether a response carries cookies: the jar reads only these two headers, so a response
    without them is not handed to it (the cookie policy costs about 0.1 ms a response)."""
    return "set-cookie" in headers or "set-cookie2" in headers


class Fetcher:
    """Fetches URLs with one connection pool and shared limits; use as an async context manager.

    `get` never raises for what a site does (errors become a Failure); only cancellation
    propagates.
    """

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        resolver = Resolver(self.options.policy, self.options.hosts)
        self._transport = GuardedTransport(
            resolver,
            per_origin=self.options.per_host,
            max_origins=max(self.options.concurrency * 2, 8),
            ssl_context=self.options.ssl_context,
            network=self.options.connector,
        )
        self._slots = asyncio.Semaphore(self.options.concurrency)
        self._host_slots = HostSlots(self.options.per_host)  # nothing kept per host once done
        self.requests = 0
        # The same for every request: built once (httpx copies the headers into each request,
        # and httpcore only reads the timeouts).
        self._headers: dict[str, httpx.Headers] = {}
        self._timeouts = {
            "connect": self.options.connect_timeout,
            "read": self.options.read_timeout,
            "write": self.options.read_timeout,
            "pool": self.options.page_timeout,
        }

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._transport.aclose()

    async def get(
        self,
        url: str,
        cookies: httpx.Cookies | None = None,
        *,
        accept: str = ACCEPT_HTML,
        html_only: bool = True,
        domains: frozenset[str] | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
    ) -> Fetched:
        """GET `url`, following redirects. `domains`, when given, are the registrable domains
        a redirect may lead to; `html_only` refuses a final response that is not HTML."""
        hops: list[Hop] = []
        limit = self.options.max_redirects if max_redirects is None else max_redirects
        seen: set[str] | None = None  # URL keys met, worked out at the first redirect only
        current = url
        try:
            while True:
                refusal = url_refusal(current)
                if refusal:
                    raise _Stop("bad-url" if not hops else "refused", refusal)
                if hops and domains is not None and registrable_domain(current) not in domains:
                    raise _Stop("off-site", f"{hops[-1].url} redirects off the site: {current}")
                hop = await self._one(current, cookies, accept, html_only, max_bytes)
                hops.append(hop)
                target = hop.location if hop.status in REDIRECT_STATUSES else None
                if target is None:
                    return Fetched(url, tuple(hops), None)
                if seen is None:
                    seen = {url_key(url)}
                key = url_key(target)
                if key in seen:
                    chain = " -> ".join([*(h.url for h in hops), target])
                    raise _Stop("redirects", f"redirect loop: {chain}")
                if len(hops) > limit:
                    raise _Stop("redirects", f"more than {limit} redirects from {url}")
                seen.add(key)
                current = target
        except _Stop as stop:
            return Fetched(url, tuple(hops), stop.failure)

    async def _one(
        self,
        url: str,
        cookies: httpx.Cookies | None,
        accept: str,
        html_only: bool,
        max_bytes: int | None,
    ) -> Hop:
        options = self.options
        host = (urlsplit(url).hostname or "").lower()
        async with self._host_slots.hold(host), self._slots:
            self.requests += 1
            try:
                async with asyncio.timeout(options.page_timeout):
                    return await self._exchange(url, cookies, accept, html_only, max_bytes)
            except TimeoutError:
                raise _Stop(
                    "timeout", f"{url} took over {options.page_timeout:g} s to answer"
                ) from None
            except _Stop:
                raise
            except Exception as exc:  # whatever the network or the server did: one failure
                failure = _failure_of(exc, options)
                raise _Stop(failure.kind, f"{url}: {failure.detail}") from None

    async def _exchange(
        self,
        url: str,
        cookies: httpx.Cookies | None,
        accept: str,
        html_only: bool,
        max_bytes: int | None,
    ) -> Hop:
        options = self.options
        asked = self._headers.get(accept)
        if asked is None:
            asked = self._headers[accept] = httpx.Headers(
                {
                    "User-Agent": options.user_agent,
                    "Accept": accept,
                    "Accept-Language": options.accept_language,
                    "Accept-Encoding": "gzip, deflate, br",
                }
            )
        request = httpx.Request("GET", url, headers=asked)
        if cookies:  # an empty jar adds no header: skip the cookie policy's work (~0.1 ms)
            cookies.set_cookie_header(request)
        request.extensions["timeout"] = self._timeouts
        response = await self._transport.handle_async_request(request)
        try:
            fetched_at = datetime.now(UTC)
            if cookies is not None and _sets_cookies(response.headers):
                cookies.extract_cookies(response)
            status = response.status_code
            headers = tuple(
                (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
            )
            redirect = status in REDIRECT_STATUSES
            limit = options.max_bytes if max_bytes is None else max_bytes
            body = await self._body(response, url, html_only and not redirect, limit)
            stream = response.extensions.get("network_stream")
            peer = stream.get_extra_info("server_addr") if stream is not None else None
            reason = response.extensions.get("reason_phrase", b"")
            return Hop(
                url=url,
                status=status,
                reason=reason.decode("latin-1") if isinstance(reason, bytes) else str(reason),
                headers=headers,
                body=body,
                request_headers=tuple(
                    (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
                ),
                ip_address=str(peer[0]) if peer else None,
                fetched_at=fetched_at,
            )
        finally:
            await response.aclose()

    async def _body(self, response: httpx.Response, url: str, html_only: bool, limit: int) -> bytes:
        """The body as sent, read while its decoded size stays within `limit`; for a page, only
        when it is HTML (by its Content-Type, or by its first bytes when the type says nothing)."""
        content_type = response.headers.get("content-type")
        coding = response.headers.get("content-encoding")
        status = response.status_code
        if html_only and not is_html(content_type, b"<html>"):
            # Declared as something other than HTML: not even downloaded.
            kind = media_type(content_type)
            raise _Stop("not-html", f"{url} is not an HTML page but {kind} (HTTP {status})")
        must_sniff = html_only and not is_html(content_type, None)
        try:
            counter = DecodedSize(coding, limit)
        except CodingError as exc:
            raise _Stop("bad-encoding", f"{url}: {exc}") from None
        raw = bytearray()
        async for chunk in response.aiter_raw():
            raw += chunk
            try:
                counter.feed(chunk)
            except (zlib.error, brotli.error) as exc:
                raise _Stop(
                    "bad-encoding", f"{url}: the body is not valid {coding} ({exc})"
                ) from None
            if counter.over or len(raw) > limit:
                raise _Stop("too-large", f"{url}: the body passed {limit:,} bytes (decoded)")
            if must_sniff and counter.total >= _SNIFF_BYTES:
                _require_html(bytes(raw), content_type, coding, url)
                must_sniff = False
        if must_sniff:
            _require_html(bytes(raw), content_type, coding, url)
        return bytes(raw)


def _require_html(raw: bytes, content_type: str | None, coding: str | None, url: str) -> None:
    """Refuse a body whose type says nothing and whose first bytes are not HTML."""
    head, _ = decode_content(raw, coding, _SNIFF_BYTES)
    if not is_html(content_type, head):
        raise _Stop("not-html", f"{url} is not an HTML page (by its first bytes)")
