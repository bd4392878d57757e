from dataclasses import replace
from pathlib import Path

import pandas as pd

import models.cache
from capture.site import Page
from models.cache import RowCache
from models.table import PARALLEL_FROM, build_table
from tests.features.sites import make_site, shop_home


def _sites() -> list:
    sites = []
    for i in range(5):
        site = make_site({f"https://shop{i}.fr/": shop_home(f"<p>Virement {i}</p>")})
        sites.append(replace(site, case=replace(site.case, case_id=f"c{i}")))
    return sites


def test_second_build_reads_every_row_from_the_cache(tmp_path: Path) -> None:
    sites = _sites()
    first = RowCache(tmp_path / "f.sqlite")
    table_one = build_table(sites, cache=first)
    assert (first.hits, first.misses) == (0, 5)
    first.close()
    second = RowCache(tmp_path / "f.sqlite")
    table_two = build_table(sites, cache=second)
    assert (second.hits, second.misses) == (5, 0)
    pd.testing.assert_frame_equal(table_one, table_two)


def test_a_changed_page_misses_and_the_others_hit(tmp_path: Path) -> None:
    sites = _sites()
    build_table(sites, cache=RowCache(tmp_path / "f.sqlite"))
    changed = sites[2]
    page = changed.pages[0]
    sites[2] = replace(
        changed,
        pages=(Page(page.url, page.html.replace("</footer>", "PayPal</footer>"), 200, "utf-8"),),
    )
    cache = RowCache(tmp_path / "f.sqlite")
    table = build_table(sites, cache=cache)
    assert (cache.hits, cache.misses) == (4, 1)
    assert table.loc[2, "pay_paypal"] == 1.0


def test_a_new_pipeline_version_misses_everything(tmp_path: Path, monkeypatch) -> None:
    sites = _sites()
    build_table(sites, cache=RowCache(tmp_path / "f.sqlite"))
    monkeypatch.setattr(models.cache, "pipeline_fingerprint", lambda: "999+changed")
    cache = RowCache(tmp_path / "f.sqlite")
    build_table(sites, cache=cache)
    assert (cache.hits, cache.misses) == (0, 5)


def test_parallel_extraction_gives_the_same_table(tmp_path: Path) -> None:
    sites = (_sites() * PARALLEL_FROM)[:PARALLEL_FROM]  # just enough to use the worker processes
    sites = [replace(s, case=replace(s.case, case_id=f"c{i}")) for i, s in enumerate(sites)]
    pd.testing.assert_frame_equal(build_table(sites, n_jobs=1), build_table(sites, n_jobs=2))
