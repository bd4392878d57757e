"""RDAP domain answers (RFC 9083) for planned sites, shaped like each registry's real ones.

AFNIC, Verisign (thin), new-gTLD back ends, DENIC (no registration date), Nominet, EURid and
NIC.it answer differently: handles, date formats, redaction, which entities are present.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from synth import ids
from synth.data import common
from synth.plan import SitePlan

_CONFORMANCE = [
    "rdap_level_0",
    "icann_rdap_technical_implementation_guide_0",
    "icann_rdap_response_profile_0",
]
_NOTICES = [
    {
        "title": "Terms of Use",
        "description": ["Service subject to Terms of Use."],
        "links": [
            {"rel": "terms-of-service", "type": "text/html", "href": "https://www.icann.org/"}
        ],
    },
    {
        "title": "Status Codes",
        "description": [
            "For more information on domain status codes, please visit https://icann.org/epp"
        ],
        "links": [{"href": "https://icann.org/epp", "type": "text/html"}],
    },
    {
        "title": "RDDS Inaccuracy Complaint Form",
        "description": ["URL of the ICANN RDDS Inaccuracy Complaint Form: https://icann.org/wicf"],
        "links": [{"href": "https://icann.org/wicf", "type": "text/html"}],
    },
]


def _date(moment: datetime, style: str, rng: random.Random) -> str:
    utc = moment.astimezone(UTC)
    if style == "micro":
        return utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{rng.randint(0, 999999):06d}Z"
    if style == "milli":
        return utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{rng.randint(0, 999):03d}Z"
    if style == "zero":
        return utc.strftime("%Y-%m-%dT%H:%M:%S") + ".0Z"
    if style == "offset":
        local = utc + timedelta(hours=2)
        return local.strftime("%Y-%m-%dT%H:%M:%S") + "+02:00"
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def _vcard(*props: list[object]) -> list[object]:
    return ["vcard", [["version", {}, "text", "4.0"], *props]]


def _nameservers(plan: SitePlan, rng: random.Random, upper: bool) -> list[dict[str, object]]:
    patterns = common.NAMESERVERS.get(plan.host_company, common.NAMESERVERS["cloudflare"])
    n = str(rng.randint(10, 200))
    names = [p.format(n=n, name=rng.choice(common.CLOUDFLARE_NAMES)) for p in patterns]
    if names[0] == names[1]:
        names[1] = names[1].replace(n, str(int(n) + 1), 1)
    out = []
    for name in names:
        ldh = name.upper() if upper else name
        out.append({"objectClassName": "nameserver", "ldhName": ldh})
    return out


def _registrar_entity(plan: SitePlan, style: str, rng: random.Random) -> dict[str, object]:
    name, iana, whois, _, abuse_mail, abuse_phone, _, _ = common.REGISTRARS[plan.registrar]
    entity: dict[str, object] = {
        "objectClassName": "entity",
        "handle": iana if style != "afnic" else f"RAR{rng.randint(10, 999)}-FRNIC",
        "roles": ["registrar"]
        if style != "afnic" or rng.random() < 0.5
        else ["sponsor", "registrar"],
        "vcardArray": _vcard(["fn", {}, "text", name]),
    }
    if style != "afnic":
        entity["publicIds"] = [{"type": "IANA Registrar ID", "identifier": iana}]
        entity["entities"] = [
            {
                "objectClassName": "entity",
                "roles": ["abuse"],
                "vcardArray": _vcard(
                    ["fn", {}, "text", "Abuse Contact"],
                    ["tel", {"type": "voice"}, "uri", f"tel:{abuse_phone}"],
                    ["email", {}, "text", abuse_mail],
                ),
            }
        ]
        entity["links"] = [
            {"rel": "about", "type": "text/html", "href": f"https://{whois.split('.', 1)[1]}"}
        ]
    return entity


def _registrant(plan: SitePlan, style: str, rng: random.Random) -> dict[str, object] | None:
    """The registrant entity, redacted in most registries and for most people."""
    if style in ("verisign", "eurid", "denic"):
        return None
    party = plan.party
    shows_org = (
        party is not None
        and not party.borrowed
        and style in ("afnic", "nicit")
        and rng.random() < (0.25 if plan.is_fraud else 0.6)
    )
    if shows_org and party is not None:
        vcard = _vcard(
            ["fn", {}, "text", party.name],
            ["org", {}, "text", party.name],
            [
                "adr",
                {},
                "text",
                [
                    "",
                    "",
                    party.address.replace("<br>", ", "),
                    party.city,
                    "",
                    party.postcode,
                    plan.market,
                ],
            ],
        )
        return {
            "objectClassName": "entity",
            "roles": ["registrant"],
            "vcardArray": vcard,
            "handle": ids.fill_pattern(rng, "AA####")
            + ("-FRNIC" if style == "afnic" else "-NICIT"),
        }
    proxy = rng.choice(common.PRIVACY_PROXIES) if rng.random() < 0.4 else "REDACTED FOR PRIVACY"
    country = plan.market if plan.market not in ("INT",) else rng.choice(("US", "HK", "CN", "GB"))
    if plan.is_fraud and rng.random() < 0.3:
        country = rng.choice(("CN", "HK", "US", "NG", "TR", "VN"))
    vcard = _vcard(
        ["fn", {}, "text", proxy],
        ["adr", {}, "text", ["", "", "", "", "", "", country]],
    )
    return {
        "objectClassName": "entity",
        "roles": ["registrant"],
        "vcardArray": vcard,
        "remarks": [
            {
                "title": "REDACTED FOR PRIVACY",
                "description": ["Some of the data in this object has been removed"],
            }
        ],
    }


def rdap_document(plan: SitePlan, seed: int) -> bytes:
    """The registry's RDAP answer for the site's domain, serialised the way it would be."""
    rng = random.Random(f"rdap:{seed}:{plan.index}")
    tld = plan.domain.split(".", 1)[1]
    base, style, suffix = common.REGISTRIES[tld]
    date_style = {
        "afnic": "z",
        "verisign": "z",
        "gtld": rng.choice(("zero", "milli", "z")),
        "denic": "offset",
        "nominet": "z",
        "eurid": "z",
        "nicit": "z",
    }[style]
    events = []
    if style != "denic":
        events.append(
            {"eventAction": "registration", "eventDate": _date(plan.registered_at, date_style, rng)}
        )
        events.append(
            {"eventAction": "expiration", "eventDate": _date(plan.expires_at, date_style, rng)}
        )
    changed_style = "micro" if style == "afnic" else date_style
    events.append(
        {
            "eventAction": "last changed",
            "eventDate": _date(plan.last_changed_at, changed_style, rng),
        }
    )
    if plan.rebought and style != "denic":
        events.append(
            {"eventAction": "transfer", "eventDate": _date(plan.last_changed_at, date_style, rng)}
        )
    if style in ("verisign", "gtld"):
        fetched = plan.captured_at + timedelta(minutes=rng.randint(1, 90))
        events.append(
            {
                "eventAction": "last update of RDAP database",
                "eventDate": _date(fetched, date_style, rng),
            }
        )

    statuses = ["active"] if style in ("afnic", "denic", "nicit", "eurid") else []
    if rng.random() < 0.6:
        statuses.append("client transfer prohibited")
    if style in ("verisign", "gtld") and rng.random() < 0.3:
        statuses += ["client delete prohibited", "client update prohibited"]
    if plan.is_fraud and rng.random() < 0.02:
        statuses.append("client hold")
    if not statuses:
        statuses = ["ok"] if rng.random() < 0.5 else ["active"]

    ldh = plan.domain.upper() if style == "verisign" else plan.domain
    if tld == "top" and rng.random() < 0.5:
        ldh += "."
    doc: dict[str, object] = {}
    if style != "denic":
        doc["rdapConformance"] = list(_CONFORMANCE)
    else:
        doc["rdapConformance"] = ["rdap_level_0"]
    if style in ("verisign", "gtld"):
        doc["notices"] = _NOTICES[: rng.randint(1, 3)]
    doc["objectClassName"] = "domain"
    if style == "verisign":
        doc["handle"] = f"{rng.randint(100000000, 2999999999)}_DOMAIN_{tld.upper()}-VRSN"
    elif style == "afnic":
        doc["handle"] = f"DOM{rng.randint(10**11, 10**12 - 1):012d}-{suffix}"
    elif style == "denic":
        doc["handle"] = plan.domain
    else:
        doc["handle"] = f"D{rng.randint(10**8, 10**10)}-{suffix}"
    doc["ldhName"] = ldh
    self_href = f"{base}domain/{plan.domain.upper() if style == 'verisign' else plan.domain}"
    doc["links"] = [
        {"value": self_href, "rel": "self", "href": self_href, "type": "application/rdap+json"}
    ]
    if style in ("verisign", "gtld"):
        registrar_rdap = common.REGISTRARS[plan.registrar][3]
        doc["links"].append(
            {
                "value": self_href,
                "rel": "related",
                "href": f"{registrar_rdap}domain/{plan.domain}",
                "type": "application/rdap+json",
            }
        )
    doc["events"] = events
    doc["status"] = statuses
    if style not in ("denic", "eurid"):
        doc["port43"] = (
            common.REGISTRARS[plan.registrar][2]
            if style != "verisign"
            else ("whois.verisign-grs.com")
        )
    entities = []
    if style != "denic":
        entities.append(_registrar_entity(plan, style, rng))
    registrant = _registrant(plan, style, rng)
    if registrant is not None:
        entities.append(registrant)
        if style == "gtld" and rng.random() < 0.6:
            for role in ("administrative", "technical"):
                entities.append(
                    {
                        "objectClassName": "entity",
                        "roles": [role],
                        "vcardArray": _vcard(["fn", {}, "text", "REDACTED FOR PRIVACY"]),
                    }
                )
    if entities:
        doc["entities"] = entities
    doc["nameservers"] = _nameservers(plan, rng, upper=style == "verisign")
    doc["secureDNS"] = {"delegationSigned": rng.random() < 0.15}

    layout = rng.random()
    if layout < 0.3:
        text = json.dumps(doc, separators=(",", ":"))
    elif layout < 0.5:
        text = json.dumps(doc, indent=2, ensure_ascii=False)
    elif layout < 0.6:
        text = json.dumps(doc, indent=4, ensure_ascii=False)
    else:
        text = json.dumps(doc, ensure_ascii=False)
    return (text + "\n").encode("utf-8")
