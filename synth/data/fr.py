"""French words, page texts and legal-notice phrasings for synthetic shops (France, EUR)."""

CODE = "fr"
HTML_LANG = "fr"
LOCALE = "fr-FR"
COUNTRY = "FR"
COUNTRY_NAME = "France"
DECIMAL = ","
THOUSANDS = "\u202f"
PRICE_FORMATS = ("{amount} €", "{amount}\u00a0€", "{amount}€")
LANG_PREFIX = "/fr"

NAV = {
    "home": ("Accueil",),
    "shop": ("Boutique", "Tous les produits", "Catalogue", "Nos produits", "Collections"),
    "new": ("Nouveautés", "Nouvelle collection", "Arrivages"),
    "sale": ("Soldes", "Promotions", "Bonnes affaires", "Déstockage", "Promos"),
    "about": ("À propos", "Qui sommes-nous ?", "Notre histoire", "L'atelier"),
    "contact": ("Contact", "Nous contacter", "Contactez-nous"),
    "cart": ("Panier", "Mon panier"),
    "account": ("Mon compte", "Connexion", "Se connecter"),
    "search": ("Rechercher", "Rechercher un produit…", "Que cherchez-vous ?"),
}

# Page kind -> (titles, URL slugs, footer link texts).
PAGES = {
    "legal": (
        (
            "Mentions légales",
            "Mentions Légales",
            "Informations légales",
            "Mentions légales du site",
        ),
        ("mentions-legales", "informations-legales", "legal", "mentions"),
        (
            "Mentions légales",
            "Mentions Légales",
            "Informations légales",
            "Légal",
            "Mentions légales & CGU",
        ),
    ),
    "terms": (
        (
            "Conditions générales de vente",
            "CGV",
            "Conditions Générales de Vente (CGV)",
            "Conditions générales",
        ),
        ("cgv", "conditions-generales-de-vente", "conditions-generales", "cgv-boutique"),
        ("CGV", "Conditions générales de vente", "Conditions de vente", "Conditions générales"),
    ),
    "privacy": (
        ("Politique de confidentialité", "Données personnelles", "Confidentialité"),
        ("politique-de-confidentialite", "confidentialite", "donnees-personnelles", "rgpd"),
        ("Confidentialité", "Politique de confidentialité", "Données personnelles", "RGPD"),
    ),
    "contact": (
        ("Contact", "Nous contacter", "Contactez-nous", "Service client"),
        ("contact", "nous-contacter", "contactez-nous", "service-client"),
        ("Contact", "Nous contacter", "Service client", "Une question ?"),
    ),
    "delivery": (
        ("Livraison", "Livraison et expédition", "Informations de livraison", "Expédition"),
        ("livraison", "expedition", "livraison-et-expedition", "frais-de-port"),
        ("Livraison", "Expédition", "Frais de port", "Livraison & délais"),
    ),
    "returns": (
        ("Retours et remboursements", "Retours", "Échanges et retours", "Politique de retour"),
        ("retours", "retours-et-remboursements", "echanges-retours", "remboursement"),
        ("Retours", "Retours & échanges", "Remboursements", "Politique de retour"),
    ),
    "about": (
        ("À propos", "Qui sommes-nous ?", "Notre histoire"),
        ("a-propos", "qui-sommes-nous", "notre-histoire"),
        ("À propos", "Qui sommes-nous", "Notre histoire"),
    ),
    "checkout": (
        ("Paiement", "Commande", "Finaliser ma commande", "Validation de la commande"),
        ("commande", "paiement", "checkout", "valider-commande"),
        ("Commander",),
    ),
    "cart": (("Panier", "Votre panier", "Mon panier"), ("panier",), ("Panier",)),
    "shop": (
        ("Boutique", "Tous nos produits"),
        ("boutique", "produits", "catalogue"),
        ("Boutique",),
    ),
}

