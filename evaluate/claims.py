"""Claims (attribution relations): detection, cue, source and full-relation F1, and form accuracy.

- detection, exact: a predicted claim whose content span equals a gold claim's content span.
- detection, overlap: the predicted content covers at least half of the gold content's `\\w+` tokens;
  pairs are matched one-to-one, best overlap first.
- cue: exact match of the distinct cue spans of the document.
- source: over claims matched by overlap, each with a source: the predicted source equals the gold
  source span, or it is exactly a gold mention of the gold source's entity group.
- relation: a predicted claim is correct when it is matched by overlap, its cue is exact and its source
  is right (or both sources are absent).
- form: accuracy of `form` over the claims matched by overlap.
"""

from __future__ import annotations

from collections import Counter

from typing import Any

import numpy as np

from newsbench.evaluate.metric import Document, Metric, prf, safe_divide
from newsbench.evaluate.spans import bounds, greedy_pairs, token_starts, tokens_in

MIN_CONTENT_OVERLAP = 0.5


def content_pairs(text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose content overlap reaches the threshold."""
    tokens = token_starts(text)
    ends = [t[1] for t in tokens]
    gold_tokens = [tokens_in(tokens, bounds(c["content"]), ends) for c in gold]
    scored = []
    for p, claim in enumerate(predicted):
        predicted_tokens = tokens_in(tokens, bounds(claim["content"]), ends)
        for g, wanted in enumerate(gold_tokens):
            if wanted and predicted_tokens & wanted:
                share = len(predicted_tokens & wanted) / len(wanted)
                if share >= MIN_CONTENT_OVERLAP:
                    scored.append((share, g, p))
    return greedy_pairs(scored)


def source_is_right(gold: dict[str, Any], predicted: dict[str, Any], group_spans: dict[str, set[tuple[int, int]]]) -> bool:
    """The predicted source names the gold source: the same span, or a mention of the same entity group."""
    want, got = bounds(gold["source"]), bounds(predicted.get("source"))
    if want is None or got is None:
        return want is None and got is None
    return got == want or (gold.get("source_entity") is not None and got in group_spans.get(gold["source_entity"], set()))


class ClaimMatch(Metric):
    """Detection (exact and overlap), cue, source and relation F1, and form accuracy, from one matching."""

    layer = "claims"
    name = "relations"
    columns = (
        "exact_tp", "overlap_tp", "gold", "predicted",
        "cue_tp", "cue_gold", "cue_predicted",
        "source_tp", "source_gold", "source_predicted",
        "relation_tp",
        "form_correct",
    )
    headline = "relation.f1"

    def counts(self, gold_doc: Document, predicted_doc: Document) -> np.ndarray:
        gold, predicted = gold_doc["claims"], predicted_doc.get("claims") or []
        # a multiset: two claims may share one content span (two sources saying the same thing)
        exact_tp = sum((Counter(bounds(c["content"]) for c in gold) & Counter(bounds(c["content"]) for c in predicted)).values())
        pairs = content_pairs(gold_doc["text"], gold, predicted)
        gold_cues = {bounds(c["cue"]) for c in gold}
        predicted_cues = {bounds(c.get("cue")) for c in predicted} - {None}
        group_spans: dict[str, set[tuple[int, int]]] = {}
        for mention in gold_doc["entities"]:
            group_spans.setdefault(mention["entity"], set()).add((mention["start"], mention["end"]))
        source_tp = relation_tp = form_correct = 0
        for g, p in pairs:
            right_source = source_is_right(gold[g], predicted[p], group_spans)
            if right_source and gold[g]["source"] is not None:
                source_tp += 1
            if right_source and bounds(predicted[p].get("cue")) == bounds(gold[g]["cue"]):
                relation_tp += 1
            if predicted[p].get("form") == gold[g]["form"]:
                form_correct += 1
        return np.array([
            exact_tp, len(pairs), len(gold), len(predicted),
            len(gold_cues & predicted_cues), len(gold_cues), len(predicted_cues),
            source_tp, sum(c["source"] is not None for c in gold), sum(c.get("source") is not None for c in predicted),
            relation_tp,
            form_correct,
        ], dtype=np.float64)

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        c = {name: self.column(totals, name) for name in self.columns}
        scores: dict[str, np.ndarray] = {}
        for prefix, tp, gold, predicted in (
            ("detection_exact", c["exact_tp"], c["gold"], c["predicted"]),
            ("detection", c["overlap_tp"], c["gold"], c["predicted"]),
            ("cue", c["cue_tp"], c["cue_gold"], c["cue_predicted"]),
            ("source", c["source_tp"], c["source_gold"], c["source_predicted"]),
            ("relation", c["relation_tp"], c["gold"], c["predicted"]),
        ):
            for name, value in prf(tp, predicted - tp, gold - tp).items():
                scores[f"{prefix}.{name}"] = value
        scores["form.accuracy"] = safe_divide(c["form_correct"], c["overlap_tp"])
        return scores
