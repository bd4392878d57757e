"""Requests in flight per host name, kept under a limit without keeping anything per host.

A live capture meets each host once or twice and never again: a semaphore per host kept for
the whole run would grow with the sites (about 200 bytes each, 2 GB for a sweep of ten million
domains). Here a host's semaphore exists only while a request holds it or waits for it.
"""

from __future__ import annotations

import asyncio


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

    def hold(self, host: str) -> _Hold:
        """Wait for a free slot of `host`, hold it for the `async with` block, then give it back.
        The semaphore is dropped once no request holds or awaits it (cancelled waits included);
        a request that comes later makes a new one, with every slot free, as the limit wants."""
        return _Hold(self, host)


class _Hold:
    """`async with slots.hold(host)`: a class rather than a generator-based context manager,
    which costs about twice as much, on every request of a run."""

    __slots__ = ("_host", "_owner", "_slot")

    def __init__(self, owner: HostSlots, host: str) -> None:
        self._owner = owner
        self._host = host
        self._slot: _Slot | None = None

    async def __aenter__(self) -> None:
        table = self._owner._slots
        slot = table.get(self._host)
        if slot is None:
            slot = table[self._host] = _Slot(self._owner.per_host)
        slot.users += 1
        self._slot = slot
        try:
            await slot.semaphore.acquire()
        except BaseException:
            self._leave()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._slot is not None
        self._slot.semaphore.release()
        self._leave()

    def _leave(self) -> None:
        slot, self._slot = self._slot, None
        assert slot is not None
        slot.users -= 1
        if slot.users == 0:
            del self._owner._slots[self._host]