ADD_TO_CART = ("Ajouter au panier", "Ajouter au panier", "Je le veux", "Ajouter")
BUY_NOW = ("Acheter maintenant", "Commander", "Acheter")
CHECKOUT_BUTTON = (
    "Valider la commande",
    "Passer la commande",
    "Payer ma commande",
    "Confirmer et payer",
    "Commander",
)
CONTINUE_SHOPPING = ("Continuer mes achats", "Retour à la boutique")
IN_STOCK = ("En stock", "Disponible", "En stock, expédié sous 48h", "Disponible immédiatement")
QUANTITY = ("Quantité",)
DESCRIPTION = ("Description", "Détails du produit", "Caractéristiques", "À propos de ce produit")
REFERENCE = ("Référence", "Réf.", "SKU")
REVIEWS = ("Avis clients", "Ils ont aimé", "Avis vérifiés")
REVIEW_COUNT = ("{n} avis", "({n} avis)", "{n} avis clients")
NEWSLETTER = (
    ("Inscrivez-vous à notre newsletter", "Votre adresse e-mail", "S'inscrire"),
    ("Restez informé", "Adresse e-mail", "OK"),
    ("-10 % sur votre première commande", "Votre e-mail", "J'en profite"),
)
COPYRIGHT = (
    "© {year} {shop}. Tous droits réservés.",
    "© {year} {shop}",
    "{shop} © {year}",
    "Copyright © {year} {shop} - Tous droits réservés",
)
AGENCY_CREDIT = ("Site réalisé par {agency}", "Création : {agency}", "Conçu par {agency}")
COOKIE_BANNER = (
    ("Nous utilisons des cookies pour améliorer votre expérience.", "Accepter"),
    (
        "Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur "
        "utilisation.",
        "OK",
    ),
    (
        "Nous respectons votre vie privée. Acceptez-vous les cookies de mesure d'audience ?",
        "Tout accepter",
    ),
)
NOT_FOUND = (
    ("Page introuvable", "Désolé, la page que vous recherchez n'existe pas ou a été déplacée."),
    ("Erreur 404", "Cette page n'existe plus."),
    ("Oups ! Page non trouvée", "Le lien que vous avez suivi est peut-être rompu."),
)

CART = {
    "title": ("Votre panier", "Panier", "Mon panier"),
    "subtotal": ("Sous-total", "Total produits"),
    "shipping": ("Livraison", "Frais de port", "Expédition"),
    "total": ("Total", "Total TTC", "Total à payer"),
    "free": ("Gratuite", "Offerte", "0,00 €"),
}
CHECKOUT = {
    "title": ("Paiement", "Finaliser ma commande", "Commande", "Paiement sécurisé"),
    "intro": (
        "Choisissez votre moyen de paiement",
        "Mode de paiement",
        "Sélectionnez un mode de paiement",
        "Comment souhaitez-vous payer ?",
    ),
    "address": ("Adresse de livraison", "Vos coordonnées", "Informations de livraison"),
    "fields": ("Prénom", "Nom", "Adresse", "Code postal", "Ville", "Téléphone", "E-mail"),
    "secure": (
        "Paiement 100 % sécurisé",
        "Vos données sont chiffrées (SSL)",
        "Transactions sécurisées",
        "",
    ),
    "accepted": ("Moyens de paiement acceptés", "Nous acceptons", "Paiements acceptés"),
}
METHOD_LABELS = {
    "card": (
        "Carte bancaire",
        "Carte de crédit / débit",
        "Payer par carte",
        "CB, Visa, Mastercard",
    ),
    "paypal": ("PayPal", "Payer avec PayPal"),
    "applepay": ("Apple Pay",),
    "googlepay": ("Google Pay",),
    "klarna": ("Klarna - payez en 3 fois", "Klarna"),
    "alma": ("Alma - paiement en 3 ou 4 fois", "Payer en 3x sans frais avec Alma"),
    "bancontact": ("Bancontact",),
    "cod": ("Paiement à la livraison",),
    "sepa_debit": ("Prélèvement SEPA",),
    "bizum": ("Bizum",),
    "satispay": ("Satispay",),
    "transfer": (
        "Virement bancaire",
        "Virement",
        "Paiement par virement bancaire",
        "Virement SEPA",
    ),
    "cheque": ("Chèque", "Paiement par chèque"),
    "western_union": ("Western Union", "Transfert d'argent (Western Union)"),
    "moneygram": ("MoneyGram",),
    "crypto": ("Bitcoin", "Crypto-monnaie (BTC)", "Paiement en cryptomonnaie"),
    "usdt": ("USDT (TRC20)", "Tether USDT"),
    "pcs": ("Recharge PCS", "Coupon PCS Mastercard"),
    "transcash": ("Ticket Transcash", "Transcash"),
    "neosurf": ("Neosurf", "Ticket Neosurf"),
    "paysafecard": ("Paysafecard",),
}
CARD_NOTE = (
    "Vous serez redirigé vers la plateforme sécurisée de {processor}.",
    "Paiement sécurisé par {processor}.",
    "Transaction cryptée et sécurisée via {processor}.",
    "Numéro de carte",
    "",
)
CARD_FIELDS = (
    "Numéro de carte",
    "Date d'expiration (MM/AA)",
    "Cryptogramme (CVC)",
    "Titulaire de la carte",
)
TRANSFER_INSTRUCTIONS = (
    "Effectuez votre virement à l'ordre de {holder} - IBAN : {iban} - BIC : {bic}. Votre commande "
    "sera expédiée dès réception du paiement.",
    "Les coordonnées bancaires vous seront communiquées par e-mail après validation de la "
    "commande. Merci d'indiquer votre numéro de commande en référence.",
    "Bénéficiaire : {holder}<br>IBAN : {iban}<br>BIC : {bic}<br>Merci de nous envoyer la preuve de "
    "virement par e-mail.",
    "Réglez par virement bancaire sous {days} jours. La commande est préparée à réception des "
    "fonds.",
)
CHEQUE_INSTRUCTIONS = ("Chèque à l'ordre de {holder}, à envoyer à l'adresse : {address}.",)
MONEY_TRANSFER_INSTRUCTIONS = (
    "Envoyez le montant via {method} au nom de {person}, {city}. Transmettez-nous le code MTCN "
    "par e-mail.",
    "Paiement par transfert d'argent ({method}) : le nom du bénéficiaire vous sera communiqué "
    "par notre service client.",
)
VOUCHER_INSTRUCTIONS = (
    "Achetez un coupon {method} chez un buraliste et envoyez-nous le code à 16 chiffres par "
    "e-mail à {email}.",
    "Paiement par ticket {method} : saisissez les codes de vos tickets ci-dessous. Votre "
    "commande est validée immédiatement.",
)
CRYPTO_INSTRUCTIONS = (
    "Envoyez {amount} en {method} à l'adresse suivante : {wallet}. Remise supplémentaire de 10 % "
    "pour tout paiement en crypto.",
    "Adresse du portefeuille ({method}) : {wallet}",
)
PAYPAL_FRIENDS = (
    "Paiement PayPal uniquement via l'option « Envoyer de l'argent à un proche » à {email}.",
    "Pour PayPal, merci de choisir « entre proches » afin d'éviter les frais.",
)

