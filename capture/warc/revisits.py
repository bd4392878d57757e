"""Revisit records resolved to the response whose body they share (by digest, or URL and date)."""

from __future__ import annotations

import base64
import string

from capture.warc.records import UNKNOWN_TYPES, Capture, Revisit, is_html, media_type, url_key

_DIGEST_SIZES = {"sha1": 20, "sha256": 32, "sha512": 64, "md5": 16}


def resolve_revisits(captures: list[Capture], revisits: list[Revisit]) -> tuple[list[Capture], int]:
    """Revisits turned into captures that point at the body of their original response, by
    payload digest, else by WARC-Refers-To-Target-URI; and how many found no original."""
    by_digest: dict[str, Capture] = {}
    by_url: dict[str, Capture] = {}
    for capture in captures:
        if capture.digest:
            key = _digest_key(capture.digest)
            known = by_digest.get(key)
            # Any response with the digest has the same body; an undamaged record is preferred.
            if known is None or (known.fault and not capture.fault):
                by_digest[key] = capture
        by_url[url_key(capture.url)] = capture
    resolved: list[Capture] = []
    unresolved = 0
    for revisit in revisits:
        original = None
        if revisit.digest:
            original = by_digest.get(_digest_key(revisit.digest))
        if original is None and revisit.refers_to_url:
            candidate = by_url.get(url_key(revisit.refers_to_url))
            if candidate is not None and (
                not revisit.digest
                or not candidate.digest
                or _digest_key(candidate.digest) == _digest_key(revisit.digest)
            ):
                original = candidate
        if original is None:
            unresolved += 1
            continue
        # A revisit's own headers say what the server answered that time; a 304 (or none)
        # means "as before", so the original's status and type stand.
        own = revisit.status is not None and revisit.status != 304
        status = revisit.status if own and revisit.status is not None else original.status
        content_type = (
            revisit.content_type if own and revisit.content_type else original.content_type
        )
        html = is_html(content_type, None) or (
            media_type(content_type) in UNKNOWN_TYPES and original.html
        )
        resolved.append(
            Capture(
                url=revisit.url,
                captured_at=revisit.captured_at,
                status=status,
                location=revisit.location if own else original.location,
                content_type=content_type,
                html=html,
                digest=revisit.digest,
                file=original.file,
                offset=original.offset,
                fault=original.fault,
                revisit=True,
                gzip_whole=original.gzip_whole,
            )
        )
    return resolved, unresolved


def _digest_key(digest: str) -> str:
    """One spelling per digest: tools write `sha1:`, `sha-256:`, base32 or hex."""
    algorithm, _, value = digest.strip().partition(":")
    if not value:
        return digest.strip().upper()
    algorithm = algorithm.lower().replace("-", "")
    value = value.strip()
    size = _DIGEST_SIZES.get(algorithm)
    if size and len(value) == 2 * size and all(c in string.hexdigits for c in value):
        value = base64.b32encode(bytes.fromhex(value)).decode("ascii")
    return f"{algorithm}:{value.upper().rstrip('=')}"
