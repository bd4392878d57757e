"""English words, page texts and legal-notice phrasings (United Kingdom, Ireland, international)."""

CODE = "en"
HTML_LANG = "en"
LOCALE = "en-GB"
COUNTRY = "GB"
COUNTRY_NAME = "United Kingdom"
DECIMAL = "."
THOUSANDS = ","
PRICE_FORMATS = ("{symbol}{amount}", "{symbol}{amount}", "{symbol} {amount}")
LANG_PREFIX = "/en"

NAV = {
    "home": ("Home",),
    "shop": ("Shop", "Shop all", "All products", "Catalogue", "Collections"),
    "new": ("New in", "New arrivals", "Just landed"),
    "sale": ("Sale", "Offers", "Clearance", "Deals"),
    "about": ("About", "About us", "Our story"),
    "contact": ("Contact", "Contact us", "Get in touch"),
    "cart": ("Basket", "Cart", "Bag"),
    "account": ("My account", "Sign in", "Log in"),
    "search": ("Search", "Search products…", "What are you looking for?"),
}

PAGES = {
    "legal": (
        ("Legal notice", "Legal Notice", "Company information", "Imprint", "Legal information"),
        ("legal-notice", "legal", "company-information", "imprint"),
        ("Legal notice", "Company info", "Legal", "Imprint", "Legal information"),
    ),
    "terms": (
        ("Terms and conditions", "Terms of sale", "Terms & Conditions", "Terms of Service"),
        ("terms-and-conditions", "terms", "terms-of-sale", "terms-conditions"),
        ("Terms & Conditions", "Terms of sale", "T&Cs", "Terms"),
    ),
    "privacy": (
        ("Privacy policy", "Privacy notice", "Privacy & cookies"),
        ("privacy-policy", "privacy", "privacy-cookies"),
        ("Privacy", "Privacy policy", "Cookies"),
    ),
    "contact": (
        ("Contact us", "Contact", "Customer service", "Get in touch"),
        ("contact", "contact-us", "customer-service", "help"),
        ("Contact us", "Customer service", "Help", "Get in touch"),
    ),
    "delivery": (
        ("Delivery", "Shipping information", "Delivery information", "Shipping"),
        ("delivery", "shipping", "delivery-information", "shipping-policy"),
        ("Delivery", "Shipping", "Delivery info"),
    ),
    "returns": (
        ("Returns and refunds", "Returns", "Returns policy", "Refund policy"),
        ("returns", "returns-and-refunds", "refund-policy", "returns-policy"),
        ("Returns", "Refunds", "Returns & refunds"),
    ),
    "about": (
        ("About us", "Our story", "Who we are"),
        ("about", "about-us", "our-story"),
        ("About us", "Our story"),
    ),
    "checkout": (
        ("Checkout", "Payment", "Secure checkout"),
        ("checkout", "payment", "order"),
        ("Checkout",),
    ),
    "cart": (("Your basket", "Basket", "Shopping cart"), ("basket", "cart"), ("Basket",)),
    "shop": (("Shop", "All products"), ("shop", "products", "all"), ("Shop",)),
}

ADD_TO_CART = ("Add to basket", "Add to cart", "Add to bag", "Add")
BUY_NOW = ("Buy now", "Buy it now", "Order now")
CHECKOUT_BUTTON = ("Place order", "Complete order", "Pay now", "Confirm and pay")
CONTINUE_SHOPPING = ("Continue shopping", "Back to shop")
IN_STOCK = ("In stock", "Available", "In stock - ships in 1-2 days", "Ready to ship")
QUANTITY = ("Quantity", "Qty")
DESCRIPTION = ("Description", "Product details", "Specifications", "About this item")
REFERENCE = ("SKU", "Product code", "Ref.")
REVIEWS = ("Customer reviews", "Reviews", "What our customers say")
REVIEW_COUNT = ("{n} reviews", "({n} reviews)", "{n} verified reviews")
NEWSLETTER = (
    ("Sign up to our newsletter", "Your email address", "Subscribe"),
    ("Stay in the loop", "Email", "Sign up"),
    ("10% off your first order", "Enter your email", "Get my code"),
)
COPYRIGHT = ("© {year} {shop}. All rights reserved.", "© {year} {shop}", "Copyright {year} {shop}")
AGENCY_CREDIT = ("Website by {agency}", "Designed by {agency}", "Built by {agency}")
COOKIE_BANNER = (
    ("We use cookies to improve your experience.", "Accept"),
    ("This website uses cookies. By continuing to browse you agree to their use.", "OK"),
    ("We value your privacy. Do you accept analytics cookies?", "Accept all"),
)
NOT_FOUND = (
    ("Page not found", "Sorry, the page you are looking for does not exist."),
    ("404 error", "This page is no longer available."),
    ("Oops! We can't find that page", "The link you followed may be broken."),
)

