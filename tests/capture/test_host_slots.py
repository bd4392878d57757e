"""The per-host limit of live captures: it holds, and it keeps nothing for hosts that are done
(a sweep meets millions of hosts once each)."""

from __future__ import annotations

import asyncio

from capture.fetch import Fetcher, FetchOptions
from capture.host_slots import HostSlots
from tests.capture.live_servers import LocalServer, Reply


def test_no_more_than_the_limit_hold_one_host_at_once() -> None:
    slots = HostSlots(2)
    state = {"now": 0, "most": 0}

    async def one() -> None:
        async with slots.hold("shop.example"):
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
            await asyncio.sleep(0.01)
            state["now"] -= 1

    async def run() -> None:
        await asyncio.gather(*(one() for _ in range(7)))

    asyncio.run(run())
    assert state["most"] == 2
    assert len(slots) == 0


def test_other_hosts_do_not_wait_for_a_busy_one() -> None:
    slots = HostSlots(1)

    async def run() -> list[str]:
        order: list[str] = []
        busy = asyncio.Event()

        async def hold_a() -> None:
            async with slots.hold("a.example"):
                busy.set()
                await asyncio.sleep(0.2)
                order.append("a")

        async def then_b() -> None:
            await busy.wait()
            async with slots.hold("b.example"):
                order.append("b")

        await asyncio.gather(hold_a(), then_b())
        return order

    assert asyncio.run(run()) == ["b", "a"]
    assert len(slots) == 0


def test_a_cancelled_wait_leaves_nothing_behind_and_the_limit_intact() -> None:
    slots = HostSlots(1)

    async def run() -> tuple[int, int, bool]:
        release = asyncio.Event()

        async def holder() -> None:
            async with slots.hold("shop.example"):
                await release.wait()

        held = asyncio.create_task(holder())
        await asyncio.sleep(0)
        waiter = asyncio.create_task(holder())
        await asyncio.sleep(0)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        during = len(slots)  # the holder still holds: its slot stays
        release.set()
        await held
        after = len(slots)
        # A later request finds every slot free at once.
        async with asyncio.timeout(1):
            async with slots.hold("shop.example"):
                pass
        return during, after, waiter.cancelled()

    assert asyncio.run(run()) == (1, 0, True)


def test_a_fetcher_keeps_no_slot_for_the_hosts_it_is_done_with() -> None:
    server = LocalServer()
    hosts = [f"shop{i}.localhost" for i in range(30)]
    for host in hosts:
        server.route(host, "/", Reply("<html><body>boutique</body></html>"))
    options = FetchOptions(allowed_networks=("127.0.0.1/32",), hosts={}, per_host=1)

    async def run() -> tuple[int, int]:
        async with Fetcher(options) as fetcher:
            results = await asyncio.gather(*(fetcher.get(server.url(h)) for h in hosts))
            # What the fetcher holds per host once every request is done (none in flight).
            return sum(r.final is not None for r in results), len(fetcher._host_slots)

    try:
        fetched, kept = asyncio.run(run())
    finally:
        server.stop()
    assert fetched == len(hosts)
    assert kept == 0
