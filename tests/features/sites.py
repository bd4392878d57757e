"""Small hand-written sites for feature tests."""

from __future__ import annotations

from datetime import UTC, datetime

from capture.domains import registrable_domain
from capture.site import Case, Page, RdapRecord, Site

REPORTED = datetime(2025, 3, 1, tzinfo=UTC)


def make_site(
    pages: dict[str, str], url: str | None = None, rdap: RdapRecord | None = None
) -> Site:
    """A site from {url: html}; the first URL is the landing page."""
    urls = list(pages)
    landing = url or urls[0]
    return Site(
        case=Case("t1", landing, REPORTED, None),
        domain=registrable_domain(landing),
        pages=tuple(Page(u, html, 200, "utf-8") for u, html in pages.items()),
        rdap=rdap,
    )


def shop_home(footer: str, body: str = "<h1>Bienvenue</h1><p>Nos produits.</p>") -> str:
    head = "<head><title>Boutique</title></head>"
    return f"<html>{head}<body>{body}<footer>{footer}</footer></body></html>"


FR_NOTICE_VALID = """<html><body><h1>Mentions légales</h1>
<p>Le site est édité par Atelier Lumière SARL au capital de 8 000 €, immatriculée au RCS de Lyon
sous le numéro 732 829 320. TVA intracommunautaire : FR44732829320.</p>
<p>Siège social : 4 rue Mercière, 69002 Lyon. Téléphone : 04 72 00 00 00.
Courriel : contact@atelier-lumiere.fr</p>
<p>Directeur de la publication : Claire Martin.
Hébergeur : OVH SAS, 2 rue Kellermann, 59100 Roubaix.</p>
<p>Médiateur de la consommation : CM2C, 14 rue Saint-Jean, 75017 Paris.</p>
<p>Vous disposez d'un délai de 14 jours pour exercer votre droit de rétractation.</p>
</body></html>"""
