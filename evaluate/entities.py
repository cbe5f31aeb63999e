"""Entities: the four schemes of SemEval-2013 Task 9.1 (strict, exact, partial, type), micro and per type.

Outcomes are COR, INC, PAR, MIS and SPU; ACT = COR+INC+PAR+SPU predicted, POS = COR+INC+PAR+MIS gold.
strict and exact: P = COR/ACT, R = COR/POS; partial and type: P = (COR + PAR/2)/ACT, R = (COR + PAR/2)/POS.
Matching is one-to-one and greedy in text order, exactly as nervaluate 1.x implements the schemes
(a prediction is matched against the gold mentions not yet matched; "overlap" means at least 1% of the
gold mention's characters). Per type, gold and predicted mentions of that type are scored on their own.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsbench.schema.labels import ENTITY_TYPES, ONTONOTES_ENTITY_ALIASES

from newsbench.evaluate.metric import Document, Metric, f1_from, safe_divide

SCHEMES = ("strict", "exact", "partial", "type")
OUTCOMES = ("COR", "INC", "PAR", "MIS", "SPU")
Mention = tuple[int, int, str]
COR, INC, PAR, MIS, SPU = range(5)
STRICT, EXACT, PARTIAL, TYPE = range(4)
TYPE_INDEX = {t: k + 1 for k, t in enumerate(ENTITY_TYPES)}
GROUPS = 1 + len(ENTITY_TYPES)
WIDTH = len(SCHEMES) * GROUPS * len(OUTCOMES)


def _at(scheme: int, group: int, outcome: int) -> int:
    return (scheme * GROUPS + group) * len(OUTCOMES) + outcome


def _candidates(gold: list[Mention], predicted: list[Mention]) -> list[list[int]]:
    """For each prediction, the gold mentions it overlaps by at least 1% of the gold mention, in gold order.

    Both lists are sorted by start; gold mentions do not overlap each other, so one pointer sweeps the gold.
    """
    out = []
    first, n = 0, len(gold)
    for start, end, _ in predicted:
        while first < n and gold[first][1] <= start:
            first += 1
        found = []
        k = first
        while k < n and gold[k][0] < end:
            g_start, g_end, _ = gold[k]
            shared = (end if end < g_end else g_end) - (start if start > g_start else g_start)
            if shared > 0 and (shared / (g_end - g_start)) * 100.0 >= 1.0:
                found.append(k)
            k += 1
        out.append(found)
    return out


def entity_outcomes(gold: list[Mention], predicted: list[Mention]) -> list[int]:
    """COR, INC, PAR, MIS, SPU for every scheme, micro (group 0) and per type, of one document.

    Five greedy matchings suffice: strict; exact, which partial shares (it calls INC PAR); type; and, within
    each type, exact-like (strict, exact and partial coincide when both sides have one type) and type.
    """
    out = [0] * WIDTH
    matched = [set() for _ in range(5)]  # strict, exact/partial, type, typed exact-like, typed type
    typed_matches = [[0] * GROUPS, [0] * GROUPS]
    for (start, end, label), candidates in zip(predicted, _candidates(gold, predicted)):
        group = TYPE_INDEX[label]
        strict = exact = closest = typed = typed_closest = None
        strict_fallback = exact_fallback = type_fallback = typed_fallback = None
        closest_distance = typed_distance = None
        for k in candidates:
            g_start, g_end, g_label = gold[k]
            same_bounds = g_start == start and g_end == end
            same_label = g_label == label
            if strict is None and k not in matched[0]:
                if same_bounds and same_label:
                    strict = k
                elif strict_fallback is None:
                    strict_fallback = k
            if exact is None and k not in matched[1]:
                if same_bounds:
                    exact = k
                elif exact_fallback is None:
                    exact_fallback = k
            if k not in matched[2]:
                if same_label:
                    distance = abs(start - g_start) + abs(end - g_end)
                    if closest_distance is None or distance < closest_distance:
                        closest, closest_distance = k, distance
                elif type_fallback is None:
                    type_fallback = k
            if same_label:
                if typed is None and k not in matched[3]:
                    if same_bounds:
                        typed = k
                    elif typed_fallback is None:
                        typed_fallback = k
                if k not in matched[4]:
                    distance = abs(start - g_start) + abs(end - g_end)
                    if typed_distance is None or distance < typed_distance:
                        typed_closest, typed_distance = k, distance
        for scheme, slot, hit, fallback, miss in (
            (STRICT, 0, strict, strict_fallback, INC),
            (EXACT, 1, exact, exact_fallback, INC),
            (TYPE, 2, closest, type_fallback, INC),
        ):
            if hit is not None:
                matched[slot].add(hit)
                outcome = COR
            elif fallback is not None:
                matched[slot].add(fallback)
                outcome = miss
            else:
                outcome = SPU
            out[_at(scheme, 0, outcome)] += 1
            if scheme == EXACT:
                out[_at(PARTIAL, 0, PAR if outcome == INC else outcome)] += 1
        if typed is not None or typed_fallback is not None:
            matched[3].add(typed if typed is not None else typed_fallback)
            typed_matches[0][group] += 1
            outcome = COR if typed is not None else INC
            out[_at(STRICT, group, outcome)] += 1
            out[_at(EXACT, group, outcome)] += 1
            out[_at(PARTIAL, group, PAR if outcome == INC else outcome)] += 1
        else:
            for scheme in (STRICT, EXACT, PARTIAL):
                out[_at(scheme, group, SPU)] += 1
        if typed_closest is not None:
            matched[4].add(typed_closest)
            typed_matches[1][group] += 1
            out[_at(TYPE, group, COR)] += 1
        else:
            out[_at(TYPE, group, SPU)] += 1
    for scheme, slot in ((STRICT, 0), (EXACT, 1), (PARTIAL, 1), (TYPE, 2)):
        out[_at(scheme, 0, MIS)] = len(gold) - len(matched[slot])
    gold_per_group = [0] * GROUPS
    for _, _, label in gold:
        gold_per_group[TYPE_INDEX[label]] += 1
    for group in range(1, GROUPS):
        for scheme in (STRICT, EXACT, PARTIAL):
            out[_at(scheme, group, MIS)] = gold_per_group[group] - typed_matches[0][group]
        out[_at(TYPE, group, MIS)] = gold_per_group[group] - typed_matches[1][group]
    return out


def mentions(items: list[dict[str, Any]]) -> list[Mention]:
    """`(start, end, type)` of entity items, sorted; OntoNotes names (PERSON) mapped to the inventory."""
    return sorted((item["start"], item["end"], ONTONOTES_ENTITY_ALIASES.get(item["type"], item["type"])) for item in items)


class EntitySchemes(Metric):
    """SemEval-2013 outcomes for every scheme, micro-averaged and per entity type."""

    layer = "entities"
    name = "schemes"
    columns = tuple(f"{s}:{t}:{o}" for s in SCHEMES for t in ("all", *ENTITY_TYPES) for o in OUTCOMES)

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        return np.array(entity_outcomes(mentions(gold["entities"]), mentions(predicted.get("entities") or [])), dtype=np.float64)

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
