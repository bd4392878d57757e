"""The domain family's whole row on hand-made names and RDAP records: every count read off the
name letter by letter, every span of days counted on the calendar. (tests/features/test_domain.py
holds the brand and status cases; these are the values of each feature.)"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from capture.site import RdapRecord
from features.domain import domain_features, name_features
from tests.features.sites import REPORTED, make_site


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        # "promo-2024-bottes": 17 characters, 2 hyphens, 4 digits; "promo" is a sales word.
        ("promo-2024-bottes.shop", (17, 2, 4, True, False, 1, False)),
        # "atelier-lumiere": 15 characters, 1 hyphen; .fr is a national market TLD.
        ("atelier-lumiere.fr", (15, 1, 0, False, True, 0, False)),
        # "destockage-paris-fr": "destockage" and "paris" anywhere, "fr" as a whole word: 3.
        ("destockage-paris-fr.com", (19, 2, 0, False, False, 3, False)),
        # A short sales word glued to others does not count ("fr" in "frites").
        ("frites123.xyz", (9, 0, 3, True, False, 0, False)),
        # A brand's near miss with sales words: "adiddas" is one edit from "adidas".
        ("adiddas-outlet.store", (14, 1, 0, True, False, 1, True)),
    ],
)
def test_name_features_counted_by_hand(domain: str, expected: tuple) -> None:
    names = (
        "domain_length",
        "domain_hyphens",
        "domain_digits",
        "domain_tld_cheap",
        "domain_tld_market",
        "domain_sales_words",
        "domain_brand_lookalike",
    )
    row = name_features(domain)
    assert tuple(row[n] for n in names) == expected


def test_registration_days_at_the_report() -> None:
    # Reported 2025-03-01. Registered 2025-01-30 12:00: 29.5 days before. Registered for one
    # year (expiry 2026-01-30 12:00): 365 days. Changed 2025-02-27 18:00: 1.25 days -> 1.2.
    rdap = RdapRecord(
        "x.fr",
        registered_at=datetime(2025, 1, 30, 12, tzinfo=UTC),
        expires_at=datetime(2026, 1, 30, 12, tzinfo=UTC),
        last_changed_at=datetime(2025, 2, 27, 18, tzinfo=UTC),
        registrant_redacted=True,
    )
    assert datetime(2025, 3, 1, tzinfo=UTC) == REPORTED
    row = domain_features(make_site({"https://x.fr/": "<p>x</p>"}, rdap=rdap))
    assert row["rdap_found"] is True
    assert row["domain_age_days"] == 29.5
    assert row["domain_registration_span_days"] == 365.0
    assert row["domain_days_since_change"] == 1.2  # round(1.25, 1): half to even
    assert row["domain_registrant_redacted"] is True


def test_a_domain_registered_after_the_report_has_no_age_yet() -> None:
    # Registered after the report (a re-registration seen later): no age as of the report, the
    # span of the later registration is still what the record says (10 days).
    rdap = RdapRecord(
        "x.fr",
        registered_at=datetime(2025, 6, 1, tzinfo=UTC),
        expires_at=datetime(2025, 6, 11, tzinfo=UTC),
        registrant_redacted=False,
    )
    row = domain_features(make_site({"https://x.fr/": "<p>x</p>"}, rdap=rdap))
    assert row["domain_age_days"] is None
    assert row["domain_registration_span_days"] == 10.0
    assert row["domain_days_since_change"] is None
    assert row["domain_registrant_redacted"] is False


def test_a_record_without_dates_is_found_with_every_date_unknown() -> None:
    row = domain_features(make_site({"https://x.fr/": "<p>x</p>"}, rdap=RdapRecord("x.fr")))
    assert row["rdap_found"] is True
    assert [row[n] for n in ("domain_age_days", "domain_registration_span_days")] == [None, None]
    assert row["domain_registrant_redacted"] is None  # no registrant entity to judge from
