"""Linked operators: cases that share a strong identifier (SIREN, VAT number, IBAN, phone, e-mail,
analytics or advertising ID) or a near-identical page template are one operator's shops.

Cases are nodes of a graph (networkx); a shared identifier or a near-identical skeleton (MinHash
with datasketch's LSH, so a million sites stay tractable) is an edge; an operator is a connected
component, named by a hash of its smallest case id, so the same input gives the same names.

The link features are time-aware and leak nothing: for a case reported at t, the graph holds only
the cases reported up to t, and a verdict counts only when dated before t (its `decided_at`, or
the report plus 30 days when the verdict has no date).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

import networkx as nx
import numpy as np
from datasketch import MinHash, MinHashLSH
from networkx.utils import UnionFind

VERDICT_DELAY = timedelta(days=30)  # a verdict without a date counts from report + 30 days
STRONG_KINDS = ("siren", "vat", "iban", "phone", "email", "tracker")
# An identifier or template held by more than this share of cases (and by more than
# COMMON_FLOOR cases) is a platform's, a host's or a theme's, not an operator's: it does not link.
COMMON_SHARE = 0.02
COMMON_FLOOR = 20
TEMPLATE_THRESHOLD = 0.9  # estimated Jaccard similarity of skeleton shingles
SHINGLE = 5  # consecutive skeleton elements per shingle
NUM_PERM = 128
_MASK = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class LinkCase:
    """What linking needs of one case: when it was reported, its verdict, its marks."""

    case_id: str
    reported_at: datetime
    outcome: str | None = None  # "fraud", "legit" or None
    decided_at: datetime | None = None
    marks: Mapping[str, Iterable[str]] = field(default_factory=dict)  # kind -> values
    skeleton: Sequence[str] = ()  # features.skeleton.page_skeleton of its landing page


@dataclass(frozen=True)
class LinkRow:
    """One row of links.csv: the case's operator over all the cases given (an investigator's
    view, not a feature: it sees later cases too)."""

    case_id: str
    operator: str
    linked_cases: int
    shared: str  # "kind:value" marks it shares with other cases, ";"-separated


@dataclass(frozen=True)
class LinkCounts:
    """The time-aware link features of one case, as of its report."""

    case_id: str
    linked_before: int  # linked cases reported up to the report
    fraud_before: int  # of them, confirmed fraud by a verdict dated before the report
    legit_before: int  # of them, confirmed genuine by a verdict dated before the report


def verdict_time(case: LinkCase) -> datetime | None:
    """When the case's verdict became known (never before its report); None without one."""
    if case.outcome not in ("fraud", "legit"):
        return None
    when = case.decided_at or case.reported_at + VERDICT_DELAY
    return max(when, case.reported_at)


def operator_id(case_ids: Iterable[str]) -> str:
    """A group's name: a hash of its smallest case id, the same on every run."""
    return "op-" + hashlib.sha256(min(case_ids).encode()).hexdigest()[:12]


def common_cap(count: int) -> int:
    """Held by more of `count` cases than this, a mark links nothing (see COMMON_SHARE)."""
    return max(COMMON_FLOOR, int(COMMON_SHARE * count))


def _order(cases: Sequence[LinkCase]) -> list[int]:
    return sorted(range(len(cases)), key=lambda i: (cases[i].reported_at, cases[i].case_id))


def identifier_edges(cases: Sequence[LinkCase]) -> list[tuple[int, int, str]]:
    """Edges (earliest holder, later holder, mark) for every strong identifier held by two or
    more cases and by no more than the common cap. A star to the earliest holder keeps, at every
    date, the same components as linking every pair."""
    owners: dict[str, list[int]] = defaultdict(list)
    for i in _order(cases):
        for kind in STRONG_KINDS:
            for value in dict.fromkeys(cases[i].marks.get(kind, ())):
                if value:
                    owners[f"{kind}:{value}"].append(i)
    cap = common_cap(len(cases))
    return [
        (holders[0], other, mark)
        for mark, holders in owners.items()
        if 1 < len(holders) <= cap
        for other in holders[1:]
    ]


class _Signer:
    """MinHash signatures of skeletons, sharing one set of permutations. Shingles are hashed in
    numpy from per-token hashes (a stable hash, so every run and input order agrees)."""

    def __init__(self) -> None:
        first = MinHash(num_perm=NUM_PERM, seed=1)
        self._permutations, self._scheme = first.permutations, first.scheme
        self._tokens: dict[str, int] = {}

    def _token(self, token: str) -> int:
        value = self._tokens.get(token)
        if value is None:
            digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
            value = self._tokens[token] = int.from_bytes(digest, "little")
        return value

    def sign(self, skeleton: Sequence[str]) -> MinHash | None:
        if len(skeleton) < SHINGLE:
            return None  # too small a page to tell a kit from chance
        known = self._tokens
        ids = np.array([known.get(t) or self._token(t) for t in skeleton], np.uint64)
        count = len(ids) - SHINGLE + 1
        shingles = np.zeros(count, np.uint64)
        for offset in range(SHINGLE):  # FNV-style mix of SHINGLE consecutive token hashes
            shingles = ((shingles * np.uint64(16777619)) ^ ids[offset : offset + count]) & _MASK
        signature = MinHash(
            num_perm=NUM_PERM,
            seed=1,
            hashfunc=_as_is,
            permutations=self._permutations,
            scheme=self._scheme,
        )
        signature.update_batch(np.unique(shingles).tolist())
        return signature


def _as_is(value: int) -> int:
    return value


