"""Every feature's name, type and one-line meaning, and how a reason reads for an investigator.

The model stores the names it was trained with; scoring refuses a model whose names differ.
"""

from __future__ import annotations

from dataclasses import dataclass

LCEN = "LCEN art. 6"
CONSO_INFO = "Code de la consommation L111-1"
CONSO_WITHDRAWAL = "Code de la consommation L221-5"


@dataclass(frozen=True)
class Feature:
    name: str
    kind: str  # "bool", "int" or "float"
    meaning: str
    says: str  # the reason text: for a bool, when true; for a number, a template with {v}
    says_false: str = ""  # for a bool, when false
    law: str = ""  # the legal reference the reason rests on, where there is one


def _b(name: str, meaning: str, says: str, says_false: str, law: str = "") -> Feature:
    return Feature(name, "bool", meaning, says, says_false, law)


def _n(name: str, kind: str, meaning: str, says: str, law: str = "") -> Feature:
    return Feature(name, kind, meaning, says, "", law)


CATALOGUE: tuple[Feature, ...] = (
    # Domain name and registration (RDAP), as of the report date.
    _n(
        "domain_length",
        "int",
        "characters in the domain label",
        "domain name of {v:.0f} characters",
    ),
    _n(
        "domain_hyphens", "int", "hyphens in the domain label", "{v:.0f} hyphens in the domain name"
    ),
    _n("domain_digits", "int", "digits in the domain label", "{v:.0f} digits in the domain name"),
    _b(
        "domain_tld_cheap",
        "the TLD is one favoured by throw-away shops (.shop, .top, .xyz...)",
        "cheap throw-away TLD",
        "established TLD",
    ),
    _b(
        "domain_tld_market",
        "the TLD is a country TLD of the markets served (.fr, .de...)",
        "country TLD",
        "not a country TLD",
    ),
    _n(
        "domain_sales_words",
        "int",
        "sales words in the domain (outlet, soldes, official...)",
        "{v:.0f} sales words in the domain name",
    ),
    _b(
        "domain_brand_lookalike",
        "the domain uses a brand it is not (nike-outlet) or a near miss of one (adiddas)",
        "domain name uses or imitates a well-known brand",
        "no brand imitation in the domain",
    ),
    _b(
        "rdap_found",
        "an RDAP record of the domain was captured",
        "registration record found",
        "no registration record (RDAP) for the domain",
    ),
    _n(
        "domain_age_days",
        "float",
        "days from the domain's registration to the report",
        "domain registered {v:.0f} days before the report",
    ),
    _n(
        "domain_registration_span_days",
        "float",
        "days from registration to expiry",
        "domain registered for {v:.0f} days in all",
    ),
    _n(
        "domain_days_since_change",
        "float",
        "days from the last change of the domain to the report",
        "domain record changed {v:.0f} days before the report",
    ),
    _b(
        "domain_registrant_redacted",
        "the registrant's identity is redacted or behind a proxy",
        "registrant hidden by privacy redaction",
        "registrant named in the registry",
    ),
    # Legal notice.
    _b(
        "legal_page_found",
        "a legal-notice page (mentions légales, Impressum...) was found",
        "legal notice page found",
        "no legal notice page",
        LCEN,
    ),
    _b(
        "terms_page_found",
        "a terms-of-sale page (CGV, AGB...) was found",
        "terms of sale found",
        "no terms of sale",
        CONSO_INFO,
    ),
    _b("contact_page_found", "a contact page was found", "contact page found", "no contact page"),
    _b(
        "legal_company_id",
        "a company identifier is given (SIREN, VAT, HRB, P.IVA, NIF...)",
        "company identifier given",
        "no company identifier (SIREN, VAT...) on the legal notice",
        LCEN,
    ),
    _b(
        "legal_company_id_valid",
        "every company identifier that has a checksum passes it",
        "company identifiers pass their checksums",
        "a company identifier fails its checksum",
        LCEN,
    ),
    _b(
        "legal_siren",
        "a SIREN or SIRET is given",
        "SIREN given",
        "no SIREN on the legal notice",
        LCEN,
    ),
    _b(
        "legal_siren_luhn_ok",
        "every SIREN given passes the Luhn checksum",
        "SIREN passes the Luhn check",
        "SIREN fails the Luhn check (invented or mistyped)",
        LCEN,
    ),
    _b("legal_vat", "an intra-EU VAT number is given", "VAT number given", "no VAT number", LCEN),
    _b(
        "legal_vat_key_ok",
        "the French VAT key matches its SIREN",
        "VAT key matches",
        "French VAT number with a wrong key",
        LCEN,
    ),
    _b(
        "legal_vat_matches_siren",
        "the VAT number is that of the SIREN given",
        "VAT number and SIREN agree",
        "VAT number belongs to another SIREN",
        LCEN,
    ),
    _b(
        "legal_identity_conflict",
        "two pages name different companies or company numbers",
        "pages name different companies",
        "one identity on every page",
        LCEN,
    ),
    _b(
        "legal_company_form",
        "a legal form is given (SAS, SARL, GmbH, Ltd...)",
        "legal form given",
        "no company name with a legal form",
        LCEN,
    ),
    _b(
        "legal_registry",
        "a trade register is named (RCS, Handelsregister...)",
        "trade register named",
        "no trade register (RCS) named",
        LCEN,
    ),
    _b(
        "legal_capital",
        "the share capital is given",
        "share capital given",
        "no share capital",
        LCEN,
    ),
    _b(
        "legal_address",
        "a postal address with a postcode is given",
        "postal address given",
        "no postal address",
        LCEN,
    ),
    _b("legal_phone", "a phone number is given", "phone number given", "no phone number", LCEN),
    _b("legal_email", "an e-mail address is given", "e-mail given", "no e-mail address", LCEN),
    _b(
        "legal_director",
        "a publication director or managing director is named",
        "publication director named",
        "no publication director",
        LCEN,
    ),
    _b("legal_host", "the host is named", "host named", "no host named", LCEN),
    _b(
        "legal_mediator",
        "a consumer mediator is named",
        "consumer mediator named",
        "no consumer mediator",
        "Code de la consommation L616-1",
    ),
    _b(
        "legal_withdrawal_14d",
        "the 14-day withdrawal right is stated",
        "14-day withdrawal right stated",
        "no 14-day withdrawal right stated",
        CONSO_WITHDRAWAL,
    ),
    _n(
        "legal_completeness",
        "float",
        "share of the required legal-notice fields given",
        "legal notice {v:.0%} complete",
        LCEN,
    ),
    _b(
        "legal_email_freemail",
        "the seller's e-mail is on a free-mail provider",
        "seller e-mail on a free-mail provider",
        "seller e-mail not on free-mail",
    ),
    _b(
        "legal_email_own_domain",
        "the seller's e-mail is on the shop's own domain",
        "seller e-mail on the shop's domain",
        "seller e-mail not on the shop's domain",
    ),
    _b(
        "legal_company_matches_site",
        "the company named fits the shop's name or domain",
        "company name fits the shop",
        "the company named does not fit the shop's name or domain",
        LCEN,
    ),
    # Payment.
    _b("pay_card", "card payment is shown", "card payment shown", "no card payment"),
    _b("pay_paypal", "PayPal is shown", "PayPal shown", "no PayPal"),
    _b(
        "pay_wallet",
        "Apple Pay, Google Pay or another wallet is shown",
        "wallet payment shown",
        "no wallet",
    ),
    _b(
        "pay_deferred",
        "deferred payment (Klarna, 3x...) is shown",
        "deferred payment shown",
        "no deferred payment",
    ),
    _b("pay_cod", "cash on delivery is offered", "cash on delivery", "no cash on delivery"),
    _b("pay_transfer", "bank transfer is offered", "bank transfer offered", "no bank transfer"),
    _b(
        "pay_money_transfer",
        "cash sent on: a money transfer (Western Union, MoneyGram) or prepaid vouchers (PCS,"
        " Transcash, Neosurf...) are asked for",
        "payment by money transfer or prepaid vouchers (Western Union, PCS...)",
        "no money transfer or prepaid vouchers",
    ),
    _b(
        "pay_crypto",
        "crypto-currency payment is offered",
        "payment in crypto-currency",
        "no crypto",
    ),
    _n(
        "pay_protected_count",
        "int",
        "methods with buyer protection shown (card, PayPal...)",
        "{v:.0f} protected payment methods shown",
    ),
    _b(
        "pay_checkout_found",
        "a cart or checkout page was captured",
        "checkout page captured",
        "no checkout page captured",
    ),
    _b(
        "pay_protected_offered",
        "a method with buyer protection (card, PayPal...) is really offered",
        "card or PayPal offered",
        "no protected payment method (card, PayPal) offered",
    ),
    _b(
        "pay_irreversible_only",
        "only irreversible methods (transfer, money order, crypto, vouchers)",
        "payment by bank transfer or other irreversible means only",
        "a reversible payment method offered",
    ),
    _b(
        "pay_logo_checkout_mismatch",
        "card or PayPal logos are shown but the checkout offers neither",
        "card/PayPal logos shown but the checkout does not offer them",
        "checkout matches the logos",
    ),
    # Text.
    _n(
        "text_urgency_phrases",
        "int",
        "distinct urgency and scarcity phrases over all pages",
        "{v:.0f} different urgency phrases (limited stock, ends soon...)",
    ),
    _n(
        "text_guarantee_phrases",
        "int",
        "distinct guarantee and reassurance phrases over all pages",
        "{v:.0f} different reassurance phrases",
    ),
    _n(
        "text_max_discount_claim",
        "int",
        "largest discount claimed in the text, in percent (a percentage in a discount context)",
        "discounts of up to {v:.0f}% claimed",
    ),
    _n(
        "text_languages", "int", "languages detected across pages", "{v:.0f} languages across pages"
    ),
    _b(
        "text_language_fits_tld",
        "the landing page is in the language of its country TLD",
        "site in the language of its country domain",
        "site not in the language of its country domain (.fr in English...)",
    ),
    # Prices.
    _n(
        "price_struck_count", "int", "struck-through former prices", "{v:.0f} struck-through prices"
    ),
    _n(
        "price_max_discount",
        "float",
        "deepest discount against a former price",
        "discount of {v:.0%} against a former price",
    ),
    _n(
        "price_mean_discount",
        "float",
        "mean discount against former prices",
        "mean discount of {v:.0%} against former prices",
    ),
    _n(
        "price_share_pages_discounted",
        "float",
        "share of the pages showing prices that show a former price",
        "{v:.0%} of priced pages show discounts",
    ),
    _n(
        "price_jsonld_offers",
        "int",
        "prices in structured data (JSON-LD, microdata or Open Graph offers)",
        "{v:.0f} structured prices",
    ),
    _n(
        "price_min_over_median",
        "float",
        "cheapest price over the median price (structured offers, else visible prices; 3 or more)",
        "cheapest product at {v:.0%} of the median price",
    ),
    # Structure. How much a crawler captured (pages, links, non-HTML responses) and how long a
    # template's text runs are facts of the capture and the platform, not of the fraud: other
    # crawlers' single-page captures of real shops hold 20 times the sample's links and 10 times
    # its words, so such counts are not model inputs (the capture's own `pages` column keeps the
    # page count for the investigator).
    _n(
        "social_links_dead",
        "int",
        "social-network links that lead to no profile",
        "{v:.0f} social links that lead to no profile",
    ),
    _n(
        "trust_badges_unlinked",
        "int",
        "trust badges that do not link to their certifier",
        "{v:.0f} trust badges that link to nothing",
    ),
    _b(
        "countdown_timer",
        "a countdown timer pushes buyers",
        "countdown timer on the site",
        "no countdown timer",
    ),
    # Payment IBAN (features/identity_context.py), from the pages.
    _b(
        "iban_shown",
        "an IBAN is shown on the pages (payment by bank transfer to it)",
        "an IBAN is shown for payment",
        "no IBAN shown",
    ),
    _b(
        "iban_valid",
        "every IBAN shown passes its country's structure and check digits (schwifty)",
        "the IBAN shown is valid",
        "an IBAN shown is invalid (wrong check digits or structure)",
    ),
    _b(
        "iban_country_is_shop",
        "the payment IBAN's country is the shop's country (its country TLD)",
        "the IBAN is of the shop's country",
        "the IBAN is of another country than the shop's",
    ),
    _b(
        "iban_country_is_company",
        "the payment IBAN's country is the country of the company the notice names",
        "the IBAN is of the company's country",
        "the IBAN is of another country than the company's",
    ),
    # Company register (SIRENE), as of the report: filled once the table is built
    # (models/identity.py), unknown without a register, a SIREN or for a foreign company.
    _b(
        "register_found",
        "the notice's SIREN is in the company register",
        "the SIREN is in the company register",
        "the SIREN is not in the company register",
    ),
    _b(
        "register_active_at_report",
        "the company was active in the register at the report date",
        "the company was active at the report date",
        "the company was not active at the report date",
    ),
    _n(
        "register_company_age_days",
        "float",
        "days from the company's creation to the report (register)",
        "company created {v:.0f} days before the report",
    ),
    _b(
        "register_created_after_domain",
        "the company was created after the shop's domain was registered",
        "the company was created after the domain",
        "the company existed before the domain",
    ),
    _n(
        "register_name_similarity",
        "float",
        "best match (0-1) of the notice's company name to the register's names",
        "notice's company name matches the register's at {v:.2f}",
    ),
    _b(
        "register_postcode_match",
        "the notice's postcode is one of the company's establishments'",
        "the notice's postcode is the company's",
        "the notice's postcode is not the company's",
    ),
    _b(
        "register_naf_retail",
        "the register's activity code is a retail or online-selling trade",
        "the company is registered for a retail trade",
        "the company is not registered for a retail trade",
    ),
    # Linked operators (models/links.py): cases sharing a strong identifier or a template,
    # counted as of the report, verdicts only when dated before it. Filled by models/identity.py.
    _n(
        "link_cases_before",
        "int",
        "earlier cases linked to this one by a shared identifier or template",
        "linked to {v:.0f} earlier cases",
    ),
    _n(
        "link_fraud_before",
        "int",
        "linked cases confirmed as fraud by a verdict dated before the report",
        "linked to {v:.0f} confirmed frauds",
    ),
    _n(
        "link_legit_before",
        "int",
        "linked cases confirmed as genuine by a verdict dated before the report",
        "linked to {v:.0f} cases confirmed genuine",
    ),
)

