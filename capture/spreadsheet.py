"""Keeping CSV files safe to open in a spreadsheet: checked case ids, neutralised free text.

Investigators open cases.csv and the scores CSV in Excel or LibreOffice, which run a cell that
starts with `=`, `+`, `-` or `@` as a formula (`=cmd|' /C calc'!A0`, `=HYPERLINK(...)`): CSV or
formula injection. OWASP's advice is followed: a cell that starts with one of those, or with a tab
or a carriage return, is written with a single quote in front, which spreadsheets show as text.
Case ids and URLs are never altered (rows must still join back to cases.csv): case ids are
checked against a strict pattern instead, which also keeps them safe as parts of file names.
"""

from __future__ import annotations

import re

# Letters, digits and `_ . : -`, starting with a letter or digit: no formula sign, no path
# separator, no `..` at the start, and short enough for a file name.
CASE_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
# The characters OWASP lists as starting a formula (tab and CR start one in some programs).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def case_id_problem(case_id: str) -> str | None:
    """What is wrong with a case id, or None when it matches CASE_ID_PATTERN."""
    if CASE_ID_PATTERN.fullmatch(case_id):
        return None
    shown = case_id if len(case_id) <= 60 else case_id[:60] + "..."
    if len(case_id) > 128:
        why = f"is {len(case_id)} characters long (at most 128)"
    else:
        why = "may hold only letters, digits and _ . : - and must start with a letter or digit"
    return f"case_id {shown!r} {why}"


def neutralise(text: str) -> str:
    """`text` as a spreadsheet shows it but never runs it: a quote in front of a formula start.

    Idempotent: a neutralised text starts with a quote, so it is not changed again.
    """
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(row: dict[str, str], columns: list[str], checked: tuple[str, ...]) -> dict[str, str]:
    """A cases.csv row to write: the `checked` columns (ids, URLs, times, outcomes, validated on
    the way in) as they are, every other column neutralised as free text."""
    return {
        name: row.get(name, "") if name in checked else neutralise(row.get(name, ""))
        for name in columns
    }
