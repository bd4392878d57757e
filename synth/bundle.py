"""Writes the synthetic world as a case bundle: plan every site, render its pages, write its RDAP.

Data flows one way: `world` decides the truth of each site (`plan`), of the register and of the
alerts, `render` turns a plan into HTTP captures, `rdap` into a registry answer, and this module
writes them with capture's `BundleWriter` (and the register and alerts with `world`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from capture.writer import BundleWriter
from synth.rdap import rdap_document
from synth.render import render_site
from synth.world import plan_world, write_world


def generate_bundle(
    out: Path,
    n_sites: int = 360,
    seed: int = 7,
    start: date = date(2024, 3, 1),
    months: int = 20,
) -> dict[str, int | float]:
    """Write a synthetic case bundle to `out`, one site at a time, with its world's register
    extract (sirene/) and Safety Gate reports (alerts/); returns a summary."""
    world = plan_world(n_sites, seed, start, months)
    plans = world.plans
    pages = responses = rdap_files = 0
    info = {
        "software": "scamrank synthetic sample generator",
        "operator": "scamrank",
        "description": f"synthetic case bundle, seed {seed}",
    }
    with BundleWriter(Path(out), warcinfo=info) as writer:
        for plan in plans:
            for capture in render_site(plan, seed):
                writer.add_response(
                    capture.url,
                    capture.status,
                    capture.headers,
                    capture.body,
                    capture.captured_at,
                    request_headers=capture.request_headers,
                    ip_address=capture.ip,
                )
                responses += 1
                pages += int(capture.is_page)
            if plan.has_rdap:
                writer.add_rdap(plan.domain, rdap_document(plan, seed))
                rdap_files += 1
            writer.add_case(
                plan.case_id,
                plan.case_url,
                plan.reported_at,
                plan.outcome,
                source=plan.source,
            )
    written = write_world(world, Path(out))
    total_bytes = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    frauds = sum(p.is_fraud for p in plans)
    first, last = plans[0].reported_at, plans[-1].reported_at
    months_spanned = (last.year - first.year) * 12 + last.month - first.month + 1
    return {
        "sites": len(plans),
        "frauds": frauds,
        "fraud_share": round(frauds / max(1, len(plans)), 3),
        "unknown_outcomes": sum(p.outcome is None for p in plans),
        "pages": pages,
        "responses": responses,
        "rdap_files": rdap_files,
        "register_companies": written["companies"],
        "alerts": written["alerts"],
        "months": months_spanned,
        "bytes": total_bytes,
    }
