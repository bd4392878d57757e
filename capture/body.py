"""The decoded size of a compressed body, counted as its bytes arrive, without keeping it.

A size limit on the bytes received is not enough: a few kilobytes of gzip can decode to
gigabytes (a "compression bomb"). Each arriving chunk is decoded in bounded pieces, counted and
dropped, so a body is refused as soon as its decoded size passes the limit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import brotli

_PIECE = 64 * 1024  # most decoded bytes produced by one decoder call
# Servers apply one coding, rarely two; more is a trick to make a reader work (or recurse).
MAX_CODINGS = 3


class _Zlib:
    """gzip (possibly several members) or deflate (zlib-wrapped or raw, told apart by header)."""

    def __init__(self, gzip: bool) -> None:
        self.gzip = gzip
        self._decoder: zlib._Decompress | None = (
            zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
        )

    def _start(self, first: bytes) -> zlib._Decompress:
        # RFC 9110 deflate is zlib-wrapped, but many servers send raw deflate.
        wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decoder is None:
            if not data:
                return
            self._decoder = self._start(data)
        while data:
            piece = self._decoder.decompress(data, _PIECE)
            if piece:
                yield piece
            if self._decoder.eof:
                data = self._decoder.unused_data
                if not (self.gzip and data.startswith(b"\x1f\x8b")):
                    return  # bytes after the end of the stream are not part of the body
                self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                data = self._decoder.unconsumed_tail


class _Brotli:
    def __init__(self) -> None:
        self._decoder = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        piece = self._decoder.process(data, output_buffer_limit=_PIECE)
        if piece:
            yield piece
        # Past the limit, the decoder holds more output: drain it with empty input.
        while not self._decoder.can_accept_more_data():
            piece = self._decoder.process(b"", output_buffer_limit=_PIECE)
            if not piece:
                break
            yield piece


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data


def _decoder_for(coding: str) -> _Zlib | _Brotli | _Identity:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br":
        return _Brotli()
    return _Identity()  # identity, or a coding no reader here decodes: counted as it comes


class DecodedSize:
    """Counts the decoded bytes of a body sent with `Content-Encoding: content_encoding`, and
    stops decoding once they pass `limit` (so a bomb costs no more than the limit to detect).

    `feed` raises zlib.error or brotli.error when the bytes are not in the coding they claim.
    """

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        codings = content_codings(content_encoding)
        # Codings are listed in the order they were applied: undo the last one first.
        self._stages = [_decoder_for(c) for c in reversed(codings)] or [_Identity()]
        self.limit = limit
        self.total = 0

    @property
    def over(self) -> bool:
        return self.total > self.limit

    def feed(self, chunk: bytes) -> int:
        """Count one received chunk; returns the decoded bytes counted so far."""
        if self.over:
            return self.total
        for piece in self._through(chunk, 0):
            self.total += len(piece)
            if self.over:
                break
        return self.total

    def _through(self, data: bytes, stage: int) -> Iterator[bytes]:
        # One generator level per coding: at most MAX_CODINGS deep, by content_codings.
        if stage == len(self._stages):
            yield data
            return
        for piece in self._stages[stage].feed(data):
            yield from self._through(piece, stage + 1)


class CodingError(ValueError):
    """A Content-Encoding header that lists more codings than any server applies."""


def content_codings(content_encoding: str | None) -> list[str]:
    """The codings a Content-Encoding header lists, lower-cased, `identity` left out; CodingError
    naming the header when there are more than MAX_CODINGS (each one is a decoding step, and a
    header of thousands would cost as many)."""
    codings = [
        c.strip().lower()
        for c in (content_encoding or "").split(",")
        if c.strip() and c.strip().lower() not in ("identity", "none")
    ]
    if len(codings) > MAX_CODINGS:
        text = content_encoding or ""
        shown = text if len(text) <= 80 else f"{text[:80]}..."
        raise CodingError(
            f"Content-Encoding {shown!r} lists {len(codings)} codings (at most {MAX_CODINGS})"
        )
    return codings
