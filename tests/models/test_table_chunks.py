"""A feature table built chunk by chunk (bounded memory) is the table built in one piece."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import models.table
from capture.site import Site
from models.table import CASE_COLUMNS, build_table
from tests.features.sites import make_site, shop_home


def _sites() -> list[Site]:
    sites = []
    for i in range(7):
        site = make_site({f"https://shop{i}.fr/": shop_home(f"<p>Virement {i}</p>")})
        sites.append(replace(site, case=replace(site.case, case_id=f"c{i}")))
    # A site with no page: its row says why, with every feature unknown.
    sites.append(Site(replace(sites[0].case, case_id="empty"), "empty.fr", ()))
    return sites


def test_chunked_table_equals_the_table_of_one_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = build_table(_sites())
    monkeypatch.setattr(models.table, "CHUNK", 3)  # 8 sites: chunks of 3, 3 and 2
    chunked = build_table(_sites())
    pd.testing.assert_frame_equal(chunked, whole)
    assert list(chunked["case_id"]) == [*(f"c{i}" for i in range(7)), "empty"]
    assert isinstance(chunked.index, pd.RangeIndex)
    assert chunked.loc[7, "error"] != "" and chunked.loc[0, "error"] == ""


def test_no_site_gives_an_empty_table_with_every_column() -> None:
    table = build_table([])
    assert len(table) == 0
    assert list(table.columns[: len(CASE_COLUMNS)]) == list(CASE_COLUMNS)
