"""The case store: reported sites, their score history and investigators' verdicts, in SQLite by
default or PostgreSQL by URL (SQLAlchemy). The schema is created and migrated by Alembic at start.

A case is a site (registrable domain): reports of any URL of a site whose case is still open are
merged into it, so the queue never holds one shop twice.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    case,
    create_engine,
    event,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)

from models.notes import NOT_A_SHOP

PENDING = ("queued", "captured")  # still to capture and score (serve/claims.py, serve/worker.py)
STATUSES = (*PENDING, "scored", "failed")
# Row ids and offsets are 64-bit signed integers in SQLite and PostgreSQL: anything larger
# cannot name a row (and would overflow the driver), so callers refuse it before asking.
MAX_ID = 2**63 - 1
MAX_OFFSET = 2**62
OUTCOMES = ("fraud", "legit")


def now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Times stored in UTC and read back aware: SQLite keeps no time zone of its own."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give an aware time")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    domain: Mapped[str] = mapped_column(String(255), index=True)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    priority: Mapped[str | None] = mapped_column(String(4), default=None)
    reasons: Mapped[str | None] = mapped_column(Text, default=None)
    model_version: Mapped[str | None] = mapped_column(String(64), default=None)
    evidence: Mapped[str | None] = mapped_column(Text, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)  # models/notes.py codes
    # JSON list of Safety Gate matches of the latest score; '[]' none; NULL not checked
    alerts: Mapped[str | None] = mapped_column(Text, default=None)
    outcome: Mapped[str | None] = mapped_column(String(8), default=None)  # latest verdict
    # The service process capturing and scoring the case, and when its claim lapses (see claim)
    claimed_by: Mapped[str | None] = mapped_column(String(96), default=None)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now, onupdate=now)
    reports: Mapped[list[ReportRow]] = relationship(back_populates="case", order_by="ReportRow.id")
    scores: Mapped[list[ScoreRow]] = relationship(back_populates="case", order_by="ScoreRow.id")
    verdicts: Mapped[list[VerdictRow]] = relationship(
        back_populates="case", order_by="VerdictRow.id"
    )

    __table_args__ = (
        # One open case per site: concurrent reports of one shop cannot both open a case.
        Index(
            "one_open_case_per_domain",
            "domain",
            unique=True,
            sqlite_where=text("outcome IS NULL"),
            postgresql_where=text("outcome IS NULL"),
        ),
    )


class ReportRow(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    reporter_ref: Mapped[str | None] = mapped_column(String(255), default=None)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    case: Mapped[CaseRow] = relationship(back_populates="reports")


class ScoreRow(Base):
    __tablename__ = "scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    priority: Mapped[str] = mapped_column(String(4))
    reasons: Mapped[str] = mapped_column(Text)
    model_version: Mapped[str] = mapped_column(String(64))
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    # JSON: the feature values and context the score came from (the case page shows them).
    features: Mapped[str | None] = mapped_column(Text, default=None)
    case: Mapped[CaseRow] = relationship(back_populates="scores")


class VerdictRow(Base):
    __tablename__ = "verdicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(8))
    who: Mapped[str] = mapped_column(String(255))  # free text given with the verdict: a note
    author: Mapped[str | None] = mapped_column(String(200), default=None)  # the key's holder
    note: Mapped[str | None] = mapped_column(Text, default=None)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    case: Mapped[CaseRow] = relationship(back_populates="verdicts")


class StoreMeta(Base):
    """Facts about the store itself; `store_id` is a random UUID made when it was created."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class IdempotencyRow(Base):
    """The first response to a request that carried an `Idempotency-Key` (kept 24 hours)."""

    __tablename__ = "idempotency_keys"
    caller: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now, index=True)


class StoreError(ValueError):
    """A request the store cannot satisfy (unknown case, bad cursor...)."""


