"""Requests in flight per host name, kept under a limit without keeping anything per host.

A live capture meets each host once or twice and never again: a semaphore per host kept for
the whole run would grow with the sites (about 200 bytes each, 2 GB for a sweep of ten million
domains). Here a host's semaphore exists only while a request holds it or waits for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class _Slot:
    """One host's semaphore and how many requests hold it or wait for it."""

    __slots__ = ("semaphore", "users")

    def __init__(self, limit: int) -> None:
        self.semaphore = asyncio.Semaphore(limit)
        self.users = 0


class HostSlots:
    """At most `per_host` holders per host name at a time, for the requests of one event loop."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self._slots: dict[str, _Slot] = {}

    def __len__(self) -> int:
        """Hosts with a request in flight or waiting: what is held in memory."""
        return len(self._slots)

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        """Wait for a free slot of `host`, hold it for the block, then give it back. The
        semaphore is dropped once no request holds or awaits it (cancelled waits included);
        a request that comes later makes a new one, with every slot free, as the limit wants."""
        slot = self._slots.get(host)
        if slot is None:
            slot = self._slots[host] = _Slot(self.per_host)
        slot.users += 1
        try:
            async with slot.semaphore:
                yield
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[host]
