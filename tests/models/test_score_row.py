"""One site scored as a row (the service's way: models/table.py table_row, the register and link
values set on the row, Scorer.score_row) gives what the same site gets as a row of a feature
table (the command line's way), cell for cell: the features, the score, priority, reasons and
their facts, notes in both languages, the operator. On sample sites with the sample's register,
links among them, and sites that could not be scored."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from capture.bundle import open_bundle
from features.catalogue import FEATURE_NAMES
from models.identity import (
    LinkValues,
    add_register_features,
    add_row_register,
    link_cases,
    link_values,
    open_register,
    register_rows,
    set_link_values,
    set_row_link_values,
)
from models.scorer import Scorer
from models.table import build_table, extracted, table_row

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
COMPARED = (
    "score",
    "priority",
    "reasons",
    "reason_facts",
    "notes",
    "notes_fr",
    "note_codes",
    "operator",
    "platform",
    "identity",
    "shop_signs",
)


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


@pytest.fixture(scope="module")
def sites() -> list:
    everything = list(open_bundle(SAMPLE).sites())
    # and sites whose capture failed (the sample keeps some), which are not scored
    return everything[:40] + [site for site in everything[40:] if not site.pages][:2]


def test_a_row_scores_as_its_table_row_does(
    tmp_path: Path, sample_model_dir: Path, sites: list
) -> None:
    scorer = Scorer.load(sample_model_dir)
    table = build_table(sites)
    rows = [table_row(site, extracted(site)) for site in sites]
    register = open_register(SAMPLE / "sirene", tmp_path / "cache")
    found, _ = register_rows(table["seller"].tolist(), None, register)
    assert found, "the sample's notices name SIRENs the register knows"
    add_register_features(table, found, True)
    links = link_values(link_cases(table))
    set_link_values(table, links)
    for i, row in enumerate(rows):
        add_row_register(row, found, True)
        said = {0: links.sentences[i]} if i in links.sentences else {}
        set_row_link_values(row, LinkValues([links.operators[i]], [links.counts[i]], said))
    assert links.sentences, "some sample sites share an identifier: their links have sentences"

    scored = scorer.score_table(table).set_index("case_id")
    for site, row in zip(sites, rows, strict=True):
        expected = scored.loc[site.case_id]
        by_row = scorer.score_row(row)
        for column in COMPARED:
            assert _same(by_row[column], expected[column]), (site.case_id, column)
        position = int(table.index[table["case_id"] == site.case_id][0])
        for name in (*FEATURE_NAMES, "register_notes", "reason_texts", "seller", "marks"):
            assert _same(row[name], table[name].iat[position]), (site.case_id, name)
    assert scored["score"].notna().sum() >= 30 and scored["score"].isna().sum() == 3  # C000011 too
    assert (scored["priority"] == "P1").any() and pd.Series(
        [row["register_notes"] for row in rows]
    ).str.len().gt(0).any()