@cache
def _lsh_bands() -> tuple[int, int]:
    """The LSH bands and rows for TEMPLATE_THRESHOLD, worked out once: datasketch integrates
    the false-positive and false-negative curves for every (b, r) pair each time an index is
    built, about 60 ms, which the service paid on every `/v1/score`."""
    index = MinHashLSH(threshold=TEMPLATE_THRESHOLD, num_perm=NUM_PERM)
    return index.b, index.r


def template_edges(cases: Sequence[LinkCase]) -> list[tuple[int, int, str]]:
    """Edges between cases whose skeletons are near-identical (LSH candidates confirmed by the
    estimated Jaccard similarity), except for templates so widespread they are themes.

    Cases with identical signatures (one kit, unchanged) are compared once: each links to the
    group's earliest case, and near-identical groups link through their earliest cases, which
    keeps, at every date, the components that linking every pair would give."""
    if len(cases) < 2:
        return []  # nothing to link to: the service's new site when no stored case shares a mark
    signer = _Signer()
    groups: dict[bytes, list[int]] = defaultdict(list)
    signatures: dict[bytes, MinHash] = {}
    for i in _order(cases):
        signature = signer.sign(cases[i].skeleton)
        if signature is not None:
            key = signature.hashvalues.tobytes()
            groups[key].append(i)
            signatures.setdefault(key, signature)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
    for key, signature in signatures.items():
        lsh.insert(key, signature)
    near = {
        key: [
            other
            for other in lsh.query(signature)
            if other != key and signature.jaccard(signatures[other]) >= TEMPLATE_THRESHOLD
        ]
        for key, signature in signatures.items()
    }
    cap = common_cap(len(cases))
    themes = {
        key
        for key, members in groups.items()
        if len(members) + sum(len(groups[other]) for other in near[key]) > cap
    }
    edges = []
    for key, members in groups.items():
        if key in themes:
            continue  # a template many unrelated shops use
        first = members[0]
        edges += [(first, m, f"template:{cases[first].case_id}") for m in members[1:]]
        for other in near[key]:
            if other in themes or other < key:
                continue  # each pair of groups once
            a, b = sorted(
                (first, groups[other][0]), key=lambda k: (cases[k].reported_at, cases[k].case_id)
            )
            edges.append((a, b, f"template:{cases[a].case_id}"))
    return edges


def link_graph(cases: Sequence[LinkCase]) -> nx.Graph:
    """The case graph: a node per case (its position), an edge per shared mark, with the marks
    in the edge's `marks` set."""
    graph = nx.Graph()
    graph.add_nodes_from(range(len(cases)))
    for first, later, mark in identifier_edges(cases) + template_edges(cases):
        if graph.has_edge(first, later):
            graph.edges[first, later]["marks"].add(mark)
        else:
            graph.add_edge(first, later, marks={mark})
    return graph


def operator_rows(cases: Sequence[LinkCase], graph: nx.Graph) -> list[LinkRow]:
    """One LinkRow per case, in the order given."""
    rows: dict[int, LinkRow] = {}
    for component in nx.connected_components(graph):
        name = operator_id(cases[i].case_id for i in component)
        for i in component:
            shared = {m for j in graph[i] for m in graph.edges[i, j]["marks"]}
            rows[i] = LinkRow(cases[i].case_id, name, len(component) - 1, ";".join(sorted(shared)))
    return [rows[i] for i in range(len(cases))]


def link_counts(cases: Sequence[LinkCase], graph: nx.Graph) -> list[LinkCounts]:
    """The time-aware link features of every case, in the order given (see the module's note).

    Cases are added in report order; at each report time, first the verdicts dated strictly
    before it are counted, then the cases reported at that instant and the edges they bring."""
    groups = UnionFind(range(len(cases)))  # networkx's: the components as they grow
    counts = [[0, 0, 0] for _ in cases]  # per group root: cases, fraud and legit verdicts
    verdicts = sorted(
        (when, i) for i, c in enumerate(cases) if (when := verdict_time(c)) is not None
    )
    edges_at: dict[datetime, list[tuple[int, int]]] = defaultdict(list)
    for a, b in graph.edges:
        edges_at[max(cases[a].reported_at, cases[b].reported_at)].append((a, b))
    at_time: dict[datetime, list[int]] = defaultdict(list)
    for i in _order(cases):
        at_time[cases[i].reported_at].append(i)
    result: dict[int, LinkCounts] = {}
    next_verdict = 0
    for when in sorted(at_time):
        while next_verdict < len(verdicts) and verdicts[next_verdict][0] < when:
            i = verdicts[next_verdict][1]
            counts[groups[i]][1 if cases[i].outcome == "fraud" else 2] += 1
            next_verdict += 1
        for i in at_time[when]:
            counts[i][0] += 1
        for a, b in edges_at.get(when, ()):
            first, second = groups[a], groups[b]
            if first != second:
                groups.union(first, second)
                merged = [x + y for x, y in zip(counts[first], counts[second], strict=True)]
                counts[groups[a]] = merged
        for i in at_time[when]:
            total, fraud, legit = counts[groups[i]]
            result[i] = LinkCounts(cases[i].case_id, total - 1, fraud, legit)
    return [result[i] for i in range(len(cases))]


def link_operators(cases: Sequence[LinkCase]) -> tuple[list[LinkRow], list[LinkCounts]]:
    """The operator rows (links.csv) and the time-aware features of the cases, in their order."""
    twice = sorted(c for c, n in Counter(c.case_id for c in cases).items() if n > 1)[:5]
    if twice:
        raise ValueError(f"case ids given more than once: {', '.join(twice)}")
    graph = link_graph(cases)
    return operator_rows(cases, graph), link_counts(cases, graph)