HERO = (
    "{niche_word} de qualité, livrés chez vous",
    "La nouvelle collection {season} est arrivée",
    "Découvrez notre sélection de {niche_word}",
    "{shop} : le meilleur des {niche_word} depuis {year}",
    "Des {niche_word} pensés pour durer",
    "Jusqu'à -{pct}% sur une sélection de {niche_word}",
)
SEASONS = {"winter": "hiver", "spring": "printemps", "summer": "été", "autumn": "automne"}
SALE_BANNERS = {
    "soldes": (
        "Soldes : jusqu'à -{pct}% sur tout le site",
        "Les soldes sont là ! Jusqu'à -{pct}%",
        "Derniers jours de soldes : -{pct}%",
    ),
    "blackfriday": (
        "Black Friday : -{pct}% sur tout le site",
        "Black Week : jusqu'à -{pct}%",
        "Cyber Monday : -{pct}% avec le code CYBER",
    ),
    "generic": (
        "Vente privée : -{pct}%",
        "Promo de la semaine : -{pct}%",
        "Offre spéciale : jusqu'à -{pct}%",
        "Déstockage massif : -{pct}%",
    ),
}
BADGES = ("-{pct}%", "-{pct} %", "Promo", "Soldes", "Prix barré", "Bon plan")
OLD_PRICE_LABELS = ("", "", "Au lieu de", "Prix de référence :", "Prix conseillé :", "Avant :")
URGENCY = (
    "Plus que {n} en stock !",
    "{n} personnes regardent ce produit en ce moment",
    "Offre valable encore {h} heures",
    "Dernières pièces disponibles",
    "Vente flash : se termine dans {h}h",
    "Stock limité, commandez vite !",
    "{n} commandes dans les dernières 24 heures",
    "Attention : forte demande sur cet article",
)
REASSURANCE = (
    "Livraison offerte dès {free_from} € d'achat",
    "Paiement sécurisé",
    "Satisfait ou remboursé",
    "Retours gratuits sous 30 jours",
    "Service client basé en France",
    "Expédition sous 24/48h",
    "Produits garantis 2 ans",
    "Paiement en 3x sans frais",
    "Fabrication française",
    "Plus de {n} clients satisfaits",
)
ABOUT = (
    "Depuis {year}, {shop} sélectionne des {niche_word} de qualité à prix justes. Notre équipe, "
    "basée à {city}, prépare chaque commande avec soin.",
    "{shop} est née en {year} d'une passion pour les {niche_word}. Nous travaillons avec des "
    "fournisseurs que nous connaissons personnellement.",
    "Petite entreprise installée à {city}, {shop} propose une sélection de {niche_word} choisis "
    "pour leur qualité et leur durabilité.",
    "Chez {shop}, nous croyons qu'un bon produit doit durer. C'est pourquoi nous testons chaque "
    "article avant de le proposer.",
)
REVIEW_TEXTS = (
    "Très satisfaite de ma commande, livraison rapide.",
    "Produit conforme à la description, je recommande.",
    "Bonne qualité, emballage soigné.",
    "Un peu long à arriver mais très bien.",
    "Parfait, rien à redire !",
    "Super rapport qualité/prix.",
    "Taille un peu petit, prendre une taille au-dessus.",
)

