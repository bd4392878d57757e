"""Register extracts in INSEE's published layout, for the sample world, the tests and the bench.

Writes `StockUniteLegale_utf8`, `StockEtablissement_utf8` and `StockUniteLegaleHistorique_utf8`
with every column INSEE publishes, in its order, as Parquet, plain CSV or zipped CSV: the reader
(capture/register.py) sees what it would see in a download from data.gouv.fr.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from stdnum import luhn

UNITE_LAYOUT: tuple[str, ...] = (
    "siren", "statutDiffusionUniteLegale", "unitePurgeeUniteLegale", "dateCreationUniteLegale",
    "sigleUniteLegale", "sexeUniteLegale", "prenom1UniteLegale", "prenom2UniteLegale",
    "prenom3UniteLegale", "prenom4UniteLegale", "prenomUsuelUniteLegale",
    "pseudonymeUniteLegale", "identifiantAssociationUniteLegale", "trancheEffectifsUniteLegale",
    "anneeEffectifsUniteLegale", "dateDernierTraitementUniteLegale", "nombrePeriodesUniteLegale",
    "categorieEntreprise", "anneeCategorieEntreprise", "dateDebut",
    "etatAdministratifUniteLegale", "nomUniteLegale", "nomUsageUniteLegale",
    "denominationUniteLegale", "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale",
    "categorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale", "nicSiegeUniteLegale",
    "economieSocialeSolidaireUniteLegale", "societeMissionUniteLegale",
    "caractereEmployeurUniteLegale",
)  # fmt: skip
ETABLISSEMENT_LAYOUT: tuple[str, ...] = (
    "siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement",
    "trancheEffectifsEtablissement", "anneeEffectifsEtablissement",
    "activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement",
    "etablissementSiege", "nombrePeriodesEtablissement", "complementAdresseEtablissement",
    "numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement",
    "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
    "libelleCommuneEtrangerEtablissement", "distributionSpecialeEtablissement",
    "codeCommuneEtablissement", "codeCedexEtablissement", "libelleCedexEtablissement",
    "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement",
    "complementAdresse2Etablissement", "numeroVoie2Etablissement",
    "indiceRepetition2Etablissement", "typeVoie2Etablissement", "libelleVoie2Etablissement",
    "codePostal2Etablissement", "libelleCommune2Etablissement",
    "libelleCommuneEtranger2Etablissement", "distributionSpeciale2Etablissement",
    "codeCommune2Etablissement", "codeCedex2Etablissement", "libelleCedex2Etablissement",
    "codePaysEtranger2Etablissement", "libellePaysEtranger2Etablissement", "dateDebut",
    "etatAdministratifEtablissement", "enseigne1Etablissement", "enseigne2Etablissement",
    "enseigne3Etablissement", "denominationUsuelleEtablissement",
    "activitePrincipaleEtablissement", "nomenclatureActivitePrincipaleEtablissement",
    "caractereEmployeurEtablissement",
)  # fmt: skip
HISTORIQUE_LAYOUT: tuple[str, ...] = (
    "siren", "dateFin", "dateDebut", "etatAdministratifUniteLegale",
    "changementEtatAdministratifUniteLegale", "nomUniteLegale", "changementNomUniteLegale",
    "nomUsageUniteLegale", "changementNomUsageUniteLegale", "denominationUniteLegale",
    "changementDenominationUniteLegale", "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale",
    "changementDenominationUsuelleUniteLegale", "categorieJuridiqueUniteLegale",
    "changementCategorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale", "changementActivitePrincipaleUniteLegale",
    "nicSiegeUniteLegale", "changementNicSiegeUniteLegale",
    "economieSocialeSolidaireUniteLegale", "changementEconomieSocialeSolidaireUniteLegale",
    "societeMissionUniteLegale", "changementSocieteMissionUniteLegale",
    "caractereEmployeurUniteLegale", "changementCaractereEmployeurUniteLegale",
)  # fmt: skip
INDIVIDUAL = "1000"  # categorieJuridiqueUniteLegale of an individual business (entrepreneur)


@dataclass(frozen=True)
class Company:
    """One company of a synthetic world, with what the register says of it."""

    siren: str
    created: date
    naf: str = "47.91B"
    denomination: str | None = None  # None for an individual business
    person: tuple[str, str] | None = None  # (first name, surname) of an individual business
    category: str = "5710"  # SAS; "5499" SARL, "1000" individual business
    usual_name: str | None = None
    sign: str | None = None  # enseigne1Etablissement of the head office
    postcode: str = "75011"
    city: str = "PARIS"
    closed_on: date | None = None
    former_denomination: str | None = None
    renamed_on: date | None = None


def valid_siren(body: str) -> str:
    """The 9-digit SIREN with this 8-digit body and its Luhn check digit."""
    return body + luhn.calc_check_digit(body)


def _unite_row(c: Company) -> dict[str, str | None]:
    first, last = c.person or (None, None)
    changed = max(d for d in (c.created, c.closed_on, c.renamed_on) if d is not None)
    return {
        "siren": c.siren,
        "statutDiffusionUniteLegale": "O",
        "dateCreationUniteLegale": c.created.isoformat(),
        "prenom1UniteLegale": first,
        "prenomUsuelUniteLegale": first,
        "dateDebut": changed.isoformat(),
        "etatAdministratifUniteLegale": "C" if c.closed_on else "A",
        "nomUniteLegale": last,
        "denominationUniteLegale": c.denomination,
        "denominationUsuelle1UniteLegale": c.usual_name,
        "categorieJuridiqueUniteLegale": c.category,
        "activitePrincipaleUniteLegale": c.naf,
        "nomenclatureActivitePrincipaleUniteLegale": "NAFRev2",
        "nicSiegeUniteLegale": "00013",
        "caractereEmployeurUniteLegale": "N",
    }


def _etablissement_row(c: Company) -> dict[str, str | None]:
    return {
        "siren": c.siren,
        "nic": "00013",
        "siret": c.siren + "00013",
        "statutDiffusionEtablissement": "O",
        "dateCreationEtablissement": c.created.isoformat(),
        "etablissementSiege": "true",
        "codePostalEtablissement": c.postcode,
        "libelleCommuneEtablissement": c.city,
        "dateDebut": (c.closed_on or c.created).isoformat(),
        "etatAdministratifEtablissement": "F" if c.closed_on else "A",
        "enseigne1Etablissement": c.sign,
        "activitePrincipaleEtablissement": c.naf,
        "nomenclatureActivitePrincipaleEtablissement": "NAFRev2",
    }


def _periods(c: Company) -> list[dict[str, str | None]]:
    """The company's history, newest first as INSEE lists it: a period ends the day before the
    next begins (dateFin inclusive), the current one has no dateFin."""
    cuts = sorted(d for d in (c.renamed_on, c.closed_on) if d is not None)
    starts = [c.created, *cuts]
    _, last = c.person or (None, None)
    rows = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - timedelta(days=1) if i + 1 < len(starts) else None
        renamed = c.renamed_on is not None and start >= c.renamed_on
        rows.append(
            {
                "siren": c.siren,
                "dateFin": end.isoformat() if end else None,
                "dateDebut": start.isoformat(),
                "etatAdministratifUniteLegale": "C"
                if c.closed_on and start >= c.closed_on
                else "A",
                "changementEtatAdministratifUniteLegale": str(start == c.closed_on).lower(),
                "nomUniteLegale": last,
                "denominationUniteLegale": (
                    c.denomination
                    if renamed or c.former_denomination is None
                    else c.former_denomination
                ),
                "changementDenominationUniteLegale": str(start == c.renamed_on).lower(),
                "denominationUsuelle1UniteLegale": c.usual_name,
                "categorieJuridiqueUniteLegale": c.category,
                "activitePrincipaleUniteLegale": c.naf,
                "nomenclatureActivitePrincipaleUniteLegale": "NAFRev2",
                "nicSiegeUniteLegale": "00013",
            }
        )
    return rows[::-1]


def _table(rows: Sequence[dict[str, str | None]], layout: tuple[str, ...]) -> pa.Table:
    return pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in layout})


def write_table(table: pa.Table, folder: Path, kind: str, fmt: str) -> Path:
    """One stock file under INSEE's name: `parquet`, `csv` or `zip` (a zipped CSV)."""
    return write_batches(iter([table]), table.schema, folder, kind, fmt)


