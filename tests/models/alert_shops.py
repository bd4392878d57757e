"""Shops for the Safety Gate alert tests: one sells the fixture report's alerted charger (its
Product JSON-LD carries the alert's barcode), one a decoy whose name is close to an alerted toy's
but is not it, one sells nothing alerted; a real case bundle and a real DuckDB index of them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from capture.alert_index import update_index
from capture.writer import BundleWriter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "safety_gate"
REPORT = FIXTURES / "report-2026-47.xml"
REPORTED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CHARGER_ALERT = "A12/01544/26"
# What the `alerts` column says of the charger shop: reference, listing as shown, risk.
CHARGER_TEXT = "A12/01544/26: Chargeur rapide 20W (Electric shock, Fire)"


def _product(name: str, brand: str, **codes: str) -> str:
    data = {"@context": "https://schema.org", "@type": "Product", "name": name, "brand": brand}
    data.update(codes)
    data["offers"] = {"@type": "Offer", "price": "19.90", "priceCurrency": "EUR"}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _html(title: str, body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )


def _shop(host: str, title: str, product: str) -> dict[str, str]:
    base = f"https://{host}"
    return {
        f"{base}/": _html(
            title,
            "<p>Livraison offerte.</p><a href='/produit/1'>Notre produit</a>"
            "<a href='/mentions-legales'>Mentions légales</a>",
        ),
        f"{base}/produit/1": _html("Produit", "<p>Prix : 19,90 €</p>", product),
    }


# case id -> (landing URL, {page URL: HTML})
SHOPS: dict[str, dict[str, str]] = {
    # the alert's barcode (EAN-13) in the product's structured data
    "alerted": _shop(
        "chargeurs-flash.localhost",
        "Chargeurs Flash",
        _product("Chargeur rapide 20W", "Voltix", gtin13="5901234123457"),
    ),
    # same brand and two of the alerted toy's three words, not its own name ("Hoppel")
    "decoy": _shop(
        "peluches-douces.localhost",
        "Peluches Douces",
        _product("Plush bunny Brummel", "Kuschelwelt", gtin13="4006381333948"),
    ),
    "plain": _shop(
        "lampes-zen.localhost", "Lampes Zen", _product("Lampe de chevet Ombra", "Lumena")
    ),
}


def write_alert_bundle(folder: Path) -> Path:
    """A case bundle (cases.csv and a WARC file) of the three shops."""
    with BundleWriter(folder) as writer:
        for n, (case_id, pages) in enumerate(SHOPS.items()):
            landing = next(iter(pages))
            writer.add_case(case_id, landing, REPORTED + timedelta(minutes=n), None)
            for url, html in pages.items():
                writer.add_response(
                    url,
                    200,
                    [("Content-Type", "text/html; charset=utf-8")],
                    html.encode("utf-8"),
                    REPORTED + timedelta(minutes=n),
                )
    return folder


def build_index(db: Path) -> Path:
    """The fixture week's alerts in a real DuckDB index at `db`."""
    counts = update_index([REPORT], db)
    assert counts.added == 3 and not counts.problems, counts
    return db
