"""Turning the bytes of a captured HTML page into text, choosing the charset as browsers do.

Order (WHATWG "encoding sniffing"): a byte-order mark, then the charset of the HTTP
Content-Type header, then a `<meta charset>` or `<meta http-equiv="Content-Type">` tag near the
start of the page; with none of them, UTF-8 when the bytes are valid UTF-8, else what
charset-normalizer detects, else UTF-8 with replacement characters. Labels are mapped the way
browsers map them (`iso-8859-1` and `ascii` decode as windows-1252, `gb2312` as gb18030...).

Why not w3lib's `html_to_unicode` (measured, w3lib 2.x): it knows 153 of the Encoding Standard's
222 labels (not `x-cp1251`, `iso-8859-8-i`, `csisolatin9`, `x-mac-cyrillic`, `unicode11utf8`...),
reports Python codec names rather than the standard's, lets a header that does not fit the bytes
win over a `<meta>` that does, decodes windows-1252's five undefined bytes as U+FFFD where browsers
keep them, and, with no declaration, trusts the detector before valid UTF-8: on the 470 pages of
../shared/corpora/real-pages and real-shops it loses characters on 12 that this module decodes
whole. This module keeps the standard's label table and order for those reasons; detection is
charset-normalizer's.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from charset_normalizer import from_bytes

# Byte-order marks, longest first so that UTF-8's is not mistaken for a prefix of another.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16be"),
    (codecs.BOM_UTF16_LE, "utf-16le"),
)

# Encoding name (as this module reports it) -> Python codec that decodes it.
_CODECS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "ibm866": "cp866",
    "iso-8859-2": "iso8859-2",
    "iso-8859-3": "iso8859-3",
    "iso-8859-4": "iso8859-4",
    "iso-8859-5": "iso8859-5",
    "iso-8859-6": "iso8859-6",
    "iso-8859-7": "iso8859-7",
    "iso-8859-8": "iso8859-8",
    "iso-8859-10": "iso8859-10",
    "iso-8859-13": "iso8859-13",
    "iso-8859-14": "iso8859-14",
    "iso-8859-15": "iso8859-15",
    "iso-8859-16": "iso8859-16",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "macintosh": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "windows-874": "cp874",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",  # decoded by _decode_windows_1252, which maps all 256 bytes
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}

# WHATWG Encoding Standard labels -> the name above. Where browsers decode a label with a wider
# encoding (latin1 and ascii with windows-1252, gb2312 and gbk with gb18030, euc-kr with
# windows-949), the wider one is used: pages labelled that way are written for browsers.
_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": (
        "unicode-1-1-utf-8",
        "unicode11utf8",
        "unicode20utf8",
        "utf-8",
        "utf8",
        "x-unicode20utf8",
    ),
    "utf-16le": (
        "csunicode",
        "iso-10646-ucs-2",
        "ucs-2",
        "unicode",
        "unicodefeff",
        "utf-16",
        "utf-16le",
    ),
    "utf-16be": ("unicodefffe", "utf-16be"),
    "ibm866": ("866", "cp866", "csibm866", "ibm866"),
    "iso-8859-2": (
        "csisolatin2",
        "iso-8859-2",
        "iso-ir-101",
        "iso8859-2",
        "iso88592",
        "iso_8859-2",
        "iso_8859-2:1987",
        "l2",
        "latin2",
    ),
    "iso-8859-3": (
        "csisolatin3",
        "iso-8859-3",
        "iso-ir-109",
        "iso8859-3",
        "iso88593",
        "iso_8859-3",
        "iso_8859-3:1988",
        "l3",
        "latin3",
    ),
    "iso-8859-4": (
        "csisolatin4",
        "iso-8859-4",
        "iso-ir-110",
        "iso8859-4",
        "iso88594",
        "iso_8859-4",
        "iso_8859-4:1988",
        "l4",
        "latin4",
    ),
    "iso-8859-5": (
        "csisolatincyrillic",
        "cyrillic",
        "iso-8859-5",
        "iso-ir-144",
        "iso8859-5",
        "iso88595",
        "iso_8859-5",
        "iso_8859-5:1988",
    ),
    "iso-8859-6": (
        "arabic",
        "asmo-708",
        "csiso88596e",
        "csiso88596i",
        "csisolatinarabic",
        "ecma-114",
        "iso-8859-6",
        "iso-8859-6-e",
        "iso-8859-6-i",
        "iso-ir-127",
        "iso8859-6",
        "iso88596",
        "iso_8859-6",
        "iso_8859-6:1987",
    ),
    "iso-8859-7": (
        "csisolatingreek",
        "ecma-118",
        "elot_928",
        "greek",
        "greek8",
        "iso-8859-7",
        "iso-ir-126",
        "iso8859-7",
        "iso88597",
        "iso_8859-7",
        "iso_8859-7:1987",
        "sun_eu_greek",
    ),
    "iso-8859-8": (
        "csiso88598e",
        "csisolatinhebrew",
        "hebrew",
        "iso-8859-8",
        "iso-8859-8-e",
        "iso-ir-138",
        "iso8859-8",
        "iso88598",
        "iso_8859-8",
        "iso_8859-8:1988",
        "visual",
        "csiso88598i",
        "iso-8859-8-i",
        "logical",
    ),
    "iso-8859-10": (
        "csisolatin6",
        "iso-8859-10",
        "iso-ir-157",
        "iso8859-10",
        "iso885910",
        "l6",
        "latin6",
    ),
    "iso-8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso-8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso-8859-15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"),
    "iso-8859-16": ("iso-8859-16",),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "macintosh": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "x-mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "windows-874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "windows-1250": ("cp1250", "windows-1250", "x-cp1250"),
    "windows-1251": ("cp1251", "windows-1251", "x-cp1251"),
    "windows-1252": (
        "ansi_x3.4-1968",
        "ascii",
        "cp1252",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso-8859-1",
        "iso-ir-100",
        "iso8859-1",
        "iso88591",
        "iso_8859-1",
        "iso_8859-1:1987",
        "l1",
        "latin1",
        "us-ascii",
        "windows-1252",
        "x-cp1252",
        "x-user-defined",
    ),
    "windows-1253": ("cp1253", "windows-1253", "x-cp1253"),
    "windows-1254": (
        "cp1254",
        "csisolatin5",
        "iso-8859-9",
        "iso-ir-148",
        "iso8859-9",
        "iso88599",
        "iso_8859-9",
        "iso_8859-9:1989",
        "l5",
        "latin5",
        "windows-1254",
        "x-cp1254",
    ),
    "windows-1255": ("cp1255", "windows-1255", "x-cp1255"),
    "windows-1256": ("cp1256", "windows-1256", "x-cp1256"),
    "windows-1257": ("cp1257", "windows-1257", "x-cp1257"),
    "windows-1258": ("cp1258", "windows-1258", "x-cp1258"),
    "gb18030": (
        "chinese",
        "csgb2312",
        "csiso58gb231280",
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "iso-ir-58",
        "x-gbk",
        "gb18030",
    ),
    "big5": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc-jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso-2022-jp": ("csiso2022jp", "iso-2022-jp"),
    "shift_jis": (
        "csshiftjis",
        "ms932",
        "ms_kanji",
        "shift-jis",
        "shift_jis",
        "sjis",
        "windows-31j",
        "x-sjis",
    ),
    "euc-kr": (
        "cseuckr",
        "csksc56011987",
        "euc-kr",
        "iso-ir-149",
        "korean",
        "ks_c_5601-1987",
        "ks_c_5601-1989",
        "ksc5601",
        "ksc_5601",
        "windows-949",
    ),
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
    name = _label_table().get(key)
    if name is not None:
        return name
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
    return body.decode(_CODECS.get(name, name), errors=errors)


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
def _label_table() -> dict[str, str]:
    return {label: name for name, labels in _LABELS.items() for label in labels}


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