CART = {
    "title": ("Your basket", "Shopping cart", "Your bag"),
    "subtotal": ("Subtotal",),
    "shipping": ("Delivery", "Shipping"),
    "total": ("Total", "Order total", "Total to pay"),
    "free": ("Free", "FREE"),
}
CHECKOUT = {
    "title": ("Checkout", "Secure checkout", "Payment"),
    "intro": ("Choose a payment method", "Payment method", "How would you like to pay?"),
    "address": ("Delivery address", "Your details", "Shipping details"),
    "fields": ("First name", "Last name", "Address", "Postcode", "Town/City", "Phone", "Email"),
    "secure": ("100% secure payment", "Your data is encrypted (SSL)", "Secure transactions", ""),
    "accepted": ("We accept", "Accepted payment methods", "Payment options"),
}
METHOD_LABELS = {
    "card": ("Credit / debit card", "Pay by card", "Card", "Visa, Mastercard, Amex"),
    "paypal": ("PayPal", "Pay with PayPal"),
    "applepay": ("Apple Pay",),
    "googlepay": ("Google Pay",),
    "klarna": ("Klarna - pay in 3", "Klarna"),
    "alma": ("Alma - pay in instalments",),
    "bancontact": ("Bancontact",),
    "cod": ("Cash on delivery",),
    "sepa_debit": ("SEPA Direct Debit",),
    "bizum": ("Bizum",),
    "satispay": ("Satispay",),
    "transfer": ("Bank transfer", "Direct bank transfer", "Pay by bank transfer"),
    "cheque": ("Cheque",),
    "western_union": ("Western Union", "Money transfer (Western Union)"),
    "moneygram": ("MoneyGram",),
    "crypto": ("Bitcoin", "Cryptocurrency (BTC)", "Pay with crypto"),
    "usdt": ("USDT (TRC20)", "Tether USDT"),
    "pcs": ("PCS voucher",),
    "transcash": ("Transcash voucher",),
    "neosurf": ("Neosurf", "Neosurf voucher"),
    "paysafecard": ("paysafecard",),
}
CARD_NOTE = (
    "You will be redirected to {processor}'s secure payment page.",
    "Payments are processed securely by {processor}.",
    "Card number",
    "",
)
CARD_FIELDS = ("Card number", "Expiry date (MM/YY)", "Security code (CVC)", "Name on card")
TRANSFER_INSTRUCTIONS = (
    "Please transfer the amount to {holder} - IBAN: {iban} - BIC: {bic}. Your order ships once the "
    "payment has cleared.",
    "Our bank details will be emailed to you after you place your order. Please use your order "
    "number as the payment reference.",
    "Account name: {holder}<br>IBAN: {iban}<br>BIC/SWIFT: {bic}<br>Please email us your proof of "
    "payment.",
    "Pay by bank transfer within {days} days. We prepare your order as soon as funds arrive.",
)
CHEQUE_INSTRUCTIONS = ("Cheques payable to {holder}, sent to: {address}.",)
MONEY_TRANSFER_INSTRUCTIONS = (
    "Send the amount via {method} to {person}, {city}, and email us the MTCN.",
    "Payment by money transfer ({method}): the receiver's name will be given by our support team.",
)
VOUCHER_INSTRUCTIONS = (
    "Buy a {method} voucher at a newsagent and email the 16-digit code to {email}.",
    "Enter your {method} voucher codes below. Your order is confirmed instantly.",
)
CRYPTO_INSTRUCTIONS = (
    "Send {amount} in {method} to this address: {wallet}. Extra 10% off for crypto payments.",
    "Wallet address ({method}): {wallet}",
)
PAYPAL_FRIENDS = (
    "PayPal payments only via 'Send to a friend' to {email}.",
    "If paying by PayPal, please choose 'friends and family' to avoid fees.",
)

