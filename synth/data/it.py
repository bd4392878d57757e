"""Italian words, page texts and note-legali phrasings for synthetic shops (Italy, EUR)."""

CODE = "it"
HTML_LANG = "it"
LOCALE = "it-IT"
COUNTRY = "IT"
COUNTRY_NAME = "Italia"
DECIMAL = ","
THOUSANDS = "."
PRICE_FORMATS = ("{amount} €", "€ {amount}", "€{amount}")
LANG_PREFIX = "/it"

NAV = {
    "home": ("Home", "Homepage"),
    "shop": ("Negozio", "Tutti i prodotti", "Catalogo", "Collezioni", "Shop"),
    "new": ("Novità", "Nuovi arrivi"),
    "sale": ("Saldi", "Offerte", "Promozioni", "Outlet"),
    "about": ("Chi siamo", "La nostra storia"),
    "contact": ("Contatti", "Contattaci"),
    "cart": ("Carrello",),
    "account": ("Il mio account", "Accedi"),
    "search": ("Cerca", "Cerca prodotti…", "Cosa stai cercando?"),
}

PAGES = {
    "legal": (
        ("Note legali", "Informazioni legali", "Note Legali", "Dati societari"),
        ("note-legali", "informazioni-legali", "legal", "dati-societari"),
        ("Note legali", "Informazioni legali", "Dati societari", "Legal"),
    ),
    "terms": (
        (
            "Termini e condizioni di vendita",
            "Condizioni generali di vendita",
            "Termini e condizioni",
        ),
        ("termini-e-condizioni", "condizioni-generali-di-vendita", "condizioni-di-vendita"),
        ("Termini e condizioni", "Condizioni di vendita", "Condizioni generali"),
    ),
    "privacy": (
        ("Informativa sulla privacy", "Privacy policy"),
        ("privacy", "informativa-privacy", "privacy-policy"),
        ("Privacy", "Privacy policy", "Cookie policy"),
    ),
    "contact": (
        ("Contatti", "Contattaci", "Servizio clienti"),
        ("contatti", "contattaci", "servizio-clienti"),
        ("Contatti", "Servizio clienti", "Assistenza"),
    ),
    "delivery": (
        ("Spedizioni", "Informazioni sulla spedizione", "Spedizione e consegna"),
        ("spedizioni", "spedizione-e-consegna", "costi-di-spedizione"),
        ("Spedizioni", "Costi di spedizione", "Consegna"),
    ),
    "returns": (
        ("Resi e rimborsi", "Resi", "Politica di reso"),
        ("resi", "resi-e-rimborsi", "politica-di-reso"),
        ("Resi", "Resi e rimborsi", "Diritto di recesso"),
    ),
    "about": (("Chi siamo", "La nostra storia"), ("chi-siamo", "la-nostra-storia"), ("Chi siamo",)),
    "checkout": (
        ("Cassa", "Pagamento", "Completa l'ordine"),
        ("checkout", "cassa", "pagamento"),
        ("Cassa",),
    ),
    "cart": (("Carrello", "Il tuo carrello"), ("carrello", "cart"), ("Carrello",)),
    "shop": (("Negozio", "Tutti i prodotti"), ("negozio", "prodotti", "shop"), ("Negozio",)),
}

