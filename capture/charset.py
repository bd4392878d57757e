"""Turning the bytes of a captured HTML page into text, choosing the charset as browsers do.

Order (WHATWG "encoding sniffing"): a byte-order mark, then the charset of the HTTP
Content-Type header, then a `<meta charset>` or `<meta http-equiv="Content-Type">` tag near the
start of the page; with none of them, UTF-8 when the bytes are valid UTF-8, else what
charset-normalizer detects, else UTF-8 with replacement characters. Labels are mapped the way
browsers map them (`iso-8859-1` and `ascii` decode as windows-1252, `gb2312` as gb18030...).

Labels are the Encoding Standard's, from webencodings (html5lib's table of the standard's 222
labels and the codec of each); this module adds what it lacks: the sniffing order, windows-1252's
five undefined bytes kept as browsers keep them, the wider gb18030 decoder for gbk, labels only
Python knows, and refusing codecs no page may use (UTF-7...). Detection is charset-normalizer's.

Why not w3lib's `html_to_unicode` (measured, w3lib 2.x): it knows 153 of the standard's 222
labels (not `x-cp1251`, `iso-8859-8-i`, `csisolatin9`, `x-mac-cyrillic`, `unicode11utf8`...),
reports Python codec names rather than the standard's, lets a header that does not fit the bytes
win over a `<meta>` that does, decodes windows-1252's five undefined bytes as U+FFFD where browsers
keep them, and, with no declaration, trusts the detector before valid UTF-8: on the 470 pages of
../shared/corpora/real-pages and real-shops it loses characters on 12 that this module decodes
whole.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

import webencodings
from charset_normalizer import from_bytes

# Byte-order marks, longest first so that UTF-8's is not mistaken for a prefix of another.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16be"),
    (codecs.BOM_UTF16_LE, "utf-16le"),
)

# Where the Encoding Standard's decoder for a name is wider than the Python codec webencodings
# pairs with it (gbk pages are decoded with the gb18030 decoder), where it decodes two names
# alike (iso-8859-8-i is iso-8859-8 in logical order), and where HTML overrides the standard
# (the HTML spec reads a page labelled x-user-defined as windows-1252): reported and decoded as
# these.
_WIDER: dict[str, str] = {
    "gbk": "gb18030",
    "iso-8859-8-i": "iso-8859-8",
    "x-user-defined": "windows-1252",
}

# Python codec names (codecs.lookup(...).name) -> the name above, for labels browsers do not
# know but Python does (`latin-1`, `cp936`...). Anything else Python knows is used as it is.
_PYTHON_NAMES: dict[str, str] = {
    "ascii": "windows-1252",
    "iso8859-1": "windows-1252",
    "cp1252": "windows-1252",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5",
    "big5hkscs": "big5",
    "euc_jp": "euc-jp",
    "shift_jis": "shift_jis",
    "cp932": "shift_jis",
    "euc_kr": "euc-kr",
    "cp949": "euc-kr",
    "utf-16": "utf-16le",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
}

# Python text codecs that no web page may use: escapes, IDNA, UTF-7 (a known XSS vector, which
# browsers refuse) and the like. A label naming one of them is ignored.
_REFUSED_CODECS = frozenset(
    {
        "idna",
        "punycode",
        "raw-unicode-escape",
        "unicode-escape",
        "utf-7",
        "undefined",
        "mbcs",
        "oem",
        "charmap",
        "palmos",
    }
)

# How much of the page is searched for a <meta> charset. WHATWG says 1024 bytes; real pages put
# long scripts or comments first, so a little more is searched.
_META_SCAN_BYTES = 4096
# How much of the page charset-normalizer looks at: enough to judge, bounded in time.
_DETECT_BYTES = 65536

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_META_TAG = re.compile(r"<meta(?=[\s/])([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.IGNORECASE)


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """The text of an HTML page and the charset used to decode it. Never raises."""
    try:
        return _decode(body, content_type)
    except Exception:  # a page must always give text; the fallback is lossless enough
        return body.decode("utf-8", errors="replace"), "utf-8"


def charset_name(label: str | None) -> str | None:
    """The encoding a browser would use for a charset label, or None for an unknown label."""
    if not label:
        return None
    key = label.strip().strip("\"'").strip().lower()
    if not key:
        return None
    encoding = webencodings.lookup(key)  # the Encoding Standard's label table
    if encoding is not None and encoding.name != "replacement":
        return _WIDER.get(encoding.name, encoding.name)
    return _python_name(key)


def header_charset(content_type: str | None) -> str | None:
    """The charset label of an HTTP Content-Type value (`text/html; charset=UTF-8` -> `UTF-8`)."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset label declared by the first `<meta>` tag that declares one, if any."""
    # Every label is ASCII, and so is the markup around it: latin-1 maps each byte to one
    # character, so positions and ASCII text survive whatever the real encoding is.
    head = _COMMENT.sub("", body[:_META_SCAN_BYTES].decode("latin-1"))
    for tag in _META_TAG.finditer(head):
        attributes = {
            name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(tag.group(1))
        }
        if attributes.get("charset"):
            return attributes["charset"]
        if attributes.get("http-equiv", "").strip().lower() == "content-type":
            label = header_charset(attributes.get("content", ""))
            if label:
                return label
    return None


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _decode_as(body[len(bom) :], name, errors="replace"), name

    declared: list[str] = []
    from_header = charset_name(header_charset(content_type))
    if from_header:
        declared.append(from_header)
    from_meta = charset_name(meta_charset(body))
    if from_meta:
        # A <meta> read as ASCII cannot truly declare UTF-16: browsers take it as UTF-8.
        from_meta = "utf-8" if from_meta.startswith("utf-16") else from_meta
        if from_meta not in declared:
            declared.append(from_meta)

    if not _looks_utf16(body):
        # A UTF-16 label on bytes with no NUL near the start is a server default, not the truth.
        declared = [name for name in declared if not name.startswith("utf-16")]
    for name in declared:
        try:
            return _decode_as(body, name, errors="strict"), name
        except (UnicodeDecodeError, LookupError):
            continue
    if declared:
        # The page declared a charset that does not fit every byte: browsers decode it with that
        # charset anyway, with replacement characters, and so does the reader.
        return _decode_as(body, declared[0], errors="replace"), declared[0]

    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(body)
    if detected:
        return _decode_as(body, detected, errors="replace"), detected
    return body.decode("utf-8", errors="replace"), "utf-8"


