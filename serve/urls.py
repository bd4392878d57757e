"""Reported URLs as users type them: bare domains get https://, unicode domains become punycode."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


class UrlError(ValueError):
    """A reported line that is not a usable web address."""


def normalise_url(raw: str) -> str:
    text = raw.strip()
    if not text:
        raise UrlError("empty URL")
    if "://" not in text:
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError as exc:
        raise UrlError(f"not a URL: {raw!r}") from exc
    if parts.scheme not in ("http", "https"):
        raise UrlError(f"only http and https URLs can be captured, not {parts.scheme!r}")
    if not host or " " in host or ("." not in host.strip(".") and host != "localhost"):
        raise UrlError(f"no usable host name in {raw!r}")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UrlError(f"bad international domain name in {raw!r}") from exc
    netloc = ascii_host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
