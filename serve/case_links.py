"""What links a case to others in the case store, and what a fraud verdict does to them.

When a case is scored, its operator marks are kept (`case_marks`: one row per case, kind and
value, indexed on kind and value, so "which cases share a mark" is one join on SQLite and
PostgreSQL alike): the strong identifiers of the row's `marks` context (SIREN, VAT number, IBAN,
phone, e-mail, tracker IDs) and its landing page's template signature (a hash of the set of its
skeleton's shingles, the set models/links.py signs: one kit, unchanged, gives one signature).

A fraud verdict on a case raises each open linked case one priority level (P3 -> P2 -> P1), its
score unchanged, once per verdicted case (`priority_raises`, unique on the raised case and the
case whose verdict raised it): a second fraud verdict, or the same one posted again, raises
nothing more. The next scoring of a raised case replaces its priority with the model's, which
then sees the verdict through the link features.

The functions take the store's open session, so that marks go in with their score and raises
with their verdict, in one transaction each.
"""

from __future__ import annotations

import hashlib
import json
import time
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    Select,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    delete,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from features.identity_context import read_skeleton
from models.identity import mark_text
from models.links import SHINGLE, STRONG_KINDS, common_cap
from serve.facts import kept_context
from serve.store import Base, CaseRow, ScoreRow, Store, UTCDateTime, VerdictRow, now

TEMPLATE = "template"
MARK_KINDS = (*STRONG_KINDS, TEMPLATE)
VALUE_MAX = 255  # a longer value is no identifier anyone reuses: it is not kept
RAISED = {"P3": "P2", "P2": "P1"}  # one level up; P1 stays
LINKED_MAX = 100  # linked cases listed for one case, most recent first
PEERS_MAX = 500  # cases of one operator group read to compute a new score's link features
T = TypeVar("T")
_CHUNK = 200  # marks or cases asked about in one query (bound parameters stay few)
COUNT_MAX_AGE = 60.0  # seconds a store's case count is reused (stored_cases)
_COUNTS: weakref.WeakKeyDictionary[Engine, tuple[float, int]] = weakref.WeakKeyDictionary()
_KIND_FR = {
    "siren": "le SIREN",
    "vat": "le numéro de TVA",
    "iban": "l'IBAN",
    "phone": "le téléphone",
    "email": "l'adresse e-mail",
    "tracker": "l'identifiant de suivi",
}


class CaseMarkRow(Base):
    """One operator mark of a case's latest score."""

    __tablename__ = "case_marks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(VALUE_MAX))

    __table_args__ = (
        Index("case_marks_kind_value", "kind", "value"),
        UniqueConstraint("case_id", "kind", "value", name="case_marks_once"),
    )


class PriorityRaiseRow(Base):
    """A priority raised by a linked case's fraud verdict (the note says which and why)."""

    __tablename__ = "priority_raises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)  # the raised case
    source_case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))  # the fraud verdict's
    from_priority: Mapped[str] = mapped_column(String(4))
    to_priority: Mapped[str] = mapped_column(String(4))
    shared: Mapped[str] = mapped_column(Text)  # "kind:value" marks, ";"-separated
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the verdict's date
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)

    __table_args__ = (UniqueConstraint("case_id", "source_case_id", name="one_raise_per_verdict"),)


@dataclass(frozen=True)
class Linked:
    """A case that shares marks with another, and the marks ("kind:value") it shares."""

    case: CaseRow
    shared: tuple[str, ...]


def template_signature(skeleton: list[str]) -> str | None:
    """The template mark of a skeleton: a hash of its set of SHINGLE-token shingles (repeated
    blocks, such as more product cards, do not change it); None for a page too small to tell a
    kit from chance."""
    if len(skeleton) < SHINGLE:
        return None
    shingles = {" ".join(skeleton[i : i + SHINGLE]) for i in range(len(skeleton) - SHINGLE + 1)}
    return hashlib.sha256("\n".join(sorted(shingles)).encode()).hexdigest()[:32]


