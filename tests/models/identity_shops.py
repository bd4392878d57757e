"""Shops for the register and link tests, with the register extract of their world.

- `honest`: "Sneakers Outlet SAS", its own SIREN, registered under that name in Lyon for retail.
- `borrowed`: "Baskets Discount SAS" under the SIREN of a plumber in Brest (PLOMBERIE MARTIN).
- `closed`: names a company closed before the report.
- `iban_a`, `iban_b`, `iban_c`: three shops of one operator, paying into one Lithuanian IBAN;
  `iban_a` reported first and confirmed fraud 40 days later, `iban_c` reported after that.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from capture.writer import BundleWriter
from synth.register import Company, valid_siren, write_register

REPORTED = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)
HONEST = Company(
    siren=valid_siren("41234567"),
    created=date(2012, 5, 1),
    naf="47.72A",
    denomination="SNEAKERS OUTLET",
    postcode="69003",
    city="LYON",
)
PLUMBER = Company(
    siren="552100554",
    created=date(2010, 3, 1),
    naf="43.22A",
    denomination="PLOMBERIE MARTIN",
    postcode="29200",
    city="BREST",
)
CLOSED = Company(
    siren=valid_siren("80011122"),
    created=date(2016, 1, 4),
    naf="47.91B",
    denomination="MODE ET CIE",
    postcode="75011",
    city="PARIS",
    closed_on=date(2023, 2, 1),
)
COMPANIES = (HONEST, PLUMBER, CLOSED)
IBAN = "LT12 1000 0111 0100 1000"  # the European Commission's example IBAN: valid


def _spaced(siren: str) -> str:
    return " ".join(siren[i : i + 3] for i in range(0, 9, 3))


def _notice(name: str, siren: str, street: str, iban: str = "") -> str:
    pay = f"<p>Paiement par virement : IBAN {iban}</p>" if iban else ""
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Mentions légales"
        f"</title></head><body><main><h1>Mentions légales</h1><p>{name} SAS au capital de"
        f" 10 000 €, RCS Paris, SIREN {_spaced(siren)}, {street}.</p>"
        "<p>Directeur de la publication : Jean Dupont. Hébergeur : OVH SAS, 2 rue Kellermann,"
        f" 59100 Roubaix.</p>{pay}</main></body></html>"
    )


def _home(title: str, iban: str = "") -> str:
    # Each shop its own markup (classes named after it): only the IBAN links two of them.
    pay = f"<p>Virement IBAN {iban}</p>" if iban else ""
    items = "".join(
        f"<li class='{title}-item'><span class='{title}-p{i}'><a href='/p/{i}'>Article {i}</a>"
        "</span> 49,90 €</li>"
        for i in range(8)
    )
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header class='{title}-top'><nav class='{title}-menu'><a href='/'>"
        f"Accueil</a></nav></header><main><h1>{title}</h1><ul class='{title}-grid'>{items}</ul>"
        f"{pay}</main><footer><a href='/mentions-legales'>Mentions légales</a></footer></body>"
        "</html>"
    )


# case id -> (host, days after REPORTED, outcome, decided_at, notice)
SHOPS: dict[str, tuple[str, int, str, datetime | None, str]] = {
    "honest": ("sneakers-outlet.localhost", 0, "legit", None,
               _notice("Sneakers Outlet", HONEST.siren, "4 rue Garibaldi, 69003 Lyon")),
    "borrowed": ("baskets-discount.localhost", 1, "fraud", None,
                 _notice("Baskets Discount", PLUMBER.siren, "8 rue de Siam, 29200 Brest")),
    "closed": ("mode-et-cie.localhost", 2, "fraud", None,
               _notice("Mode et Cie", CLOSED.siren, "3 rue Oberkampf, 75011 Paris")),
    "iban_a": ("montres-luxe.localhost", 3, "fraud", REPORTED + timedelta(days=43),
               _notice("Montres Luxe", valid_siren("90000001"), "1 rue A, 75001 Paris", IBAN)),
    "iban_b": ("bijoux-luxe.localhost", 10, "", None,
               _notice("Bijoux Luxe", valid_siren("90000002"), "2 rue B, 75002 Paris", IBAN)),
    "iban_c": ("sacs-luxe.localhost", 50, "", None,
               _notice("Sacs Luxe", valid_siren("90000003"), "3 rue C, 75003 Paris", IBAN)),
}  # fmt: skip


def write_shops(folder: Path) -> Path:
    """A case bundle (cases.csv with the optional decided_at column, a WARC file) of the shops."""
    with BundleWriter(folder) as writer:
        for case_id, (host, days, outcome, decided, notice) in SHOPS.items():
            when = REPORTED + timedelta(days=days)
            iban = IBAN if case_id.startswith("iban") else ""
            stamp = decided.strftime("%Y-%m-%dT%H:%M:%SZ") if decided else ""
            writer.add_case(case_id, f"https://{host}/", when, outcome or None, decided_at=stamp)
            pages = {f"https://{host}/": _home(host.split(".")[0], iban),
                     f"https://{host}/mentions-legales": notice}  # fmt: skip
            for url, html in pages.items():
                writer.add_response(
                    url, 200, [("Content-Type", "text/html; charset=utf-8")], html.encode(), when
                )
    return folder


def write_world_register(folder: Path, fmt: str = "parquet") -> Path:
    """The register extract of the shops' world, in INSEE's layout, as `fmt`."""
    write_register(folder, COMPANIES, fmt=fmt)
    return folder
