"""English: link texts, legal-notice labels (UK Companies Act, consumer contract rules) and
sales words."""

LEGAL_LINK = (
    r"legal[\s_-]*notice",
    r"\bimprint\b",
    r"legal[\s_-]*information",
    r"about[\s_-]*us",
    r"company[\s_-]*information",
)
TERMS_LINK = (r"terms(?:[\s_-]*(?:and|&|of)[\s_-]*(?:conditions|sale|service))?", r"\bt&cs?\b")
CONTACT_LINK = (r"contact[\s_-]*us", r"customer[\s_-]*service")
CHECKOUT_LINK = (r"checkout", r"\bcart\b", r"\bbasket\b", r"place order", r"\bpayment\b")
RETURNS_LINK = (r"shipping", r"delivery", r"returns?", r"refunds?")

COMPANY_FORM = (r"\bLtd\b\.?", r"\bLimited\b", r"\bLLP\b", r"\bPLC\b", r"\bInc\b\.?", r"\bLLC\b")
REGISTRY = (
    r"company (?:registration )?(?:number|no\.?)",
    r"registered in england",
    r"companies house",
    r"registration number",
)
CAPITAL = (r"share capital",)
DIRECTOR = (r"\bdirector\b", r"publication manager", r"responsible for (?:the )?content")
HOST = (r"hosted by", r"hosting provider", r"\bhost(?:ing)?\b")
MEDIATOR = (r"\bmediat(?:or|ion)\b", r"dispute resolution", r"\bODR\b", r"ombudsman")
WITHDRAWAL = (
    r"14[- ]days?.{0,120}(?:cancel|withdraw|return)",
    r"(?:cancel|withdraw)\w*.{0,120}14[- ]days?",
    r"right (?:of|to) withdraw",
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
    r"guarantee",
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

PAY_CARD = (r"card payment", r"pay by card")
PAY_TRANSFER = (r"bank transfer", r"wire transfer", r"bank deposit", r"direct deposit")
PAY_COD = (r"cash on delivery", r"pay(?:ment)? on delivery")
PAY_DEFERRED = (r"buy now,? pay later", r"pay in [34]")

# A percentage is a discount claim only in a discount context ("98% of users" is not one).
DISCOUNT_CLAIM = (
    r"(?:discount|save|sale|reduction|markdown)\s(?:of\s)?(?:up to\s)?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:off|discount|reduction|savings?)\b",
)
