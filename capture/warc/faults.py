"""Why a record indexed by the scan could not be read later, in one short line.

The scan records where each response starts; a page is read afterwards by seeking there. When
the file was cut or overwritten since, or the record's gzip member is damaged, warcio says only
"Unknown archive format" and quotes the bytes it found (kilobytes of compressed data in a
note). The file itself is looked at again here to say what is wrong: the file now ends before
the record, the gzip member does not decompress, or no WARC record starts at the offset.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import BinaryIO

from capture.warc.records import READ_BLOCK, Capture

_GZIP_MAGIC = b"\x1f\x8b"
_SHOWN = 200  # characters of a foreign error message kept in a note
# Decompressed bytes of a gzip member checked before giving up: past the page size limit, a
# member that still decodes is not what broke the read.
_CHECKED = 64 * 1024 * 1024


def read_fault(capture: Capture, exc: BaseException) -> str:
    """What `exc`, raised reading `capture`'s record, means: the file's own state when it tells
    (cut, damaged gzip, no record at the offset), else the error's first line, shortened."""
    if isinstance(exc, OSError):
        return f"the file cannot be read: {exc.strerror or exc}"
    if not capture.gzip_whole:  # offsets there count decompressed bytes: no seek into the file
        try:
            found = _look_at(capture.file, capture.offset)
        except OSError as error:
            return f"the file cannot be read again: {error.strerror or error}"
        if found is not None:
            return found
    return _shortened(exc)


def _look_at(path: Path, offset: int) -> str | None:
    """What is wrong at `offset` of a WARC file, or None when a readable record starts there."""
    size = path.stat().st_size
    if offset >= size:
        return f"the file ends at byte {size:,}, before the record: it was cut since it was indexed"
    with path.open("rb") as handle:
        handle.seek(offset)
        head = handle.read(len(_GZIP_MAGIC))
        if head == _GZIP_MAGIC:
            handle.seek(offset)
            return _member_fault(handle)
        handle.seek(offset)
        if handle.read(5) != b"WARC/":
            return "no WARC record starts there any more: the file changed since it was indexed"
    return None


def _member_fault(handle: BinaryIO) -> str | None:
    """Why the gzip member at the handle's position is not a readable record, if it is not: cut
    by the end of the file, damaged (in zlib's words), or holding something other than WARC.
    Decompressed bytes are dropped as they come, past the first few."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    first = b""
    produced = 0
    while not decompressor.eof and produced < _CHECKED:
        block = handle.read(READ_BLOCK)
        if not block:
            return "the file ends inside the record's gzip member (cut short)"
        try:
            while block and not decompressor.eof and produced < _CHECKED:
                out = decompressor.decompress(block, READ_BLOCK)
                first += out[: 5 - len(first)]
                produced += len(out)
                block = decompressor.unconsumed_tail
        except zlib.error as exc:
            return f"the record's gzip member is damaged (zlib: {exc})"
    if first and first != b"WARC/":
        return "the gzip member there holds no WARC record: the file changed since it was indexed"
    return None


def _shortened(exc: BaseException) -> str:
    """The first line of an error, at most _SHOWN characters, named by its type unless it is a
    ValueError (scamrank's own reader raises those with messages written for notes)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else "no message"
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return text if type(exc) is ValueError else f"{type(exc).__name__}: {text}"
