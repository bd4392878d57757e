"""Names with several addresses: every answer is checked before any connection is made.

DNS may give a name several addresses, one public and one private (an attacker's name that
points both at a real host and at the investigator's own network). The resolver must refuse
the name whatever the order of its answers. `hosts=` gives a name several addresses without
DNS, and the connector injected through FetchOptions records every connection asked of it:
it opens real sockets to loopback only (the test server), and none anywhere else.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterable, Iterator, Sequence

import httpcore
import pytest

from capture.addresses import AddressPolicy
from capture.fetch import Fetched, Fetcher, FetchOptions
from capture.transport import Refused, Resolver
from tests.capture.live_servers import LocalServer, Reply, redirect

PUBLIC = "93.184.216.34"  # public unicast: allowed by every policy, never connected to here
PUBLIC_V6 = "2606:2800:220:1:248:1893:25c8:1946"
PAGE = "<html><body><p>Boutique</p></body></html>"


class RecordingConnector(httpcore.AsyncNetworkBackend):
    """A network layer that records every TCP connection asked of it, in order.

    Loopback addresses are connected to for real (the test server lives there); any other
    address is recorded and refused with ConnectError before a socket exists, so a test can
    never reach the network even when the code under test is wrong.
    """

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []
        self.opened: list[tuple[str, int]] = []
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.attempts.append((host, port))
        if not ipaddress.ip_address(host).is_loopback:
            raise httpcore.ConnectError(f"{host} is off loopback: no socket opened in tests")
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        self.opened.append((host, port))
        return stream

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise AssertionError(f"a unix socket was asked for: {path}")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.route("*", "/", Reply(PAGE))
    server.route("*", "/onward", redirect(f"http://second.example:{server.port}/"))
    yield server
    server.stop()


def options(
    hosts: dict[str, str | Sequence[str]], connector: RecordingConnector, **policy: object
) -> FetchOptions:
    """Short timeouts, only `hosts` resolving, and the recording connector."""
    return FetchOptions(
        hosts=hosts,
        connector=connector,
        connect_timeout=2.0,
        read_timeout=2.0,
        page_timeout=5.0,
        **policy,  # type: ignore[arg-type]
    )


def fetch(url: str, fetch_options: FetchOptions) -> Fetched:
    async def run() -> Fetched:
        async with Fetcher(fetch_options) as fetcher:
            return await fetcher.get(url)

    return asyncio.run(run())


def resolve(resolver: Resolver, host: str) -> list[str]:
    return asyncio.run(resolver.addresses(host, 443))


# --- the resolver alone ------------------------------------------------------------------


@pytest.mark.parametrize("position", [0, 1, 2])
@pytest.mark.parametrize("bad", ["10.0.0.1", "127.0.0.1", "169.254.169.254", "fd00::1"])
def test_one_bad_answer_anywhere_among_several_refuses_the_name(position: int, bad: str) -> None:
    answers = [PUBLIC, "8.8.8.8", PUBLIC_V6]
    answers.insert(position, bad)
    resolver = Resolver(AddressPolicy(), hosts={"boutique-exemple.fr": answers})
    with pytest.raises(Refused, match=rf"^boutique-exemple\.fr resolves to {bad}, which is a"):
        resolve(resolver, "boutique-exemple.fr")


def test_a_name_whose_answers_are_all_public_gives_them_all_in_order() -> None:
    answers = [PUBLIC, PUBLIC_V6, "8.8.8.8"]
    resolver = Resolver(AddressPolicy(), hosts={"boutique-exemple.fr": answers})
    assert resolve(resolver, "Boutique-Exemple.FR.") == answers


def test_a_single_address_given_as_a_string_still_resolves() -> None:
    resolver = Resolver(AddressPolicy(), hosts={"boutique-exemple.fr": PUBLIC})
    assert resolve(resolver, "boutique-exemple.fr") == [PUBLIC]


def test_an_allowed_network_does_not_excuse_the_other_answers() -> None:
    policy = AddressPolicy(allowed_networks=("127.0.0.1/32",))
    resolver = Resolver(policy, hosts={"labo.example": ["127.0.0.1", "127.0.0.2"]})
    with pytest.raises(Refused, match=r"resolves to 127\.0\.0\.2, which is a loopback address"):
        resolve(resolver, "labo.example")


# --- through the Fetcher, with the connector recording every connection -------------------


@pytest.mark.parametrize(
    "answers",
    [
        [PUBLIC, "10.0.0.1"],
        ["10.0.0.1", PUBLIC],
        [PUBLIC, "169.254.169.254"],  # a cloud metadata service
        [PUBLIC_V6, "fd00::1"],
        [PUBLIC, "127.0.0.1"],
        ["127.0.0.1", PUBLIC],
        [PUBLIC, "::ffff:10.0.0.1"],  # IPv4-mapped IPv6 around a private address
    ],
)
def test_a_name_with_a_public_and_a_private_address_is_refused_before_any_connection(
    server: LocalServer, answers: list[str]
) -> None:
    connector = RecordingConnector()
    heard = len(server.log)
    result = fetch(
        f"http://boutique-exemple.fr:{server.port}/",
        options({"boutique-exemple.fr": answers}, connector),
    )
    (bad,) = [a for a in answers if a not in (PUBLIC, PUBLIC_V6)]
    assert result.failure is not None and result.failure.kind == "refused"
    assert f"boutique-exemple.fr resolves to {bad}, which is a" in result.failure.detail
    assert result.hops == ()
    assert connector.attempts == []  # refused before the connector was asked for anything
    assert len(server.log) == heard


@pytest.mark.parametrize("answers", [["127.0.0.1", "10.0.0.1"], ["10.0.0.1", "127.0.0.1"]])
def test_loopback_allowed_for_tests_does_not_let_a_private_second_answer_through(
    server: LocalServer, answers: list[str]
) -> None:
    connector = RecordingConnector()
    heard = len(server.log)
    result = fetch(
        f"http://labo.example:{server.port}/",
        options({"labo.example": answers}, connector, allowed_networks=("127.0.0.1/32",)),
    )
    assert result.failure is not None and result.failure.kind == "refused"
    assert "labo.example resolves to 10.0.0.1, which is a private address" in str(result.failure)
    assert connector.attempts == []
    assert len(server.log) == heard  # the allowed loopback answer was not connected to either


def test_a_name_whose_answers_all_pass_is_connected_to_in_their_order(
    server: LocalServer,
) -> None:
    # The public answer passes the policy and comes first: the connector is asked for it, opens
    # nothing (off loopback) and the transport moves on to the next answer, as browsers do.
    connector = RecordingConnector()
    result = fetch(
        f"http://mixte.example:{server.port}/",
        options(
            {"mixte.example": [PUBLIC, "127.0.0.1"]},
            connector,
            allowed_networks=("127.0.0.1/32",),
        ),
    )
    assert result.failure is None and result.final is not None
    assert result.final.body == PAGE.encode()
    assert result.final.ip_address == "127.0.0.1"
    assert connector.attempts == [(PUBLIC, server.port), ("127.0.0.1", server.port)]
    assert connector.opened == [("127.0.0.1", server.port)]


def test_a_redirect_to_a_name_with_a_private_answer_stops_at_that_hop(
    server: LocalServer,
) -> None:
    connector = RecordingConnector()
    result = fetch(
        f"http://first.example:{server.port}/onward",
        options(
            {"first.example": "127.0.0.1", "second.example": ["127.0.0.1", "192.168.1.1"]},
            connector,
            allowed_networks=("127.0.0.1/32",),
        ),
    )
    assert [hop.status for hop in result.hops] == [302]
    assert result.failure is not None and result.failure.kind == "refused"
    assert "second.example resolves to 192.168.1.1, which is a private address" in str(
        result.failure
    )
    assert connector.attempts == [("127.0.0.1", server.port)]  # the first hop only
