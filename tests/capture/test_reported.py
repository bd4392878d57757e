"""Reading lists of reported URLs as investigators write them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from capture.reported import case_id_for, normalise_url, parse_reported, read_reported

NOW = datetime(2025, 3, 14, 9, 12, tzinfo=UTC)


def test_bare_domains_get_https_and_urls_are_tidied() -> None:
    assert normalise_url("boutique-exemple.fr") == ("https://boutique-exemple.fr/", None)
    assert normalise_url("  <HTTP://Shop.FR./a?b=1#top>  ") == ("http://shop.fr/a?b=1", None)
    assert normalise_url("shop.fr:8443/x") == ("https://shop.fr:8443/x", None)


def test_unicode_domains_become_punycode() -> None:
    assert normalise_url("https://www.bücher-günstig.de/angebot") == (
        "https://www.xn--bcher-gnstig-dlbg.de/angebot",
        None,
    )
    assert normalise_url("bijoux-été.fr")[0] == "https://xn--bijoux-t-h1ab.fr/"


def test_defanged_urls_are_restored() -> None:
    assert normalise_url("hxxps://arnaque[.]shop/promo") == ("https://arnaque.shop/promo", None)


def test_what_is_not_a_url_says_why() -> None:
    assert "white space" in (normalise_url("voir le site de la boutique")[1] or "")
    assert "only http and https" in (normalise_url("ftp://files.shop.fr/")[1] or "")
    assert "only http and https" in (normalise_url("javascript:alert(1)")[1] or "")
    assert "not a domain name" in (normalise_url("boutique")[1] or "")
    assert "user name or password" in (normalise_url("https://a:b@shop.fr/")[1] or "")
    assert "not a valid URL" in (normalise_url("https://shop.fr:99999/")[1] or "")


def test_a_plain_list_keeps_good_lines_and_reports_the_rest_by_line() -> None:
    text = "\n".join(
        [
            "# reported this week",
            "https://boutique-a.fr/",
            "",
            "boutique-b.fr",
            "pas une url",
            "https://BOUTIQUE-A.fr",  # the same site as line 2
            "https://bücher.de/",
        ]
    )
    result = parse_reported(text, NOW, source="reported.txt")
    assert [item.url for item in result.items] == [
        "https://boutique-a.fr/",
        "https://boutique-b.fr/",
        "https://xn--bcher-kva.de/",
    ]
    assert [item.line for item in result.items] == [2, 4, 7]
    assert all(item.reported_at == NOW for item in result.items)
    assert result.duplicates == 1
    assert result.problems[0].startswith("reported.txt, line 5: ")
    assert result.problems[1].startswith("reported.txt, line 6: ")
    assert "already on line 2" in result.problems[1]


def test_case_ids_made_from_urls_are_stable_across_runs() -> None:
    first = parse_reported("https://a-shop.fr/\n", NOW).items[0]
    again = parse_reported("\n\nA-SHOP.fr\n", datetime(2026, 1, 1, tzinfo=UTC)).items[0]
    assert first.case_id == again.case_id == case_id_for("https://a-shop.fr/")


def test_a_csv_gives_case_ids_times_and_extra_columns() -> None:
    text = (
        "case_id,url,reported_at,source\n"
        "SC-1,https://a-shop.fr/,2025-03-01T10:00:00+01:00,signal-conso\n"
        "SC-2,b-shop.fr,,press\n"
        ",https://c-shop.fr/x,2025-03-02,\n"
        "SC-4,https://d-shop.fr/,yesterday,\n"
        "SC-1,https://e-shop.fr/,,\n"
    )
    result = parse_reported(text, NOW, source="cases.csv")
    a, b, c = result.items
    assert (a.case_id, a.reported_at) == ("SC-1", datetime(2025, 3, 1, 9, 0, tzinfo=UTC))
    assert a.extra == {"source": "signal-conso"}
    assert (b.url, b.reported_at) == ("https://b-shop.fr/", NOW)
    assert c.case_id == case_id_for("https://c-shop.fr/x")
    assert result.problems[0].startswith("cases.csv, line 5: column 'reported_at'")
    assert "line 6: case_id 'SC-1' is already on line 2" in result.problems[1]


def test_a_file_not_in_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes("https://boutique-été.fr/\n".encode("cp1252"))
    result = read_reported(path, NOW)
    assert result.items[0].url == "https://xn--boutique-t-j7ab.fr/"
    assert "not UTF-8" in result.problems[0]
