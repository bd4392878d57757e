from features.catalogue import FEATURE_NAMES
from serve.reasons import language_of, render, sentence
from serve.reasons_fr import FRENCH


def test_every_feature_has_a_french_wording() -> None:
    assert set(FRENCH) == set(FEATURE_NAMES)


def test_accept_language_picks_french_or_english() -> None:
    assert language_of("fr-FR,fr;q=0.9,en;q=0.8") == "fr"
    assert language_of("en-GB,fr;q=0.5") == "en"
    assert language_of("de-DE") == "en"
    assert language_of(None) == "en"


def test_a_breached_duty_cites_its_legal_reference_with_the_value() -> None:
    assert (
        sentence("legal_siren", 0.0, "fr") == "Pas de SIREN dans les mentions légales (LCEN art. 6)"
    )
    assert sentence("legal_withdrawal_14d", 0.0, "en").endswith("(Code de la consommation L221-5)")
    assert sentence("legal_siren", 1.0, "en") == "SIREN given"  # no breach, no reference
    assert sentence("domain_age_days", 12.0, "en") == "Domain registered 12 days before the report"
    assert sentence("pay_irreversible_only", 1.0, "fr").startswith("Paiement par virement")


def test_render_keeps_feature_value_weight_and_law() -> None:
    [reason] = render('[["legal_siren", 0.0, 0.81]]', "en")
    assert reason == {
        "feature": "legal_siren",
        "value": 0.0,
        "weight": 0.81,
        "text": "No SIREN on the legal notice (LCEN art. 6)",
        "law": "LCEN art. 6",
    }
