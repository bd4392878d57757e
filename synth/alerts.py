"""Synthetic Safety Gate alerts and shop listings, with the truth of which listing is which alert.

For the matcher's tests and benchmark (and the sample world's alerts): alerts in the published
weekly report structure, and listings of five kinds: the alerted product by its barcode, by its
model number written another way, by a near name (words reordered or added, a typo, the brand
in the name), decoys of the same brand with a similar name that are not alerted, and products
of other brands. Everything comes from one seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree
from stdnum import ean

from capture.safety_gate import RECORD_TAG, Alert, gtins_in

# (category, risk types, product types): product types are what a shop's listing also says.
_CATALOGUE = (
    (
        "Toys",
        ("Choking", "Chemical", "Injuries"),
        (
            "plush bunny",
            "soft toy bear",
            "rattle",
            "slime kit",
            "building blocks",
            "toy car",
            "doll",
            "bath toy",
            "fidget spinner",
            "magnetic puzzle",
        ),
    ),
    (
        "Electrical appliances and equipment",
        ("Electric shock", "Fire", "Burns"),
        (
            "usb charger",
            "power bank",
            "hair dryer",
            "travel adapter",
            "led string lights",
            "extension cord",
            "phone charger",
            "heating pad",
            "desk lamp",
            "kettle",
        ),
    ),
    (
        "Cosmetics",
        ("Chemical",),
        ("whitening cream", "tattoo ink", "nail polish", "hair dye", "face mask", "body lotion"),
    ),
    (
        "Childcare articles and children's equipment",
        ("Strangulation", "Suffocation", "Injuries"),
        ("baby carrier", "pacifier clip", "high chair", "baby walker", "cot bumper"),
    ),
    (
        "Clothing, textiles and fashion items",
        ("Strangulation", "Chemical", "Injuries"),
        ("hooded sweatshirt", "children's jacket", "swimsuit", "leather gloves", "sneakers"),
    ),
)
_ADJECTIVES = ("mini", "deluxe", "classic", "soft", "smart", "pro", "junior", "compact", "magic")
# What an alert's name sometimes adds ("... with rattle"): a shop may leave it out.
_ACCESSORIES = ("rattle", "cable", "remote control", "lid", "strap", "beads", "stand", "hood")
_EXTRAS = ("grey", "pink", "blue", "25 cm", "set of 2", "new", "2026", "for kids", "eu plug")
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ber",
    "tan",
    "vo",
    "rix",
    "sel",
    "do",
    "nu",
    "gra",
    "pel",
    "hop",
    "zu",
    "ran",
    "te",
    "quo",
    "fi",
    "mar",
    "lux",
    "ven",
    "bo",
    "tri",
    "ska",
)
_MEASURES = (
    "Withdrawal of the product from the market",
    "Recall of the product from end users",
    "Ban on the marketing of the product",
    "Rejected at border",
)
_COUNTRIES = ("France", "Germany", "Belgium", "Spain", "Italy", "Netherlands", "Poland")
KINDS = ("barcode", "model", "near", "decoy", "other")


@dataclass(frozen=True)
class SynthListing:
    """A listing as a shop would show it, and the alert it is (None: not an alerted product)."""

    name: str
    brand: str
    model: str  # "" when the shop shows none
    gtin: str  # 13 digits, "" when the shop shows none
    truth: str | None  # the alert reference this listing is, None for decoys and others
    kind: str  # one of KINDS


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def _gtin(rng: random.Random, taken: set[str]) -> str:
    while True:
        body = "".join(rng.choice("0123456789") for _ in range(12))
        code = body + ean.calc_check_digit(body)
        if code not in taken and code[0] != "0":
            taken.add(code)
            return code


def _model(rng: random.Random, brand: str, taken: set[str]) -> str:
    while True:
        code = f"{brand[:2].upper()}-{rng.randint(100, 99999)}{rng.choice(['', 'A', 'B', 'X'])}"
        key = code.replace("-", "").lower()
        if key not in taken:
            taken.add(key)
            return code


def make_alerts(seed: int, n: int, report_date: date = date(2026, 11, 20)) -> list[Alert]:
    """`n` alerts from `seed`: about 15 per brand, a tenth without a brand, 70% with a model
    number, 60% with a barcode, names like "deluxe plush bunny Hoppel"."""
    rng = random.Random(seed)
    brands = sorted({_word(rng, 3).capitalize() for _ in range(max(1, n // 15))})
    gtins: set[str] = set()
    models: set[str] = set()
    alerts = []
    for i in range(n):
        category, risks, products = rng.choice(_CATALOGUE)
        brand = rng.choice(brands) if rng.random() > 0.1 else "Unknown"
        series = _word(rng, rng.choice((2, 3))).capitalize()
        product = rng.choice(products)
        name = f"{rng.choice(_ADJECTIVES)} {product} {series}"
        if rng.random() < 0.4:
            name += f" with {rng.choice(_ACCESSORIES)}"
        barcode = _gtin(rng, gtins) if rng.random() < 0.6 else ""
        alerts.append(
            Alert(
                reference=f"SR/{i + 1:05d}/{report_date.year % 100:02d}",
                name=name,
                product=product,
                brand=brand,
                model=_model(rng, brand, models) if rng.random() < 0.7 else "",
                barcode=barcode,
                gtins=gtins_in(barcode),
                category=category,
                risk_type=rng.choice(risks),
                level="Serious risk",
                measures=rng.choice(_MEASURES),
                notifying_country=rng.choice(_COUNTRIES),
                country_of_origin="China",
                counterfeit=rng.random() < 0.1,
                version=report_date.isoformat(),
            )
        )
    return alerts


def _typo(rng: random.Random, word: str) -> str:
    """One letter dropped or two swapped, as a shop's copy-editing does."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _near_name(rng: random.Random, alert: Alert) -> str:
    """The alerted product's name as another shop writes it."""
    core, _, accessory = alert.name.partition(" with ")
    words = core.split()
    if accessory and rng.random() < 0.5:
        words += ["with", *accessory.split()]
    if rng.random() < 0.5:
        words = words[1:]  # the adjective left out
    if rng.random() < 0.4:
        rng.shuffle(words)
    if rng.random() < 0.3:
        series = max(range(len(words)), key=lambda k: len(words[k]))
        words[series] = _typo(rng, words[series])
    if rng.random() < 0.6:
        words.append(rng.choice(_EXTRAS))
    if rng.random() < 0.4:
        words.insert(0, alert.brand)
    name = " ".join(words)
    return name.upper() if rng.random() < 0.1 else name


