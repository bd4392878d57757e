"""German: Impressum (TMG/DDG § 5), AGB, Widerrufsrecht (BGB § 355) and sales words."""

LEGAL_LINK = (r"\bimpressum\b", r"anbieterkennzeichnung", r"rechtliche[s]? hinweise?")
TERMS_LINK = (r"\bAGB\b", r"allgemeine[n]? gesch[äa]ftsbedingungen", r"widerrufsbelehrung")
CONTACT_LINK = (r"\bkontakt\b", r"kundenservice")
CHECKOUT_LINK = (r"\bkasse\b", r"warenkorb", r"zur kasse", r"bezahlung", r"bestellung")
RETURNS_LINK = (r"versand", r"r[üu]cksendung", r"lieferung")

COMPANY_FORM = (
    r"\bGmbH\b",
    r"\bUG\b",
    r"\bAG\b",
    r"\bKG\b",
    r"\bOHG\b",
    r"\be\.\s?K\.",
    r"\bGbR\b",
)
REGISTRY = (r"handelsregister", r"\bHR[AB]\s?\d+", r"registergericht", r"amtsgericht")
CAPITAL = (r"stammkapital", r"grundkapital")
DIRECTOR = (
    r"gesch[äa]ftsf[üu]hr(?:er|erin|ung)",
    r"vertreten durch",
    r"verantwortlich(?:er)?\b",
    r"inhaber(?:in)?\b",
)
HOST = (r"hosting", r"gehostet", r"\bhoster\b")
MEDIATOR = (
    r"streitbeilegung",
    r"schlichtung",
    r"verbraucherschlichtungsstelle",
    r"\bOS[- ]plattform",
)
WITHDRAWAL = (r"(?:14|vierzehn) tage.{0,120}widerruf", r"widerruf.{0,120}(?:14|vierzehn) tage")

URGENCY = (
    r"nur noch \d+",
    r"letzte (?:chance|st[üu]cke)",
    r"begrenzt",
    r"schnell sein",
    r"nur heute",
    r"endet (?:heute|bald|in)",
    r"r[äa]umungsverkauf",
    r"ausverkauf",
    r"solange der vorrat reicht",
)
GUARANTEE = (r"geld[- ]zur[üu]ck", r"garantie", r"sichere zahlung", r"kostenloser versand")

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

PAY_CARD = (r"kreditkarte", r"\bEC[- ]karte\b")
PAY_TRANSFER = (r"[üu]berweisung", r"vorkasse", r"bank[üu]berweisung")
PAY_COD = (r"nachnahme", r"(?:bar)?zahlung bei (?:lieferung|zustellung)")
PAY_DEFERRED = (r"\bratenkauf\b", r"kauf auf rechnung", r"\brechnung\b")

# A percentage is a discount claim only in a discount context ("MwSt. 19%" is not one).
DISCOUNT_CLAIM = (
    r"(?:rabatt|reduziert|sparen|spare|sale|nachlass)\s(?:von\s|um\s|bis zu\s)?-?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:rabatt|reduziert|nachlass|g[üu]nstiger|sparen)",
)
