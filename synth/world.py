"""The whole synthetic world of a bundle: the sites' plans, the company register and Safety Gate.

`plan_world` plans the sites (synth.plan), puts a few alerted products (and look-alikes that are
not alerted) on the product pages of some of them, and gathers every company the register
holds; `write_world` writes the register extract to `<bundle>/sirene/` (INSEE's layout, plain
CSV so that git shows diffs) and the alerts to `<bundle>/alerts/<year>-W<week>.xml` (the weekly
report structure). The truth stays in the returned `World`, for tests.

Proportions of the register world (seed 7, 360 sites, 228 genuine and 132 fraud; other seeds
vary around these, e.g. seed 11 with 2,000 sites: half of the genuine shops registered, of the
French frauds 23% borrowed, 35% invented, 3% closed, 13% failing): about half of the genuine
shops (112) print the SIREN of a French company that is in the register; of those companies
about half trade under a sign or usual name other than their legal name, a fifth are individual
businesses under a person's name, one in ten was created after its shop's domain, a few were
renamed or closed after the report (the history file has them), and three shops print a number
with a typo. Of the 86 French frauds, a quarter borrow an unrelated company's number (another
trade and town, usually created long before), a quarter invent a checksum-valid number that is
in no register, one in fourteen names a company closed before the report, one in eight prints a
number that fails its check, and the rest print no French number. As many decoys as registered
shops (other trades and towns, a quarter closed) fill the register around them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from capture.safety_gate import Alert
from synth import alerts as synth_alerts
from synth import sirene
from synth.plan import CompanyPool, Product, SitePlan, plan_sites, pool_size, slugify
from synth.register import Company, write_register

# Which alert categories a shop of each niche could sell.
NICHE_CATEGORY = {
    "toys": ("Toys", "Childcare articles and children's equipment"),
    "electronics": ("Electrical appliances and equipment",),
    "appliances": ("Electrical appliances and equipment",),
    "cosmetics": ("Cosmetics",),
    "fashion": ("Clothing, textiles and fashion items",),
}
ALERT_KINDS = ("barcode", "model", "near", "decoy")
FILLER_ALERTS = 40  # alerts in the weekly reports (at least; a larger world gets more)
SITES_PER_ALERTED = 180  # one site of each kind (barcode, model, near, decoy) per so many sites


@dataclass(frozen=True)
class World:
    """A synthetic world: its sites, its register's companies and its weekly alert reports."""

    plans: list[SitePlan]
    companies: list[Company]
    reports: tuple[tuple[date, tuple[Alert, ...]], ...]

    @property
    def alerts(self) -> list[Alert]:
        """Every alert of every report."""
        return [a for _, alerts in self.reports for a in alerts]


def _week_end(moment: date) -> date:
    """The Friday of the week of `moment`: weekly reports are published on Fridays."""
    return moment + timedelta(days=(4 - moment.weekday()) % 7)


def _companies(plans: list[SitePlan], seed: int, n_sites: int) -> list[Company]:
    """Every company the world's register holds, sorted by SIREN as INSEE's files are."""
    found: dict[str, Company] = {}
    pool = CompanyPool(seed, pool_size(n_sites))
    for k in range(pool.size):  # the established French companies, named by a site or not
        party = pool.get("fr", "FR", k)
        if party.reg_id:
            found[party.reg_id] = sirene.shop_company(
                seed, party.reg_id, party.name, party.form, party.postcode, party.city, None,
                "fashion", date(2000, 1, 1), date(2000, 1, 1), date(2000, 1, 1),
            )  # fmt: skip
    for plan in plans:
        if plan.company is not None:
            found.setdefault(plan.company.siren, plan.company)
    registered = sum(p.identity == "registered" for p in plans)
    for i in range(max(5, registered)):  # decoys: other trades and towns, a quarter closed
        company = sirene.other_company(seed, f"decoy:{i}", closed=i % 4 == 3)
        found.setdefault(company.siren, company)
    return [found[s] for s in sorted(found)]


def _alerted_product(
    rng: random.Random, product: Product, alert: Alert, kind: str, taken: set[str]
) -> Product:
    """The product a shop lists for `alert`: by its barcode, its model number, a near name, or
    a decoy (same brand, a close name, its own codes: not alerted)."""
    if kind == "decoy":
        name = synth_alerts._decoy_name(rng, alert)
        gtin = synth_alerts._gtin(rng, taken)
        model = synth_alerts._model(rng, alert.brand, taken)
        reference = None
    else:
        name = synth_alerts._near_name(rng, alert)
        gtin = alert.barcode if kind == "barcode" else None
        model = synth_alerts._spaced(alert.model, rng) if kind == "model" else None
        reference = alert.reference
    return replace(
        product,
        name=name,
        slug=slugify(name)[:60],
        brand=alert.brand,
        gtin=gtin,
        model=model,
        alert=reference,
        alert_kind=kind,
    )