HERO = (
    "Quality {niche_word}, delivered to your door",
    "The new {season} collection has landed",
    "Discover our range of {niche_word}",
    "{shop}: the best {niche_word} since {year}",
    "{niche_word} made to last",
    "Up to {pct}% off selected {niche_word}",
)
SEASONS = {"winter": "winter", "spring": "spring", "summer": "summer", "autumn": "autumn"}
SALE_BANNERS = {
    "soldes": (
        "Sale: up to {pct}% off everything",
        "The sale is on! Up to {pct}% off",
        "Final days of the sale: {pct}% off",
    ),
    "blackfriday": (
        "Black Friday: {pct}% off sitewide",
        "Black Week: up to {pct}% off",
        "Cyber Monday: {pct}% off with code CYBER",
    ),
    "generic": (
        "Private sale: {pct}% off",
        "Deal of the week: {pct}% off",
        "Special offer: up to {pct}% off",
        "Clearance: {pct}% off",
    ),
}
BADGES = ("-{pct}%", "{pct}% off", "Sale", "Offer", "Save {pct}%")
OLD_PRICE_LABELS = ("", "", "Was", "RRP", "Regular price", "Save")
URGENCY = (
    "Only {n} left in stock!",
    "{n} people are viewing this right now",
    "Offer ends in {h} hours",
    "Last few remaining",
    "Flash sale: ends in {h}h",
    "Limited stock - order now!",
    "{n} sold in the last 24 hours",
    "High demand for this item",
)
REASSURANCE = (
    "Free delivery on orders over {free_from}",
    "Secure payment",
    "30-day money-back guarantee",
    "Free returns",
    "UK-based customer service",
    "Dispatched within 24 hours",
    "2-year warranty",
    "Pay in 3 with Klarna",
    "Over {n} happy customers",
)
ABOUT = (
    "Since {year}, {shop} has selected quality {niche_word} at fair prices. Our team in {city} "
    "packs every order with care.",
    "{shop} was founded in {year} out of a love for {niche_word}. We work with suppliers we know "
    "personally.",
    "A small business based in {city}, {shop} offers {niche_word} chosen for quality and "
    "durability.",
)
REVIEW_TEXTS = (
    "Really pleased with my order, quick delivery.",
    "Exactly as described, would recommend.",
    "Good quality and nicely packaged.",
    "Took a while to arrive but worth it.",
    "Perfect, no complaints!",
    "Great value for money.",
)

COLOURS = (
    "black",
    "white",
    "grey",
    "beige",
    "navy",
    "sage green",
    "terracotta",
    "pink",
    "camel",
    "burgundy",
    "natural",
    "charcoal",
)
PRODUCTS = {
    "fashion": (
        ("Jumper", "Dress", "Shirt", "Jacket", "Jeans", "Coat", "T-shirt", "Cardigan"),
        (
            "merino wool",
            "linen",
            "organic cotton",
            "oversized",
            "slim fit",
            "vintage",
            "knitted",
            "waterproof",
        ),
    ),
    "sneakers": (
        ("Trainers", "Sneakers", "Running shoes", "High-top trainers", "Plimsolls"),
        ("leather", "canvas", "retro", "lightweight", "unisex", "limited edition"),
    ),
    "furniture": (
        (
            "Sofa",
            "Coffee table",
            "Armchair",
            "Sideboard",
            "Bed frame",
            "Chest of drawers",
            "Bookcase",
            "Dining table",
        ),
        ("solid oak", "Scandi", "3-seater", "velvet", "industrial", "rattan", "extendable"),
    ),
    "electronics": (
        (
            "Wireless headphones",
            "Bluetooth speaker",
            "Smartphone",
            "Tablet",
            "Smartwatch",
            "Earbuds",
            "Laptop",
            "Games console",
        ),
        (
            "refurbished",
            "128GB",
            "noise-cancelling",
            "waterproof",
            "latest model",
            "pro",
            "matte black",
        ),
    ),
    "garden": (
        (
            "Garden furniture set",
            "Lawn mower",
            "Barbecue",
            "Parasol",
            "Planter",
            "Hedge trimmer",
            "Hammock",
            "Greenhouse",
        ),
        ("aluminium", "cordless", "gas", "cantilever", "wooden", "4-seater"),
    ),
    "toys": (
        (
            "Building set",
            "Soft toy",
            "Jigsaw puzzle",
            "Doll",
            "Race track",
            "Board game",
            "Balance bike",
        ),
        ("wooden", "educational", "1000-piece", "age 3+", "Montessori"),
    ),
    "cosmetics": (
        (
            "Moisturiser",
            "Serum",
            "Dry oil",
            "Soap bar",
            "Solid shampoo",
            "Lip balm",
            "Eau de parfum",
        ),
        ("organic", "hyaluronic acid", "vegan", "handmade", "100ml", "sensitive skin"),
    ),
    "jewellery": (
        ("Necklace", "Bracelet", "Ring", "Earrings", "Watch", "Pendant"),
        (
            "sterling silver",
            "gold-plated",
            "stainless steel",
            "freshwater pearl",
            "minimalist",
            "engraved",
        ),
    ),
    "appliances": (
        (
            "Stand mixer",
            "Cordless vacuum",
            "Coffee machine",
            "Air fryer",
            "Blender",
            "Air purifier",
        ),
        ("1200W", "bagless", "automatic", "5.5L", "smart", "quiet"),
    ),
    "sport": (
        ("E-bike", "Yoga mat", "Dumbbells", "Tent", "Hiking backpack", "Electric scooter"),
        ("folding", "ultralight", "adjustable", "2-person", "40L", "all-terrain"),
    ),
}
NICHE_WORDS = {
    "fashion": ("clothing", "fashion", "knitwear"),
    "sneakers": ("trainers", "sneakers", "shoes"),
    "furniture": ("furniture", "homeware", "sofas"),
    "electronics": ("tech", "gadgets"),
    "garden": ("garden furniture", "garden tools"),
    "toys": ("toys", "games"),
    "cosmetics": ("skincare", "beauty products"),
    "jewellery": ("jewellery", "watches"),
    "appliances": ("kitchen appliances", "home appliances"),
    "sport": ("sports gear", "outdoor kit"),
}
DESCRIPTIONS = (
    "This {colour} {product} combines comfort and style for every day.",
    "Made from carefully selected materials, it is built to last.",
    "Dimensions and technical details are listed in the specifications tab.",
    "Supplied with instructions and a {warranty}-year guarantee.",
    "Our best seller, loved for its careful finish.",
    "Easy care: just follow the instructions on the label.",
    "Perfect as a gift, delivered in recyclable packaging.",
    "Every item is checked before dispatch.",
)

