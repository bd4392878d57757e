"""RDAP lookups of live sites' domains: the registry's server from the IANA bootstrap (RFC
9224), `<base>domain/<name>` asked (RFC 9082), answers cached on disk, rate limits respected.

A lookup never raises: when the answer cannot be had (no RDAP service for the TLD, 404, rate
limited past the retries, a timeout, an answer that is no domain object), the RdapAnswer says
why, and the site is scored with its registration unknown.

The bootstrap file ships with scamrank (capture/data/iana-dns-bootstrap.json); a newer one is
downloaded only when `refresh_bootstrap` is called.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import idna

from capture.addresses import parse_address
from capture.errors import RdapError
from capture.fetch import Fetched, Fetcher, FetchOptions
from capture.files import atomic_write
from capture.rdap import MAX_RDAP_BYTES, parse_rdap
from capture.site import RdapRecord
from capture.warc import decode_content

IANA_BOOTSTRAP_URL = "https://data.iana.org/rdap/dns.json"
ACCEPT_RDAP = "application/rdap+json, application/json;q=0.9"
_RETRYABLE = frozenset({"timeout", "connect", "protocol"})


@dataclass(frozen=True)
class Bootstrap:
    """The RDAP base URLs of each DNS suffix (a TLD, in practice), from a bootstrap file."""

    services: Mapping[str, tuple[str, ...]]  # lower-case A-label suffix -> base URLs, https first
    publication: str = ""
    source: str = ""

    @classmethod
    def from_json(cls, obj: Any, source: str = "") -> Bootstrap:
        """A Bootstrap from the decoded RFC 9224 JSON; RdapError when it has no such shape."""
        services = obj.get("services") if isinstance(obj, dict) else None
        if not isinstance(services, list):
            raise RdapError(f"{source or 'bootstrap'}: no 'services' list: not an RDAP bootstrap")
        table: dict[str, tuple[str, ...]] = {}
        for entry in services:
            if not (isinstance(entry, list) and len(entry) >= 2):
                continue
            suffixes, urls = entry[0], entry[1]
            if not isinstance(suffixes, list) or not isinstance(urls, list):
                continue
            bases = [u if u.endswith("/") else f"{u}/" for u in urls if isinstance(u, str)]
            # RFC 9224 section 3: prefer https when a service lists several.
            bases.sort(key=lambda u: not u.lower().startswith("https:"))
            for suffix in suffixes:
                if isinstance(suffix, str) and suffix.strip(". "):
                    table[suffix.strip(". ").lower()] = tuple(bases)
        if not table:
            raise RdapError(f"{source or 'bootstrap'}: no service in the bootstrap")
        publication = obj.get("publication", "")
        return cls(table, publication if isinstance(publication, str) else "", source)

    def base_urls(self, domain: str) -> tuple[str, ...]:
        """The base URLs for a domain: those of its longest listed suffix; () when none."""
        labels = domain.lower().rstrip(".").split(".")
        for start in range(len(labels)):
            found = self.services.get(".".join(labels[start:]))
            if found:
                return found
        return ()


def shipped_bootstrap() -> Path:
    """The bootstrap file that ships inside the package."""
    return Path(str(resources.files("capture") / "data" / "iana-dns-bootstrap.json"))


def load_bootstrap(source: Path | Mapping[str, Any] | None = None) -> Bootstrap:
    """A bootstrap from a file, from decoded JSON, or (None) the copy shipped with scamrank."""
    if isinstance(source, Mapping):
        return Bootstrap.from_json(dict(source), "bootstrap given")
    path = source or shipped_bootstrap()
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RdapError(f"{path}: cannot be read as a bootstrap file: {exc}") from None
    return Bootstrap.from_json(obj, str(path))


def refresh_bootstrap(
    dest: Path, url: str = IANA_BOOTSTRAP_URL, options: FetchOptions | None = None
) -> Bootstrap:
    """Download a current bootstrap file to `dest` (written whole, or not at all). The only
    function that fetches it: nothing does so unless asked."""

    async def download() -> Fetched:
        async with Fetcher(options) as fetcher:
            return await fetcher.get(
                url, accept="application/json", html_only=False, max_bytes=4 * 1024 * 1024
            )

    fetched = asyncio.run(download())
    hop = fetched.final
    if hop is None or hop.status != 200:
        why = fetched.failure or (f"HTTP {hop.status}" if hop else "no answer")
        raise RdapError(f"{url}: the bootstrap file could not be downloaded ({why})")
    body, _ = decode_content(hop.body, hop.header("content-encoding"), 4 * 1024 * 1024)
    try:
        bootstrap = Bootstrap.from_json(json.loads(body), url)
    except ValueError as exc:
        raise RdapError(f"{url}: not a bootstrap file: {exc}") from None
    atomic_write(dest, body)
    return Bootstrap(bootstrap.services, bootstrap.publication, str(dest))


@dataclass(frozen=True)
class RdapOptions:
    """How lookups are made: where servers are found, cached answers, retries and waits."""

    bootstrap: Bootstrap = field(default_factory=load_bootstrap)
    cache_dir: Path | None = None  # None: no cache
    ttl: float = 24 * 3600.0  # seconds a cached answer is reused
    not_found_ttl: float = 3600.0  # seconds a cached "no such domain" is reused
    tries: int = 4  # requests per lookup at most, the first included
    backoff: float = 1.0  # seconds before the second try when the server gives no Retry-After
    max_wait: float = 60.0  # a longer Retry-After is not waited for: the lookup gives up
    per_server: int = 2  # lookups in flight to one RDAP server
    # The bundle reader's cap too: an answer saved as evidence must be one it reads back.
    max_bytes: int = MAX_RDAP_BYTES


@dataclass(frozen=True)
class RdapAnswer:
    """The outcome of one lookup: the raw answer and its record, or why there is none."""

    domain: str
    raw: bytes | None = None  # the JSON as the server sent it (content coding undone)
    record: RdapRecord | None = None
    error: str | None = None  # None when record is there
    url: str | None = None  # where it was asked
    cached: bool = False


def rdap_name(domain: str) -> str:
    """The A-label (punycode) form of a domain name, as RDAP servers index them."""
    name = domain.strip().rstrip(".").lower()
    return idna.encode(name, uts46=True).decode("ascii")


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), None when absent
    or unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - now)
    except (TypeError, ValueError):
        return None


class RdapClient:
    """Looks domains up; one per run, sharing the run's Fetcher (so its address checks)."""

    def __init__(
        self,
        fetcher: Fetcher,
        options: RdapOptions | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.fetcher = fetcher
        self.options = options or RdapOptions()
        self.clock = clock
        self.requests = 0
        self._asked: dict[str, asyncio.Future[RdapAnswer]] = {}  # domain -> its one lookup
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._paused_until: dict[str, float] = {}  # server -> loop time before which none

    async def lookup(self, domain: str) -> RdapAnswer:
        """The RDAP answer for a registrable domain, asked once per domain and client."""
        task = self._asked.get(domain)
        if task is None:
            task = self._asked[domain] = asyncio.ensure_future(self._lookup(domain))
        # Shielded: a site given up on does not cancel a lookup other sites wait for.
        return await asyncio.shield(task)

    async def _lookup(self, domain: str) -> RdapAnswer:
        try:
            return await self._lookup_unguarded(domain)
        except Exception as exc:  # a bug or an unforeseen answer must not stop a batch
            return RdapAnswer(domain, error=f"lookup failed: {type(exc).__name__}: {exc}")

    async def _lookup_unguarded(self, domain: str) -> RdapAnswer:
        if parse_address(domain) is not None:
            return RdapAnswer(domain, error="an IP address has no domain registration")
        try:
            name = rdap_name(domain)
        except idna.IDNAError as exc:
            return RdapAnswer(domain, error=f"{domain!r} is not a valid domain name ({exc})")
        cached = self._from_cache(domain, name)
        if cached is not None:
            return cached
        bases = self.options.bootstrap.base_urls(name)
        if not bases:
            tld = name.rsplit(".", 1)[-1]
            return RdapAnswer(domain, error=f"no RDAP service for .{tld} in the IANA bootstrap")
        url = f"{bases[0]}domain/{name}"
        return await self._ask(domain, name, url)

    async def _ask(self, domain: str, name: str, url: str) -> RdapAnswer:
        options = self.options
        server = (urlsplit(url).hostname or "", urlsplit(url).port)
        key = f"{server[0]}:{server[1]}"
        slot = self._slots.setdefault(key, asyncio.Semaphore(options.per_server))
        loop = asyncio.get_running_loop()
        problem = "no try made"
        for attempt in range(options.tries):
            wait = self._paused_until.get(key, 0.0) - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            async with slot:
                self.requests += 1
                fetched = await self.fetcher.get(
                    url,
                    accept=ACCEPT_RDAP,
                    html_only=False,
                    max_bytes=options.max_bytes,
                    max_redirects=3,
                )
            pause: float | None = options.backoff * 2**attempt
            hop = fetched.final
            if fetched.failure is not None:
                problem = str(fetched.failure)
                if fetched.failure.kind not in _RETRYABLE:
                    return RdapAnswer(domain, error=problem, url=url)
            elif hop is not None and hop.status == 200:
                return self._answer(domain, name, url, hop.body, hop.header("content-encoding"))
            elif hop is not None and hop.status == 404:
                self._to_cache(name, url, 404, b"")
                return RdapAnswer(domain, error=f"{url}: no such domain (HTTP 404)", url=url)
            elif hop is not None and (hop.status == 429 or hop.status >= 500):
                problem = f"{url}: HTTP {hop.status}"
                asked = retry_after(hop.header("retry-after"), self.clock())
                if asked is not None:
                    if asked > options.max_wait:
                        return RdapAnswer(
                            domain, error=f"{problem}, asked to wait {asked:.0f} s", url=url
                        )
                    pause = asked
                if hop.status == 429:
                    # Rate limited: every lookup to this server waits, not only this one.
                    self._paused_until[key] = loop.time() + (pause or 0.0)
            else:
                status = hop.status if hop is not None else "no answer"
                return RdapAnswer(domain, error=f"{url}: HTTP {status}", url=url)
            if attempt + 1 < options.tries and pause:
                await asyncio.sleep(min(pause, options.max_wait))
        return RdapAnswer(domain, error=f"{problem} (after {options.tries} tries)", url=url)

    def _answer(
        self, domain: str, name: str, url: str, body: bytes, coding: str | None
    ) -> RdapAnswer:
        raw, _ = decode_content(body, coding, self.options.max_bytes)
        answer = _parse(domain, url, raw)
        if answer.record is not None:
            self._to_cache(name, url, 200, raw)
        return answer

    # --- the disk cache ------------------------------------------------------------------

    def _cache_path(self, name: str) -> Path | None:
        folder = self.options.cache_dir
        return folder / f"{name}.json" if folder is not None else None

    def _from_cache(self, domain: str, name: str) -> RdapAnswer | None:
        path = self._cache_path(name)
        if path is None or not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            status, fetched_at, url = entry["status"], float(entry["fetched_at"]), entry["url"]
            body = entry["body"].encode("utf-8")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # a damaged cache entry is a miss
        ttl = self.options.ttl if status == 200 else self.options.not_found_ttl
        if self.clock() - fetched_at > ttl:
            return None
        if status == 404:
            return RdapAnswer(domain, error=f"{url}: no such domain (HTTP 404)", url=url)
        answer = _parse(domain, url, body)
        return RdapAnswer(domain, answer.raw, answer.record, answer.error, url, cached=True)

    def _to_cache(self, name: str, url: str, status: int, body: bytes) -> None:
        path = self._cache_path(name)
        if path is None:
            return
        entry = {
            "domain": name,
            "url": url,
            "status": status,
            "fetched_at": self.clock(),
            "body": body.decode("utf-8", "replace"),
        }
        # A cache that cannot be written only costs a lookup next time.
        with contextlib.suppress(OSError):
            atomic_write(path, json.dumps(entry, ensure_ascii=False).encode("utf-8"))


def _parse(domain: str, url: str, raw: bytes) -> RdapAnswer:
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
        record = parse_rdap(obj, source=url)
    except (UnicodeDecodeError, ValueError) as exc:  # RdapError is a ValueError
        return RdapAnswer(domain, error=f"{url}: not an RDAP domain object ({exc})", url=url)
    except RecursionError:  # json's C decoder gives up on arrays nested thousands deep
        error = f"{url}: not an RDAP domain object (nested too deeply)"
        return RdapAnswer(domain, error=error, url=url)
    return RdapAnswer(domain, raw=raw, record=record, url=url)