ADD_TO_CART = ("Aggiungi al carrello", "Aggiungi", "Metti nel carrello")
BUY_NOW = ("Acquista ora", "Compra subito")
CHECKOUT_BUTTON = ("Conferma ordine", "Completa l'acquisto", "Paga ora", "Procedi al pagamento")
CONTINUE_SHOPPING = ("Continua lo shopping", "Torna al negozio")
IN_STOCK = ("Disponibile", "In magazzino", "Spedizione in 24/48h", "Pronta consegna")
QUANTITY = ("Quantità",)
DESCRIPTION = ("Descrizione", "Dettagli del prodotto", "Caratteristiche")
REFERENCE = ("Codice", "Cod. articolo", "SKU")
REVIEWS = ("Recensioni dei clienti", "Recensioni", "Dicono di noi")
REVIEW_COUNT = ("{n} recensioni", "({n} recensioni)")
NEWSLETTER = (
    ("Iscriviti alla newsletter", "Il tuo indirizzo email", "Iscriviti"),
    ("10% di sconto sul primo ordine", "Email", "Voglio lo sconto"),
)
COPYRIGHT = (
    "© {year} {shop}. Tutti i diritti riservati.",
    "© {year} {shop}",
    "Copyright {year} {shop} - P.IVA {vat}",
)
AGENCY_CREDIT = ("Realizzato da {agency}", "Web design: {agency}", "Sito creato da {agency}")
COOKIE_BANNER = (
    ("Utilizziamo i cookie per migliorare la tua esperienza.", "Accetta"),
    ("Questo sito usa cookie. Proseguendo la navigazione ne accetti l'uso.", "OK"),
    ("Rispettiamo la tua privacy. Accetti i cookie statistici?", "Accetta tutti"),
)
NOT_FOUND = (
    ("Pagina non trovata", "Spiacenti, la pagina che cerchi non esiste."),
    ("Errore 404", "Questa pagina non è più disponibile."),
)

CART = {
    "title": ("Il tuo carrello", "Carrello"),
    "subtotal": ("Subtotale",),
    "shipping": ("Spedizione", "Spese di spedizione"),
    "total": ("Totale", "Totale (IVA inclusa)", "Totale da pagare"),
    "free": ("Gratuita", "Gratis"),
}
CHECKOUT = {
    "title": ("Cassa", "Pagamento", "Pagamento sicuro"),
    "intro": ("Scegli il metodo di pagamento", "Metodo di pagamento", "Come vuoi pagare?"),
    "address": ("Indirizzo di spedizione", "I tuoi dati", "Dati di fatturazione"),
    "fields": ("Nome", "Cognome", "Indirizzo", "CAP", "Città", "Telefono", "Email"),
    "secure": ("Pagamento sicuro al 100%", "Dati crittografati (SSL)", "Transazioni sicure", ""),
    "accepted": ("Metodi di pagamento accettati", "Accettiamo", "Pagamenti"),
}
METHOD_LABELS = {
    "card": ("Carta di credito / debito", "Paga con carta", "Carta", "Visa, Mastercard"),
    "paypal": ("PayPal", "Paga con PayPal"),
    "applepay": ("Apple Pay",),
    "googlepay": ("Google Pay",),
    "klarna": ("Klarna - paga in 3 rate", "Klarna"),
    "alma": ("Alma - pagamento a rate",),
    "bancontact": ("Bancontact",),
    "cod": ("Contrassegno", "Pagamento alla consegna"),
    "sepa_debit": ("Addebito SEPA",),
    "bizum": ("Bizum",),
    "satispay": ("Satispay",),
    "transfer": ("Bonifico bancario", "Bonifico", "Pagamento con bonifico"),
    "cheque": ("Assegno",),
    "western_union": ("Western Union", "Money transfer (Western Union)"),
    "moneygram": ("MoneyGram",),
    "crypto": ("Bitcoin", "Criptovalute (BTC)"),
    "usdt": ("USDT (TRC20)",),
    "pcs": ("Ricarica PCS",),
    "transcash": ("Transcash",),
    "neosurf": ("Neosurf",),
    "paysafecard": ("paysafecard", "Ricarica Paysafecard"),
}
CARD_NOTE = (
    "Verrai reindirizzato alla pagina sicura di {processor}.",
    "Pagamento elaborato in modo sicuro da {processor}.",
    "Numero della carta",
    "",
)
CARD_FIELDS = ("Numero della carta", "Scadenza (MM/AA)", "CVV", "Titolare della carta")
TRANSFER_INSTRUCTIONS = (
    "Effettua il bonifico a {holder} - IBAN: {iban} - BIC: {bic}. L'ordine viene spedito alla "
    "ricezione del pagamento.",
    "Ti invieremo le coordinate bancarie via email dopo la conferma dell'ordine. Indica il numero "
    "d'ordine nella causale.",
    "Intestatario: {holder}<br>IBAN: {iban}<br>BIC: {bic}<br>Inviaci la contabile via email.",
    "Paga con bonifico entro {days} giorni. Prepariamo l'ordine al ricevimento dei fondi.",
)
CHEQUE_INSTRUCTIONS = ("Assegno intestato a {holder}, da inviare a: {address}.",)
MONEY_TRANSFER_INSTRUCTIONS = (
    "Invia l'importo tramite {method} a {person}, {city}, e comunicaci il codice MTCN.",
    "Pagamento tramite money transfer ({method}): il beneficiario ti sarà indicato dal servizio "
    "clienti.",
)
VOUCHER_INSTRUCTIONS = (
    "Acquista una ricarica {method} in tabaccheria e inviaci il codice a 16 cifre a {email}.",
    "Inserisci i codici {method} qui sotto. L'ordine viene confermato subito.",
)
CRYPTO_INSTRUCTIONS = (
    "Invia {amount} in {method} a questo indirizzo: {wallet}. Sconto extra del 10% pagando in "
    "cripto.",
    "Indirizzo del wallet ({method}): {wallet}",
)
PAYPAL_FRIENDS = (
    "Pagamenti PayPal solo tramite «Invia denaro ad amici e familiari» a {email}.",
    "Con PayPal scegli «amici e familiari» per evitare commissioni.",
)

