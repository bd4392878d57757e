r"""German: Impressum (TMG/DDG § 5), AGB, Widerrufsrecht (BGB § 355) and sales words.

Matched as whole words (see `features/lexicon/__init__.py`), and German joins words into
compounds: an entry that must also find the compounds it heads or ends says so with `\p{L}*`
("Versandkosten", "Verbraucherstreitbeilegung"); inflected endings are written out.
"""

LEGAL_LINK = (r"impressum", r"anbieterkennzeichnung", r"rechtliche[s]? hinweise?")
TERMS_LINK = (r"AGB", r"allgemeine[n]? gesch[äa]ftsbedingungen", r"widerrufsbelehrung")
CONTACT_LINK = (r"kontakt", r"kundenservice")
CHECKOUT_LINK = (r"kasse", r"warenkorbs?", r"zur kasse", r"bezahlung", r"bestellung(?:en)?")
RETURNS_LINK = (r"versand\p{L}*", r"r[üu]cksendung(?:en)?", r"lieferung(?:en)?", r"retouren?")

COMPANY_FORM = (
    r"GmbH",
    r"UG",
    r"AG",
    r"KG",
    r"OHG",
    r"e\.\s?K\.",
    r"GbR",
)
REGISTRY = (r"handelsregister", r"HR[AB]\s?\d+", r"registergericht", r"amtsgericht")
CAPITAL = (r"stammkapital", r"grundkapital")
DIRECTOR = (
    r"gesch[äa]ftsf[üu]hr(?:er(?:in(?:nen)?|s|n)?|ung)",
    r"vertreten durch",
    r"verantwortlich(?:er)?",
    r"inhaber(?:in)?",
)
HOST = (r"(?:web)?hosting", r"gehostet", r"hoster")
MEDIATOR = (
    r"\p{L}*streitbeilegung\p{L}*",
    r"\p{L}*schlichtung\p{L}*",
    r"verbraucherschlichtungsstelle",
    r"OS[- ]plattform",
)
WITHDRAWAL = (
    r"(?:14|vierzehn) tagen?.{0,120}widerruf\p{L}*",
    r"widerruf\p{L}*.{0,120}(?:14|vierzehn) tagen?",
)

URGENCY = (
    r"nur noch \d+",
    r"letzte (?:chance|st[üu]cke)",
    r"begrenzt(?:e[mnrs]?)?",
    r"schnell sein",
    r"nur heute",
    r"endet (?:heute|bald|in)",
    r"r[äa]umungsverkauf",
    r"ausverkauf",
    r"solange der vorrat reicht",
)
GUARANTEE = (
    r"geld[- ]zur[üu]ck",
    r"\p{L}*garantien?",
    r"garantiert",
    r"sichere zahlung",
    r"kostenloser versand",
)

STOPWORDS = (
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "mit",
    "sie",
    "den",
    "ein",
    "eine",
    "auf",
    "für",
    "von",
    "wir",
    "ihr",
    "ihre",
    "dem",
    "auch",
    "sich",
    "oder",
    "bei",
    "zu",
    "im",
)

PAY_CARD = (r"kreditkarten?", r"EC[- ]karten?")
PAY_TRANSFER = (r"(?:bank|sofort)?[üu]berweisung", r"vorkasse")
PAY_COD = (r"nachnahme", r"(?:bar)?zahlung bei (?:lieferung|zustellung)")
PAY_DEFERRED = (r"ratenkauf", r"kauf auf rechnung", r"rechnung")

# A percentage is a discount claim only in a discount context ("MwSt. 19%" is not one).
DISCOUNT_CLAIM = (
    r"(?:rabatt|reduziert|sparen|spare|sale|nachlass)\s(?:von\s|um\s|bis zu\s)?-?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:rabatt|reduziert|nachlass|g[üu]nstiger|sparen)",
)
