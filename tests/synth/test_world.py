"""The synthetic world's register extract and Safety Gate reports, read back by production code.

One bundle is generated per module (a real folder of WARC, CSV and XML files) and read through
`capture.register.Register`, `capture.safety_gate` and the alert matcher on parsed pages, so
that what the sample teaches is what production sees.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from capture.bundle import open_bundle
from capture.register import Register
from capture.safety_gate import read_alerts
from features.alerts import AlertIndex, match_listings
from features.listings import site_listings
from features.parse import parse_site
from features.register import state_at
from synth.bundle import generate_bundle
from synth.register import ETABLISSEMENT_LAYOUT, HISTORIQUE_LAYOUT, UNITE_LAYOUT
from synth.world import World, plan_world

SITES, SEED = 360, 7  # the sample's world: every kind of identity and of alerted listing occurs


@pytest.fixture(scope="module")
def world() -> World:
    return plan_world(SITES, SEED)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("world") / "bundle"
    generate_bundle(root, n_sites=SITES, seed=SEED)
    return root


@pytest.fixture(scope="module")
def rows(bundle: Path, world: World, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The register rows of every printed French SIREN, looked up in the written extract."""
    sirens = [p.party.reg_id for p in world.plans if p.identity and p.party and p.party.reg_id]
    with Register(bundle / "sirene", tmp_path_factory.mktemp("cache")) as register:
        return register.lookup(sirens)


