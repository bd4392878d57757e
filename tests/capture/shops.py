"""Small shop sites for the live-capture tests, served by tests/capture/live_servers.py.

`atelier` looks like an honest French shop (legal notice with SIREN and VAT number, terms,
contact, delivery, products, cart); `promo` looks like a scam (no legal notice, transfers only,
huge discounts); `maison` redirects its home page to /fr/, sets a consent cookie that its product
pages require, and links its cart from the product page only.
"""

from __future__ import annotations

from tests.capture.live_servers import LocalServer, Reply, redirect


def _page(title: str, body: str, nav: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header>{nav}</header><main><h1>{title}</h1>{body}</main></body></html>"
    )


ATELIER_NAV = """<nav><a href="/">Accueil</a> <a href="/produit/robe-lin">Robe en lin</a>
<a href="/produit/sac-cuir">Sac en cuir</a> <a href="/panier">Panier</a></nav>"""
ATELIER_FOOTER = """<footer><a href="/mentions-legales">Mentions légales</a>
<a href="/cgv">Conditions générales de vente</a> <a href="/contact">Contact</a>
<a href="/livraison">Livraison et retours</a> <a href="/blog/1">Blog</a>
<a href="/blog/2">Blog 2</a> <a href="/img/logo.png">Logo</a>
<a href="https://www.facebook.com/atelier">Facebook</a>
<img src="/img/visa.svg" alt="Visa"> <img src="/img/mastercard.svg" alt="Mastercard">
<img src="/img/paypal.svg" alt="PayPal"></footer>"""

ATELIER = {
    "/": _page(
        "L'Atelier du Lin",
        "<p>Vêtements en lin fabriqués à Lyon depuis 2009.</p>"
        "<p>Robe en lin : 89,00 € — Sac en cuir : 120,00 €</p>" + ATELIER_FOOTER,
        ATELIER_NAV,
    ),
    "/mentions-legales": _page(
        "Mentions légales",
        "<p>Le site atelier.localhost est édité par L'Atelier du Lin SAS au capital de "
        "20 000 €, immatriculée au RCS de Lyon sous le numéro 732 829 320, TVA "
        "intracommunautaire FR44732829320. Siège social : 4 rue Mercière, 69002 Lyon. "
        "Téléphone : 04 72 00 00 00. Directeur de la publication : Claire Martin. "
        "Hébergeur : OVH SAS, 2 rue Kellermann, 59100 Roubaix.</p>",
    ),
    "/cgv": _page(
        "Conditions générales de vente",
        "<p>Droit de rétractation de 14 jours. Médiateur de la consommation : CM2C. "
        "Paiement par carte bancaire ou PayPal.</p>",
    ),
    "/contact": _page("Contact", "<p>Service client : contact@atelier.localhost</p>"),
    "/livraison": _page("Livraison et retours", "<p>Livraison en 48 h, retours gratuits.</p>"),
    "/produit/robe-lin": _page(
        "Robe en lin", "<p>Prix : 89,00 €</p><button>Ajouter au panier</button>", ATELIER_NAV
    ),
    "/produit/sac-cuir": _page(
        "Sac en cuir", "<p>Prix : 120,00 €</p><button>Ajouter au panier</button>", ATELIER_NAV
    ),
    "/panier": _page("Panier", "<p>Paiement sécurisé : carte bancaire, PayPal.</p>"),
    "/blog/1": _page("Blog", "<p>Nouveautés.</p>"),
    "/blog/2": _page("Blog", "<p>Nouveautés.</p>"),
}

PROMO = {
    "/": _page(
        "SUPER PROMO -90%",
        """<p>Liquidation totale ! Nike Air à 19,99 € au lieu de 199,99 € !!!</p>
        <a href="/produit/nike-air">Nike Air -90%</a> <a href="/paiement">Commander</a>
        <a href="/contact">Contact</a>""",
    ),
    "/produit/nike-air": _page("Nike Air", "<p>19,99 € au lieu de 199,99 €, stock limité</p>"),
    "/paiement": _page(
        "Paiement",
        "<p>Paiement par virement bancaire uniquement. IBAN communiqué après commande.</p>",
    ),
    "/contact": _page("Contact", "<p>Écrivez-nous : promo.service@gmail.com</p>"),
}

MAISON_HOME = _page(
    "Maison Bleue",
    """<p>Décoration.</p><a href="/fr/produits/vase">Vase bleu</a>
    <a href="/fr/mentions-legales">Mentions légales</a>""",
)
MAISON_PRODUCT = _page("Vase bleu", """<p>35,00 €</p><a href="/fr/panier">Voir le panier</a>""")


def serve_shops(server: LocalServer) -> None:
    """Route the three shops, and a few sites that fail, on one server."""
    for path, html in ATELIER.items():
        server.route("atelier.localhost", path, Reply(html))
    server.route("atelier.localhost", "/img/logo.png", Reply(b"\x89PNG", content_type="image/png"))
    for path, html in PROMO.items():
        server.route("promo.localhost", path, Reply(html))
    server.route("maison.localhost", "/", redirect("/fr/"))
    server.route(
        "maison.localhost",
        "/fr/",
        Reply(MAISON_HOME, headers=[("Set-Cookie", "consent=oui; Path=/")]),
    )

    def product(handler: object) -> None:
        cookie = handler.headers.get("Cookie") or ""  # type: ignore[attr-defined]
        answer = Reply(MAISON_PRODUCT) if "consent=oui" in cookie else Reply("refus", 403)
        answer.send(handler)  # type: ignore[arg-type]

    server.route("maison.localhost", "/fr/produits/vase", product)
    server.route(
        "maison.localhost", "/fr/mentions-legales", Reply(_page("Mentions légales", "<p>SARL</p>"))
    )
    server.route("maison.localhost", "/fr/panier", Reply(_page("Panier", "<p>Vide</p>")))
    server.route("gone.localhost", "/", Reply(_page("Introuvable", "<p>404</p>"), 404))
    badly = (
        "<html><head><title>Café crème</title></head><body><p>Crème brûlée à 5 €".encode("cp1252")
        + b"\xff\xfe\x81</p></body></html>"
    )
    server.route("mojibake.localhost", "/", Reply(badly, content_type="text/html; charset=utf-8"))
