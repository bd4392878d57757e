import gzip
from pathlib import Path

import pytest

from capture.charset import decode_html
from features.catalogue import BY_NAME, CATALOGUE, FEATURE_NAMES, describe
from features.pipeline import NoPagesError, extract
from tests.features.sites import make_site, shop_home

REAL_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "real-pages"
ODD_PAGES = {
    "empty": "",
    "whitespace": "   \n ",
    "xml declaration": '<?xml version="1.0" encoding="utf-8"?><html><body>x</body></html>',
    "binary": "\x00\x01\x02\xff PNG \x89",
    "deeply nested": "<div>" * 5000 + "deep" + "</div>" * 5000,
    "no body": "<title>t</title>",
    "huge": "<html><body>" + "<p>Soldes -50% sur tout !</p>" * 40000 + "</body></html>",
    "comment only": "<!-- nothing -->",
}


def test_every_feature_is_in_the_catalogue_with_a_type_and_meaning() -> None:
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    for feature in CATALOGUE:
        assert feature.kind in {"bool", "int", "float"}
        assert feature.meaning and feature.says


def test_row_follows_catalogue_order_and_types() -> None:
    row = extract(make_site({"https://shop.fr/": shop_home("<p>Paiement par virement</p>")}))
    assert list(row) == list(FEATURE_NAMES)
    for name, value in row.items():
        kind = BY_NAME[name].kind
        assert value is None or (
            isinstance(value, bool) if kind == "bool" else isinstance(value, int | float)
        ), name


@pytest.mark.parametrize("kind", sorted(ODD_PAGES))
def test_odd_html_never_raises(kind: str) -> None:
    row = extract(make_site({"https://odd.fr/": ODD_PAGES[kind]}))
    assert list(row) == list(FEATURE_NAMES)
    assert row["legal_page_found"] is False  # nothing on it names or links a notice


def test_site_without_pages_is_refused_not_guessed() -> None:
    with pytest.raises(NoPagesError, match="no captured page"):
        extract(make_site({}, url="https://gone.fr/"))


def test_describe_says_unknown_for_missing_values() -> None:
    assert describe("domain_age_days", None).startswith("unknown")
    assert describe("domain_age_days", 12.0) == "domain registered 12 days before the report"
    assert describe("legal_siren", False) == "no SIREN on the legal notice"


@pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"{REAL_PAGES} is absent (shared corpora not laid out)"
)
def test_every_real_page_goes_through_the_pipeline() -> None:
    paths = sorted(REAL_PAGES.glob("*.html.gz"))
    assert len(paths) > 100
    for path in paths:
        html, _ = decode_html(gzip.decompress(path.read_bytes()), None)
        row = extract(make_site({"https://real.example/": html}))
        assert list(row) == list(FEATURE_NAMES), path.name


def test_directions_name_catalogue_features_only() -> None:
    from features.catalogue import DIRECTIONS

    assert set(DIRECTIONS) <= set(FEATURE_NAMES)
    assert set(DIRECTIONS.values()) <= {-1, 1}


def test_each_page_is_parsed_once_and_trafilatura_never_runs(monkeypatch) -> None:
    """No feature reads a main text: trafilatura, 40 times a bare parse, must not run at all."""
    import lxml.html
    import trafilatura

    import features.parse

    calls = {"parse": 0, "trafilatura": 0}
    parse, extract_main = lxml.html.fromstring, trafilatura.extract

    def counting_parse(*args, **kwargs):
        calls["parse"] += 1
        return parse(*args, **kwargs)

    def counting_extract(*args, **kwargs):
        calls["trafilatura"] += 1
        return extract_main(*args, **kwargs)

    monkeypatch.setattr(features.parse.lxml.html, "fromstring", counting_parse)
    monkeypatch.setattr(trafilatura, "extract", counting_extract)
    pages = {f"https://shop.fr/p{i}": shop_home(f"<p>page {i}</p>") for i in range(6)}
    extract(make_site(pages))
    assert calls == {"parse": 6, "trafilatura": 0}


def test_unknown_as_names_only_boolean_checks_that_can_be_unknown() -> None:
    from features.catalogue import DIRECTIONS, UNKNOWN_AS

    for name, value in UNKNOWN_AS.items():
        assert name in DIRECTIONS, name
        if BY_NAME[name].kind == "bool":
            assert value in {0.0, 1.0}, name
        else:  # a ratio with no value to read: set where it shows nothing wrong
            assert name == "price_min_over_median" and value == 1.0
