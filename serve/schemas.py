"""Request and response bodies of the HTTP service, validated by pydantic."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator


class PageIn(BaseModel):
    url: str = Field(min_length=8, max_length=2048, pattern=r"^https?://")
    html: str = Field(max_length=5_000_000)


class ScoreRequest(BaseModel):
    """A URL to capture live, or pages already captured (with an optional RDAP record)."""

    url: str | None = Field(default=None, max_length=2048)
    pages: list[PageIn] | None = Field(default=None, min_length=1, max_length=50)
    rdap: dict | None = None
    reported_at: datetime | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ScoreRequest:
        if (self.url is None) == (self.pages is None):
            raise ValueError("give either `url` or `pages`, not both or neither")
        return self


class Reason(BaseModel):
    feature: str
    value: float | None
    weight: float
    text: str
    law: str | None


class ScoreResponse(BaseModel):
    url: str
    score: float | None
    priority: str | None
    reasons: list[Reason]
    model_version: str
    notes: list[str] = []


class ReportRequest(BaseModel):
    urls: list[str] = Field(min_length=1)
    reporter_ref: str | None = Field(default=None, max_length=255)
    reported_at: datetime | None = None


class Reported(BaseModel):
    case_id: int
    url: str
    merged: bool


class ReportResponse(BaseModel):
    cases: list[Reported]
    rejected: list[dict[str, str]] = []


class VerdictRequest(BaseModel):
    outcome: Literal["fraud", "legit"]
    who: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=5000)


class ScoreEntry(BaseModel):
    score: float
    priority: str
    model_version: str
    scored_at: datetime


class VerdictEntry(BaseModel):
    outcome: str
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
    evidence: str | None
    reported_at: datetime


class CaseDetail(CaseOut):
    reports: list[ReportEntry]
    score_history: list[ScoreEntry]
    verdicts: list[VerdictEntry]


class CasePage(BaseModel):
    cases: list[CaseOut]
    next_cursor: str | None