HERO = (
    "{niche_word} di qualità, consegnati a casa tua",
    "È arrivata la nuova collezione {season}",
    "Scopri la nostra selezione di {niche_word}",
    "{shop}: il meglio dei {niche_word} dal {year}",
    "Fino al -{pct}% su una selezione di {niche_word}",
)
SEASONS = {"winter": "inverno", "spring": "primavera", "summer": "estate", "autumn": "autunno"}
SALE_BANNERS = {
    "soldes": (
        "Saldi: fino al -{pct}% su tutto",
        "Sono arrivati i saldi! Fino al -{pct}%",
        "Ultimi giorni di saldi: -{pct}%",
    ),
    "blackfriday": (
        "Black Friday: -{pct}% su tutto il sito",
        "Black Week: fino al -{pct}%",
        "Cyber Monday: -{pct}% con il codice CYBER",
    ),
    "generic": (
        "Vendita privata: -{pct}%",
        "Offerta della settimana: -{pct}%",
        "Svuotatutto: -{pct}%",
    ),
}
BADGES = ("-{pct}%", "Offerta", "Saldi", "Promo")
OLD_PRICE_LABELS = ("", "", "Prima", "Prezzo consigliato", "Invece di")
URGENCY = (
    "Solo {n} pezzi disponibili!",
    "{n} persone stanno guardando questo prodotto",
    "L'offerta scade tra {h} ore",
    "Ultimi pezzi disponibili",
    "Offerta lampo: termina tra {h}h",
    "Scorte limitate, affrettati!",
    "{n} venduti nelle ultime 24 ore",
)
REASSURANCE = (
    "Spedizione gratuita da {free_from} €",
    "Pagamento sicuro",
    "Reso gratuito entro 30 giorni",
    "Assistenza clienti in Italia",
    "Spedizione in 24/48h",
    "Garanzia 2 anni",
    "Oltre {n} clienti soddisfatti",
)
ABOUT = (
    "Dal {year}, {shop} seleziona {niche_word} di qualità a prezzi onesti. Il nostro team a {city} "
    "prepara ogni ordine con cura.",
    "{shop} è nata nel {year} dalla passione per i {niche_word}.",
    "Piccola azienda di {city}, {shop} propone {niche_word} scelti per qualità e durata.",
)
REVIEW_TEXTS = (
    "Molto soddisfatta, spedizione veloce.",
    "Come da descrizione, consigliato.",
    "Buona qualità, imballo curato.",
    "Ci ha messo un po' ma ottimo.",
    "Ottimo rapporto qualità-prezzo.",
)

