"""Names and numbers shared by every language: niches, payment methods, registries, registrars."""

# Share of sites per language and, within each, the country and currency they trade in.
LANGUAGE_WEIGHTS = {"fr": 0.60, "en": 0.12, "de": 0.10, "es": 0.09, "it": 0.09}
EN_MARKETS = (("GB", "GBP", 0.70), ("IE", "EUR", 0.10), ("INT", "EUR", 0.20))

# Niche -> (cheapest, dearest) usual price in euros; products are drawn log-uniformly between.
NICHES = {
    "fashion": (19.0, 240.0),
    "sneakers": (55.0, 220.0),
    "furniture": (89.0, 1490.0),
    "electronics": (29.0, 1290.0),
    "garden": (15.0, 690.0),
    "toys": (9.0, 149.0),
    "cosmetics": (7.0, 95.0),
    "jewellery": (25.0, 480.0),
    "appliances": (39.0, 890.0),
    "sport": (15.0, 520.0),
}

# Fictional makers, for brand-like shop and domain names and product titles.
BRANDS = (
    "Nordvik",
    "Aeris",
    "Kalvo",
    "Lumeo",
    "Brixa",
    "Velto",
    "Sorren",
    "Ondine",
    "Maroki",
    "Zentra",
    "Fjelda",
    "Corvin",
    "Elvane",
    "Tarsio",
    "Quenta",
    "Solvane",
    "Arkel",
    "Montrel",
    "Vesna",
    "Oriel",
    "Kastor",
    "Nuvia",
    "Pellio",
    "Rivana",
    "Strato",
    "Tamaro",
    "Ulvik",
    "Valdor",
    "Wendel",
    "Yorra",
    "Brevik",
    "Calix",
    "Delmar",
    "Evora",
    "Halden",
)

# Payment method id -> whether a consumer can get money back (chargeback, buyer protection,
# payment on delivery), the logo file stem, and the alt text shops use.
PAYMENT_METHODS = {
    "card": (True, "credit-card", "Credit card"),
    "cb": (True, "cb", "CB"),
    "visa": (True, "visa", "Visa"),
    "mastercard": (True, "mastercard", "Mastercard"),
    "amex": (True, "american-express", "American Express"),
    "paypal": (True, "paypal", "PayPal"),
    "applepay": (True, "apple-pay", "Apple Pay"),
    "googlepay": (True, "google-pay", "Google Pay"),
    "klarna": (True, "klarna", "Klarna"),
    "alma": (True, "alma", "Alma"),
    "bancontact": (True, "bancontact", "Bancontact"),
    "cod": (True, "cash-on-delivery", "Cash on delivery"),
    "sepa_debit": (True, "sepa", "SEPA"),
    "bizum": (False, "bizum", "Bizum"),
    "satispay": (True, "satispay", "Satispay"),
    "transfer": (False, "bank-transfer", "Bank transfer"),
    "cheque": (False, "cheque", "Chèque"),
    "western_union": (False, "western-union", "Western Union"),
    "moneygram": (False, "moneygram", "MoneyGram"),
    "crypto": (False, "bitcoin", "Bitcoin"),
    "usdt": (False, "tether", "USDT"),
    "pcs": (False, "pcs", "PCS Mastercard"),
    "transcash": (False, "transcash", "Transcash"),
    "neosurf": (False, "neosurf", "Neosurf"),
    "paysafecard": (False, "paysafecard", "paysafecard"),
}
CARD_LOGOS = ("visa", "mastercard", "cb", "amex")
VOUCHERS = ("pcs", "transcash", "neosurf", "paysafecard")
CARD_PROCESSORS = ("Stripe", "PayPlug", "Stancer", "Mollie", "Adyen", "Lyra", "Monetico", "SumUp")
DUBIOUS_PROCESSORS = ("SecurPay Gateway", "PayNova Checkout", "EuroSafe Pay", "FastCheckout")

# IBAN countries used by genuine shops (their own) and by fraud (accounts opened elsewhere).
IBAN_HOME = {"FR": "FR", "DE": "DE", "ES": "ES", "IT": "IT", "GB": "GB", "IE": "IE", "INT": "IE"}
IBAN_ELSEWHERE = ("LT", "BE", "PT", "ES", "DE", "NL", "IE", "FR")