def _looks_utf16(body: bytes) -> bool:
    return b"\x00" in body[:64]


def _decode_as(body: bytes, name: str, errors: str) -> str:
    if name == "windows-1252":
        return _decode_windows_1252(body)
    encoding = webencodings.lookup(name)
    if encoding is None:  # a name only Python knows (see _python_name)
        return body.decode(name, errors=errors)
    return encoding.codec_info.decode(body, errors)[0]


def _decode_windows_1252(body: bytes) -> str:
    # Python's cp1252 leaves five bytes undefined; browsers map them to the C1 controls of the
    # same value, so the page decodes whatever bytes it has, as in a browser.
    return codecs.charmap_decode(body, "strict", _windows_1252_table())[0]


@cache
def _windows_1252_table() -> str:
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


@cache
def _python_name(label: str) -> str | None:
    """The encoding for a label only Python knows, or None when it is bogus or unsafe."""
    if label.startswith("utf-7") or label in {"utf7", "x-utf-7"}:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    codec = info.name
    if not getattr(info, "_is_text_encoding", True) or codec in _REFUSED_CODECS:
        return None
    if codec.startswith(("utf-32", "utf_32")):
        return None
    return _PYTHON_NAMES.get(codec, codec)


def _detect(body: bytes) -> str | None:
    """The charset charset-normalizer finds for the start of the page, mapped as labels are."""
    best = from_bytes(body[:_DETECT_BYTES]).best()
    if best is None:
        return None
    return charset_name(best.encoding)
