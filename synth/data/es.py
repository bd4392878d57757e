"""Spanish words, page texts and aviso-legal phrasings for synthetic shops (Spain, EUR)."""

CODE = "es"
HTML_LANG = "es"
LOCALE = "es-ES"
COUNTRY = "ES"
COUNTRY_NAME = "España"
DECIMAL = ","
THOUSANDS = "."
PRICE_FORMATS = ("{amount} €", "{amount}\u00a0€", "{amount}€")
LANG_PREFIX = "/es"

NAV = {
    "home": ("Inicio",),
    "shop": ("Tienda", "Todos los productos", "Catálogo", "Colecciones"),
    "new": ("Novedades", "Nueva colección"),
    "sale": ("Rebajas", "Ofertas", "Outlet", "Promociones"),
    "about": ("Sobre nosotros", "Quiénes somos", "Nuestra historia"),
    "contact": ("Contacto", "Contáctanos"),
    "cart": ("Carrito", "Mi carrito", "Cesta"),
    "account": ("Mi cuenta", "Iniciar sesión"),
    "search": ("Buscar", "Buscar productos…", "¿Qué estás buscando?"),
}

PAGES = {
    "legal": (
        ("Aviso legal", "Aviso Legal", "Información legal", "Aviso legal y condiciones de uso"),
        ("aviso-legal", "informacion-legal", "legal", "aviso-legal-y-condiciones"),
        ("Aviso legal", "Aviso Legal", "Información legal", "Legal"),
    ),
    "terms": (
        ("Condiciones generales de venta", "Condiciones de compra", "Términos y condiciones"),
        ("condiciones-generales-de-venta", "condiciones-de-compra", "terminos-y-condiciones"),
        ("Condiciones de venta", "Condiciones de compra", "Términos y condiciones"),
    ),
    "privacy": (
        ("Política de privacidad", "Privacidad"),
        ("politica-de-privacidad", "privacidad"),
        ("Política de privacidad", "Privacidad", "Cookies"),
    ),
    "contact": (
        ("Contacto", "Atención al cliente", "Contáctanos"),
        ("contacto", "atencion-al-cliente", "contactanos"),
        ("Contacto", "Atención al cliente", "Ayuda"),
    ),
    "delivery": (
        ("Envíos", "Información de envío", "Envíos y entregas", "Plazos de entrega"),
        ("envios", "informacion-de-envio", "envios-y-entregas", "gastos-de-envio"),
        ("Envíos", "Gastos de envío", "Entregas"),
    ),
    "returns": (
        ("Devoluciones", "Cambios y devoluciones", "Política de devoluciones"),
        ("devoluciones", "cambios-y-devoluciones", "politica-de-devoluciones"),
        ("Devoluciones", "Cambios y devoluciones"),
    ),
    "about": (
        ("Sobre nosotros", "Quiénes somos"),
        ("sobre-nosotros", "quienes-somos"),
        ("Sobre nosotros",),
    ),
    "checkout": (
        ("Pago", "Finalizar compra", "Tramitar pedido"),
        ("pago", "finalizar-compra", "checkout"),
        ("Pagar",),
    ),
    "cart": (("Carrito", "Tu carrito", "Cesta de la compra"), ("carrito", "cesta"), ("Carrito",)),
    "shop": (("Tienda", "Todos los productos"), ("tienda", "productos"), ("Tienda",)),
}

