"""Request and response bodies of the HTTP service, validated by pydantic."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, model_validator

# Reported URLs: at most 2,048 characters, no NUL or other control characters (they cannot be
# part of a URL and have been used to split what a log or a spreadsheet shows).
URL_MAX = 2048
_NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
UrlText = Annotated[str, Field(min_length=1, max_length=URL_MAX, pattern=_NO_CONTROL)]


def _in_utc(value: datetime) -> datetime:
    """The time in UTC; a time whose UTC form falls outside the calendar is refused."""
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the time is out of range once converted to UTC") from exc


# A time with its zone (a time without one is ambiguous: refused, naming the field).
ReportTime = Annotated[AwareDatetime, AfterValidator(_in_utc)]


class PageIn(BaseModel):
    url: str = Field(min_length=8, max_length=URL_MAX, pattern=r"^https?://[^\x00-\x20\x7f]*$")
    html: str = Field(max_length=5_000_000)


class ScoreRequest(BaseModel):
    """A URL to capture live, or pages already captured (with an optional RDAP record)."""

    url: UrlText | None = None
    pages: list[PageIn] | None = Field(default=None, min_length=1, max_length=50)
    rdap: dict | None = None
    reported_at: ReportTime | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ScoreRequest:
        if (self.url is None) == (self.pages is None):
            raise ValueError("give either `url` or `pages`, not both or neither")
        return self


class Problem(BaseModel):
    """Every error answer: a sentence, or the list of validation errors, or (for a report with
    no usable URL) the rejected lines."""

    detail: str | dict[str, Any] | list[dict[str, Any]]


class Reason(BaseModel):
    feature: str
    value: float | None
    weight: float
    text: str
    law: str | None


class AlertMatch(BaseModel):
    """A product the site sells that an EU Safety Gate alert names: evidence of a dangerous
    product beside the score, never part of it."""

    reference: str = Field(description="The alert's Safety Gate reference.")
    listing: str = Field(description="The product as the site lists it.")
    risk: str = Field(description="The alert's risk type (choking, fire, chemical...).")
    how: Literal["barcode", "model", "name"] = Field(
        description="How the listing matched: its barcode, its model number, or brand and name."
    )
    score: float = Field(description="How closely (0-100; 100 for a barcode or model number).")
    url: str = Field(description="The page the listing is on.")


class ScoreResponse(BaseModel):
    url: str
    score: float | None
    priority: str | None
    reasons: list[Reason]
    model_version: str
    notes: list[str] = []
    alerts: list[AlertMatch] = Field(
        default=[],
        description="The Safety Gate alerts the pages' product listings match (when the service "
        "has an alert index); they never change the score.",
    )


class ReportRequest(BaseModel):
    # Each URL is checked on its own: a bad line is listed in `rejected`, the others go on.
    urls: list[str] = Field(min_length=1)
    reporter_ref: str | None = Field(default=None, max_length=255, pattern=_NO_CONTROL)
    reported_at: ReportTime | None = None


class Reported(BaseModel):
    case_id: int
    url: str
    merged: bool


class ReportResponse(BaseModel):
    cases: list[Reported]
    rejected: list[dict[str, str]] = []


class VerdictRequest(BaseModel):
    outcome: Literal["fraud", "legit"]
    # A note on who decided (for instance a colleague on the phone); the verdict's author is
    # always the holder of the key that records it.
    who: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=5000)


class ScoreEntry(BaseModel):
    score: float
    priority: str
    model_version: str
    scored_at: datetime


class VerdictEntry(BaseModel):
    outcome: str
    author: str | None  # the holder of the key that recorded it (None: recorded before names)
    who: str
    note: str | None
    decided_at: datetime


class ReportEntry(BaseModel):
    url: str
    reporter_ref: str | None
    reported_at: datetime


class CaseOut(BaseModel):
    id: int
    url: str
    domain: str
    status: str
    error: str | None
    score: float | None
    priority: str | None
    reasons: list[Reason]
    model_version: str | None
    outcome: str | None
    evidence: str | None  # the evidence folder: shown to investigators only
    reported_at: datetime
    notes: list[str] = []  # weightless facts (missing evidence, not a shop), in the language asked
    dangerous_product: bool = Field(
        default=False,
        description="The site sells a product of an EU Safety Gate alert (see `alerts`). A flag "
        "beside the score: it never changes the score or the priority.",
    )
    alerts_checked: bool = Field(
        default=False,
        description="Whether the latest score matched the listings against an alert index "
        "(false: the service runs without one, so no flag can be raised).",
    )
    alerts: list[AlertMatch] = Field(
        default=[], description="The Safety Gate alerts the site's product listings match."
    )


class SharedMark(BaseModel):
    kind: Literal["siren", "vat", "iban", "phone", "email", "tracker", "template"]
    value: str = Field(description="The identifier itself; for `template`, a signature.")
    text: str = Field(description="The mark as an investigator reads it, in the language asked.")


class LinkedCase(BaseModel):
    """Another case that shares an operator mark with this one (the same operator, likely)."""

    id: int
    url: str
    status: str
    outcome: str | None = Field(description="Its verdict: `fraud`, `legit`, or null (open).")
    priority: str | None
    shared: list[SharedMark] = Field(description="The marks both cases' latest scores found.")


class CaseDetail(CaseOut):
    reports: list[ReportEntry]
    score_history: list[ScoreEntry]
    verdicts: list[VerdictEntry]
    linked_cases: list[LinkedCase] = Field(
        default=[],
        description="Cases sharing a strong identifier (SIREN, VAT number, IBAN, phone, e-mail, "
        "tracker ID) or the page template with this one, most recent first. A fraud verdict "
        "here raises each open linked case one priority level (P3 to P2, P2 to P1), once, "
        "with a note naming the verdict; its score is unchanged.",
    )


class CasePage(BaseModel):
    cases: list[CaseOut]
    next_cursor: str | None
