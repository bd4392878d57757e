"""The sample world's companies as the register (SIRENE) holds them.

`synth.plan` asks this module for the register row behind each French identity a site prints:
the genuine shop's own company (with real life's noise: a trading name that differs from the
legal name, an individual business under a person's name, an older or newer company than the
domain, a renaming), the unrelated company whose SIREN a fraud borrows (another trade, another
town, created long before), and the company closed before the report whose name a fraud uses.
`synth.world` adds decoy companies and writes the extract with `synth.register`.
Every company is drawn from a seeded generator of its own, so a company shared by several
sites (the established shops' pool, an operator's borrowed number) is the same row each time.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from synth import ids
from synth.data import fr
from synth.register import INDIVIDUAL, Company

# INSEE's categorieJuridiqueUniteLegale for the legal forms the French notices print.
CATEGORY = {
    "SAS": "5710",
    "SASU": "5720",
    "SARL": "5499",
    "EURL": "5498",
    "SA": "5599",
    "EI": INDIVIDUAL,
    "Micro-entreprise": INDIVIDUAL,
}
# A shop trade (NAF rev. 2) per niche; the rest of the genuine shops register as 47.91B
# (retail sale via mail order houses or via Internet), as most French web shops do.
NICHE_NAF = {
    "fashion": "47.71Z",
    "sneakers": "47.72A",
    "furniture": "47.59A",
    "electronics": "47.43Z",
    "garden": "47.76Z",
    "toys": "47.65Z",
    "cosmetics": "47.75Z",
    "jewellery": "47.77Z",
    "appliances": "47.54Z",
    "sport": "47.64Z",
}
ONLINE_NAF = "47.91B"
# Trades that sell nothing online: the companies whose numbers frauds borrow, and the decoys.
OTHER_TRADES = (
    ("43.22A", "PLOMBERIE"),
    ("43.21A", "ELECTRICITE GENERALE"),
    ("56.10A", "RESTAURANT"),
    ("96.02A", "SALON DE COIFFURE"),
    ("45.20A", "GARAGE"),
    ("69.20Z", "CABINET COMPTABLE"),
    ("41.20A", "CONSTRUCTIONS"),
    ("68.31Z", "AGENCE IMMOBILIERE"),
    ("49.32Z", "TAXI"),
    ("10.71C", "BOULANGERIE"),
    ("86.23Z", "CABINET DENTAIRE"),
    ("81.30Z", "PAYSAGES"),
)
# Towns away from the big cities where the shops say they are (none is in fr.CITIES; postcode,
# commune as INSEE writes it): a borrowed number's company is never in the town a shop prints.
OTHER_TOWNS = (
    ("29200", "BREST"),
    ("29000", "QUIMPER"),
    ("19100", "BRIVE-LA-GAILLARDE"),
    ("64000", "PAU"),
    ("79000", "NIORT"),
    ("68000", "COLMAR"),
    ("73000", "CHAMBERY"),
    ("86000", "POITIERS"),
    ("53000", "LAVAL"),
    ("71100", "CHALON-SUR-SAONE"),
    ("15000", "AURILLAC"),
    ("24000", "PERIGUEUX"),
    ("03100", "MONTLUCON"),
    ("56100", "LORIENT"),
)


def upper(text: str) -> str:
    """A name as INSEE writes it: upper case, no accents."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.upper().split())


def _day(rng: random.Random, low: date, high: date) -> date:
    """A day between low and high (inclusive); low when the range is empty."""
    span = (high - low).days
    return low + timedelta(days=rng.randint(0, span)) if span > 0 else low


def _person(name: str) -> tuple[str, str]:
    """(first name, surname) of a sole trader's printed name, upper case as in the register."""
    first, _, last = name.partition(" ")
    return upper(first), upper(last or first)


