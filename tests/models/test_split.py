from datetime import UTC, datetime, timedelta

import pandas as pd

from models.split import operator_groups, time_forward_split


def _rows(n: int = 50) -> pd.DataFrame:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return pd.DataFrame(
        {
            "case_id": [f"c{i}" for i in range(n)],
            "reported_at": [
                start + timedelta(days=(i * 7) % n) for i in range(n)
            ],  # not in time order
            "domain": [f"shop{i}.fr" for i in range(n)],
            "trackers": [""] * n,
            "identity": [""] * n,
            "template": [f"t{i}" for i in range(n)],
        }
    )


def test_no_test_case_is_older_than_a_training_case() -> None:
    rows = _rows()
    train, test = time_forward_split(rows, 0.2)
    assert len(test) > 0
    assert rows["reported_at"].iloc[train].max() < rows["reported_at"].iloc[test].min()


def test_an_operator_never_stands_on_both_sides() -> None:
    rows = _rows()
    newest = rows["reported_at"].idxmax()
    oldest = rows["reported_at"].idxmin()
    rows.loc[newest, "trackers"] = "G-KIT123"
    rows.loc[oldest, "trackers"] = "G-KIT123 UA-1-1"
    rows.loc[rows["reported_at"].nlargest(2).index[1], "domain"] = rows.loc[oldest, "domain"]
    train, test = time_forward_split(rows, 0.2)
    groups = operator_groups(rows)
    assert set(groups[train]).isdisjoint(groups[test])
    assert newest not in test


def test_shared_identity_links_cases() -> None:
    rows = _rows(6)
    rows.loc[0, "identity"] = "732829320 contact@x.fr"
    rows.loc[5, "identity"] = "contact@x.fr"
    groups = operator_groups(rows)
    assert groups[0] == groups[5] and len(set(groups)) == 5


def test_a_common_theme_does_not_link_unrelated_shops() -> None:
    rows = _rows(200)
    rows["template"] = "dawn-theme"
    assert len(set(operator_groups(rows))) == 200


def test_missing_marks_read_back_from_csv_link_nothing(tmp_path) -> None:
    # A table written to CSV and read back has NaN where a case had no tracker, identity or
    # template: that must not become one shared "nan" mark linking every such case.
    rows = pd.DataFrame(
        {
            "domain": ["a.fr", "b.fr", "c.fr", "d.fr"],
            "trackers": ["UA-1", "", "", "UA-1"],
            "identity": ["", "", "", ""],
            "template": ["", "", "", ""],
        }
    )
    rows.to_csv(tmp_path / "rows.csv", index=False)
    read_back = pd.read_csv(tmp_path / "rows.csv")
    assert read_back["identity"].isna().all()  # what the bug fed operator_groups
    groups = operator_groups(read_back)
    assert groups[0] == groups[3]  # the shared tracker still links
    assert len({groups[0], groups[1], groups[2]}) == 3  # the cases without marks stay apart
