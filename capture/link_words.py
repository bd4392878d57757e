"""Words that tell which links of a shop lead to the pages an investigator checks.

Kept apart from the logic that uses them (capture/links.py). `TEXT` patterns are searched in a
link's text (and title), `URL` patterns in its path and query; both lower-cased. Languages: the
shops reported in France, so French first, then English, German, Spanish and Italian. Capture
keeps its own short list: features/ reads captures and capture/ never imports it.
"""

from __future__ import annotations

# The roles of a shop's key pages, in the order they are fetched when pages run short.
ROLES = ("legal", "terms", "contact", "returns", "product", "checkout")

TEXT: dict[str, tuple[str, ...]] = {
    "legal": (
        r"mentions?[\s_-]*l[ée]gales?",
        r"informations? l[ée]gales?",
        r"qui sommes[- ]nous",
        r"\blegal notice\b",
        r"\bimprint\b",
        r"\blegal\b",
        r"\babout us\b",
        r"\bimpressum\b",
        r"aviso[\s_-]*legal",
        r"note[\s_-]*legali",
    ),
    "terms": (
        r"\bcgv\b",
        r"\bcgu\b",
        r"conditions g[ée]n[ée]rales",
        r"conditions de vente",
        r"terms(?: (?:and|&|of) (?:conditions|sale|service|use))?",
        r"\bt&cs?\b",
        r"\bagb\b",
        r"gesch[äa]ftsbedingungen",
        r"condiciones",
        r"condizioni",
    ),
    "contact": (
        r"\bcontact",
        r"nous contacter",
        r"service client",
        r"customer (?:service|care)",
        r"\bkontakt\b",
        r"\bcontacto\b",
        r"\bcontatti\b",
    ),
    "returns": (
        r"\blivraisons?\b",
        r"\bretours?\b",
        r"remboursement",
        r"r[ée]tractation",
        r"\bshipping\b",
        r"\bdelivery\b",
        r"\breturns?\b",
        r"\brefunds?\b",
        r"\bversand\b",
        r"widerruf",
        r"\benv[íi]os?\b",
        r"devoluci[óo]n",
        r"spedizion[ei]",
        r"\bresi\b",
    ),
    "product": (
        r"ajouter au panier",
        r"acheter",
        r"add to (?:cart|bag|basket)",
        r"buy now",
        r"in den warenkorb",
        r"\bkaufen\b",
        r"a[ñn]adir al carrito",
        r"\bcomprar\b",
        r"aggiungi al carrello",
    ),
    "checkout": (
        r"\bpanier\b",
        r"\bcommander\b",
        r"\bpaiement\b",
        r"\bcart\b",
        r"\bbasket\b",
        r"\bcheckout\b",
        r"check out",
        r"\bwarenkorb\b",
        r"\bkasse\b",
        r"\bcarrito\b",
        r"\bcarrello\b",
    ),
}

URL: dict[str, tuple[str, ...]] = {
    "legal": (
        r"mentions?[-_]?legales?",
        r"legal[-_]?notice",
        r"\bimpressum\b",
        r"\bimprint\b",
        r"aviso[-_]?legal",
        r"note[-_]?legali",
        r"qui[-_]sommes[-_]nous",
        r"about[-_]?us",
    ),
    "terms": (
        r"\bcgv\b",
        r"\bcgu\b",
        r"conditions[-_]generales",
        r"\bterms\b",
        r"\btos\b",
        r"\bagb\b",
        r"condiciones",
        r"condizioni",
    ),
    "contact": (r"\bcontact", r"\bkontakt\b", r"\bcontacto\b", r"\bcontatti\b"),
    "returns": (
        r"livraison",
        r"\bretours?\b",
        r"retractation",
        r"shipping",
        r"delivery",
        r"\breturns?\b",
        r"refund",
        r"versand",
        r"widerruf",
        r"envios?",
        r"devoluci",
        r"spedizion",
    ),
    "product": (
        r"/products?/",
        r"/produits?/",
        r"/p/",
        r"/item/",
        r"/artikel/",
        r"/prodotto/",
        r"/producto/",
        r"/dp/",
        r"[?&](?:product_id|id_product|productid)=",
        r"/\d+-[\w-]+\.html$",  # PrestaShop: /12-robe-fleurie.html
        r"-p-\d+",
    ),
    "checkout": (
        r"\bcart\b",
        r"\bpanier\b",
        r"\bbasket\b",
        r"\bcheckout\b",
        r"\bcommande\b",
        r"\bwarenkorb\b",
        r"\bkasse\b",
        r"\bcarrito\b",
        r"\bcarrello\b",
    ),
}