ADD_TO_CART = ("Añadir al carrito", "Añadir a la cesta", "Comprar", "Añadir")
BUY_NOW = ("Comprar ahora", "Comprar ya")
CHECKOUT_BUTTON = ("Realizar pedido", "Confirmar y pagar", "Finalizar compra", "Pagar ahora")
CONTINUE_SHOPPING = ("Seguir comprando", "Volver a la tienda")
IN_STOCK = ("En stock", "Disponible", "Envío en 24/48h", "Disponible para envío inmediato")
QUANTITY = ("Cantidad",)
DESCRIPTION = ("Descripción", "Detalles del producto", "Características")
REFERENCE = ("Referencia", "Ref.", "SKU")
REVIEWS = ("Opiniones de clientes", "Valoraciones", "Opiniones")
REVIEW_COUNT = ("{n} opiniones", "({n} valoraciones)")
NEWSLETTER = (
    ("Suscríbete a nuestra newsletter", "Tu correo electrónico", "Suscribirme"),
    ("10% de descuento en tu primer pedido", "Email", "Lo quiero"),
)
COPYRIGHT = (
    "© {year} {shop}. Todos los derechos reservados.",
    "© {year} {shop}",
    "Copyright {year} {shop}",
)
AGENCY_CREDIT = ("Diseño web: {agency}", "Desarrollado por {agency}", "Web creada por {agency}")
COOKIE_BANNER = (
    ("Utilizamos cookies para mejorar tu experiencia.", "Aceptar"),
    ("Este sitio web utiliza cookies. Si continúas navegando, aceptas su uso.", "OK"),
    ("Respetamos tu privacidad. ¿Aceptas las cookies de análisis?", "Aceptar todas"),
)
NOT_FOUND = (
    ("Página no encontrada", "Lo sentimos, la página que buscas no existe."),
    ("Error 404", "Esta página ya no está disponible."),
)

CART = {
    "title": ("Tu carrito", "Carrito", "Cesta"),
    "subtotal": ("Subtotal",),
    "shipping": ("Envío", "Gastos de envío"),
    "total": ("Total", "Total (IVA incluido)", "Total a pagar"),
    "free": ("Gratis", "Gratuito"),
}
CHECKOUT = {
    "title": ("Pago", "Finalizar compra", "Pago seguro"),
    "intro": ("Elige tu método de pago", "Método de pago", "¿Cómo quieres pagar?"),
    "address": ("Dirección de envío", "Tus datos", "Datos de facturación"),
    "fields": ("Nombre", "Apellidos", "Dirección", "Código postal", "Ciudad", "Teléfono", "Email"),
    "secure": ("Pago 100% seguro", "Tus datos están cifrados (SSL)", "Transacciones seguras", ""),
    "accepted": ("Métodos de pago aceptados", "Aceptamos", "Formas de pago"),
}
METHOD_LABELS = {
    "card": ("Tarjeta de crédito / débito", "Pago con tarjeta", "Tarjeta", "Visa, Mastercard"),
    "paypal": ("PayPal", "Pagar con PayPal"),
    "applepay": ("Apple Pay",),
    "googlepay": ("Google Pay",),
    "klarna": ("Klarna - paga en 3 plazos", "Klarna"),
    "alma": ("Alma - pago a plazos",),
    "bancontact": ("Bancontact",),
    "cod": ("Contrareembolso", "Pago contra reembolso"),
    "sepa_debit": ("Domiciliación SEPA",),
    "bizum": ("Bizum", "Pago con Bizum"),
    "satispay": ("Satispay",),
    "transfer": ("Transferencia bancaria", "Transferencia", "Pago por transferencia"),
    "cheque": ("Cheque",),
    "western_union": ("Western Union", "Envío de dinero (Western Union)"),
    "moneygram": ("MoneyGram",),
    "crypto": ("Bitcoin", "Criptomonedas (BTC)", "Pago con cripto"),
    "usdt": ("USDT (TRC20)",),
    "pcs": ("Cupón PCS",),
    "transcash": ("Transcash",),
    "neosurf": ("Neosurf", "Tique Neosurf"),
    "paysafecard": ("paysafecard",),
}
CARD_NOTE = (
    "Serás redirigido a la pasarela segura de {processor}.",
    "Pago procesado de forma segura por {processor}.",
    "Número de tarjeta",
    "",
)
CARD_FIELDS = ("Número de tarjeta", "Fecha de caducidad (MM/AA)", "CVC", "Titular de la tarjeta")
TRANSFER_INSTRUCTIONS = (
    "Realiza la transferencia a {holder} - IBAN: {iban} - BIC: {bic}. Enviaremos tu pedido al "
    "recibir el pago.",
    "Te enviaremos los datos bancarios por email tras confirmar el pedido. Indica el número de "
    "pedido como concepto.",
    "Titular: {holder}<br>IBAN: {iban}<br>BIC: {bic}<br>Envíanos el justificante por email.",
    (
        "Paga por transferencia en un plazo de {days} días. "
        "Preparamos el pedido al recibir el importe."
    ),
)
CHEQUE_INSTRUCTIONS = ("Cheque a nombre de {holder}, enviado a: {address}.",)
MONEY_TRANSFER_INSTRUCTIONS = (
    "Envía el importe por {method} a {person}, {city}, y mándanos el código MTCN.",
    "Pago por envío de dinero ({method}): nuestro equipo te indicará el beneficiario.",
)
VOUCHER_INSTRUCTIONS = (
    "Compra un cupón {method} en un estanco y envíanos el código de 16 cifras a {email}.",
    "Introduce tus códigos {method} abajo. Tu pedido se confirma al instante.",
)
CRYPTO_INSTRUCTIONS = (
    "Envía {amount} en {method} a esta dirección: {wallet}. 10% de descuento extra pagando en "
    "cripto.",
    "Dirección de la cartera ({method}): {wallet}",
)
PAYPAL_FRIENDS = (
    "Pagos por PayPal solo mediante «Enviar dinero a amigos» a {email}.",
    "Si pagas con PayPal, elige «amigos y familiares» para evitar comisiones.",
)

