"""The types every stage shares: a captured page, a domain's RDAP record, and a site to score."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

OUTCOMES = ("fraud", "legit")


@dataclass(frozen=True)
class Page:
    """One HTML page of a site as it was captured, after redirects were followed."""

    url: str  # the final URL, after redirects
    html: str  # decoded text
    status: int  # HTTP status of the final response
    charset: str  # the charset the bytes were decoded with
    captured_at: datetime | None = None  # WARC-Date, UTC
    requested_url: str | None = None  # the URL first asked for, when a redirect led here


@dataclass(frozen=True)
class RdapRecord:
    """The facts scamrank reads from an RDAP domain object (RFC 9083)."""

    domain: str
    registered_at: datetime | None = None
    expires_at: datetime | None = None
    last_changed_at: datetime | None = None
    registrar: str | None = None
    statuses: tuple[str, ...] = ()
    registrant_redacted: bool | None = None  # None: no registrant entity to judge from


@dataclass(frozen=True)
class Case:
    """One row of cases.csv."""

    case_id: str
    url: str
    reported_at: datetime  # UTC
    outcome: str | None  # "fraud", "legit" or None when unknown
    extra: dict[str, str] = field(default_factory=dict)
    decided_at: datetime | None = None  # UTC time of the verdict, when cases.csv gives it


@dataclass(frozen=True)
class Site:
    """Everything known about one reported site, as of its report: the unit that gets scored."""

    case: Case
    domain: str  # registrable domain of the case URL
    pages: tuple[Page, ...] = ()  # the landing page first, when it was captured
    rdap: RdapRecord | None = None
    notes: tuple[str, ...] = ()  # what went wrong while reading this site's captures
    non_html_skipped: int = 0  # responses of this site that were not HTML

    @property
    def case_id(self) -> str:
        return self.case.case_id

    @property
    def url(self) -> str:
        return self.case.url

    @property
    def reported_at(self) -> datetime:
        return self.case.reported_at