# Which way a feature may move the score, from what investigators know of frauds: +1 a higher value
# may only raise it, -1 only lower it, absent: either way. The model is held to these (LightGBM
# monotone constraints), so that a site that fixes its legal notice or offers card payment is never
# scored worse for it, whatever quirks the training sample has.
DIRECTIONS: dict[str, int] = {
    "domain_length": 1,  # fake shops string keywords together ("cheap-sneakers-outlet-paris")
    "domain_tld_cheap": 1,
    "domain_sales_words": 1,
    "domain_brand_lookalike": 1,
    "rdap_found": -1,
    "domain_age_days": -1,
    "domain_registration_span_days": -1,
    "domain_days_since_change": -1,
    "domain_registrant_redacted": 1,
    "legal_page_found": -1,
    "terms_page_found": -1,
    "contact_page_found": -1,
    "legal_company_id": -1,
    "legal_company_id_valid": -1,
    "legal_siren": -1,
    "legal_siren_luhn_ok": -1,
    "legal_vat": -1,
    "legal_vat_key_ok": -1,
    "legal_vat_matches_siren": -1,
    "legal_identity_conflict": 1,
    "legal_company_form": -1,
    "legal_registry": -1,
    "legal_capital": -1,
    "legal_address": -1,
    "legal_phone": -1,
    "legal_email": -1,
    "legal_director": -1,
    "legal_host": -1,
    "legal_mediator": -1,
    "legal_withdrawal_14d": -1,
    "legal_completeness": -1,
    "legal_email_freemail": 1,
    "legal_email_own_domain": -1,
    "legal_company_matches_site": -1,
    "pay_card": -1,
    "pay_paypal": -1,
    "pay_wallet": -1,
    "pay_deferred": -1,
    "pay_cod": -1,
    "pay_transfer": 1,
    "pay_money_transfer": 1,
    "pay_crypto": 1,
    "pay_protected_count": -1,
    "pay_checkout_found": -1,  # a front with nothing to buy from
    "pay_protected_offered": -1,
    "pay_irreversible_only": 1,
    "pay_logo_checkout_mismatch": 1,
    "text_urgency_phrases": 1,
    "text_guarantee_phrases": 1,  # reassurance piled up is a fake front's, never a shop's duty
    "text_language_fits_tld": -1,
    "text_languages": 1,
    "trust_badges_unlinked": 1,
    "social_links_dead": 1,
    "text_max_discount_claim": 1,
    "price_max_discount": 1,
    "price_mean_discount": 1,
    "price_share_pages_discounted": 1,
    "price_min_over_median": -1,  # the bait: one product far below the rest of the catalogue
    "iban_valid": -1,
    "iban_country_is_shop": -1,
    "iban_country_is_company": -1,
    "register_found": -1,
    "register_active_at_report": -1,
    "register_company_age_days": -1,
    "register_created_after_domain": 1,
    "register_name_similarity": -1,
    "register_postcode_match": -1,
    "register_naf_retail": -1,
    "link_fraud_before": 1,
    "link_legit_before": -1,
}