SHOP_PREFIXES = ("The", "House of", "The Little", "Studio", "Oak &", "The Old", "North", "Wild")
SHOP_CORES = (
    "Willow",
    "Bramble",
    "Heron",
    "Thistle",
    "Harbour",
    "Fern",
    "Maple",
    "Juniper",
    "Meadow",
    "Hazel",
    "Linden",
    "Cobble",
    "Foxglove",
    "Kestrel",
    "Marlow",
    "Rowan",
)
SHOP_SUFFIXES = ("", "", "& Co", "Store", "Supply", "Goods", "Home", "Shop", "London")
COMPANY_PATTERNS = (
    "{core} Trading",
    "{last} & Sons",
    "{core} Retail",
    "{core} Group",
    "{last} Brothers",
    "{core} Holdings",
    "{core}",
)
DOMAIN_KEYWORDS = (
    "sale",
    "outlet",
    "clearance",
    "cheap",
    "deals",
    "uk",
    "official",
    "store",
    "discount",
    "shop",
)
DOMAIN_NICHE = {
    "fashion": ("fashion", "clothing"),
    "sneakers": ("trainers", "sneakers"),
    "furniture": ("furniture", "sofas"),
    "electronics": ("tech", "gadgets"),
    "garden": ("garden", "outdoor"),
    "toys": ("toys", "games"),
    "cosmetics": ("beauty", "skincare"),
    "jewellery": ("jewellery", "watches"),
    "appliances": ("appliances", "kitchen"),
    "sport": ("sports", "bikes"),
}
FIRST_NAMES = (
    "Oliver",
    "Amelia",
    "Jack",
    "Isla",
    "Harry",
    "Emily",
    "George",
    "Sophie",
    "James",
    "Charlotte",
    "William",
    "Grace",
    "Thomas",
    "Lucy",
    "Daniel",
    "Hannah",
)
LAST_NAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Hughes",
    "Green",
    "Clarke",
)
# (city, postcode, registry)
CITIES = (
    ("London", "E8 3RL", "England and Wales"),
    ("Manchester", "M4 1HN", "England and Wales"),
    ("Bristol", "BS1 4DJ", "England and Wales"),
    ("Leeds", "LS1 6DT", "England and Wales"),
    ("Brighton", "BN1 1UB", "England and Wales"),
    ("Edinburgh", "EH1 1YZ", "Scotland"),
    ("Glasgow", "G1 3SL", "Scotland"),
    ("Birmingham", "B1 1BB", "England and Wales"),
    ("Norwich", "NR2 1NR", "England and Wales"),
    ("Cardiff", "CF10 1EP", "England and Wales"),
)
CITIES_IE = (
    ("Dublin", "D02 X285", "Ireland"),
    ("Cork", "T12 RW26", "Ireland"),
    ("Galway", "H91 E2K3", "Ireland"),
    ("Limerick", "V94 T9PX", "Ireland"),
)
STREETS = (
    "High Street",
    "Station Road",
    "Church Lane",
    "Victoria Road",
    "Mill Lane",
    "Market Street",
    "King Street",
    "Park Road",
    "Unit 4, Riverside Industrial Estate",
)
ADDRESS_FORMAT = (
    "{number} {street}, {city} {postcode}",
    "{number} {street}<br>{city}<br>{postcode}",
    "{number} {street}, {city}, {postcode}",
)
PHONE_LANDLINE = ("0{a} ### ####", "+44 {a} ### ####", "0{a} #### ####")
PHONE_AREA = ("20", "161", "117", "113", "131", "141", "121")
PHONE_MOBILE = ("07### ######", "+44 7### ######")
FREEMAIL = (
    "gmail.com",
    "outlook.com",
    "hotmail.co.uk",
    "yahoo.co.uk",
    "btinternet.com",
    "gmail.com",
)
MAILBOXES = ("hello", "info", "support", "orders", "customerservice", "sales")

