"""German words, page texts and Impressum phrasings for synthetic shops (Germany, EUR)."""

CODE = "de"
HTML_LANG = "de"
LOCALE = "de-DE"
COUNTRY = "DE"
COUNTRY_NAME = "Deutschland"
DECIMAL = ","
THOUSANDS = "."
PRICE_FORMATS = ("{amount} €", "{amount}\u00a0€", "€ {amount}")
LANG_PREFIX = "/de"

NAV = {
    "home": ("Startseite", "Home"),
    "shop": ("Shop", "Alle Produkte", "Sortiment", "Kollektion"),
    "new": ("Neuheiten", "Neu eingetroffen"),
    "sale": ("Sale", "Angebote", "Reduziert", "Schnäppchen"),
    "about": ("Über uns", "Unsere Geschichte", "Wir über uns"),
    "contact": ("Kontakt", "Kontaktieren Sie uns"),
    "cart": ("Warenkorb",),
    "account": ("Mein Konto", "Anmelden"),
    "search": ("Suche", "Produkte suchen…", "Wonach suchen Sie?"),
}

PAGES = {
    "legal": (
        ("Impressum", "Impressum", "Anbieterkennzeichnung", "Impressum & Kontakt"),
        ("impressum", "impressum", "anbieterkennzeichnung", "imprint"),
        ("Impressum", "Impressum", "Anbieter", "Rechtliches"),
    ),
    "terms": (
        ("Allgemeine Geschäftsbedingungen", "AGB", "AGB und Kundeninformationen"),
        ("agb", "allgemeine-geschaeftsbedingungen", "agb-kundeninformationen"),
        ("AGB", "Allgemeine Geschäftsbedingungen", "AGB & Kundeninfo"),
    ),
    "privacy": (
        ("Datenschutzerklärung", "Datenschutz"),
        ("datenschutz", "datenschutzerklaerung"),
        ("Datenschutz", "Datenschutzerklärung"),
    ),
    "contact": (
        ("Kontakt", "Kundenservice", "Kontaktieren Sie uns"),
        ("kontakt", "kundenservice", "contact"),
        ("Kontakt", "Kundenservice", "Hilfe"),
    ),
    "delivery": (
        ("Versand", "Versand und Lieferung", "Versandinformationen", "Lieferung"),
        ("versand", "versand-und-lieferung", "lieferung", "versandkosten"),
        ("Versand", "Versandkosten", "Lieferung"),
    ),
    "returns": (
        ("Widerrufsbelehrung", "Rücksendungen", "Widerruf & Rückgabe"),
        ("widerrufsbelehrung", "widerruf", "ruecksendung"),
        ("Widerrufsrecht", "Rücksendung", "Widerruf"),
    ),
    "about": (("Über uns", "Unsere Geschichte"), ("ueber-uns", "about"), ("Über uns",)),
    "checkout": (
        ("Kasse", "Bezahlung", "Bestellung abschließen"),
        ("kasse", "checkout"),
        ("Kasse",),
    ),
    "cart": (("Warenkorb", "Ihr Warenkorb"), ("warenkorb", "cart"), ("Warenkorb",)),
    "shop": (("Shop", "Alle Produkte"), ("shop", "produkte"), ("Shop",)),
}