def _sell_alerted(
    plans: list[SitePlan], alerts: list[Alert], seed: int
) -> tuple[list[SitePlan], list[Alert]]:
    """A handful of sites (genuine and fraud) put an alerted product or a decoy on their first
    product page; returns the plans and the alerts those products are (or look like)."""
    rng = random.Random(f"sample-alerts:{seed}")
    per_kind = max(1, round(len(plans) / SITES_PER_ALERTED))
    candidates = [
        i
        for i, p in enumerate(plans)
        if p.captured and p.niche in NICHE_CATEGORY and p.products and p.products[0].has_page
        and not p.products[0].gone
    ]  # fmt: skip
    rng.shuffle(candidates)
    # Frauds and genuine shops in turn (popped from the end): both sell alerted products.
    frauds = [i for i in candidates if plans[i].is_fraud]
    genuine = [i for i in candidates if not plans[i].is_fraud]
    short = min(len(frauds), len(genuine))
    pairs = [i for pair in zip(genuine[:short], frauds[:short], strict=True) for i in pair]
    candidates = (pairs + genuine[short:] + frauds[short:])[::-1]
    taken = {a.barcode for a in alerts} | {a.model.replace("-", "").lower() for a in alerts}
    used: set[str] = set()
    sold: list[Alert] = []
    out = list(plans)
    for kind in ALERT_KINDS:
        for _ in range(per_kind):
            # The next candidate shop for which an alert of its trade is left (a shop whose
            # trade has none left stays a candidate for the next kind).
            for i in reversed(candidates):
                category = NICHE_CATEGORY[out[i].niche]
                fits = [
                    a
                    for a in alerts
                    if a.category in category and a.brand != "Unknown"
                    and a.reference not in used
                    and (a.barcode if kind == "barcode" else a.model if kind == "model" else True)
                ]  # fmt: skip
                if fits:
                    break
            else:
                break
            candidates.remove(i)
            plan = out[i]
            alert = rng.choice(fits)
            used.add(alert.reference)
            sold.append(alert)
            old = plan.products[0]
            new = _alerted_product(rng, old, alert, kind, taken)
            paths = tuple(
                (key, path.replace(old.slug, new.slug) if key == "product:0" else path)
                for key, path in plan.paths
            )
            out[i] = replace(
                plan,
                products=(new, *plan.products[1:]),
                paths=paths,
                case_url=plan.case_url.replace(old.slug, new.slug),
            )
    return out, sold


def plan_world(
    n_sites: int = 360, seed: int = 7, start: date = date(2024, 3, 1), months: int = 20
) -> World:
    """The world of a bundle: deterministic for a seed."""
    plans = plan_sites(n_sites, seed, start, months)
    first, last = plans[0].reported_at.date(), plans[-1].reported_at.date()
    # Two weekly reports: one a third into the period, one a fortnight before its last report.
    dates = (_week_end(first + (last - first) / 3), _week_end(last - timedelta(days=14)))
    # Enough alerts that every kind finds some left in each trade, however large the world.
    count = max(FILLER_ALERTS, 12 * max(1, round(n_sites / SITES_PER_ALERTED)))
    pool = synth_alerts.make_alerts(seed, count, report_date=dates[1])
    plans, _ = _sell_alerted(plans, pool, seed)
    half = len(pool) // 2
    early = tuple(replace(a, version=dates[0].isoformat()) for a in pool[:half])
    reports = ((dates[0], early), (dates[1], tuple(pool[half:])))
    return World(plans, _companies(plans, seed, n_sites), reports)


def write_world(world: World, out: Path) -> dict[str, int]:
    """Write the register extract and the weekly alert reports of `world` into bundle `out`."""
    folder = out / "sirene"
    write_register(folder, world.companies, fmt="csv", history="changed")
    for day, alerts in world.reports:
        iso = day.isocalendar()
        path = out / "alerts" / f"{iso.year}-W{iso.week:02d}.xml"
        synth_alerts.write_report(list(alerts), path, day)
    return {"companies": len(world.companies), "alerts": len(world.alerts)}
