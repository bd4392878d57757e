"""The synthetic world's truth: plans each reported shop, before anything is rendered.

`plan_sites` draws every fact an investigator would check (domain age, payment methods, legal
identity, discounts...) from overlapping distributions that drift over time. `synth.render` and
`synth.rdap` turn a plan into captures, `synth.bundle` writes them. The truth stays in memory:
nothing written reveals the label except the (noisy) outcome column.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from string import Template
from types import ModuleType
from typing import TypeVar

from synth import ids, sirene
from synth.data import LANGUAGES, common, kits, templates
from synth.operators import Operator, make_operators, operator_for
from synth.register import Company

T = TypeVar("T")

SOLE_FORMS = frozenset(
    (
        "EI",
        "Micro-entreprise",
        "Einzelunternehmen",
        "e.K.",
        "Autónomo",
        "Ditta individuale",
        "Sole trader",
    )
)
PROTECTED = frozenset(k for k, (safe, _, _) in common.PAYMENT_METHODS.items() if safe)
# Kinds of genuine shop and of hand-made fraud. "sketchy" genuine shops (new, cheap, careless)
# and "polished" frauds (aged domain, card payment, complete notice) are the hard cases.
LEGIT_PROFILES = {
    "established": 0.32,
    "small": 0.4,
    "dropship": 0.15,
    "newbiz": 0.06,
    "sketchy": 0.07,
}
FRAUD_PROFILES = {"amateur": 0.4, "clone": 0.27, "dropship_scam": 0.2, "polished": 0.13}


# --- the truth -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """A legal identity as a site prints it (possibly borrowed or made up)."""

    name: str
    form: str
    jurisdiction: str  # FR, DE, ES, IT, GB, IE, or a foreign one (HK, CN, US, EE, CY)
    reg_id: str | None  # SIREN, HRB number, CIF/NIF, partita IVA, company number...
    reg_valid: bool | None  # the checksum of the main identifier, where it has one
    extra: str | None  # SIRET, Registro Mercantil entry, REA number
    vat: str | None
    vat_valid: bool | None
    registry_city: str | None
    capital: int | None
    address: str
    city: str
    postcode: str
    director: str
    phone: str | None = None
    email: str | None = None
    borrowed: bool = False


@dataclass(frozen=True)
class Product:
    """One product of a shop's catalogue."""

    name: str
    slug: str
    price: float
    old_price: float | None
    sku: str
    image: str
    has_page: bool
    gone: bool = False  # its page answers 404 at capture
    brand: str | None = None  # the maker's brand, shown in the page's Product JSON-LD
    gtin: str | None = None  # its barcode (GTIN-13), shown in the JSON-LD
    model: str | None = None  # its model number (MPN), shown in the JSON-LD
    alert: str | None = None  # the Safety Gate alert this product is (None: not alerted)
    alert_kind: str | None = None  # how it is listed: barcode, model, near (name), decoy


@dataclass(frozen=True)
class SitePlan:
    """Everything decided about one reported site before rendering: the generator's truth."""

    index: int
    case_id: str
    reported_at: datetime
    captured_at: datetime
    is_fraud: bool
    outcome: str | None
    source: str
    profile: str
    kit: str | None
    template: str
    lang: str
    market: str
    currency: str
    niche: str
    shop_name: str
    domain: str
    host: str
    case_url: str
    registered_at: datetime
    last_changed_at: datetime
    expires_at: datetime
    rebought: bool
    registrar: int
    has_rdap: bool
    logos: tuple[str, ...]
    checkout_methods: tuple[str, ...]
    payment_strategy: str
    card_processor: str | None
    iban_country: str | None
    notice: str
    notice_fields: tuple[str, ...]
    party: Party | None
    terms_party: Party | None
    email: str
    email_kind: str
    phone: str | None
    products: tuple[Product, ...]
    max_discount: int
    urgency: bool
    withdrawal: str
    pages: tuple[str, ...]
    legal_link: str  # "page", "dead" (link to a 404), "none"
    quirks: tuple[str, ...]
    trackers: tuple[tuple[str, str], ...]
    agency: int | None
    host_company: str
    mediator: int | None
    charset: str
    encoding: str | None
    captured: bool
    redirects: tuple[str, ...]
    paths: tuple[tuple[str, str], ...]  # page key ("home", "product:0", "legal"...) -> path
    extras: tuple[str, ...] = field(default=())  # non-HTML files captured
    # What the company register holds for the printed French SIREN (None: not in it) and how
    # the identity stands against it: registered, borrowed (another company's number),
    # invented (checksum-valid, absent), closed (closed before the report), invalid, or "".
    company: Company | None = None
    identity: str = ""
    operator: str | None = None  # the fraud operator running it (shared identifiers)
    iban: str | None = None  # the account shown for a bank transfer
    bic: str | None = None

    def path(self, key: str) -> str | None:
        """The URL path of a page of this site, or None when it has none."""
        return dict(self.paths).get(key)

    # Facts an investigator checks, computed from the truth (used by tests of hardness).
    @property
    def transfer_only(self) -> bool:
        """True when the checkout offers no method with a way to get money back."""
        return not any(m in PROTECTED for m in self.checkout_methods)

    @property
    def siren_present(self) -> bool:
        """True when a French SIREN (alone, in an RCS, SIRET or VAT number) is printed."""
        shown = {"siren", "rcs", "siret", "vat"} & set(self.notice_fields)
        return bool(shown) and self.party is not None and self.party.jurisdiction == "FR"

    @property
    def siren_valid(self) -> bool:
        """True when the printed SIREN passes Luhn."""
        return self.siren_present and bool(self.party and self.party.reg_valid)

    @property
    def domain_age_days(self) -> int:
        """Days between domain registration and the report."""
        return (self.reported_at - self.registered_at).days

    @property
    def young_domain(self) -> bool:
        """True when the domain was registered less than 90 days before the report."""
        return self.domain_age_days < 90

    @property
    def label(self) -> str:
        """The true class, "fraud" or "legit" (the outcome column may differ: label noise)."""
        return "fraud" if self.is_fraud else "legit"


# --- small helpers -------------------------------------------------------------------------


