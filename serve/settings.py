"""The service's settings, from the environment (SCAMRANK_*) with defaults, in one Settings.

API keys come as comma-separated entries `name:key:role` (the key's holder, recorded as the
author of their verdicts) or `key:role` (the holder is then named after the role). They are
checked when the settings are read, so that a weak or malformed key stops the service at
start-up instead of letting anyone in.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROLES = ("reader", "investigator")
MIN_KEY_LENGTH = 16
# Holder names show on pages and in verdicts: printable, short, no separators of the setting.
_HOLDER = re.compile(r"^[^\x00-\x1f\x7f:,]{1,100}$")


@dataclass(frozen=True)
class ApiKey:
    """One configured key: who holds it, the secret itself and what it may do."""

    holder: str
    key: str
    role: str

    @property
    def fingerprint(self) -> str:
        """A digest that names the key without revealing it (kept in sessions, idempotency)."""
        return hashlib.sha256(self.key.encode()).hexdigest()[:32]


def parse_api_keys(text: str) -> tuple[ApiKey, ...]:
    """The keys of a SCAMRANK_API_KEYS value; ValueError naming the first bad entry (by its
    position, holder and role: never the key itself, which would end up in logs)."""
    found: list[ApiKey] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.split(","), start=1):
        entry = raw.strip()
        if not entry:
            continue  # a trailing comma names no key
        parts = entry.split(":")
        where = f"SCAMRANK_API_KEYS entry {number}"
        if len(parts) == 2:
            key, role = parts
            holder = role
        elif len(parts) == 3:
            holder, key, role = parts
        else:
            raise ValueError(
                f"{where} has {len(parts) - 1} ':' separators: give `name:key:role` or "
                "`key:role` (a key may not hold ':' or ',')"
            )
        holder, role = holder.strip(), role.strip()
        where += f" (holder {holder!r}, role {role!r})"
        if role not in ROLES:
            raise ValueError(f"{where}: the role must be one of {', '.join(ROLES)}")
        if not _HOLDER.match(holder):
            raise ValueError(f"{where}: the holder's name must be 1 to 100 printable characters")
        if len(key) < MIN_KEY_LENGTH:
            raise ValueError(
                f"{where}: the key has {len(key)} characters, at least {MIN_KEY_LENGTH} are "
                "needed (make one with: python -c 'import secrets; print(secrets.token_urlsafe())')"
            )
        if key != key.strip() or any(ord(c) < 33 or ord(c) == 127 for c in key):
            raise ValueError(f"{where}: the key holds white space or control characters")
        if key in seen:
            raise ValueError(f"{where}: the same key is given twice")
        seen.add(key)
        found.append(ApiKey(holder=holder, key=key, role=role))
    return tuple(found)


class Settings(BaseSettings):
    # Errors must not echo the keys they refuse (they end up in logs and terminals).
    model_config = SettingsConfigDict(env_prefix="SCAMRANK_", hide_input_in_errors=True)

    database_url: str = "sqlite:///artifacts/cases.sqlite"
    model: str | None = None  # folder or MLflow URI; None: models:/scamrank@champion
    # Safety Gate alert index (`scamrank alerts update`) that scored cases' product listings are
    # matched against, for the "dangerous product" flag; None: no matching. `serve --alerts` wins.
    alerts: str | None = None
    # Folder of INSEE's SIRENE stock files the legal notices are checked against
    # (models/identity.py); None: no register, its facts unknown. `serve --register` wins.
    # Named register_folder because BaseSettings has a `register` attribute; read from
    # SCAMRANK_REGISTER all the same.
    register_folder: str | None = Field(
        default=None, validation_alias=AliasChoices("SCAMRANK_REGISTER", "register_folder")
    )
    evidence_dir: str = "artifacts/evidence"
    # `name:key:role` or `key:role` entries, comma separated; roles: "reader" (read the queue,
    # score pages it sends) and "investigator" (also live capture, reports and verdicts).
    # No keys: the service refuses every request.
    api_keys: str = ""
    max_body_bytes: int = Field(default=2_000_000, gt=0)
    max_urls_per_report: int = Field(default=1000, gt=0)
    allow_private: bool = False  # capture may reach private addresses (tests on 127.0.0.1 only)
    workers: int = Field(default=4, gt=0)  # cases captured and scored at once
    # Processes that score sites, fed from one queue (serve/scoring_pool.py); 0: scored on a
    # thread of the HTTP process itself. `scamrank serve` starts one per core unless this is set.
    scoring_processes: int = Field(default=0, ge=0, le=256)
    # Evidence of ad-hoc live scores (`POST /v1/score` with a URL): kept this long, at most this
    # much in all, the oldest removed first; pruned after each live score and at start-up.
    adhoc_keep_days: float = Field(default=7.0, gt=0)
    adhoc_max_bytes: int = Field(default=1_000_000_000, gt=0)
    # The triage page's sessions: signed with this secret (one made at start-up when unset; set
    # it when several worker processes serve, so that each accepts the others' sessions).
    session_secret: SecretStr | None = None
    session_hours: float = Field(default=12.0, gt=0)
    # Secure cookies: None follows the request's scheme (https: Secure), True/False forces it
    # (True behind a proxy that ends TLS).
    secure_cookies: bool | None = None
    idempotency_hours: float = Field(default=24.0, gt=0)
    # uvicorn: an idle keep-alive connection is closed after this long; a request's header
    # block may not exceed this many bytes (h11), so a slow or endless header cannot pin a slot.
    keep_alive_seconds: int = Field(default=5, gt=0)
    max_header_bytes: int = Field(default=16_384, ge=1024)

    @field_validator("api_keys")
    @classmethod
    def _keys_are_strong(cls, value: str) -> str:
        parse_api_keys(value)
        return value

    def api_key_list(self) -> tuple[ApiKey, ...]:
        """The configured API keys (checked when the settings were read)."""
        return parse_api_keys(self.api_keys)

    def keys(self) -> tuple[ApiKey, ...]:
        """The configured API keys (the command line checks there is at least one)."""
        return self.api_key_list()


def serving_processes(settings: Settings, option: int | None) -> int:
    """The scoring processes of `scamrank serve`: its option, else SCAMRANK_SCORING_PROCESSES
    when set, else one per core (the setting's default, 0, is for services built in code)."""
    if option is not None:
        return option
    if "scoring_processes" in settings.model_fields_set:
        return settings.scoring_processes
    return os.cpu_count() or 1


def read_settings() -> Settings:
    """The settings from the environment; ValueError with pydantic's messages alone (no input
    echoed, no class names) for a command line to show."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = "SCAMRANK_" + "_".join(map(str, error["loc"])).upper()
            message = error["msg"].removeprefix("Value error, ")
            problems.append(message if message.startswith(name) else f"{name}: {message}")
        raise ValueError("; ".join(problems)) from None


@cache
def get_settings() -> Settings:
    return Settings()
