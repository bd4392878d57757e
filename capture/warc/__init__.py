"""Reading WARC files: one streaming pass indexes the HTTP responses, then pages load by offset.

`scan` indexes a file, `payload` reads and decodes a body by offset (`faults` says why it could
not), `revisits` resolves revisit records, and `records` holds the types and HTTP facts they
share. The names below are the package's interface; the rest of scamrank imports them from
`capture.warc`.
"""

from capture.warc.faults import read_fault
from capture.warc.payload import decode_content, read_payload
from capture.warc.records import (
    HTML_TYPES,
    MAX_PAGE_BYTES,
    REDIRECT_STATUSES,
    WARC_SUFFIXES,
    Capture,
    Payload,
    Revisit,
    is_html,
    is_warc_file,
    media_type,
    sniff_html,
    url_key,
)
from capture.warc.revisits import resolve_revisits
from capture.warc.scan import CaptureIndex, WarcScan, open_warc, scan_warc

__all__ = [
    "HTML_TYPES",
    "MAX_PAGE_BYTES",
    "REDIRECT_STATUSES",
    "WARC_SUFFIXES",
    "Capture",
    "CaptureIndex",
    "Payload",
    "Revisit",
    "WarcScan",
    "decode_content",
    "is_html",
    "is_warc_file",
    "media_type",
    "open_warc",
    "read_fault",
    "read_payload",
    "resolve_revisits",
    "scan_warc",
    "sniff_html",
    "url_key",
]
