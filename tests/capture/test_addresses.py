"""The address classifier, on literal addresses only: nothing here connects anywhere."""

from __future__ import annotations

import pytest

from capture.addresses import AddressPolicy, address_problem


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata services live here
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("192.0.2.10", "private"),  # documentation range
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 around 10.0.0.1
        ("fe80::1%eth0", "link-local"),
        ("not an address", "not an IP address"),
    ],
)
def test_non_public_addresses_are_named(address: str, problem: str) -> None:
    assert address_problem(address) == problem


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "8.8.8.8"])
def test_public_addresses_have_no_problem(address: str) -> None:
    assert address_problem(address) is None


def test_the_default_policy_refuses_loopback_and_private_addresses() -> None:
    policy = AddressPolicy()
    assert policy.refusal("127.0.0.1") == (
        "a loopback address (--allow-private lets such hosts be captured)"
    )
    assert policy.refusal("10.0.0.1") is not None
    assert policy.refusal("93.184.215.14") is None


def test_allow_private_lets_private_addresses_through_but_never_multicast() -> None:
    policy = AddressPolicy(allow_private=True)
    assert policy.refusal("127.0.0.1") is None
    assert policy.refusal("192.168.0.10") is None
    assert policy.refusal("224.0.0.1") == "a multicast address"
    assert policy.refusal("0.0.0.0") == "an unspecified address"


def test_allowed_networks_let_only_their_addresses_through() -> None:
    policy = AddressPolicy(allowed_networks=("127.0.0.1/32",))
    assert policy.refusal("127.0.0.1") is None
    assert policy.refusal("127.0.0.2") is not None
    assert policy.refusal("::1") is not None
