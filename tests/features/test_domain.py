import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from capture.rdap import read_rdap
from capture.site import RdapRecord, Site
from features.domain import brand_lookalike, domain_features, name_features, registry_notes
from features.lexicon import neutral
from tests.features.sites import REPORTED, make_site


def test_domain_age_is_taken_at_the_report_date_not_today() -> None:
    rdap = RdapRecord("new-shop.fr", registered_at=datetime(2025, 2, 19, tzinfo=UTC))
    row = domain_features(make_site({"https://new-shop.fr/": "<p>x</p>"}, rdap=rdap))
    assert row["domain_age_days"] == (REPORTED - datetime(2025, 2, 19, tzinfo=UTC)).days


def test_missing_rdap_is_unknown_not_zero() -> None:
    row = domain_features(make_site({"https://new-shop.fr/": "<p>x</p>"}))
    assert row["rdap_found"] is False
    assert row["domain_age_days"] is None


def test_a_change_after_the_report_is_not_known_at_the_report() -> None:
    rdap = RdapRecord(
        "old.fr",
        registered_at=datetime(2010, 1, 1, tzinfo=UTC),
        last_changed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    row = domain_features(make_site({"https://old.fr/": "<p>x</p>"}, rdap=rdap))
    assert row["domain_days_since_change"] is None
    assert row["domain_age_days"] > 5000


def test_brand_and_sales_words_in_a_name() -> None:
    row = name_features("nike-outlet-soldes.shop")
    assert row["domain_brand_lookalike"] is True  # a brand the site is not
    assert row["domain_sales_words"] == 2
    assert row["domain_tld_cheap"] is True
    assert name_features("atelier-lumiere.fr")["domain_sales_words"] == 0


def test_brand_lookalikes_are_caught_but_not_the_brand_or_plain_words() -> None:
    assert name_features("adiddas-store.shop")["domain_brand_lookalike"] is True
    assert name_features("samsnug-outlet.com")["domain_brand_lookalike"] is True
    assert name_features("bike-shop.fr")["domain_brand_lookalike"] is False


def test_a_brand_used_by_another_name_counts_but_not_the_brands_own_domain() -> None:
    assert name_features("adidas-store.shop")["domain_brand_lookalike"] is True
    assert name_features("simplybirkenstock.com")["domain_brand_lookalike"] is True
    assert name_features("zara.com")["domain_brand_lookalike"] is False
    assert name_features("adidas.de")["domain_brand_lookalike"] is False
    # A short brand counts only as a whole word: "vans" is inside "canvas".
    assert name_features("canvas-atelier.fr")["domain_brand_lookalike"] is False
    assert name_features("vans-soldes.shop")["domain_brand_lookalike"] is True


def _site_with_statuses(*statuses: str) -> Site:
    rdap = RdapRecord("x.fr", registered_at=datetime(2020, 1, 1, tzinfo=UTC), statuses=statuses)
    return make_site({"https://x.fr/": "<p>x</p>"}, rdap=rdap)


def test_registry_statuses_are_notes_not_model_inputs() -> None:
    # Statuses as real RDAP servers write them (../shared/corpora/real-rdap: AFNIC's and
    # Verisign's "server delete prohibited", EPP's camelCase "serverTransferProhibited").
    row = domain_features(_site_with_statuses("server delete prohibited"))
    assert not {"domain_status_hold", "domain_server_locked"} & set(row)
    assert registry_notes(_site_with_statuses("server delete prohibited")) == [
        "domain under registry lock / domaine verrouillé par le registre"
    ]
    assert len(registry_notes(_site_with_statuses("servertransferprohibited"))) == 1
    held = registry_notes(_site_with_statuses("active", "client hold"))
    assert held and held[0].startswith("domain suspended at the registry (clienthold)")
    # Client locks are a registrar's default: no note.
    assert registry_notes(_site_with_statuses("client transfer prohibited", "active")) == []
    assert registry_notes(make_site({"https://x.fr/": "<p>x</p>"})) == []


REAL_RDAP = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real-rdap"


def test_registry_locks_are_read_from_real_rdap_answers() -> None:
    if not REAL_RDAP.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{REAL_RDAP} is missing: CI must have ../shared")
        pytest.skip(f"{REAL_RDAP} not found (CI unset)")

    def notes(name: str) -> list[str]:
        rdap = read_rdap(REAL_RDAP / name)
        return registry_notes(make_site({f"https://{rdap.domain}/": "<p>x</p>"}, rdap=rdap))

    lock = ["domain under registry lock / domaine verrouillé par le registre"]
    # AFNIC, CentralNic, Verisign and MarkMonitor answers with "server ... prohibited".
    assert notes("afnic-fr__lemonde.fr.json") == lock
    assert notes("centralnic-xyz__nic.xyz.json") == lock
    assert notes("verisign-com__google.com.json") == lock
    # Client locks only, or "active": no note.
    assert notes("registrar-markmonitor__abc.xyz.json") == []
    assert notes("afnic-fr__afnic.fr.json") == []


def _lookalike_by_definition(label: str) -> bool:
    """brand_lookalike's docstring, spelt out: every window of the brand's length, give or take
    one letter, compared one by one."""
    words = set(label.split("-"))
    glued = label.replace("-", "")
    for brand in neutral.BRANDS:
        if brand == glued:
            continue
        if brand in (words if len(brand) < 5 else glued):
            return True
        if len(brand) < 5 or brand in glued:
            continue
        allowed = 1 if len(brand) <= 7 else 2
        for size in (len(brand) - 1, len(brand), len(brand) + 1):
            for start in range(0, max(0, len(glued) - size) + 1):
                if OSA.distance(brand, glued[start : start + size]) <= allowed:
                    return True
    return False


_EDITED_BRAND = st.tuples(
    st.sampled_from(sorted(neutral.BRANDS)),
    st.lists(st.tuples(st.integers(0, 12), st.sampled_from("aeiknorstxz-")), max_size=3),
).map(lambda pair: "".join(_edit(pair[0], pair[1])))


def _edit(word: str, edits: list[tuple[int, str]]) -> str:
    letters = list(word)
    for at, letter in edits:  # a replaced, inserted or swapped letter
        at %= len(letters) + 1
        if letter in "aei":
            letters.insert(at, letter)
        elif at < len(letters) - 1 and letter == "-":
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        elif at < len(letters):
            letters[at] = letter
    return "".join(letters)


@given(
    st.sampled_from(["", "shop-", "la-boutique-", "my", "outlet-"]),
    _EDITED_BRAND | st.text("abcdeiklmnorstuvz-", max_size=16),
    st.sampled_from(["", "-outlet", "store", "-fr", "-soldes"]),
)
def test_brand_lookalike_is_its_definition(before: str, middle: str, after: str) -> None:
    label = f"{before}{middle}{after}"
    assert brand_lookalike(label) == _lookalike_by_definition(label)
