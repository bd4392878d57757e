"""Registrable domains from URLs or host names, and a memory that follows hosts, not pages."""

from __future__ import annotations

import pytest

from capture import domains
from capture.domains import registrable_domain


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://www.shop.example.co.uk/produit?id=1", "example.co.uk"),
        ("http://Boutique.Example.FR.:8080/", "example.fr"),
        ("shop.example.com.", "example.com"),
        ("WWW.EXAMPLE.DE", "example.de"),
        ("http://192.0.2.7/panier", "192.0.2.7"),
        ("http://localhost:8000/", "localhost"),
        ("https:///no-host", ""),
        ("", ""),
    ],
)
def test_registrable_domain_of_urls_and_hosts(given: str, expected: str) -> None:
    assert registrable_domain(given) == expected


def test_many_pages_of_few_hosts_keep_one_entry_per_host() -> None:
    domains._host_domain.cache_clear()
    for i in range(5000):
        for host in ("www.shop-a.example.fr", "cdn.shop-a.example.fr", "pay.example.com"):
            assert registrable_domain(f"https://{host}/produit/{i}?ref={i}") in {
                "example.fr",
                "example.com",
            }
    # What stays in memory follows the hosts seen, not the 15,000 URLs.
    assert domains._host_domain.cache_info().currsize == 3
