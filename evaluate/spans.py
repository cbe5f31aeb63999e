"""Span arithmetic shared by the metrics: interval unions, weighted lengths, overlaps, token sets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import numpy as np

Interval = tuple[int, int]
_TOKEN = re.compile(r"\w+")


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of half-open intervals as sorted, disjoint intervals."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def non_space_prefix(text: str) -> np.ndarray:
    """`prefix[i]`: the number of non-white-space characters in `text[:i]`."""
    marks = np.fromiter((not ch.isspace() for ch in text), dtype=np.int64, count=len(text))
    return np.concatenate(([0], np.cumsum(marks)))


def weighted_length(intervals: list[Interval], prefix: np.ndarray) -> int:
    """The number of non-white-space characters covered by disjoint intervals."""
    return int(sum(prefix[b] - prefix[a] for a, b in intervals))


def intersection(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """The intersection of two sorted, disjoint interval lists."""
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def overlaps(a: Interval, b: Interval) -> bool:
    """True when two half-open intervals share at least one position."""
    return a[0] < b[1] and b[0] < a[1]


def bounds(span: dict[str, Any] | None) -> Interval | None:
    """`(start, end)` of a `{start, end}` span, or None."""
    return None if span is None else (span["start"], span["end"])


def token_starts(text: str) -> list[Interval]:
    """The `\\w+` tokens of a text as intervals."""
    return [m.span() for m in _TOKEN.finditer(text)]


def tokens_in(tokens: list[Interval], span: Interval, ends: list[int] | None = None) -> set[int]:
    """Indices of the tokens lying (at least partly) inside `span` (`ends`: the tokens' ends, for speed)."""
    ends = ends if ends is not None else [t[1] for t in tokens]
    first = bisect_right(ends, span[0])
    last = first
    while last < len(tokens) and tokens[last][0] < span[1]:
        last += 1
    return set(range(first, last))


def greedy_pairs(scored: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take pairs (score, gold, predicted) best first, each side used once.

    Ties break by gold index, then predicted index, so the matching is deterministic.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs
