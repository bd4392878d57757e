"""The French company register (INSEE's SIRENE stock files), read offline and looked up in batches.

A register folder holds the files as INSEE publishes them, names and columns unchanged:
`StockUniteLegale_utf8.parquet` (or `.zip`, `.csv`), optionally `StockEtablissement_utf8.*` and
`StockUniteLegaleHistorique_utf8.*`. Parquet is queried in place with DuckDB. A CSV (plain or
zipped) is converted once to Parquet sorted by siren in a cache folder: the zip is streamed with
Python's zipfile (DuckDB reads zips only through an extension that cannot be installed offline).
DuckDB runs under a memory limit, so the national files (about 30 million rows) stay within 1 GiB.

A lookup returns, per SIREN, the rows consulted as a JSON-able dict (`RegisterRows`), which is also
the evidence kept as `register/<siren>.json` in a bundle: features read only that dict, so a score
can be re-derived from the bundle alone.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

# The columns scamrank reads from each file, under INSEE's names (the cache keeps only these).
UNITE_COLUMNS: tuple[str, ...] = (
    "siren", "statutDiffusionUniteLegale", "dateCreationUniteLegale", "sigleUniteLegale",
    "prenom1UniteLegale", "prenomUsuelUniteLegale", "dateDebut", "etatAdministratifUniteLegale",
    "nomUniteLegale", "nomUsageUniteLegale", "denominationUniteLegale",
    "denominationUsuelle1UniteLegale", "denominationUsuelle2UniteLegale",
    "denominationUsuelle3UniteLegale", "categorieJuridiqueUniteLegale",
    "activitePrincipaleUniteLegale", "nomenclatureActivitePrincipaleUniteLegale",
    "nicSiegeUniteLegale",
)  # fmt: skip
ETABLISSEMENT_COLUMNS: tuple[str, ...] = (
    "siren", "nic", "siret", "dateCreationEtablissement", "etablissementSiege",
    "codePostalEtablissement", "libelleCommuneEtablissement", "codePaysEtrangerEtablissement",
    "libellePaysEtrangerEtablissement", "dateDebut", "etatAdministratifEtablissement",
    "enseigne1Etablissement", "enseigne2Etablissement", "enseigne3Etablissement",
    "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
)  # fmt: skip
HISTORIQUE_COLUMNS: tuple[str, ...] = (
    "siren", "dateFin", "dateDebut", "etatAdministratifUniteLegale", "nomUniteLegale",
    "nomUsageUniteLegale", "denominationUniteLegale", "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale",
    "categorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale",
)  # fmt: skip
KINDS: dict[str, tuple[str, ...]] = {
    "StockUniteLegale": UNITE_COLUMNS,
    "StockEtablissement": ETABLISSEMENT_COLUMNS,
    "StockUniteLegaleHistorique": HISTORIQUE_COLUMNS,
}
# Preferred first: Parquet needs no conversion. INSEE also published files without `_utf8`.
_SUFFIXES = ("_utf8.parquet", ".parquet", "_utf8.zip", ".zip", "_utf8.csv", ".csv")
MAX_ESTABLISHMENTS = 20  # per SIREN: the ones named on the page and the head office come first
# DuckDB's own limit; with Python's ~250 MB, converting 5 million rows peaked at ~600 MiB.
DEFAULT_MEMORY_LIMIT = "384MB"
_CSV_BLOCK = 2 << 20  # bytes of CSV parsed at a time: larger blocks cost memory, not speed


class RegisterError(ValueError):
    """A register folder or file that cannot be used, with the path and what is wrong."""


@dataclass(frozen=True)
class RegisterFiles:
    """The Parquet files to query, one per kind (the last two optional)."""

    unite: Path
    etablissement: Path | None = None
    historique: Path | None = None


def find_stock_file(folder: Path, kind: str) -> Path | None:
    """The file of one kind (`StockUniteLegale`...) in a register folder, Parquet preferred."""
    for suffix in _SUFFIXES:
        path = folder / f"{kind}{suffix}"
        if path.is_file():
            return path
    return None


def _cache_name(source: Path) -> str:
    # The source's size and mtime in the name: a newer monthly file is converted again.
    stat = source.stat()
    return f"{source.name}-{stat.st_size}-{int(stat.st_mtime)}.parquet"


def _open_csv(source: Path) -> Any:
    """A binary stream of the CSV, itself or the single .csv member of a zip."""
    if source.suffix.lower() != ".zip":
        return source.open("rb")
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile as error:
        raise RegisterError(f"{source}: not a readable zip file ({error})") from error
    members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
    if len(members) != 1:
        raise RegisterError(f"{source}: expected one .csv inside the zip, found {members}")
    return archive.open(members[0])


def csv_to_parquet(
    source: Path, cache: Path, columns: tuple[str, ...], memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> Path:
    """Convert an INSEE CSV (plain or zipped) once into Parquet sorted by siren, in `cache`.

    The CSV is streamed in blocks (every value kept as text: SIRENs and codes have leading
    zeros), then DuckDB sorts it under its memory limit, spilling to the cache folder."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / _cache_name(source)
    if target.exists():
        return target
    unsorted = target.with_suffix(".unsorted.parquet")
    with _open_csv(source) as stream:
        try:
            reader = pa_csv.open_csv(
                stream,
                read_options=pa_csv.ReadOptions(block_size=_CSV_BLOCK, use_threads=False),
                convert_options=pa_csv.ConvertOptions(
                    column_types=dict.fromkeys(columns, pa.string()),
                    include_columns=list(columns),
                    include_missing_columns=True,
                    strings_can_be_null=True,
                ),
            )
        except pa.ArrowInvalid as error:
            raise RegisterError(f"{source}: not an INSEE stock CSV ({error})") from error
        if reader.schema.field("siren") is None:
            raise RegisterError(f"{source}: no siren column")
        with pq.ParquetWriter(unsorted, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
    with _connect(memory_limit, cache) as db:
        db.execute(
            f"COPY (SELECT * FROM read_parquet('{_sql_path(unsorted)}') WHERE siren IS NOT NULL"
            f" ORDER BY siren) TO '{_sql_path(target)}.part'"
            " (FORMAT parquet, ROW_GROUP_SIZE 122880)"
        )
    unsorted.unlink()
    Path(f"{target}.part").rename(target)
    return target


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _connect(memory_limit: str, spill: Path | None = None) -> duckdb.DuckDBPyConnection:
    config = {"memory_limit": memory_limit, "threads": 2}
    db = duckdb.connect(":memory:", config=config)
    db.execute("SET enable_progress_bar = false")  # a batch prints no progress bars
    if spill is not None:
        db.execute(f"SET temp_directory = '{_sql_path(spill / 'duckdb-spill')}'")
    return db


def register_files(
    folder: Path, cache: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> RegisterFiles:
    """The folder's stock files as Parquet, converting CSVs into `cache` the first time."""
    if not folder.is_dir():
        raise RegisterError(f"register folder {folder} does not exist")
    found: dict[str, Path | None] = {}
    for kind, columns in KINDS.items():
        path = find_stock_file(folder, kind)
        if path is not None and path.suffix.lower() != ".parquet":
            path = csv_to_parquet(path, cache, columns, memory_limit)
        found[kind] = path
    unite = found["StockUniteLegale"]
    if unite is None:
        raise RegisterError(
            f"register folder {folder} has no StockUniteLegale_utf8.parquet, .zip or .csv"
        )
    return RegisterFiles(unite, found["StockEtablissement"], found["StockUniteLegaleHistorique"])


# The rows consulted for one SIREN, JSON-able: {"siren", "unite_legale" (a row or None),
# "historique" (rows, or None when no history file was given), "etablissements" (rows)}.
RegisterRows = dict[str, Any]


class Register:
    """A register folder opened for batched lookups: one query per file for a bundle's SIRENs."""

    def __init__(self, folder: Path, cache: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT) -> None:
        self.folder = folder
        self._opened_with = (folder, cache, memory_limit)
        self.files = register_files(folder, cache, memory_limit)
        self._db = _connect(memory_limit, cache)
        self._columns = {
            kind: self._present(path, KINDS[kind])
            for kind, path in (
                ("StockUniteLegale", self.files.unite),
                ("StockEtablissement", self.files.etablissement),
                ("StockUniteLegaleHistorique", self.files.historique),
            )
            if path is not None
        }

    def __reduce__(self) -> tuple[type[Register], tuple[Path, Path, str]]:
        """Pickled as the folder it reads: another process (the service's scoring processes)
        opens it anew, with a connection of its own (a DuckDB connection does not pickle)."""
        return (Register, self._opened_with)

    def _present(self, path: Path, wanted: tuple[str, ...]) -> list[str]:
        """The wanted columns the file has; a file without siren is refused by name."""
        names = set(pq.read_schema(path).names)
        if "siren" not in names:
            raise RegisterError(f"{path}: no siren column (columns: {sorted(names)[:8]}...)")
        return [c for c in wanted if c in names]

    def _select(self, kind: str) -> str:
        # Every value as text (INSEE's Parquet types dates; the evidence keeps ISO strings).
        return ", ".join(f'CAST(s."{c}" AS VARCHAR) AS "{c}"' for c in self._columns[kind])

    def _rows(self, kind: str, path: Path, keys: pa.Table, extra: str = "") -> list[dict]:
        self._db.register("wanted", keys)
        try:
            result = self._db.sql(
                f"SELECT {self._select(kind)} FROM read_parquet('{_sql_path(path)}') AS s"
                f" SEMI JOIN wanted AS w ON s.siren = w.siren {extra}"
            ).to_arrow_table()
        finally:
            self._db.unregister("wanted")
        return result.to_pylist()

    def lookup(self, sirens: Iterable[str], sirets: Iterable[str] = ()) -> dict[str, RegisterRows]:
        """The rows of every SIREN asked for, found or not (`unite_legale` None when absent).

        `sirets` (numbers named on the pages) put their establishments first."""
        wanted = sorted({s for s in sirens if len(s) == 9 and s.isdigit()})
        if not wanted:
            return {}
        keys = pa.table({"siren": pa.array(wanted, pa.string())})
        result: dict[str, RegisterRows] = {
            s: {
                "siren": s,
                "unite_legale": None,
                "historique": [] if self.files.historique else None,
                "etablissements": [],
            }
            for s in wanted
        }
        for row in self._rows("StockUniteLegale", self.files.unite, keys):
            result[row["siren"]]["unite_legale"] = row
        if self.files.historique is not None:
            for row in self._rows(
                "StockUniteLegaleHistorique", self.files.historique, keys, "ORDER BY dateDebut"
            ):
                result[row["siren"]]["historique"].append(row)
        self._add_establishments(result, keys, set(sirets))
        return result

    def _add_establishments(
        self, result: dict[str, RegisterRows], keys: pa.Table, named: set[str]
    ) -> None:
        path = self.files.etablissement
        if path is None:
            return
        rows = self._rows("StockEtablissement", path, keys)

        def order(row: dict) -> tuple[bool, bool, str]:
            # Named on the page, then the head office, then by SIRET: a stable order.
            siret = row.get("siret") or ""
            return (siret not in named, row.get("etablissementSiege") != "true", siret)

        for row in sorted(rows, key=order):
            kept = result[row["siren"]]["etablissements"]
            if len(kept) < MAX_ESTABLISHMENTS:
                kept.append(row)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def write_evidence(bundle: Path, rows: RegisterRows) -> Path:
    """Keep the rows consulted as `register/<siren>.json` in a bundle; never overwrite one (the
    rows seen at the time win)."""
    folder = bundle / "register"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rows['siren']}.json"
    if not path.exists():
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_evidence(bundle: Path) -> tuple[dict[str, RegisterRows], list[str]]:
    """A bundle's `register/*.json` by SIREN, and a note per file that could not be read (one
    broken file does not stop the others)."""
    found: dict[str, RegisterRows] = {}
    problems: list[str] = []
    for path in sorted((bundle / "register").glob("*.json")):
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"register/{path.name}: unreadable ({error})")
            continue
        if not isinstance(rows, dict) or rows.get("siren") != path.stem:
            problems.append(f"register/{path.name}: not the rows of SIREN {path.stem}")
            continue
        found[path.stem] = rows
    return found, problems