COLOURS = (
    "noir",
    "blanc",
    "gris",
    "beige",
    "bleu marine",
    "vert sauge",
    "terracotta",
    "rose",
    "camel",
    "bordeaux",
    "naturel",
    "anthracite",
)
PRODUCTS = {
    "fashion": (
        ("Pull", "Robe", "Chemise", "Veste", "Jean", "Manteau", "T-shirt", "Cardigan"),
        (
            "en laine mérinos",
            "en lin",
            "en coton bio",
            "oversize",
            "cintrée",
            "vintage",
            "en maille",
            "imperméable",
        ),
    ),
    "sneakers": (
        ("Baskets", "Sneakers", "Chaussures de running", "Baskets montantes", "Tennis"),
        ("cuir", "en toile", "rétro", "légères", "unisexe", "édition limitée", "respirantes"),
    ),
    "furniture": (
        (
            "Canapé",
            "Table basse",
            "Fauteuil",
            "Buffet",
            "Lit",
            "Commode",
            "Étagère",
            "Table à manger",
        ),
        (
            "en chêne massif",
            "scandinave",
            "3 places",
            "en velours",
            "industriel",
            "en rotin",
            "extensible",
        ),
    ),
    "electronics": (
        (
            "Casque sans fil",
            "Enceinte Bluetooth",
            "Smartphone",
            "Tablette",
            "Montre connectée",
            "Écouteurs",
            "Ordinateur portable",
            "Console",
        ),
        (
            "reconditionné",
            "128 Go",
            "à réduction de bruit",
            "étanche",
            "dernière génération",
            "pro",
            "noir mat",
        ),
    ),
    "garden": (
        (
            "Salon de jardin",
            "Tondeuse",
            "Barbecue",
            "Parasol",
            "Jardinière",
            "Taille-haie",
            "Hamac",
            "Serre",
        ),
        ("en aluminium", "sans fil", "à gaz", "déporté", "en bois", "4 places", "résistant"),
    ),
    "toys": (
        (
            "Jeu de construction",
            "Peluche",
            "Puzzle",
            "Poupée",
            "Circuit de voitures",
            "Jeu de société",
            "Draisienne",
        ),
        ("en bois", "éducatif", "1000 pièces", "dès 3 ans", "Montessori", "familial"),
    ),
    "cosmetics": (
        (
            "Crème hydratante",
            "Sérum",
            "Huile sèche",
            "Savon",
            "Shampoing solide",
            "Baume à lèvres",
            "Eau de parfum",
        ),
        ("bio", "à l'acide hyaluronique", "vegan", "fait main", "100 ml", "peaux sensibles"),
    ),
    "jewellery": (
        ("Collier", "Bracelet", "Bague", "Boucles d'oreilles", "Montre", "Pendentif"),
        (
            "en argent 925",
            "plaqué or",
            "en acier inoxydable",
            "perles d'eau douce",
            "minimaliste",
            "gravé",
        ),
    ),
    "appliances": (
        (
            "Robot pâtissier",
            "Aspirateur balai",
            "Machine à café",
            "Friteuse sans huile",
            "Blender",
            "Purificateur d'air",
        ),
        ("1200 W", "sans sac", "automatique", "5,5 L", "connecté", "silencieux"),
    ),
    "sport": (
        (
            "Vélo électrique",
            "Tapis de yoga",
            "Haltères",
            "Tente",
            "Sac de randonnée",
            "Trottinette électrique",
        ),
        ("pliable", "ultra-léger", "réglable", "2 places", "40 L", "tout-terrain"),
    ),
}
NICHE_WORDS = {
    "fashion": ("vêtements", "mode", "pulls"),
    "sneakers": ("baskets", "sneakers", "chaussures"),
    "furniture": ("meubles", "décoration", "canapés"),
    "electronics": ("high-tech", "appareils"),
    "garden": ("jardin", "mobilier de jardin"),
    "toys": ("jouets", "jeux"),
    "cosmetics": ("cosmétiques", "soins"),
    "jewellery": ("bijoux", "montres"),
    "appliances": ("électroménager", "appareils"),
    "sport": ("articles de sport", "équipements"),
}
DESCRIPTIONS = (
    "Ce {product} {colour} allie confort et élégance au quotidien.",
    "Fabriqué avec des matériaux sélectionnés, il est conçu pour durer.",
    "Dimensions et détails techniques disponibles dans l'onglet caractéristiques.",
    "Livré avec sa notice et garanti {warranty} ans.",
    "Notre best-seller, apprécié pour sa finition soignée.",
    "Entretien facile : suivez simplement les conseils indiqués sur l'étiquette.",
    "Idéal pour offrir, il est livré dans un emballage recyclable.",
    "Chaque pièce est contrôlée avant expédition.",
)