COLOURS = (
    "nero",
    "bianco",
    "grigio",
    "beige",
    "blu navy",
    "verde salvia",
    "terracotta",
    "rosa",
    "cammello",
    "naturale",
)
PRODUCTS = {
    "fashion": (
        ("Maglione", "Abito", "Camicia", "Giacca", "Jeans", "Cappotto", "T-shirt"),
        (
            "in lana merino",
            "in lino",
            "in cotone biologico",
            "oversize",
            "sciancrato",
            "impermeabile",
        ),
    ),
    "sneakers": (
        ("Sneakers", "Scarpe da running", "Sneakers alte", "Scarpe da ginnastica"),
        ("in pelle", "in tela", "retrò", "leggere", "unisex", "edizione limitata"),
    ),
    "furniture": (
        (
            "Divano",
            "Tavolino",
            "Poltrona",
            "Credenza",
            "Letto",
            "Cassettiera",
            "Libreria",
            "Tavolo da pranzo",
        ),
        (
            "in rovere massello",
            "nordico",
            "3 posti",
            "in velluto",
            "industriale",
            "in rattan",
            "allungabile",
        ),
    ),
    "electronics": (
        (
            "Cuffie wireless",
            "Cassa Bluetooth",
            "Smartphone",
            "Tablet",
            "Smartwatch",
            "Notebook",
            "Console",
        ),
        ("ricondizionato", "128 GB", "con cancellazione del rumore", "impermeabile"),
    ),
    "garden": (
        (
            "Set da giardino",
            "Tosaerba",
            "Barbecue",
            "Ombrellone",
            "Fioriera",
            "Tagliasiepi",
            "Amaca",
        ),
        ("in alluminio", "a batteria", "a gas", "in legno"),
    ),
    "toys": (
        ("Costruzioni", "Peluche", "Puzzle", "Bambola", "Pista", "Gioco da tavolo"),
        ("in legno", "educativo", "1000 pezzi", "Montessori"),
    ),
    "cosmetics": (
        ("Crema idratante", "Siero", "Olio secco", "Sapone", "Shampoo solido"),
        ("bio", "all'acido ialuronico", "vegano", "artigianale", "100 ml"),
    ),
    "jewellery": (
        ("Collana", "Bracciale", "Anello", "Orecchini", "Orologio"),
        ("in argento 925", "placcato oro", "in acciaio", "minimal"),
    ),
    "appliances": (
        (
            "Impastatrice",
            "Scopa elettrica",
            "Macchina da caffè",
            "Friggitrice ad aria",
            "Frullatore",
        ),
        ("1200 W", "senza sacco", "automatica", "5,5 L", "silenziosa"),
    ),
    "sport": (
        (
            "Bici elettrica",
            "Tappetino yoga",
            "Manubri",
            "Tenda",
            "Zaino da trekking",
            "Monopattino elettrico",
        ),
        ("pieghevole", "ultraleggero", "regolabile", "40 L"),
    ),
}
NICHE_WORDS = {
    "fashion": ("abbigliamento", "moda"),
    "sneakers": ("sneakers", "scarpe"),
    "furniture": ("mobili", "arredamento"),
    "electronics": ("elettronica", "tecnologia"),
    "garden": ("arredo giardino", "giardinaggio"),
    "toys": ("giocattoli", "giochi"),
    "cosmetics": ("cosmetici", "prodotti per la pelle"),
    "jewellery": ("gioielli", "orologi"),
    "appliances": ("elettrodomestici", "piccoli elettrodomestici"),
    "sport": ("articoli sportivi", "attrezzatura outdoor"),
}
DESCRIPTIONS = (
    "Questo {product} color {colour} unisce comfort e stile.",
    "Realizzato con materiali selezionati, pensato per durare.",
    "Misure e dettagli tecnici nella scheda caratteristiche.",
    "Fornito con istruzioni e {warranty} anni di garanzia.",
    "Il nostro best seller, apprezzato per le finiture.",
    "Ogni articolo viene controllato prima della spedizione.",
)

