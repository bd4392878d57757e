"""Ranges of the IANA special-purpose address registries that are not globally reachable, which
Python 3.11's ipaddress takes for global: the classifier names them, so a live capture refuses
them as it refuses private addresses. Literal addresses only: nothing here connects anywhere."""

from __future__ import annotations

import pytest

from capture.addresses import AddressPolicy, address_problem


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("fec0::1", "site-local"),
        ("feff:ffff::1", "site-local"),  # the range's last /16
        ("64:ff9b:1::a00:1", "local-use NAT64"),
        ("3fff:1::1", "documentation"),
        ("192.0.0.8", "IETF protocol assignment"),
        ("192.0.0.255", "IETF protocol assignment"),
        ("::ffff:192.0.0.8", "IETF protocol assignment"),  # IPv4-mapped: judged by its IPv4
    ],
)
def test_registry_ranges_python_takes_for_global_are_named(address: str, problem: str) -> None:
    assert address_problem(address) == problem
    assert AddressPolicy().refusal(address) is not None
    assert AddressPolicy(allow_private=True).refusal(address) is None


@pytest.mark.parametrize(
    "address",
    [
        "192.0.0.9",  # PCP anycast: globally reachable in the registry
        "192.0.0.10",  # TURN anycast: likewise
        "192.0.1.1",  # just after 192.0.0.0/24
        "2a00:1450::1",  # an ordinary global unicast address
        "3fff:1000::1",  # just after 3fff::/20
    ],
)
def test_neighbours_of_those_ranges_stay_public(address: str) -> None:
    assert address_problem(address) is None