ADD_TO_CART = ("In den Warenkorb", "In den Warenkorb legen", "Hinzufügen")
BUY_NOW = ("Jetzt kaufen", "Sofort kaufen")
CHECKOUT_BUTTON = ("Zahlungspflichtig bestellen", "Jetzt kaufen", "Bestellung abschicken")
CONTINUE_SHOPPING = ("Weiter einkaufen", "Zurück zum Shop")
IN_STOCK = ("Auf Lager", "Sofort lieferbar", "Lieferzeit 1-3 Werktage", "Verfügbar")
QUANTITY = ("Menge", "Anzahl")
DESCRIPTION = ("Beschreibung", "Produktdetails", "Technische Daten")
REFERENCE = ("Artikelnummer", "Art.-Nr.", "SKU")
REVIEWS = ("Kundenbewertungen", "Bewertungen")
REVIEW_COUNT = ("{n} Bewertungen", "({n} Bewertungen)")
NEWSLETTER = (
    ("Newsletter abonnieren", "Ihre E-Mail-Adresse", "Anmelden"),
    ("10 % Rabatt auf Ihre erste Bestellung", "E-Mail", "Jetzt sichern"),
)
COPYRIGHT = (
    "© {year} {shop}. Alle Rechte vorbehalten.",
    "© {year} {shop}",
    "Copyright {year} {shop}",
)
AGENCY_CREDIT = ("Webdesign: {agency}", "Umsetzung: {agency}", "Erstellt von {agency}")
COOKIE_BANNER = (
    ("Wir verwenden Cookies, um Ihnen ein optimales Einkaufserlebnis zu bieten.", "Akzeptieren"),
    ("Diese Website nutzt Cookies. Mit der Nutzung stimmen Sie zu.", "OK"),
    ("Wir respektieren Ihre Privatsphäre. Statistik-Cookies erlauben?", "Alle akzeptieren"),
)
NOT_FOUND = (
    ("Seite nicht gefunden", "Die gesuchte Seite existiert leider nicht."),
    ("Fehler 404", "Diese Seite ist nicht mehr verfügbar."),
)

CART = {
    "title": ("Ihr Warenkorb", "Warenkorb"),
    "subtotal": ("Zwischensumme",),
    "shipping": ("Versand", "Versandkosten"),
    "total": ("Gesamtsumme", "Summe inkl. MwSt.", "Gesamt"),
    "free": ("Kostenlos", "Gratis"),
}
CHECKOUT = {
    "title": ("Kasse", "Bezahlung", "Sichere Bestellung"),
    "intro": ("Zahlungsart wählen", "Zahlungsart", "Wie möchten Sie bezahlen?"),
    "address": ("Lieferadresse", "Ihre Daten", "Rechnungsadresse"),
    "fields": ("Vorname", "Nachname", "Straße und Hausnummer", "PLZ", "Ort", "Telefon", "E-Mail"),
    "secure": ("100 % sichere Zahlung", "SSL-verschlüsselt", "Sichere Transaktionen", ""),
    "accepted": ("Zahlungsarten", "Wir akzeptieren", "Akzeptierte Zahlungsmittel"),
}
METHOD_LABELS = {
    "card": ("Kreditkarte", "Kredit- oder Debitkarte", "Visa / Mastercard"),
    "paypal": ("PayPal", "Mit PayPal bezahlen"),
    "applepay": ("Apple Pay",),
    "googlepay": ("Google Pay",),
    "klarna": ("Klarna Rechnung", "Kauf auf Rechnung (Klarna)", "Klarna Ratenkauf"),
    "alma": ("Alma Ratenzahlung",),
    "bancontact": ("Bancontact",),
    "cod": ("Nachnahme",),
    "sepa_debit": ("SEPA-Lastschrift", "Lastschrift"),
    "bizum": ("Bizum",),
    "satispay": ("Satispay",),
    "transfer": ("Vorkasse (Überweisung)", "Überweisung", "Vorkasse", "Banküberweisung"),
    "cheque": ("Scheck",),
    "western_union": ("Western Union", "Geldtransfer (Western Union)"),
    "moneygram": ("MoneyGram",),
    "crypto": ("Bitcoin", "Kryptowährung (BTC)"),
    "usdt": ("USDT (TRC20)",),
    "pcs": ("PCS Gutschein",),
    "transcash": ("Transcash",),
    "neosurf": ("Neosurf",),
    "paysafecard": ("paysafecard", "Paysafecard Gutschein"),
}
CARD_NOTE = (
    "Sie werden zur sicheren Zahlungsseite von {processor} weitergeleitet.",
    "Die Zahlung wird sicher über {processor} abgewickelt.",
    "Kartennummer",
    "",
)
CARD_FIELDS = ("Kartennummer", "Ablaufdatum (MM/JJ)", "Prüfziffer (CVC)", "Karteninhaber")
TRANSFER_INSTRUCTIONS = (
    "Bitte überweisen Sie den Betrag an {holder} - IBAN: {iban} - BIC: {bic}. Der Versand erfolgt "
    "nach Zahlungseingang.",
    "Unsere Bankverbindung erhalten Sie per E-Mail nach Abschluss der Bestellung. Bitte geben Sie "
    "die Bestellnummer als Verwendungszweck an.",
    "Kontoinhaber: {holder}<br>IBAN: {iban}<br>BIC: {bic}<br>Bitte senden Sie uns den "
    "Zahlungsbeleg per E-Mail.",
    "Zahlung per Vorkasse innerhalb von {days} Tagen. Die Ware wird nach Zahlungseingang versandt.",
)
CHEQUE_INSTRUCTIONS = ("Scheck an {holder}, {address}.",)
MONEY_TRANSFER_INSTRUCTIONS = (
    "Senden Sie den Betrag per {method} an {person}, {city}, und teilen Sie uns die MTCN mit.",
    "Zahlung per Geldtransfer ({method}): den Empfänger nennt Ihnen unser Kundenservice.",
)
VOUCHER_INSTRUCTIONS = (
    "Kaufen Sie einen {method}-Gutschein an der Tankstelle und senden Sie den Code an {email}.",
    "Geben Sie Ihre {method}-Codes unten ein. Die Bestellung wird sofort bestätigt.",
)
CRYPTO_INSTRUCTIONS = (
    "Senden Sie {amount} in {method} an diese Adresse: {wallet}. 10 % Extra-Rabatt bei "
    "Kryptozahlung.",
    "Wallet-Adresse ({method}): {wallet}",
)
PAYPAL_FRIENDS = (
    "PayPal-Zahlungen bitte nur über „Geld an Freunde senden“ an {email}.",
    "Bei PayPal bitte „Freunde und Familie“ wählen, um Gebühren zu vermeiden.",
)