HERO = (
    "{niche_word} de calidad, a la puerta de tu casa",
    "Ya ha llegado la nueva colección de {season}",
    "Descubre nuestra selección de {niche_word}",
    "{shop}: los mejores {niche_word} desde {year}",
    "Hasta -{pct}% en una selección de {niche_word}",
)
SEASONS = {"winter": "invierno", "spring": "primavera", "summer": "verano", "autumn": "otoño"}
SALE_BANNERS = {
    "soldes": (
        "Rebajas: hasta -{pct}% en toda la web",
        "¡Llegan las rebajas! Hasta -{pct}%",
        "Últimos días de rebajas: -{pct}%",
    ),
    "blackfriday": (
        "Black Friday: -{pct}% en toda la tienda",
        "Black Week: hasta -{pct}%",
        "Cyber Monday: -{pct}% con el código CYBER",
    ),
    "generic": ("Venta privada: -{pct}%", "Oferta de la semana: -{pct}%", "Liquidación: -{pct}%"),
}
BADGES = ("-{pct}%", "Oferta", "Rebajas", "Outlet")
OLD_PRICE_LABELS = ("", "", "Antes", "PVP", "Precio anterior")
URGENCY = (
    "¡Solo quedan {n} unidades!",
    "{n} personas están viendo este producto",
    "La oferta termina en {h} horas",
    "Últimas unidades disponibles",
    "Oferta flash: termina en {h}h",
    "Stock limitado, ¡date prisa!",
    "{n} vendidos en las últimas 24 horas",
)
REASSURANCE = (
    "Envío gratis a partir de {free_from} €",
    "Pago seguro",
    "Devolución gratuita en 30 días",
    "Atención al cliente en España",
    "Envío en 24/48h",
    "Garantía de 3 años",
    "Más de {n} clientes satisfechos",
)
ABOUT = (
    "Desde {year}, {shop} selecciona {niche_word} de calidad a precios justos. Nuestro equipo en "
    "{city} prepara cada pedido con mimo.",
    "{shop} nació en {year} de la pasión por los {niche_word}.",
    "Pequeña empresa de {city}, {shop} ofrece {niche_word} elegidos por su calidad.",
)
REVIEW_TEXTS = (
    "Muy contenta con mi pedido, envío rápido.",
    "Tal como se describe, lo recomiendo.",
    "Buena calidad y bien embalado.",
    "Tardó un poco pero genial.",
    "Muy buena relación calidad-precio.",
)

