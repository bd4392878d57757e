"""The optional `decided_at` column of cases.csv: read into the Case, checked like reported_at."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from capture.cases import read_cases
from capture.errors import BundleError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_decided_at_is_read_into_the_case_in_utc(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "case_id,url,reported_at,outcome,decided_at\n"
        "a,https://a.fr/,2025-01-01,fraud,2025-01-09T10:00:00+02:00\n"
        "b,https://b.fr/,2025-01-01,legit,\n",
    )
    first, second = read_cases(path)
    assert first.decided_at == datetime(2025, 1, 9, 8, 0, tzinfo=UTC)
    assert second.decided_at is None
    assert "decided_at" not in first.extra  # a known column, not extra text


def test_a_file_without_the_column_has_no_verdict_dates(tmp_path: Path) -> None:
    path = _write(tmp_path, "case_id,url,reported_at,outcome\na,https://a.fr/,2025-01-01,fraud\n")
    assert read_cases(path)[0].decided_at is None


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "9999-12-31T23:00:00-05:00"])
def test_a_bad_decided_at_names_line_and_column(tmp_path: Path, bad: str) -> None:
    path = _write(
        tmp_path, f"case_id,url,reported_at,outcome,decided_at\na,https://a.fr/,2025-01-01,,{bad}\n"
    )
    with pytest.raises(BundleError, match=r"line 2, column 'decided_at': bad timestamp"):
        read_cases(path)