# Checks that cannot be made when there is nothing to check (no SIREN to validate, no e-mail, no
# checkout): the extractors say "unknown" (None), and the model sees them as "not shown to be good"
# (0 for a check that lowers the score when true) or "not shown to be bad" (0 for one that raises
# it). A learnt default for missing values could otherwise rank "no SIREN at all" above "a valid
# SIREN", and the monotone rules above would not stop it: they only order known values.
UNKNOWN_AS: dict[str, float] = {
    "legal_company_id_valid": 0.0,
    "legal_siren_luhn_ok": 0.0,
    "legal_vat_key_ok": 0.0,
    "legal_vat_matches_siren": 0.0,
    "legal_email_own_domain": 0.0,
    "legal_company_matches_site": 0.0,
    "legal_email_freemail": 0.0,
    "pay_protected_offered": 0.0,
    "pay_logo_checkout_mismatch": 0.0,
    # No country language to compare with (.com), or too little text to tell: no mismatch shown.
    "text_language_fits_tld": 1.0,
    # Fewer than three prices: no catalogue to find a bait in.
    "price_min_over_median": 1.0,
    # No IBAN shown, or no country to compare with: no bad IBAN shown.
    "iban_valid": 1.0,
    "iban_country_is_shop": 1.0,
    "iban_country_is_company": 1.0,
}