# Shop, company and people names.
SHOP_PREFIXES = (
    "Maison",
    "Atelier",
    "Comptoir",
    "La Boutique",
    "Les Jardins de",
    "L'Échoppe",
    "Le Petit",
    "Aux",
    "Chez",
    "Studio",
    "La Belle",
    "Le Grenier de",
)
SHOP_CORES = (
    "Lumen",
    "Brindille",
    "Sauge",
    "Colibri",
    "Cerise",
    "Mistral",
    "Papillon",
    "Ardoise",
    "Lavande",
    "Bruyère",
    "Orme",
    "Galet",
    "Rivage",
    "Capucine",
    "Hirondelle",
    "Pivoine",
    "Tilleul",
    "Noisette",
    "Bergamote",
    "Lin",
    "Mélusine",
    "Soleil",
    "Plume",
    "Écorce",
)
SHOP_SUFFIXES = ("", "", "& Co", "Paris", "Créations", "Déco", "Store", "Shop", "Concept")
COMPANY_PATTERNS = (
    "{core} Distribution",
    "{last} et Fils",
    "{core} Commerce",
    "Ets {last}",
    "{core} Groupe",
    "{last} Diffusion",
    "{core}",
    "{last} Négoce",
    "{core} Développement",
)
DOMAIN_KEYWORDS = (
    "soldes",
    "outlet",
    "pas-cher",
    "destockage",
    "promo",
    "liquidation",
    "france",
    "boutique",
    "officiel",
    "discount",
    "prix",
    "fr",
)
DOMAIN_NICHE = {
    "fashion": ("mode", "vetements", "pulls"),
    "sneakers": ("baskets", "chaussures", "sneakers"),
    "furniture": ("meubles", "canape", "deco"),
    "electronics": ("hightech", "tech", "phone"),
    "garden": ("jardin", "salon-jardin"),
    "toys": ("jouets", "jeux"),
    "cosmetics": ("beaute", "cosmetique"),
    "jewellery": ("bijoux", "montres"),
    "appliances": ("electromenager", "cuisine"),
    "sport": ("sport", "velo"),
}
FIRST_NAMES = (
    "Camille",
    "Julien",
    "Sophie",
    "Thomas",
    "Claire",
    "Nicolas",
    "Élodie",
    "Maxime",
    "Isabelle",
    "Antoine",
    "Nathalie",
    "Pierre",
    "Aurélie",
    "Mathieu",
    "Céline",
    "Laurent",
    "Émilie",
    "Sébastien",
    "Lucie",
    "Olivier",
)
LAST_NAMES = (
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Laurent",
    "Girard",
    "Roux",
    "Fournier",
    "Morel",
    "Mercier",
    "Blanc",
    "Guerin",
    "Faure",
    "Chevalier",
    "Perrin",
    "Marchand",
    "Lemaire",
    "Dumont",
    "Barbier",
    "Rousseau",
    "Renaud",
)
# (city, postcode, RCS registry city)
CITIES = (
    ("Paris", "75011", "Paris"),
    ("Paris", "75008", "Paris"),
    ("Lyon", "69003", "Lyon"),
    ("Marseille", "13006", "Marseille"),
    ("Toulouse", "31000", "Toulouse"),
    ("Nantes", "44000", "Nantes"),
    ("Bordeaux", "33000", "Bordeaux"),
    ("Lille", "59000", "Lille Métropole"),
    ("Rennes", "35000", "Rennes"),
    ("Strasbourg", "67000", "Strasbourg"),
    ("Montpellier", "34000", "Montpellier"),
    ("Nice", "06000", "Nice"),
    ("Angers", "49100", "Angers"),
    ("Dijon", "21000", "Dijon"),
    ("Tours", "37000", "Tours"),
    ("Annecy", "74000", "Annecy"),
    ("Vannes", "56000", "Vannes"),
    ("Aix-en-Provence", "13100", "Aix-en-Provence"),
    ("Grenoble", "38000", "Grenoble"),
    ("Limoges", "87000", "Limoges"),
    ("Rouen", "76000", "Rouen"),
    ("Metz", "57000", "Metz"),
)
STREETS = (
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "rue du Général de Gaulle",
    "rue des Lilas",
    "impasse des Artisans",
    "rue Pasteur",
    "avenue de la Gare",
    "rue Nationale",
    "ZA des Pins",
    "rue du Commerce",
    "chemin des Vignes",
    "rue Paul Bert",
    "quai des Chartrons",
)
ADDRESS_FORMAT = (
    "{number} {street}, {postcode} {city}",
    "{number} {street} - {postcode} {city}",
    "{number}, {street}<br>{postcode} {city}",
)
PHONE_LANDLINE = ("0{a} ## ## ## ##", "+33 {a} ## ## ## ##", "0{a}########")
PHONE_AREA = ("1", "2", "3", "4", "5", "9")
PHONE_MOBILE = ("06 ## ## ## ##", "07 ## ## ## ##", "+33 6 ## ## ## ##", "+33 7 ## ## ## ##")
FREEMAIL = (
    "gmail.com",
    "hotmail.fr",
    "outlook.fr",
    "yahoo.fr",
    "orange.fr",
    "laposte.net",
    "free.fr",
    "sfr.fr",
    "gmail.com",
    "gmail.com",
)
MAILBOXES = ("contact", "bonjour", "service.client", "commandes", "info", "sav", "hello")