def pick(rng: random.Random, weights: Mapping[T, float]) -> T:
    """A key drawn with the given relative weights (in mapping order, so reproducible)."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def lang_module(lang: str) -> ModuleType:
    """The data module of a language code."""
    return LANGUAGES[lang]


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return float(low * (high / low) ** rng.random())


def _phone(rng: random.Random, lang: ModuleType, mobile: bool) -> str:
    if mobile:
        return ids.fill_pattern(rng, rng.choice(lang.PHONE_MOBILE))
    pattern = rng.choice(lang.PHONE_LANDLINE).replace("{a}", rng.choice(lang.PHONE_AREA))
    return ids.fill_pattern(rng, pattern)


def _person(rng: random.Random, lang: ModuleType) -> str:
    return f"{rng.choice(lang.FIRST_NAMES)} {rng.choice(lang.LAST_NAMES)}"


def _cities(lang: ModuleType, market: str) -> Sequence[tuple[str, str, str]]:
    if market == "IE":
        return lang.CITIES_IE
    return lang.CITIES


def _address(
    rng: random.Random, lang: ModuleType, market: str, mismatch: bool = False
) -> tuple[str, str, str, str]:
    """(address, city, postcode, registry city); `mismatch` gives a postcode of another city."""
    cities = _cities(lang, market)
    city, postcode, registry = rng.choice(cities)
    if mismatch:
        others = [c for c in cities if c[0] != city]
        postcode = rng.choice(others)[1] if others else postcode
    number = str(rng.randint(1, 180))
    if rng.random() < 0.1:
        number += rng.choice(("bis", "B", "A", " bis"))
    text = rng.choice(lang.ADDRESS_FORMAT).format(
        number=number, street=rng.choice(lang.STREETS), postcode=postcode, city=city
    )
    return text, city, postcode, registry


# --- legal identities ----------------------------------------------------------------------


def make_party(
    rng: random.Random,
    lang: ModuleType,
    market: str,
    valid: bool = True,
    vat_valid: bool = True,
    address_mismatch: bool = False,
    core: str | None = None,
) -> Party:
    """A domestic company of the site's market, with valid or spoilt check digits."""
    form, _, capital_range = rng.choices(
        lang.LEGAL_FORMS, weights=[f[1] for f in lang.LEGAL_FORMS], k=1
    )[0]
    core = core or rng.choice(lang.SHOP_CORES)
    name = rng.choice(lang.COMPANY_PATTERNS).format(core=core, last=rng.choice(lang.LAST_NAMES))
    address, city, postcode, registry = _address(rng, lang, market, address_mismatch)
    capital = None
    if capital_range:
        low, high = capital_range
        capital = int(round(rng.randint(low, high), -2 if high > 5000 else 0))
    director = _person(rng, lang)
    if capital_range is None and form in SOLE_FORMS:
        name = director  # a sole trader trades under their own name
    jurisdiction = "IE" if market == "IE" else lang.COUNTRY
    if market == "INT":
        jurisdiction = "GB"
    reg_id: str | None
    extra: str | None = None
    vat: str | None = None
    reg_ok: bool | None = None
    vat_ok: bool | None = None
    sole = capital_range is None and form not in ("GmbH & Co. KG", "Ltd", "LLP", "PLC")
    if jurisdiction == "FR":
        reg_id = ids.make_siren(rng, valid)
        reg_ok = valid
        extra = ids.make_siret(rng, reg_id)
        if form not in ("EI", "Micro-entreprise") or rng.random() < 0.3:
            vat_ok = vat_valid
            vat = ids.fr_vat(rng, reg_id, vat_valid)
    elif jurisdiction == "DE":
        reg_id = None if sole else str(rng.randint(10000, 259999))
        vat_ok = valid and vat_valid
        vat = ids.de_vat(rng, vat_ok)
        reg_ok = vat_ok
    elif jurisdiction == "ES":
        if sole:
            reg_id = ids.es_nif_person(rng, valid)
        else:
            reg_id = ids.es_cif(rng, valid, letter="A" if form == "S.A." else "B")
            extra = (
                f"Tomo {rng.randint(1000, 45000)}, Folio {rng.randint(1, 220)}, Hoja "
                f"{registry[0]}-{rng.randint(10000, 699999)}, Inscripción {rng.randint(1, 4)}ª"
            )
        reg_ok = valid
        vat = f"ES{reg_id}"
        vat_ok = valid
    elif jurisdiction == "IT":
        reg_id = ids.it_piva(rng, valid)
        reg_ok = valid
        extra = f"{registry}-{rng.randint(100000, 2699999)}"
        vat = f"IT{reg_id}"
        vat_ok = valid
    elif jurisdiction == "IE":
        reg_id = str(rng.randint(100000, 759999))
        vat_ok = valid and vat_valid
        vat = ids.ie_vat(rng, vat_ok)
        reg_ok = vat_ok
    else:  # GB
        reg_id = None if sole else (f"{rng.randint(6000000, 15999999):08d}")
        if registry == "Scotland" and reg_id:
            reg_id = f"SC{rng.randint(100000, 799999)}"
        vat_ok = valid and vat_valid
        vat = ids.gb_vat(rng, vat_ok) if rng.random() < 0.85 else None
        reg_ok = vat_ok if vat else None
    return Party(
        name=name,
        form=form,
        jurisdiction=jurisdiction,
        reg_id=reg_id,
        reg_valid=reg_ok,
        extra=extra,
        vat=vat,
        vat_valid=vat_ok if vat else None,
        registry_city=registry,
        capital=capital,
        address=address,
        city=city,
        postcode=postcode,
        director=director,
    )


def make_foreign_party(rng: random.Random) -> Party:
    """A company registered far away (Hong Kong, Shenzhen, Wyoming, Tallinn, London...)."""
    jurisdiction, suffix, registry, pattern, addresses = rng.choice(common.FOREIGN_JURISDICTIONS)
    core = rng.choice(common.FOREIGN_NAME_PARTS)
    kind = rng.choice(("Trading", "Commerce", "Technology", "E-commerce", "International"))
    address = rng.choice(addresses)
    return Party(
        name=f"{core} {kind} {suffix}",
        form=suffix,
        jurisdiction=jurisdiction,
        reg_id=ids.fill_pattern(rng, pattern),
        reg_valid=None,
        extra=registry,
        vat=None,
        vat_valid=None,
        registry_city=None,
        capital=None,
        address=address,
        city=address.split(",")[-2].strip(),
        postcode="",
        director=f"{rng.choice(('Li', 'Wang', 'Chen', 'Zhang', 'Liu'))} "
        f"{rng.choice(('Wei', 'Fang', 'Jun', 'Min', 'Hui'))}",
        phone=ids.fill_pattern(rng, rng.choice(common.FOREIGN_PHONES)),
    )


class CompanyPool:
    """Established companies of each market, made on demand from the seed (stable per index)."""

    def __init__(self, seed: int, size: int) -> None:
        self.seed = seed
        self.size = size
        self._made: dict[tuple[str, str, int], Party] = {}

    def get(self, lang: str, market: str, k: int) -> Party:
        """The k-th established company of a market (the same party every time it is asked)."""
        key = (lang, market, k % self.size)
        if key not in self._made:
            rng = random.Random(f"company:{self.seed}:{lang}:{market}:{key[2]}")
            module = lang_module(lang)
            party = make_party(rng, module, market)
            own = slugify(
                party.name.split(" ")[0] + "-" + rng.choice(("groupe", "group", "sa", ""))
            )
            tld = "fr" if lang == "fr" else rng.choice(("com", "eu"))
            party = Party(
                **{
                    **party.__dict__,
                    "phone": _phone(rng, module, mobile=False),
                    "email": f"{rng.choice(module.MAILBOXES)}@{own.strip('-')}.{tld}",
                }
            )
            self._made[key] = party
        return self._made[key]


