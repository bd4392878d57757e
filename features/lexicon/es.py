"""Spanish: aviso legal (LSSI art. 10), condiciones de venta, desistimiento and sales words,
matched as whole words (see `features/lexicon/__init__.py`)."""

LEGAL_LINK = (r"aviso[\s_-]*legal", r"informaci[óo]n[\s_-]*legal", r"qui[ée]nes somos")
TERMS_LINK = (r"condiciones[\s_-]*(?:generales|de[\s_-]*venta|de[\s_-]*compra)", r"t[ée]rminos")
CONTACT_LINK = (r"contacto", r"atenci[óo]n al cliente")
CHECKOUT_LINK = (r"carrito", r"finalizar (?:la )?compra", r"pago", r"pedido")
RETURNS_LINK = (r"env[íi]os?", r"devoluci[óo]n(?:es)?")

COMPANY_FORM = (
    r"S\.?L\.?U?",
    r"S\.A\.",
    r"sociedad limitada",
    r"sociedad an[óo]nima",
    r"aut[óo]nomo",
)
REGISTRY = (r"registro mercantil", r"NIF", r"CIF", r"hoja")
CAPITAL = (r"capital social",)
DIRECTOR = (r"administrador(?:a)?", r"responsable", r"representante legal")
HOST = (r"alojamiento", r"alojad[oa]", r"hosting")
MEDIATOR = (
    r"resoluci[óo]n (?:alternativa )?de (?:litigios|conflictos)",
    r"mediaci[óo]n",
    r"arbitraje de consumo",
)
WITHDRAWAL = (
    r"(?:14|catorce) d[íi]as.{0,120}desistimiento",
    r"desistimiento.{0,120}(?:14|catorce) d[íi]as",
)

URGENCY = (
    r"[úu]ltimas unidades",
    r"solo quedan \d+",
    r"oferta limitada",
    r"date prisa",
    r"termina (?:hoy|pronto|en)",
    r"solo hoy",
    r"liquidaci[óo]n",
    r"cierre definitivo",
    r"[úu]ltima oportunidad",
)
GUARANTEE = (r"devoluci[óo]n del dinero", r"garant[íi]as?", r"pago seguro", r"env[íi]o gratis")

STOPWORDS = (
    "el",
    "la",
    "los",
    "las",
    "de",
    "que",
    "y",
    "en",
    "un",
    "una",
    "por",
    "con",
    "para",
    "su",
    "sus",
    "es",
    "del",
    "al",
    "lo",
    "como",
    "más",
    "pero",
    "nuestro",
    "nuestra",
)

PAY_CARD = (r"tarjetas?(?: de cr[ée]dito| de d[ée]bito| bancarias?)?",)
PAY_TRANSFER = (r"transferencia(?: bancaria)?", r"bizum")
PAY_COD = (r"contra ?reembolso", r"pago (?:en efectivo )?(?:contra|a la|en la) entrega")
PAY_DEFERRED = (r"paga en [34] plazos", r"aplazame")

# A percentage is a discount claim only in a discount context ("IVA 21%" is not one).
DISCOUNT_CLAIM = (
    r"(?:descuento|rebajas?|ahorra|oferta)\s(?:del?\s|hasta\s(?:el\s)?)?-?\d{1,2}\s?%",
    r"\d{1,2}\s?%\s(?:de\s)?(?:descuento|dto\.?)",
)