FREEMAIL_INTERNATIONAL = ("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me")
OTHER_MAIL_DOMAINS = (
    "service-clientele-shop.com",
    "support-orders.net",
    "shopcare-help.com",
    "customer-desk.org",
    "eu-shopservice.com",
    "mail-boutique.net",
)

# TLD weights: genuine shops by market, fraud by language.
LEGIT_TLDS = {
    "FR": {
        "fr": 0.55,
        "com": 0.28,
        "eu": 0.03,
        "shop": 0.05,
        "store": 0.02,
        "net": 0.03,
        "paris": 0.02,
        "bzh": 0.02,
    },
    "DE": {"de": 0.72, "com": 0.17, "shop": 0.05, "eu": 0.04, "store": 0.02},
    "ES": {"es": 0.60, "com": 0.30, "shop": 0.05, "eu": 0.05},
    "IT": {"it": 0.65, "com": 0.27, "shop": 0.05, "eu": 0.03},
    "GB": {"co.uk": 0.55, "com": 0.30, "uk": 0.05, "shop": 0.05, "store": 0.05},
    "IE": {"ie": 0.45, "com": 0.45, "shop": 0.05, "eu": 0.05},
    "INT": {"com": 0.60, "shop": 0.20, "store": 0.15, "net": 0.05},
}
FRAUD_TLDS = {
    "FR": {
        "fr": 0.20,
        "com": 0.25,
        "shop": 0.15,
        "store": 0.09,
        "top": 0.06,
        "online": 0.09,
        "xyz": 0.04,
        "site": 0.04,
        "eu": 0.03,
        "net": 0.03,
        "boutique": 0.02,
    },
    "DE": {
        "de": 0.22,
        "com": 0.25,
        "shop": 0.16,
        "store": 0.10,
        "top": 0.07,
        "online": 0.12,
        "xyz": 0.04,
        "site": 0.04,
    },
    "ES": {
        "es": 0.18,
        "com": 0.28,
        "shop": 0.17,
        "store": 0.10,
        "top": 0.08,
        "online": 0.12,
        "site": 0.07,
    },
    "IT": {
        "it": 0.18,
        "com": 0.28,
        "shop": 0.17,
        "store": 0.10,
        "top": 0.08,
        "online": 0.12,
        "site": 0.07,
    },
    "GB": {
        "co.uk": 0.18,
        "com": 0.30,
        "shop": 0.16,
        "store": 0.10,
        "top": 0.08,
        "online": 0.12,
        "uk": 0.06,
    },
    "IE": {"com": 0.45, "ie": 0.05, "shop": 0.20, "store": 0.10, "online": 0.20},
    "INT": {"com": 0.40, "shop": 0.20, "store": 0.12, "top": 0.10, "online": 0.12, "xyz": 0.06},
}

# Registry of each TLD: the RDAP server it answers from and the shape of its answers.
# style: afnic, verisign (thin), gtld (full, redacted), denic (no registration date),
# nominet, eurid (no registrant), nicit; None means no public RDAP service.
REGISTRIES = {
    "fr": ("https://rdap.nic.fr/", "afnic", "FRNIC"),
    "paris": ("https://rdap.nic.paris/", "afnic", "PARIS"),
    "bzh": ("https://rdap.nic.bzh/", "gtld", "BZH"),
    "com": ("https://rdap.verisign.com/com/v1/", "verisign", "VRSN"),
    "net": ("https://rdap.verisign.com/net/v1/", "verisign", "VRSN"),
    "shop": ("https://rdap.gmoregistry.net/rdap/", "gtld", "GMO"),
    "store": ("https://rdap.centralnic.com/store/", "gtld", "CNIC"),
    "online": ("https://rdap.centralnic.com/online/", "gtld", "CNIC"),
    "site": ("https://rdap.centralnic.com/site/", "gtld", "CNIC"),
    "xyz": ("https://rdap.centralnic.com/xyz/", "gtld", "CNIC"),
    "top": ("https://rdap.zdnsgtld.com/top/", "gtld", "TOP"),
    "boutique": ("https://rdap.identitydigital.services/rdap/", "gtld", "DONUTS"),
    "eu": ("https://rdap.eurid.eu/", "eurid", "EURID"),
    "de": ("https://rdap.denic.de/", "denic", "DENIC"),
    "it": ("https://rdap.nic.it/", "nicit", "NICIT"),
    "co.uk": ("https://rdap.nominet.uk/uk/", "nominet", "NOMINET"),
    "uk": ("https://rdap.nominet.uk/uk/", "nominet", "NOMINET"),
    "ie": ("https://rdap.weare.ie/", "gtld", "IEDR"),
    "es": (None, "none", "ES"),
}

