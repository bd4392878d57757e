"""The local index of Safety Gate alerts: one DuckDB file, one row per alert reference.

Loading is idempotent by reference: the same weekly file loaded twice changes nothing, and a
newer version of an alert (a later report) replaces the older one; an older version never
replaces a newer. Reading back gives `Alert`s for the matcher (features/alerts.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

import duckdb
import pyarrow as pa

from capture.safety_gate import Alert, ReadProblem, read_alerts

DEFAULT_INDEX = Path("artifacts/alerts.duckdb")
_COLUMNS = [f.name for f in fields(Alert)]
_TYPES = {"gtins": "VARCHAR[]", "counterfeit": "BOOLEAN"}
_CONTENT = [c for c in _COLUMNS if c not in ("reference", "source")]  # what makes a change


@dataclass
class IndexCounts:
    """What one `update_index` did: alerts read, added, replaced by a newer version, left as
    they were (same or older version), and the files or records that could not be read."""

    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    total: int = 0  # alerts in the index afterwards
    problems: list[ReadProblem] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.read} alerts read: {self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged; {self.total} in the index; "
            f"{len(self.problems)} problems"
        )


def _create(con: duckdb.DuckDBPyConnection, table: str, temporary: bool = False) -> None:
    columns = ", ".join(f"{c} {_TYPES.get(c, 'VARCHAR')}" for c in _COLUMNS)
    key = ", PRIMARY KEY (reference)" if not temporary else ""
    kind = "TEMPORARY TABLE" if temporary else "TABLE IF NOT EXISTS"
    con.execute(f"CREATE {kind} {table} ({columns}{key})")


def _arrow(alerts: list[Alert]) -> pa.Table:
    """The alerts as an Arrow table in the index's column order (fast bulk insert)."""
    # getattr per column: dataclasses.astuple deep-copies every field, five times slower
    columns = [[getattr(a, c) for a in alerts] for c in _COLUMNS]
    schema = pa.schema(
        [
            (
                c,
                pa.list_(pa.string())
                if c == "gtins"
                else pa.bool_()
                if c == "counterfeit"
                else pa.string(),
            )
            for c in _COLUMNS
        ]
    )
    if not alerts:
        return schema.empty_table()
    return pa.table([pa.array(col) for col in columns], schema=schema)


def update_index(files: Iterable[str | Path], db_path: str | Path = DEFAULT_INDEX) -> IndexCounts:
    """Load the alerts of Safety Gate detail files into the index at `db_path` (created with its
    folder when missing) and say what changed. Unreadable files and records are in `problems`.

    Within one load, an alert met twice keeps its newest version (the later file on a tie)."""
    counts = IndexCounts()
    latest: dict[str, Alert] = {}
    for alert in read_alerts(files, counts.problems):
        counts.read += 1
        kept = latest.get(alert.reference)
        if kept is None or alert.version >= kept.version:
            latest[alert.reference] = alert
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path)) as con:
        _create(con, "alerts")
        _create(con, "incoming", temporary=True)
        con.register("incoming_table", _arrow(list(latest.values())))
        con.execute("INSERT INTO incoming SELECT * FROM incoming_table")
        differs = " OR ".join(f"a.{c} IS DISTINCT FROM i.{c}" for c in _CONTENT)
        newer = f"i.version > a.version OR (i.version = a.version AND ({differs}))"
        (added,) = con.execute(
            "SELECT count(*) FROM incoming i ANTI JOIN alerts a USING (reference)"
        ).fetchone() or (0,)
        (replaced,) = con.execute(
            f"SELECT count(*) FROM incoming i JOIN alerts a USING (reference) WHERE {newer}"
        ).fetchone() or (0,)
        con.execute(
            f"DELETE FROM alerts WHERE reference IN (SELECT i.reference FROM incoming i "
            f"JOIN alerts a USING (reference) WHERE {newer})"
        )
        con.execute(
            "INSERT INTO alerts SELECT i.* FROM incoming i ANTI JOIN alerts a USING (reference)"
        )
        (total,) = con.execute("SELECT count(*) FROM alerts").fetchone() or (0,)
    counts.added, counts.replaced = int(added), int(replaced)
    counts.unchanged = len(latest) - counts.added - counts.replaced
    counts.total = int(total)
    return counts


def load_alerts(db_path: str | Path = DEFAULT_INDEX) -> list[Alert]:
    """Every alert in the index, by reference. Raises FileNotFoundError naming the path when
    there is no index there (a typo must not read as "no alerts")."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(
            f"{db_path}: no Safety Gate alert index here (build it with `scamrank alerts update`)"
        )
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            rows = con.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM alerts ORDER BY reference"
            ).fetchall()
    # not a DuckDB file, or one without the alerts table or with other columns
    except duckdb.Error as error:
        raise ValueError(f"{db_path}: not a Safety Gate alert index ({error})") from error
    gtins_at = _COLUMNS.index("gtins")
    return [
        Alert(*row[:gtins_at], tuple(row[gtins_at] or ()), *row[gtins_at + 1 :]) for row in rows
    ]
