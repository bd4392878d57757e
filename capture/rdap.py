"""Reading RDAP domain objects (RFC 9083) into the facts scamrank uses: dates, registrar, privacy.

Real registries and registrars bend the format: offsets with no colon, no time zone, fractional
seconds, impossible dates, capitalised roles, a trailing dot in the name, a non-standard
"last update" event. This module takes all of them and keeps what can be trusted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from capture.errors import RdapError
from capture.isotime import parse_utc_checked
from capture.site import RdapRecord

# A registry's answer is a few kilobytes; nesting is a handful of levels (entities in entities).
MAX_RDAP_BYTES = 1024 * 1024
MAX_RDAP_DEPTH = 64
# eventAction (lower-cased) -> RdapRecord field. "last update" is what some registrars write for
# "last changed"; "last update of rdap database" is the server's own clock and is ignored.
_EVENT_FIELDS: dict[str, str] = {
    "registration": "registered_at",
    "expiration": "expires_at",
    "last changed": "last_changed_at",
    "last update": "last_changed_at",
}
# When both are present, the standard action wins over the registrar's variant.
_EVENT_RANK: dict[str, int] = {"last changed": 0, "last update": 1}

# Words that show a registrant's data is hidden: by the registry (GDPR redaction, RFC 9537
# wording) or by a privacy or proxy service standing in for the real holder.
_REDACTION_MARKERS: tuple[str, ...] = (
    "redacted",
    "withheld",
    "privacy",
    "proxy",
    "whoisguard",
    "anonymi",  # anonymised / anonymized e-mail relays
    "not disclosed",
    "non-public",
    "data protected",
    "identity protect",
    "statutory masking",
    "private registration",
    "has been removed",
)


def read_rdap(path: Path) -> RdapRecord:
    """The RdapRecord of an RDAP JSON file; RdapError naming the file and the fault otherwise."""
    return read_rdap_noted(path)[0]


def read_rdap_noted(path: Path) -> tuple[RdapRecord, list[str]]:
    """The RdapRecord of an RDAP JSON file, and notes on what in it could not be used (a date
    out of range, say); RdapError naming the file and the fault when none of it can be used.

    A registry's answer is a few kilobytes: a file over MAX_RDAP_BYTES is refused after reading
    no more than that, and one nested deeper than MAX_RDAP_DEPTH is refused too, so that one
    odd file costs neither memory nor a stack overflow.
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_RDAP_BYTES + 1)
    except OSError as exc:
        raise RdapError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_RDAP_BYTES:
        raise RdapError(
            f"{path}: larger than {MAX_RDAP_BYTES:,} bytes, which no RDAP answer is: not read"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RdapError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RdapError(
            f"{path}: not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise RdapError(f"{path}: nested deeper than {MAX_RDAP_DEPTH} levels") from None
    return parse_rdap_noted(obj, source=str(path))


def parse_rdap(obj: Any, source: str) -> RdapRecord:
    """The RdapRecord of a decoded RDAP domain object; `source` names it in error messages."""
    return parse_rdap_noted(obj, source)[0]


def parse_rdap_noted(obj: Any, source: str) -> tuple[RdapRecord, list[str]]:
    """The RdapRecord of a decoded RDAP domain object and notes on what was left out of it."""
    if not isinstance(obj, dict):
        raise RdapError(f"{source}: not a JSON object but {_json_type(obj)}")
    depth = _depth(obj)
    if depth > MAX_RDAP_DEPTH:
        raise RdapError(f"{source}: nested deeper than {MAX_RDAP_DEPTH} levels")
    object_class = obj.get("objectClassName")
    if object_class is None:
        raise RdapError(f"{source}: no objectClassName, so not an RDAP domain object")
    if not isinstance(object_class, str) or object_class.strip().lower() != "domain":
        raise RdapError(f"{source}: objectClassName is {object_class!r}, not 'domain'")
    domain = _domain_name(obj)
    if not domain:
        raise RdapError(f"{source}: the domain object has no ldhName or unicodeName")

    entities = [entity for entity in _walk_entities(obj.get("entities")) if entity]
    registrar = next((e for e in entities if "registrar" in _roles(e)), None)
    notes: list[str] = []
    record = RdapRecord(
        domain=domain,
        **_event_dates(obj.get("events"), notes),
        registrar=_entity_name(registrar) if registrar is not None else None,
        statuses=_statuses(obj.get("status")),
        registrant_redacted=_registrant_redacted(obj, entities),
    )
    return record, notes


def _depth(obj: Any) -> int:
    """How deeply arrays and objects nest in decoded JSON (a walk with a stack, no recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        value, level = stack.pop()
        if level > deepest:
            deepest = level
            if deepest > MAX_RDAP_DEPTH:
                break
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _domain_name(obj: dict[str, Any]) -> str:
    for key in ("ldhName", "unicodeName"):
        name = obj.get(key)
        if isinstance(name, str) and name.strip().rstrip("."):
            return name.strip().rstrip(".").lower()
    return ""


def _event_dates(events: Any, notes: list[str]) -> dict[str, datetime | None]:
    dates: dict[str, datetime | None] = dict.fromkeys(_EVENT_FIELDS.values())
    ranks: dict[str, int] = {}
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict):
            continue
        action = event.get("eventAction")
        when = event.get("eventDate")
        if not isinstance(action, str) or not isinstance(when, str):
            continue
        action = " ".join(action.lower().split())
        field = _EVENT_FIELDS.get(action)
        if field is None:
            continue
        moment, why = parse_utc_checked(when)
        if moment is None:
            # An impossible date is as good as none: that date is unknown, the rest is used.
            notes.append(f"{action} date {when[:40]!r} is {why}: taken as unknown")
            continue
        rank = _EVENT_RANK.get(action, 0)
        if dates[field] is None or rank < ranks[field]:
            dates[field] = moment
            ranks[field] = rank
    return {
        "registered_at": dates["registered_at"],
        "expires_at": dates["expires_at"],
        "last_changed_at": dates["last_changed_at"],
    }


def _statuses(status: Any) -> tuple[str, ...]:
    if not isinstance(status, list):
        return ()
    return tuple(" ".join(s.lower().split()) for s in status if isinstance(s, str) and s.strip())


def _walk_entities(entities: Any) -> Iterator[dict[str, Any]]:
    """Every entity, top level first, then the ones nested inside them (breadth first)."""
    level = [e for e in entities if isinstance(e, dict)] if isinstance(entities, list) else []
    while level:
        yield from level
        level = [
            child
            for entity in level
            if isinstance(entity.get("entities"), list)
            for child in entity["entities"]
            if isinstance(child, dict)
        ]


def _roles(entity: dict[str, Any]) -> set[str]:
    roles = entity.get("roles")
    if not isinstance(roles, list):
        return set()
    return {role.strip().lower() for role in roles if isinstance(role, str)}


def _vcard(entity: dict[str, Any]) -> list[tuple[str, Any]]:
    """(property name, value) pairs of an entity's jCard (RFC 7095), skipping malformed ones."""
    card = entity.get("vcardArray")
    if not isinstance(card, list) or len(card) < 2 or not isinstance(card[1], list):
        return []
    return [
        (prop[0].lower(), prop[3])
        for prop in card[1]
        if isinstance(prop, list) and len(prop) >= 4 and isinstance(prop[0], str)
    ]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _entity_name(entity: dict[str, Any]) -> str | None:
    """The registrar's name: vCard fn, else org, else its handle or public identifier."""
    card = _vcard(entity)
    for wanted in ("fn", "org"):
        for name, value in card:
            if name == wanted:
                text = ", ".join(s.strip() for s in _strings(value) if s.strip())
                if text:
                    return text
    handle = entity.get("handle")
    if isinstance(handle, str) and handle.strip():
        return handle.strip()
    public_ids = entity.get("publicIds")
    for public_id in public_ids if isinstance(public_ids, list) else []:
        if isinstance(public_id, dict) and isinstance(public_id.get("identifier"), str):
            identifier = public_id["identifier"].strip()
            if identifier:
                return identifier
    return None


def _registrant_redacted(obj: dict[str, Any], entities: list[dict[str, Any]]) -> bool | None:
    """True when the registrant is hidden, False when shown, None when there is no registrant."""
    if _redaction_names_registrant(obj.get("redacted")):
        return True
    registrants = [e for e in entities if "registrant" in _roles(e)]
    if not registrants:
        return None
    return any(_looks_redacted(entity) for entity in registrants)


def _redaction_names_registrant(redacted: Any) -> bool:
    """Whether an RFC 9537 `redacted` array lists a registrant field."""
    for item in redacted if isinstance(redacted, list) else []:
        if not isinstance(item, dict):
            continue
        texts = [item.get(key) for key in ("prePath", "postPath", "path", "replacementPath")]
        name = item.get("name")
        if isinstance(name, dict):
            texts += [name.get("type"), name.get("description")]
        if any(isinstance(text, str) and "registrant" in text.lower() for text in texts):
            return True
    return False


def _looks_redacted(entity: dict[str, Any]) -> bool:
    texts = [text for _, value in _vcard(entity) for text in _strings(value)]
    remarks = entity.get("remarks")
    for remark in remarks if isinstance(remarks, list) else []:
        if isinstance(remark, dict):
            texts.extend(_strings(remark.get("title")))
            texts.extend(_strings(remark.get("description")))
    lowered = " ".join(texts).lower()
    return any(marker in lowered for marker in _REDACTION_MARKERS)


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return type(value).__name__