def _decoy_name(rng: random.Random, alert: Alert) -> str:
    """A product of the same brand whose name is close to the alerted one but is another:
    another series of the same product type, or the same series of another product type."""
    core, _, accessory = alert.name.partition(" with ")
    adjective, rest = core.split(" ", 1)
    product, series = rest.rsplit(" ", 1)
    if rng.random() < 0.6:
        other = _word(rng, rng.choice((2, 3))).capitalize()
        name = f"{adjective} {product} {other}"
    else:
        for _, _, products in _CATALOGUE:
            if product in products:
                product = rng.choice([p for p in products if p != product])
                break
        name = f"{adjective} {product} {series}"
    if accessory and rng.random() < 0.5:
        name += f" with {accessory}"
    return name + (f" {rng.choice(_EXTRAS)}" if rng.random() < 0.5 else "")


def _spaced(model: str, rng: random.Random) -> str:
    """A model number written another way: case, dash or space changed."""
    styles = (model.lower(), model.replace("-", " "), model.replace("-", ""), model)
    return rng.choice(styles)


def make_listings(seed: int, alerts: list[Alert], n: int) -> list[SynthListing]:
    """`n` listings against `alerts`: 10% by barcode, 10% by model number, 15% by near name,
    25% decoys, 40% other products (other brands, codes that are in no alert)."""
    rng = random.Random(seed)
    branded = [a for a in alerts if a.brand != "Unknown"]
    with_gtin = [a for a in alerts if a.barcode]
    with_model = [a for a in alerts if a.model]
    gtins = {a.barcode for a in alerts}
    models = {a.model.replace("-", "").lower() for a in alerts}
    listings = []
    for _ in range(n):
        draw = rng.random()
        if draw < 0.10 and with_gtin:
            a = rng.choice(with_gtin)
            listings.append(
                SynthListing(_near_name(rng, a), a.brand, "", a.barcode, a.reference, "barcode")
            )
        elif draw < 0.20 and with_model:
            a = rng.choice(with_model)
            listings.append(
                SynthListing(
                    _near_name(rng, a), a.brand, _spaced(a.model, rng), "", a.reference, "model"
                )
            )
        elif draw < 0.35:
            a = rng.choice(branded)
            listings.append(SynthListing(_near_name(rng, a), a.brand, "", "", a.reference, "near"))
        elif draw < 0.60:
            a = rng.choice(branded)
            listings.append(
                SynthListing(
                    _decoy_name(rng, a),
                    a.brand,
                    _model(rng, a.brand, models),
                    _gtin(rng, gtins),
                    None,
                    "decoy",
                )
            )
        else:
            brand = _word(rng, 2).capitalize() + "co"
            _, _, products = rng.choice(_CATALOGUE)
            name = f"{rng.choice(_ADJECTIVES)} {rng.choice(products)} {_word(rng, 3).capitalize()}"
            listings.append(
                SynthListing(
                    name,
                    brand,
                    _model(rng, brand, models),
                    _gtin(rng, gtins) if rng.random() < 0.5 else "",
                    None,
                    "other",
                )
            )
    return listings


def _field(parent: etree._Element, tag: str, text: str) -> None:
    if text:
        etree.SubElement(parent, tag).text = etree.CDATA(text)


def write_report(alerts: list[Alert], path: str | Path, report_date: date) -> Path:
    """Write `alerts` as one weekly report detail file in the published structure."""
    root = etree.Element("Safety-Gate")
    etree.SubElement(root, "report_date").text = report_date.strftime("%d/%m/%Y")
    etree.SubElement(root, "report_year").text = str(report_date.isocalendar().year)
    etree.SubElement(root, "report_week").text = str(report_date.isocalendar().week)
    for order, a in enumerate(alerts, 1):
        record = etree.SubElement(root, RECORD_TAG)
        etree.SubElement(record, "order").text = str(order)
        etree.SubElement(record, "caseNumber").text = a.reference
        for tag, value in (
            ("reference", a.url),
            ("category", a.category),
            ("product", a.product),
            ("brand", a.brand),
            ("name", a.name),
            ("type_numberOfModel", a.model),
            ("barcode", a.barcode),
            ("riskType", a.risk_type),
            ("danger", a.danger),
            ("measures", a.measures),
            ("description", a.description),
            ("notifyingCountry", a.notifying_country),
            ("countryOfOrigin", a.country_of_origin),
            ("level", a.level),
        ):
            _field(record, tag, value)
        if a.counterfeit is not None:
            _field(record, "counterfeit", "Yes" if a.counterfeit else "No")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    etree.ElementTree(root).write(
        str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return path