# Registrars: name, IANA id, WHOIS host, RDAP base, abuse e-mail, abuse phone,
# weight among genuine shops, weight among fraud. Both classes use most of them.
REGISTRARS = (
    (
        "OVH SAS",
        "433",
        "whois.ovh.com",
        "https://rdap.ovh.com/",
        "abuse@ovh.net",
        "+33.972101007",
        0.24,
        0.10,
    ),
    (
        "Gandi SAS",
        "81",
        "whois.gandi.net",
        "https://rdap.gandi.net/",
        "abuse@support.gandi.net",
        "+33.170377661",
        0.09,
        0.02,
    ),
    (
        "IONOS SE",
        "83",
        "whois.ionos.com",
        "https://rdap.ionos.com/",
        "abuse@ionos.com",
        "+49.7219600",
        0.10,
        0.04,
    ),
    (
        "GoDaddy.com, LLC",
        "146",
        "whois.godaddy.com",
        "https://rdap.godaddy.com/v1/",
        "abuse@godaddy.com",
        "+1.4806242505",
        0.10,
        0.10,
    ),
    (
        "NameCheap, Inc.",
        "1068",
        "whois.namecheap.com",
        "https://rdap.namecheap.com/",
        "abuse@namecheap.com",
        "+1.6613102107",
        0.06,
        0.20,
    ),
    (
        "Hostinger Operations, UAB",
        "1636",
        "whois.hostinger.com",
        "https://rdap.hostinger.com/",
        "abuse-tracker@hostinger.com",
        "+370.64503378",
        0.06,
        0.14,
    ),
    (
        "Gname.com Pte. Ltd.",
        "1923",
        "whois.gname.com",
        "https://rdap.gname.com/",
        "complaint@gname.com",
        "+65.31581931",
        0.005,
        0.13,
    ),
    (
        "NameSilo, LLC",
        "1479",
        "whois.namesilo.com",
        "https://rdap.namesilo.com/",
        "abuse@namesilo.com",
        "+1.4805240066",
        0.01,
        0.09,
    ),
    (
        "Tucows Domains Inc.",
        "69",
        "whois.tucows.com",
        "https://rdap.tucows.com/",
        "domainabuse@tucows.com",
        "+1.4165350123",
        0.07,
        0.05,
    ),
    (
        "Squarespace Domains II LLC",
        "895",
        "whois.squarespace.domains",
        "https://rdap.squarespace.domains/",
        "abuse-complaints@squarespace.com",
        "+1.6465803456",
        0.04,
        0.01,
    ),
    (
        "Key-Systems GmbH",
        "269",
        "whois.rrpproxy.net",
        "https://rdap.rrpproxy.net/",
        "abuse@key-systems.net",
        "+49.68949396850",
        0.04,
        0.03,
    ),
    (
        "Dynadot Inc",
        "472",
        "whois.dynadot.com",
        "https://rdap.dynadot.com/",
        "abuse@dynadot.com",
        "+1.6502620100",
        0.02,
        0.05,
    ),
    (
        "PDR Ltd. d/b/a PublicDomainRegistry.com",
        "303",
        "whois.publicdomainregistry.com",
        "https://rdap.publicdomainregistry.com/",
        "abuse-contact@publicdomainregistry.com",
        "+1.2013775952",
        0.02,
        0.04,
    ),
    (
        "Alibaba Cloud Computing (Beijing) Co., Ltd.",
        "420",
        "grs-whois.hichina.com",
        "https://rdap.hichina.com/",
        "DomainAbuse@service.aliyun.com",
        "+86.95187",
        0.005,
        0.04,
    ),
    (
        "Nameshield",
        "1251",
        "whois.nameshield.net",
        "https://rdap.nameshield.net/",
        "abuse@nameshield.net",
        "+33.241182828",
        0.03,
        0.0,
    ),
    (
        "MarkMonitor Inc.",
        "292",
        "whois.markmonitor.com",
        "https://rdap.markmonitor.com/rdap/",
        "abusecomplaints@markmonitor.com",
        "+1.2086851750",
        0.01,
        0.0,
    ),
    (
        "Register.it S.p.A.",
        "168",
        "whois.register.it",
        "https://rdap.register.it/",
        "abuse@register.it",
        "+39.05520021",
        0.03,
        0.01,
    ),
    (
        "Aruba S.p.A.",
        "1357",
        "whois.aruba.it",
        "https://rdap.aruba.it/",
        "abuse@staff.aruba.it",
        "+39.0575862355",
        0.03,
        0.01,
    ),
    (
        "Arsys Internet, S.L.",
        "1090",
        "whois.arsys.es",
        "https://rdap.arsys.es/",
        "abuse@arsys.es",
        "+34.941620100",
        0.02,
        0.01,
    ),
    (
        "Strato AG",
        "1210",
        "whois.strato.de",
        "https://rdap.strato.de/",
        "abuse@strato.de",
        "+49.30398020",
        0.03,
        0.01,
    ),
)

