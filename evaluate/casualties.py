"""Casualty figures: figure-level F1, attribute accuracy on matched figures, and the main-event toll.

- figures: a predicted figure matches a gold figure of the same category whose span it overlaps;
  pairs are one-to-one, largest overlap first.
- value, qualifier, event and status accuracy: over matched figures (a missing attribute is wrong).
- toll: per document and category (killed, injured), the main-event toll of GUIDELINES.md 4.1, computed
  by `main_event_toll` from the gold figures and from the predicted figures alike (a predicted figure
  without `event` counts as main). Exact-match accuracy over all documents; mean absolute error over the
  documents whose gold toll exists, a missing predicted toll counting as 0.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsbench.evaluate.metric import Document, Metric, prf, safe_divide
from newsbench.evaluate.spans import greedy_pairs

TOLL_CATEGORIES = ("killed", "injured")
ATTRIBUTES = ("value", "qualifier", "event", "status")


def main_event_toll(figures: list[dict[str, Any]], category: str) -> int | None:
    """The largest `value` (or `min` where the value is null) of the main-event figures of a category,
    leaving out figures a later one superseded."""
    values = []
    for figure in figures:
        if figure.get("category") != category or figure.get("event", "main") not in ("main", None):
            continue
        if figure.get("status") == "superseded":
            continue
        value = figure.get("value")
        if value is None:
            value = figure.get("min")
        if value is not None:
            values.append(value)
    return max(values) if values else None


def figure_pairs(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): same category, overlapping spans."""
    scored = []
    for p, figure in enumerate(predicted):
        for g, wanted in enumerate(gold):
            shared = min(figure["end"], wanted["end"]) - max(figure["start"], wanted["start"])
            if shared > 0 and figure["category"] == wanted["category"]:
                scored.append((shared, g, p))
    return greedy_pairs(scored)


class CasualtyFigures(Metric):
    """Figure F1 and the accuracy of value, qualifier, event and status on matched figures."""

    layer = "casualties"
    name = "figures"
    columns = ("tp", "gold", "predicted", "value_correct", "qualifier_correct", "event_correct", "status_correct")

    def counts(self, gold_doc: Document, predicted_doc: Document) -> np.ndarray:
        gold, predicted = gold_doc["casualties"], predicted_doc.get("casualties") or []
        pairs = figure_pairs(gold, predicted)
        right = {key: sum(gold[g][key] == predicted[p].get(key, object()) for g, p in pairs) for key in ATTRIBUTES}
        return np.array([len(pairs), len(gold), len(predicted), *(right[key] for key in ATTRIBUTES)], dtype=np.float64)

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        tp, gold, predicted = (self.column(totals, c) for c in ("tp", "gold", "predicted"))
        scores = prf(tp, predicted - tp, gold - tp)
        for key in ATTRIBUTES:
            scores[f"{key}.accuracy"] = safe_divide(self.column(totals, f"{key}_correct"), tp)
        return scores


class MainEventToll(Metric):
    """Document-level main-event toll: exact-match accuracy and mean absolute error, killed and injured."""

    layer = "casualties"
    name = "toll"
    columns = ("documents",) + tuple(f"{part}:{c}" for c in TOLL_CATEGORIES for part in ("exact", "abs_error", "gold_tolls"))
    headline = "killed.accuracy"

    def counts(self, gold_doc: Document, predicted_doc: Document) -> np.ndarray:
        out = [1.0]
        predicted = predicted_doc.get("casualties") or []
        for category in TOLL_CATEGORIES:
            want = main_event_toll(gold_doc["casualties"], category)
            got = main_event_toll(predicted, category)
            error = abs((got or 0) - want) if want is not None else 0
            out += [float(want == got), float(error), float(want is not None)]
        return np.array(out, dtype=np.float64)

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        scores = {}
        for category in TOLL_CATEGORIES:
            scores[f"{category}.accuracy"] = safe_divide(self.column(totals, f"exact:{category}"), self.column(totals, "documents"))
            scores[f"{category}.mae"] = safe_divide(self.column(totals, f"abs_error:{category}"), self.column(totals, f"gold_tolls:{category}"))
        return scores
