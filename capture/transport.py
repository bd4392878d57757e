"""An httpx transport that resolves host names itself and connects only to checked addresses.

The check and the connection use the same resolved address, so a host name cannot pass the
check with one address and be connected to another (DNS rebinding). The TLS handshake still
names the host (SNI and certificate checks), and the Host header is the URL's, so servers see
an ordinary request. Every redirect is a new request, so every hop goes through here.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import AsyncIterator, Iterable, Mapping

import httpcore
import httpx

from capture.addresses import AddressPolicy, parse_address


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


class Resolver:
    """Host name -> the addresses to connect to, each checked against the policy.

    `hosts`, when given, is the whole of DNS (as a hosts file, but exclusive): names it lacks do
    not resolve. Tests use it so that no name is ever looked up on the network.
    """

    def __init__(self, policy: AddressPolicy, hosts: Mapping[str, str] | None = None) -> None:
        self.policy = policy
        self.hosts = {k.lower().rstrip("."): v for k, v in hosts.items()} if hosts else None

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
            return [self.hosts[name]] if name in self.hosts else []
        try:
            # getaddrinfo blocks: run it in a thread so other sites keep going.
            infos = await asyncio.to_thread(
                socket.getaddrinfo, name, port, type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError) as exc:
            raise NotResolved(f"{name} does not resolve ({exc})") from None
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network layer with resolution and the address check in front of connect."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.inner = httpcore.AnyIOBackend()

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


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._response.aiter_stream():
            yield chunk

    async def aclose(self) -> None:
        await self._response.aclose()


class GuardedTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over a connection pool whose every connection went through the Resolver.

    No proxy from the environment is used: a proxy would connect on our behalf, unchecked.
    """

    def __init__(
        self,
        resolver: Resolver,
        max_connections: int = 64,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=_GuardedBackend(resolver),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]  # httpx streams are async iterables
            extensions=request.extensions,
        )
        response = await self._pool.handle_async_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response),
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()
