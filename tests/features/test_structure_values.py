"""The structure family on small hand-written pages: countdown timers, dead social links,
unlinked trust badges, the platform, tracker IDs (and the operator groups they make) and the
template fingerprint. Every expected value is counted or computed by hand from the page."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from features.parse import ParsedPage, parse_site
from features.pipeline import extract_with_context
from features.structure import (
    _SOCIAL_WORD,
    _SOCIAL_WORDS,
    names_social,
    platform_of,
    structure_features,
    template_fingerprint,
    tracker_ids,
    unparsed_notes,
)
from models.split import operator_groups
from tests.features.sites import make_site, shop_home


def _pages(*bodies: str, host: str = "shop.invalid") -> list[ParsedPage]:
    """Pages of one site from body markup: the first is the home page, the others /p1, /p2..."""
    urls = [f"https://{host}/"] + [f"https://{host}/p{i}" for i in range(1, len(bodies))]
    html = [f"<html><head><title>Shop</title></head><body>{b}</body></html>" for b in bodies]
    return parse_site(make_site(dict(zip(urls, html, strict=True))))


PLAIN = "<h1>Bienvenue</h1><p>Des chaussures de marche, livrées en trois jours.</p>"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Fin de l'offre dans 02:14:59</p>",  # hh:mm:ss
        "<p>Encore 1h 05m 30s pour en profiter</p>",  # 1 h 05 m 30 s
        "<div>Compte à rebours : plus que quelques heures</div>",
        '<p>Offer ends soon <span class="x">countdown</span></p>',
    ],
)
def test_a_countdown_in_the_text_is_found(body: str) -> None:
    assert structure_features(_pages(PLAIN, body))["countdown_timer"] is True


@pytest.mark.parametrize(
    "body",
    [
        PLAIN,
        "<p>Ouvert du lundi au vendredi, de 9h à 18h.</p>",  # hours, not a running clock
        "<p>Commande n° 2024-11-05, livrée le 12/11.</p>",
    ],
)
def test_no_countdown_on_an_ordinary_page(body: str) -> None:
    assert structure_features(_pages(body))["countdown_timer"] is False


def test_dead_social_links_count_home_pages_and_empty_links_only() -> None:
    footer = (
        '<a href="https://www.facebook.com/">Facebook</a>'  # the network's home page: dead
        '<a href="#" class="icon-instagram">Instagram</a>'  # nowhere: dead
        '<a href="javascript:void(0)" aria-label="TikTok">t</a>'  # nowhere: dead
        '<a href="https://www.facebook.com/atelier.lumiere">Facebook</a>'  # a profile: alive
        '<a href="https://twitter.com/atelier">Twitter</a>'  # a profile: alive
        '<a href="/facebook-avis">Nos avis Facebook</a>'  # the shop's own page: alive
    )
    # 3 dead on each of the first three pages: 9; the fourth page is not read.
    pages = _pages(footer, footer, footer, footer)
    assert structure_features(pages)["social_links_dead"] == 9
    assert structure_features(pages[:1])["social_links_dead"] == 3


def test_trust_badges_count_only_when_they_link_nowhere() -> None:
    body = (
        '<img src="/img/trustpilot-5-stars.png" alt="">'  # no link: counted
        '<a href="/garanties"><img src="/norton-secured.svg" alt="Norton"></a>'  # local: counted
        '<img src="/b.png" alt="Paiement sécurisé">'  # no link: counted
        '<a href="https://www.trustedshops.fr/verify/?shop_id=X">'  # links to its proof: not
        '<img src="/trusted-shops.png" alt="Trusted Shops"></a>'
        '<img src="/chaussure.jpg" alt="Chaussure de marche">'  # not a badge
    )
    assert structure_features(_pages(body))["trust_badges_unlinked"] == 3


def test_tracker_ids_of_every_kind_are_read_sorted_and_once() -> None:
    scripts = (
        "<script>gtag('config', 'G-AB12CD34EF'); gtag('config', 'UA-1234567-2');</script>"
        "<script>(function(w,d,s,l,i){})(window,document,'script','dataLayer','GTM-K9X7PQ');"
        "</script><script>fbq('init', '1234567890123456'); gtag('config','AW-987654321');"
        "</script>"
    )
    pages = _pages(PLAIN + scripts, PLAIN + "<script>gtag('config', 'G-AB12CD34EF')</script>")
    assert tracker_ids(pages) == (
        "1234567890123456",
        "AW-987654321",
        "G-AB12CD34EF",
        "GTM-K9X7PQ",
        "UA-1234567-2",
    )
    assert tracker_ids(_pages(PLAIN)) == ()
    # Each kind alone on a page is found too (pages without any tracker's mark are not searched).
    for script, found in (
        ("gtag('config', 'UA-1234567-2')", "UA-1234567-2"),
        ("dataLayer.push('GTM-K9X7PQ')", "GTM-K9X7PQ"),
        ("fbq('init', '1234567890123456')", "1234567890123456"),
        ("gtag('config','AW-987654321')", "AW-987654321"),
        ("gtag('config', 'G-AB12CD34EF')", "G-AB12CD34EF"),
    ):
        assert tracker_ids(_pages(f"{PLAIN}<script>{script}</script>")) == (found,)
    # Look-alikes: too short, lower case, not a pixel's init.
    assert (
        tracker_ids(_pages(PLAIN + "<p>G-AB12 ua-1234567-1 fbq('track', '1234567890')</p>")) == ()
    )
    # After text in other scripts, each ID is still read whole (offsets are bytes in RE2).
    accents = "<p>Sécurité, qualité, 安心 — 100 % garanti</p>"
    assert tracker_ids(_pages(f"{PLAIN}{accents}<script>{scripts}</script>")) == (
        "1234567890123456",
        "AW-987654321",
        "G-AB12CD34EF",
        "GTM-K9X7PQ",
        "UA-1234567-2",
    )


def _shop(host: str, tracker: str) -> tuple[dict[str, str], str]:
    """Pages of a shop whose only mark in common with another is its analytics ID."""
    script = f"<script>gtag('config', '{tracker}');</script>" if tracker else ""
    url = f"https://{host}/"
    return {url: shop_home(f"<p>{host}</p>", f"<h1>{host}</h1>{script}")}, url


def test_shops_sharing_a_tracker_id_are_one_operator_and_others_are_not() -> None:
    rows = []
    for host, tracker in (
        ("bottes-discount.invalid", "G-KIT777AAA"),
        ("sacs-promo.invalid", "G-KIT777AAA"),
        ("atelier.invalid", "G-OTHER0001"),
        ("rien.invalid", ""),
    ):
        pages, url = _shop(host, tracker)
        _, context = extract_with_context(make_site(pages, url))
        rows.append({"domain": host, **context})
    assert [r["trackers"] for r in rows] == ["G-KIT777AAA", "G-KIT777AAA", "G-OTHER0001", ""]
    # The marks that link cases (models/links.py) carry the tracker too.
    assert json.loads(rows[0]["marks"])["tracker"] == ["G-KIT777AAA"]
    table = pd.DataFrame(rows)
    table["identity"] = ""
    table["template"] = [f"t{i}" for i in range(len(rows))]  # no template in common
    groups = operator_groups(table)
    assert groups[0] == groups[1]
    assert len({groups[0], groups[2], groups[3]}) == 3


@pytest.mark.parametrize(
    ("markup", "platform"),
    [
        ('<script src="https://cdn.shopify.com/s/files/theme.js"></script>', "shopify"),
        ('<link href="/wp-content/plugins/woocommerce/style.css">', "woocommerce"),
        ('<link href="/wp-content/themes/x/style.css">', "wordpress"),
        ('<script src="/modules/ps_shoppingcart/cart.js"></script>', "prestashop"),
        ('<img src="https://static.wixstatic.com/media/a.jpg">', "wix"),
        ('<script src="/static/frontend/Magento/luma/mage/cookies.js"></script>', "magento"),
        ("<p>Fait main à Lyon.</p>", ""),
    ],
)
def test_the_platform_is_read_from_its_marks(markup: str, platform: str) -> None:
    assert platform_of(_pages(PLAIN + markup)) == platform


def test_the_template_fingerprint_is_the_hash_of_tags_and_classes_only() -> None:
    first = _pages('<div class="card b a"><p>Bottes</p></div><div class="card"><p>9 €</p></div>')
    # Tags: html head title body div p (sorted, once each); classes: a b card (sorted, once each).
    by_hand = hashlib.sha1(b"a b card|body div head html p title").hexdigest()[:12]
    assert template_fingerprint(first) == by_hand
    other_text = _pages('<div class="a card b"><p>Sacs</p></div><div class="card"><p>1 €</p></div>')
    assert template_fingerprint(other_text) == by_hand
    other_class = _pages('<div class="card b a"><p>Bottes</p></div><div class="tile"></div>')
    assert template_fingerprint(other_class) != by_hand


def test_empty_pages_are_counted_in_a_note() -> None:
    site = make_site(
        {
            "https://shop.invalid/": shop_home("<p>pied</p>"),
            "https://shop.invalid/a": "",
            "https://shop.invalid/b": "   ",
        }
    )
    notes = unparsed_notes(parse_site(site))
    assert len(notes) == 1 and notes[0].startswith("2 captured page(s) empty or unreadable")
    assert unparsed_notes(_pages(PLAIN)) == []


# Labels made of the networks' names in any case, joined by anything, with the characters that
# case folding treats apart: the Turkish dotted and dotless i, the long s, the Kelvin sign.
_DOTTED_I, _DOTLESS_I, _LONG_S, _KELVIN = "\u0130", "\u0131", "\u017f", "\u212a"
_LABEL_PARTS = st.sampled_from(
    [
        *_SOCIAL_WORDS,
        f"{_DOTTED_I}nstagram",
        f"l{_DOTLESS_I}nked{_DOTLESS_I}n",
        f"p{_DOTLESS_I}nteres{_LONG_S}t",
        _LONG_S,
        _KELVIN,
    ]
)


@given(
    st.lists(
        st.one_of(_LABEL_PARTS.map(lambda w: w.upper()), _LABEL_PARTS, st.text(max_size=6)),
        max_size=5,
    ).map("".join)
)
def test_a_label_names_a_network_as_the_case_blind_pattern_says(label: str) -> None:
    assert names_social(label) == (_SOCIAL_WORD.search(label) is not None)


def test_a_turkish_label_still_names_its_network() -> None:
    assert names_social("İnstagram'da takip edin") and names_social("LINKEDIN profile")
    assert not names_social("linked in") and not names_social("You Tube")
