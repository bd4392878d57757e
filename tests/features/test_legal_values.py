"""Legal-notice values on hand-written notices: the completeness share counted field by field
(12 fields), and the checks of the e-mail and identifiers. tests/features/test_legal.py holds
the complete notice (every field, completeness 1.0) and the identity conflicts."""

from __future__ import annotations

from features.legal import FIELDS, legal_features
from features.parse import parse_site
from tests.features.sites import FR_NOTICE_VALID, make_site, shop_home

HOME = shop_home('<a href="/mentions-legales">Mentions légales</a>')
SHOP = "https://atelier-lumiere.fr/"


def _legal(notice: str) -> dict:
    site = make_site({SHOP: HOME, f"{SHOP}mentions-legales": notice})
    return legal_features(site, parse_site(site))


def test_a_thin_notice_gives_two_fields_of_twelve() -> None:
    notice = (
        "<html><body><h1>Mentions légales</h1><p>Site tenu par Claire Martin. "
        "Courriel : claire.martin@gmail.com. Téléphone : 06 12 34 56 78.</p></body></html>"
    )
    row = _legal(notice)
    assert len(FIELDS) == 12
    # Phone and e-mail: 2 of 12 fields.
    assert row["legal_completeness"] == round(2 / 12, 3)
    assert (row["legal_phone"], row["legal_email"]) == (True, True)
    for field in ("company_form", "registry", "capital", "address", "director", "host"):
        assert row[f"legal_{field}"] is False, field
    assert (row["legal_siren"], row["legal_vat"], row["legal_company_id"]) == (False, False, False)
    # Nothing to check: the checks of identifiers and of the company's name are unknown.
    assert row["legal_siren_luhn_ok"] is None and row["legal_company_matches_site"] is None
    # A webmail address, not one of the shop's domain.
    assert (row["legal_email_freemail"], row["legal_email_own_domain"]) == (True, False)


def test_a_notice_without_its_mediator_and_withdrawal_gives_ten_of_twelve() -> None:
    notice = FR_NOTICE_VALID.replace(
        "<p>Médiateur de la consommation : CM2C, 14 rue Saint-Jean, 75017 Paris.</p>", ""
    ).replace(
        "<p>Vous disposez d'un délai de 14 jours pour exercer votre droit de rétractation.</p>", ""
    )
    assert "Médiateur" not in notice and "rétractation" not in notice
    row = _legal(notice)
    assert (row["legal_mediator"], row["legal_withdrawal_14d"]) == (False, False)
    assert row["legal_completeness"] == round(10 / 12, 3)


def test_an_email_of_the_shops_own_domain() -> None:
    row = _legal(FR_NOTICE_VALID)  # contact@atelier-lumiere.fr on atelier-lumiere.fr
    assert (row["legal_email_freemail"], row["legal_email_own_domain"]) == (False, True)