SHOP_PREFIXES = ("Casa", "Bottega", "Laboratorio", "La Bottega di", "Atelier", "Officina")
SHOP_CORES = (
    "Ulivo",
    "Girasole",
    "Limone",
    "Tramonto",
    "Salvia",
    "Fiordaliso",
    "Cipresso",
    "Riviera",
    "Ginestra",
    "Mandorla",
    "Corallo",
    "Borgo",
)
SHOP_SUFFIXES = ("", "", "& Co", "Shop", "Store", "Milano", "Design")
COMPANY_PATTERNS = (
    "{core} S.r.l.s",
    "{last} & Figli",
    "{core} Commerciale",
    "{core} Group",
    "{last} Distribuzione",
    "{core}",
)
DOMAIN_KEYWORDS = (
    "saldi",
    "outlet",
    "offerte",
    "sconti",
    "negozio",
    "italia",
    "online",
    "shop",
    "it",
)
DOMAIN_NICHE = {
    "fashion": ("moda", "abbigliamento"),
    "sneakers": ("sneakers", "scarpe"),
    "furniture": ("mobili", "arredo"),
    "electronics": ("tech", "elettronica"),
    "garden": ("giardino", "outdoor"),
    "toys": ("giocattoli", "giochi"),
    "cosmetics": ("cosmetici", "bellezza"),
    "jewellery": ("gioielli", "orologi"),
    "appliances": ("elettrodomestici", "cucina"),
    "sport": ("sport", "bici"),
}
FIRST_NAMES = (
    "Giulia",
    "Marco",
    "Francesca",
    "Luca",
    "Chiara",
    "Andrea",
    "Sara",
    "Matteo",
    "Elena",
    "Alessandro",
    "Valentina",
    "Davide",
)
LAST_NAMES = (
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
)
# (city, postcode, province code for REA)
CITIES = (
    ("Milano", "20121", "MI"),
    ("Roma", "00184", "RM"),
    ("Torino", "10121", "TO"),
    ("Bologna", "40121", "BO"),
    ("Firenze", "50122", "FI"),
    ("Napoli", "80133", "NA"),
    ("Verona", "37121", "VR"),
    ("Bari", "70121", "BA"),
    ("Padova", "35122", "PD"),
)
STREETS = (
    "Via Roma",
    "Corso Vittorio Emanuele",
    "Via Garibaldi",
    "Via Mazzini",
    "Viale della Repubblica",
    "Via Dante",
    "Piazza del Duomo",
    "Via dell'Industria",
)
ADDRESS_FORMAT = ("{street} {number}, {postcode} {city}", "{street}, {number} - {postcode} {city}")
PHONE_LANDLINE = ("0{a} #######", "+39 0{a} #######")
PHONE_AREA = ("2", "6", "11", "51", "55", "81")
PHONE_MOBILE = ("3## ### ####", "+39 3## ### ####")
FREEMAIL = ("gmail.com", "libero.it", "virgilio.it", "hotmail.it", "yahoo.it", "gmail.com")
MAILBOXES = ("info", "ordini", "assistenza", "shop", "ciao", "servizioclienti")

