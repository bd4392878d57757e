r"""French: link texts, legal-notice labels (LCEN art. 6, Code de la consommation) and sales words.

Entries are regular-expression sources matched case-insensitively and as whole words (see
`features/lexicon/__init__.py`): plurals and the longer words an entry must also find are
written out (`garanties?`, `contact\p{L}*`).
"""

# Links and pages, by link text or URL path.
LEGAL_LINK = (r"mentions?[\s_-]*l[ée]gales?", r"informations? l[ée]gales?", r"qui sommes[- ]nous")
TERMS_LINK = (
    r"cgv",
    r"cgu",
    r"conditions?[\s_-]*g[ée]n[ée]rales?",
    r"conditions?[\s_-]*de[\s_-]*vente",
)
CONTACT_LINK = (r"contact\p{L}*", r"nous contacter", r"service client")
CHECKOUT_LINK = (r"panier", r"commande", r"paiement", r"valider (?:ma|la) commande")
RETURNS_LINK = (r"livraisons?", r"retours?", r"remboursements?")

# Legal-notice fields.
COMPANY_FORM = (
    r"SASU?",
    r"SARL",
    r"EURL",
    r"S\.A\.S\.?",
    r"SCI",
    r"SNC",
    r"entreprise individuelle",
    r"auto[- ]entrepreneur",
    r"micro[- ]entreprise",
)
REGISTRY = (r"RCS", r"registre du commerce", r"RM\s+[\p{L}\p{N}]+", r"r[ée]pertoire des m[ée]tiers")
CAPITAL = (r"capital(?: social)? de", r"au capital", r"capital social")
DIRECTOR = (
    r"directeur de (?:la )?publication",
    r"directrice de (?:la )?publication",
    r"responsable de (?:la )?publication",
    r"directeur de la r[ée]daction",
)
HOST = (r"h[ée]berg[ée]?(?:ur|e|é)?", r"h[ée]bergement", r"h[ée]bergeur")
# "médiateurfevad", "mediationconso": the mediators' web addresses name them too.
MEDIATOR = (r"m[ée]diat(?:eur|rice|ion)\p{L}*", r"r[èe]glement des litiges")
WITHDRAWAL = (
    r"(?:14|quatorze) jours.{0,120}r[ée]tractation",
    r"r[ée]tractation.{0,120}(?:14|quatorze) jours",
)

# Sales pressure.
URGENCY = (
    r"derni[èe]res? pi[èe]ces?",
    r"plus que \d+",
    r"stock limit[ée]",
    r"offre limit[ée]e",
    r"d[ée]p[êe]chez[- ]vous",
    r"vite",
    r"expire(?:nt|ra)?",
    r"aujourd'hui seulement",
    r"liquidation",
    r"fermeture d[ée]finitive",
    r"d[ée]stockage",
    r"derni[èe]re chance",
    r"se termine dans",
    r"temps limit[ée]",
)
GUARANTEE = (
    r"satisfait ou rembours[ée]",
    r"garanties?",
    r"paiement s[ée]curis[ée]",
    r"livraison (?:offerte|gratuite)",
)

STOPWORDS = (
    "le",
    "la",
    "les",
    "des",
    "une",
    "est",
    "pour",
    "avec",
    "dans",
    "sur",
    "vous",
    "nous",
    "votre",
    "notre",
    "qui",
    "que",
    "pas",
    "plus",
    "par",
    "aux",
    "du",
    "et",
    "au",
    "ce",
)

# Payment words (brands are in `neutral.py`).
PAY_CARD = (r"carte (?:bancaire|de paiement|de cr[ée]dit)",)
PAY_TRANSFER = (r"virement(?: bancaire)?", r"RIB")
PAY_COD = (
    r"contre[- ]remboursement",
    r"paiement (?:en esp[eè]ces )?[àa] la (?:livraison|r[ée]ception)",
)
PAY_DEFERRED = (r"(?:paiement )?en [234] fois",)

# A percentage is a discount claim only in a discount context ("TVA 20%" is not one).
DISCOUNT_CLAIM = (
    r"(?:r[ée]duction|remise|rabais|soldes?|promo(?:tion)?|[ée]conomi(?:e|sez))"
    r"\s(?:de\s|d'|jusqu'[àa]\s)?-?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:de\s)?(?:r[ée]duction|remise|rabais)",
)
