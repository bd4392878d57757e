"""Capturing one reported site: its reported page, then a bounded set of its key pages.

The reported URL is fetched first (redirects followed, even to another domain: that is where a
visitor lands). From its links, then from the links of the pages found, the best link for each
key role (legal notice, terms, contact, delivery and returns, a product, the cart) is fetched,
on the site's registrable domains only, at most `max_pages` pages in all, within `site_timeout`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx

from capture.charset import decode_html
from capture.domains import registrable_domain
from capture.fetch import Failure, Fetched, Fetcher, Hop
from capture.link_words import ROLES
from capture.links import choose_pages, page_links
from capture.warc import decode_content, url_key

_ROUNDS = 2  # links of the reported page, then of the pages found there (the cart is often
# linked from a product page only)


@dataclass(frozen=True)
class SiteCapture:
    """Everything fetched for one site, the reported page first, and why it failed if it did."""

    url: str
    fetches: tuple[Fetched, ...]
    roles: tuple[tuple[str, str], ...]  # (role, URL) of the key pages chosen
    failure: Failure | None  # None when the reported page was captured
    notes: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        """HTML pages captured with a 2xx status."""
        return sum(1 for f in self.fetches if f.final is not None and 200 <= f.final.status < 300)


def page_text(hop: Hop, limit: int) -> str:
    """The text of an HTML response, its content coding undone and its charset chosen."""
    body, _ = decode_content(hop.body, hop.header("content-encoding"), limit)
    text, _ = decode_html(body, hop.header("content-type"))
    return text


def landing_failure(fetched: Fetched) -> Failure | None:
    """Why the reported page gave nothing to score, or None when it is a 2xx HTML page."""
    if fetched.failure is not None:
        return fetched.failure
    final = fetched.final
    if final is None:  # never happens: a fetch ends on a failure or a non-redirect
        return Failure("protocol", f"{fetched.url} gave no final response")
    if not 200 <= final.status < 300:
        return Failure("http", f"{final.url} answered HTTP {final.status} {final.reason}".rstrip())
    return None


async def _fetch_into(
    fetcher: Fetcher,
    picks: list[tuple[str, str]],
    cookies: httpx.Cookies,
    domains: frozenset[str],
    into: list[tuple[str, Fetched]],
) -> None:
    """Fetch the picks concurrently; each result lands in `into` as soon as it is there, so a
    site stopped by its time limit keeps the pages already fetched."""

    async def one(role: str, url: str) -> None:
        into.append((role, await fetcher.get(url, cookies, domains=domains)))

    await asyncio.gather(*(one(role, url) for role, url in picks))


async def capture_site(fetcher: Fetcher, url: str) -> SiteCapture:
    """Fetch a reported URL and its key pages. Never raises for what the site does."""
    options = fetcher.options
    cookies = httpx.Cookies()  # one jar per site: consent and session cookies, as a visitor
    fetched: list[tuple[str, Fetched]] = []
    chosen: list[tuple[str, str]] = []
    notes: list[str] = []
    try:
        async with asyncio.timeout(options.site_timeout):
            landing = await fetcher.get(url, cookies)
            fetched.append(("landing", landing))
            failure = landing_failure(landing)
            if failure is not None or landing.final is None:
                return SiteCapture(url, (landing,), (), failure)
            final = landing.final
            domains = frozenset({registrable_domain(url), registrable_domain(final.url)} - {""})
            taken = {url_key(hop.url) for hop in landing.hops}
            sources = [final]
            wanted = list(ROLES)
            budget = options.max_pages - 1
            for _ in range(_ROUNDS):
                links = [
                    link
                    for hop in sources
                    for link in page_links(page_text(hop, options.max_bytes), hop.url)
                ]
                picks = choose_pages(links, domains, budget, taken, wanted)
                if not picks:
                    break
                chosen.extend(picks)
                taken.update(url_key(u) for _, u in picks)
                start = len(fetched)
                await _fetch_into(fetcher, picks, cookies, domains, fetched)
                sources = []
                for role, result in fetched[start:]:
                    taken.update(url_key(hop.url) for hop in result.hops)
                    if landing_failure(result) is None and result.final is not None:
                        sources.append(result.final)
                        if role in wanted:
                            wanted.remove(role)
                budget -= len(picks)
                if budget <= 0 or not wanted:
                    break
    except TimeoutError:
        if not fetched:  # stopped before the reported page came
            failure = Failure("timeout", f"{url}: no answer within {options.site_timeout:g} s")
            return SiteCapture(url, (), (), failure)
        notes.append(
            f"the site took over {options.site_timeout:g} s: kept the {len(fetched)} pages "
            "fetched by then"
        )
    for role, result in fetched[1:]:
        problem = landing_failure(result)
        if problem is not None:
            notes.append(f"{role} page not captured: {problem}")
    return SiteCapture(url, tuple(f for _, f in fetched), tuple(chosen), None, tuple(notes))