# Legal identity.  (form, weight, (min capital, max capital) or None when no capital is shown)
LEGAL_FORMS = (
    ("SAS", 0.36, (1000, 150000)),
    ("SARL", 0.22, (1000, 80000)),
    ("SASU", 0.14, (500, 20000)),
    ("EURL", 0.10, (1000, 20000)),
    ("SA", 0.04, (37000, 2000000)),
    ("EI", 0.09, None),
    ("Micro-entreprise", 0.05, None),
)
LEGAL_INTRO = (
    "Conformément aux dispositions des articles 6-III et 19 de la loi n° 2004-575 du 21 juin 2004 "
    "pour la confiance dans l'économie numérique (LCEN), il est porté à la connaissance des "
    "utilisateurs du site {domain} les présentes mentions légales.",
    "En vertu de l'article 6 de la loi n° 2004-575 du 21 juin 2004, il est précisé aux "
    "utilisateurs du site {domain} l'identité des différents intervenants.",
    "Informations légales relatives au site {domain}.",
    "",
)
LEGAL_HEADINGS = {
    "publisher": (
        "Éditeur du site",
        "Édition du site",
        "Propriétaire",
        "1. Présentation du site",
        "Identification de l'éditeur",
    ),
    "host": ("Hébergement", "Hébergeur", "Hébergement du site"),
    "mediator": ("Médiation", "Médiateur de la consommation", "Règlement des litiges"),
    "ip": ("Propriété intellectuelle", "Droits d'auteur"),
    "data": ("Données personnelles", "Protection des données", "CNIL et RGPD"),
}
LEGAL_LABELS = {
    "company": (
        "Raison sociale",
        "Dénomination sociale",
        "Société",
        "Éditeur",
        "Nom de l'entreprise",
    ),
    "form": ("Forme juridique", "Statut"),
    "capital": ("Capital social", "Capital"),
    "address": ("Siège social", "Adresse", "Adresse du siège", "Domiciliation"),
    "rcs": ("RCS", "Immatriculation", "Registre du commerce"),
    "siren": ("SIREN", "N° SIREN", "Numéro SIREN"),
    "siret": ("SIRET", "N° SIRET", "Numéro SIRET"),
    "vat": ("N° TVA intracommunautaire", "TVA intracommunautaire", "Numéro de TVA", "TVA"),
    "phone": ("Téléphone", "Tél.", "Tel"),
    "email": ("E-mail", "Email", "Adresse électronique", "Courriel", "Contact"),
    "director": (
        "Directeur de la publication",
        "Responsable de la publication",
        "Directrice de la publication",
        "Responsable éditorial",
    ),
    "host": ("Hébergeur", "Hébergé par"),
}
LEGAL_FIELDS = (
    "company",
    "form",
    "capital",
    "address",
    "rcs",
    "siren",
    "siret",
    "vat",
    "phone",
    "email",
    "director",
    "host",
    "mediator",
)
# How each identifier is written; placeholders come from the party (see synth_ids.party_values).
ID_FORMATS = {
    "rcs": (
        "RCS {registry_city} {reg_id_spaced}",
        "RCS {registry_city} B {reg_id_spaced}",
        "{reg_id_spaced} R.C.S. {registry_city}",
        "RCS de {registry_city} n° {reg_id}",
    ),
    "siren": ("{reg_id}", "{reg_id_spaced}"),
    "siret": ("{extra}", "{extra_spaced}"),
    "vat": ("{vat}", "{vat_spaced}"),
    "capital": ("{capital} €", "{capital} euros", "{capital},00 €"),
}
# Prose clauses for a publisher paragraph; {value} is the field as written above.
LEGAL_CLAUSES = {
    "company": (
        "Le site {domain} est édité par {value}",
        "Ce site est la propriété de {value}",
        "Le présent site est édité par la société {value}",
    ),
    "capital": ("au capital de {value}", "au capital social de {value}"),
    "rcs": (
        "immatriculée au {value}",
        "inscrite au registre du commerce sous la référence {value}",
    ),
    "siren": ("SIREN {value}", "identifiée sous le numéro SIREN {value}"),
    "siret": ("SIRET {value}", "numéro SIRET {value}"),
    "address": ("dont le siège social est situé {value}", "domiciliée {value}", "située {value}"),
    "vat": ("numéro de TVA intracommunautaire {value}", "TVA intracom. {value}"),
}
SOLE_TRADER_NOTE = (
    "Entrepreneur individuel",
    "Micro-entrepreneur",
    "TVA non applicable, art. 293 B du CGI",
)
MEDIATORS = (
    (
        "CM2C - Centre de la Médiation de la Consommation de Conciliateurs de Justice",
        "14 rue Saint Jean, 75017 Paris",
        "https://www.cm2c.net",
    ),
    (
        "Médiateur de la consommation FEVAD",
        "60 rue La Boétie, 75008 Paris",
        "https://www.mediateurfevad.fr",
    ),
    ("Medicys", "73 boulevard de Clichy, 75009 Paris", "https://www.medicys.fr"),
    ("AME Conso", "11 place Dauphine, 75001 Paris", "https://www.mediationconso-ame.com"),
    (
        "CNPM - Médiation de la consommation",
        "27 avenue de la Libération, 42400 Saint-Chamond",
        "https://cnpm-mediation-consommation.eu",
    ),
)
MEDIATOR_SENTENCE = (
    "Conformément à l'article L.612-1 du Code de la consommation, le client peut recourir "
    "gratuitement au médiateur de la consommation : {name}, {address}, {url}.",
    "En cas de litige, vous pouvez saisir le médiateur {name} ({url}), {address}.",
)
ODR_SENTENCE = (
    "Plateforme européenne de règlement en ligne des litiges : https://ec.europa.eu/consumers/odr",
)
LEGAL_IP = (
    "L'ensemble des contenus de ce site (textes, images, logos) est protégé par le droit "
    "d'auteur. Toute reproduction est interdite sans autorisation.",
    "Tous les éléments du site {domain} sont la propriété exclusive de {shop}.",
)
LEGAL_DATA = (
    "Les données collectées sont traitées conformément au RGPD. Vous disposez d'un droit "
    "d'accès, de rectification et de suppression en écrivant à {email}.",
    "Pour exercer vos droits sur vos données personnelles, contactez-nous à {email}.",
)

