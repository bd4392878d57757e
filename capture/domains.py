"""Registrable domains, from the public suffix list bundled with tldextract (never the network)."""

from __future__ import annotations

from functools import cache, lru_cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    # suffix_list_urls=() and no cache dir: the snapshot shipped inside tldextract, no fetch, no
    # writes to the home folder.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False
    )


def hostname(url: str) -> str:
    """The lower-case host name of a URL, without port or trailing dot ('' when there is none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def registrable_domain(url_or_host: str) -> str:
    """`shop.example.co.uk` for `https://www.shop.example.co.uk/x`; the host itself for IPs."""
    host = hostname(url_or_host) if "//" in url_or_host else url_or_host.strip().rstrip(".").lower()
    return _host_domain(host) if host else ""


# Keyed by host, not by URL: pages repeat the same few hosts in every link, while a cache of
# URLs grows with every page of a bundle (about 260 bytes a URL, 17 MB when full).
@lru_cache(maxsize=8192)
def _host_domain(host: str) -> str:
    parts = _extractor()(host)
    return parts.top_domain_under_public_suffix or host