# Missing evidence again: without a register, a SIREN, or for a foreign company, the register
# cannot tell, and each register fact is seen on its side that does not raise the score (found,
# active, old, created before the domain, the notice's name, its postcode, a retail trade),
# beyond any value a real register row gives: a register can only confirm or lower trust, its
# absence never raises a score. Applied to unknown values by models/table.py's feature_matrix.
NO_REGISTER_DAYS = 100_000.0  # about 270 years: older than any real company
UNKNOWN_REGISTER_AS: dict[str, float] = {
    "register_found": 1.0,
    "register_active_at_report": 1.0,
    "register_company_age_days": NO_REGISTER_DAYS,
    "register_created_after_domain": 0.0,
    "register_name_similarity": 1.0,
    "register_postcode_match": 1.0,
    "register_naf_retail": 1.0,
}
# Features filled once the whole table is built (models/identity.py), not by the per-site
# pipeline, which leaves them unknown: the register is opened once per run, and links need
# every case.
TABLE_FEATURES: frozenset[str] = frozenset(
    [*UNKNOWN_REGISTER_AS, "link_cases_before", "link_fraud_before", "link_legit_before"]
)

# Missing evidence is not evidence of fraud. The registration facts read from a domain's RDAP
# record cannot be checked when there is no record (many country TLDs publish none) or the record
# lacks the date: the model then sees each of them on its side that does not raise the score (an
# old, unredacted name), beyond any value a real record gives, so removing a record
# can never raise a site's score (every one of these features is monotone above). Training adds a
# copy of each row with its record withheld (models/train.py), so the model learns what that state
# says on the pages alone instead of reading it as a real old domain.
NO_RECORD_DAYS = 100_000.0  # about 270 years: past any real registration
UNKNOWN_RECORD_AS: dict[str, float] = {
    "rdap_found": 1.0,
    "domain_age_days": NO_RECORD_DAYS,
    "domain_registration_span_days": NO_RECORD_DAYS,
    "domain_days_since_change": NO_RECORD_DAYS,
    "domain_registrant_redacted": 0.0,
}