# Terms of sale (CGV): articles as (headings, paragraphs).
TERMS_INTRO = (
    "Les présentes conditions générales de vente régissent les ventes conclues sur le site "
    "{domain}, exploité par {company}.",
    "Toute commande passée sur {domain} implique l'acceptation sans réserve des présentes CGV.",
)
TERMS_ARTICLES = (
    (
        ("Article 1 - Objet", "Objet", "1. Champ d'application"),
        (
            "Les présentes conditions s'appliquent à toute"
            "s les ventes de produits réalisées par {shop} "
            "auprès de consommateurs.",
        ),
    ),
    (
        ("Article 2 - Prix", "Prix", "2. Tarifs"),
        (
            "Les prix sont indiqués en euros toutes taxes comprises, hors frais de livraison.",
            "Les prix affichés sont TTC. {shop} se réserve le droit de modifier ses prix à tout "
            "moment.",
        ),
    ),
    (
        ("Article 3 - Commande", "Commande", "3. Processus de commande"),
        (
            "La commande est validée après confirmation du paiement. Un e-mail récapitulatif est "
            "envoyé au client.",
        ),
    ),
    (
        ("Article 4 - Paiement", "Modalités de paiement", "4. Paiement"),
        ("Le règlement s'effectue par : {methods}.", "Moyens de paiement acceptés : {methods}."),
    ),
    (
        ("Article 5 - Livraison", "Livraison", "5. Expédition"),
        (
            "Les produits sont livrés à l'adresse indiquée "
            "lors de la commande, dans un délai de {min} à "
            "{max} jours ouvrés.",
        ),
    ),
)
WITHDRAWAL = {
    "14": (
        "Conformément à l'article L.221-18 du Code de la consommation, vous disposez d'un délai "
        "de quatorze (14) jours à compter de la réception de votre commande pour exercer votre "
        "droit de rétractation, sans avoir à justifier de motifs.",
        "Vous disposez de 14 jours après réception pour nous retourner un article. Les frais de "
        "retour sont à votre charge.",
        "Droit de rétractation : 14 jours à compter de la livraison. Le remboursement intervient "
        "sous 14 jours après réception du retour.",
    ),
    "30": (
        "Vous disposez de 30 jours pour changer d'avis : retours gratuits et remboursement sous "
        "14 jours.",
    ),
    "7": (
        "Le client dispose d'un délai de 7 jours francs pour exercer son droit de rétractation.",
    ),
    "none": (
        "Les articles en promotion ne sont ni repris ni échangés.",
        "Aucun retour ne sera accepté une fois la commande expédiée.",
        "Le droit de rétractation ne s'applique pas aux commandes payées par virement.",
    ),
}
WITHDRAWAL_HEADING = (
    "Droit de rétractation",
    "Article 6 - Rétractation",
    "6. Rétractation",
    "Retours et rétractation",
)
WARRANTY = (
    "Les produits bénéficient de la garantie légale de conformité (articles L.217-3 et "
    "suivants du Code de la consommation) et de la garantie des vices cachés (articles "
    "1641 et suivants du Code civil).",
    "Tous nos produits sont couverts par la garantie légale de conformité de 2 ans.",
)
GOVERNING_LAW = (
    "Les présentes CGV sont soumises au droit français.",
    "En cas de litige, une solution amiable sera recherchée avant toute action judiciaire.",
)