# Hosting companies named in legal notices: name, postal address.
HOSTS = {
    "ovh": ("OVH SAS", "2 rue Kellermann, 59100 Roubaix, France"),
    "o2switch": ("o2switch SARL", "Chemin des Pardiaux, 63000 Clermont-Ferrand, France"),
    "ionos": ("IONOS SARL", "7 place de la Gare, BP 70109, 57201 Sarreguemines Cedex, France"),
    "gandi": ("Gandi SAS", "63-65 boulevard Masséna, 75013 Paris, France"),
    "shopify": ("Shopify Inc.", "151 O'Connor Street, Ground floor, Ottawa, ON K2P 2L8, Canada"),
    "wix": ("Wix.com Ltd.", "40 Namal Tel Aviv St., Tel Aviv 6350671, Israel"),
    "hostinger": ("Hostinger International Ltd.", "61 Lordou Vironos Street, 6023 Larnaca, Cyprus"),
    "infomaniak": ("Infomaniak Network SA", "Rue Eugène-Marziano 25, 1227 Les Acacias, Suisse"),
    "planethoster": ("PlanetHoster", "4416 Louis-B.-Mayer, Laval, Québec H7P 0G1, Canada"),
    "cloudflare": ("Cloudflare, Inc.", "101 Townsend St, San Francisco, CA 94107, USA"),
    "aws": ("Amazon Web Services EMEA SARL", "38 avenue John F. Kennedy, L-1855 Luxembourg"),
    "strato": ("STRATO AG", "Otto-Ostrowski-Straße 7, 10249 Berlin, Deutschland"),
    "hetzner": ("Hetzner Online GmbH", "Industriestr. 25, 91710 Gunzenhausen, Deutschland"),
    "aruba": ("Aruba S.p.A.", "Via San Clemente 53, 24036 Ponte San Pietro (BG), Italia"),
    "arsys": ("Arsys Internet S.L.U.", "Calle Madre de Dios 21, 26004 Logroño, España"),
    "namecheap": (
        "Namecheap, Inc.",
        "4600 East Washington Street, Suite 305, Phoenix, AZ 85034, USA",
    ),
}
HOSTS_BY_TEMPLATE = {
    "shopify": ("shopify",),
    "wix": ("wix",),
    "woocommerce": (
        "ovh",
        "o2switch",
        "ionos",
        "hostinger",
        "planethoster",
        "infomaniak",
        "strato",
        "hetzner",
        "aruba",
        "arsys",
        "cloudflare",
    ),
    "prestashop": ("ovh", "o2switch", "ionos", "infomaniak", "gandi", "strato", "aruba", "arsys"),
    "magento": ("ovh", "aws", "hetzner", "ionos", "strato"),
    "handmade": ("ovh", "gandi", "ionos", "hostinger", "o2switch", "namecheap", "cloudflare"),
}

# Where reports come from; independent of the outcome.
SOURCES = (
    ("signal-conso", 0.52),
    ("phishing-initiative", 0.14),
    ("internal", 0.16),
    ("partner-bank", 0.08),
    ("press", 0.03),
    ("police", 0.07),
)

# Analytics snippets: (kind, id pattern); '#' is a digit, 'A' an upper-case letter or digit.
TRACKERS = (
    ("ga4", "G-AAAAAAAAAA"),
    ("gtm", "GTM-AAAAAAA"),
    ("fbq", "###############"),
    ("matomo", "#"),
    ("hotjar", "#######"),
)

# Web agencies that build genuine shops; their credit line and shared tag manager container.
AGENCIES = (
    ("Studio Pixelune", "pixelune.fr"),
    ("Agence Hexaweb", "hexaweb.fr"),
    ("Webcraft Lab", "webcraftlab.com"),
    ("Digitalia Shops", "digitalia-shops.com"),
    ("Nordlicht Medien", "nordlicht-medien.de"),
    ("Estudio Brisa", "estudiobrisa.es"),
)

