"""Boilerplate: character-level precision/recall/F1 of the boilerplate class and per kind; exact-span F1.

Characters are the non-white-space code points of the page text, so the blank lines between blocks
neither help nor hurt a system.
"""

from __future__ import annotations

import numpy as np

from newsbench.schema.labels import BOILERPLATE_KINDS

from newsbench.evaluate.metric import Document, Metric, prf
from newsbench.evaluate.spans import intersection, merge, non_space_prefix, weighted_length


def _by_kind(spans: list[dict], kind: str | None) -> list[tuple[int, int]]:
    return merge((s["start"], s["end"]) for s in spans if kind is None or s.get("kind") == kind)


class BoilerplateCharacters(Metric):
    """Character-level P/R/F1 of the boilerplate class (any kind), and of each kind."""

    layer = "boilerplate"
    name = "chars"
    columns = tuple(f"{part}:{k}" for k in ("any", *BOILERPLATE_KINDS) for part in ("tp", "fp", "fn"))

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        prefix = non_space_prefix(gold["text"])
        out = []
        for kind in (None, *BOILERPLATE_KINDS):
            g = _by_kind(gold["boilerplate"], kind)
            p = _by_kind(predicted.get("boilerplate") or [], kind)
            tp = weighted_length(intersection(g, p), prefix)
            out += [tp, weighted_length(p, prefix) - tp, weighted_length(g, prefix) - tp]
        return np.array(out, dtype=np.float64)

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        scores = {}
        for kind in ("any", *BOILERPLATE_KINDS):
            tp, fp, fn = (self.column(totals, f"{part}:{kind}") for part in ("tp", "fp", "fn"))
            for name, value in prf(tp, fp, fn).items():
                scores[name if kind == "any" else f"{name}:{kind}"] = value
        return scores


class BoilerplateSpans(Metric):
    """Exact-span F1: a predicted span counts when its start, end and kind equal a gold span's."""

    layer = "boilerplate"
    name = "spans"
    columns = ("tp", "fp", "fn")

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        g = {(s["start"], s["end"], s["kind"]) for s in gold["boilerplate"]}
        p = {(s["start"], s["end"], s["kind"]) for s in predicted.get("boilerplate") or []}
        tp = len(g & p)
        return np.array([tp, len(p) - tp, len(g) - tp], dtype=np.float64)

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        return prf(*(self.column(totals, c) for c in self.columns))
