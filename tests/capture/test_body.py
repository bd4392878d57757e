"""Counting the decoded size of compressed bodies as they arrive, bombs included."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable

import brotli
import pytest

from capture.body import DecodedSize

PIECE = 64 * 1024  # the most decoded bytes capture.body asks a decoder for at a time


def _feed_all(counter: DecodedSize, data: bytes, block: int = 16_384) -> int:
    for start in range(0, len(data), block):
        counter.feed(data[start : start + block])
    return counter.total


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # zlib-wrapped, as RFC 9110 says
        ("deflate", _raw_deflate),  # raw, as many servers send it
        ("br", brotli.compress),
        ("", bytes),
    ],
)
def test_the_decoded_size_of_each_coding_is_counted(
    coding: str, encode: Callable[[bytes], bytes]
) -> None:
    text = b"<html><body>" + b"bonjour " * 5000 + b"</body></html>"
    assert _feed_all(DecodedSize(coding, 10_000_000), encode(text)) == len(text)


def test_a_gzip_bomb_is_stopped_at_the_first_piece_past_the_limit() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # about 50 KB on the wire
    limit = 5_000_000
    first, rest = bomb[:16_384], bomb[16_384:]  # the first block alone decodes past the limit
    counter = DecodedSize("gzip", limit)
    counter.feed(first)
    # Decoded in pieces of PIECE bytes, counted, dropped; the piece that passes the limit is
    # the last one decoded: the work done is the limit rounded up to a piece, not 50 MB.
    pieces = limit // PIECE + 1
    assert counter.over and counter.total == pieces * PIECE
    assert counter.feed(rest) == pieces * PIECE  # over: the rest is not decoded at all


def test_a_brotli_bomb_is_stopped_within_a_piece_of_the_limit() -> None:
    bomb = brotli.compress(b"\0" * 30_000_000, quality=5)  # a few kilobytes on the wire
    assert len(bomb) < 50_000
    counter = DecodedSize("br", 5_000_000)
    counter.feed(bomb)
    # Brotli's first output piece is its own size; every piece after it is at most PIECE.
    assert counter.over and counter.total <= 5_000_000 + PIECE


def test_several_gzip_members_are_all_counted() -> None:
    data = gzip.compress(b"a" * 1000) + gzip.compress(b"b" * 500)
    assert _feed_all(DecodedSize("gzip", 10_000), data, block=7) == 1500


def test_two_codings_are_undone_last_first() -> None:
    text = b"x" * 10_000
    data = brotli.compress(gzip.compress(text))  # gzip applied first, then br
    assert _feed_all(DecodedSize("gzip, br", 100_000), data) == len(text)


def test_bytes_that_are_not_in_the_declared_coding_raise() -> None:
    with pytest.raises(zlib.error):
        DecodedSize("gzip", 1000).feed(b"\x1f\x8b not really gzip at all")