COLOURS = (
    "negro",
    "blanco",
    "gris",
    "beige",
    "azul marino",
    "verde salvia",
    "terracota",
    "rosa",
    "camel",
    "natural",
)
PRODUCTS = {
    "fashion": (
        ("Jersey", "Vestido", "Camisa", "Chaqueta", "Vaqueros", "Abrigo", "Camiseta"),
        (
            "de lana merino",
            "de lino",
            "de algodón orgánico",
            "oversize",
            "entallado",
            "impermeable",
        ),
    ),
    "sneakers": (
        ("Zapatillas", "Zapatillas de running", "Zapatillas altas", "Deportivas"),
        ("de piel", "de lona", "retro", "ligeras", "unisex", "edición limitada"),
    ),
    "furniture": (
        (
            "Sofá",
            "Mesa de centro",
            "Sillón",
            "Aparador",
            "Cama",
            "Cómoda",
            "Estantería",
            "Mesa de comedor",
        ),
        (
            "de roble macizo",
            "nórdico",
            "3 plazas",
            "de terciopelo",
            "industrial",
            "de ratán",
            "extensible",
        ),
    ),
    "electronics": (
        (
            "Auriculares inalámbricos",
            "Altavoz Bluetooth",
            "Smartphone",
            "Tablet",
            "Reloj inteligente",
            "Portátil",
            "Consola",
        ),
        ("reacondicionado", "128 GB", "con cancelación de ruido", "resistente al agua"),
    ),
    "garden": (
        (
            "Conjunto de jardín",
            "Cortacésped",
            "Barbacoa",
            "Sombrilla",
            "Jardinera",
            "Cortasetos",
            "Hamaca",
        ),
        ("de aluminio", "inalámbrico", "de gas", "de madera"),
    ),
    "toys": (
        (
            "Juego de construcción",
            "Peluche",
            "Puzle",
            "Muñeca",
            "Circuito de coches",
            "Juego de mesa",
        ),
        ("de madera", "educativo", "1000 piezas", "Montessori"),
    ),
    "cosmetics": (
        ("Crema hidratante", "Sérum", "Aceite seco", "Jabón", "Champú sólido"),
        ("ecológico", "con ácido hialurónico", "vegano", "artesanal", "100 ml"),
    ),
    "jewellery": (
        ("Collar", "Pulsera", "Anillo", "Pendientes", "Reloj"),
        ("de plata de ley", "bañado en oro", "de acero inoxidable", "minimalista"),
    ),
    "appliances": (
        ("Robot de cocina", "Aspiradora sin cable", "Cafetera", "Freidora de aire", "Batidora"),
        ("1200 W", "sin bolsa", "automática", "5,5 L", "silenciosa"),
    ),
    "sport": (
        (
            "Bicicleta eléctrica",
            "Esterilla de yoga",
            "Mancuernas",
            "Tienda de campaña",
            "Mochila de senderismo",
            "Patinete eléctrico",
        ),
        ("plegable", "ultraligera", "ajustable", "40 L"),
    ),
}
NICHE_WORDS = {
    "fashion": ("ropa", "moda"),
    "sneakers": ("zapatillas", "calzado"),
    "furniture": ("muebles", "decoración"),
    "electronics": ("tecnología", "electrónica"),
    "garden": ("muebles de jardín", "jardinería"),
    "toys": ("juguetes", "juegos"),
    "cosmetics": ("cosmética", "cuidado de la piel"),
    "jewellery": ("joyas", "relojes"),
    "appliances": ("electrodomésticos", "pequeño electrodoméstico"),
    "sport": ("artículos deportivos", "material de montaña"),
}
DESCRIPTIONS = (
    "Este {product} en color {colour} combina comodidad y estilo.",
    "Fabricado con materiales seleccionados, pensado para durar.",
    "Consulta las medidas y los detalles técnicos en la pestaña de características.",
    "Incluye instrucciones y {warranty} años de garantía.",
    "Nuestro más vendido, apreciado por sus acabados.",
    "Cada artículo se revisa antes del envío.",
)

