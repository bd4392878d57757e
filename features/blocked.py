"""Blocked pages: a page the capture reached but was not let in (an error status, a bot challenge,
a captcha wall). What such a page would have said is unknown; it must never read as "no legal
notice" or "no payment method", which a fraud ranking would take as a sign of fraud."""

from __future__ import annotations

import re2

from features.lexicon import found
from features.parse import ParsedPage

# Statuses that mean "not for you", not "not here": 401 (login), 403 (forbidden, the usual bot
# wall), 429 (rate limited), 503 (Cloudflare and others answer challenges with it).
BLOCKING_STATUSES = frozenset({401, 403, 429, 503})

# Titles of challenge and denial pages: Cloudflare, Akamai, Incapsula, Sucuri, generic walls.
# RE2, like the word lists: one linear pass over up to 200 KB of HTML per page, where Python's
# `re` tried each alternative at every position (a third of the pipeline's time).
_CHALLENGE_TITLE = re2.compile(
    r"(?i)just a moment|attention required|access denied|accès refusé|zugriff verweigert"
    r"|acceso denegado|accesso negato|are you (?:a )?human|verify(?:ing)? you are human"
    r"|security check|request unsuccessful|pardon our interruption|robot check"
)
# Marks in the HTML of bot-protection walls. Cloudflare's challenge script options
# (`_cf_chl_opt`, `cf-chl-*`), DataDome's captcha host, PerimeterX/HUMAN's block page, Akamai's
# denial reference and Incapsula's iframe. Cloudflare's `challenge-platform` script alone is not
# one: it is injected into ordinary pages too.
_WALL_MARKS = re2.compile(
    r"(?i)cf[-_]chl|captcha-delivery\.com|geo\.captcha|\bdatadome\b|px-captcha|_pxAppId|perimeterx"
    r"|errors\.edgesuite\.net|Reference&#32;&#35;|_Incapsula_Resource|incapsula incident"
)
_CAPTCHA_MARKS = re2.compile(
    r"(?i)g-recaptcha|h-captcha|hcaptcha\.com|cf-turnstile|recaptcha/api|\bcaptcha\b"
)
# A wall has little to read; a real page with a captcha on its contact form has much more.
WALL_MAX_TEXT = 1500


_MEMO = "block_reason"  # the key of a page's reason in its memo


def block_reason(page: ParsedPage) -> str | None:
    """Why a page's content could not be read ('403', 'bot challenge', 'captcha'), or None when
    it reads as a page. Read once a page: the blocked roles and the payment features both ask."""
    if _MEMO not in page.memo:
        page.memo[_MEMO] = _block_reason(page)
    reason = page.memo[_MEMO]
    return reason if isinstance(reason, str) else None


def _block_reason(page: ParsedPage) -> str | None:
    if page.status in BLOCKING_STATUSES:
        return str(page.status)
    if len(page.text) > WALL_MAX_TEXT:
        return None
    # Searched as bytes, encoded once: RE2 given a str encodes it again for every search.
    head = page.html[:200_000].encode()
    if _CHALLENGE_TITLE.search(page.title) or found(_WALL_MARKS, head):
        return "bot challenge"
    if found(_CAPTCHA_MARKS, head):
        return "captcha"
    return None


_ROLE_NAMES = {
    "legal": ("legal notice page", "page des mentions légales"),
    "terms": ("terms page", "page des conditions générales"),
    "contact": ("contact page", "page de contact"),
    "checkout": ("checkout page", "page de paiement"),
    "returns": ("returns page", "page des retours"),
}


def blocked_roles(pages: list[ParsedPage]) -> dict[str, str]:
    """Roles whose every page was blocked, each with the first page's reason. A role that one
    readable page plays is known, whatever its other pages said."""
    blocked: dict[str, str] = {}
    read: set[str] = set()
    for page in pages:
        reason = block_reason(page)
        for role in page.roles:
            if reason is None:
                read.add(role)
            else:
                blocked.setdefault(role, reason)
    return {role: reason for role, reason in blocked.items() if role not in read}


def blocked_notes(blocked: dict[str, str]) -> list[str]:
    """One note per blocked role, in English and French, for the row's `notes` column."""
    notes = []
    for role, reason in sorted(blocked.items()):
        en, fr = _ROLE_NAMES.get(role, (f"{role} page", f"page {role}"))
        notes.append(
            f"{en} blocked ({reason}): its facts are unknown / {fr} bloquée ({reason}) :"
            " ses informations sont inconnues"
        )
    return notes
