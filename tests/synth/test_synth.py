"""The synthetic sample generator: reproducible, realistic, and hard to separate by one fact."""

from __future__ import annotations

import collections
import csv
import hashlib
import json
import re
from collections.abc import Callable, Hashable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator

from capture import checksums
from capture.domains import registrable_domain
from synth import ids
from synth.bundle import generate_bundle
from synth.data import LANGUAGES, common, kits, templates
from synth.plan import PROTECTED, SitePlan, plan_sites

START = date(2024, 3, 1)
BUNDLE_SITES = 120


@pytest.fixture(scope="module")
def sample_plans() -> list[SitePlan]:
    """The plans behind the committed sample (default size and seed)."""
    return plan_sites(360, seed=7)


@pytest.fixture(scope="module")
def many_plans() -> list[SitePlan]:
    """A larger draw with another seed, so bounds do not hold by luck of one sample."""
    return plan_sites(2500, seed=11)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int | float]]:
    root = tmp_path_factory.mktemp("synth") / "bundle"
    return root, generate_bundle(root, n_sites=BUNDLE_SITES, seed=5)


@pytest.fixture(scope="module")
def responses(bundle: tuple[Path, dict[str, int | float]]) -> list[dict[str, object]]:
    """Every response record of the bundle, with its decoded payload."""
    root, _ = bundle
    out = []
    for path in sorted((root / "snapshots").glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                if http.get_header("Content-Encoding") == "br":
                    body = brotli.decompress(record.raw_stream.read())
                else:
                    body = record.content_stream().read()
                out.append(
                    {
                        "url": record.rec_headers.get_header("WARC-Target-URI"),
                        "date": record.rec_headers.get_header("WARC-Date"),
                        "status": int(http.get_statuscode()),
                        "headers": dict(http.headers),
                        "body": body,
                    }
                )
    return out


def _cases(root: Path) -> list[dict[str, str]]:
    with (root / "cases.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _digest_tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def best_one_rule_accuracy(values: Sequence[Hashable], labels: Sequence[str]) -> float:
    """Accuracy of the best rule that predicts the label from this one value alone."""
    groups: dict[Hashable, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for value, label in zip(values, labels, strict=True):
        groups[value][label] += 1
    return sum(max(c.values()) for c in groups.values()) / len(labels)


FACTS: dict[str, Callable[[SitePlan], Hashable]] = {
    "transfer_only": lambda p: p.transfer_only,
    "siren_present": lambda p: p.siren_present,
    "siren_valid": lambda p: p.siren_valid,
    "domain_younger_than_90_days": lambda p: p.young_domain,
    "discount_at_least_50": lambda p: p.max_discount >= 50,
    "template": lambda p: p.template,
    "urgency_wording": lambda p: p.urgency,
    "free_mail": lambda p: p.email_kind == "free",
    "source": lambda p: p.source,
}


# --- reproducibility and summary ----------------------------------------------------------


def test_same_seed_gives_byte_identical_bundle(tmp_path: Path) -> None:
    first = generate_bundle(tmp_path / "a", n_sites=25, seed=3)
    second = generate_bundle(tmp_path / "b", n_sites=25, seed=3)
    assert first == second
    assert _digest_tree(tmp_path / "a") == _digest_tree(tmp_path / "b")


def test_another_seed_gives_another_bundle(tmp_path: Path) -> None:
    generate_bundle(tmp_path / "a", n_sites=25, seed=3)
    generate_bundle(tmp_path / "b", n_sites=25, seed=4)
    a, b = _digest_tree(tmp_path / "a"), _digest_tree(tmp_path / "b")
    assert a["cases.csv"] != b["cases.csv"]
    assert set(a.values()).isdisjoint(b.values())


def test_plans_do_not_depend_on_the_global_random_state() -> None:
    import random

    random.seed(1)
    first = plan_sites(30, seed=9)
    random.seed(2)
    second = plan_sites(30, seed=9)
    assert first == second


def test_summary_describes_the_files(bundle: tuple[Path, dict[str, int | float]]) -> None:
    root, summary = bundle
    cases = _cases(root)
    assert summary["sites"] == len(cases) == BUNDLE_SITES
    assert summary["rdap_files"] == len(list((root / "rdap").glob("*.json")))
    assert summary["bytes"] == sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert summary["frauds"] == round(summary["fraud_share"] * BUNDLE_SITES)
    assert 0 < summary["pages"] < summary["responses"]


# --- the bundle format ---------------------------------------------------------------------


def test_cases_csv_reveals_nothing_but_the_outcome(
    bundle: tuple[Path, dict[str, int | float]],
) -> None:
    root, _ = bundle
    with (root / "cases.csv").open(newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ["case_id", "url", "reported_at", "outcome", "source"]
    cases = _cases(root)
    assert {c["outcome"] for c in cases} <= {"fraud", "legit", ""}
    for case in cases:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", case["reported_at"])
        assert case["url"].startswith(("http://", "https://"))
    assert [c["reported_at"] for c in cases] == sorted(c["reported_at"] for c in cases)


def test_every_file_starts_with_warcinfo_and_pairs_requests(
    bundle: tuple[Path, dict[str, int | float]],
) -> None:
    root, _ = bundle
    for path in (root / "snapshots").glob("*.warc.gz"):
        assert re.fullmatch(r"\d{4}-\d\d\.warc\.gz", path.name)
        with path.open("rb") as handle:
            records = [
                (
                    r.rec_type,
                    r.rec_headers.get_header("WARC-Record-ID"),
                    r.rec_headers.get_header("WARC-Concurrent-To"),
                )
                for r in ArchiveIterator(handle)
            ]
        assert records[0][0] == "warcinfo"
        responses = {rid for kind, rid, _ in records if kind == "response"}
        requests = [to for kind, _, to in records if kind == "request"]
        assert sorted(requests) == sorted(responses)


def test_pages_are_captured_shortly_before_the_report(
    bundle: tuple[Path, dict[str, int | float]], responses: list[dict[str, object]]
) -> None:
    root, _ = bundle
    reported = {registrable_domain(c["url"]): _parse(c["reported_at"]) for c in _cases(root)}
    assert len(reported) == BUNDLE_SITES
    matched = 0
    for response in responses:
        report = reported.get(registrable_domain(str(response["url"])))
        if report is None:  # a third-party resource, e.g. an image on a CDN
            assert response["headers"]["Content-Type"] == "image/png"
            continue
        matched += 1
        assert report - timedelta(days=5) <= _parse(str(response["date"])) <= report
    assert matched >= 0.95 * len(responses)


def test_rdap_answers_are_domain_objects_registered_before_the_report(
    bundle: tuple[Path, dict[str, int | float]],
) -> None:
    root, _ = bundle
    reported = {registrable_domain(c["url"]): _parse(c["reported_at"]) for c in _cases(root)}
    files = list((root / "rdap").glob("*.json"))
    assert 0.8 * BUNDLE_SITES <= len(files) < BUNDLE_SITES  # some sites have no RDAP answer
    registered_seen = 0
    for path in files:
        obj = json.loads(path.read_text(encoding="utf-8"))
        domain = path.name.removesuffix(".json")
        assert obj["objectClassName"] == "domain"
        assert obj["ldhName"].lower().rstrip(".") == domain
        assert obj["events"]
        for event in obj["events"]:
            if event["eventAction"] == "registration":
                registered_seen += 1
                assert _parse(event["eventDate"]) < reported[domain]
    assert registered_seen >= 0.7 * len(files)  # DENIC answers have no registration date


def test_captures_have_the_quirks_a_reader_must_cope_with(
    responses: list[dict[str, object]],
) -> None:
    statuses = collections.Counter(r["status"] for r in responses)
    assert statuses[301] and statuses[404]
    assert all("Location" in r["headers"] for r in responses if r["status"] in (301, 302))
    types = {str(r["headers"].get("Content-Type", "")).split(";")[0] for r in responses}
    assert {"text/html", "text/plain", "text/css", "image/png"} <= types
    encodings = collections.Counter(r["headers"].get("Content-Encoding") for r in responses)
    assert encodings["gzip"] and encodings["br"]
    legacy = [
        r
        for r in responses
        if b"charset=windows-1252" in r["body"][:600]
        or b"ISO-8859-1" in r["body"][:600]
        or b"charset=iso-8859-1" in r["body"][:600]
    ]
    assert legacy
    for response in legacy:
        assert "charset" not in str(response["headers"]["Content-Type"])
        response["body"].decode("cp1252")  # declared only in the page, and true


def test_each_url_is_captured_once(responses: list[dict[str, object]]) -> None:
    urls = collections.Counter(str(r["url"]) for r in responses)
    assert urls.most_common(1)[0][1] == 1


def test_no_template_placeholder_is_left_unfilled(responses: list[dict[str, object]]) -> None:
    for response in responses:
        text = response["body"].decode("utf-8", "replace")
        assert not re.search(r"\$[a-z_]+\b|\{[a-z_]+\}", text), response["url"]


def test_legal_notice_is_linked_from_the_footer(
    sample_plans: list[SitePlan], tmp_path: Path
) -> None:
    plans = [p for p in plan_sites(40, seed=13) if p.captured and "legal" in p.pages]
    root = tmp_path / "b"
    generate_bundle(root, n_sites=40, seed=13)
    homes: dict[str, str] = {}
    for path in (root / "snapshots").glob("*.warc.gz"):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response" and record.http_headers.get_statuscode() == "200":
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    if re.fullmatch(r"https://[^/]+/(fr/|en/|de/|es/|it/)?", url):
                        raw = record.raw_stream.read()
                        homes[registrable_domain(url)] = raw.decode("latin-1")
    checked = 0
    for plan in plans:
        page = homes.get(plan.domain)
        if page is None or plan.encoding:
            continue
        assert f'href="{plan.path("legal")}"'.replace("&", "&amp;") in page
        checked += 1
    assert checked >= 10


# --- realism of the population ---------------------------------------------------------------


@pytest.mark.parametrize("plans_name", ["sample_plans", "many_plans"])
def test_about_a_third_are_fraud(plans_name: str, request: pytest.FixtureRequest) -> None:
    plans: list[SitePlan] = request.getfixturevalue(plans_name)
    share = sum(p.is_fraud for p in plans) / len(plans)
    assert 0.25 <= share <= 0.40


def test_mostly_french_with_four_other_languages(sample_plans: list[SitePlan]) -> None:
    shares = collections.Counter(p.lang for p in sample_plans)
    total = len(sample_plans)
    assert 0.5 <= shares["fr"] / total <= 0.7
    for lang in ("en", "de", "es", "it"):
        assert shares[lang] / total >= 0.04
    assert set(shares) == set(LANGUAGES)


def test_reports_span_at_least_18_months(sample_plans: list[SitePlan]) -> None:
    months = {(p.reported_at.year, p.reported_at.month) for p in sample_plans}
    assert len(months) >= 18
    assert min(p.reported_at for p in sample_plans) >= datetime(2024, 3, 1, tzinfo=UTC)


def test_every_template_serves_both_classes(sample_plans: list[SitePlan]) -> None:
    by_template = collections.defaultdict(set)
    for plan in sample_plans:
        by_template[plan.template].add(plan.is_fraud)
    assert len(by_template) >= 5
    assert all(classes == {True, False} for classes in by_template.values())


@pytest.mark.parametrize("fact", sorted(FACTS))
@pytest.mark.parametrize("plans_name", ["sample_plans", "many_plans"])
def test_no_single_fact_separates_the_classes(
    fact: str, plans_name: str, request: pytest.FixtureRequest
) -> None:
    plans = [p for p in request.getfixturevalue(plans_name) if p.outcome]
    labels = [str(p.outcome) for p in plans]
    accuracy = best_one_rule_accuracy([FACTS[fact](p) for p in plans], labels)
    assert accuracy <= 0.85, f"{fact}: {accuracy:.3f}"


def test_facts_still_point_the_right_way(many_plans: list[SitePlan]) -> None:
    """Hard, not random: each investigator fact is more common on the side it warns about."""

    def rate(flag: Callable[[SitePlan], bool], fraud: bool) -> float:
        group = [p for p in many_plans if p.is_fraud == fraud]
        return sum(map(flag, group)) / len(group)

    for flag in (
        lambda p: p.transfer_only,
        lambda p: p.young_domain,
        lambda p: p.max_discount >= 50,
        lambda p: p.urgency,
    ):
        assert rate(flag, True) > rate(flag, False) + 0.15
        assert rate(flag, False) > 0.03  # genuine shops do it too
    fr = [p for p in many_plans if p.lang == "fr"]
    valid = {f: [p.siren_valid for p in fr if p.is_fraud == f] for f in (True, False)}
    assert sum(valid[False]) / len(valid[False]) > sum(valid[True]) / len(valid[True]) + 0.2
    assert sum(valid[True]) > 0  # frauds print valid numbers too (borrowed or made up)


def test_tactics_drift_over_time(many_plans: list[SitePlan]) -> None:
    frauds = [p for p in many_plans if p.is_fraud]
    half = len(frauds) // 2
    early, late = frauds[:half], frauds[half:]

    def share(group: list[SitePlan], flag: Callable[[SitePlan], bool]) -> float:
        return sum(map(flag, group)) / len(group)

    def notice_valid(p: SitePlan) -> bool:
        return p.party is not None and bool(p.party.reg_valid) and bool(p.notice_fields)

    assert share(late, notice_valid) > share(early, notice_valid) + 0.05
    assert share(late, lambda p: not p.young_domain) > share(early, lambda p: not p.young_domain)
    assert share(late, lambda p: p.payment_strategy == "fake_logos") > share(
        early, lambda p: p.payment_strategy == "fake_logos"
    )
    assert share(late, lambda p: not p.notice_fields) < share(early, lambda p: not p.notice_fields)


def test_kits_are_reused_and_appear_from_their_start(many_plans: list[SitePlan]) -> None:
    begin = datetime(2024, 3, 1, tzinfo=UTC)
    span = datetime(2025, 11, 1, tzinfo=UTC) - begin
    seen = collections.defaultdict(list)
    for plan in many_plans:
        if plan.kit:
            assert plan.is_fraud
            seen[plan.kit].append(plan)
    assert len(seen) >= 3
    for kit, plans in seen.items():
        spec = kits.KITS[kit]
        assert len({p.domain for p in plans}) >= 20
        assert {p.template for p in plans} == {spec["template"]}
        first = min(p.reported_at for p in plans)
        assert first >= begin + span * spec["active"][0]
        tracking = {t for p in plans for t in p.trackers}
        assert set(spec["tracking"]) <= tracking


def test_labels_are_noisy_and_sometimes_unknown(many_plans: list[SitePlan]) -> None:
    flipped = sum(p.outcome is not None and p.outcome != p.label for p in many_plans)
    unknown = sum(p.outcome is None for p in many_plans)
    assert 0.015 <= flipped / len(many_plans) <= 0.05
    assert 0.015 <= unknown / len(many_plans) <= 0.05


def test_registration_precedes_report_and_changes_follow_it(many_plans: list[SitePlan]) -> None:
    for plan in many_plans:
        assert plan.registered_at < plan.reported_at
        assert plan.registered_at <= plan.last_changed_at <= plan.reported_at
        assert plan.expires_at > plan.reported_at
        assert plan.captured_at <= plan.reported_at
    rebought = [p for p in many_plans if p.rebought]
    assert rebought and all(p.domain_age_days > 600 for p in rebought)
    assert any(not p.is_fraud for p in many_plans if p.young_domain)


def test_printed_identifiers_obey_their_check_rules(many_plans: list[SitePlan]) -> None:
    checkers = {
        "FR": lambda party: checksums.luhn_valid(party.reg_id),
        "IT": lambda party: checksums.it_piva_valid(party.reg_id),
        "ES": lambda party: checksums.es_id_valid(party.reg_id),
        "DE": lambda party: checksums.de_vat_valid(party.vat),
        "GB": lambda party: checksums.gb_vat_valid(party.vat),
        "IE": lambda party: checksums.ie_vat_valid(party.vat),
    }
    checked = collections.Counter()
    for plan in many_plans:
        party = plan.party
        if party is None or party.reg_valid is None or party.jurisdiction not in checkers:
            continue
        assert checkers[party.jurisdiction](party) == party.reg_valid, plan.domain
        if party.jurisdiction == "FR" and party.vat:
            assert checksums.fr_vat_valid(party.vat) == party.vat_valid
        checked[party.jurisdiction] += 1
    assert set(checked) == set(checkers)


def test_checkout_offers_what_the_plan_says(many_plans: list[SitePlan]) -> None:
    fake_logos = [p for p in many_plans if p.payment_strategy == "fake_logos"]
    assert fake_logos
    for plan in fake_logos:
        assert plan.transfer_only and {"visa", "mastercard"} <= set(plan.logos)
    for plan in many_plans:
        assert plan.transfer_only == (not PROTECTED & set(plan.checkout_methods))


# --- identifiers -------------------------------------------------------------------------------


def test_identifier_checks_on_published_examples() -> None:
    assert checksums.luhn_valid("404833048") and not checksums.luhn_valid("404833049")
    assert checksums.fr_vat_key("404833048") == 83 and checksums.fr_vat_valid("FR83404833048")
    assert not checksums.fr_vat_valid("FR84404833048")
    assert checksums.iban_valid("FR14 2004 1010 0505 0001 3M02 606")
    assert not checksums.iban_valid("GB82 WEST 1234 5698 7654 33")
    assert checksums.de_vat_valid("DE136695976") and checksums.it_piva_valid("00743110157")
    assert checksums.gb_vat_valid("GB980780684") and checksums.es_id_valid("B58378431")
    assert checksums.ie_vat_valid("IE6388047V")


@pytest.mark.parametrize("seed", range(5))
def test_made_identifiers_pass_or_fail_as_asked(seed: int) -> None:
    import random

    rng = random.Random(seed)
    for valid in (True, False):
        siren = ids.make_siren(rng, valid)
        assert len(siren) == 9 and checksums.luhn_valid(siren) == valid
        assert checksums.fr_vat_valid(ids.fr_vat(rng, siren, valid)) == valid
        assert checksums.de_vat_valid(ids.de_vat(rng, valid)) == valid
        assert checksums.it_piva_valid(ids.it_piva(rng, valid)) == valid
        assert checksums.es_id_valid(ids.es_cif(rng, valid)) == valid
        assert checksums.es_id_valid(ids.es_nif_person(rng, valid)) == valid
        assert checksums.gb_vat_valid(ids.gb_vat(rng, valid)) == valid
        assert checksums.ie_vat_valid(ids.ie_vat(rng, valid)) == valid
    siren = ids.make_siren(rng)
    siret = ids.make_siret(rng, siren)
    assert siret.startswith(siren) and checksums.luhn_valid(siret)
    for country in common.BANKS:
        iban, bic = ids.make_iban(rng, country)
        assert checksums.iban_valid(iban) and iban.startswith(country) and bic


# --- data modules -------------------------------------------------------------------------------


def test_language_modules_define_the_same_names() -> None:
    reference = {n for n in vars(LANGUAGES["fr"]) if n.isupper()}
    for code, module in LANGUAGES.items():
        names = {n for n in vars(module) if n.isupper()}
        assert reference <= names, (code, reference - names)
        assert code == module.CODE
        assert set(module.PAGES) == set(LANGUAGES["fr"].PAGES)
        assert set(module.KIT_PHRASES) == set(kits.KITS)
        assert set(module.METHOD_LABELS) == set(common.PAYMENT_METHODS) - set(common.CARD_LOGOS)
        assert set(module.PRODUCTS) == set(common.NICHES)


def test_templates_have_every_snippet() -> None:
    keys = set(templates.SHOPIFY)
    assert len(templates.TEMPLATES) >= 5
    for name, template in templates.TEMPLATES.items():
        assert set(template) == keys, name


def test_start_and_months_shape_the_period() -> None:
    plans = plan_sites(80, seed=2, start=date(2023, 1, 1), months=6)
    assert min(p.reported_at for p in plans) >= datetime(2023, 1, 1, tzinfo=UTC)
    assert max(p.reported_at for p in plans) < datetime(2023, 7, 1, tzinfo=UTC)
    assert [p.case_id for p in plans] == [f"C{i:06d}" for i in range(1, 81)]
    assert len({p.domain for p in plans}) == 80
