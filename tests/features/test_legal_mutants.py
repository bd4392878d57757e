"""Whether the company a legal notice names fits the site: the name against the domain's first
label (hyphens dropped, the TLD not part of it) and against the landing page's title."""

from __future__ import annotations

import pytest

from features.legal import legal_features
from features.parse import parse_site
from tests.features.sites import make_site


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
