"""Entities: the four schemes of SemEval-2013 Task 9.1 (strict, exact, partial, type), micro and per type.

Outcomes are COR, INC, PAR, MIS and SPU; ACT = COR+INC+PAR+SPU predicted, POS = COR+INC+PAR+MIS gold.
strict and exact: P = COR/ACT, R = COR/POS; partial and type: P = (COR + PAR/2)/ACT, R = (COR + PAR/2)/POS.
Matching is one-to-one and greedy in text order, exactly as nervaluate 1.x implements the schemes
(a prediction is matched against the gold mentions not yet matched; "overlap" means at least 1% of the
gold mention's characters). Per type, gold and predicted mentions of that type are scored on their own.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import numpy as np

from newsbench.schema.labels import ENTITY_TYPES, ONTONOTES_ENTITY_ALIASES

from newsbench.evaluate.metric import Document, Metric, f1_from, safe_divide

SCHEMES = ("strict", "exact", "partial", "type")
OUTCOMES = ("COR", "INC", "PAR", "MIS", "SPU")
Mention = tuple[int, int, str]


def _sufficient(p: Mention, g: Mention) -> bool:
    """nervaluate's overlap test: the shared characters are at least 1% of the gold mention."""
    shared = min(p[1], g[1]) - max(p[0], g[0])
    return shared > 0 and (shared / (g[1] - g[0])) * 100.0 >= 1.0


def scheme_outcomes(gold: list[Mention], predicted: list[Mention], scheme: str) -> list[int]:
    """COR, INC, PAR, MIS, SPU of one document under one scheme (mentions sorted by start, end)."""
    ends = [g[1] for g in gold]
    matched: set[int] = set()
    cor = inc = par = spu = 0
    for p in predicted:
        first = bisect_left(ends, p[0] + 1)
        best = None
        fallback = None
        for k in range(first, len(gold)):
            g = gold[k]
            if g[0] >= p[1]:
                break
            if k in matched or not _sufficient(p, g):
                continue
            same_bounds = g[0] == p[0] and g[1] == p[1]
            if scheme == "strict" and same_bounds and g[2] == p[2] or scheme in ("exact", "partial") and same_bounds:
                best = k
                break
            if scheme == "type":
                if g[2] == p[2]:
                    distance = abs(p[0] - g[0]) + abs(p[1] - g[1])
                    if best is None or distance < best[1]:
                        best = (k, distance)
                elif fallback is None:
                    fallback = k
            elif fallback is None:
                fallback = k
        if scheme == "type" and best is not None:
            best = best[0]
        if best is not None:
            cor += 1
            matched.add(best)
        elif fallback is not None:
            if scheme == "partial":
                par += 1
            else:
                inc += 1
            matched.add(fallback)
        else:
            spu += 1
    return [cor, inc, par, len(gold) - len(matched), spu]


def mentions(items: list[dict[str, Any]], entity_type: str | None = None) -> list[Mention]:
    """`(start, end, type)` of entity items, sorted; OntoNotes names (PERSON) mapped to the inventory."""
    out = []
    for item in items:
        label = ONTONOTES_ENTITY_ALIASES.get(item["type"], item["type"])
        if entity_type is None or label == entity_type:
            out.append((item["start"], item["end"], label))
    return sorted(out)


class EntitySchemes(Metric):
    """SemEval-2013 outcomes for every scheme, micro-averaged and per entity type."""

    layer = "entities"
    name = "schemes"
    columns = tuple(f"{s}:{t}:{o}" for s in SCHEMES for t in ("all", *ENTITY_TYPES) for o in OUTCOMES)

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        out: list[int] = []
        gold_items, predicted_items = gold["entities"], predicted.get("entities") or []
        for scheme in SCHEMES:
            for entity_type in (None, *ENTITY_TYPES):
                out += scheme_outcomes(mentions(gold_items, entity_type), mentions(predicted_items, entity_type), scheme)
        return np.array(out, dtype=np.float64)

    def scheme_scores(self, totals: np.ndarray, scheme: str, entity_type: str = "all") -> dict[str, np.ndarray]:
        cor, inc, par, mis, spu = (self.column(totals, f"{scheme}:{entity_type}:{o}") for o in OUTCOMES)
        credit = cor + 0.5 * par if scheme in ("partial", "type") else cor
        precision = safe_divide(credit, cor + inc + par + spu)
        recall = safe_divide(credit, cor + inc + par + mis)
        return {"precision": precision, "recall": recall, "f1": f1_from(precision, recall)}

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        scores = {}
        for scheme in SCHEMES:
            for entity_type in ("all", *ENTITY_TYPES):
                for name, value in self.scheme_scores(totals, scheme, entity_type).items():
                    scores[f"{scheme}.{name}" if entity_type == "all" else f"{scheme}.{name}:{entity_type}"] = value
        return scores