LEGAL_FORMS = (
    ("Ltd", 0.78, None),
    ("LLP", 0.05, None),
    ("PLC", 0.03, None),
    ("Sole trader", 0.14, None),
)
LEGAL_INTRO = (
    "This website {domain} is operated by the company named below.",
    "Information about the business behind {domain}, as required by the Electronic Commerce "
    "(EC Directive) Regulations 2002.",
    "",
)
LEGAL_HEADINGS = {
    "publisher": ("Company information", "Who we are", "Website operator", "Our details"),
    "host": ("Hosting", "Website hosting"),
    "mediator": ("Dispute resolution", "Complaints"),
    "ip": ("Intellectual property", "Copyright"),
    "data": ("Data protection", "Your data"),
}
LEGAL_FIELDS = (
    "company",
    "address",
    "registration",
    "vat",
    "director",
    "phone",
    "email",
    "host",
    "mediator",
)
LEGAL_LABELS = {
    "company": ("Company name", "Trading name", "Business name", "Operated by"),
    "form": ("Legal form",),
    "capital": ("Share capital",),
    "address": ("Registered office", "Registered address", "Address"),
    "registration": ("Company number", "Registered in", "Company registration"),
    "vat": ("VAT number", "VAT registration number", "VAT No."),
    "phone": ("Telephone", "Phone", "Tel"),
    "email": ("Email", "E-mail", "Contact"),
    "director": ("Director", "Directors", "Managing director"),
    "host": ("Hosted by", "Hosting provider"),
}
ID_FORMATS = {
    "registration": (
        "Registered in {registry_city}, company number {reg_id}",
        "Company No. {reg_id}",
        "{reg_id} (registered in {registry_city})",
    ),
    "vat": ("{vat}", "{vat_spaced}"),
    "capital": ("{capital}",),
}
LEGAL_CLAUSES = {
    "company": ("{domain} is a trading name of {value}", "This website is run by {value}"),
    "registration": ("{value}",),
    "address": ("whose registered office is at {value}", "of {value}"),
    "vat": ("VAT registration number {value}",),
}
SOLE_TRADER_NOTE = ("Sole trader", "Trading as")
MEDIATORS = (
    ("ProMediate", "2 Old Bath Road, Newbury, RG14 1QL", "https://www.promediate.co.uk"),
    ("Retail ADR", "1 Hills Road, Cambridge, CB2 1JP", "https://www.retailadr.org.uk"),
)
MEDIATOR_SENTENCE = (
    "If you are not happy with how we handled a complaint, you may refer it to "
    "{name}, {address}, {url}.",
)
ODR_SENTENCE = ("", "Online dispute resolution platform: https://ec.europa.eu/consumers/odr")
LEGAL_IP = (
    "All content on this website is protected by copyright and may not be reproduced "
    "without permission.",
)
LEGAL_DATA = (
    "We process personal data in line with UK GDPR. Contact {email} to exercise your rights.",
)

