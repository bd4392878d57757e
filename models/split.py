"""Time-forward splits that keep each operator on one side.

Cases are grouped when they share a registrable domain, a tracker ID, a seller identity (SIREN,
VAT number, e-mail) or a rare template fingerprint: the marks one operator leaves on all its shops.
A template shared by many sites is a common theme, not an operator, so it does not group.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

RARE_TEMPLATE_SHARE = 0.02  # a fingerprint on more than 2% of cases is a theme, not a kit


def _text(value: object) -> str:
    """A mark column's value as text; '' for None and for NaN (a table read back from CSV), which
    str() would turn into one shared "nan" linking every such case into one operator."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def operator_groups(rows: pd.DataFrame) -> np.ndarray:
    """A group number per row: rows linked by any shared operator mark share a number."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owners: dict[str, list[int]] = defaultdict(list)
    templates = rows["template"] if "template" in rows else pd.Series([""] * len(rows))
    template_counts = templates.value_counts()
    cap = max(2, int(RARE_TEMPLATE_SHARE * len(rows)))
    for i, row in enumerate(rows.itertuples(index=False)):
        marks = [f"domain:{row.domain}"]
        for column in ("trackers", "identity"):
            marks.extend(f"{column}:{v}" for v in _text(getattr(row, column, "")).split())
        template = _text(getattr(row, "template", ""))
        if template and template_counts.get(template, 0) <= cap:
            marks.append(f"template:{template}")
        for mark in marks:
            owners[mark].append(i)
    for members in owners.values():
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    return np.array([find(i) for i in range(len(rows))])


def time_forward_split(
    rows: pd.DataFrame, test_share: float = 0.2
) -> tuple[np.ndarray, np.ndarray]:
    """Row positions for training (older reports) and test (the newest `test_share`).

    Every test case is reported after every training case, and a test case whose operator also
    has a case in training is left out of the test (its verdict would leak from training)."""
    times = pd.to_datetime(rows["reported_at"], utc=True).to_numpy()
    order = np.argsort(times, kind="stable")
    cut = round(len(rows) * (1 - test_share))
    if cut <= 0 or cut >= len(rows):
        raise ValueError(f"cannot split {len(rows)} cases with a test share of {test_share}")
    boundary = times[order[cut]]
    train = np.flatnonzero(times < boundary)
    candidates = np.flatnonzero(times >= boundary)
    groups = operator_groups(rows)
    seen = set(groups[train].tolist())
    test = np.array([i for i in candidates if groups[i] not in seen], dtype=int)
    return train, test
