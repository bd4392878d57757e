"""Missing evidence is not evidence of fraud: a site scored without its RDAP record is scored on
its pages, never ranked higher for the record's absence, and its notes say what was missing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from capture.bundle import open_bundle
from capture.site import Case, Page, Site
from features.catalogue import (
    FEATURE_NAMES,
    UNKNOWN_CHECKOUT_AS,
    UNKNOWN_PAGE_AS,
    UNKNOWN_RECORD_AS,
)
from features.linked import UNCAPTURED_NOTES
from features.parse import parse_site
from features.payment import PROTECTED
from features.shop import is_shop
from models.notes import NOTES
from models.scorer import Scorer
from models.table import build_table, feature_matrix
from models.train import with_withheld

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
LEVEL = {"P3": 0, "P2": 1, "P1": 2}
# The sites extracted again without some evidence: every other case of the sample (180 of 360,
# every month and both outcomes), since each variant is a whole extraction of what it covers.
VARIANT_CASES = slice(None, None, 2)


@pytest.fixture(scope="module")
def model(
    sample_table: Callable[[], pd.DataFrame], sample_model_dir: Path
) -> tuple[pd.DataFrame, Scorer]:
    """The sample's feature table and a model trained on it (both built once for the run)."""
    return sample_table(), Scorer.load(sample_model_dir)


