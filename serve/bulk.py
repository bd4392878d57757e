"""Bulk reports in one transaction, made safe to retry with an `Idempotency-Key`.

A report of many URLs is written in a single transaction (one commit instead of one per URL:
1,000 URLs took 44 s before). When the request carries an `Idempotency-Key`, the first answer is
stored in the same transaction as the reports, keyed by the caller and the key; a retry of the
same request within the retention period gets that answer back and writes nothing, and a reuse of
the key with a different request is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serve.store import CaseRow, IdempotencyRow, Reported, ReportRow, Store, StoreError, now

# (what was reported) -> (status code, JSON body) of the answer to keep for retries
ReportAnswer = Callable[[list[Reported]], tuple[int, dict[str, object]]]
_CHUNK = 500  # domains per IN (...) look-up: under every driver's parameter limit


class IdempotencyConflict(StoreError):
    """The idempotency key was used before with a different request."""


@dataclass(frozen=True)
class Replay:
    """The stored first answer to a request retried with the same idempotency key."""

    status_code: int
    body: dict[str, object]


def request_hash(payload: object) -> str:
    """A digest of a request's meaning (its parsed body, keys sorted): what a retry must match."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _open_cases(session: Session, domains: list[str]) -> dict[str, CaseRow]:
    found: dict[str, CaseRow] = {}
    for start in range(0, len(domains), _CHUNK):
        chunk = domains[start : start + _CHUNK]
        query = select(CaseRow).where(CaseRow.domain.in_(chunk), CaseRow.outcome.is_(None))
        found.update((row.domain, row) for row in session.scalars(query))
    return found


def _replay(session: Session, caller: str, key: str, digest: str, since: datetime) -> Replay | None:
    row = session.get(IdempotencyRow, (caller, key))
    if row is None:
        return None
    if row.created_at < since:  # expired: the key may be used afresh
        session.delete(row)
        session.flush()
        return None
    if row.request_hash != digest:
        raise IdempotencyConflict(
            f"Idempotency-Key {key!r} was used for a different request: send a new key"
        )
    return Replay(row.status_code, json.loads(row.response))


def report_many(
    store: Store,
    items: list[tuple[str, str]],
    reporter_ref: str | None,
    reported_at: datetime,
    answer: ReportAnswer,
    idempotency: tuple[str, str, str] | None = None,
    keep: timedelta = timedelta(hours=24),
) -> list[Reported] | Replay:
    """Queue (url, domain) pairs in one transaction, merging each into its site's open case.

    `idempotency` is (caller, key, request hash): a stored answer for it is returned as a Replay
    and nothing is written; otherwise `answer(reported)` gives the status and body to keep with
    the reports. Concurrent reports of the same site that win an insert first are merged on a
    retry of the whole transaction."""
    for _ in range(5):
        try:
            with store.session() as session:
                if idempotency is not None:
                    caller, key, digest = idempotency
                    session.execute(
                        delete(IdempotencyRow).where(IdempotencyRow.created_at < now() - keep)
                    )
                    replay = _replay(session, caller, key, digest, now() - keep)
                    if replay is not None:
                        return replay
                cases = _open_cases(session, sorted({domain for _, domain in items}))
                opened: dict[str, CaseRow] = {}
                for url, domain in items:  # the first URL of a new site names its case
                    if domain not in cases and domain not in opened:
                        opened[domain] = CaseRow(url=url, domain=domain, reported_at=reported_at)
                session.add_all(opened.values())
                session.flush()  # one batched INSERT of the new cases gives their ids
                cases.update(opened)
                done: list[Reported] = []
                seen: set[str] = set()
                for _, domain in items:  # merged: joined a case that was open before this URL
                    done.append(Reported(cases[domain].id, domain not in opened or domain in seen))
                    seen.add(domain)
                session.execute(  # the reports in one executemany, not one ORM object each
                    insert(ReportRow),
                    [
                        {
                            "case_id": cases[domain].id,
                            "url": url,
                            "reporter_ref": reporter_ref,
                            "reported_at": reported_at,
                        }
                        for url, domain in items
                    ],
                )
                if idempotency is not None:
                    status_code, body = answer(done)
                    session.add(
                        IdempotencyRow(
                            caller=caller,
                            key=key,
                            request_hash=digest,
                            status_code=status_code,
                            response=json.dumps(body),
                        )
                    )
                return done
        except IntegrityError:
            continue  # a concurrent report opened a case (or stored the key): go again
    raise StoreError("could not queue the report: the store is too busy, try again")
