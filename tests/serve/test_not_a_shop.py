"""A site that is not a shop keeps its score and priority; its note lets the queue route it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from serve.store import Store, make_engine, migrate
from serve.views import case_out

NOW = datetime(2026, 1, 5, tzinfo=UTC)


def _store(path: Path) -> Store:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return Store(engine)


def test_queue_filters_on_the_not_a_shop_note(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    shop = store.report("https://shop.fr/", "shop.fr", None, NOW).case_id
    portal = store.report("https://portal.fr/", "portal.fr", None, NOW).case_id
    bank = store.report("https://bank.fr/", "bank.fr", None, NOW).case_id
    store.record_score(shop, 0.5, "P2", "[]", "m", notes="no_record")
    store.record_score(portal, 0.95, "P1", "[]", "m", notes="no_record not_a_shop")
    store.record_score(bank, 0.1, "P3", "[]", "m", notes="not_a_shop")
    not_shops, _ = store.queue(limit=10, shop=False)
    assert [r.id for r in not_shops] == [portal, bank]
    assert [r.priority for r in not_shops] == ["P1", "P3"]  # score and priority kept
    shops, _ = store.queue(limit=10, shop=True)
    assert [r.id for r in shops] == [shop]
    assert len(store.queue(limit=10)[0]) == 3


def test_case_notes_are_shown_in_the_language_asked(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.sqlite")
    case_id = store.report("https://portal.fr/", "portal.fr", None, NOW).case_id
    store.record_score(case_id, 0.95, "P1", "[]", "m", notes="no_record not_a_shop")
    row = store.get(case_id)
    english = case_out(row, "en")
    assert english.notes == [
        "no registration record: the score rests on the pages alone",
        "not a shop",
    ]
    assert case_out(row, "fr").notes[0].startswith("pas d'enregistrement RDAP")
    assert case_out(row, "fr").notes[1] == "pas une boutique"
    assert english.reasons == []  # notes are not reasons: they carry no weight