def pool_size(n_sites: int) -> int:
    """How many established companies each market's pool holds for a world of n sites."""
    return max(12, n_sites // 12)


def _register_truth(
    rng: random.Random,
    seed: int,
    party: Party | None,
    notice: str,
    is_fraud: bool,
    profile: str,
    shop_name: str,
    niche: str,
    registered: datetime,
    reported: datetime,
    until: datetime,
    victim: Company | None,
) -> tuple[Company | None, str]:
    """What the register holds for a French party's SIREN, and how the identity stands."""
    if party is None or party.jurisdiction != "FR" or not party.reg_id:
        return None, ""
    if not party.reg_valid:
        return None, "invalid"  # a typo or a made-up number that fails its check digit
    if party.borrowed:
        return victim, "borrowed"
    if is_fraud and notice == "closed":
        company = sirene.closed_company(
            rng, party.reg_id, party.name, party.form, party.postcode, party.city, reported.date()
        )
        return company, "closed"
    if is_fraud:
        return None, "invented"  # checksum-valid, in no register
    pooled = profile == "established"
    company = sirene.shop_company(
        seed, party.reg_id, party.name, party.form, party.postcode, party.city,
        None if pooled else shop_name, niche, registered.date(), reported.date(), until.date(),
        newbiz=profile == "newbiz",
    )  # fmt: skip
    return company, "registered"


# --- planning ------------------------------------------------------------------------------


def _season(moment: datetime) -> str:
    if moment.month in (1, 7) or (moment.month in (2, 6) and moment.day > 20):
        return "soldes"
    if moment.month == 11 and moment.day >= 15:
        return "blackfriday"
    return "none"


def _active_kits(t: float) -> dict[str, float]:
    return {
        name: spec["weight"]
        for name, spec in kits.KITS.items()
        if spec["active"][0] <= t <= spec["active"][1]
    }


def _registrar(rng: random.Random, is_fraud: bool, tld: str, template: str) -> int:
    weights = {}
    local = {
        "de": ("Strato AG", "IONOS SE"),
        "it": ("Aruba S.p.A.", "Register.it S.p.A."),
        "es": ("Arsys Internet, S.L.",),
        "fr": ("OVH SAS", "Gandi SAS", "Nameshield"),
    }
    for i, row in enumerate(common.REGISTRARS):
        w = row[7] if is_fraud else row[6]
        if row[0] in local.get(tld, ()):
            w *= 3.0
        if template == "shopify" and row[0] == "Tucows Domains Inc.":
            w *= 6.0
        if template == "wix" and row[0] == "Tucows Domains Inc.":
            w *= 3.0
        weights[i] = w
    return pick(rng, weights)


def _domain_dates(
    rng: random.Random, reported: datetime, young_p: float, max_years: float, rebought_p: float
) -> tuple[datetime, datetime, datetime, bool]:
    """(registered, last changed, expires, rebought) with registration before the report."""
    rebought = False
    if rng.random() < young_p:
        age = timedelta(days=rng.randint(3, 89), seconds=rng.randint(0, 86399))
    elif rng.random() < rebought_p:
        rebought = True
        age = timedelta(days=int(_log_uniform(rng, 700, 5500)), seconds=rng.randint(0, 86399))
    else:
        age = timedelta(days=int(_log_uniform(rng, 90, max(91, 365 * max_years))))
        age += timedelta(seconds=rng.randint(0, 86399))
    registered = reported - age
    if rebought:
        changed = reported - timedelta(days=rng.randint(8, 80), seconds=rng.randint(0, 86399))
    else:
        span = max(1, min(age.days, 400))
        changed = reported - timedelta(days=rng.randint(0, span), seconds=rng.randint(0, 86399))
        changed = max(changed, registered)
    years = 1
    while registered + timedelta(days=round(365.25 * years)) <= reported + timedelta(days=1):
        years += 1
    years += rng.choice((0, 0, 0, 1, 2))
    expires = registered + timedelta(days=round(365.25 * years))
    return registered, changed, expires, rebought


def _domain_name(
    rng: random.Random, lang: ModuleType, style: str, shop: str, niche: str, tld: str
) -> str:
    if style == "brand_keyword":
        brand = slugify(rng.choice(common.BRANDS))
        keyword = rng.choice(lang.DOMAIN_KEYWORDS)
        word = rng.choice(lang.DOMAIN_NICHE[niche])
        shapes = (
            f"{brand}-{keyword}",
            f"{brand}-{word}-{keyword}",
            f"{word}-{keyword}",
            f"{brand}{keyword}",
            f"{word}-{brand}",
            f"{keyword}-{word}-{rng.choice(('2024', '2025', 'fr', 'eu', 'shop', 'online'))}",
        )
        label = rng.choice(shapes)
    else:
        label = slugify(shop)
        if rng.random() < 0.4:
            label = label.replace("-", "")
        if rng.random() < 0.15:
            label += "-" + rng.choice(lang.DOMAIN_NICHE[niche])
    label = re.sub("-+", "-", label).strip("-")[:40].strip("-")
    return f"{label}.{tld}"


def _shop_name(rng: random.Random, lang: ModuleType, brandish: bool) -> str:
    if brandish:
        brand = rng.choice(common.BRANDS)
        return f"{brand} {rng.choice(lang.DOMAIN_KEYWORDS).replace('-', ' ').title()}"
    shape = rng.random()
    core = rng.choice(lang.SHOP_CORES)
    if shape < 0.45:
        name = f"{rng.choice(lang.SHOP_PREFIXES)} {core}"
    elif shape < 0.75:
        name = f"{core} {rng.choice(lang.SHOP_SUFFIXES)}".strip()
    else:
        name = f"{core} {rng.choice(lang.SHOP_CORES)}" if rng.random() < 0.3 else core
    return name.replace("  ", " ").strip()


def _core_word(rng: random.Random, lang: ModuleType, shop_name: str) -> str:
    """The distinctive word of a shop name, to name the company after it."""
    words = [w for w in shop_name.split() if w in lang.SHOP_CORES]
    return words[0] if words else rng.choice(lang.SHOP_CORES)


def _payment(
    rng: random.Random, is_fraud: bool, profile: str, strategy: str, market: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(footer logos, checkout methods) for a payment strategy."""
    cards = ["visa", "mastercard"] + (["cb"] if market == "FR" else [])
    if rng.random() < 0.25:
        cards.append("amex")
    wallets = [m for m in ("applepay", "googlepay") if rng.random() < 0.35]
    bnpl = []
    if rng.random() < 0.3:
        bnpl.append("klarna" if market != "FR" or rng.random() < 0.5 else "alma")
    local = []
    if market == "ES" and rng.random() < 0.3:
        local.append(rng.choice(("bizum", "cod")))
    if market == "IT" and rng.random() < 0.25:
        local.append(rng.choice(("satispay", "cod")))
    if market == "DE" and rng.random() < 0.3:
        local.append("sepa_debit")
    if strategy == "card_full":
        methods = ["card", "paypal", *wallets, *bnpl, *local]
        if rng.random() < 0.1:
            methods.append("transfer")
        logos = [*cards, "paypal", *wallets, *bnpl] if rng.random() < 0.85 else []
    elif strategy == "card_paypal":
        methods = ["card", "paypal", *local]
        logos = [*cards, "paypal"] if rng.random() < 0.8 else []
    elif strategy == "card_only":
        methods = ["card"]
        logos = list(cards) if rng.random() < 0.7 else []
    elif strategy == "paypal_transfer":
        methods = ["paypal", "transfer"] + (
            ["cheque"] if market == "FR" and rng.random() < 0.5 else []
        )
        logos = ["paypal"] if rng.random() < 0.7 else []
    elif strategy == "transfer_cheque":
        methods = ["transfer"] + (["cheque"] if market == "FR" else [])
        logos = []
    elif strategy == "transfer_plain":
        methods = ["transfer"]
        logos = ["transfer"] if rng.random() < 0.15 else []
        if not is_fraud and rng.random() < 0.3:
            methods.append("cheque")
    elif strategy == "money_transfer":
        methods = [rng.choice(("western_union", "moneygram"))]
        if rng.random() < 0.5:
            methods.append("transfer")
        logos = []
    elif strategy == "fake_logos":
        methods = ["transfer"]
        logos = [*cards, "paypal"] if rng.random() < 0.7 else list(cards)
    elif strategy == "vouchers":
        methods = rng.sample(common.VOUCHERS, k=rng.randint(1, 3))
        if rng.random() < 0.4:
            methods.append("transfer")
        logos = list(cards) if rng.random() < 0.35 else []
    elif strategy == "crypto":
        methods = ["crypto"] + (["usdt"] if rng.random() < 0.5 else [])
        if rng.random() < 0.3:
            methods.append("transfer")
        logos = ["crypto", *cards] if rng.random() < 0.4 else ["crypto"]
    elif strategy in ("card", "card_dubious"):
        methods = ["card"] + (["paypal"] if rng.random() < 0.3 else [])
        logos = [*cards, *(["paypal"] if "paypal" in methods else [])]
        if rng.random() < 0.3:
            logos.append(rng.choice(("applepay", "googlepay")))
    elif strategy == "paypal_friends":
        methods = ["paypal", "transfer"]
        logos = ["paypal", *cards] if rng.random() < 0.6 else ["paypal"]
    else:
        raise ValueError(strategy)
    return tuple(dict.fromkeys(logos)), tuple(dict.fromkeys(methods))


def _legit_payment_strategy(rng: random.Random, profile: str) -> str:
    if profile == "established":
        return "card_full"
    if profile in ("dropship", "newbiz"):
        return pick(rng, {"card_full": 0.7, "card_paypal": 0.3})
    return pick(
        rng,
        {
            "card_paypal": 0.5,
            "card_full": 0.12,
            "paypal_transfer": 0.16,
            "card_only": 0.07,
            "transfer_cheque": 0.1,
            "transfer_plain": 0.05,
        },
    )


def _fraud_payment_strategy(rng: random.Random, kit: str | None, t: float) -> str:
    if kit:
        return pick(rng, kits.KITS[kit]["payment"])
    return pick(
        rng,
        {
            "transfer_plain": 0.30 - 0.15 * t,
            "money_transfer": 0.06,
            "fake_logos": 0.04 + 0.16 * t,
            "vouchers": 0.02 + 0.08 * t,
            "crypto": 0.01 + 0.06 * t,
            "card": 0.30,
            "card_dubious": 0.10 + 0.05 * t,
            "paypal_friends": 0.12,
        },
    )


def _notice_fields(
    rng: random.Random, lang: ModuleType, party: Party, omit: Mapping[str, float]
) -> tuple[str, ...]:
    """The legal-notice fields a site shows, in its language's usual order, some dropped."""
    fields = []
    for key in lang.LEGAL_FIELDS:
        if key != "company" and rng.random() < omit.get(key, 0.0):
            continue
        if key in ("rcs", "siren", "siret", "register") and not party.reg_id:
            continue
        if key == "vat" and not party.vat:
            continue
        if key == "capital" and party.capital is None:
            continue
        if key in ("rea", "register") and not party.extra:
            continue
        if key == "form" and rng.random() < 0.6:
            continue
        fields.append(key)
    if party.jurisdiction not in ("FR", "DE", "ES", "IT", "GB", "IE"):
        fields = [
            f
            for f in fields
            if f in ("company", "address", "phone", "email", "director", "host", "mediator")
        ]
        fields.insert(1, "foreign_id")
    return tuple(fields)


_LEGIT_OMIT = {
    "established": {
        "capital": 0.1,
        "mediator": 0.25,
        "host": 0.1,
        "director": 0.1,
        "phone": 0.1,
        "siret": 0.3,
        "form": 0.3,
    },
    "small": {
        "capital": 0.4,
        "rcs": 0.35,
        "vat": 0.35,
        "mediator": 0.7,
        "director": 0.3,
        "host": 0.35,
        "phone": 0.3,
        "siret": 0.4,
        "siren": 0.15,
        "register": 0.3,
        "rea": 0.3,
        "pec": 0.5,
        "registration": 0.2,
    },
    "dropship": {
        "capital": 0.5,
        "rcs": 0.4,
        "vat": 0.5,
        "mediator": 0.8,
        "director": 0.4,
        "host": 0.3,
        "phone": 0.5,
        "siret": 0.5,
        "siren": 0.2,
        "register": 0.4,
        "rea": 0.4,
        "pec": 0.6,
    },
    "newbiz": {"capital": 0.2, "mediator": 0.5, "host": 0.2, "director": 0.2, "siret": 0.3},
}
_FRAUD_OMIT = {
    "capital": 0.3,
    "mediator": 0.5,
    "host": 0.4,
    "director": 0.3,
    "siret": 0.5,
    "phone": 0.3,
    "pec": 0.6,
    "rea": 0.3,
}


def _fraud_notice_strategy(rng: random.Random, kit: str | None, profile: str, t: float) -> str:
    if kit:
        return pick(rng, kits.KITS[kit]["notice"])
    if profile == "clone":  # careful operators: a complete notice whose numbers all check out
        return pick(rng, {"borrowed": 0.45 + 0.2 * t, "complete_fake": 0.3, "closed": 0.25})
    return pick(
        rng,
        {
            "none": 0.45 - 0.25 * t,
            "partial": 0.22,
            "invalid_id": 0.12,
            "complete_fake": 0.05 + 0.1 * t,
            "borrowed": 0.04 + 0.12 * t,
            "foreign_shell": 0.12,
        },
    )


def _email(rng: random.Random, lang: ModuleType, domain: str, kind: str, shop_slug: str) -> str:
    box = rng.choice(lang.MAILBOXES)
    if kind == "own":
        return f"{box}@{domain}"
    if kind == "free":
        local = shop_slug.replace("-", rng.choice((".", "", "-")))[:24] or box
        if rng.random() < 0.4:
            local += rng.choice(("", ".shop", ".contact", ".service", str(rng.randint(1, 99))))
        pool = lang.FREEMAIL if rng.random() < 0.7 else common.FREEMAIL_INTERNATIONAL
        return f"{local}@{rng.choice(pool)}"
    return f"{box}@{rng.choice(common.OTHER_MAIL_DOMAINS)}"


def _products(
    rng: random.Random,
    lang: ModuleType,
    niche: str,
    n_pages: int,
    n_grid: int,
    max_discount: int,
    sale_share: float,
    rounding: str,
    brand: str | None,
) -> tuple[Product, ...]:
    nouns, qualifiers = lang.PRODUCTS[niche]
    low, high = common.NICHES[niche]
    out: list[Product] = []
    used: set[str] = set()
    for i in range(max(n_grid, n_pages)):
        for _ in range(5):
            name = f"{rng.choice(nouns)} {rng.choice(qualifiers)}"
            if rng.random() < 0.35:
                name += f" {rng.choice(lang.COLOURS)}"
            if brand and rng.random() < 0.6:
                name = f"{brand} {name}"
            if name not in used:
                break
        used.add(name)
        regular = _log_uniform(rng, low, high)
        discount = 0
        if max_discount and (i == 0 or rng.random() < sale_share):
            discount = max_discount if i == 0 else rng.randint(min(10, max_discount), max_discount)
        price = regular * (1 - discount / 100)
        price = _round_price(price, rounding)
        old = _round_price(regular, "00" if rounding == "00" else "99") if discount else None
        if old is not None and old <= price:
            old = None
        sku = ids.fill_pattern(rng, rng.choice(("AAA-####", "####-AA", "#######", "AA####")))
        image = f"{slugify(name)[:40]}-{rng.randint(1, 9)}.jpg"
        out.append(
            Product(
                name=name,
                slug=slugify(name)[:60],
                price=price,
                old_price=old,
                sku=sku,
                image=image,
                has_page=i < n_pages,
            )
        )
    return tuple(out)


def _round_price(value: float, style: str) -> float:
    if value < 10:
        return round(value, 2)
    whole = int(value)
    if style == "99":
        return whole + 0.99
    if style == "90":
        return whole + 0.9
    if style == "00":
        return float(round(value))
    return round(value, 2)


def _trackers(rng: random.Random, shared: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out = list(shared)
    patterns = dict(common.TRACKERS)
    for kind, p in (
        ("ga4", 0.55),
        ("fbq", 0.25),
        ("gtm", 0.15),
        ("hotjar", 0.04),
        ("matomo", 0.04),
    ):
        if rng.random() < p and kind not in {k for k, _ in out}:
            out.append((kind, ids.fill_pattern(rng, patterns[kind])))
    return tuple(out)


def _layout(
    rng: random.Random,
    template: str,
    lang: ModuleType,
    products: Sequence[Product],
    pages: Sequence[str],
    prefix: str,
) -> tuple[tuple[str, str], ...]:
    """URL paths of a site's pages, following its platform's conventions."""
    spec = templates.TEMPLATES[template]["paths"]
    common_values = {
        "ext": rng.choice(("php", "html", "php")),
        "product_base": rng.choice(lang.PRODUCT_BASE),
        "cart_slug": lang.PAGES["cart"][1][0],
        "checkout_slug": rng.choice(lang.PAGES["checkout"][1]),
        "shop_slug": rng.choice(lang.PAGES["shop"][1]),
        "cat_slug": slugify(rng.choice(lang.PAGES["shop"][1])),
        "cat_id": str(rng.randint(2, 40)),
        "token": "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    }

    def fill(pattern: str, **values: str) -> str:
        """A path pattern filled with this site's values, under its language prefix."""
        return prefix + Template(pattern).safe_substitute({**common_values, **values})

    out = [("home", prefix + "/"), ("shop", fill(spec["shop"]))]
    used_ids: set[int] = set()
    for i, product in enumerate(products):
        product_id = rng.randint(11, 2400)
        while product_id in used_ids:
            product_id += 1
        used_ids.add(product_id)
        out.append(
            (f"product:{i}", fill(spec["product"], slug=product.slug, product_id=str(product_id)))
        )
    for kind in ("legal", "terms", "privacy", "contact", "delivery", "returns", "about"):
        patterns = spec.get(kind, spec["page"])
        pattern = rng.choice(patterns if isinstance(patterns, tuple) else (patterns,))
        slug = rng.choice(lang.PAGES[kind][1])
        out.append(
            (
                kind,
                fill(
                    pattern,
                    slug=slug,
                    page_id=str(rng.randint(2, 3000)),
                    cms_id=str(rng.randint(4, 30)),
                ),
            )
        )
    out.append(("cart", fill(spec["cart"])))
    out.append(("checkout", fill(spec["checkout"])))
    return tuple(out)


def plan_site(
    index: int,
    seed: int,
    start: date,
    months: int,
    pool: CompanyPool,
    operators: Sequence[Operator] = (),
) -> SitePlan:
    """Draw one site's truth; depends only on (seed, index, start, months)."""
    rng = random.Random(f"site:{seed}:{index}")
    begin = datetime(start.year, start.month, start.day, tzinfo=UTC)
    end_month = start.month - 1 + months
    end = datetime(start.year + end_month // 12, end_month % 12 + 1, 1, tzinfo=UTC)
    span = (end - begin).total_seconds()
    u = rng.random() ** 0.85  # slightly more reports later on
    reported = begin + timedelta(seconds=int(u * (span - 86400)))
    reported = reported.replace(hour=rng.randint(7, 22), minute=rng.randint(0, 59), second=0)
    t = (reported - begin).total_seconds() / span

    is_fraud = rng.random() < 0.29 + 0.08 * t
    kit: str | None = None
    if is_fraud:
        active = _active_kits(t)
        if active and rng.random() < kits.KIT_SHARE:
            kit = pick(rng, active)
        weights = {**FRAUD_PROFILES, "polished": FRAUD_PROFILES["polished"] * (0.5 + 1.5 * t)}
        profile = "kit" if kit else pick(rng, weights)
    else:
        profile = pick(rng, LEGIT_PROFILES)
    spec = kits.KITS[kit] if kit else None
    # New draws come from generators of their own, so that they leave the site's other draws be.
    op_rng = random.Random(f"operator:{seed}:{index}")
    operator = operator_for(op_rng, operators, t) if is_fraud and not kit else None
    polished, sketchy = profile == "polished", profile == "sketchy"
    # Careful operators' clones print a complete notice and a landline: only the register
    # tells their identity apart (issue 12).
    complete = polished or profile == "clone"
    looks_bad = is_fraud != polished or sketchy  # draws from the other class's habits

    lang_code = pick(rng, spec["languages"]) if spec else pick(rng, common.LANGUAGE_WEIGHTS)
    if operator and op_rng.random() < 0.85:
        lang_code = operator.lang
    lang = lang_module(lang_code)
    market, currency = lang.COUNTRY, "EUR"
    if lang_code == "en":
        market, currency, _ = rng.choices(
            common.EN_MARKETS, weights=[m[2] for m in common.EN_MARKETS], k=1
        )[0]

    if spec:
        template = spec["template"]
    elif is_fraud:
        template = pick(rng, templates.FRAUD_TEMPLATE_WEIGHTS)
    else:
        weights = dict(templates.LEGIT_TEMPLATE_WEIGHTS[lang_code])
        if profile == "established":
            weights["handmade"] *= 0.3
            weights["wix"] *= 0.4
            weights["magento"] *= 3.0
        if profile in ("dropship", "sketchy"):
            weights["shopify"] *= 3.0
        template = pick(rng, weights)
    if operator and op_rng.random() < 0.6:
        template = operator.template

    niche = rng.choice(spec["niches"]) if spec else rng.choice(list(common.NICHES))
    if is_fraud and not spec and rng.random() < 0.4:
        niche = rng.choice(("sneakers", "electronics", "furniture", "fashion", "garden"))

    # Names and domain.
    if spec:
        style = pick(rng, spec["domain_style"])
    elif is_fraud:
        style = pick(rng, {"brand_keyword": 0.45, "shop_name": 0.55})
    else:
        style = "brand_keyword" if rng.random() < (0.35 if sketchy else 0.07) else "shop_name"
    shop_name = _shop_name(rng, lang, brandish=style == "brand_keyword" and rng.random() < 0.6)
    tlds = (common.FRAUD_TLDS if looks_bad else common.LEGIT_TLDS)[market]
    tld = pick(rng, tlds)
    domain = _domain_name(rng, lang, style, shop_name, niche, tld)
    if style == "brand_keyword" and rng.random() < 0.5:
        shop_name = domain.split(".")[0].replace("-", " ").title()
    host = f"www.{domain}" if rng.random() < 0.55 else domain

    # Domain registration.
    if polished:
        registered, changed, expires, rebought = _domain_dates(rng, reported, 0.1, 6, 0.6)
    elif is_fraud:
        aged = spec["aged_domain"] if spec else 0.12 + 0.3 * t
        young_p = 1.0 - aged
        registered, changed, expires, rebought = _domain_dates(rng, reported, young_p, 1.2, 0.55)
    else:
        young_p = {
            "established": 0.0,
            "small": 0.09,
            "dropship": 0.33,
            "newbiz": 0.8,
            "sketchy": 0.6,
        }[profile]
        years = {"established": 22, "small": 12, "dropship": 4, "newbiz": 1, "sketchy": 3}[profile]
        registered, changed, expires, rebought = _domain_dates(rng, reported, young_p, years, 0.0)
        if profile == "established" and registered > reported - timedelta(days=3 * 365):
            registered = reported - timedelta(days=rng.randint(3 * 365, 12 * 365))
    registrar = _registrar(rng, looks_bad if rng.random() < 0.6 else is_fraud, tld, template)
    registry = common.REGISTRIES[tld]
    has_rdap = registry[0] is not None and rng.random() > 0.045

    # Payment.
    if polished:
        strategy = pick(rng, {"card": 0.5, "card_full": 0.3, "fake_logos": 0.2})
    elif sketchy:
        strategy = pick(
            rng,
            {
                "transfer_plain": 0.25,
                "paypal_transfer": 0.25,
                "card_paypal": 0.3,
                "transfer_cheque": 0.2,
            },
        )
    elif is_fraud:
        strategy = _fraud_payment_strategy(rng, kit, t)
    else:
        strategy = _legit_payment_strategy(rng, profile)
    logos, methods = _payment(rng, is_fraud, profile, strategy, market)
    if operator and "transfer" not in methods and op_rng.random() < 0.5:
        methods = (*methods, "transfer")  # the operator's account, shown on most of its shops
    processor = None
    if "card" in methods:
        pool_names = (
            common.DUBIOUS_PROCESSORS if strategy == "card_dubious" else common.CARD_PROCESSORS
        )
        processor = rng.choice(pool_names)
        if template == "shopify" and strategy != "card_dubious" and rng.random() < 0.7:
            processor = "Shopify Payments"
    iban_country = None
    if "transfer" in methods:
        home = common.IBAN_HOME[market]
        if is_fraud:
            iban_country = home if rng.random() < 0.45 else rng.choice(common.IBAN_ELSEWHERE)
        else:
            iban_country = home if rng.random() < 0.85 else rng.choice(("LT", "DE", "BE", "IE"))
    iban = bic = None
    if iban_country and operator:
        iban_country, iban, bic = operator.iban_country, operator.iban, operator.bic
    elif iban_country:
        iban, bic = ids.make_iban(random.Random(f"iban:{seed}:{index}"), iban_country)

    # Legal identity.
    shop_slug = slugify(shop_name)
    victim: Company | None = None
    if is_fraud:
        notice = _fraud_notice_strategy(rng, kit, profile, t)
        if notice == "closed" and market != "FR":
            notice = "complete_fake"  # no register to tell it elsewhere: an invented identity
        if notice == "borrowed" and market == "FR":
            # Another company's number under a name of the fraud's own: a kit or an operator
            # keeps borrowing the same one.
            reuse = spec.get("reused_identities") if spec else None
            if reuse:
                key = f"{kit}:{rng.randrange(reuse)}"
            elif operator:
                key = operator.name
            else:
                key = f"site:{index}"
            own = make_party(rng, lang, market, address_mismatch=rng.random() < 0.35)
            victim = sirene.other_company(seed, f"borrowed:{key}")
            party = Party(
                **{
                    **own.__dict__,
                    "reg_id": victim.siren,
                    "extra": ids.make_siret(rng, victim.siren),
                    "vat": ids.fr_vat(rng, victim.siren),
                    "vat_valid": True,
                    "borrowed": True,
                }
            )
        elif notice == "closed":
            party = make_party(rng, lang, market)
        elif notice == "borrowed":
            reuse = spec.get("reused_identities") if spec else None
            k = (
                rng.randrange(reuse) + 10_000 * (list(kits.KITS).index(kit) + 1)
                if reuse
                else rng.randrange(pool.size)
            )
            base = pool.get(lang_code, market, k)
            party = Party(**{**base.__dict__, "borrowed": True})
            if rng.random() < 0.3:
                address, city, postcode, _ = _address(rng, lang, market, rng.random() < 0.5)
                party = Party(
                    **{**party.__dict__, "address": address, "city": city, "postcode": postcode}
                )
        elif notice in ("invalid_id", "complete_fake", "partial"):
            spoil = notice == "invalid_id"
            which = rng.random()
            party = make_party(
                rng,
                lang,
                market,
                valid=not (spoil and which < 0.7),
                vat_valid=not (spoil and which >= 0.5),
                address_mismatch=rng.random() < 0.35,
            )
        elif notice == "foreign_shell":
            party = make_foreign_party(rng)
        else:
            party = None
        email_kind = pick(rng, {"own": 0.35, "free": 0.45, "other": 0.2})
        if notice == "borrowed" and email_kind == "own" and rng.random() < 0.5:
            email_kind = "free"
        if polished:
            email_kind = "own" if rng.random() < 0.85 else "other"
    else:
        kind_draw = rng.random()
        if profile == "established":
            k = rng.randrange(pool.size)
            party = pool.get(lang_code, market, k)
            notice = "complete"
        elif (
            (profile == "small" and kind_draw < 0.06)
            or (profile == "dropship" and kind_draw < 0.12)
            or (sketchy and kind_draw < 0.35)
        ):
            party, notice = None, "none"
        elif profile in ("dropship", "sketchy") and kind_draw < 0.6:
            party, notice = make_foreign_party(rng), "foreign_shell"
        else:
            valid = rng.random() > 0.03  # a typo in the number
            party = make_party(
                rng,
                lang,
                market,
                valid=valid,
                vat_valid=rng.random() > 0.02,
                address_mismatch=rng.random() < 0.02,
                core=_core_word(rng, lang, shop_name),
            )
            notice = "complete" if profile == "newbiz" else "partial"
        free_p = {
            "established": 0.03,
            "small": 0.35,
            "dropship": 0.25,
            "newbiz": 0.2,
            "sketchy": 0.6,
        }[profile]
        email_kind = "free" if rng.random() < free_p else "own"
    email = _email(rng, lang, domain, email_kind, shop_slug)
    if party is not None and party.borrowed and email_kind == "own":
        email = f"{rng.choice(lang.MAILBOXES)}@{domain}"
    if operator and op_rng.random() < 0.5:
        email, email_kind = operator.email, "free"
    company, identity = _register_truth(
        random.Random(f"register:{seed}:{index}"), seed, party, notice, is_fraud, profile,
        shop_name, niche, registered, reported, begin + timedelta(seconds=span), victim,
    )  # fmt: skip

    if party is None or notice == "none":
        notice_fields: tuple[str, ...] = ()
    elif complete:
        notice_fields = _notice_fields(rng, lang, party, _LEGIT_OMIT["established"])
    elif is_fraud:
        omit = dict(_FRAUD_OMIT)
        if notice == "partial":
            omit.update(
                {
                    k: 0.85
                    for k in (
                        "rcs",
                        "siren",
                        "siret",
                        "vat",
                        "register",
                        "cif",
                        "piva",
                        "rea",
                        "registration",
                        "capital",
                    )
                }
            )
        notice_fields = _notice_fields(rng, lang, party, omit)
    else:
        profile_omit = "small" if notice == "foreign_shell" or sketchy else profile
        omit = _LEGIT_OMIT[profile_omit]
        notice_fields = _notice_fields(rng, lang, party, omit)

    terms_party = party
    if party is not None:
        odd = 0.25 if is_fraud and not polished else 0.03
        if rng.random() < odd:
            terms_party = pool.get(lang_code, market, rng.randrange(pool.size))

    # Phone.
    if profile == "clone":
        phone_kind = pick(rng, {"landline": 0.9, "mobile": 0.1})
    elif polished:
        phone_kind = pick(rng, {"landline": 0.7, "mobile": 0.2, "none": 0.1})
    elif is_fraud or sketchy:
        phone_kind = pick(rng, {"none": 0.35, "mobile": 0.3, "foreign": 0.2, "landline": 0.15})
    else:
        phone_kind = pick(
            rng,
            {
                "landline": 0.75 if profile == "established" else 0.35,
                "mobile": 0.1 if profile == "established" else 0.45,
                "none": 0.05 if profile == "established" else 0.2,
            },
        )
    if party is not None and party.borrowed and party.phone and rng.random() < 0.3:
        phone: str | None = party.phone
    elif phone_kind == "none":
        phone = None
    elif phone_kind == "foreign":
        phone = ids.fill_pattern(rng, rng.choice(common.FOREIGN_PHONES))
    else:
        phone = _phone(rng, lang, mobile=phone_kind == "mobile")

    if operator and op_rng.random() < 0.6:
        phone = operator.landline if profile == "clone" else operator.phone
    if phone is None:
        notice_fields = tuple(f for f in notice_fields if f != "phone")

    # Prices and discounts.
    season = _season(reported)
    if polished:
        max_discount = rng.randint(10, 45) if rng.random() < 0.5 else 0
        sale_share = 0.4
    elif is_fraud:
        if rng.random() < 0.12:
            max_discount = 0
        elif spec:
            max_discount = rng.randint(*spec["discount"])
        elif rng.random() < 0.25 + 0.15 * t:  # credible prices, to look like a real shop
            max_discount = rng.randint(10, 45)
        else:
            low = int(50 - 15 * t)
            max_discount = rng.randint(low, min(90, low + 40))
        sale_share = 0.8
    else:
        p_sale = {"soldes": 0.55, "blackfriday": 0.6, "none": 0.22}[season]
        if profile in ("dropship", "sketchy"):
            p_sale = 0.75
        if rng.random() < p_sale:
            top = 50 if season != "none" else 35
            if profile in ("dropship", "sketchy"):
                top = 70
            max_discount = rng.randint(10, top)
            if season != "none" and rng.random() < 0.3:  # second and third markdowns
                max_discount = rng.randint(50, 70)
            elif rng.random() < 0.1:  # clearance of a few items
                max_discount = rng.randint(50, 60)
        else:
            max_discount = 0
        sale_share = 0.4
    max_discount = int(5 * round(max_discount / 5)) if rng.random() < 0.7 else max_discount
    n_pages = rng.choices(
        (1, 2, 3, 4), weights=(0.3, 0.38, 0.22, 0.1) if is_fraud else (0.22, 0.4, 0.26, 0.12)
    )[0]
    n_grid = rng.randint(max(n_pages, 3), 6)
    rounding = rng.choice(("99", "90", "00", "exact"))
    brand = (
        rng.choice(common.BRANDS)
        if niche in ("sneakers", "electronics") and rng.random() < 0.5
        else None
    )
    products = _products(
        rng, lang, niche, n_pages, n_grid, max_discount, sale_share, rounding, brand
    )
    gone = [i for i, p in enumerate(products) if p.has_page and rng.random() < 0.05]
    if gone:
        products = tuple(
            Product(**{**p.__dict__, "gone": True}) if i in gone else p
            for i, p in enumerate(products)
        )
    max_discount = max(
        (round(100 * (1 - p.price / p.old_price)) for p in products if p.old_price), default=0
    )

    if is_fraud:
        urgency = rng.random() < (spec["urgency"] if spec else 0.15 if polished else 0.45)
    else:
        urgency_p = {
            "established": 0.08,
            "small": 0.05,
            "dropship": 0.55,
            "newbiz": 0.1,
            "sketchy": 0.6,
        }
        urgency = rng.random() < urgency_p[profile]
    withdrawal = pick(
        rng,
        {"14": 0.6, "30": 0.1, "7": 0.1, "none": 0.2}
        if is_fraud and not polished
        else {"14": 0.8, "30": 0.15, "7": 0.03, "none": 0.02},
    )

    # Pages.
    page_p = (
        {
            "terms": 0.7,
            "contact": 0.75,
            "delivery": 0.4,
            "returns": 0.25,
            "about": 0.18,
            "privacy": 0.25,
            "checkout": 0.85,
        }
        if is_fraud and not polished
        else {
            "terms": 0.9,
            "contact": 0.88,
            "delivery": 0.48,
            "returns": 0.32,
            "about": 0.22,
            "privacy": 0.3,
            "checkout": 0.85,
        }
    )
    pages = ["home"]
    if notice == "none":
        legal_link = pick(rng, {"none": 0.5, "dead": 0.3, "page": 0.2})
    else:
        legal_link = "page" if rng.random() > 0.02 else "dead"
    if legal_link == "page":
        pages.append("legal")
    pages += [kind for kind, p in page_p.items() if rng.random() < p]

    quirks: list[str] = []
    if spec:
        quirks += spec["quirks"]
    else:
        extra_p = (
            {"countdown": 0.25, "visitors": 0.2, "whatsapp": 0.15}
            if is_fraud
            else {
                "countdown": 0.2 if profile in ("dropship", "sketchy") else 0.02,
                "visitors": 0.3 if profile in ("dropship", "sketchy") else 0.02,
                "whatsapp": 0.2 if profile in ("dropship", "sketchy") else 0.06,
            }
        )
        quirks += [q for q, p in extra_p.items() if rng.random() < p]
    if rng.random() < 0.2:
        quirks.append("cookie_banner")
    if rng.random() < 0.15:  # the capture tool kept only the landing page and a few links
        quirks.append("shallow_crawl")
    if rng.random() < 0.3:
        quirks.append("jsonld" if template != "handmade" else "jsonld_min")
    if template in ("shopify", "woocommerce", "magento") and rng.random() < 0.35:
        quirks.append("jsonld")
    if rng.random() < 0.35:
        quirks.append("reviews")
    if is_fraud and rng.random() < 0.4 and strategy == "fake_logos":
        quirks.append("card_unavailable")

    agency = None
    shared: list[tuple[str, str]] = list(spec["tracking"]) if spec else []
    if operator and op_rng.random() < 0.75:
        shared += operator.trackers
    agency_templates = ("woocommerce", "prestashop", "handmade", "magento")
    if not is_fraud and template in agency_templates and rng.random() < 0.15:
        agency = rng.randrange(len(common.AGENCIES))
        code = slugify(common.AGENCIES[agency][0])[:4].upper()
        shared.append(("gtm", f"GTM-{code}{agency}Q7"))
    trackers = _trackers(rng, shared)

    hosts = common.HOSTS_BY_TEMPLATE[template]
    host_company = rng.choice(hosts)
    if spec is None and is_fraud and template not in ("shopify", "wix") and rng.random() < 0.4:
        host_company = rng.choice(("hostinger", "namecheap", "cloudflare"))
    mediator = rng.randrange(len(lang.MEDIATORS)) if "mediator" in notice_fields else None

    # Capture quirks.
    charset = "utf-8"
    if template in ("handmade", "prestashop", "woocommerce") and rng.random() < 0.12:
        charset = rng.choice(("windows-1252", "iso-8859-1"))
    encoding = pick(rng, {None: 0.82, "gzip": 0.12, "br": 0.04, "chunked": 0.02})
    captured = rng.random() > (0.04 if is_fraud else 0.015)
    redirects: list[str] = []
    if rng.random() < 0.15:
        redirects.append("https")
    if host.startswith("www.") and rng.random() < 0.3:
        redirects.append("www")
    if template in ("shopify", "magento", "wix") and rng.random() < 0.12:
        redirects.append("lang")
    extras = tuple(
        x for x, p in (("robots", 0.2), ("css", 0.1), ("image", 0.08)) if rng.random() < p
    )

    prefix = lang.LANG_PREFIX if "lang" in redirects else ""
    paths = _layout(
        random.Random(f"layout:{seed}:{index}"), template, lang, products, pages, prefix
    )
    layout = dict(paths)

    # Case URL: what the reporter pasted (home page, a product seen in an ad, a category).
    scheme = "http" if "https" in redirects else "https"
    case_host = domain if "www" in redirects else host
    landing = pick(rng, {"home": 0.6, "product": 0.3, "other": 0.1})
    target = "/"
    if landing == "product" and "product:0" in layout:
        target = layout["product:0"]
    elif landing == "other":
        target = layout["shop"]
    if landing != "home" and rng.random() < 0.3:
        joiner = "&" if "?" in target else "?"
        target += f"{joiner}utm_source=" + rng.choice(("facebook", "instagram", "tiktok", "google"))
        target += "&utm_campaign=" + ids.fill_pattern(rng, "AAAAAAAA").lower()
    case_url = f"{scheme}://{case_host}{target}"

    captured_at = reported - timedelta(
        days=rng.choice((0, 0, 0, 1, 1, 2, 3, 4)), seconds=rng.randint(0, 6 * 3600)
    )
    if captured_at >= reported:
        captured_at = reported - timedelta(minutes=rng.randint(5, 120))

    truth = "fraud" if is_fraud else "legit"
    noise = rng.random()
    outcome: str | None = truth
    if noise < 0.03:
        outcome = "legit" if is_fraud else "fraud"
    elif noise < 0.06:
        outcome = None
    source = pick(rng, dict(common.SOURCES))

    return SitePlan(
        index=index,
        case_id="",
        reported_at=reported,
        captured_at=captured_at,
        is_fraud=is_fraud,
        outcome=outcome,
        source=source,
        profile=profile,
        kit=kit,
        template=template,
        lang=lang_code,
        market=market,
        currency="GBP" if market == "GB" else currency,
        niche=niche,
        shop_name=shop_name,
        domain=domain,
        host=host,
        case_url=case_url,
        registered_at=registered,
        last_changed_at=changed,
        expires_at=expires,
        rebought=rebought,
        registrar=registrar,
        has_rdap=has_rdap,
        logos=logos,
        checkout_methods=methods,
        payment_strategy=strategy,
        card_processor=processor,
        iban_country=iban_country,
        notice=notice,
        notice_fields=notice_fields,
        party=party,
        terms_party=terms_party,
        email=email,
        email_kind=email_kind,
        phone=phone,
        products=products,
        max_discount=max_discount,
        urgency=urgency,
        withdrawal=withdrawal,
        pages=tuple(pages),
        legal_link=legal_link,
        quirks=tuple(dict.fromkeys(quirks)),
        trackers=trackers,
        agency=agency,
        host_company=host_company,
        mediator=mediator,
        charset=charset,
        encoding=encoding,
        captured=captured,
        redirects=tuple(redirects),
        paths=paths,
        extras=extras,
        company=company,
        identity=identity,
        operator=operator.name if operator else None,
        iban=iban,
        bic=bic,
    )


def _unique_domain(plan: SitePlan, used: set[str]) -> SitePlan:
    if plan.domain not in used:
        used.add(plan.domain)
        return plan
    label, _, tld = plan.domain.partition(".")
    n = 2
    while f"{label}{n}.{tld}" in used:
        n += 1
    domain = f"{label}{n}.{tld}"
    used.add(domain)
    host = f"www.{domain}" if plan.host.startswith("www.") else domain
    case_url = plan.case_url.replace(plan.domain, domain, 1)
    email = plan.email.replace(f"@{plan.domain}", f"@{domain}")
    return SitePlan(
        **{**plan.__dict__, "domain": domain, "host": host, "case_url": case_url, "email": email}
    )


def plan_sites(
    n: int, seed: int = 7, start: date = date(2024, 3, 1), months: int = 20
) -> list[SitePlan]:
    """The truth of n reported sites, ordered by report time, with case ids assigned."""
    pool = CompanyPool(seed, size=pool_size(n))
    crews = make_operators(seed, max(6, n // 36))
    plans = [plan_site(i, seed, start, months, pool, crews) for i in range(n)]
    plans.sort(key=lambda p: (p.reported_at, p.index))
    used: set[str] = set()
    out = []
    for number, plan in enumerate(plans, start=1):
        plan = _unique_domain(plan, used)
        out.append(SitePlan(**{**plan.__dict__, "case_id": f"C{number:06d}"}))
    return out