LEGAL_FORMS = (
    ("S.r.l.", 0.62, (10000, 100000)),
    ("S.r.l.s.", 0.16, (1, 10000)),
    ("S.p.A.", 0.04, (50000, 1000000)),
    ("Ditta individuale", 0.18, None),
)
LEGAL_INTRO = (
    "Informazioni ai sensi dell'art. 7 del D.Lgs. 70/2003 sul commercio elettronico, relative al "
    "sito {domain}.",
    "Dati societari del titolare del sito {domain}.",
    "",
)
LEGAL_HEADINGS = {
    "publisher": ("Titolare del sito", "Dati societari", "Informazioni societarie"),
    "host": ("Hosting", "Fornitore di hosting"),
    "mediator": ("Risoluzione delle controversie", "ODR"),
    "ip": ("Proprietà intellettuale",),
    "data": ("Privacy",),
}
LEGAL_FIELDS = (
    "company",
    "address",
    "piva",
    "rea",
    "capital",
    "pec",
    "phone",
    "email",
    "host",
    "mediator",
)
LEGAL_LABELS = {
    "company": ("Ragione sociale", "Titolare", "Denominazione", "Società"),
    "form": ("Forma giuridica",),
    "capital": ("Capitale sociale", "Cap. soc."),
    "address": ("Sede legale", "Indirizzo", "Sede"),
    "piva": ("P.IVA", "Partita IVA", "P.IVA e C.F.", "P. IVA / C.F."),
    "rea": ("REA", "Numero REA", "Iscrizione REA"),
    "pec": ("PEC", "Posta certificata"),
    "phone": ("Telefono", "Tel."),
    "email": ("Email", "E-mail"),
    "director": ("Legale rappresentante", "Amministratore"),
    "host": ("Hosting",),
}
ID_FORMATS = {
    "piva": ("{reg_id}", "IT{reg_id}", "IT {reg_id}"),
    "rea": ("{extra}", "REA {extra}", "{registry_city}-{extra_number}"),
    "capital": ("€ {capital} i.v.", "{capital} € interamente versato", "Euro {capital}"),
    "vat": ("{vat}",),
}
LEGAL_CLAUSES = {
    "company": ("Il sito {domain} è gestito da {value}", "Titolare del sito è {value}"),
    "address": ("con sede legale in {value}",),
    "piva": ("P.IVA {value}", "partita IVA {value}"),
    "rea": ("iscritta al {value}",),
    "capital": ("capitale sociale {value}",),
}
SOLE_TRADER_NOTE = ("Ditta individuale", "Regime forfettario")
MEDIATORS = (
    (
        "Camera di Commercio - Servizio di Conciliazione",
        "Via Meravigli 9/b, 20123 Milano",
        "https://www.milomb.camcom.it",
    ),
)
MEDIATOR_SENTENCE = (
    "Per la risoluzione delle controversie è possibile rivolgersi a {name}, {address}, {url}.",
)
ODR_SENTENCE = (
    "Piattaforma europea ODR per la risoluzione online delle controversie: "
    "https://ec.europa.eu/consumers/odr",
)
LEGAL_IP = ("Tutti i contenuti del sito sono protetti dal diritto d'autore.",)
LEGAL_DATA = (
    "I dati sono trattati ai sensi del GDPR. Per esercitare i tuoi diritti scrivi a {email}.",
)

