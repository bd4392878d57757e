"""Which service process works on a case. Several processes (uvicorn workers, or services on
several machines) share one store; a queued case must be captured and scored by one of them
only. A process claims a case in the store before it works on it, until a time after which the
claim lapses (a process that died mid-case), and releases it when done (serve/worker.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, update

from serve.store import PENDING, CaseRow, Store, check_id, now


def claim(store: Store, case_id: int, owner: str, until: datetime) -> bool:
    """Take a pending case for `owner` until `until` (a later call by the same owner extends its
    claim); False when the case is no longer pending or another owner's claim has not lapsed.
    One conditional UPDATE: of several processes asking at once, one wins."""
    check_id(case_id)
    at = now()
    with store.session() as session:
        taken = session.execute(
            update(CaseRow)
            .where(
                CaseRow.id == case_id,
                CaseRow.status.in_(PENDING),
                or_(_unheld(at), CaseRow.claimed_by == owner),
            )
            # a claim is not a change of the case: its updated_at stays
            .values(claimed_by=owner, claimed_until=until, updated_at=CaseRow.updated_at)
            .execution_options(synchronize_session=False)
        )
        return bool(taken.rowcount == 1)


def release(store: Store, case_id: int, owner: str) -> None:
    """End `owner`'s claim on a case (no change when another owner holds it)."""
    check_id(case_id)
    with store.session() as session:
        session.execute(
            update(CaseRow)
            .where(CaseRow.id == case_id, CaseRow.claimed_by == owner)
            .values(claimed_by=None, claimed_until=None, updated_at=CaseRow.updated_at)
            .execution_options(synchronize_session=False)
        )


def claimable(store: Store) -> list[int]:
    """Pending cases that no process holds: never claimed, released, or whose claim lapsed (a
    process starting after a restart, or sweeping for a dead process's cases, takes these)."""
    with store.session() as session:
        return list(
            session.scalars(
                select(CaseRow.id)
                .where(CaseRow.status.in_(PENDING), _unheld(now()))
                .order_by(CaseRow.id)
            )
        )


def _unheld(at: datetime) -> ColumnElement[bool]:
    """A case no process holds at `at`: never claimed, released, or its claim lapsed."""
    return or_(CaseRow.claimed_by.is_(None), CaseRow.claimed_until < at)
