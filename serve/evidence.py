"""Bounds on the evidence that ad-hoc live scores leave behind.

Every `POST /v1/score` with a URL captures the site into its own `adhoc-*` folder (the evidence
of what was scored). Those folders are kept `adhoc_keep_days` at most and `adhoc_max_bytes` in
all, the oldest removed first, so that repeated requests cannot fill the disk. Case evidence
(`case-*` folders) is never touched here: it belongs to a case and is exported with it.
"""

from __future__ import annotations

import secrets
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

ADHOC_PREFIX = "adhoc-"
# A folder written in the last minute may still be in use by a capture under way.
_IN_USE_SECONDS = 60.0


def adhoc_folder(evidence_dir: Path) -> Path:
    """A fresh folder name for one ad-hoc capture (time first, so names sort by age)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return evidence_dir / f"{ADHOC_PREFIX}{stamp}-{secrets.token_hex(4)}"


def _size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
        except OSError:  # removed while we looked: it no longer counts
            continue
    return total


def prune_adhoc(evidence_dir: Path, keep_days: float, max_bytes: int) -> list[Path]:
    """Remove ad-hoc evidence folders older than `keep_days`, then the oldest ones until the
    rest take at most `max_bytes`. Returns the folders removed."""
    if not evidence_dir.is_dir():
        return []
    now = time.time()
    folders = []
    for folder in evidence_dir.iterdir():
        if not folder.name.startswith(ADHOC_PREFIX) or not folder.is_dir():
            continue
        try:
            folders.append((folder.stat().st_mtime, folder))
        except OSError:
            continue
    folders.sort()
    removed: list[Path] = []
    kept: list[tuple[float, Path, int]] = []
    for mtime, folder in folders:
        if now - mtime > keep_days * 86400:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        else:
            kept.append((mtime, folder, _size(folder)))
    total = sum(size for _, _, size in kept)
    for mtime, folder, size in kept:  # oldest first
        if total <= max_bytes:
            break
        if now - mtime < _IN_USE_SECONDS and folder is kept[-1][1]:
            break  # never the capture that has just been written
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
        total -= size
    return removed
