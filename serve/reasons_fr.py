"""French wording of the reasons, feature by feature: (text when true or template, text when
false). Templates take the value as {v}. Kept apart from the logic, as word lists are."""

UNKNOWN_FR = "inconnu : {}"  # the English meaning of the feature follows
FRENCH: dict[str, tuple[str, str]] = {
    "domain_length": ("nom de domaine de {v:.0f} caractères", ""),
    "domain_hyphens": ("{v:.0f} tirets dans le nom de domaine", ""),
    "domain_digits": ("{v:.0f} chiffres dans le nom de domaine", ""),
    "domain_tld_cheap": ("extension jetable (.shop, .top, .xyz...)", "extension établie"),
    "domain_tld_market": ("extension nationale", "extension non nationale"),
    "domain_sales_words": ("{v:.0f} mots commerciaux dans le nom de domaine", ""),
    "domain_brand_lookalike": (
        "le domaine reprend ou imite une marque connue",
        "pas de marque reprise ni imitée",
    ),
    "rdap_found": ("enregistrement du domaine trouvé", "aucun enregistrement RDAP du domaine"),
    "domain_age_days": ("domaine enregistré {v:.0f} jours avant le signalement", ""),
    "domain_registration_span_days": ("domaine enregistré pour {v:.0f} jours au total", ""),
    "domain_days_since_change": ("domaine modifié {v:.0f} jours avant le signalement", ""),
    "domain_registrant_redacted": ("titulaire masqué (anonymisation)", "titulaire nommé"),
    "legal_page_found": ("page de mentions légales trouvée", "pas de page de mentions légales"),
    "terms_page_found": ("CGV trouvées", "pas de conditions générales de vente"),
    "contact_page_found": ("page de contact trouvée", "pas de page de contact"),
    "legal_company_id": (
        "identifiant d'entreprise donné",
        "aucun identifiant d'entreprise (SIREN, TVA...)",
    ),
    "legal_company_id_valid": (
        "identifiants d'entreprise valides",
        "un identifiant d'entreprise est invalide",
    ),
    "legal_siren": ("SIREN donné", "pas de SIREN dans les mentions légales"),
    "legal_siren_luhn_ok": (
        "SIREN valide (clé de Luhn)",
        "SIREN invalide (clé de Luhn fausse : inventé ou erroné)",
    ),
    "legal_vat": ("numéro de TVA donné", "pas de numéro de TVA intracommunautaire"),
    "legal_vat_key_ok": ("clé de TVA correcte", "numéro de TVA avec une clé fausse"),
    "legal_vat_matches_siren": (
        "TVA et SIREN concordent",
        "le numéro de TVA est celui d'un autre SIREN",
    ),
    "legal_identity_conflict": (
        "les pages nomment plusieurs entreprises (SIREN différents)",
        "une seule identité sur toutes les pages",
    ),
    "legal_company_form": ("forme juridique donnée", "pas de raison sociale avec forme juridique"),
    "legal_registry": ("RCS indiqué", "pas d'immatriculation au RCS"),
    "legal_capital": ("capital social indiqué", "pas de capital social"),
    "legal_address": ("adresse postale donnée", "pas d'adresse postale"),
    "legal_phone": ("téléphone donné", "pas de numéro de téléphone"),
    "legal_email": ("e-mail donné", "pas d'adresse e-mail"),
    "legal_director": ("directeur de la publication nommé", "pas de directeur de la publication"),
    "legal_host": ("hébergeur nommé", "pas d'hébergeur nommé"),
    "legal_mediator": ("médiateur de la consommation nommé", "pas de médiateur de la consommation"),
    "legal_withdrawal_14d": (
        "droit de rétractation de 14 jours indiqué",
        "pas de droit de rétractation de 14 jours",
    ),
    "legal_completeness": ("mentions légales complètes à {v:.0%}", ""),
    "legal_email_freemail": (
        "e-mail du vendeur sur une messagerie gratuite",
        "e-mail du vendeur hors messagerie gratuite",
    ),
    "legal_email_own_domain": (
        "e-mail du vendeur sur le domaine du site",
        "e-mail du vendeur hors du domaine du site",
    ),
    "legal_company_matches_site": (
        "la société nommée correspond au site",
        "la société nommée ne correspond ni au nom ni au domaine",
    ),
    "pay_card": ("paiement par carte affiché", "pas de paiement par carte"),
    "pay_paypal": ("PayPal affiché", "pas de PayPal"),
    "pay_wallet": ("portefeuille (Apple Pay, Google Pay) affiché", "pas de portefeuille"),
    "pay_deferred": ("paiement différé (Klarna, 3x) affiché", "pas de paiement différé"),
    "pay_cod": ("paiement à la livraison", "pas de paiement à la livraison"),
    "pay_transfer": ("virement bancaire proposé", "pas de virement"),
    "pay_money_transfer": (
        "paiement par mandat ou coupons prépayés (Western Union, PCS...)",
        "pas de mandat ni de coupons prépayés",
    ),
    "pay_crypto": ("paiement en cryptomonnaie", "pas de cryptomonnaie"),
    "pay_protected_count": ("{v:.0f} moyens de paiement protégés affichés", ""),
    "pay_checkout_found": ("page de paiement capturée", "pas de page de paiement capturée"),
    "pay_protected_offered": (
        "carte ou PayPal proposés",
        "aucun moyen de paiement protégé (carte, PayPal) proposé",
    ),
    "pay_irreversible_only": (
        "paiement par virement ou autre moyen irréversible uniquement",
        "un moyen de paiement réversible est proposé",
    ),
    "pay_logo_checkout_mismatch": (
        "logos carte/PayPal affichés mais absents du paiement",
        "le paiement correspond aux logos",
    ),
    "text_urgency_phrases": ("{v:.0f} formules d'urgence (stock limité, fin proche...)", ""),
    "text_guarantee_phrases": ("{v:.0f} formules rassurantes", ""),
    "text_max_discount_claim": ("remises annoncées jusqu'à {v:.0f} %", ""),
    "text_languages": ("{v:.0f} langues selon les pages", ""),
    "text_language_fits_tld": (
        "site dans la langue de son extension nationale",
        "site pas dans la langue de son extension (.fr en anglais...)",
    ),
    "price_struck_count": ("{v:.0f} prix barrés", ""),
    "price_max_discount": ("remise de {v:.0%} sur un prix barré", ""),
    "price_mean_discount": ("remise moyenne de {v:.0%} sur les prix barrés", ""),
    "price_share_pages_discounted": ("{v:.0%} des pages à prix montrent des remises", ""),
    "price_jsonld_offers": ("{v:.0f} prix structurés", ""),
    "price_min_over_median": ("produit le moins cher à {v:.0%} du prix médian", ""),
    "social_links_dead": ("{v:.0f} liens de réseaux sociaux sans profil", ""),
    "trust_badges_unlinked": ("{v:.0f} badges de confiance sans lien", ""),
    "countdown_timer": ("compte à rebours sur le site", "pas de compte à rebours"),
    "iban_shown": ("un IBAN est affiché pour le paiement", "pas d'IBAN affiché"),
    "iban_valid": ("l'IBAN affiché est valide", "un IBAN affiché est invalide (clé ou structure)"),
    "iban_country_is_shop": (
        "l'IBAN est du pays de la boutique",
        "l'IBAN est d'un autre pays que celui de la boutique",
    ),
    "iban_country_is_company": (
        "l'IBAN est du pays de la société",
        "l'IBAN est d'un autre pays que celui de la société",
    ),
    "register_found": (
        "le SIREN figure au répertoire des entreprises",
        "le SIREN ne figure pas au répertoire des entreprises",
    ),
    "register_active_at_report": (
        "l'entreprise était active à la date du signalement",
        "l'entreprise n'était pas active à la date du signalement",
    ),
    "register_company_age_days": ("entreprise créée {v:.0f} jours avant le signalement", ""),
    "register_created_after_domain": (
        "l'entreprise a été créée après le nom de domaine",
        "l'entreprise existait avant le nom de domaine",
    ),
    "register_name_similarity": (
        "nom de la société des mentions légales proche du registre à {v:.0%}",
        "",
    ),
    "register_postcode_match": (
        "le code postal des mentions légales est celui de l'entreprise",
        "le code postal des mentions légales n'est pas celui de l'entreprise",
    ),
    "register_naf_retail": (
        "l'entreprise est immatriculée pour une activité de commerce",
        "l'entreprise n'est pas immatriculée pour une activité de commerce",
    ),
    "link_cases_before": ("lié à {v:.0f} dossiers antérieurs", ""),
    "link_fraud_before": ("lié à {v:.0f} fraudes confirmées", ""),
    "link_legit_before": ("lié à {v:.0f} dossiers confirmés légitimes", ""),
}
# A row's own reason (the register's words, the identifier a link shares) is quoted as it is,
# followed by where it comes from.
FRENCH_OWN = "constat du répertoire SIRENE ou des liens entre dossiers"
