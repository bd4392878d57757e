"""The scores' `alerts` column: listings read once by the feature pipeline into a context
column, matched in the scoring process against a real DuckDB alert index; never a change to the
score, the rank or the reasons."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from capture.bundle import open_bundle
from features.listings import Listing
from features.listings_json import dump_listings, load_listings
from features.pipeline import CONTEXT_COLUMNS, extract_with_context
from models.alerts_column import add_alerts, load_index
from models.scorer import Scorer
from models.workflow import TableOptions, score_bundle
from tests.models.alert_shops import CHARGER_TEXT, build_index, write_alert_bundle


@pytest.fixture(scope="module")
def scorer(small_model_dir: Path) -> Scorer:
    return Scorer.load(small_model_dir)  # train(_table()), trained once a run


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_alert_bundle(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("index") / "alerts.duckdb")


def test_listings_json_round_trips_and_stays_empty_without_listings() -> None:
    listings = [
        Listing("Chargeur 20W", "Voltix", ("VX-20",), ("05901234123457",), "https://a.localhost/p"),
        Listing("Lampe"),
    ]
    text = dump_listings(listings)
    assert load_listings(text) == listings
    assert '"b"' not in text.split("},{")[1]  # empty fields are left out
    assert dump_listings([]) == "" and load_listings("") == []


@pytest.mark.parametrize("bad", ["{not json", '{"n": "x"}', "[1, 2]"])
def test_a_listings_value_that_is_not_listings_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ValueError, match="listings column"):
        load_listings(bad)


def test_the_pipeline_reads_a_site_s_listings_into_a_context_column(bundle: Path) -> None:
    assert "listings" in CONTEXT_COLUMNS
    opened = open_bundle(bundle)
    site = opened.site(next(c for c in opened.cases if c.case_id == "alerted"))
    _, context = extract_with_context(site)
    (listing,) = load_listings(context["listings"])
    assert (listing.name, listing.brand, listing.gtins) == (
        "Chargeur rapide 20W",
        "Voltix",
        ("05901234123457",),
    )


def test_alerts_name_the_matched_product_and_change_no_score(
    bundle: Path, index_path: Path, scorer: Scorer
) -> None:
    scores, _ = score_bundle(bundle, scorer, TableOptions(n_jobs=1))
    with_index = add_alerts(scores, load_index(index_path)).set_index("case_id")
    without = add_alerts(scores, None).set_index("case_id")
    assert with_index.loc["alerted", "alerts"] == CHARGER_TEXT
    assert with_index.loc["decoy", "alerts"] == ""  # a similar name of the brand is not it
    assert with_index.loc["plain", "alerts"] == ""
    assert (without["alerts"] == "").all()
    # the score, rank, priority and reasons are those of the model alone
    same = ["score", "rank", "priority", "reasons"]
    pd.testing.assert_frame_equal(with_index[same], without[same])
    assert "Chargeur" not in " ".join(with_index["reasons"])
    columns = list(with_index.reset_index().columns)
    assert "listings" not in columns and columns.index("alerts") == columns.index("reasons") + 1


def test_a_row_whose_listings_cannot_be_read_gets_no_alert_and_the_others_do(
    index_path: Path,
) -> None:
    charger = dump_listings([Listing("Chargeur", "Voltix", (), ("05901234123457",))])
    scores = pd.DataFrame(
        {
            "case_id": ["broken", "ok"],
            "reasons": ["", ""],
            "listings": ["{broken", charger],
        }
    )
    out = add_alerts(scores, load_index(index_path))
    assert out["alerts"].tolist() == ["", "A12/01544/26: Chargeur (Electric shock, Fire)"]


def test_a_path_that_is_no_alert_index_is_named(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notes\.txt: not a Safety Gate alert index"):
        load_index(text)
    with pytest.raises(FileNotFoundError, match=r"absent\.duckdb: no Safety Gate alert index"):
        load_index(tmp_path / "absent.duckdb")
