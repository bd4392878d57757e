"""The service's settings, from the environment (SCAMRANK_*) with defaults, in one Settings."""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCAMRANK_")

    database_url: str = "sqlite:///artifacts/cases.sqlite"
    model: str | None = None  # folder or MLflow URI; None: models:/scamrank@champion
    evidence_dir: str = "artifacts/evidence"
    # "key:role" pairs, comma separated; roles: "reader" (read the queue) and "investigator"
    # (also report cases and record verdicts). No keys: the service refuses every request.
    api_keys: str = ""
    max_body_bytes: int = Field(default=2_000_000, gt=0)
    max_urls_per_report: int = Field(default=1000, gt=0)
    allow_private: bool = False  # capture may reach private addresses (tests on 127.0.0.1 only)
    workers: int = Field(default=4, gt=0)  # cases captured and scored at once

    def keys(self) -> dict[str, str]:
        """API key -> role."""
        pairs = (item.strip().rsplit(":", 1) for item in self.api_keys.split(",") if item.strip())
        return {key: role for key, role in pairs if role in {"reader", "investigator"}}


@cache
def get_settings() -> Settings:
    return Settings()