def make_engine(url: str) -> Engine:
    """An engine for the store URL; SQLite files get WAL and a busy timeout so that concurrent
    requests wait for each other instead of failing."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"timeout": 30, "check_same_thread": False}
        if url.startswith("sqlite")
        else {},
    )
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the latest migration."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class Reported:
    case_id: int
    merged: bool  # True when the URL joined an open case of the same site


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def store_id(self) -> str:
        """This store's random identity (hex UUID), made by the migration that created it."""
        with self.session() as session:
            row = session.get(StoreMeta, "store_id")
            if row is None:  # a store migrated by hand without its seed row: make one now
                row = StoreMeta(key="store_id", value=uuid.uuid4().hex)
                session.add(row)
            return row.value

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True

    def report(
        self, url: str, domain: str, reporter_ref: str | None, reported_at: datetime
    ) -> Reported:
        """Queue a reported URL, or merge it into the open case of the same site."""
        for _ in range(3):  # a concurrent report of the same site may win the insert: merge then
            try:
                with self.session() as session:
                    open_case = session.scalars(
                        select(CaseRow).where(CaseRow.domain == domain, CaseRow.outcome.is_(None))
                    ).first()
                    merged = open_case is not None
                    if open_case is None:
                        open_case = CaseRow(url=url, domain=domain, reported_at=reported_at)
                        session.add(open_case)
                        session.flush()
                    session.add(
                        ReportRow(
                            case_id=open_case.id,
                            url=url,
                            reporter_ref=reporter_ref,
                            reported_at=reported_at,
                        )
                    )
                    return Reported(open_case.id, merged)
            except IntegrityError:
                continue
        raise StoreError(f"could not queue {url}: the store is too busy, try again")

    def get(self, case_id: int) -> CaseRow:
        check_id(case_id)
        with self.session() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise StoreError(f"no case {case_id}")
            _ = row.reports, row.scores, row.verdicts  # load the history before the session ends
            return row

    def set_status(
        self, case_id: int, status: str, error: str | None = None, evidence: str | None = None
    ) -> None:
        with self.session() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise StoreError(f"no case {case_id}")
            row.status, row.error = status, error
            if evidence is not None:
                row.evidence = evidence

    def record_score(
        self,
        case_id: int,
        score: float | None,
        priority: str,
        reasons: str,
        model_version: str,
        features: str | None = None,
        notes: str | None = None,
        alerts: str | None = None,
    ) -> None:
        """Record a score; `alerts`: the JSON list of Safety Gate matches (None: not checked)."""
        with self.session() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise StoreError(f"no case {case_id}")
            if score is None:  # the site could not be scored: say why, never a confident guess
                row.status, row.error = "failed", reasons
                return
            row.status, row.error, row.notes = "scored", None, notes or None
            row.alerts = alerts
            row.score, row.priority, row.reasons, row.model_version = (
                score,
                priority,
                reasons,
                model_version,
            )
            session.add(
                ScoreRow(
                    case_id=case_id,
                    score=score,
                    priority=priority,
                    reasons=reasons,
                    model_version=model_version,
                    features=features,
                )
            )
            from serve.case_links import marks_of, replace_marks  # it imports this module

            replace_marks(session, case_id, marks_of(features))

    def record_verdict(
        self, case_id: int, outcome: str, who: str, note: str | None, author: str | None = None
    ) -> CaseRow:
        """Record a verdict by `author` (the key's holder); `who` is a free-text note."""
        if outcome not in OUTCOMES:
            raise StoreError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        check_id(case_id)
        with self.session() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise StoreError(f"no case {case_id}")
            first_fraud = outcome == "fraud" and not any(v.outcome == "fraud" for v in row.verdicts)
            row.outcome = outcome
            verdict = VerdictRow(
                case_id=case_id, outcome=outcome, who=who, note=note, author=author
            )
            session.add(verdict)
            if first_fraud:  # linked open cases go up a level, once per case confirmed fraud
                from serve.case_links import raise_linked  # not at the top: it imports this module

                session.flush()
                raise_linked(session, row, verdict.decided_at)
        return self.get(case_id)

    def same_site(self, case_id: int, domain: str, limit: int = 50) -> list[CaseRow]:
        """Other cases of the same registrable domain (earlier or later reports of one shop)."""
        with self.session() as session:
            return list(
                session.scalars(
                    select(CaseRow)
                    .where(CaseRow.domain == domain, CaseRow.id != case_id)
                    .order_by(CaseRow.id.desc())
                    .limit(limit)
                )
            )

    def queue(
        self,
        status: str | None = None,
        priority: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        open_only: bool = False,
        shop: bool | None = None,
        alert: bool | None = None,
    ) -> tuple[list[CaseRow], str | None]:
        """Cases, highest priority and score first, a page at a time (cursor: where to go on).
        shop=False: only the sites noted `not a shop`; shop=True: all the others. alert=True:
        only the sites selling a product of a Safety Gate alert; alert=False: all the others."""
        offset = _decode_cursor(cursor)
        order = case({"P1": 0, "P2": 1, "P3": 2}, value=CaseRow.priority, else_=3)
        query = select(CaseRow)
        if status:
            query = query.where(CaseRow.status == status)
        if priority:
            query = query.where(CaseRow.priority == priority)
        if open_only:
            query = query.where(CaseRow.outcome.is_(None))
        if shop is not None:
            not_shop = CaseRow.notes.contains(NOT_A_SHOP)
            query = query.where(not_shop if not shop else or_(CaseRow.notes.is_(None), ~not_shop))
        if alert is not None:
            # a JSON list of matches (worker.alerts_json); '[]', NULL or unreadable: no flag
            alerted = CaseRow.alerts.is_not(None) & CaseRow.alerts.startswith("[{")
            query = query.where(alerted if alert else ~alerted)
        query = query.order_by(order, CaseRow.score.desc().nulls_last(), CaseRow.id).offset(offset)
        with self.session() as session:
            rows = list(session.scalars(query.limit(limit + 1)))
        more = len(rows) > limit
        return rows[:limit], _encode_cursor(offset + limit) if more else None

    def decided(self) -> list[CaseRow]:
        with self.session() as session:
            rows = list(
                session.scalars(
                    select(CaseRow).where(CaseRow.outcome.is_not(None)).order_by(CaseRow.id)
                )
            )
            for row in rows:
                _ = row.reports
            return rows


def check_id(case_id: int) -> None:
    """StoreError for an id no case can have (1 to 2**63 - 1), before the database sees it."""
    if not 1 <= case_id <= MAX_ID:
        raise StoreError(f"no case {case_id}")


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        offset = int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoreError(f"bad cursor {cursor!r}") from exc
    if kind != "o" or not 0 <= offset <= MAX_OFFSET:
        raise StoreError(f"bad cursor {cursor!r}")
    return offset
