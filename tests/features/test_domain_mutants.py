"""Registration ages in days, to one decimal, computed by hand from the RDAP dates and the
report date of the hand-made site (1 March 2025, midnight UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from capture.site import RdapRecord
from features.domain import brand_lookalike, name_features, registration_features, registry_notes
from tests.features.sites import REPORTED, make_site


def _row(rdap: RdapRecord) -> dict[str, object]:
    return registration_features(make_site({"https://shop.fr/": "<p>x</p>"}, rdap=rdap))


def test_ages_are_days_to_one_decimal() -> None:
    registered = datetime(2010, 1, 1, tzinfo=UTC)
    # 4000 days and 0.06 of a day (5184 s): 4000.1 to one decimal. Divided by anything but
    # 86,400 seconds, or rounded otherwise, it is not.
    expires = registered + timedelta(days=4000, seconds=5184)
    changed = REPORTED - timedelta(days=9, hours=16, minutes=48)  # 9.7 days before the report
    row = _row(
        RdapRecord(
            "shop.fr",
            registered_at=registered,
            expires_at=expires,
            last_changed_at=changed,
            registrant_redacted=True,
        )
    )
    assert row == {
        "rdap_found": True,
        "domain_age_days": 5538.0,  # 1 Jan 2010 to 1 Mar 2025
        "domain_registration_span_days": 4000.1,
        "domain_days_since_change": 9.7,
        "domain_registrant_redacted": True,
    }


def test_dates_after_the_report_are_not_yet_known() -> None:
    after = REPORTED + timedelta(hours=1)
    row = _row(RdapRecord("shop.fr", registered_at=after, last_changed_at=after))
    assert row["domain_age_days"] is None
    assert row["domain_days_since_change"] is None
    assert row["domain_registration_span_days"] is None  # no expiry date


def test_a_date_at_the_report_moment_is_known() -> None:
    row = _row(RdapRecord("shop.fr", registered_at=REPORTED, last_changed_at=REPORTED))
    assert row["domain_age_days"] == 0.0
    assert row["domain_days_since_change"] == 0.0


def test_every_hold_is_named_in_the_note_in_either_spelling() -> None:
    # EPP's camelCase or RDAP's words, with spaces or underscores: the same statuses.
    rdap = RdapRecord("shop.fr", statuses=("server_hold", "client hold", "active"))
    assert registry_notes(make_site({"https://shop.fr/": "<p>x</p>"}, rdap=rdap)) == [
        "domain suspended at the registry (clienthold, serverhold)"
        " / domaine suspendu au registre (clienthold, serverhold)"
    ]


@pytest.mark.parametrize(
    ("label", "lookalike"),
    [
        ("louisvuitton", True),  # its own name for louisvuitton, but it holds vuitton
        ("decthln-outlet", True),  # decathlon less two letters, hyphen dropped: two edits of 9
        ("myapplestore", True),  # a five-letter brand counts inside a word
        ("appleq", True),
        ("aepple", True),  # apple with one letter more: one edit of a five-letter brand
        ("addas-outlet", True),  # adidas less one letter: a five-letter window, one edit
        ("aacoste", True),  # lacoste with its first letter changed: the window at the start
        ("alnciaga", True),  # balenciaga less two letters: two edits allowed over seven letters
        ("cogvernse", True),  # converse with two edits: allowed for eight letters
        ("samsxxg", False),  # samsung with two edits: one only for seven letters
        ("alephlaouren", False),  # ralphlauren with three edits
        ("xbaleiaga", False),  # balenciaga: three edits
        ("raolrphlauren", False),
        ("adior", False),  # dior is short: a whole word only
        ("canvas", False),  # vans inside a word
        ("vans-outlet", True),
        ("zara", False),  # the brand's own name
    ],
)
def test_brand_lookalikes(label: str, lookalike: bool) -> None:
    assert brand_lookalike(label) is lookalike


@pytest.mark.parametrize(
    ("domain", "length", "market", "cheap", "sales"),
    [
        ("bottes.co.uk", 6, True, False, 0),  # the label is the first part, the TLD the last
        ("vente.com.shop", 5, False, True, 0),
        ("localhost", 9, False, False, 0),  # no dot: the whole name is both
        ("mypromo.fr", 7, True, False, 1),  # a five-letter sales word inside a word counts
        ("nikeoutletsoldes.com", 16, False, False, 2),  # outlet and soldes, glued
        ("fr-soldes.de", 9, True, False, 2),  # a short one (fr) only between hyphens
        ("france.de", 6, True, False, 1),  # france, not fr inside it
    ],
)
def test_name_features(domain: str, length: int, market: bool, cheap: bool, sales: int) -> None:
    row = name_features(domain)
    assert (
        row["domain_length"],
        row["domain_tld_market"],
        row["domain_tld_cheap"],
        row["domain_sales_words"],
    ) == (length, market, cheap, sales)