HERO = (
    "Hochwertige {niche_word}, direkt zu Ihnen nach Hause",
    "Die neue {season}kollektion ist da",
    "Entdecken Sie unsere Auswahl an {niche_word}",
    "{shop}: {niche_word} mit Qualität seit {year}",
    "Bis zu {pct}% Rabatt auf ausgewählte {niche_word}",
)
SEASONS = {"winter": "Winter", "spring": "Frühjahrs", "summer": "Sommer", "autumn": "Herbst"}
SALE_BANNERS = {
    "soldes": (
        "Sale: bis zu -{pct}% auf alles",
        "Jetzt im Sale: bis zu {pct}% sparen",
        "Letzte Chance: -{pct}%",
    ),
    "blackfriday": (
        "Black Friday: -{pct}% auf das ganze Sortiment",
        "Black Week: bis zu -{pct}%",
        "Cyber Monday: -{pct}% mit dem Code CYBER",
    ),
    "generic": ("Sonderaktion: -{pct}%", "Angebot der Woche: -{pct}%", "Räumungsverkauf: -{pct}%"),
}
BADGES = ("-{pct}%", "-{pct} %", "Sale", "Angebot", "Reduziert")
OLD_PRICE_LABELS = ("", "", "statt", "UVP", "Bisher", "Streichpreis")
URGENCY = (
    "Nur noch {n} auf Lager!",
    "{n} Personen sehen sich diesen Artikel gerade an",
    "Angebot endet in {h} Stunden",
    "Nur noch wenige Exemplare",
    "Blitzangebot: endet in {h} Std.",
    "Begrenzter Vorrat - jetzt bestellen!",
    "{n}-mal in den letzten 24 Stunden verkauft",
)
REASSURANCE = (
    "Versandkostenfrei ab {free_from} €",
    "Sichere Zahlung",
    "30 Tage Rückgaberecht",
    "Kostenlose Rücksendung",
    "Kundenservice in Deutschland",
    "Versand innerhalb von 24 Stunden",
    "2 Jahre Garantie",
    "Kauf auf Rechnung",
    "Über {n} zufriedene Kunden",
)
ABOUT = (
    "Seit {year} wählt {shop} hochwertige {niche_word} zu fairen Preisen aus. Unser Team in {city} "
    "verpackt jede Bestellung mit Sorgfalt.",
    "{shop} wurde {year} aus Leidenschaft für {niche_word} gegründet.",
    "Als kleines Unternehmen aus {city} bietet {shop} langlebige {niche_word}.",
)
REVIEW_TEXTS = (
    "Sehr zufrieden, schnelle Lieferung.",
    "Wie beschrieben, klare Empfehlung.",
    "Gute Qualität, schön verpackt.",
    "Hat etwas gedauert, aber top.",
    "Preis-Leistung stimmt.",
)

