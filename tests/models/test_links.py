"""Linked operators: shared identifiers and near-identical templates make groups with stable
names, and the time-aware counts never see a later case or a later verdict."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models.links import (
    COMMON_FLOOR,
    LinkCase,
    link_operators,
    operator_id,
)

T0 = datetime(2025, 1, 1, tzinfo=UTC)
# Skeletons as a page gives them: 200 elements drawn from a few dozen tag-and-class pairs.
_TOKENS = [f"{tag}.c{n}" for tag in ("div", "span", "a", "li", "p", "img") for n in range(6)]
KIT = random.Random(1).choices(_TOKENS, k=200)
OTHER_KIT = random.Random(2).choices(_TOKENS, k=200)


def _case(case_id: str, day: int, **kwargs: Any) -> LinkCase:
    return LinkCase(case_id=case_id, reported_at=T0 + timedelta(days=day), **kwargs)


def _by_id(rows: list) -> dict:
    return {r.case_id: r for r in rows}


def test_a_shared_iban_links_two_cases_and_names_what_they_share() -> None:
    iban = "LT121000011101001000"
    cases = [
        _case("C1", 0, marks={"iban": [iban]}),
        _case("C2", 5, marks={"iban": [iban], "phone": ["+33142685300"]}),
        _case("C3", 6, marks={"phone": ["+33600000000"]}),
    ]
    rows, _ = link_operators(cases)
    by_id = _by_id(rows)
    assert by_id["C1"].operator == by_id["C2"].operator != by_id["C3"].operator
    assert by_id["C1"].linked_cases == by_id["C2"].linked_cases == 1
    assert by_id["C2"].shared == f"iban:{iban}"
    assert by_id["C3"].linked_cases == 0 and by_id["C3"].shared == ""


def test_links_chain_through_different_identifiers() -> None:
    cases = [
        _case("A", 0, marks={"phone": ["+33142685300"]}),
        _case("B", 1, marks={"phone": ["+33142685300"], "email": ["x@shop.fr"]}),
        _case("C", 2, marks={"email": ["x@shop.fr"], "tracker": ["G-ABC123"]}),
    ]
    rows, _ = link_operators(cases)
    assert len({r.operator for r in rows}) == 1
    assert _by_id(rows)["B"].shared == "email:x@shop.fr;phone:+33142685300"


def test_operator_names_are_the_same_on_every_run_and_order() -> None:
    cases = [_case(f"C{i:03}", i % 17, marks={"siren": [f"s{i % 5}"]}) for i in range(40)]
    first, _ = link_operators(cases)
    shuffled = cases[:]
    random.Random(3).shuffle(shuffled)
    second, _ = link_operators(shuffled)
    assert {r.case_id: r.operator for r in first} == {r.case_id: r.operator for r in second}
    assert _by_id(first)["C000"].operator == operator_id(["C000", "C005", "C010"])


def test_near_identical_templates_link_and_different_ones_do_not() -> None:
    tweaked = KIT[:]
    tweaked[100] = "div.promo"  # one element changed: the same kit
    cases = [
        _case("K1", 0, skeleton=KIT),
        _case("K2", 3, skeleton=tweaked),
        _case("O1", 4, skeleton=OTHER_KIT),
        _case("E1", 5, skeleton=["html", "body"]),  # too small to compare
    ]
    rows, _ = link_operators(cases)
    by_id = _by_id(rows)
    assert by_id["K1"].operator == by_id["K2"].operator
    assert by_id["K2"].shared == "template:K1"
    assert by_id["O1"].linked_cases == 0 and by_id["E1"].linked_cases == 0


def test_an_identifier_many_shops_show_does_not_link_them() -> None:
    host_phone = {"phone": ["+33100000000"]}  # a hosting company's number on every notice
    cases = [_case(f"C{i:03}", i, marks=host_phone) for i in range(COMMON_FLOOR + 1)]
    rows, _ = link_operators(cases)
    assert all(r.linked_cases == 0 for r in rows)


def test_counts_see_only_earlier_cases_and_verdicts_dated_before_the_report() -> None:
    iban = {"iban": ["LT121000011101001000"]}
    cases = [
        # decided fraud on day 3, before D's report
        _case("A", 0, marks=iban, outcome="fraud", decided_at=T0 + timedelta(days=3)),
        # legit without a date: counts from day 1 + 30
        _case("B", 1, marks=iban, outcome="legit"),
        # fraud decided on day 20, after D's report
        _case("C", 2, marks=iban, outcome="fraud", decided_at=T0 + timedelta(days=20)),
        _case("D", 10, marks=iban),
        _case("E", 40, marks=iban),
    ]
    _, counts = link_operators(cases)
    by_id = _by_id(counts)
    assert (by_id["A"].linked_before, by_id["A"].fraud_before) == (0, 0)
    assert (by_id["D"].linked_before, by_id["D"].fraud_before, by_id["D"].legit_before) == (3, 1, 0)
    assert (by_id["E"].linked_before, by_id["E"].fraud_before, by_id["E"].legit_before) == (4, 2, 1)


def test_a_link_made_only_by_a_later_case_is_not_seen_before_it() -> None:
    cases = [
        _case(
            "A",
            0,
            marks={"phone": ["+33142685300"]},
            outcome="fraud",
            decided_at=T0 + timedelta(days=1),
        ),
        _case("C", 5, marks={"email": ["x@shop.fr"]}),
        _case("B", 9, marks={"phone": ["+33142685300"], "email": ["x@shop.fr"]}),
    ]
    rows, counts = link_operators(cases)
    assert len({r.operator for r in rows}) == 1  # the investigator's view sees the whole group
    by_id = _by_id(counts)
    assert (by_id["C"].linked_before, by_id["C"].fraud_before) == (0, 0)  # B came later
    assert (by_id["B"].linked_before, by_id["B"].fraud_before) == (2, 1)


def test_a_verdict_dated_at_the_report_instant_is_not_before_it() -> None:
    mark = {"email": ["x@shop.fr"]}
    cases = [
        _case("A", 0, marks=mark, outcome="fraud", decided_at=T0 + timedelta(days=4)),
        _case("B", 4, marks=mark),
    ]
    _, counts = link_operators(cases)
    assert _by_id(counts)["B"].fraud_before == 0


def test_a_case_id_given_twice_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="case ids given more than once: C1"):
        link_operators([_case("C1", 0), _case("C1", 1)])


def test_a_kit_page_with_more_product_cards_is_the_same_template() -> None:
    longer = KIT[:150] + KIT[100:150] + KIT[150:]  # a block of cards repeated: more products
    rows, _ = link_operators([_case("K1", 0, skeleton=KIT), _case("K2", 1, skeleton=longer)])
    assert rows[0].operator == rows[1].operator


def test_a_template_used_by_many_shops_is_a_theme_and_does_not_link() -> None:
    cases = [_case(f"T{i:03}", i, skeleton=KIT) for i in range(COMMON_FLOOR + 1)]
    cases.append(_case("O1", 0, skeleton=OTHER_KIT))
    cases.append(_case("O2", 1, skeleton=OTHER_KIT))
    rows, _ = link_operators(cases)
    by_id = _by_id(rows)
    assert all(by_id[f"T{i:03}"].linked_cases == 0 for i in range(COMMON_FLOOR + 1))
    assert by_id["O1"].operator == by_id["O2"].operator