def write_batches(
    tables: Iterator[pa.Table], schema: pa.Schema, folder: Path, kind: str, fmt: str
) -> Path:
    """Like write_table, for a file written in chunks (the bench's millions of rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        path = folder / f"{kind}_utf8.parquet"
        with pq.ParquetWriter(path, schema) as writer:
            for table in tables:
                writer.write_table(table)
        return path
    options = pa_csv.WriteOptions(quoting_style="needed")
    if fmt == "csv":
        path = folder / f"{kind}_utf8.csv"
        with pa_csv.CSVWriter(path, schema, write_options=options) as writer:
            for table in tables:
                writer.write_table(table)
        return path
    if fmt != "zip":
        raise ValueError(f"register format {fmt!r}: expected parquet, csv or zip")
    path = folder / f"{kind}_utf8.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(f"{kind}_utf8.csv", "w", force_zip64=True) as stream,
        pa_csv.CSVWriter(stream, schema, write_options=options) as writer,
    ):
        for table in tables:
            writer.write_table(table)
    return path


def write_register(
    folder: Path,
    companies: Sequence[Company],
    fmt: str = "parquet",
    history: bool | str = True,
    establishments: bool = True,
) -> list[Path]:
    """A register extract of these companies in INSEE's layout; the files written. `history`
    "changed" writes the history file for the companies renamed or closed only."""
    paths = [write_table(_table([_unite_row(c) for c in companies], UNITE_LAYOUT), folder,
                         "StockUniteLegale", fmt)]  # fmt: skip
    if establishments:
        rows = [_etablissement_row(c) for c in companies]
        paths.append(write_table(_table(rows, ETABLISSEMENT_LAYOUT), folder,
                                 "StockEtablissement", fmt))  # fmt: skip
    if history:
        changed = history == "changed"
        rows = [
            p for c in companies if not changed or c.closed_on or c.renamed_on for p in _periods(c)
        ]
        paths.append(write_table(_table(rows, HISTORIQUE_LAYOUT), folder,
                                 "StockUniteLegaleHistorique", fmt))  # fmt: skip
    return paths


def random_sirens(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` Luhn-valid SIRENs as strings, vectorised (the bench draws millions)."""
    body = rng.integers(0, 10, size=(count, 8))
    doubled = body.copy()
    doubled[:, 1::2] *= 2  # from the right, the check digit is position 0: body[7], [5]... double
    doubled[:, 1::2] -= 9 * (doubled[:, 1::2] > 9)
    check = (10 - doubled.sum(axis=1) % 10) % 10
    digits = np.concatenate([body, check[:, None]], axis=1).astype(np.uint8) + ord("0")
    return digits.view("S9").ravel().astype(str)


