"""Whether the company a legal notice names fits the site: the name against the domain's first
label (hyphens dropped, the TLD not part of it) and against the landing page's title."""

from __future__ import annotations

import pytest

from capture.site import Site
from features.legal import legal_features, read_legal
from features.parse import ParsedPage, parse_site
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home


def _matches(domain: str, company: str, title: str = "Boutique") -> bool | None:
    home = (
        f"<html><head><title>{title}</title></head><body><p>Accueil</p>"
        f"<footer>{company} SAS, 4 rue Mercière, 69002 Lyon</footer></body></html>"
    )
    other = "<html><head><title>Autre</title></head><body><p>Produit</p></body></html>"
    site = make_site({f"https://{domain}/": home, f"https://{domain}/p": other})
    return legal_features(site, parse_site(site))["legal_company_matches_site"]


@pytest.mark.parametrize(
    ("domain", "company", "title", "matches"),
    [
        ("bel-air.fr", "Belair", "Boutique", True),  # the label without its hyphen
        ("zeta.fr", "Zetashop", "Boutique", True),  # the label inside the name
        ("zetas.fr", "Zeta Commerce", "Boutique", True),  # a name word inside the label
        ("xyz-store.fr", "Lumina", "Lumina bijoux", True),  # the name in the title
        ("xyz-store.fr", "Lumina", "Bijoux", False),  # none of the three
        ("frzeta.fr", "Zetafr", "Boutique", False),  # the TLD is no part of the label
    ],
)
def test_company_name_against_domain_and_title(
    domain: str, company: str, title: str, matches: bool
) -> None:
    assert _matches(domain, company, title) is matches


def _notice_site(notice: str, extra: dict[str, str] | None = None) -> tuple[Site, list[ParsedPage]]:
    pages = {
        "https://atelier-lumiere.fr/": shop_home("<p>Atelier</p>"),
        "https://atelier-lumiere.fr/mentions-legales": notice,
        **(extra or {}),
    }
    site = make_site(pages)
    return site, parse_site(site)


COMPLETE = {
    "legal_page_found": True,
    "terms_page_found": False,
    "contact_page_found": False,
    "legal_company_id": True,
    "legal_company_id_valid": True,
    "legal_siren": True,
    "legal_siren_luhn_ok": True,
    "legal_vat": True,
    "legal_vat_key_ok": True,
    "legal_vat_matches_siren": True,
    "legal_identity_conflict": False,
    "legal_company_form": True,
    "legal_registry": True,
    "legal_capital": True,
    "legal_address": True,
    "legal_phone": True,
    "legal_email": True,
    "legal_director": True,
    "legal_host": True,
    "legal_mediator": True,
    "legal_withdrawal_14d": True,
    "legal_completeness": 1.0,
    "legal_email_freemail": False,
    "legal_email_own_domain": True,
    "legal_company_matches_site": True,
}


def test_a_complete_notice_keeps_every_fact_when_another_page_was_not_captured() -> None:
    site, pages = _notice_site(FR_NOTICE_VALID)
    assert legal_features(site, pages) == COMPLETE
    # The terms page was linked but not captured: only its own "found" becomes unknown; what was
    # found stays, the checks that can only get worse keep their False, completeness stays 1.
    assert legal_features(site, pages, uncaptured={"terms"}) == {
        **COMPLETE,
        "terms_page_found": None,
    }
    assert legal_features(site, pages, uncaptured={"contact"}) == {
        **COMPLETE,
        "contact_page_found": None,
    }
    assert legal_features(site, pages, uncaptured={"legal"}) == {
        **COMPLETE,
        "legal_page_found": None,
    }


@pytest.mark.parametrize("role", ["legal", "terms", "contact"])
def test_a_missing_field_is_unknown_while_any_key_page_is_uncaptured(role: str) -> None:
    notice = FR_NOTICE_VALID.replace(
        "<p>Médiateur de la consommation : CM2C, 14 rue Saint-Jean, 75017 Paris.</p>", ""
    )
    site, pages = _notice_site(notice)
    captured = legal_features(site, pages)
    assert (captured["legal_mediator"], captured["legal_completeness"]) == (False, 0.917)
    row = legal_features(site, pages, uncaptured={role})
    assert row["legal_mediator"] is None
    assert row["legal_completeness"] is None
    assert row["legal_email"] is True
    assert row["legal_identity_conflict"] is False
    assert row["legal_email_freemail"] is False
    assert row["contact_page_found"] is (None if role == "contact" else False)


def _emails(pages: dict[str, str]) -> list[str]:
    return read_legal(parse_site(make_site(pages))).emails


def test_mailto_links_are_read_on_notice_terms_and_contact_pages() -> None:
    home = "https://shop.fr/"
    footer = shop_home("<p>Écrire : vente@shop.fr</p>")
    link = '<html><body><p>Nous écrire</p><a href="mailto:{}">ici</a></body></html>'
    pages = {
        home: footer.replace("</footer>", '<a href="mailto:home@shop.fr">m</a></footer>'),
        "https://shop.fr/mentions-legales": link.format("Legal@Shop.fr"),
        "https://shop.fr/cgv": link.format("terms@shop.fr"),
        "https://shop.fr/contact": link.format("contact@shop.fr"),
    }
    # The home page's mailto is read only when no address was found at all.
    assert _emails(pages) == ["vente@shop.fr", "legal@shop.fr", "terms@shop.fr", "contact@shop.fr"]


def test_mailto_links_of_any_page_when_no_address_is_written() -> None:
    pages = {"https://shop.fr/": '<html><body><a href="mailto:Info@GMAIL.com">m</a></body></html>'}
    assert _emails(pages) == ["info@gmail.com"]
    site = make_site(pages)
    assert legal_features(site, parse_site(site))["legal_email_freemail"] is True


def test_image_names_that_look_like_addresses_are_not_addresses() -> None:
    text = "logo@2x.png icon@2x.jpg badge@3x.svg hero@2x.webp vente@shop.fr"
    assert _emails({"https://shop.fr/": shop_home(f"<p>{text}</p>")}) == ["vente@shop.fr"]
