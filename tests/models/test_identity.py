"""Register facts and operator links at table level, on real bundles and real register extracts
(INSEE's layout, Parquet and zipped CSV): unknown without a register and noted, the register's own
words in the reasons, the bundle's rows first, evidence kept only where a capture wrote, and link
counts that never see a later verdict."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from capture.fetch import FetchOptions
from capture.live import LiveOptions
from capture.register import read_evidence, write_evidence
from capture.reported import parse_reported
from features.catalogue import FEATURE_NAMES
from features.register import REGISTER_FEATURES
from models.identity import add_link_features
from models.scorer import Scorer
from models.workflow import TableOptions, bundle_table, score_bundle, score_live
from serve.reasons import render
from tests.capture.live_servers import LocalServer, Reply
from tests.loopback import loopback_only
from tests.models.identity_shops import PLUMBER, SHOPS, write_shops, write_world_register

BORROWED = (
    'SIREN 552 100 554 belongs to "PLOMBERIE MARTIN" (43.22A, Brest), not to "Baskets Discount"'
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("world")
    return {
        "bundle": write_shops(root / "bundle"),
        "parquet": write_world_register(root / "parquet"),
        "zip": write_world_register(root / "zip", "zip"),
        "cache": root / "cache",
    }


def _options(world: dict[str, Path], register: str | None = None) -> TableOptions:
    return TableOptions(
        n_jobs=1, register=world[register] if register else None, register_cache=world["cache"]
    )


def _table(world: dict[str, Path], register: str | None = None, **kwargs: object) -> pd.DataFrame:
    table, warnings = bundle_table(world["bundle"], _options(world, register), **kwargs)  # type: ignore[arg-type]
    assert warnings == []
    return table.set_index("case_id", drop=False)


@pytest.fixture(scope="module")
def name_model(name_model_dir: Path) -> Scorer:
    """A model for which a notice's name unlike the register's is the mark of fraud (trained
    once a run, tests/conftest.py; tests/serve/test_cli_links.py uses it too)."""
    return Scorer.load(name_model_dir)


def test_without_a_register_every_register_fact_is_unknown_and_the_notes_say_so(
    world: dict[str, Path], name_model: Scorer
) -> None:
    table = _table(world)
    assert table[list(REGISTER_FEATURES)].isna().all().all()
    assert (table["register_notes"] == "register_missing").all()
    scores = name_model.score_table(table.reset_index(drop=True))
    assert scores["note_codes"].str.contains("register_missing").all()
    assert scores["notes"].str.contains("no company register given").all()
    assert scores["notes_fr"].str.contains("pas de répertoire des entreprises").all()


@pytest.mark.parametrize("register", ["parquet", "zip"])
def test_the_register_tells_an_honest_company_from_a_borrowed_or_closed_one(
    world: dict[str, Path], register: str
) -> None:
    table = _table(world, register)
    honest, borrowed, closed = (table.loc[c] for c in ("honest", "borrowed", "closed"))
    assert honest["register_found"] == 1 and honest["register_active_at_report"] == 1
    assert honest["register_name_similarity"] == 1.0 and honest["register_naf_retail"] == 1
    assert honest["register_postcode_match"] == 1
    assert borrowed["register_name_similarity"] < 0.5 and borrowed["register_naf_retail"] == 0
    assert closed["register_active_at_report"] == 0
    assert table.loc["iban_a", "register_found"] == 0  # a checksum-valid SIREN nobody has
    assert table.loc["iban_a", list(REGISTER_FEATURES)[1:]].isna().all()
    assert (table["register_notes"] == "").all()  # the extract has its history file


def test_parquet_and_zipped_csv_registers_give_the_same_facts(world: dict[str, Path]) -> None:
    columns = [*REGISTER_FEATURES, "reason_texts"]
    pd.testing.assert_frame_equal(_table(world, "parquet")[columns], _table(world, "zip")[columns])


def test_a_borrowed_siren_is_named_in_the_register_s_own_words(
    world: dict[str, Path], name_model: Scorer
) -> None:
    table = _table(world, "parquet")
    said = json.loads(table.loc["borrowed", "reason_texts"])
    assert said["register_name_similarity"] == BORROWED
    scores = name_model.score_table(table.reset_index(drop=True)).set_index("case_id")
    assert BORROWED in scores.loc["borrowed", "reasons"]
    shown = render(scores.loc["borrowed", "reason_facts"], "en")
    assert {"feature": "register_name_similarity", "text": BORROWED}.items() <= next(
        r for r in shown if r["feature"] == "register_name_similarity"
    ).items()
    french = render(scores.loc["borrowed", "reason_facts"], "fr")
    assert any(r["text"].startswith(BORROWED) and "SIRENE" in r["text"] for r in french)
    # The honest shop's name matches: no register sentence for it.
    assert "register_name_similarity" not in (table.loc["honest", "reason_texts"] or "{}")


def test_the_bundle_s_own_register_rows_win_over_the_register(
    world: dict[str, Path], tmp_path: Path
) -> None:
    bundle = shutil.copytree(world["bundle"], tmp_path / "bundle")
    rows = json.loads(json.dumps(_lookup(world, PLUMBER.siren)))
    rows["unite_legale"]["denominationUniteLegale"] = "BASKETS DISCOUNT"
    rows["unite_legale"]["activitePrincipaleUniteLegale"] = "47.91B"
    rows["historique"] = None
    write_evidence(bundle, rows)
    table, _ = bundle_table(bundle, _options(world, "parquet"))
    borrowed = table.set_index("case_id").loc["borrowed"]
    assert borrowed["register_name_similarity"] == 1.0 and borrowed["register_naf_retail"] == 1
    # Kept rows without a history file: the current state stood in, and the note says so.
    assert borrowed["register_notes"] == "register_current_state"
    # Without --register the bundle's rows still count; the other SIRENs are unknown.
    alone = bundle_table(bundle, _options(world))[0].set_index("case_id")
    assert alone.loc["borrowed", "register_name_similarity"] == 1.0
    assert np.isnan(alone.loc["honest", "register_found"])
    assert alone.loc["honest", "register_notes"] == "register_missing"


def _lookup(world: dict[str, Path], siren: str) -> dict:
    from capture.register import Register

    with Register(world["parquet"], world["cache"]) as register:
        return register.lookup([siren])[siren]


def test_batch_scoring_never_writes_into_its_input_bundle(
    world: dict[str, Path], tmp_path: Path, name_model: Scorer
) -> None:
    bundle = shutil.copytree(world["bundle"], tmp_path / "bundle")
    scores, _ = score_bundle(bundle, name_model, _options(world, "parquet"))
    assert scores["score"].notna().all()
    assert not (bundle / "register").exists()
    bundle_table(bundle, _options(world, "parquet"), keep_register=True)
    kept, problems = read_evidence(bundle)
    assert problems == [] and PLUMBER.siren in kept
    assert kept[PLUMBER.siren]["unite_legale"]["denominationUniteLegale"] == "PLOMBERIE MARTIN"


def test_link_counts_never_see_a_verdict_dated_after_the_report(world: dict[str, Path]) -> None:
    table = _table(world)
    links = table[["operator", "link_cases_before", "link_fraud_before", "link_legit_before"]]
    # iban_a (day 3) is confirmed fraud on day 43: iban_b (day 10) cannot know it, iban_c can.
    assert links.loc["iban_b"].tolist()[1:] == [1, 0, 0]
    assert links.loc["iban_c"].tolist()[1:] == [2, 1, 0]
    assert links.loc["iban_a", "link_cases_before"] == 0
    operators = links["operator"]
    assert operators["iban_a"] == operators["iban_b"] == operators["iban_c"]
    assert operators["honest"] != operators["iban_a"]
    assert json.loads(table.loc["iban_c", "reason_texts"])["link_fraud_before"] == (
        "shares IBAN LT12 1000 ... with 1 confirmed fraud"
    )
    # Without a decided_at the verdict counts from the report plus 30 days (day 33).
    undated = table.reset_index(drop=True).assign(decided_at=pd.NaT)
    undated.loc[undated["case_id"] == "iban_b", "reported_at"] = pd.Timestamp(
        "2025-07-04", tz="UTC"
    )
    counts = add_link_features(undated).set_index("case_id")["link_fraud_before"]
    assert counts["iban_b"] == 0 and counts["iban_c"] == 1  # day 32 before, day 50 after
    undated.loc[undated["case_id"] == "iban_b", "reported_at"] = pd.Timestamp(
        "2025-07-06", tz="UTC"
    )
    assert add_link_features(undated).set_index("case_id")["link_fraud_before"]["iban_b"] == 1


def test_the_scores_name_each_case_s_operator(world: dict[str, Path], name_model: Scorer) -> None:
    scores, _ = score_bundle(world["bundle"], name_model, _options(world))
    by_case = scores.set_index("case_id")["operator"]
    assert by_case.str.startswith("op-").all()
    assert by_case["iban_a"] == by_case["iban_c"] != by_case["borrowed"]
    assert "skeleton" not in scores  # the compressed skeleton stays in the feature table


def test_a_register_folder_without_stock_files_is_refused_by_name(
    world: dict[str, Path], tmp_path: Path
) -> None:
    empty = tmp_path / "not-a-register"
    empty.mkdir()
    with pytest.raises(ValueError, match="not-a-register"):
        bundle_table(world["bundle"], TableOptions(n_jobs=1, register=empty))


@pytest.fixture
def no_network_but_loopback() -> Iterator[None]:
    with loopback_only():
        yield


def test_a_live_capture_keeps_the_register_rows_it_consulted(
    world: dict[str, Path], tmp_path: Path, name_model: Scorer, no_network_but_loopback: None
) -> None:
    server = LocalServer()
    host = "baskets-discount.localhost"
    notice = SHOPS["borrowed"][4]
    server.route(host, "/", Reply("<html><body><a href='/mentions-legales'>Mentions légales</a>"
                                  "<p>Baskets</p></body></html>"))  # fmt: skip
    server.route(host, "/mentions-legales", Reply(notice))
    items = parse_reported(server.url(host), datetime(2025, 6, 3, tzinfo=UTC)).items
    live = LiveOptions(
        fetch=FetchOptions(allow_private=True, hosts={}, read_timeout=1.0), rdap=None
    )
    try:
        scores, _, _ = score_live(
            items, tmp_path / "evidence", name_model, live, _options(world, "parquet")
        )
    finally:
        server.stop()
    kept, _ = read_evidence(tmp_path / "evidence")
    assert list(kept) == [PLUMBER.siren]
    assert scores["reasons"].iloc[0].startswith(BORROWED)
    # Scored again later from the bundle alone, without the register: the same facts.
    again, _ = score_bundle(tmp_path / "evidence", name_model, TableOptions(n_jobs=1))
    assert again["score"].tolist() == scores["score"].tolist()


def test_every_catalogue_feature_is_in_the_table(world: dict[str, Path]) -> None:
    assert set(FEATURE_NAMES) <= set(_table(world).columns)