def marks_of(features: str | None) -> set[tuple[str, str]]:
    """The (kind, value) marks of a score's kept features; unreadable ones give none (a case
    that cannot be linked is still scored)."""
    context = kept_context(features)
    return context_marks(context.get("marks"), context.get("skeleton"))


def context_marks(marks: object, skeleton: object) -> set[tuple[str, str]]:
    """The (kind, value) marks of a feature row's `marks` and `skeleton` context columns: its
    strong identifiers and its template signature. A damaged column gives no mark."""
    try:
        found = json.loads(marks) if isinstance(marks, str) and marks else {}
    except ValueError:
        found = {}
    out = set()
    if isinstance(found, dict):
        for kind in STRONG_KINDS:
            values = found.get(kind) or []
            if isinstance(values, list):
                out |= {(kind, str(v)) for v in values if v and len(str(v)) <= VALUE_MAX}
    blob = skeleton if isinstance(skeleton, str) else ""
    signature = template_signature(read_skeleton(blob))
    if signature is not None:
        out.add((TEMPLATE, signature))
    return out


def replace_marks(session: Session, case_id: int, marks: set[tuple[str, str]]) -> None:
    """The case's marks become those of its latest score."""
    session.execute(delete(CaseMarkRow).where(CaseMarkRow.case_id == case_id))
    session.add_all(CaseMarkRow(case_id=case_id, kind=k, value=v) for k, v in sorted(marks))


def stored_cases(session: Session) -> int:
    """How many cases the store holds, read at most once every COUNT_MAX_AGE seconds per
    database: counting a table is a scan on SQLite (milliseconds a score once the store is
    large), and the common cap it sets moves by a 50th of the cases added meanwhile."""
    engine, now_ = session.get_bind(), time.monotonic()
    seen = _COUNTS.get(engine)
    if seen is None or now_ - seen[0] > COUNT_MAX_AGE:
        seen = _COUNTS[engine] = (now_, session.scalar(select(func.count(CaseRow.id))) or 0)
    return seen[1]


def _common_cap(session: Session) -> int:
    """Held by more cases than this, a mark is a platform's, a host's or a theme's, not an
    operator's (the rule of models/links.py): it links nothing."""
    return common_cap(stored_cases(session))