# Small valid images served by some captured sites (bytes are built in the logic).
ASSET_NAMES = ("logo.png", "banner.png", "favicon.png")

# Companies registered far from the shop's market (used by some genuine dropshippers and by
# fraud): jurisdiction, name suffix, registry label, id pattern ('#' digit), addresses.
FOREIGN_JURISDICTIONS = (
    (
        "HK",
        "Limited",
        "Company Registry No.",
        "#######",
        (
            (
                "Flat 12, 9/F, Tower B, Hunghom Commercial Centre, "
                "37 Ma Tau Wai Road, Kowloon, Hong Kong"
            ),
            "Room 1003, 10/F, Tower 1, Lippo Centre, 89 Queensway, Admiralty, Hong Kong",
            "Unit 2A, 17/F, Glenealy Tower, 1 Glenealy, Central, Hong Kong",
        ),
    ),
    (
        "CN",
        "Co., Ltd.",
        "Unified Social Credit Code",
        "91440300MA5#######",
        (
            "Room 502, Building 3, Bantian Street, Longgang District, Shenzhen, China",
            "No. 88 Huangpu Avenue, Tianhe District, Guangzhou, China",
        ),
    ),
    (
        "US",
        "LLC",
        "Wyoming Filing ID",
        "2023-00#######",
        (
            "30 N Gould St Ste R, Sheridan, WY 82801, USA",
            "1309 Coffeen Avenue STE 1200, Sheridan, WY 82801, USA",
        ),
    ),
    (
        "EE",
        "OÜ",
        "Registrikood",
        "16######",
        (
            "Harju maakond, Tallinn, Kesklinna linnaosa, Sakala tn 7-2, 10141, Estonia",
            "Ahtri tn 12, 10151 Tallinn, Estonia",
        ),
    ),
    (
        "GB",
        "Ltd",
        "Company number",
        "1#######",
        (
            "71-75 Shelton Street, Covent Garden, London, WC2H 9JQ, United Kingdom",
            "20-22 Wenlock Road, London, N1 7GU, United Kingdom",
            "128 City Road, London, EC1V 2NX, United Kingdom",
        ),
    ),
    (
        "CY",
        "Ltd",
        "Registration No. HE",
        "4#####",
        ("Arch. Makariou III, 155, Proteas House, 3026 Limassol, Cyprus",),
    ),
)
FOREIGN_NAME_PARTS = (
    "Bright Ocean",
    "Sunrise",
    "Golden Bridge",
    "Blue Harbor",
    "Prime Goods",
    "Nova Trade",
    "Silver Leaf",
    "Eastwind",
    "Happy Tree",
    "Global Mart",
    "Starlink Commerce",
    "Yunfan",
    "Huaxin",
    "Lucky Star",
    "Evergreen Retail",
)
FOREIGN_PHONES = (
    "+852 5### ####",
    "+86 13# #### ####",
    "+1 307 ### ####",
    "+372 5### ####",
    "+44 7### ######",
    "+357 99 ######",
)

# Banks per IBAN country: (bank code as it appears in the BBAN, BIC). Fintechs included.
BANKS = {
    "FR": (
        ("30004", "BNPAFRPP"),
        ("30003", "SOGEFRPP"),
        ("10278", "CMCIFR2A"),
        ("20041", "PSSTFRPP"),
        ("16958", "QNTOFRP1"),
        ("18206", "AGRIFRPP882"),
        ("17515", "CEPAFRPP751"),
        ("30056", "CCFRFRPP"),
    ),
    "DE": (
        ("10011001", "NTSBDEB1"),
        ("50010517", "INGDDEFF"),
        ("10070000", "DEUTDEBB"),
        ("37040044", "COBADEFF"),
        ("70150000", "SSKMDEMM"),
    ),
    "ES": (("0049", "BSCHESMM"), ("2100", "CAIXESBB"), ("0182", "BBVAESMM"), ("0081", "BSABESBB")),
    "IT": (("03069", "BCITITMM"), ("02008", "UNCRITMM"), ("03032", "BACRIT21")),
    "GB": (("MIDL", "MIDLGB22"), ("BARC", "BARCGB22"), ("NWBK", "NWBKGB2L"), ("MONZ", "MONZGB2L")),
    "IE": (("REVO", "REVOIE23"), ("AIBK", "AIBKIE2D"), ("BOFI", "BOFIIE2D")),
    "LT": (("32500", "REVOLT21"), ("37900", "PAYPLT21")),
    "BE": (("967", "TRWIBEB1"), ("063", "GKCCBEBB")),
    "PT": (("0033", "BCOMPTPL"), ("0035", "CGDIPTPL")),
    "NL": (("BUNQ", "BUNQNL2A"), ("INGB", "INGBNL2A")),
}
# BBAN layout per IBAN country: total length and whether the bank code is letters.
BBAN_LENGTH = {
    "FR": 23,
    "DE": 18,
    "ES": 20,
    "IT": 23,
    "GB": 18,
    "IE": 18,
    "LT": 16,
    "BE": 12,
    "PT": 21,
    "NL": 14,
}