def shop_company(
    seed: int,
    siren: str,
    name: str,
    form: str,
    postcode: str,
    city: str,
    shop_name: str | None,
    niche: str,
    domain_registered: date,
    reported: date,
    until: date,
    newbiz: bool = False,
) -> Company:
    """A genuine shop's company. Drawn from (seed, siren) alone, so the pool's companies that
    several established shops name are one row. `shop_name` None for such pooled companies."""
    rng = random.Random(f"sirene:{seed}:{siren}")
    category = CATEGORY.get(form, "5499")
    person = _person(name) if category == INDIVIDUAL else None
    naf = ONLINE_NAF if rng.random() < 0.65 else NICHE_NAF[niche]
    if shop_name is None:  # a pooled company: its dates cannot depend on any one shop
        created = _day(rng, date(1985, 1, 1), date(2016, 12, 31))
    elif newbiz:  # a new business incorporated a few weeks or months before its first report
        created = reported - timedelta(days=rng.randint(20, 300))
    elif rng.random() < 0.12:  # the site came first, the company later (real life's noise)
        created = _day(rng, domain_registered + timedelta(days=10), reported)
    else:
        created = domain_registered - timedelta(days=int(30 * (100 ** rng.random())))
    trading = upper(shop_name) if shop_name and upper(shop_name) != upper(name) else None
    usual = trading if trading and rng.random() < 0.35 else None
    sign = trading if trading and rng.random() < 0.45 else None
    former = renamed = closed = None
    if shop_name is None:
        pass
    elif category != INDIVIDUAL and rng.random() < 0.08 and (reported - created).days > 60:
        former = upper(f"{rng.choice(fr.LAST_NAMES)} {rng.choice(('DIFFUSION', 'NEGOCE'))}")
        renamed = _day(rng, created + timedelta(days=30), reported - timedelta(days=1))
    elif rng.random() < 0.04 and (until - reported).days > 30:
        # Closed after the report: only the history file shows it active at the report.
        closed = _day(rng, reported + timedelta(days=20), until)
    return Company(
        siren=siren,
        created=created,
        naf=naf,
        denomination=None if person else upper(name),
        person=person,
        category=category,
        usual_name=usual,
        sign=sign,
        postcode=postcode,
        city=upper(city),
        closed_on=closed,
        former_denomination=former,
        renamed_on=renamed,
    )


def other_company(seed: int, key: str, closed: bool = False) -> Company:
    """An unrelated company in another trade and town, created long ago: the one whose number a
    fraud borrows (`key` names it, so an operator's shops borrow the same one), or a decoy."""
    rng = random.Random(f"sirene-other:{seed}:{key}")
    naf, trade = rng.choice(OTHER_TRADES)
    postcode, city = rng.choice(OTHER_TOWNS)
    created = _day(rng, date(1978, 1, 1), date(2016, 12, 31))
    person = None
    if rng.random() < 0.25:  # a craftsman in business under their own name
        person = _person(f"{rng.choice(fr.FIRST_NAMES)} {rng.choice(fr.LAST_NAMES)}")
    name = f"{trade} {upper(rng.choice(fr.LAST_NAMES))}"
    return Company(
        siren=ids.make_siren(rng),
        created=created,
        naf=naf,
        denomination=None if person else name,
        person=person,
        category=INDIVIDUAL if person else rng.choice(("5499", "5710", "5498")),
        usual_name=name if person and rng.random() < 0.5 else None,
        postcode=postcode,
        city=city,
        closed_on=_day(rng, created + timedelta(days=400), date(2023, 6, 30)) if closed else None,
    )


def closed_company(
    rng: random.Random, siren: str, name: str, form: str, postcode: str, city: str, reported: date
) -> Company:
    """The retail company a fraud names, closed months or years before the report."""
    closed = reported - timedelta(days=rng.randint(60, 1200))
    category = CATEGORY.get(form, "5499")
    person = _person(name) if category == INDIVIDUAL else None
    return Company(
        siren=siren,
        created=closed - timedelta(days=rng.randint(400, 4000)),
        naf=rng.choice((ONLINE_NAF, ONLINE_NAF, *NICHE_NAF.values())),
        denomination=None if person else upper(name),
        person=person,
        category=category,
        postcode=postcode,
        city=upper(city),
        closed_on=closed,
    )