COLOURS = (
    "schwarz",
    "weiß",
    "grau",
    "beige",
    "marineblau",
    "salbeigrün",
    "terrakotta",
    "rosa",
    "anthrazit",
    "natur",
)
PRODUCTS = {
    "fashion": (
        ("Pullover", "Kleid", "Hemd", "Jacke", "Jeans", "Mantel", "T-Shirt", "Strickjacke"),
        (
            "aus Merinowolle",
            "aus Leinen",
            "aus Bio-Baumwolle",
            "oversized",
            "tailliert",
            "wasserdicht",
        ),
    ),
    "sneakers": (
        ("Sneaker", "Laufschuhe", "Turnschuhe", "High-Top Sneaker"),
        ("aus Leder", "aus Canvas", "Retro", "leicht", "Unisex", "Limited Edition"),
    ),
    "furniture": (
        ("Sofa", "Couchtisch", "Sessel", "Sideboard", "Bett", "Kommode", "Regal", "Esstisch"),
        ("aus Massivholz Eiche", "skandinavisch", "3-Sitzer", "Samt", "Industrial", "ausziehbar"),
    ),
    "electronics": (
        (
            "Kabellose Kopfhörer",
            "Bluetooth-Lautsprecher",
            "Smartphone",
            "Tablet",
            "Smartwatch",
            "Laptop",
            "Spielkonsole",
        ),
        ("generalüberholt", "128 GB", "mit Noise Cancelling", "wasserdicht", "neueste Generation"),
    ),
    "garden": (
        (
            "Gartenlounge",
            "Rasenmäher",
            "Grill",
            "Sonnenschirm",
            "Pflanzkübel",
            "Heckenschere",
            "Gewächshaus",
        ),
        ("aus Aluminium", "Akku", "Gas", "Ampelschirm", "aus Holz", "wetterfest"),
    ),
    "toys": (
        ("Baukasten", "Kuscheltier", "Puzzle", "Puppe", "Autorennbahn", "Brettspiel", "Laufrad"),
        ("aus Holz", "Lernspielzeug", "1000 Teile", "ab 3 Jahren"),
    ),
    "cosmetics": (
        ("Feuchtigkeitscreme", "Serum", "Trockenöl", "Seife", "Festes Shampoo", "Lippenbalsam"),
        ("Bio", "mit Hyaluronsäure", "vegan", "handgemacht", "100 ml"),
    ),
    "jewellery": (
        ("Halskette", "Armband", "Ring", "Ohrringe", "Uhr", "Anhänger"),
        ("925 Silber", "vergoldet", "Edelstahl", "Süßwasserperlen", "minimalistisch"),
    ),
    "appliances": (
        (
            "Küchenmaschine",
            "Akku-Staubsauger",
            "Kaffeevollautomat",
            "Heißluftfritteuse",
            "Standmixer",
            "Luftreiniger",
        ),
        ("1200 W", "beutellos", "5,5 L", "smart", "leise"),
    ),
    "sport": (
        ("E-Bike", "Yogamatte", "Hanteln", "Zelt", "Wanderrucksack", "E-Scooter"),
        ("klappbar", "ultraleicht", "verstellbar", "2 Personen", "40 L"),
    ),
}
NICHE_WORDS = {
    "fashion": ("Mode", "Bekleidung"),
    "sneakers": ("Sneaker", "Schuhe"),
    "furniture": ("Möbel", "Wohnaccessoires"),
    "electronics": ("Elektronik", "Technik"),
    "garden": ("Gartenmöbel", "Gartengeräte"),
    "toys": ("Spielzeug", "Spiele"),
    "cosmetics": ("Naturkosmetik", "Pflegeprodukte"),
    "jewellery": ("Schmuck", "Uhren"),
    "appliances": ("Haushaltsgeräte", "Küchengeräte"),
    "sport": ("Sportartikel", "Outdoor-Ausrüstung"),
}
DESCRIPTIONS = (
    "Dieses {product} in {colour} verbindet Komfort und Stil.",
    "Aus ausgewählten Materialien gefertigt und auf Langlebigkeit ausgelegt.",
    "Maße und technische Daten finden Sie im Reiter Technische Daten.",
    "Mit Anleitung und {warranty} Jahren Garantie.",
    "Unser Bestseller, geschätzt für die sorgfältige Verarbeitung.",
    "Jeder Artikel wird vor dem Versand geprüft.",
)

