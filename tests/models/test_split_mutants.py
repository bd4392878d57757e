"""The time-forward split and the operator groups on tables small enough to split by hand: which
row positions go to training and which to test, and which rows one operator links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest

from models.split import operator_groups, time_forward_split

START = datetime(2024, 3, 1, tzinfo=UTC)


def _rows(days: list[int], **columns: list[str]) -> pd.DataFrame:
    """One case per entry of `days` (reported that many days after START), each on its own
    domain, with the extra columns given (trackers, identity, template)."""
    n = len(days)
    data: dict[str, list[object]] = {
        "case_id": [f"c{i}" for i in range(n)],
        "reported_at": [START + timedelta(days=d) for d in days],
        "domain": [f"shop{i}.fr" for i in range(n)],
    }
    data.update(columns)
    return pd.DataFrame(data)


# Reported out of order: position -> day. Sorted, the 8th of 10 (cut = round(10 * 0.8)) is day 8.
SHUFFLED = [3, 9, 0, 7, 1, 8, 2, 6, 4, 5]


def test_the_newest_fifth_is_the_test_by_default() -> None:
    train, test = time_forward_split(_rows(SHUFFLED))
    # Days 0-7 sit at positions 2, 4, 6, 0, 8, 9, 7, 3; days 8 and 9 at positions 5 and 1.
    assert train.tolist() == [0, 2, 3, 4, 6, 7, 8, 9]
    assert test.tolist() == [1, 5]


def test_a_larger_test_share_moves_the_boundary_back() -> None:
    # cut = round(10 * 0.7) = 7: the boundary is day 7 (position 3), so days 7, 8, 9 are tested.
    train, test = time_forward_split(_rows(SHUFFLED), 0.3)
    assert test.tolist() == [1, 3, 5]
    assert train.tolist() == [0, 2, 4, 6, 7, 8, 9]


def test_cases_reported_at_the_boundary_moment_all_go_to_test() -> None:
    # cut = 8 lands on one of three cases of day 7: none of them may train while another tests.
    train, test = time_forward_split(_rows([0, 1, 2, 3, 4, 5, 6, 7, 7, 7]), 0.2)
    assert train.tolist() == [0, 1, 2, 3, 4, 5, 6]
    assert test.tolist() == [7, 8, 9]


def test_a_test_case_whose_operator_trained_is_left_out() -> None:
    trackers = [""] * 10
    trackers[0] = "G-KIT1"  # trains (day 0)
    trackers[9] = "G-KIT1"  # would test (day 9): same operator, so left out
    train, test = time_forward_split(_rows(list(range(10)), trackers=trackers), 0.2)
    assert train.tolist() == list(range(8))
    assert test.tolist() == [8]


@pytest.mark.parametrize("share", [0.0, 1.0, -0.5, 1.5])
def test_a_share_that_leaves_one_side_empty_is_refused(share: float) -> None:
    with pytest.raises(ValueError, match=rf"^cannot split 10 cases with a test share of {share}$"):
        time_forward_split(_rows(SHUFFLED), share)


def test_a_single_case_cannot_be_split() -> None:
    with pytest.raises(ValueError, match="cannot split 1 cases"):
        time_forward_split(_rows([0]), 0.5)


def test_groups_are_numbered_by_the_first_case_of_each_operator() -> None:
    rows = _rows(
        [0] * 6,
        trackers=["", "G-A UA-1", "", "", "UA-1", ""],  # 1 and 4 share UA-1
        identity=["", "", "x@y.fr", "", "", "x@y.fr"],  # 2 and 5 share an e-mail
        template=["kit", "", "", "kit", "", ""],  # a kit on 2 of 6 cases: rare, so 0 and 3
    )
    assert operator_groups(rows).tolist() == [0, 1, 2, 0, 1, 2]


def test_links_chain_across_marks() -> None:
    # 0-1 share a tracker, 1-2 an identity, 2-3 a domain: one operator for all four, numbered 0.
    rows = _rows([0] * 5, trackers=["T1", "T1", "", "", ""], identity=["", "I1", "I1", "", ""])
    rows.loc[3, "domain"] = rows.loc[2, "domain"]
    assert operator_groups(rows).tolist() == [0, 0, 0, 0, 4]


def test_cases_without_marks_columns_stand_alone() -> None:
    assert operator_groups(_rows([0, 1, 2])).tolist() == [0, 1, 2]


def test_empty_marks_link_nothing() -> None:
    rows = _rows([0] * 4, trackers=[""] * 4, identity=[""] * 4, template=[""] * 4)
    assert operator_groups(rows).tolist() == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("cases", "sharing", "linked"),
    [
        (10, 2, True),  # cap max(2, int(0.2)) = 2: a fingerprint on 2 cases is a kit
        (10, 3, False),  # on 3 of 10 it is a theme
        (200, 4, True),  # cap int(0.02 * 200) = 4
        (200, 5, False),
    ],
)
def test_only_rare_templates_link(cases: int, sharing: int, linked: bool) -> None:
    template = ["dawn"] * sharing + [f"own{i}" for i in range(cases - sharing)]
    groups = operator_groups(_rows([0] * cases, template=template)).tolist()
    expected_first = [0] * sharing if linked else list(range(sharing))
    assert groups[:sharing] == expected_first
    assert groups[sharing:] == list(range(sharing, cases))


def test_one_training_case_is_enough() -> None:
    # cut = round(5 * 0.2) = 1: the oldest case trains, the four others test.
    train, test = time_forward_split(_rows([4, 0, 3, 1, 2]), 0.8)
    assert train.tolist() == [1]
    assert test.tolist() == [0, 2, 3, 4]


def test_report_times_in_other_offsets_are_compared_as_instants() -> None:
    # 10:30+02:00 is 08:30 UTC, before 09:00Z: compared as text or local time it would be later.
    rows = _rows([0, 0, 0, 0, 0])
    rows["reported_at"] = [
        "2024-03-01T07:00:00Z",
        "2024-03-01T10:30:00+02:00",
        "2024-03-01T08:00:00Z",
        "2024-03-01T09:00:00Z",
        "2024-03-01T09:30:00Z",
    ]
    # In UTC: 07:00 (0), 08:00 (2), 08:30 (1), 09:00 (3), 09:30 (4); cut = 4 -> boundary 09:30.
    train, test = time_forward_split(rows, 0.2)
    assert train.tolist() == [0, 1, 2, 3]
    assert test.tolist() == [4]


def test_an_emptied_test_side_is_still_an_array_of_positions() -> None:
    # Both test candidates belong to a training operator: none is left, and the empty result
    # must still index rows.
    rows = _rows(list(range(5)), trackers=["K", "", "", "K", "K"])
    train, test = time_forward_split(rows, 0.4)
    assert train.tolist() == [0, 1, 2]
    assert test.tolist() == []
    assert test.dtype.kind == "i"
    assert rows.iloc[test].empty
