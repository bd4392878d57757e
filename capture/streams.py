"""httpcore's network layer on asyncio's own transports, without AnyIO's streams in between.

httpcore's default backend wraps every socket in AnyIO streams: each read and write opens a
cancel scope for its timeout, each read resumes and pauses the transport's reading (two epoll
calls), and every question about the connection (is it readable? its peer's address?) builds
AnyIO's table of attributes anew. Together that was about a sixth of a live capture's CPU time.
Here a plain asyncio Protocol buffers what arrives and a read takes from that buffer, waiting
(with its timeout) only when it is empty.

What httpcore sees is unchanged: the same exceptions (ConnectError, ConnectTimeout, ReadError,
ReadTimeout, WriteError, WriteTimeout) with the same texts and causes, TLS with the caller's
SSL context and server name, and the same answer to "is this idle connection readable?" (the
server closed it or sent something). Only checked addresses reach this layer: the Resolver and
the guarded backend in capture/transport.py come first.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
from httpcore._utils import is_socket_readable

# Reading stops while this much has arrived unread, and starts again below a quarter of it:
# bodies are read as they come, so a fast server cannot fill memory faster than it is read.
_HIGH_WATER = 256 * 1024
_LOW_WATER = _HIGH_WATER // 4


class _Protocol(asyncio.Protocol):
    """The bytes of one connection as they arrive, and what became of the connection."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.eof = False  # the server closed its side
        self.lost = False  # the connection is closed
        self.error: BaseException | None = None  # why it was lost, when it broke
        self.reading_paused = False
        self.reader: asyncio.Future[None] | None = None  # a read waiting for bytes
        self.writable: asyncio.Future[None] | None = None  # set while writing is paused

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        # As AnyIO does: a write waits until the kernel has taken every byte.
        transport.set_write_buffer_limits(0)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and not self.reading_paused:
            assert self.transport is not None
            self.transport.pause_reading()
            self.reading_paused = True
        self._wake_reader()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake_reader()
        return False  # the transport closes: HTTP/1.1 clients never write after the server

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        self.error = exc
        self._wake_reader()
        self.resume_writing()

    def pause_writing(self) -> None:
        if self.writable is None:
            self.writable = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        waiter, self.writable = self.writable, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _wake_reader(self) -> None:
        waiter, self.reader = self.reader, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def take(self, max_bytes: int) -> bytes:
        """Up to `max_bytes` of what has arrived, reading resumed once the buffer drains."""
        data = bytes(self.buffer[:max_bytes])
        del self.buffer[:max_bytes]
        if self.reading_paused and len(self.buffer) < _LOW_WATER and self.transport is not None:
            self.reading_paused = False
            self.transport.resume_reading()
        return data


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One TCP connection (TLS or not) for httpcore, over an asyncio transport."""

    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if not protocol.buffer and not protocol.eof and not protocol.lost:
            waiter = protocol.reader = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await waiter
            except TimeoutError as exc:
                raise httpcore.ReadTimeout(exc) from exc
            finally:
                protocol.reader = None
        if protocol.buffer:
            return protocol.take(max_bytes)
        if protocol.error is not None:
            # AnyIO's BrokenResourceError says nothing itself; its cause says what broke.
            raise httpcore.ReadError("") from protocol.error
        return b""  # the server closed the connection

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        protocol = self._protocol
        await self._writable(timeout)
        if protocol.error is not None:
            raise httpcore.WriteError("") from protocol.error
        self._transport.write(buffer)
        await self._writable(timeout)

    async def _writable(self, timeout: float | None) -> None:
        """Wait, within `timeout`, until the kernel has taken what was written."""
        protocol = self._protocol
        if protocol.writable is None:
            return
        try:
            async with asyncio.timeout(timeout):
                await asyncio.shield(protocol.writable)
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(exc) from exc
        if protocol.error is not None:
            raise httpcore.WriteError("") from protocol.error

    async def aclose(self) -> None:
        # As AnyIO does for httpcore: dropped at once, no TLS close_notify awaited.
        self._transport.abort()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport, self._protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as exc:
            self._transport.abort()
            raise httpcore.ConnectTimeout(exc) from exc
        except (ssl.SSLError, OSError) as exc:
            self._transport.abort()
            raise httpcore.ConnectError(exc) from exc
        except BaseException:
            self._transport.abort()
            raise
        assert transport is not None  # start_tls returns None only for a closed transport
        # The TLS transport keeps asyncio's own write limits: set to 0 as on the plain
        # connection, its SSL protocol paused writing for good and the request timed out.
        self._protocol.transport = transport
        return AsyncioStream(transport, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        transport = self._transport
        if info == "is_readable":
            # An idle connection with bytes waiting, or closed by the server, is not reused.
            protocol = self._protocol
            if protocol.buffer or protocol.eof or protocol.lost:
                return True
            return is_socket_readable(transport.get_extra_info("socket"))
        if info == "ssl_object":
            return transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return transport.get_extra_info("sockname")
        if info == "server_addr":
            return transport.get_extra_info("peername")
        if info == "socket":
            return transport.get_extra_info("socket")
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections with asyncio's loop.create_connection, to the address given."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(
                    _Protocol,
                    host,
                    port,
                    local_addr=(local_address, 0) if local_address else None,
                )
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(exc) from exc
        except OSError as exc:
            # AnyIO's words for a failed connection, so that failures read as they always did.
            failed = OSError("All connection attempts failed")
            failed.__cause__ = exc
            raise httpcore.ConnectError(failed) from failed
        sock = transport.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(transport, protocol)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError(f"unix sockets are not connected to ({path})")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