SHOP_PREFIXES = ("Haus", "Atelier", "Manufaktur", "Kontor", "Die kleine", "Studio", "Werkstatt")
SHOP_CORES = (
    "Lindenblatt",
    "Birke",
    "Nordwind",
    "Kranich",
    "Eichhorn",
    "Holunder",
    "Moosgrün",
    "Sonnenhof",
    "Ahorn",
    "Heide",
    "Fuchsbau",
    "Sternwerk",
)
SHOP_SUFFIXES = ("", "", "& Co.", "Shop", "Store", "Berlin", "Design")
COMPANY_PATTERNS = (
    "{core} Handel",
    "{last} & Söhne",
    "{core} Vertrieb",
    "{last} Handels",
    "{core} Versand",
    "{core}",
)
DOMAIN_KEYWORDS = (
    "sale",
    "outlet",
    "guenstig",
    "shop",
    "angebot",
    "rabatt",
    "deutschland",
    "online",
    "kaufen",
)
DOMAIN_NICHE = {
    "fashion": ("mode", "kleidung"),
    "sneakers": ("sneaker", "schuhe"),
    "furniture": ("moebel", "sofa"),
    "electronics": ("technik", "elektronik"),
    "garden": ("garten", "gartenmoebel"),
    "toys": ("spielzeug", "spiele"),
    "cosmetics": ("kosmetik", "beauty"),
    "jewellery": ("schmuck", "uhren"),
    "appliances": ("haushalt", "kueche"),
    "sport": ("sport", "fahrrad"),
}
FIRST_NAMES = (
    "Lukas",
    "Anna",
    "Jonas",
    "Laura",
    "Felix",
    "Julia",
    "Maximilian",
    "Lea",
    "Paul",
    "Sarah",
    "Tobias",
    "Katharina",
    "Michael",
    "Sabine",
)
LAST_NAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Wolf",
    "Neumann",
)
# (city, postcode, Amtsgericht)
CITIES = (
    ("Berlin", "10115", "Charlottenburg (Berlin)"),
    ("Hamburg", "20095", "Hamburg"),
    ("München", "80331", "München"),
    ("Köln", "50667", "Köln"),
    ("Frankfurt am Main", "60311", "Frankfurt am Main"),
    ("Leipzig", "04109", "Leipzig"),
    ("Stuttgart", "70173", "Stuttgart"),
    ("Düsseldorf", "40213", "Düsseldorf"),
    ("Nürnberg", "90402", "Nürnberg"),
    ("Freiburg", "79098", "Freiburg"),
)
STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Gartenstraße",
    "Schulstraße",
    "Lindenweg",
    "Industriestraße",
    "Marktplatz",
    "Kirchgasse",
    "Am Hafen",
)
ADDRESS_FORMAT = ("{street} {number}, {postcode} {city}", "{street} {number}<br>{postcode} {city}")
PHONE_LANDLINE = ("0{a} #######", "+49 {a} #######", "0{a}/######")
PHONE_AREA = ("30", "40", "89", "221", "69", "341", "711")
PHONE_MOBILE = ("015# #######", "017# #######", "+49 15# #######")
FREEMAIL = ("gmx.de", "web.de", "t-online.de", "gmail.com", "outlook.de", "freenet.de")
MAILBOXES = ("info", "kontakt", "service", "bestellung", "hallo", "shop")

