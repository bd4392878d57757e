from datetime import UTC, datetime

from capture.site import RdapRecord
from features.domain import domain_features, name_features
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
    assert row["domain_has_brand"] is True
    assert row["domain_sales_words"] == 2
    assert row["domain_tld_cheap"] is True
    assert name_features("atelier-lumiere.fr")["domain_sales_words"] == 0


def test_brand_lookalikes_are_caught_but_not_the_brand_or_plain_words() -> None:
    assert name_features("adiddas-store.shop")["domain_brand_lookalike"] is True
    assert name_features("samsnug-outlet.com")["domain_brand_lookalike"] is True
    assert name_features("adidas-store.shop")["domain_brand_lookalike"] is False
    assert name_features("bike-shop.fr")["domain_brand_lookalike"] is False
