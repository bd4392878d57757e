"""An httpx transport that resolves host names itself and connects only to checked addresses.

The check and the connection use the same resolved address, so a host name cannot pass the
check with one address and be connected to another (DNS rebinding). The TLS handshake still
names the host (SNI and certificate checks), and the Host header is the URL's, so servers see
an ordinary request. Every redirect is a new request, so every hop goes through here.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from functools import cache

import httpcore
import httpx

from capture.addresses import AddressPolicy, parse_address
from capture.streams import AsyncioBackend


class Refused(Exception):
    """A host that must not be connected to: what it resolved to breaks the address policy."""


class NotResolved(Exception):
    """A host name that resolves to no address."""


def _special_name(host: str) -> tuple[str, ...] | None:
    """Addresses of the names RFC 6761 reserves, answered without asking DNS: `localhost` and
    `*.localhost` are loopback, `*.invalid` never resolves (as browsers do)."""
    if host == "localhost" or host.endswith(".localhost"):
        return ("127.0.0.1",)
    if host == "invalid" or host.endswith(".invalid"):
        return ()
    return None


def default_ssl_context() -> ssl.SSLContext:
    """httpx's verifying TLS context (certifi's roots, or SSL_CERT_FILE / SSL_CERT_DIR when
    set), built once per process: loading the roots costs about 50 ms of CPU, paid by every run
    and every Fetcher otherwise. Sharing it is safe: it is only read once built (httpcore sets
    the same ALPN list on it for every connection)."""
    return _ssl_context_for(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@cache
def _ssl_context_for(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    # Keyed by the variables httpx reads, so that changing them still changes the roots.
    return httpx.create_ssl_context()


class Resolver:
    """Host name -> the addresses to connect to, each checked against the policy.

    `hosts`, when given, is the whole of DNS (as a hosts file, but exclusive): names it lacks do
    not resolve, and a name may have several addresses, in the order DNS would give them. Tests
    use it so that no name is ever looked up on the network.
    """

    def __init__(
        self, policy: AddressPolicy, hosts: Mapping[str, str | Sequence[str]] | None = None
    ) -> None:
        self.policy = policy
        self.hosts = (
            {
                name.lower().rstrip("."): (found,) if isinstance(found, str) else tuple(found)
                for name, found in hosts.items()
            }
            if hosts is not None
            else None
        )

    async def addresses(self, host: str, port: int) -> list[str]:
        """Every address of `host`, or Refused when any of them breaks the policy (all of them
        are checked: a name with one public and one private address is refused)."""
        name = host.lower().rstrip(".").strip("[]")
        found = await self._lookup(name, port)
        if not found:
            raise NotResolved(f"{host} does not resolve")
        for address in found:
            refusal = self.policy.refusal(address)
            if refusal:
                where = address if name == address else f"{name} resolves to {address}, which"
                raise Refused(f"{where} is {refusal}")
        return found

    async def _lookup(self, name: str, port: int) -> list[str]:
        if parse_address(name) is not None:
            return [str(parse_address(name))]
        special = _special_name(name)
        if special is not None:
            return list(special)
        if self.hosts is not None:
            return list(self.hosts.get(name, ()))
        try:
            # getaddrinfo blocks: run it in a thread so other sites keep going.
            infos = await asyncio.to_thread(socket.getaddrinfo, name, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise NotResolved(f"{name} does not resolve ({exc})") from None
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network layer with resolution and the address check in front of connect.

    `network` opens the connections, to checked addresses only: asyncio's own transports
    (capture/streams.py, lighter than httpcore's AnyIO backend) unless another is given (tests
    give one that records every attempt and opens no socket off loopback).
    """

    def __init__(
        self, resolver: Resolver, network: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self.resolver = resolver
        self.inner = network if network is not None else AsyncioBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self.resolver.addresses(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} took over {timeout} s") from None
        last: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # try the host's next address, as browsers do
        assert last is not None  # addresses is never empty
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise Refused("unix sockets are never connected to")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _Origin:
    """The connections to one scheme, host and port, and how many responses are open on them."""

    def __init__(self, pool: httpcore.AsyncConnectionPool) -> None:
        self.pool = pool
        self.open = 0


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: httpcore.Response, origin: _Origin) -> None:
        self._response = response
        self._origin: _Origin | None = origin

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._response.aiter_stream():
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._response.aclose()
        finally:
            if self._origin is not None:
                self._origin.open -= 1
                self._origin = None


class GuardedTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over connections that each went through the Resolver, pooled per origin.

    One small pool per origin, the least recently used closed past `max_origins`: a run over
    thousands of sites keeps a few idle connections, and finding a free one costs the same
    whatever the number of sites (one shared pool scans all its connections per request).
    No proxy from the environment is used: a proxy would connect on our behalf, unchecked.
    `network`, when given, opens the TCP connections in place of capture/streams.py's.
    """

    def __init__(
        self,
        resolver: Resolver,
        per_origin: int = 2,
        max_origins: int = 64,
        ssl_context: ssl.SSLContext | None = None,
        network: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._backend = _GuardedBackend(resolver, network)
        self._ssl_context = ssl_context or default_ssl_context()
        self._per_origin = max(1, per_origin)
        self._max_origins = max(1, max_origins)
        self._origins: OrderedDict[tuple[bytes, bytes, int | None], _Origin] = OrderedDict()

    def _origin(self, key: tuple[bytes, bytes, int | None]) -> _Origin:
        origin = self._origins.get(key)
        if origin is None:
            pool = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl_context,
                max_connections=self._per_origin,
                max_keepalive_connections=self._per_origin,
                keepalive_expiry=5.0,
                http1=True,
                http2=False,
                retries=0,
                network_backend=self._backend,
            )
            origin = self._origins[key] = _Origin(pool)
        self._origins.move_to_end(key)
        return origin

    async def _close_idle_origins(self) -> None:
        """Close the least recently used origins with no open response, down to the limit."""
        while len(self._origins) > self._max_origins:
            key = next((k for k, o in self._origins.items() if o.open == 0), None)
            if key is None:
                return  # every origin is busy: they close once their responses are read
            # Removed before the await: no request can pick it up while it closes.
            await self._origins.pop(key).pool.aclose()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]  # httpx streams are async iterables
            extensions=request.extensions,
        )
        await self._close_idle_origins()
        origin = self._origin((url.raw_scheme, url.raw_host, url.port))
        origin.open += 1
        try:
            response = await origin.pool.handle_async_request(core_request)
        except BaseException:
            origin.open -= 1
            raise
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response, origin),
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        for origin in self._origins.values():
            await origin.pool.aclose()
        self._origins.clear()
