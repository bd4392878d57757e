"""Italian: note legali (d.lgs. 70/2003), condizioni di vendita, diritto di recesso, sales words,
matched as whole words (see `features/lexicon/__init__.py`)."""

LEGAL_LINK = (r"note[\s_-]*legali", r"informazioni[\s_-]*legali", r"chi siamo", r"dati societari")
TERMS_LINK = (r"condizioni[\s_-]*(?:generali|di[\s_-]*vendita)", r"termini")
CONTACT_LINK = (r"contatt[io]", r"assistenza clienti")
CHECKOUT_LINK = (r"carrello", r"cassa", r"pagamento", r"ordine")
RETURNS_LINK = (r"spedizion[ei]", r"reso", r"resi", r"rimborso")

COMPANY_FORM = (
    r"S\.?r\.?l\.?s?",
    r"S\.?p\.?A\.?",
    r"S\.?n\.?c\.?",
    r"ditta individuale",
)
REGISTRY = (r"REA", r"registro (?:delle )?imprese", r"C\.?F\.?")
CAPITAL = (r"capitale sociale",)
DIRECTOR = (r"amministratore", r"legale rappresentante", r"responsabile")
HOST = (r"hosting", r"ospitato", r"fornitore (?:del )?servizio")
MEDIATOR = (r"risoluzione (?:alternativa )?delle controversie", r"mediazione", r"ODR")
WITHDRAWAL = (
    r"(?:14|quattordici) giorni.{0,120}recesso",
    r"recesso.{0,120}(?:14|quattordici) giorni",
)

URGENCY = (
    r"ultimi pezzi",
    r"solo \d+ rimast[ie]",
    r"offerta limitata",
    r"affrettati",
    r"termina (?:oggi|presto|tra)",
    r"solo oggi",
    r"svendita",
    r"chiusura definitiva",
    r"ultima occasione",
)
GUARANTEE = (
    r"soddisfatti o rimborsati",
    r"garanzi[ae]",
    r"pagamento sicuro",
    r"spedizione gratuita",
)

STOPWORDS = (
    "il",
    "lo",
    "la",
    "gli",
    "le",
    "di",
    "che",
    "e",
    "un",
    "una",
    "per",
    "con",
    "non",
    "sono",
    "del",
    "della",
    "dei",
    "al",
    "nel",
    "su",
    "come",
    "più",
    "questo",
    "nostro",
)

PAY_CARD = (r"carta di credito", r"carta di debito", r"postepay")
PAY_TRANSFER = (r"bonifico(?: bancario)?",)
PAY_COD = (r"contrassegno", r"pagamento (?:alla|in) consegna")
PAY_DEFERRED = (r"paga in [34] rate",)

# A percentage is a discount claim only in a discount context ("IVA 22%" is not one).
DISCOUNT_CLAIM = (
    r"(?:sconto|saldi|risparmia|offerta)\s(?:del\s|di\s|fino al\s)?-?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:di\s)?sconto",
)