@pytest.fixture(scope="module")
def scored(
    model: tuple[pd.DataFrame, Scorer], tmp_path_factory: pytest.TempPathFactory
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample scored by a sample-trained model with its RDAP files, and the VARIANT_CASES
    read from a copy of the bundle without them."""
    table, scorer = model
    bare = tmp_path_factory.mktemp("bundle") / "sample"
    shutil.copytree(SAMPLE, bare, ignore=shutil.ignore_patterns("rdap"))
    assert not (bare / "rdap").exists()
    bundle = open_bundle(bare)
    sites = (bundle.site(case) for case in bundle.cases[VARIANT_CASES])
    return scorer.score_table(table), scorer.score_table(build_table(sites))


def test_removing_rdap_records_raises_no_priority_and_no_score(
    scored: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    with_record, without = scored
    both = with_record.merge(without, on="case_id", suffixes=("", "_bare"))
    assert len(both) == len(without) > 150  # every case read without its record was matched
    risen = both[both["priority_bare"].map(LEVEL) > both["priority"].map(LEVEL)]
    assert risen.empty, risen[["case_id", "priority", "priority_bare"]].to_string()
    both = both[both["score"].notna()]  # the few cases with no captured page have no score
    assert both["score_bare"].notna().all()
    assert (both["score_bare"] <= both["score"] + 1e-9).all()
    # A record still counts where there is one: a young domain raises some sites' scores.
    assert (both["score_bare"] < both["score"] - 0.01).any()


def test_notes_say_the_record_is_missing_in_english_and_french(
    scored: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    with_record, without = (frame[frame["score"].notna()] for frame in scored)
    english, french = NOTES["no_record"]["en"], NOTES["no_record"]["fr"]
    assert without["notes"].str.contains(english, regex=False).all()
    assert without["notes_fr"].str.contains(french, regex=False).all()
    assert french.startswith("pas d'enregistrement RDAP")
    # Reasons stay weighted model contributions; the note is not one of them.
    assert not without["reasons"].str.contains(english, regex=False).any()
    had = ~with_record["notes"].str.contains(english, regex=False)
    assert had.mean() > 0.5  # the sample has records for most sites


def test_a_missing_record_is_set_beyond_any_real_record() -> None:
    table = pd.DataFrame({name: [np.nan, 1.0] for name in FEATURE_NAMES})
    table.loc[0, "rdap_found"] = 0.0
    table.loc[1, ["domain_age_days", "domain_registrant_redacted"]] = [40.0, 1.0]
    x = feature_matrix(table)
    for name, value in UNKNOWN_RECORD_AS.items():
        assert x[0, FEATURE_NAMES.index(name)] == value
    assert x[1, FEATURE_NAMES.index("domain_age_days")] == 40.0
    assert x[1, FEATURE_NAMES.index("domain_registrant_redacted")] == 1.0
    # Training sees each row with a record twice: as captured and with the record withheld.
    xs, ys = with_withheld(x, np.array([1, 0]))
    assert len(xs) == 3 and ys.tolist() == [1, 0, 0]
    assert xs[2, FEATURE_NAMES.index("domain_age_days")] == UNKNOWN_RECORD_AS["domain_age_days"]


def test_not_a_shop_keeps_its_score_and_is_noted() -> None:
    portal = dict.fromkeys(FEATURE_NAMES, 0.0)
    assert not is_shop(portal)
    assert is_shop({**portal, "price_jsonld_offers": 3.0})
    assert is_shop({**portal, "pay_checkout_found": 1.0})
    assert not is_shop({**portal, "price_min_over_median": float("nan")})


Roles = list[frozenset[str]]  # the roles of each page of a site, in page order


def _roles(site: Site) -> Roles:
    return [read.roles for read in parse_site(site)]


@pytest.fixture(scope="module")
def sample_sites() -> list[tuple[Site, Roles]]:
    """The VARIANT_CASES' sites, each with its pages' roles (parsed once for the module)."""
    bundle = open_bundle(SAMPLE)
    return [(site, _roles(site)) for site in map(bundle.site, bundle.cases[VARIANT_CASES])]


def _without_legal_pages(site: Site, roles: Roles) -> Site:
    """The site as if its legal-notice pages had not been captured; the links to them stay on
    every other page. A notice that is also the contact page or the terms stays: only the notice
    goes."""
    other = {"terms", "contact", "checkout"}
    keep = tuple(
        page
        for page, role in zip(site.pages, roles, strict=True)
        if "legal" not in role or role & other
    )
    return replace(site, pages=keep) if keep else site


@pytest.fixture(scope="module")
def without_legal(
    model: tuple[pd.DataFrame, Scorer], sample_sites: list[tuple[Site, Roles]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The VARIANT_CASES' feature table with their legal-notice pages removed, beside their rows
    as captured."""
    table, _ = model
    bare = build_table(_without_legal_pages(site, roles) for site, roles in sample_sites)
    return table.set_index("case_id").loc[bare["case_id"]].reset_index(), bare


def test_removing_linked_legal_pages_never_raises_a_score_through_legal_facts(
    model: tuple[pd.DataFrame, Scorer], without_legal: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    """The legal facts as read without the notice, every other feature as captured: the score
    never rises (the monotone directions and UNKNOWN_PAGE_AS guarantee it)."""
    _, scorer = model
    full, bare = without_legal
    assert (full["case_id"].to_numpy() == bare["case_id"].to_numpy()).all()
    scored = full["error"].eq("").to_numpy() & bare["error"].eq("").to_numpy()
    # Where no captured page links the removed notice, its absence is evidence, as it should be.
    scored &= bare["notes"].str.contains(UNCAPTURED_NOTES["legal"]["en"], regex=False).to_numpy()
    assert scored.sum() > 125
    legal = list(UNKNOWN_PAGE_AS)
    mixed = full.copy()
    mixed[legal] = bare[legal].to_numpy()
    before = scorer.booster.predict(feature_matrix(full[scored]))
    after = scorer.booster.predict(feature_matrix(mixed[scored]))
    risen = np.flatnonzero(after > before + 1e-9)
    assert risen.size == 0, full[scored]["case_id"].iloc[risen].tolist()
    assert (after < before - 1e-9).any()  # the notice's facts still count where they were read
    # Most sample sites link their notice: the note says it is unknown, in both languages.
    noted = bare[scored]["notes"].str.contains(UNCAPTURED_NOTES["legal"]["en"], regex=False)
    assert np.isnan(bare[scored][noted]["legal_page_found"]).all()


def test_removing_linked_legal_pages_raises_no_priority(
    model: tuple[pd.DataFrame, Scorer], without_legal: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    _, scorer = model
    with_page, without = (scorer.score_table(t) for t in without_legal)
    both = with_page.merge(without, on="case_id", suffixes=("", "_bare"))
    assert len(both) == len(with_page) > 150
    risen = both[both["priority_bare"].map(LEVEL) > both["priority"].map(LEVEL)]
    assert risen.empty, risen[["case_id", "priority", "priority_bare"]].to_string()
    # The note is weightless: never among the reasons.
    assert not both["reasons_bare"].str.contains("linked but not captured", regex=False).any()


def test_a_linked_but_uncaptured_notice_reads_unknown_and_is_set_on_the_safe_side() -> None:
    site = next(
        s
        for s in open_bundle(SAMPLE).sites()
        if s.pages and any("legal" in p.roles for p in parse_site(s))
    )
    full = build_table([site])
    bare = build_table([_without_legal_pages(site, _roles(site))])
    assert full["legal_page_found"].iloc[0] == 1.0
    assert np.isnan(bare["legal_page_found"].iloc[0])  # unknown, not "no legal notice"
    assert "legal notice linked but not captured" in bare["notes"].iloc[0]
    x = feature_matrix(bare)
    for name, value in UNKNOWN_PAGE_AS.items():
        if np.isnan(bare[name].iloc[0]):
            assert x[0, FEATURE_NAMES.index(name)] == value
    # A site with no notice and no link to one keeps its absence: that is evidence.
    lone = replace(site, pages=(replace(site.pages[0], html="<html><body>Shop</body></html>"),))
    assert build_table([lone])["legal_page_found"].iloc[0] == 0.0


def _without_checkout_pages(site: Site, roles: Roles) -> Site:
    """The site as if its checkout and cart pages had not been captured; the links to them stay
    on every other page."""
    keep = tuple(
        page for page, role in zip(site.pages, roles, strict=True) if "checkout" not in role
    )
    return replace(site, pages=keep) if keep else site


def test_removing_linked_checkout_pages_raises_no_priority(
    model: tuple[pd.DataFrame, Scorer], sample_sites: list[tuple[Site, Roles]]
) -> None:
    """A checkout linked but not captured leaves what a buyer could use unknown: the protected
    methods the other pages do not show are set on the safe side, so no site rises a level."""
    table, scorer = model
    bare = build_table(
        _without_checkout_pages(site, roles) for site, roles in sample_sites if site.pages
    )
    with_page, without = scorer.score_table(table), scorer.score_table(bare)
    unknown = bare["pay_checkout_found"].isna()
    assert unknown.sum() > 100  # most sample sites link their checkout from every page
    # Where no captured page links the removed checkout, its absence is evidence, as it should be.
    linked = set(bare[unknown]["case_id"])
    both = with_page.merge(without, on="case_id", suffixes=("", "_bare"))
    both = both[both["case_id"].isin(linked)]
    risen = both[both["priority_bare"].map(LEVEL) > both["priority"].map(LEVEL)]
    assert risen.empty, risen[["case_id", "priority", "priority_bare"]].to_string()
    noted = bare[unknown]["notes"].str.contains(UNCAPTURED_NOTES["checkout"]["en"], regex=False)
    assert noted.all()


def test_an_unread_checkout_leaves_unshown_protected_methods_unknown_and_safe() -> None:
    home = (
        '<html><body><a href="/checkout">Commander</a><p>Prix 20 EUR</p>'
        '<img src="/img/visa.png" alt="Visa"></body></html>'
    )
    site = Site(
        Case("C1", "https://shop.invalid/", datetime(2025, 1, 1, tzinfo=UTC), None),
        "shop.invalid",
        (Page("https://shop.invalid/", home, 200, "utf-8", datetime(2025, 1, 1, tzinfo=UTC)),),
    )
    row = build_table([site]).iloc[0]
    assert np.isnan(row["pay_checkout_found"])  # linked, not captured: unknown
    assert row["pay_card"] == 1.0  # shown on the page: known
    assert np.isnan(row["pay_paypal"]) and np.isnan(row["pay_protected_count"])
    assert row["pay_transfer"] == 0.0  # a method that would raise the score is never guessed
    x = feature_matrix(build_table([site]))[0]
    assert x[FEATURE_NAMES.index("pay_paypal")] == UNKNOWN_CHECKOUT_AS["pay_paypal"] == 1.0
    assert x[FEATURE_NAMES.index("pay_card")] == 1.0
    assert x[FEATURE_NAMES.index("pay_protected_count")] == len(PROTECTED)
    assert x[FEATURE_NAMES.index("pay_irreversible_only")] == 0.0
    # The same page without the link: nothing unread, so what it does not show is absent.
    lone = replace(site, pages=(replace(site.pages[0], html=home.replace("/checkout", "#")),))
    alone = build_table([lone]).iloc[0]
    assert alone["pay_checkout_found"] == 0.0 and alone["pay_paypal"] == 0.0