SHOP_PREFIXES = ("Casa", "Taller", "La Tienda de", "El Rincón de", "Estudio", "La Botica de")
SHOP_CORES = (
    "Olivo",
    "Brisa",
    "Alborada",
    "Lavanda",
    "Almendro",
    "Mediterránea",
    "Sol",
    "Albahaca",
    "Coral",
    "Romero",
    "Jara",
    "Azahar",
)
SHOP_SUFFIXES = ("", "", "& Co", "Shop", "Store", "Madrid", "Home")
COMPANY_PATTERNS = (
    "{core} Comercial",
    "Distribuciones {last}",
    "{core} Trading",
    "Comercial {last}",
    "{core} Group",
    "{core}",
)
DOMAIN_KEYWORDS = (
    "rebajas",
    "outlet",
    "barato",
    "oferta",
    "tienda",
    "espana",
    "online",
    "descuento",
    "es",
)
DOMAIN_NICHE = {
    "fashion": ("moda", "ropa"),
    "sneakers": ("zapatillas", "deportivas"),
    "furniture": ("muebles", "sofas"),
    "electronics": ("tecnologia", "moviles"),
    "garden": ("jardin", "exterior"),
    "toys": ("juguetes", "juegos"),
    "cosmetics": ("cosmetica", "belleza"),
    "jewellery": ("joyas", "relojes"),
    "appliances": ("electrodomesticos", "cocina"),
    "sport": ("deporte", "bicis"),
}
FIRST_NAMES = (
    "Lucía",
    "Hugo",
    "Martina",
    "Pablo",
    "Sofía",
    "Daniel",
    "Carmen",
    "Javier",
    "Laura",
    "Alejandro",
    "Elena",
    "Sergio",
)
LAST_NAMES = (
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "González",
    "Pérez",
    "Rodríguez",
    "Fernández",
    "Gómez",
    "Ruiz",
    "Díaz",
    "Moreno",
)
# (city, postcode, Registro Mercantil province)
CITIES = (
    ("Madrid", "28004", "Madrid"),
    ("Barcelona", "08010", "Barcelona"),
    ("Valencia", "46002", "Valencia"),
    ("Sevilla", "41001", "Sevilla"),
    ("Málaga", "29015", "Málaga"),
    ("Bilbao", "48001", "Bizkaia"),
    ("Zaragoza", "50001", "Zaragoza"),
    ("Alicante", "03001", "Alicante"),
    ("Granada", "18001", "Granada"),
)
STREETS = (
    "Calle Mayor",
    "Avenida de la Constitución",
    "Calle Real",
    "Calle del Carmen",
    "Paseo de Gracia",
    "Calle de Alcalá",
    "Polígono Industrial Las Arenas, Nave",
)
ADDRESS_FORMAT = ("{street} {number}, {postcode} {city}", "{street}, {number} - {postcode} {city}")
PHONE_LANDLINE = ("9{a} ### ## ##", "+34 9{a} ### ## ##")
PHONE_AREA = ("1", "3", "6", "5", "4")
PHONE_MOBILE = ("6## ### ###", "+34 6## ### ###", "7## ### ###")
FREEMAIL = ("gmail.com", "hotmail.es", "outlook.es", "yahoo.es", "gmail.com")
MAILBOXES = ("info", "hola", "pedidos", "atencionalcliente", "contacto", "tienda")

