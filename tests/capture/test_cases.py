"""cases.csv: valid files give Cases; every fault names the file, the line and the column."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.cases import read_cases
from capture.errors import BundleError

HEADER = "case_id,url,reported_at,outcome"


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "cases.csv"
    path.write_bytes(text.encode(encoding))
    return path


def error_of(path: Path) -> str:
    with pytest.raises(BundleError) as caught:
        read_cases(path)
    return str(caught.value)


def test_valid_file_gives_cases_in_file_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\nC1,https://boutique-a.fr/,2024-05-01T10:00:00Z,fraud\n"
        "C2,http://shop-b.com/x,2024-05-02T12:30:00+02:00,legit\nC3,https://c.fr,2024-05-03,\n",
    )
    cases = read_cases(path)
    assert [case.case_id for case in cases] == ["C1", "C2", "C3"]
    assert [case.outcome for case in cases] == ["fraud", "legit", None]
    assert cases[0].url == "https://boutique-a.fr/"


def test_offsets_are_converted_to_utc(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02T12:30:00+02:00,\n")
    assert read_cases(path)[0].reported_at == datetime(2024, 5, 2, 10, 30, tzinfo=UTC)


def test_naive_timestamp_is_taken_as_utc(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02 08:15:00,\n")
    assert read_cases(path)[0].reported_at == datetime(2024, 5, 2, 8, 15, tzinfo=UTC)


def test_date_alone_is_midnight_utc(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02,\n")
    assert read_cases(path)[0].reported_at == datetime(2024, 5, 2, tzinfo=UTC)


def test_utf8_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, f"\ufeff{HEADER}\nC1,https://a.fr/,2024-05-02,legit\n")
    assert read_cases(path)[0].case_id == "C1"


def test_extra_columns_are_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path, f'{HEADER},source,comment\nC1,https://a.fr/,2024-05-02,,signal-conso,"a, b"\n'
    )
    assert read_cases(path)[0].extra == {"source": "signal-conso", "comment": "a, b"}


def test_outcome_is_case_insensitive(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02,Fraud\n")
    assert read_cases(path)[0].outcome == "fraud"


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n\nC1,https://a.fr/,2024-05-02,\n\n")
    assert len(read_cases(path)) == 1


def test_header_only_gives_no_case(tmp_path: Path) -> None:
    assert read_cases(write(tmp_path, f"{HEADER}\n")) == []


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,url,reported_at\nC1,https://a.fr/,2024-05-02\n")
    message = error_of(path)
    assert str(path) in message
    assert "line 1" in message
    assert "column 'outcome'" in message
    assert "missing column" in message


def test_semicolon_separated_file_gets_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id;url;reported_at;outcome\nC1;https://a.fr/;2024-05-02;\n")
    assert "';'" in error_of(path)


def test_bad_timestamp_names_row_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02,\nC2,https://b.fr/,02/05/2024,\n"
    )
    message = error_of(path)
    assert str(path) in message
    assert "line 3" in message
    assert "column 'reported_at'" in message
    assert "'02/05/2024'" in message


def test_impossible_date_is_a_bad_timestamp(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-02-30,\n")
    assert "line 2, column 'reported_at': bad timestamp" in error_of(path)


def test_unknown_outcome_names_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02,scam\n")
    message = error_of(path)
    assert "line 2, column 'outcome'" in message
    assert "unknown outcome 'scam'" in message


def test_duplicate_case_id_names_both_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\nC1,https://a.fr/,2024-05-02,\nC2,https://b.fr/,2024-05-02,\n"
        "C1,https://c.fr/,2024-05-02,\n",
    )
    message = error_of(path)
    assert "line 4, column 'case_id': duplicate case_id 'C1' (first on line 2)" in message


def test_empty_url_names_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,,2024-05-02,\n")
    assert f"{path}, line 2, column 'url': empty url" in error_of(path)


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("boutique-a.fr", "no http:// or https:// scheme"),
        ("ftp://boutique-a.fr/", "scheme 'ftp'"),
        ("https://", "no host name"),
        ("https://bou tique.fr/", "white space"),
        ("https://a.fr:99999/", "not a valid URL"),
    ],
)
def test_invalid_url_names_row_column_and_fault(tmp_path: Path, url: str, what: str) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,{url},2024-05-02,\n")
    message = error_of(path)
    assert "line 2, column 'url'" in message
    assert what in message


def test_empty_case_id_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n,https://a.fr/,2024-05-02,\n")
    assert "line 2, column 'case_id': empty case_id" in error_of(path)


def test_short_row_names_the_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02\n")
    assert "line 2, column 'outcome': no value" in error_of(path)


def test_row_with_too_many_fields_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,2024-05-02,,surplus\n")
    assert "line 2, column 5: the row has 5 fields" in error_of(path)


def test_line_numbers_count_quoted_line_breaks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f'{HEADER},comment\nC1,https://a.fr/,2024-05-02,,"two\nlines"\nC2,https://b.fr/,nope,,\n',
    )
    assert "line 4, column 'reported_at'" in error_of(path)


def test_every_fault_of_the_file_is_listed(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nC1,https://a.fr/,bad,\nC2,https://b.fr/,2024-05-02,maybe\n")
    with pytest.raises(BundleError) as caught:
        read_cases(path)
    assert len(caught.value.problems) == 2


def test_missing_file_is_a_bundle_error(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    assert f"{path}: missing" in error_of(path)


def test_non_utf8_file_names_the_byte(tmp_path: Path) -> None:
    before = f"{HEADER}\nC1,https://caf"
    path = write(tmp_path, f"{before}\u00e9.fr/,2024-05-02,\n", encoding="latin-1")
    message = error_of(path)
    assert "not UTF-8" in message
    assert f"line 2, byte {len(before)}:" in message


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    assert "no header row" in error_of(write(tmp_path, ""))


def test_bundle_error_is_a_value_error() -> None:
    assert issubclass(BundleError, ValueError)
