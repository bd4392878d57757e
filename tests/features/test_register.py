"""Register facts as of the report date: the history file, name matching, and unknown (never a
penalty) when the register cannot tell."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from capture.register import Register
from features.register import (
    REGISTER_FEATURES,
    naf_retail,
    name_similarity,
    register_facts,
    register_name,
    register_note_codes,
    register_reasons,
    state_at,
)
from synth.register import Company, valid_siren, write_register

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
    created=date(2023, 9, 1),
    person=("Jeanne", "DUPONT"),
    category="1000",
    sign="Sneakers Outlet",
    naf="47.91B",
    postcode="69003",
    city="LYON",
)


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("register")
    write_register(root / "full", [PLUMBER, SOLE_TRADER])
    write_register(root / "current", [PLUMBER, SOLE_TRADER], history=False)
    with Register(root / "full", root / "cache") as full:
        with_history = full.lookup([PLUMBER.siren, SOLE_TRADER.siren, "404833048"])
    with Register(root / "current", root / "cache") as current:
        without = current.lookup([PLUMBER.siren])
    return {"history": with_history, "current": without}


@pytest.mark.parametrize(
    ("notice", "register"),
    [
        ("Sté ACME Distribution SAS", "ACME DISTRIBUTION"),
        ("Distribution Acme S.A.R.L.", "ACME DISTRIBUTION"),
        ("Boulangerie Élodie EURL", "BOULANGERIE ELODIE"),
        ("Jeanne Dupont EI", "Jeanne DUPONT"),
        ("Müller GmbH", "MULLER"),
    ],
)
def test_names_match_whatever_legal_form_accents_case_and_word_order(
    notice: str, register: str
) -> None:
    assert name_similarity(notice, [register]) == 1.0


def test_an_unrelated_name_scores_low_and_a_form_alone_is_no_name() -> None:
    assert name_similarity("Sneakers Outlet", ["PLOMBERIE MARTIN"]) < 0.5
    assert register_name("SAS") == ""
    assert name_similarity("SAS", ["PLOMBERIE MARTIN"]) is None


def test_the_name_and_state_at_the_report_come_from_the_history(rows: dict) -> None:
    plumber = rows["history"][PLUMBER.siren]
    assert state_at(plumber, date(2012, 5, 1)).names[0] == "MARTIN ET FILS"
    assert state_at(plumber, date(2016, 5, 1)).names[0] == "PLOMBERIE MARTIN"
    assert state_at(plumber, date(2024, 5, 31)).active is True  # dateFin is the last day
    assert state_at(plumber, date(2024, 6, 1)).active is False
    assert state_at(plumber, date(2009, 1, 1)).active is False  # not created yet


def test_closed_after_the_report_is_active_at_the_report(rows: dict) -> None:
    facts = register_facts(rows["history"][PLUMBER.siren], _at("2023-03-01"), ["Plomberie Martin"])
    assert facts["register_active_at_report"] is True
    assert facts["register_name_similarity"] == 1.0
    closed = register_facts(rows["history"][PLUMBER.siren], _at("2025-01-10"), [])
    assert closed["register_active_at_report"] is False


def test_without_history_a_later_closure_is_unknown_and_noted(rows: dict) -> None:
    plumber = rows["current"][PLUMBER.siren]
    before = register_facts(plumber, _at("2023-03-01"))
    assert before["register_active_at_report"] is None  # closed in 2024: unknown in 2023
    assert state_at(plumber, date(2023, 3, 1)).exact is False
    after = register_facts(plumber, _at("2025-01-10"))
    assert after["register_active_at_report"] is False  # the current period had begun
    assert register_note_codes(plumber, True, PLUMBER.siren) == ["register_current_state"]
    assert register_note_codes(rows["history"][PLUMBER.siren], True, PLUMBER.siren) == []


def test_no_register_or_no_siren_leaves_every_fact_unknown(rows: dict) -> None:
    facts = register_facts(None, _at("2025-01-10"), ["Sneakers Outlet"], ["75011"])
    assert facts == dict.fromkeys(REGISTER_FEATURES)
    assert register_note_codes(None, False, None) == ["register_missing"]
    assert register_note_codes(None, True, None) == ["register_no_siren"]


def test_a_siren_absent_from_the_register_is_found_false_and_nothing_else(rows: dict) -> None:
    facts = register_facts(rows["history"]["404833048"], _at("2025-01-10"), ["Shop"])
    assert facts["register_found"] is False
    assert all(facts[k] is None for k in REGISTER_FEATURES if k != "register_found")
    reasons = register_reasons(
        "404833048", rows["history"]["404833048"], facts, "Shop", _at("2025-01-10")
    )
    assert reasons == {"register_found": "SIREN 404 833 048 is not in the company register"}


def test_a_sole_trader_under_a_sign_matches_by_sign_and_by_person(rows: dict) -> None:
    trader = rows["history"][SOLE_TRADER.siren]
    domain = _at("2023-06-01")
    facts = register_facts(trader, _at("2024-01-10"), ["SNEAKERS OUTLET"], ["69003"], domain)
    assert facts["register_name_similarity"] == 1.0
    assert facts["register_postcode_match"] is True
    assert facts["register_naf_retail"] is True
    assert facts["register_company_age_days"] == (date(2024, 1, 10) - date(2023, 9, 1)).days
    assert facts["register_created_after_domain"] is True
    assert name_similarity("Jeanne Dupont", state_at(trader, date(2024, 1, 1)).names) == 1.0


def test_a_borrowed_number_is_said_in_the_registers_words(rows: dict) -> None:
    plumber = rows["history"][PLUMBER.siren]
    reported = _at("2023-03-01")
    facts = register_facts(plumber, reported, ["Sneakers Outlet"], ["75011"], _at("2022-11-20"))
    assert facts["register_name_similarity"] < 0.5
    assert facts["register_postcode_match"] is False
    assert facts["register_naf_retail"] is False
    assert facts["register_created_after_domain"] is False
    said = register_reasons(PLUMBER.siren, plumber, facts, "Sneakers Outlet", reported)
    assert said["register_name_similarity"] == (
        'SIREN 552 100 554 belongs to "PLOMBERIE MARTIN" (43.22A, Brest), not to "Sneakers Outlet"'
    )
    assert "43.22A, not a retail trade" in said["register_naf_retail"]
    assert "register_active_at_report" not in said


@pytest.mark.parametrize(
    ("naf", "nomenclature", "retail"),
    [
        ("47.91B", "NAFRev2", True),
        ("46.42Z", "NAFRev2", True),
        ("43.22A", "NAFRev2", False),
        ("52.4C", "NAFRev1", True),
        ("45.2A", "NAFRev1", False),
        ("521D", "NAP", None),
        (None, "NAFRev2", None),
    ],
)
def test_activity_codes_of_retail_trades(
    naf: str | None, nomenclature: str, retail: bool | None
) -> None:
    assert naf_retail(naf, nomenclature) is retail


def test_withheld_values_are_no_names() -> None:
    rows = {
        "siren": "552100554",
        "unite_legale": {
            "siren": "552100554",
            "statutDiffusionUniteLegale": "P",
            "dateCreationUniteLegale": "2020-01-01",
            "dateDebut": "2020-01-01",
            "etatAdministratifUniteLegale": "A",
            "nomUniteLegale": "[ND]",
            "prenom1UniteLegale": "[ND]",
            "categorieJuridiqueUniteLegale": "1000",
        },
        "historique": None,
        "etablissements": [],
    }
    facts = register_facts(rows, _at("2024-01-01"), ["Sneakers Outlet"])
    assert facts["register_found"] is True
    assert facts["register_name_similarity"] is None
    assert facts["register_active_at_report"] is True


def test_the_rows_can_come_from_a_bundle_file(rows: dict, tmp_path: Path) -> None:
    path = tmp_path / "552100554.json"
    path.write_text(json.dumps(rows["history"][PLUMBER.siren]), encoding="utf-8")
    again = json.loads(path.read_text(encoding="utf-8"))
    reported = _at("2023-03-01")
    assert register_facts(again, reported, ["X"]) == register_facts(
        rows["history"][PLUMBER.siren], reported, ["X"]
    )


def test_a_closed_company_and_one_younger_than_its_domain_are_said(rows: dict) -> None:
    plumber = rows["history"][PLUMBER.siren]
    reported = _at("2025-01-10")
    facts = register_facts(plumber, reported, ["Plomberie Martin"], [], _at("2009-05-01"))
    said = register_reasons(PLUMBER.siren, plumber, facts, "Plomberie Martin", reported)
    assert said == {
        "register_active_at_report": (
            'SIREN 552 100 554 ("PLOMBERIE MARTIN") was not active in the register on 2025-01-10'
        ),
        "register_naf_retail": (
            'SIREN 552 100 554 ("PLOMBERIE MARTIN") is registered for 43.22A, not a retail trade'
        ),
    }
    trader = rows["history"][SOLE_TRADER.siren]
    domain = _at("2023-06-01")
    facts = register_facts(trader, _at("2023-10-01"), ["Sneakers Outlet"], [], domain)
    said = register_reasons(
        SOLE_TRADER.siren, trader, facts, "Sneakers Outlet", _at("2023-10-01"), domain
    )
    assert said["register_created_after_domain"].endswith(
        "was created on 2023-09-01, after the domain (registered 2023-06-01)"
    )
    assert said["register_company_age_days"].endswith("30 days before the report")