# Address blocks of hosting companies, for WARC-IP-Address ('#' is a digit 0-9 or more).
HOST_IPS = {
    "shopify": ("23.227.38.#", "23.227.38.##"),
    "wix": ("185.230.63.###", "34.149.87.##"),
    "ovh": ("51.91.##.###", "54.36.##.##", "213.186.33.#"),
    "o2switch": ("109.234.16#.##",),
    "ionos": ("217.160.0.###", "82.165.##.##"),
    "gandi": ("217.70.184.##",),
    "hostinger": ("145.14.15#.##", "185.224.13#.##"),
    "infomaniak": ("83.166.13#.##",),
    "planethoster": ("144.217.##.##",),
    "cloudflare": ("104.21.##.###", "172.67.1##.##"),
    "aws": ("3.64.##.###", "18.197.##.##"),
    "strato": ("81.169.14#.###",),
    "hetzner": ("88.99.##.###", "95.217.##.##"),
    "aruba": ("62.149.12#.##",),
    "arsys": ("217.76.1##.##",),
    "namecheap": ("198.54.11#.###", "162.0.2##.##"),
}
USER_AGENTS = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Wget/1.21.3",
    "Mozilla/5.0 (compatible; archive capture; +https://webrecorder.net)",
)

# Name servers by hosting company (a site's DNS usually follows its host or registrar).
NAMESERVERS = {
    "ovh": ("dns{n}.ovh.net", "ns{n}.ovh.net"),
    "o2switch": ("ns1.o2switch.net", "ns2.o2switch.net"),
    "ionos": ("ns10{n}.ui-dns.de", "ns10{n}.ui-dns.com"),
    "gandi": ("ns-{n}-a.gandi.net", "ns-{n}-b.gandi.net"),
    "shopify": ("ns1.dnsimple.com", "ns2.dnsimple-edge.net"),
    "wix": ("ns{n}.wixdns.net", "ns{n}.wixdns.net"),
    "hostinger": ("ns1.dns-parking.com", "ns2.dns-parking.com"),
    "infomaniak": ("ns11.infomaniak.ch", "ns12.infomaniak.ch"),
    "planethoster": ("ns1.planethoster.net", "ns2.planethoster.net"),
    "cloudflare": ("{name}.ns.cloudflare.com", "{name}.ns.cloudflare.com"),
    "aws": ("ns-{n}.awsdns-{n}.org", "ns-{n}.awsdns-{n}.com"),
    "strato": ("docks{n}.rzone.de", "shades{n}.rzone.de"),
    "hetzner": ("hydrogen.ns.hetzner.com", "oxygen.ns.hetzner.com"),
    "aruba": ("dns.technorail.com", "dns2.technorail.com"),
    "arsys": ("dns1.servidoresdns.net", "dns2.servidoresdns.net"),
    "namecheap": ("dns1.registrar-servers.com", "dns2.registrar-servers.com"),
}
CLOUDFLARE_NAMES = (
    "anna",
    "bob",
    "carl",
    "dana",
    "elle",
    "fred",
    "gina",
    "hank",
    "ivy",
    "jack",
    "kate",
    "lola",
    "max",
    "nina",
    "olga",
    "pete",
    "rita",
    "sam",
    "tess",
    "walt",
)
PRIVACY_PROXIES = (
    "REDACTED FOR PRIVACY",
    "Withheld for Privacy ehf",
    "Domains By Proxy, LLC",
    "Privacy service provided by Withheld for Privacy ehf",
    "Whois Privacy Protection Service",
)