LEGAL_FORMS = (
    ("S.L.", 0.72, (3000, 60000)),
    ("S.A.", 0.06, (60000, 600000)),
    ("S.L.U.", 0.1, (3000, 30000)),
    ("Autónomo", 0.12, None),
)
LEGAL_INTRO = (
    "En cumplimiento de la Ley 34/2002, de 11 de julio, de Servicios de la Sociedad de la "
    "Información y de Comercio Electrónico (LSSI-CE), se informa de los datos del titular de "
    "{domain}.",
    "Datos identificativos del titular del sitio web {domain}.",
    "",
)
LEGAL_HEADINGS = {
    "publisher": ("Datos identificativos", "Titular del sitio web", "Información general"),
    "host": ("Alojamiento", "Proveedor de hosting"),
    "mediator": ("Resolución de litigios", "Resolución de conflictos"),
    "ip": ("Propiedad intelectual",),
    "data": ("Protección de datos",),
}
LEGAL_FIELDS = ("company", "cif", "address", "register", "phone", "email", "host", "mediator")
LEGAL_LABELS = {
    "company": ("Titular", "Razón social", "Denominación social", "Empresa"),
    "form": ("Forma jurídica",),
    "capital": ("Capital social",),
    "cif": ("NIF", "CIF", "NIF/CIF"),
    "address": ("Domicilio social", "Dirección", "Domicilio"),
    "register": ("Datos registrales", "Inscrita en", "Registro Mercantil"),
    "phone": ("Teléfono", "Tel."),
    "email": ("Correo electrónico", "Email", "E-mail"),
    "director": ("Administrador", "Representante legal"),
    "host": ("Alojamiento",),
}
ID_FORMATS = {
    "cif": ("{reg_id}", "{reg_id_spaced}"),
    "register": (
        "Registro Mercantil de {registry_city}, {extra}",
        "Inscrita en el Registro Mercantil de {registry_city}, {extra}",
    ),
    "vat": ("{vat}",),
    "capital": ("{capital} €",),
}
LEGAL_CLAUSES = {
    "company": ("El titular de {domain} es {value}", "Este sitio web pertenece a {value}"),
    "cif": ("con NIF {value}", "con CIF {value}"),
    "address": ("con domicilio en {value}",),
    "register": ("inscrita en el {value}",),
}
SOLE_TRADER_NOTE = ("Autónomo", "Empresario individual")
MEDIATORS = (
    (
        "Junta Arbitral de Consumo",
        "Calle del Príncipe de Vergara 54, 28006 Madrid",
        "https://www.consumo.gob.es",
    ),
)
MEDIATOR_SENTENCE = (
    "Puedes presentar una reclamación ante {name}, {address}, {url}.",
    "Nos adherimos al sistema arbitral de consumo: {name}.",
)
ODR_SENTENCE = (
    "Plataforma europea de resolución de litigios en línea: https://ec.europa.eu/consumers/odr",
)
LEGAL_IP = (
    "Todos los contenidos de esta web están protegidos por derechos de propiedad intelectual.",
)
LEGAL_DATA = ("Tratamos tus datos conforme al RGPD. Puedes ejercer tus derechos en {email}.",)