TERMS_INTRO = (
    "Le presenti condizioni regolano gli acquisti su {domain}, gestito da {company}.",
    "Effettuando un ordine su {domain} accetti le presenti condizioni generali di vendita.",
)
TERMS_ARTICLES = (
    (
        ("1. Oggetto", "Oggetto"),
        ("Le presenti condizioni si applicano a tutte le vendite di {shop}.",),
    ),
    (("2. Prezzi", "Prezzi"), ("Tutti i prezzi sono IVA inclusa, spese di spedizione escluse.",)),
    (("3. Ordini", "Ordine"), ("L'ordine è confermato al ricevimento del pagamento.",)),
    (
        ("4. Pagamento", "Modalità di pagamento"),
        ("Accettiamo: {methods}.", "È possibile pagare con {methods}."),
    ),
    (("5. Spedizione", "Consegna"), ("La consegna avviene in {min}-{max} giorni lavorativi.",)),
)
WITHDRAWAL = {
    "14": (
        "Ai sensi dell'art. 52 del Codice del Consumo hai diritto di recedere dal contratto "
        "entro 14 giorni dalla consegna, senza indicarne le ragioni.",
        "Hai 14 giorni dalla consegna per restituire un articolo.",
    ),
    "30": ("Hai 30 giorni per il reso gratuito.",),
    "7": ("È possibile restituire il prodotto entro 7 giorni.",),
    "none": (
        "Gli articoli in saldo non possono essere resi né cambiati.",
        "Non si accettano resi dopo la spedizione.",
    ),
}
WITHDRAWAL_HEADING = ("Diritto di recesso", "6. Recesso", "Resi e recesso")
WARRANTY = (
    "Tutti i prodotti sono coperti dalla garanzia legale di conformità di 24 mesi.",
    "Si applica la garanzia legale prevista dal Codice del Consumo.",
)
GOVERNING_LAW = ("Le presenti condizioni sono regolate dalla legge italiana.",)
CONTACT_INTRO = (
    "Domande su un prodotto o un ordine? Ti aiutiamo noi.",
    "Scrivici e ti risponderemo entro 24 ore.",
)
HOURS = ("Dal lunedì al venerdì, 9:00-18:00", "Lun-Sab 10-19", "Assistenza 7 giorni su 7")
FORM_LABELS = ("Nome", "Email", "Oggetto", "Messaggio", "Invia")
WHATSAPP = ("Scrivici su WhatsApp", "Assistenza WhatsApp 24h")
CARRIERS = ("BRT", "GLS", "SDA", "Poste Italiane", "DHL", "UPS")
DELIVERY_TEXTS = (
    "Gli ordini vengono spediti entro {prep} giorni lavorativi con {carrier}. Consegna in {min}-"
    "{max} giorni lavorativi.",
    "Spedizione gratuita da {free_from} €, altrimenti {fee} €.",
    "Riceverai il numero di tracciamento via email.",
)
RETURNS_TEXTS = (
    "Puoi restituire un articolo entro {days} giorni dal ricevimento.",
    "Gli articoli devono essere resi integri e nella confezione originale.",
    "Il rimborso avviene con lo stesso metodo di pagamento.",
    "Per i resi contattaci prima a {email}.",
)
KIT_PHRASES = {
    "k1": (
        "Siamo un'azienda di liquidazione delle scorte, tutti i prodotti sono autentici al "
        "100% e di alta qualità.",
        "A causa della chiusura del magazzino, tutti gli articoli sono venduti in perdita.",
    ),
    "k2": (
        "Gentile cliente, a causa dell'elevata domanda i tempi di consegna possono essere di "
        "7-12 giorni lavorativi.",
        "Il nostro negozio è fornire prodotti di buona qualità al prezzo più basso.",
    ),
    "k3": (
        "Tutti i nostri mobili sono fatti a mano dai nostri artigiani partner in Europa.",
        "Consegna e montaggio gratuiti per ogni ordine effettuato oggi.",
    ),
    "k4": (
        "Servizio clienti online 24/7, ti risponderemo il prima possibile.",
        "Prezzi bassi non significano bassa qualità, acquista con fiducia.",
    ),
    "k5": (
        "Pagamento in criptovaluta accettato: sconto extra immediato.",
        "Prodotti nuovi sigillati, garanzia ufficiale del produttore 2 anni in tutta Europa.",
    ),
}

# URL word for product pages (e.g. /produit/slug/ on WordPress shops).
PRODUCT_BASE = ("prodotto", "prodotti", "negozio/prodotto")

FOOTER_TITLES = ("Informazioni", "Servizio clienti", "Aiuto", "Link utili", "Il negozio")
CARD_UNAVAILABLE = (
    "Il pagamento con carta è temporaneamente non disponibile. Paga con bonifico.",
    "Per manutenzione, al momento è disponibile solo il bonifico bancario.",
)
PAYPAL_NOTE = ("Verrai reindirizzato a PayPal per completare l'acquisto.", "")
SINCE = ("Dal {year}", "Fondata nel {year}", "Dal {year} con voi")
LABEL_SEPARATORS = (": ", ": ", " - ")