LEGAL_FORMS = (
    ("GmbH", 0.55, (25000, 250000)),
    ("UG (haftungsbeschränkt)", 0.2, (500, 5000)),
    ("e.K.", 0.12, None),
    ("GmbH & Co. KG", 0.08, None),
    ("Einzelunternehmen", 0.05, None),
)
LEGAL_INTRO = ("Angaben gemäß § 5 TMG", "Angaben gemäß § 5 DDG", "Anbieterkennzeichnung", "")
LEGAL_HEADINGS = {
    "publisher": ("Angaben gemäß § 5 TMG", "Anbieter", "Betreiber der Website", "Impressum"),
    "host": ("Hosting", "Hosting-Anbieter"),
    "mediator": ("Verbraucherstreitbeilegung", "Streitschlichtung", "EU-Streitschlichtung"),
    "ip": ("Urheberrecht",),
    "data": ("Datenschutz",),
}
LEGAL_FIELDS = (
    "company",
    "address",
    "director",
    "phone",
    "email",
    "register",
    "vat",
    "host",
    "mediator",
)
LEGAL_LABELS = {
    "company": ("Firma", "Anbieter", "Unternehmen", "Betreiber"),
    "form": ("Rechtsform",),
    "capital": ("Stammkapital",),
    "address": ("Anschrift", "Adresse", "Sitz"),
    "register": ("Registereintrag", "Handelsregister", "Eintragung im Handelsregister"),
    "vat": (
        "Umsatzsteuer-ID",
        "USt-IdNr.",
        "Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz",
    ),
    "phone": ("Telefon", "Tel.", "Fon"),
    "email": ("E-Mail", "Mail"),
    "director": ("Vertreten durch", "Geschäftsführer", "Geschäftsführerin", "Inhaber"),
    "host": ("Hosting",),
}
ID_FORMATS = {
    "register": (
        "Amtsgericht {registry_city}, HRB {reg_id}",
        "Registergericht: Amtsgericht {registry_city}<br>Registernummer: HRB {reg_id}",
        "HRB {reg_id}, AG {registry_city}",
    ),
    "vat": ("{vat}", "{vat_spaced}"),
    "capital": ("{capital} €", "{capital} EUR"),
}
LEGAL_CLAUSES = {
    "company": ("Diese Website wird betrieben von {value}",),
    "address": ("{value}",),
    "register": ("eingetragen beim {value}",),
}
SOLE_TRADER_NOTE = ("Inhaber", "Einzelunternehmer", "Kleinunternehmer gemäß § 19 UStG")
MEDIATORS = (
    (
        "Allgemeine Verbraucherschlichtungsstelle des Zentrums für Schlichtung e.V.",
        "Straßburger Straße 8, 77694 Kehl am Rhein",
        "https://www.verbraucher-schlichter.de",
    ),
)
MEDIATOR_SENTENCE = (
    "Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer "
    "Verbraucherschlichtungsstelle teilzunehmen.",
    "Wir nehmen an Streitbeilegungsverfahren teil vor: {name}, {address}, {url}.",
)
ODR_SENTENCE = (
    "Die Europäische Kommission stellt eine Plattform zur Online-Streitbeilegung (OS) "
    "bereit: https://ec.europa.eu/consumers/odr/",
)
LEGAL_IP = ("Die Inhalte dieser Seiten unterliegen dem deutschen Urheberrecht.",)
LEGAL_DATA = (
    "Hinweise zum Datenschutz finden Sie in unserer Datenschutzerklärung. Kontakt: {email}",
)

