"""A metric in three steps, as sacrebleu does it: per-document counts, their sum, the score of the sum.

Counts add up over documents, so a corpus score, a bootstrap resample and a randomisation trial are all
the same `scores` function applied to a different sum. `scores` works on one sum (shape `(k,)`) or on a
batch of sums (shape `(b, k)`), returning arrays of the batch's shape.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import numpy as np

Document = dict[str, Any]


def safe_divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, and 0 where the denominator is 0."""
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    return np.divide(numerator, denominator, out=np.zeros(np.broadcast(numerator, denominator).shape), where=denominator != 0)


def f1_from(precision: np.ndarray, recall: np.ndarray) -> np.ndarray:
    """Harmonic mean of precision and recall, 0 where both are 0."""
    return safe_divide(2 * precision * recall, precision + recall)


def prf(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> dict[str, np.ndarray]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    precision = safe_divide(tp, tp + fp)
    recall = safe_divide(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": f1_from(precision, recall)}


class Metric(ABC):
    """One metric of one layer: `columns` names the per-document counts; `scores` turns their sum into scores."""

    layer: str
    name: str
    columns: tuple[str, ...]
    headline: str = "f1"
    options: dict[str, str] = {}

    @abstractmethod
    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        """The per-document counts, in the order of `columns`."""

    @abstractmethod
    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        """Scores from summed counts; `totals[..., j]` is column j."""

    @property
    def key(self) -> str:
        """The metric's identity, `layer.name`, e.g. `entities.strict`."""
        return f"{self.layer}.{self.name}"

    def column(self, totals: np.ndarray, name: str) -> np.ndarray:
        return totals[..., self.columns.index(name)]