CONTACT_INTRO = (
    "Une question sur un produit ou une commande ? Notre équipe vous répond.",
    "Contactez notre service client, nous vous répondons sous 24h.",
    "Vous pouvez nous écrire via le formulaire ci-dessous.",
)
HOURS = (
    "Du lundi au vendredi, de 9h à 18h",
    "Du lundi au samedi de 10h à 19h",
    "Service client disponible 7j/7",
    "Lun-Ven : 9h30-12h30 / 14h-17h30",
)
FORM_LABELS = ("Nom", "E-mail", "Objet", "Message", "Envoyer")
WHATSAPP = ("Écrivez-nous sur WhatsApp", "Support WhatsApp 24h/24")
CARRIERS = ("Colissimo", "Chronopost", "Mondial Relay", "DPD", "GLS", "Colis Privé", "UPS")
DELIVERY_TEXTS = (
    "Les commandes sont expédiées sous {prep} jours ouvrés via {carrier}. Délai de livraison : "
    "{min} à {max} jours ouvrés.",
    "Livraison offerte dès {free_from} € d'achat en France métropolitaine. En dessous, les frais "
    "de port s'élèvent à {fee} €.",
    "Vous recevez un numéro de suivi par e-mail dès l'expédition de votre colis.",
    "Livraison en point relais ou à domicile, au choix.",
)
RETURNS_TEXTS = (
    "Vous pouvez retourner un article dans un délai de {days} jours après réception.",
    "Les articles doivent être retournés dans leur emballage d'origine, non utilisés.",
    "Le remboursement est effectué sur le moyen de paiement utilisé lors de la commande.",
    "Pour tout retour, contactez d'abord notre service client à {email}.",
)

# Phrases of the reused fraud kits (machine-translated, copied across their domains).
KIT_PHRASES = {
    "k1": (
        "Nous sommes une entreprise de liquidation des stocks, tous les produits sont 100% "
        "authentiques et de haute qualité.",
        "En raison de la fermeture de l'entrepôt, tous les articles sont vendus à perte.",
    ),
    "k2": (
        "Cher client, en raison de la forte demande, les délais de livraison peuvent être de 7 à "
        "12 jours ouvrables.",
        "Notre magasin est fournir des produits de bonne qualité au prix le plus bas.",
    ),
    "k3": (
        "Tous nos meubles sont fabriqués à la main par nos artisans partenaires en Europe.",
        "Livraison gratuite et montage offert pour toute commande passée aujourd'hui.",
    ),
    "k4": (
        "Service client en ligne 24/7, nous vous répondrons dans les plus brefs délais.",
        "Les prix bas ne signifient pas de mauvaise qualité, achetez en toute confiance.",
    ),
    "k5": (
        "Paiement en crypto-monnaie accepté : remise supplémentaire immédiate.",
        "Produits neufs scellés, garantie officielle du fabricant 2 ans dans toute l'Europe.",
    ),
}

# URL word for product pages (e.g. /produit/slug/ on WordPress shops).
PRODUCT_BASE = ("produit", "produits", "boutique/produit")

FOOTER_TITLES = ("Informations", "Service client", "Aide", "Liens utiles", "La boutique", "Légal")
CARD_UNAVAILABLE = (
    "Le paiement par carte est momentanément indisponible. Merci de régler par virement.",
    "Suite à une maintenance, seul le virement bancaire est disponible pour le moment.",
)
PAYPAL_NOTE = ("Vous serez redirigé vers PayPal pour finaliser votre achat.", "")
SINCE = ("Depuis {year}", "Fondée en {year}", "Depuis {year}, à votre service")
LABEL_SEPARATORS = (" : ", " : ", ": ")
