"""English: link texts, legal-notice labels (UK Companies Act, consumer contract rules) and
sales words, matched as whole words (see `features/lexicon/__init__.py` and `fr.py`)."""

LEGAL_LINK = (
    r"legal[\s_-]*notices?",
    r"imprint",
    r"legal[\s_-]*information",
    r"about[\s_-]*us",
    r"company[\s_-]*information",
)
TERMS_LINK = (
    r"terms(?:[\s_-]*(?:and|&|of)?[\s_-]*(?:conditions|sales?|service|use))?",
    r"t&cs?",
)
CONTACT_LINK = (r"contact[\s_-]*us", r"customer[\s_-]*services?")
# "/onestepcheckout/", "/fastcheckout": checkout modules name their pages so.
CHECKOUT_LINK = (
    r"(?:onestep|fast|e?xpress|quick)?checkouts?",
    r"cart",
    r"basket",
    r"place orders?",
    r"payment",
)
RETURNS_LINK = (r"shipping", r"delivery", r"returns?", r"refunds?")

COMPANY_FORM = (r"Ltd\.?", r"Limited", r"LLP", r"PLC", r"Inc\.?", r"LLC")
REGISTRY = (
    r"company (?:registration )?(?:number|no\.?)",
    r"registered in england",
    r"companies house",
    r"registration number",
)
CAPITAL = (r"share capital",)
DIRECTOR = (r"director", r"publication manager", r"responsible for (?:the )?content")
HOST = (r"hosted by", r"hosting provider", r"host(?:ing)?")
MEDIATOR = (r"mediat(?:or|ion)", r"dispute resolution", r"ODR", r"ombudsman")
WITHDRAWAL = (
    r"14[- ]days?.{0,120}(?:cancel|withdraw|return)\p{L}*",
    r"(?:cancel|withdraw)\w*.{0,120}14[- ]days?",
    r"right (?:of|to) withdraw\p{L}*",
)

URGENCY = (
    r"only \d+ left",
    r"last (?:few )?items?",
    r"limited (?:stock|time|offer)",
    r"hurry",
    r"ends (?:today|soon|in)",
    r"today only",
    r"closing down",
    r"clearance",
    r"last chance",
    r"selling fast",
    r"while stocks last",
)
GUARANTEE = (
    r"money[- ]back",
    r"guarantee[sd]?",
    r"secure (?:payment|checkout)",
    r"free (?:shipping|delivery)",
)

STOPWORDS = (
    "the",
    "and",
    "for",
    "with",
    "you",
    "your",
    "our",
    "are",
    "this",
    "that",
    "from",
    "have",
    "will",
    "all",
    "can",
    "not",
    "more",
    "was",
    "but",
    "its",
    "of",
    "to",
    "in",
    "is",
)

PAY_CARD = (r"card payments?", r"pay by card")
PAY_TRANSFER = (r"bank transfer", r"wire transfer", r"bank deposit", r"direct deposit")
PAY_COD = (r"cash on delivery", r"pay(?:ment)? on delivery")
PAY_DEFERRED = (r"buy now,? pay later", r"pay in [34]")

# A percentage is a discount claim only in a discount context ("98% of users" is not one).
DISCOUNT_CLAIM = (
    r"(?:discount|save|sale|reduction|markdown)\s(?:of\s)?(?:up to\s)?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:off|discount|reduction|savings?)\b",  # DISCOUNT_CLAIM is open-ended
)
