"""Which IP addresses a live capture may connect to: public unicast ones, unless told otherwise.

A reported URL is written by whoever runs the site: its host name, or any redirect it answers,
may point at the investigator's own network (a router, a cloud metadata service, a database on
loopback). Every address a host name resolves to is checked here before any connection is made.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not private, not global
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv6 that carries an IPv4 address in its tail
# Ranges the IANA special-purpose registries mark as not globally reachable that Python 3.11's
# ipaddress takes for global (its lists were updated in later releases): checked by name.
_NOT_GLOBAL = (
    (ipaddress.ip_network("fec0::/10"), "site-local"),  # RFC 3879: deprecated, still routable
    (ipaddress.ip_network("64:ff9b:1::/48"), "local-use NAT64"),  # RFC 8215
    (ipaddress.ip_network("3fff::/20"), "documentation"),  # RFC 9637
    (ipaddress.ip_network("192.0.0.0/24"), "IETF protocol assignment"),  # RFC 6890
)
# ... except these, which the registry marks as globally reachable (PCP and TURN anycast).
_GLOBAL_EXCEPTIONS = frozenset(ipaddress.ip_address(a) for a in ("192.0.0.9", "192.0.0.10"))
# Never connected to, whatever the policy: no TCP server lives there.
_NEVER = frozenset({"unspecified", "multicast"})


def parse_address(text: str) -> IPAddress | None:
    """The IP address that `text` spells (an IPv6 zone such as `%eth0` dropped), else None."""
    try:
        return ipaddress.ip_address(text.split("%", 1)[0].strip("[]"))
    except ValueError:
        return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, Teredo client, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str | IPAddress) -> str | None:
    """Why an address is not a public unicast one ('loopback', 'private'...), or None when it is.

    IPv6 addresses that carry an IPv4 address (::ffff:127.0.0.1, 6to4, NAT64) are judged by it.
    """
    ip = parse_address(address) if isinstance(address, str) else address
    if ip is None:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(inner)
            if problem:
                return problem
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip in _SHARED:
        return "shared (carrier-grade NAT)"
    special = _special_range(ip)
    if special:
        return special
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-global"
    return None


def _special_range(ip: IPAddress) -> str | None:
    if ip in _GLOBAL_EXCEPTIONS:
        return None
    return next((name for network, name in _NOT_GLOBAL if ip in network), None)


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be connected to: public ones always; the others only when
    `allow_private` is set, or when they fall in one of `allowed_networks` (CIDR strings)."""

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()

    def networks(self) -> tuple[IPNetwork, ...]:
        return tuple(ipaddress.ip_network(n, strict=False) for n in self.allowed_networks)

    def refusal(self, address: str | IPAddress) -> str | None:
        """Why this policy refuses to connect to `address` ('a loopback address'...), or None
        when it may."""
        ip = parse_address(address) if isinstance(address, str) else address
        if ip is None:
            return "not an IP address"
        problem = address_problem(ip)
        if problem is None:
            return None
        article = "an" if problem[0] in "aeiou" else "a"
        if problem in _NEVER:
            return f"{article} {problem} address"
        if self.allow_private or any(ip in net for net in self.networks()):
            return None
        return f"{article} {problem} address (--allow-private lets such hosts be captured)"