TERMS_INTRO = (
    "Estas condiciones regulan las compras realizadas en {domain}, gestionado por {company}.",
    "Al realizar un pedido en {domain} aceptas estas condiciones generales.",
)
TERMS_ARTICLES = (
    (("1. Objeto", "Objeto"), ("Estas condiciones se aplican a todas las ventas de {shop}.",)),
    (("2. Precios", "Precios"), ("Todos los precios incluyen IVA y no incluyen gastos de envío.",)),
    (
        ("3. Pedidos", "Proceso de compra"),
        (
            (
                "El pedido se confirma una vez recibido el pago; "
                "te enviaremos un email de confirmación."
            ),
        ),
    ),
    (("4. Formas de pago", "Pago"), ("Aceptamos: {methods}.", "Puedes pagar mediante {methods}.")),
    (("5. Envíos", "Entrega"), ("El plazo de entrega es de {min} a {max} días laborables.",)),
)
WITHDRAWAL = {
    "14": (
        "Dispones de un plazo de 14 días naturales desde la recepción del pedido para ejercer "
        "tu derecho de desistimiento, sin necesidad de justificación (art. 102 TRLGDCU).",
        "Tienes 14 días desde la entrega para devolver cualquier artículo.",
    ),
    "30": ("Tienes 30 días para devolver tu pedido de forma gratuita.",),
    "7": ("Dispones de 7 días para devolver el producto.",),
    "none": (
        "Los artículos rebajados no admiten cambios ni devoluciones.",
        "No se aceptan devoluciones una vez enviado el pedido.",
    ),
}
WITHDRAWAL_HEADING = ("Derecho de desistimiento", "6. Desistimiento", "Devoluciones")
WARRANTY = (
    "Todos los productos cuentan con la garantía legal de 3 años.",
    "Se aplica la garantía legal de conformidad prevista en el TRLGDCU.",
)
GOVERNING_LAW = ("Estas condiciones se rigen por la legislación española.",)
CONTACT_INTRO = (
    "¿Tienes dudas sobre un producto o un pedido? Te ayudamos.",
    "Escríbenos y te responderemos en 24 horas.",
)
HOURS = (
    "De lunes a viernes, de 9:00 a 18:00",
    "Lunes a sábado de 10 a 20h",
    "Atención al cliente 7 días a la semana",
)
FORM_LABELS = ("Nombre", "Email", "Asunto", "Mensaje", "Enviar")
WHATSAPP = ("Escríbenos por WhatsApp", "Soporte WhatsApp 24h")
CARRIERS = ("Correos", "SEUR", "MRW", "GLS", "DHL", "Correos Express")
DELIVERY_TEXTS = (
    "Los pedidos se envían en {prep} días laborables con {carrier}. Plazo de entrega: {min} a "
    "{max} días laborables.",
    "Envío gratis a partir de {free_from} €; si no, los gastos de envío son de {fee} €.",
    "Recibirás un número de seguimiento por email.",
)
RETURNS_TEXTS = (
    "Puedes devolver un artículo en un plazo de {days} días desde la recepción.",
    "Los artículos deben devolverse sin usar y en su embalaje original.",
    "El reembolso se realiza con el mismo método de pago.",
    "Para cualquier devolución, escríbenos antes a {email}.",
)
KIT_PHRASES = {
    "k1": (
        "Somos una empresa de liquidación de stock, todos los productos son 100% auténticos y "
        "de alta calidad.",
        "Debido al cierre del almacén, todos los artículos se venden a pérdida.",
    ),
    "k2": (
        "Estimado cliente, debido a la alta demanda el plazo de entrega puede ser de 7 a 12 "
        "días hábiles.",
        "Nuestra tienda es ofrecer productos de buena calidad al precio más bajo.",
    ),
    "k3": (
        "Todos nuestros muebles están hechos a mano por nuestros artesanos socios en Europa.",
        "Entrega y montaje gratis para cualquier pedido realizado hoy.",
    ),
    "k4": (
        "Servicio al cliente en línea 24/7, le responderemos lo antes posible.",
        "Precios bajos no significan mala calidad, compre con confianza.",
    ),
    "k5": (
        "Se acepta pago con criptomonedas: descuento extra inmediato.",
        "Productos nuevos precintados, garantía oficial del fabricante 2 años en toda Europa.",
    ),
}

# URL word for product pages (e.g. /produit/slug/ on WordPress shops).
PRODUCT_BASE = ("producto", "productos", "tienda/producto")

FOOTER_TITLES = ("Información", "Atención al cliente", "Ayuda", "Enlaces útiles", "La tienda")
CARD_UNAVAILABLE = (
    "El pago con tarjeta no está disponible temporalmente. Paga por transferencia.",
    "Por mantenimiento, de momento solo aceptamos transferencia bancaria.",
)
PAYPAL_NOTE = ("Serás redirigido a PayPal para completar la compra.", "")
SINCE = ("Desde {year}", "Fundada en {year}", "Desde {year} contigo")
LABEL_SEPARATORS = (": ", ": ", " - ")
