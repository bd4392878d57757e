"""Reading and checking cases.csv, the list of reported sites of a case bundle."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urlsplit

from capture.domains import registrable_domain
from capture.errors import BundleError
from capture.isotime import OUT_OF_RANGE, parse_utc_checked
from capture.site import OUTCOMES, Case
from capture.spreadsheet import case_id_problem

REQUIRED_COLUMNS = ("case_id", "url", "reported_at", "outcome")
# Optional columns read into the Case itself rather than kept as extra text.
OPTIONAL_COLUMNS = ("decided_at",)
# Enough faults to fix a file in one go without drowning the message.
_MAX_PROBLEMS_SHOWN = 20


def read_cases(path: Path) -> list[Case]:
    """The cases of a cases.csv file, in file order; BundleError listing every fault otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{path}: missing (a case bundle needs a cases.csv)") from None
    except OSError as exc:
        raise BundleError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    try:
        # utf-8-sig drops the byte-order mark that spreadsheet programs write.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise BundleError(
            f"{path}, line {line}, byte {exc.start}: not UTF-8 text (save the file as UTF-8 CSV)"
        ) from None
    return parse_cases(text, source=str(path))


def parse_cases(text: str, source: str = "cases.csv") -> list[Case]:
    """The cases of cases.csv text; `source` names the file in error messages."""
    problems: list[str] = []
    cases: list[Case] = []
    first_line_of: dict[str, int] = {}

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise BundleError(f"{source}, line 1: unreadable header row: {exc}") from None
    if header is None or not any(name.strip() for name in header):
        raise BundleError(
            f"{source}, line 1: no header row (expected {','.join(REQUIRED_COLUMNS)})"
        )

    columns = [name.strip() for name in header]
    problems.extend(_header_problems(columns, source))
    if problems:
        raise _error(problems)

    position = {name.lower(): index for index, name in enumerate(columns)}
    extra_columns = [
        (index, name)
        for index, name in enumerate(columns)
        if name.lower() not in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
    ]

    line = reader.line_num
    while True:
        start = line + 1  # a quoted field may span lines: report the line the record starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"{source}, line {reader.line_num}: unreadable CSV: {exc}")
            break
        line = reader.line_num
        if not any(field.strip() for field in row):
            continue  # blank lines are not cases
        row_problems, case = _parse_row(row, start, columns, position, extra_columns, source)
        if case is not None and case.case_id in first_line_of:
            row_problems.append(
                f"{source}, line {start}, column 'case_id': duplicate case_id {case.case_id!r} "
                f"(first on line {first_line_of[case.case_id]})"
            )
            case = None
        problems.extend(row_problems)
        if case is not None:
            first_line_of[case.case_id] = start
            cases.append(case)

    if problems:
        raise _error(problems)
    return cases


def url_problem(url: str) -> str | None:
    """What is wrong with a case URL, or None when it is an http(s) URL with a host name."""
    if any(char.isspace() for char in url):
        return f"url {url!r} contains white space"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - evaluated for the ValueError a bad port raises
    except ValueError as exc:
        return f"url {url!r} is not a valid URL ({exc})"
    if not parts.scheme or "//" not in url:
        return f"url {url!r} has no http:// or https:// scheme"
    if parts.scheme.lower() not in ("http", "https"):
        return f"url {url!r} has scheme {parts.scheme!r}, not http or https"
    if not parts.hostname or not registrable_domain(url):
        return f"url {url!r} has no host name"
    return None


def _header_problems(columns: list[str], source: str) -> list[str]:
    problems = []
    lowered = [name.lower() for name in columns]
    for index, name in enumerate(lowered):
        if name and name in lowered[:index]:
            problems.append(
                f"{source}, line 1, column {columns[index]!r}: appears twice in the header"
            )
    for required in REQUIRED_COLUMNS:
        if required not in lowered:
            hint = ""
            if len(columns) == 1 and ";" in columns[0]:
                hint = " (the file seems to use ';' between columns: cases.csv uses ',')"
            problems.append(
                f"{source}, line 1, column {required!r}: missing column "
                f"(the header has: {', '.join(columns)}){hint}"
            )
    return problems


def _parse_row(
    row: list[str],
    line: int,
    columns: list[str],
    position: dict[str, int],
    extra_columns: list[tuple[int, str]],
    source: str,
) -> tuple[list[str], Case | None]:
    """The problems of one data row, and its Case when it has none."""
    problems: list[str] = []

    def where(column: str) -> str:
        return f"{source}, line {line}, column {column!r}"

    if len(row) > len(columns):
        problems.append(
            f"{source}, line {line}, column {len(columns) + 1}: the row has {len(row)} fields "
            f"but the header names {len(columns)} columns"
        )

    def value(column: str) -> str | None:
        index = position[column]
        return row[index].strip() if index < len(row) else None

    case_id = value("case_id")
    url = value("url")
    reported_text = value("reported_at")
    outcome_text = value("outcome")

    if case_id is None or url is None or reported_text is None or outcome_text is None:
        missing = [name for name in REQUIRED_COLUMNS if value(name) is None]
        for name in missing:
            problems.append(
                f"{where(name)}: no value (the row has {len(row)} fields, the header "
                f"{len(columns)})"
            )
        return problems, None

    if not case_id:
        problems.append(f"{where('case_id')}: empty case_id")
    else:
        problem = case_id_problem(case_id)
        if problem:
            problems.append(f"{where('case_id')}: {problem}")
    if not url:
        problems.append(f"{where('url')}: empty url")
    else:
        problem = url_problem(url)
        if problem:
            problems.append(f"{where('url')}: {problem}")

    reported_at, why = parse_utc_checked(reported_text)
    if not reported_text:
        problems.append(f"{where('reported_at')}: empty timestamp")
    elif reported_at is None and why == OUT_OF_RANGE:
        problems.append(f"{where('reported_at')}: timestamp {reported_text!r} is {why}")
    elif reported_at is None:
        problems.append(
            f"{where('reported_at')}: bad timestamp {reported_text!r} (expected ISO-8601 such "
            "as 2024-05-01T12:00:00Z, 2024-05-01T14:00:00+02:00 or 2024-05-01)"
        )

    outcome = outcome_text.lower() or None
    if outcome is not None and outcome not in OUTCOMES:
        problems.append(
            f"{where('outcome')}: unknown outcome {outcome_text!r} (expected "
            f"{', '.join(OUTCOMES)} or empty)"
        )

    decided_text = value("decided_at") if "decided_at" in position else None
    decided_at, decided_why = parse_utc_checked(decided_text) if decided_text else (None, None)
    if decided_text and decided_at is None:
        problems.append(
            f"{where('decided_at')}: bad timestamp {decided_text!r}: {decided_why} (expected "
            "ISO-8601 UTC such as 2024-05-01T12:00:00Z, or empty when unknown)"
        )

    if problems or reported_at is None:
        return problems, None
    extra = {name: row[index] if index < len(row) else "" for index, name in extra_columns}
    return problems, Case(
        case_id=case_id,
        url=url,
        reported_at=reported_at,
        outcome=outcome,
        extra=extra,
        decided_at=decided_at,
    )


def _error(problems: list[str]) -> BundleError:
    shown = problems[:_MAX_PROBLEMS_SHOWN]
    message = "\n".join(shown)
    if len(problems) > len(shown):
        message += f"\n... and {len(problems) - len(shown)} more problems"
    return BundleError(message, problems)
