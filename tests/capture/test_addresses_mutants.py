"""The address policy's exact words and edge spellings: bracketed and zoned IPv6, Teredo
tunnels, allowed networks written loosely, refusals of text that is no address. Nothing here
connects anywhere."""

from __future__ import annotations

import ipaddress

import pytest

from capture.addresses import AddressPolicy, address_problem, parse_address


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("[::1]", "::1"),  # as written in a URL
        ("fe80::1%eth0", "fe80::1"),  # the zone is dropped, not kept as a scope
        ("fe80::1%eth0%x", "fe80::1"),  # everything after the first % is the zone
        ("10.0.0.1%eth0", "10.0.0.1"),
        ("[fe80::1%25eth0]", "fe80::1"),
    ],
)
def test_brackets_and_zones_are_dropped(text: str, address: str) -> None:
    parsed = parse_address(text)
    assert parsed == ipaddress.ip_address(address)
    assert getattr(parsed, "scope_id", None) is None


@pytest.mark.parametrize("text", ["X10.0.0.1", "10.0.0.1X", " 10.0.0.1", "", "%", "[]"])
def test_text_around_an_address_is_not_an_address(text: str) -> None:
    assert parse_address(text) is None


def test_a_teredo_address_is_judged_by_its_client() -> None:
    # Teredo: 2001:0:<server>:<flags>:<port>:<client XOR ffff:ffff>. Server 8.8.8.8 (public),
    # client 10.0.0.1, stored as ~0x0a000001 = f5ff:fffe.
    teredo = ipaddress.IPv6Address("2001:0:808:808:0:0:f5ff:fffe")
    assert teredo.teredo == (ipaddress.IPv4Address("8.8.8.8"), ipaddress.IPv4Address("10.0.0.1"))
    assert address_problem(teredo) == "private"
    assert address_problem(str(teredo)) == "private"


def test_a_nat64_address_is_judged_by_its_tail() -> None:
    # 64:ff9b::7f00:1 carries 127.0.0.1 in its last 32 bits.
    assert address_problem("64:ff9b::7f00:1") == "loopback"


@pytest.mark.parametrize(
    ("address", "refusal"),
    [
        ("127.0.0.1", "a loopback address (--allow-private lets such hosts be captured)"),
        ("10.0.0.1", "a private address (--allow-private lets such hosts be captured)"),
        ("169.254.169.254", "a link-local address (--allow-private lets such hosts be captured)"),
        ("240.0.0.1", "a reserved address (--allow-private lets such hosts be captured)"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("ff02::1", "a multicast address"),
        ("not an address", "not an IP address"),
        ("", "not an IP address"),
    ],
)
def test_each_refusal_says_why_in_words(address: str, refusal: str) -> None:
    assert AddressPolicy().refusal(address) == refusal


def test_a_parsed_address_is_judged_as_its_text_is() -> None:
    policy = AddressPolicy()
    assert policy.refusal(ipaddress.ip_address("10.0.0.1")) == policy.refusal("10.0.0.1")
    assert policy.refusal(ipaddress.ip_address("93.184.215.14")) is None


def test_allowed_networks_may_be_written_with_host_bits_set() -> None:
    # "10.1.2.3/8" names 10.0.0.0/8; an investigator writes the address they know.
    policy = AddressPolicy(allowed_networks=("10.1.2.3/8", "fd00::1/64"))
    assert policy.networks() == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("fd00::/64"),
    )
    assert policy.refusal("10.200.0.1") is None
    assert policy.refusal("fd00::abcd") is None
    assert policy.refusal("192.168.0.1") is not None


def test_an_allowed_network_never_opens_multicast() -> None:
    policy = AddressPolicy(allowed_networks=("224.0.0.0/4",))
    assert policy.refusal("224.0.0.1") == "a multicast address"