TERMS_INTRO = (
    "Diese AGB gelten für alle Bestellungen über {domain}, betrieben von {company}.",
    "Mit Ihrer Bestellung auf {domain} akzeptieren Sie diese Geschäftsbedingungen.",
)
TERMS_ARTICLES = (
    (
        ("§ 1 Geltungsbereich", "1. Geltungsbereich"),
        ("Diese Bedingungen gelten für alle Verträge zwischen {shop} und Verbrauchern.",),
    ),
    (("§ 2 Preise", "2. Preise"), ("Alle Preise verstehen sich inkl. MwSt. zzgl. Versandkosten.",)),
    (
        ("§ 3 Vertragsschluss", "3. Bestellung"),
        ("Der Vertrag kommt mit unserer Auftragsbestätigung per E-Mail zustande.",),
    ),
    (
        ("§ 4 Zahlung", "4. Zahlungsarten"),
        ("Sie können wie folgt bezahlen: {methods}.", "Zahlungsarten: {methods}."),
    ),
    (("§ 5 Lieferung", "5. Versand"), ("Die Lieferzeit beträgt {min} bis {max} Werktage.",)),
)
WITHDRAWAL = {
    "14": (
        "Widerrufsrecht: Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen "
        "diesen Vertrag zu widerrufen. Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an "
        "dem Sie die Waren in Besitz genommen haben.",
        "Sie haben ein 14-tägiges Widerrufsrecht ab Erhalt der Ware.",
    ),
    "30": ("Sie können Artikel innerhalb von 30 Tagen kostenlos zurücksenden.",),
    "7": ("Rückgabe innerhalb von 7 Tagen möglich.",),
    "none": (
        "Reduzierte Artikel sind vom Umtausch ausgeschlossen.",
        "Nach dem Versand ist keine Rückgabe möglich.",
    ),
}
WITHDRAWAL_HEADING = ("Widerrufsbelehrung", "§ 6 Widerrufsrecht", "Widerruf")
WARRANTY = (
    "Es gilt das gesetzliche Mängelhaftungsrecht.",
    "Auf alle Artikel gewähren wir die gesetzliche Gewährleistung von 2 Jahren.",
)
GOVERNING_LAW = ("Es gilt das Recht der Bundesrepublik Deutschland.",)
CONTACT_INTRO = (
    "Fragen zu einem Produkt oder Ihrer Bestellung? Wir helfen gern.",
    "Schreiben Sie uns, wir antworten innerhalb von 24 Stunden.",
)
HOURS = ("Mo-Fr 9-17 Uhr", "Montag bis Samstag 10-18 Uhr", "Kundenservice 7 Tage die Woche")
FORM_LABELS = ("Name", "E-Mail", "Betreff", "Nachricht", "Senden")
WHATSAPP = ("Schreiben Sie uns auf WhatsApp", "WhatsApp-Support rund um die Uhr")
CARRIERS = ("DHL", "Hermes", "DPD", "GLS", "UPS")
DELIVERY_TEXTS = (
    "Bestellungen werden innerhalb von {prep} Werktagen mit {carrier} versendet. Lieferzeit: "
    "{min} bis {max} Werktage.",
    "Versandkostenfrei ab {free_from} €, darunter {fee} € Versandkosten.",
    "Sie erhalten eine Sendungsnummer per E-Mail.",
)
RETURNS_TEXTS = (
    "Sie können Artikel innerhalb von {days} Tagen nach Erhalt zurücksenden.",
    "Bitte senden Sie die Ware unbenutzt und originalverpackt zurück.",
    "Die Erstattung erfolgt über die ursprüngliche Zahlungsart.",
    "Bitte kontaktieren Sie uns vorab unter {email}.",
)
KIT_PHRASES = {
    "k1": (
        "Wir sind ein Lagerliquidationsunternehmen, alle Produkte sind 100% authentisch und "
        "hochwertig.",
        "Wegen Lagerschließung werden alle Artikel mit Verlust verkauft.",
    ),
    "k2": (
        "Lieber Kunde, aufgrund der hohen Nachfrage kann die Lieferzeit 7-12 Werktage betragen.",
        "Unser Geschäft ist gute Qualität Produkte zum niedrigsten Preis bieten.",
    ),
    "k3": (
        "Alle unsere Möbel werden von unseren Partnerhandwerkern in Europa handgefertigt.",
        "Kostenlose Lieferung und Montage für jede heute aufgegebene Bestellung.",
    ),
    "k4": (
        "Online-Kundenservice 24/7, wir antworten Ihnen so schnell wie möglich.",
        "Niedrige Preise bedeuten nicht schlechte Qualität, kaufen Sie mit Vertrauen.",
    ),
    "k5": (
        "Zahlung mit Kryptowährung akzeptiert: sofortiger Extra-Rabatt.",
        "Neue versiegelte Produkte, offizielle Herstellergarantie 2 Jahre in ganz Europa.",
    ),
}

# URL word for product pages (e.g. /produit/slug/ on WordPress shops).
PRODUCT_BASE = ("produkt", "produkte", "shop/produkt")

FOOTER_TITLES = ("Informationen", "Kundenservice", "Hilfe", "Rechtliches", "Der Shop")
CARD_UNAVAILABLE = (
    "Kartenzahlung ist vorübergehend nicht verfügbar. Bitte zahlen Sie per Vorkasse.",
    "Wegen Wartungsarbeiten ist derzeit nur Überweisung möglich.",
)
PAYPAL_NOTE = ("Sie werden zu PayPal weitergeleitet, um den Kauf abzuschließen.", "")
SINCE = ("Seit {year}", "Gegründet {year}", "Seit {year} für Sie da")
LABEL_SEPARATORS = (": ", ": ", " ")