def _header(path: Path) -> tuple[str, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(next(csv.reader(handle)))


def test_register_extract_has_inseesofficial_files_and_columns(bundle: Path) -> None:
    folder = bundle / "sirene"
    assert _header(folder / "StockUniteLegale_utf8.csv") == UNITE_LAYOUT
    assert _header(folder / "StockEtablissement_utf8.csv") == ETABLISSEMENT_LAYOUT
    assert _header(folder / "StockUniteLegaleHistorique_utf8.csv") == HISTORIQUE_LAYOUT


def test_history_holds_only_the_companies_that_changed(bundle: Path, world: World) -> None:
    with (bundle / "sirene" / "StockUniteLegaleHistorique_utf8.csv").open(encoding="utf-8") as f:
        in_history = {row["siren"] for row in csv.DictReader(f)}
    changed = {c.siren for c in world.companies if c.closed_on or c.renamed_on}
    assert in_history == changed
    assert len(changed) >= 5


def test_every_kind_of_identity_occurs(world: World) -> None:
    kinds = Counter(p.identity for p in world.plans if p.identity)
    assert {"registered", "borrowed", "invented", "closed", "invalid"} <= set(kinds)
    assert kinds["registered"] > kinds["borrowed"] > kinds["closed"] >= 3


def test_genuine_companies_read_back_with_their_names(world: World, rows: dict) -> None:
    genuine = [p for p in world.plans if p.identity == "registered"]
    assert genuine and all(not p.is_fraud for p in genuine)
    for plan in genuine:
        unit = rows[plan.party.reg_id]["unite_legale"]
        assert unit is not None, plan.party.reg_id
        company = plan.company
        assert company is not None
        if company.person:  # an individual business under a person's name
            assert unit["categorieJuridiqueUniteLegale"] == "1000"
            assert unit["nomUniteLegale"] == company.person[1]
            assert unit["denominationUniteLegale"] is None
        else:
            assert unit["denominationUniteLegale"] == company.denomination
        assert unit["activitePrincipaleUniteLegale"].startswith("47.")


def test_real_life_noise_is_there(world: World) -> None:
    genuine = [p.company for p in world.plans if p.identity == "registered" and p.company]
    assert sum(c.person is not None for c in genuine) >= 3
    trading = [c for c in genuine if c.sign or c.usual_name]
    assert len(trading) >= 5
    assert all((c.sign or c.usual_name) != c.denomination for c in trading)
    assert {c.naf for c in genuine} > {"47.91B"}


def test_borrowed_sirens_belong_to_another_company(world: World, rows: dict) -> None:
    borrowed = [p for p in world.plans if p.identity == "borrowed"]
    assert len(borrowed) >= 5 and all(p.is_fraud for p in borrowed)
    for plan in borrowed:
        found = rows[plan.party.reg_id]
        state = state_at(found, plan.reported_at.date())
        assert state is not None, plan.party.reg_id
        printed = plan.party.name.upper()
        assert all(printed not in name.upper() for name in state.names), state.names
        assert not state.naf.startswith("47."), state.naf  # another trade
        assert plan.party.postcode not in state.postcodes  # another town
        assert state.created < plan.reported_at.date() - timedelta(days=3 * 365)
    # Often before the domain too (aged and rebought domains are older than some companies).
    before = [p for p in borrowed if p.company.created < p.registered_at.date()]
    assert len(before) >= len(borrowed) // 2


def test_invented_sirens_are_absent_and_closed_ones_closed_before_the_report(
    world: World, rows: dict
) -> None:
    invented = [p for p in world.plans if p.identity in ("invented", "invalid")]
    assert invented and all(rows[p.party.reg_id]["unite_legale"] is None for p in invented)
    assert all(p.party.reg_valid for p in invented if p.identity == "invented")
    closed = [p for p in world.plans if p.identity == "closed"]
    assert closed
    for plan in closed:
        state = state_at(rows[plan.party.reg_id], plan.reported_at.date())
        assert state is not None and state.active is False
        assert plan.company.closed_on < plan.reported_at.date()


def test_clones_look_complete_on_the_page(world: World) -> None:
    clones = [p for p in world.plans if p.profile == "clone" and p.market == "FR"]
    assert len(clones) >= 3
    for plan in clones:
        assert plan.party is not None and plan.party.reg_valid
        assert plan.party.vat is None or plan.party.vat_valid
    mobile = ("06", "07", "+33 6", "+33 7")
    landlines = sum(p.phone is not None and not p.phone.startswith(mobile) for p in clones)
    assert landlines >= len(clones) * 2 // 3


def test_operators_reuse_identifiers_across_weeks(world: World) -> None:
    by_operator: dict[str, list] = {}
    for plan in world.plans:
        if plan.operator:
            by_operator.setdefault(plan.operator, []).append(plan)
    assert all(p.is_fraud for group in by_operator.values() for p in group)
    recurring = [g for g in by_operator.values() if len(g) >= 3]
    assert len(recurring) >= 3
    for group in recurring:
        span = max(p.reported_at for p in group) - min(p.reported_at for p in group)
        assert span.days >= 14  # reported weeks apart
        shared = Counter()
        for p in group:
            shared.update({("iban", p.iban), ("phone", p.phone), ("email", p.email)})
            shared.update(("tracker", t) for t in p.trackers)
        assert max(shared[k] for k in shared if k[1]) >= 2


def test_genuine_shops_share_no_iban_phone_or_email(world: World) -> None:
    genuine = [p for p in world.plans if not p.is_fraud]
    ibans = Counter(p.iban for p in genuine if p.iban)
    assert ibans and max(ibans.values()) == 1
    emails = Counter(p.email for p in genuine if p.party is None or p.email != p.party.email)
    assert max(emails.values()) == 1


def test_alert_reports_read_back_through_the_safety_gate_reader(bundle: Path, world: World) -> None:
    files = sorted((bundle / "alerts").glob("*.xml"))
    assert [f.name for f in files] == [
        f"{d.isocalendar().year}-W{d.isocalendar().week:02d}.xml" for d, _ in world.reports
    ]
    problems: list = []
    alerts = list(read_alerts(files, problems))
    assert problems == []
    assert len(alerts) == len(world.alerts) >= 30
    assert {a.reference for a in alerts} == {a.reference for a in world.alerts}
    assert {a.version for a in alerts} == {d.isoformat() for d, _ in world.reports}


def test_matcher_finds_the_alerted_products_on_the_pages_and_not_the_decoys(
    bundle: Path, world: World
) -> None:
    index = AlertIndex(read_alerts(sorted((bundle / "alerts").glob("*.xml"))))
    selling = {
        p.case_id: p.products[0]
        for p in world.plans
        if p.products and p.products[0].alert_kind is not None
    }
    kinds = Counter(product.alert_kind for product in selling.values())
    assert set(kinds) == {"barcode", "model", "near", "decoy"}
    assert sum(not p.is_fraud for p in world.plans if p.case_id in selling) >= 1
    matched: dict[str, set[str]] = {}
    for site in open_bundle(bundle).sites():
        if site.case_id in selling:
            listings = site_listings(parse_site(site))
            matched[site.case_id] = {m.reference for m in match_listings(listings, index)}
    assert set(matched) == set(selling)
    for case_id, product in selling.items():
        if product.alert_kind == "decoy":
            assert matched[case_id] == set(), (case_id, product.name)
        else:
            assert product.alert in matched[case_id], (case_id, product.alert_kind, product.name)


def test_sites_selling_nothing_alerted_match_nothing(bundle: Path, world: World) -> None:
    index = AlertIndex(read_alerts(sorted((bundle / "alerts").glob("*.xml"))))
    quiet = {p.case_id for p in world.plans if not any(x.alert_kind for x in p.products)}
    found = [
        site.case_id
        for site in open_bundle(bundle).sites()
        if site.case_id in quiet and match_listings(site_listings(parse_site(site)), index)
    ]
    assert found == []


def test_register_dates_stay_within_the_world(world: World) -> None:
    last = max(p.reported_at for p in world.plans).date()
    for company in world.companies:
        assert company.created <= last
        assert company.closed_on is None or company.created < company.closed_on <= date(2026, 1, 1)
