"""Reading a response's body by offset, with chunking, gzip, deflate and Brotli undone in a limit.

The scanner indexes records without keeping bodies; a site's pages are read here later by seeking
to their records. Every decode step is bounded, so a compression bomb stops at the limit.
"""

from __future__ import annotations

import zlib
from typing import Any, BinaryIO

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader

from capture.body import content_codings
from capture.warc.records import (
    MAX_PAGE_BYTES,
    READ_BLOCK,
    SNIFF_BYTES,
    Payload,
    http_status,
    target_uri,
    url_key,
)


def read_payload(handle: BinaryIO, offset: int, *, expected_url: str | None = None) -> Payload:
    """The decoded body of the response or revisit record at `offset` of an open WARC file.

    Raises ValueError when no HTTP response record starts there; warcio's errors otherwise.
    """
    handle.seek(offset)
    # No stderr redirection here: warcio warns about a record when it moves past it, and only
    # one record is read; the scan has reported the file's faults already.
    records = ArchiveIterator(handle)
    try:
        record = next(records, None)
        if record is None or record.rec_type not in ("response", "revisit"):
            kind = "nothing" if record is None else f"a {record.rec_type} record"
            raise ValueError(f"offset {offset} holds {kind}, not an HTTP response")
        headers = record.http_headers
        uri = target_uri(record.rec_headers.get_header("WARC-Target-URI"))
        if headers is None:
            raise ValueError(f"the record at offset {offset} has no HTTP headers")
        if expected_url is not None and url_key(uri) != url_key(expected_url):
            raise ValueError(f"the record at offset {offset} is for {uri}, not {expected_url}")
        body, truncated = _read_body(record)
        return Payload(
            body=body,
            status=http_status(headers) or 0,
            content_type=headers.get_header("content-type"),
            truncated=truncated,
        )
    finally:
        records.close()


def decode_content(data: bytes, content_encoding: str | None, limit: int) -> tuple[bytes, bool]:
    """Undo `Content-Encoding` (gzip, deflate, br, or a list of them); (body, cut at limit).

    A body that does not decode is taken as it is: many capture tools store the decoded body
    but keep the header. One decoding step per coding, and CodingError (a ValueError naming
    the header) when it lists more than capture.body.MAX_CODINGS.
    """
    codings = content_codings(content_encoding)
    truncated = False
    for coding in reversed(codings):
        decoded = _decompress(data, coding, limit)
        if decoded is None:
            break
        data, cut = decoded
        truncated = truncated or cut
    return data, truncated


def body_head(record: Any) -> bytes | None:
    """The first decoded bytes of a body, for sniffing; None when they cannot be read."""
    try:
        raw = payload_stream(record).read(SNIFF_BYTES * 4)
        head, _ = decode_content(
            raw, record.http_headers.get_header("content-encoding"), SNIFF_BYTES
        )
        return head
    except Exception:  # a body that cannot be sniffed is simply not HTML
        return None


def _read_body(record: Any) -> tuple[bytes, bool]:
    stream = payload_stream(record)
    raw = stream.read(MAX_PAGE_BYTES)
    cut = bool(stream.read(1))
    body, decoded_cut = decode_content(
        raw, record.http_headers.get_header("content-encoding"), MAX_PAGE_BYTES
    )
    return body, cut or decoded_cut


def payload_stream(record: Any) -> Any:
    """The body after its HTTP headers, de-chunked; content encoding is left to decode_content
    (warcio's own brotli hook does not work with brotli >= 1.2)."""
    transfer = (record.http_headers.get_header("transfer-encoding") or "").lower()
    if "chunked" in transfer:
        # ChunkedDataReader falls back to the bytes as they are when they are not chunked.
        return ChunkedDataReader(record.raw_stream)
    return record.raw_stream


def _decompress(data: bytes, coding: str, limit: int) -> tuple[bytes, bool] | None:
    """(decoded bytes, cut at limit), or None when data is not in that coding at all."""
    if coding in ("gzip", "x-gzip"):
        if not data.startswith(b"\x1f\x8b"):
            return None
        return _zlib_decode(data, 16 + zlib.MAX_WBITS, limit)
    if coding == "deflate":
        return _zlib_decode(data, zlib.MAX_WBITS, limit) or _zlib_decode(
            data, -zlib.MAX_WBITS, limit
        )
    if coding == "br":
        return _brotli_decode(data, limit)
    return None


def _zlib_decode(data: bytes, wbits: int, limit: int) -> tuple[bytes, bool] | None:
    decompressor = zlib.decompressobj(wbits)
    out = bytearray()
    position = 0
    # Fed in blocks so that a corrupt or cut stream still gives what came before the fault.
    while position < len(data) and len(out) < limit:
        block = data[position : position + READ_BLOCK]
        position += len(block)
        try:
            out += decompressor.decompress(block, limit - len(out))
        except zlib.error:
            return (bytes(out), False) if out else None
        if decompressor.unconsumed_tail:
            return bytes(out), True
        if decompressor.eof:
            break
    return bytes(out), len(out) >= limit and position < len(data)


def _brotli_decode(data: bytes, limit: int) -> tuple[bytes, bool] | None:
    decompressor = brotli.Decompressor()
    out = bytearray()
    # Small blocks bound how far one call can expand before the limit is checked.
    for position in range(0, len(data), 4096):
        try:
            out += decompressor.process(data[position : position + 4096])
        except brotli.error:
            return (bytes(out), False) if out else None
        if len(out) >= limit:
            return bytes(out[:limit]), True
        if decompressor.is_finished():
            break
    return bytes(out), False