def linked(session: Session, case_id: int, limit: int = LINKED_MAX) -> list[Linked]:
    """The other cases that share a mark with `case_id`, most recent first, with the marks
    shared (marks too common to be an operator's left out)."""
    mine, other = aliased(CaseMarkRow), aliased(CaseMarkRow)
    same = (other.kind == mine.kind) & (other.value == mine.value)
    holders = session.execute(
        select(mine.kind, mine.value, func.count(other.id))
        .join(other, same)
        .where(mine.case_id == case_id)
        .group_by(mine.kind, mine.value)
    ).all()
    cap = _common_cap(session)
    kept = {(kind, value) for kind, value, count in holders if 1 < count <= cap}
    if not kept:
        return []
    shared: dict[int, set[str]] = defaultdict(set)
    for other_id, kind, value in session.execute(
        select(other.case_id, other.kind, other.value)
        .join(mine, same)
        .where(mine.case_id == case_id, other.case_id != case_id)
    ):
        if (kind, value) in kept:
            shared[other_id].add(f"{kind}:{value}")
    ids = sorted(shared, reverse=True)[:limit]
    rows = {r.id: r for r in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
    return [Linked(rows[i], tuple(sorted(shared[i]))) for i in ids if i in rows]


def raise_linked(session: Session, source: CaseRow, decided_at: datetime) -> int:
    """Raise each open, scored case linked to `source` (just confirmed fraud) one priority
    level, once per source case; returns how many were raised."""
    done = set(
        session.scalars(
            select(PriorityRaiseRow.case_id).where(PriorityRaiseRow.source_case_id == source.id)
        )
    )
    raised = 0
    for link in linked(session, source.id):
        target = link.case
        if target.id in done or target.outcome is not None or target.priority not in RAISED:
            continue
        session.add(
            PriorityRaiseRow(
                case_id=target.id,
                source_case_id=source.id,
                from_priority=target.priority,
                to_priority=RAISED[target.priority],
                shared=";".join(link.shared),
                decided_at=decided_at,
            )
        )
        target.priority = RAISED[target.priority]  # the score stays the model's
        raised += 1
    return raised


def linked_cases(store: Store, case_id: int) -> list[Linked]:
    """The cases sharing an operator mark with `case_id`, most recent first."""
    with store.session() as session:
        return linked(session, case_id)


def raises_in_force(store: Store, case_id: int) -> list[PriorityRaiseRow]:
    """The raises of a case still in force: those since its latest score (a new score gives the
    model's priority, which sees the verdicts through the link features)."""
    with store.session() as session:
        scored = session.scalar(
            select(func.max(ScoreRow.scored_at)).where(ScoreRow.case_id == case_id)
        )
        query = select(PriorityRaiseRow).where(PriorityRaiseRow.case_id == case_id)
        if scored is not None:
            query = query.where(PriorityRaiseRow.raised_at >= scored)
        return list(session.scalars(query.order_by(PriorityRaiseRow.id)))


def shared_text(mark: str, language: str = "en") -> str:
    """A shared mark as an investigator reads it ('IBAN LT12 1000 ...'), in English or French."""
    english = mark_text(mark)
    kind = mark.partition(":")[0]
    if language != "fr":
        return "the page template" if kind == TEMPLATE else english
    if kind == TEMPLATE:
        return "le gabarit de page"
    shown = english.split(" ", 2 if kind in ("vat", "tracker") else 1)[-1]  # the value alone
    return f"{_KIND_FR.get(kind, kind)} {shown}"


def raise_note(raised: PriorityRaiseRow, language: str = "en") -> str:
    """The note a raise leaves on the raised case, naming the verdict that raised it."""
    first = raised.shared.split(";")[0] if raised.shared else ""
    day = f"{raised.decided_at:%Y-%m-%d}"
    if language == "fr":
        return (
            f"relevée depuis {raised.from_priority} : le cas lié {raised.source_case_id} "
            f"(partage {shared_text(first, 'fr')}) a été confirmé frauduleux le {day}"
        )
    return (
        f"raised from {raised.from_priority}: linked case {raised.source_case_id} "
        f"(shares {shared_text(first)}) confirmed fraud on {day}"
    )


@dataclass(frozen=True)
class Peer:
    """A stored case as the link features need it (models/links.py `LinkCase`'s inputs)."""

    case_id: int
    reported_at: datetime
    outcome: str | None
    decided_at: datetime | None  # its latest verdict's date
    marks: dict[str, list[str]]  # strong kind -> values
    skeleton: str  # the landing page's skeleton as its latest score kept it ('' none)


# Built once, with expanding parameters: the statements of every score are neither built nor
# compiled again (a fifth of a millisecond a score on an empty store). A mark is selected by
# `kind IN (...) AND value IN (...)`, which may take a few more rows (a kind of one mark with the
# value of another) that the caller drops: one statement whatever the number of marks, where an
# OR of pairs cost a millisecond a score to build and compile, and both SQLite and PostgreSQL
# search the (kind, value) index with it; a row-value IN scans the whole index on SQLite.
_AMONG = (
    CaseMarkRow.kind.in_(bindparam("kinds", expanding=True)),
    CaseMarkRow.value.in_(bindparam("values", expanding=True)),
)
_MARK_COUNTS = (
    select(CaseMarkRow.kind, CaseMarkRow.value, func.count(CaseMarkRow.id))
    .where(*_AMONG)
    .group_by(CaseMarkRow.kind, CaseMarkRow.value)
)
_MARK_HOLDERS = select(CaseMarkRow.case_id, CaseMarkRow.kind, CaseMarkRow.value).where(*_AMONG)
_IDS = bindparam("ids", expanding=True)
_MARKS_OF = select(CaseMarkRow.case_id, CaseMarkRow.kind, CaseMarkRow.value).where(
    CaseMarkRow.case_id.in_(_IDS)
)
_PEER_CASES = select(CaseRow.id, CaseRow.reported_at, CaseRow.outcome).where(CaseRow.id.in_(_IDS))


def _latest(row: type[VerdictRow] | type[ScoreRow], column: Any) -> Select[tuple[int, Any]]:
    """Each case's id (of those in _IDS) and `column` of its latest `row` (the highest id)."""
    newest = select(func.max(row.id)).where(row.case_id.in_(_IDS)).group_by(row.case_id)
    return select(row.case_id, column).where(row.id.in_(newest))


_LATEST_VERDICTS = _latest(VerdictRow, VerdictRow.decided_at)
_LATEST_FEATURES = _latest(ScoreRow, ScoreRow.features)


def _chunks(items: list[T]) -> Iterator[list[T]]:
    """`items` _CHUNK at a time."""
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _among(marks: set[tuple[str, str]]) -> dict[str, list[str]]:
    """The parameters of _AMONG for `marks`."""
    return {"kinds": sorted({kind for kind, _ in marks}), "values": sorted({v for _, v in marks})}


def _holders(session: Session, marks: set[tuple[str, str]], cap: int) -> set[int]:
    """The cases holding any of `marks` that is not too common."""
    found: set[int] = set()
    for part in _chunks(sorted(marks)):
        chunk = set(part)
        counts = session.execute(_MARK_COUNTS, _among(chunk)).all()
        # the case being scored is not stored yet (or is, once): one more holder than counted.
        # Marks no stored case holds are not asked for again (a new operator's are all such).
        usable = {(k, v) for k, v, n in counts if (k, v) in chunk and n + 1 <= cap}
        if usable:
            held = session.execute(_MARK_HOLDERS, _among(usable))
            found.update(case for case, k, v in held if (k, v) in usable)
    return found


def operator_peers(
    store: Store, marks: set[tuple[str, str]], case_id: int | None, limit: int = PEERS_MAX
) -> list[Peer]:
    """The stored cases of the operator group that `marks` would join (a new score's marks),
    found by following shared marks from case to case, at most `limit` of them; `case_id`
    (the case being scored) is left out. Marks too common to be an operator's link nothing."""
    with store.session() as session:
        cap = _common_cap(session)
        held_by: dict[int, list[tuple[str, str]]] = {}  # each case found, with its marks
        seen: set[tuple[str, str]] = set()
        frontier = set(marks)
        while frontier and len(held_by) < limit:
            seen |= frontier
            found = _holders(session, frontier, cap)
            new = sorted(found - held_by.keys() - {case_id or 0})[: limit - len(held_by)]
            held_by.update((case, []) for case in new)
            frontier = set()
            for chunk in _chunks(new):
                for case, kind, value in session.execute(_MARKS_OF, {"ids": chunk}):
                    held_by[case].append((kind, value))
                    if (kind, value) not in seen:
                        frontier.add((kind, value))
        return _peers(session, held_by)


def _peers(session: Session, held_by: dict[int, list[tuple[str, str]]]) -> list[Peer]:
    """The Peers of the cases in `held_by` (with the marks each holds), by id: a few queries
    for every _CHUNK cases, where four statements a case took 0.6 ms a case."""
    ids = sorted(held_by)
    cases: dict[int, tuple[datetime, str | None]] = {}
    decided: dict[int, datetime] = {}
    features: dict[int, str | None] = {}
    for part in _chunks(ids):
        params = {"ids": part}
        cases.update(
            (i, (when, outcome)) for i, when, outcome in session.execute(_PEER_CASES, params)
        )
        decided.update((i, when) for i, when in session.execute(_LATEST_VERDICTS, params))
        features.update((i, kept) for i, kept in session.execute(_LATEST_FEATURES, params))
    peers = []
    for case in ids:
        if case not in cases:  # cannot happen while the foreign key holds; never fail a score
            continue
        marks: dict[str, list[str]] = defaultdict(list)
        for kind, value in held_by[case]:
            if kind in STRONG_KINDS:
                marks[kind].append(value)
        reported_at, outcome = cases[case]
        peers.append(
            Peer(
                case,
                reported_at,
                outcome,
                decided.get(case),
                dict(marks),
                str(kept_context(features.get(case)).get("skeleton") or ""),
            )
        )
    return peers