TERMS_INTRO = (
    "These terms apply to all orders placed on {domain}, operated by {company}.",
    "By placing an order on {domain} you agree to these terms and conditions.",
)
TERMS_ARTICLES = (
    (
        ("1. About these terms", "Scope", "1. Introduction"),
        ("These terms apply to every sale of goods by {shop} to consumers.",),
    ),
    (
        ("2. Prices", "Pricing"),
        ("All prices include VAT and exclude delivery charges unless stated.",),
    ),
    (
        ("3. Orders", "Placing an order"),
        ("Your order is accepted once payment is confirmed; we email you a confirmation.",),
    ),
    (
        ("4. Payment", "Payment methods"),
        ("We accept: {methods}.", "Payment can be made by {methods}."),
    ),
    (
        ("5. Delivery", "Shipping"),
        ("Goods are delivered to the address you give us within {min} to {max} working days.",),
    ),
)
WITHDRAWAL = {
    "14": (
        "Under the Consumer Contracts Regulations 2013 you may cancel your order within 14 days "
        "of receiving your goods without giving any reason.",
        "You have 14 days from delivery to return an item for a full refund.",
    ),
    "30": ("You have 30 days to change your mind: free returns and a refund within 14 days.",),
    "7": ("You may cancel within 7 days of delivery.",),
    "none": (
        "Sale items cannot be returned or exchanged.",
        "No returns are accepted once the order has been dispatched.",
    ),
}
WITHDRAWAL_HEADING = ("Your right to cancel", "6. Cancellation", "Returns and cancellations")
WARRANTY = (
    "Your statutory rights under the Consumer Rights Act 2015 are not affected.",
    "All goods come with a two-year guarantee.",
)
GOVERNING_LAW = ("These terms are governed by the law of England and Wales.",)
CONTACT_INTRO = (
    "Questions about a product or an order? Our team is here to help.",
    "Get in touch and we will reply within one working day.",
)
HOURS = ("Monday to Friday, 9am-5pm", "Mon-Sat 10am-6pm", "Customer service 7 days a week")
FORM_LABELS = ("Name", "Email", "Subject", "Message", "Send")
WHATSAPP = ("Chat with us on WhatsApp", "24/7 WhatsApp support")
CARRIERS = ("Royal Mail", "DPD", "Evri", "DHL", "Parcelforce", "UPS")
DELIVERY_TEXTS = (
    "Orders are dispatched within {prep} working days with {carrier}. Delivery takes {min} to "
    "{max} working days.",
    "Free delivery on orders over {free_from}; otherwise delivery costs {fee}.",
    "You will receive a tracking number by email as soon as your parcel ships.",
)
RETURNS_TEXTS = (
    "You can return an item within {days} days of receipt.",
    "Items must be returned unused in their original packaging.",
    "Refunds are made to the original payment method.",
    "To arrange a return, please contact {email} first.",
)
KIT_PHRASES = {
    "k1": (
        "We are a stock liquidation company, all products are 100% authentic and high quality.",
        "Due to warehouse closing, all items are sold at loss.",
    ),
    "k2": (
        "Dear customer, due to high demand the delivery time may be 7-12 working days.",
        "Our store is provide good quality products at the lowest price.",
    ),
    "k3": (
        "All our furniture is handmade by our partner craftsmen in Europe.",
        "Free delivery and assembly for every order placed today.",
    ),
    "k4": (
        "Online customer service 24/7, we will reply you as soon as possible.",
        "Low prices do not mean low quality, buy with confidence.",
    ),
    "k5": (
        "Cryptocurrency payment accepted: instant extra discount.",
        "Brand new sealed products, official manufacturer warranty 2 years in all Europe.",
    ),
}

# URL word for product pages (e.g. /produit/slug/ on WordPress shops).
PRODUCT_BASE = ("product", "products", "shop/product")

FOOTER_TITLES = ("Information", "Customer service", "Help", "Useful links", "The shop", "Legal")
CARD_UNAVAILABLE = (
    "Card payment is temporarily unavailable. Please pay by bank transfer.",
    "Due to maintenance, only bank transfer is available at the moment.",
)
PAYPAL_NOTE = ("You will be redirected to PayPal to complete your purchase.", "")
SINCE = ("Since {year}", "Established {year}", "Family-run since {year}")
LABEL_SEPARATORS = (": ", ": ", " - ")