def _random_chunk(rng: np.random.Generator, count: int, extra: Sequence[str]) -> pa.Table:
    sirens = np.concatenate([random_sirens(rng, count - len(extra)), np.array(extra, dtype=str)])
    days = rng.integers(0, 365 * 60, size=count)
    created = (np.datetime64("1965-01-01") + days).astype(str)
    names = np.char.add("SOCIETE ", sirens)
    columns: dict[str, pa.Array] = {c: pa.nulls(count, pa.string()) for c in UNITE_LAYOUT}
    columns["siren"] = pa.array(sirens, pa.string())
    columns["statutDiffusionUniteLegale"] = pa.array(np.full(count, "O"), pa.string())
    columns["dateCreationUniteLegale"] = pa.array(created, pa.string())
    columns["dateDebut"] = pa.array(created, pa.string())
    states = np.where(rng.random(count) < 0.3, "C", "A")
    columns["etatAdministratifUniteLegale"] = pa.array(states, pa.string())
    columns["denominationUniteLegale"] = pa.array(names, pa.string())
    columns["categorieJuridiqueUniteLegale"] = pa.array(np.full(count, "5710"), pa.string())
    columns["activitePrincipaleUniteLegale"] = pa.array(np.full(count, "47.91B"), pa.string())
    return pa.table([columns[c] for c in UNITE_LAYOUT], names=list(UNITE_LAYOUT))


def random_register(
    folder: Path, rows: int, fmt: str = "parquet", seed: int = 7, include: Sequence[str] = ()
) -> Path:
    """A StockUniteLegale of `rows` random companies (with the SIRENs in `include` among them),
    written in chunks so that memory stays small whatever the size."""
    rng = np.random.default_rng(seed)
    chunk = 500_000
    schema = pa.schema([(c, pa.string()) for c in UNITE_LAYOUT])

    def chunks() -> Iterator[pa.Table]:
        left, extra = rows, list(include)
        while left > 0:
            size = min(chunk, left)
            take, extra = extra[:size], extra[size:]
            yield _random_chunk(rng, size, take)
            left -= size

    return write_batches(chunks(), schema, folder, "StockUniteLegale", fmt)