# Missing pages are not evidence of fraud either. When a site's legal notice, terms or contact page
# is linked but was not captured, or was blocked (features/linked.py, features/blocked.py), its
# `*_page_found` is unknown and so is each legal fact the captured pages do not give. The model
# then sees each such unknown on its side that does not raise the score (a page found, a field
# given, a check passed, no conflict), so losing a page can never raise a site's score: every one
# of these features is monotone above. Known facts stay what they are: the site is scored on what
# is there. Applied before UNKNOWN_AS, which reads "nothing to check" for sites with every page.
PAGE_FOUND = ("legal_page_found", "terms_page_found", "contact_page_found")
UNKNOWN_PAGE_AS: dict[str, float] = {
    name: (0.0 if direction > 0 else 1.0)
    for name, direction in DIRECTIONS.items()
    if name.startswith("legal_") or name in PAGE_FOUND
}

# The same holds for a checkout linked but not captured, or blocked (`pay_checkout_found`
# unknown): which methods a buyer could use there is unknown. A protected method (card, PayPal...)
# that the captured pages do not show is then unknown, not absent, and every such payment fact is
# set on its side that does not raise the score; methods the pages do show stay what they are.
CHECKOUT_FOUND = "pay_checkout_found"
UNKNOWN_CHECKOUT_AS: dict[str, float] = {
    **{
        name: (0.0 if direction > 0 else 1.0)
        for name, direction in DIRECTIONS.items()
        if name.startswith("pay_")
    },
    "pay_protected_count": 5.0,  # every protected method (features/payment.py PROTECTED)
}

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in CATALOGUE)
BY_NAME: dict[str, Feature] = {f.name: f for f in CATALOGUE}


def describe(name: str, value: float | int | bool | None) -> str:
    """One reason, in words, for a feature's value on a row."""
    feature = BY_NAME[name]
    if value is None or value != value:  # None or NaN: the fact could not be established
        return f"unknown: {feature.meaning}"
    if feature.kind == "bool":
        text = feature.says if bool(value) else feature.says_false
    else:
        text = feature.says.format(v=value)
    return text
