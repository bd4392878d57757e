"""Reading INSEE's SIRENE stock files: Parquet in place, CSV and zipped CSV converted once,
batched lookups, the history file, and the rows kept as a bundle's evidence."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from capture.register import (
    ETABLISSEMENT_COLUMNS,
    HISTORIQUE_COLUMNS,
    UNITE_COLUMNS,
    Register,
    RegisterError,
    read_evidence,
    write_evidence,
)
from synth.register import (
    ETABLISSEMENT_LAYOUT,
    HISTORIQUE_LAYOUT,
    UNITE_LAYOUT,
    Company,
    valid_siren,
    write_register,
)

PLUMBER = Company(
    siren="552100554",
    created=date(2010, 3, 1),
    naf="43.22A",
    denomination="PLOMBERIE MARTIN",
    postcode="29200",
    city="BREST",
    closed_on=date(2024, 6, 1),
    former_denomination="MARTIN ET FILS",
    renamed_on=date(2015, 1, 1),
)
SOLE_TRADER = Company(
    siren=valid_siren("73282932"),
    created=date(2018, 1, 1),
    person=("Jeanne", "DUPONT"),
    category="1000",
    sign="Sneakers Outlet",
    postcode="69003",
    city="LYON",
)
# StockUniteLegale's header as INSEE publishes it (the CSV of data.gouv.fr, 2024 onwards).
INSEE_UNITE_HEADER = (
    "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,"
    "sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,"
    "prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,"
    "identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,"
    "dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,"
    "anneeCategorieEntreprise,dateDebut,etatAdministratifUniteLegale,nomUniteLegale,"
    "nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,"
    "denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,"
    "categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,"
    "nomenclatureActivitePrincipaleUniteLegale,nicSiegeUniteLegale,"
    "economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,caractereEmployeurUniteLegale"
)


def _register(tmp_path: Path, fmt: str, **options: bool) -> Path:
    folder = tmp_path / f"sirene-{fmt}"
    write_register(folder, [PLUMBER, SOLE_TRADER], fmt=fmt, **options)
    return folder


def test_the_generated_extract_has_insee_columns_in_insee_order() -> None:
    assert ",".join(UNITE_LAYOUT) == INSEE_UNITE_HEADER
    for wanted, layout in (
        (UNITE_COLUMNS, UNITE_LAYOUT),
        (ETABLISSEMENT_COLUMNS, ETABLISSEMENT_LAYOUT),
        (HISTORIQUE_COLUMNS, HISTORIQUE_LAYOUT),
    ):
        assert set(wanted) <= set(layout)


@pytest.mark.parametrize("fmt", ["parquet", "zip", "csv"])
def test_a_batched_lookup_returns_the_unit_its_history_and_establishments(
    tmp_path: Path, fmt: str
) -> None:
    with Register(_register(tmp_path, fmt), tmp_path / "cache") as register:
        rows = register.lookup(["552100554", SOLE_TRADER.siren, "404833048"])
    plumber = rows["552100554"]
    assert plumber["unite_legale"]["denominationUniteLegale"] == "PLOMBERIE MARTIN"
    assert plumber["unite_legale"]["activitePrincipaleUniteLegale"] == "43.22A"
    assert plumber["unite_legale"]["etatAdministratifUniteLegale"] == "C"
    assert [p["dateDebut"] for p in plumber["historique"]] == [
        "2010-03-01",
        "2015-01-01",
        "2024-06-01",
    ]
    assert plumber["etablissements"][0]["codePostalEtablissement"] == "29200"
    assert rows[SOLE_TRADER.siren]["unite_legale"]["nomUniteLegale"] == "DUPONT"
    assert rows["404833048"]["unite_legale"] is None  # asked for, not in the register
    json.dumps(rows)  # the evidence must be JSON-able as it is


def test_a_zipped_csv_is_converted_once_into_the_cache_sorted_by_siren(tmp_path: Path) -> None:
    folder = _register(tmp_path, "zip")
    cache = tmp_path / "cache"
    Register(folder, cache).close()
    converted = sorted(cache.glob("StockUniteLegale_utf8.zip-*.parquet"))
    assert len(converted) == 1
    sirens = pq.read_table(converted[0], columns=["siren"]).column("siren").to_pylist()
    assert sirens == sorted(sirens)
    stamp = converted[0].stat().st_mtime_ns
    Register(folder, cache).close()
    assert converted[0].stat().st_mtime_ns == stamp  # reused, not converted again


def test_insee_csv_with_quotes_and_leading_zeros_is_read_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "sirene"
    folder.mkdir()
    empty = "," * (INSEE_UNITE_HEADER.count(",") - 5)
    # siren, statut, purgee, creation: then the rest empty but denomination, NAF and state.
    line = '005720164,O,,1955-01-01,"",' + empty
    values = line.split(",")
    header = INSEE_UNITE_HEADER.split(",")
    values[header.index("denominationUniteLegale")] = '"MAISON DUPONT, PERE ET FILS"'
    values[header.index("etatAdministratifUniteLegale")] = "A"
    values[header.index("activitePrincipaleUniteLegale")] = "47.71Z"
    with zipfile.ZipFile(folder / "StockUniteLegale_utf8.zip", "w") as archive:
        archive.writestr("StockUniteLegale_utf8.csv", INSEE_UNITE_HEADER + "\n" + ",".join(values))
    with Register(folder, tmp_path / "cache") as register:
        unit = register.lookup(["005720164"])["005720164"]["unite_legale"]
    assert unit["siren"] == "005720164"
    assert unit["denominationUniteLegale"] == "MAISON DUPONT, PERE ET FILS"
    assert unit["activitePrincipaleUniteLegale"] == "47.71Z"


def test_without_a_history_file_the_rows_say_so(tmp_path: Path) -> None:
    folder = _register(tmp_path, "parquet", history=False, establishments=False)
    with Register(folder, tmp_path / "cache") as register:
        rows = register.lookup(["552100554"])["552100554"]
    assert rows["historique"] is None
    assert rows["etablissements"] == []


def test_establishments_named_on_the_page_come_first(tmp_path: Path) -> None:
    folder = _register(tmp_path, "parquet")
    second = {c: None for c in ETABLISSEMENT_LAYOUT} | {
        "siren": "552100554",
        "nic": "00021",
        "siret": "55210055400021",
        "etablissementSiege": "false",
        "codePostalEtablissement": "75011",
    }
    table = [*pq.read_table(folder / "StockEtablissement_utf8.parquet").to_pylist(), second]
    pq.write_table(pa.Table.from_pylist(table), folder / "StockEtablissement_utf8.parquet")
    with Register(folder, tmp_path / "cache") as register:
        plain = register.lookup(["552100554"])["552100554"]["etablissements"]
        named = register.lookup(["552100554"], sirets=["55210055400021"])["552100554"]
    assert [e["siret"] for e in plain] == ["55210055400013", "55210055400021"]  # head office first
    assert named["etablissements"][0]["siret"] == "55210055400021"


def test_lookups_run_under_a_memory_limit(tmp_path: Path) -> None:
    with Register(_register(tmp_path, "parquet"), tmp_path / "cache", "300MB") as register:
        limit = register._db.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit == "286.1 MiB"  # 300 MB as DuckDB reports it


def test_malformed_sirens_are_not_looked_up(tmp_path: Path) -> None:
    with Register(_register(tmp_path, "parquet"), tmp_path / "cache") as register:
        assert register.lookup(["", "55210055", "5521005540", "abcdefghi"]) == {}


def test_a_folder_without_the_unit_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(RegisterError, match="empty has no StockUniteLegale"):
        Register(tmp_path / "empty", tmp_path / "cache")
    with pytest.raises(RegisterError, match="does not exist"):
        Register(tmp_path / "nowhere", tmp_path / "cache")


def test_a_zip_without_one_csv_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "sirene"
    folder.mkdir()
    with zipfile.ZipFile(folder / "StockUniteLegale_utf8.zip", "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with pytest.raises(RegisterError, match=r"StockUniteLegale_utf8\.zip: expected one \.csv"):
        Register(folder, tmp_path / "cache")


def test_evidence_is_written_once_and_read_back_with_broken_files_noted(tmp_path: Path) -> None:
    with Register(_register(tmp_path, "parquet"), tmp_path / "cache") as register:
        rows = register.lookup(["552100554", SOLE_TRADER.siren])
    bundle = tmp_path / "bundle"
    path = write_evidence(bundle, rows["552100554"])
    assert path == bundle / "register" / "552100554.json"
    changed = dict(rows["552100554"], unite_legale=None)
    write_evidence(bundle, changed)  # the rows seen first stay
    write_evidence(bundle, rows[SOLE_TRADER.siren])
    (bundle / "register" / "123456789.json").write_text("{not json", encoding="utf-8")
    (bundle / "register" / "404833048.json").write_text('{"siren": "1"}', encoding="utf-8")
    found, problems = read_evidence(bundle)
    assert found["552100554"] == rows["552100554"]
    assert set(found) == {"552100554", SOLE_TRADER.siren}
    assert len(problems) == 2 and "123456789.json: unreadable" in problems[0]
    assert "not the rows of SIREN 404833048" in problems[1]
