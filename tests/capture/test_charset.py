"""decode_html: BOM, then header, then <meta>, then detection, with browser label mapping."""

from __future__ import annotations

import pytest

from capture.charset import charset_name, decode_html, meta_charset

FRENCH = "Livraison gratuite dès 49 € : offre réservée, qualité garantie, expédié sous 24 h."


def test_bom_wins_over_the_header() -> None:
    body = b"\xef\xbb\xbf" + "<p>Caf\u00e9</p>".encode()
    assert decode_html(body, "text/html; charset=iso-8859-1") == ("<p>Caf\u00e9</p>", "utf-8")


def test_utf16_bom_is_honoured() -> None:
    body = b"\xff\xfe" + "<p>\u00e9t\u00e9</p>".encode("utf-16-le")
    assert decode_html(body, "text/html") == ("<p>\u00e9t\u00e9</p>", "utf-16le")


def test_header_charset_wins_over_meta() -> None:
    body = f'<meta charset="utf-8"><p>{FRENCH}</p>'.encode("cp1252")
    text, charset = decode_html(body, "text/html; charset=windows-1252")
    assert charset == "windows-1252"
    assert text == body.decode("cp1252")


def test_meta_charset_is_used_when_the_header_has_none() -> None:
    body = f"<html><head><meta charset=windows-1252></head><p>{FRENCH}</p>".encode("cp1252")
    text, charset = decode_html(body, "text/html")
    assert charset == "windows-1252"
    assert text == body.decode("cp1252")


def test_meta_http_equiv_content_type_is_used() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    body = (page + "<p>Доставка по всей России</p>").encode("cp1251")
    text, charset = decode_html(body, None)
    assert charset == "windows-1251"
    assert text == page + "<p>Доставка по всей России</p>"


def test_meta_inside_a_comment_is_ignored() -> None:
    body = b"<!-- <meta charset=koi8-r> --><meta charset=utf-8><p>x</p>"
    assert meta_charset(body) == "utf-8"


def test_latin1_label_decodes_as_windows_1252() -> None:
    # 0x80 is the euro sign in windows-1252 and a control character in true ISO-8859-1.
    text, charset = decode_html(b"<p>19,99 \x80</p>", "text/html; charset=ISO-8859-1")
    assert (text, charset) == ("<p>19,99 \u20ac</p>", "windows-1252")


def test_bytes_undefined_in_windows_1252_still_decode() -> None:
    text, _ = decode_html(b"<p>\x81\x8d</p>", "text/html; charset=windows-1252")
    assert text == "<p>\x81\x8d</p>"


def test_gb2312_label_decodes_as_gb18030() -> None:
    # U+20AC and U+00E9 are outside GB2312 but inside GB18030, as browsers decode it.
    body = "<p>欢迎光临本店 € é</p>".encode("gb18030")
    text, charset = decode_html(body, "text/html; charset=gb2312")
    assert (text, charset) == ("<p>欢迎光临本店 € é</p>", "gb18030")


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("latin1", "windows-1252"),
        ("US-ASCII", "windows-1252"),
        ("iso-8859-9", "windows-1254"),
        ("GBK", "gb18030"),
        ("x-sjis", "shift_jis"),
        ("ks_c_5601-1987", "euc-kr"),
        ("tis-620", "windows-874"),
        (" 'UTF8' ", "utf-8"),
        ("latin-1", "windows-1252"),  # not a browser label, but Python's name for latin1
    ],
)
def test_labels_map_as_browsers_map_them(label: str, name: str) -> None:
    assert charset_name(label) == name


@pytest.mark.parametrize("label", ["bogus-charset", "utf-7", "rot13", "base64", "idna", ""])
def test_unknown_or_unsafe_labels_are_refused(label: str) -> None:
    assert charset_name(label) is None


def test_bogus_header_charset_falls_back_to_the_meta() -> None:
    body = f"<meta charset=windows-1252><p>{FRENCH}</p>".encode("cp1252")
    text, charset = decode_html(body, "text/html; charset=x-no-such-thing")
    assert charset == "windows-1252"
    assert text == body.decode("cp1252")


def test_undeclared_utf8_is_read_as_utf8() -> None:
    assert decode_html(f"<p>{FRENCH}</p>".encode(), None) == (f"<p>{FRENCH}</p>", "utf-8")


def test_undeclared_legacy_page_is_detected() -> None:
    body = ("<html><body><p>Интернет-магазин одежды. Доставка по всей России.</p>" * 8).encode(
        "cp1251"
    )
    text, charset = decode_html(body, "text/html")
    assert charset == "windows-1251"
    assert text == body.decode("cp1251")  # every byte, as the page was written


def test_declared_utf8_with_a_bad_byte_keeps_utf8_with_a_replacement() -> None:
    text, charset = decode_html(b"<p>caf\xe9 cr\xc3\xa8me</p>", "text/html; charset=utf-8")
    assert charset == "utf-8"
    assert text == "<p>caf\ufffd cr\u00e8me</p>"


def test_wrong_header_is_overridden_by_a_meta_that_fits() -> None:
    body = '<meta charset="shift_jis"><p>送料無料のお店</p>'.encode("cp932")
    text, charset = decode_html(body, "text/html; charset=utf-8")
    assert charset == "shift_jis"
    assert text == body.decode("cp932")  # the page, whole (WHATWG's Shift_JIS is Windows')


def test_utf16_header_on_ascii_bytes_is_ignored() -> None:
    assert decode_html(b"<p>plain</p>", "text/html; charset=utf-16") == ("<p>plain</p>", "utf-8")


@pytest.mark.parametrize("body", [b"", b"\x00\xff\xfe\x00", bytes(range(256)) * 4])
def test_never_raises(body: bytes) -> None:
    text, charset = decode_html(body, "text/html; charset=")
    # Whatever charset is chosen, the text is exactly the body read in it (bad bytes replaced).
    assert text == body.decode(charset, errors="replace")


@pytest.mark.parametrize(
    ("label", "name", "text"),
    [
        # Browser labels that w3lib's resolver does not know (why this module keeps its table).
        ("x-cp1251", "windows-1251", "Доставка"),
        ("csisolatin9", "iso-8859-15", "Prix : 20 €"),
        ("iso-8859-8-i", "iso-8859-8", "משלוח חינם"),
        ("x-mac-cyrillic", "x-mac-cyrillic", "Магазин"),
        ("unicode11utf8", "utf-8", "Livraison à domicile"),
    ],
)
def test_browser_labels_unknown_to_other_resolvers_decode(label: str, name: str, text: str) -> None:
    python_codec = {"x-mac-cyrillic": "mac-cyrillic", "iso-8859-8": "iso8859-8"}.get(name, name)
    body = f"<p>{text}</p>".encode(python_codec)
    assert decode_html(body, f"text/html; charset={label}") == (f"<p>{text}</p>", name)


def test_every_label_of_the_encoding_standard_maps_as_webencodings_says() -> None:
    """The label table is webencodings' (the standard's 222 labels), but for the documented
    overrides: gbk decoded as gb18030, iso-8859-8-i as iso-8859-8, x-user-defined as HTML does."""
    import webencodings

    overrides = {"gbk": "gb18030", "iso-8859-8-i": "iso-8859-8", "x-user-defined": "windows-1252"}
    checked = 0
    for label, name in webencodings.LABELS.items():
        if name == "replacement":
            continue
        assert charset_name(label) == overrides.get(name, name), label
        checked += 1
    assert checked > 200
