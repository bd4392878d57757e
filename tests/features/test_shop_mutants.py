"""is_shop on feature rows built by hand: which values count as a sign of a shop (any positive
number) and which do not (zero, unknown, text that is no number)."""

from __future__ import annotations

import math

import pytest

from features.shop import is_shop


@pytest.mark.parametrize(
    ("row", "shop"),
    [
        ({"pay_card": 1}, True),  # one card method offered
        ({"price_min_over_median": 0.5}, True),  # a fraction is a sign too
        ({"price_max_discount": 0.05}, True),
        ({"pay_checkout_found": True}, True),
        ({"pay_card": 0}, False),
        ({"pay_card": -1.0}, False),
        ({"price_jsonld_offers": None}, False),  # unknown
        ({"price_min_over_median": math.nan}, False),  # unknown, as a stored table writes it
        ({"pay_card": "yes"}, False),  # not a number
        ({"pay_card": [1]}, False),
        ({}, False),
        ({"shop_signs": "cart price"}, True),
        ({"shop_signs": "  ", "pay_card": 0}, False),
        ({"shop_signs": None, "pay_paypal": 2}, True),
    ],
)
def test_a_sign_is_a_positive_number(row: dict[str, object], shop: bool) -> None:
    assert is_shop(row) is shop


def test_signs_outside_the_list_do_not_count() -> None:
    assert is_shop({"domain_age_days": 400.0, "text_urgency_phrases": 3}) is False
