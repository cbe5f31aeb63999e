"""The HTML track: a system's main text, extracted from `html`, against the gold main text.

`ShingleMatch` is the article-extraction benchmark's definition (Zyte / ScrapingHub,
article-extraction-benchmark, evaluate.py): tokens are `\\w+` with case kept; each text is a multiset of
4-token shingles (a text of fewer tokens is one shingle); per page, TP/FP/FN are the multiset overlaps,
normalised by their sum; precision is averaged over pages with TP+FP > 0 and recall over pages with
TP+FN > 0 (1 when FP = FN = 0); F1 is computed from the averaged precision and recall.
`SequenceMatch` is order-aware: the tokens of the longest matching blocks (difflib), per page
precision and recall averaged the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

import numpy as np

from newsbench.evaluate.metric import Document, Metric, f1_from, safe_divide

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def main_text(document: Document) -> str:
    """The gold main text: the page text with every boilerplate span cut out (blocks kept apart)."""
    text = document["text"]
    pieces, position = [], 0
    for span in sorted(document["boilerplate"], key=lambda s: s["start"]):
        pieces.append(text[position:span["start"]])
        position = max(position, span["end"])
    pieces.append(text[position:])
    blocks = [block.strip() for piece in pieces for block in piece.split("\n\n")]
    return "\n\n".join(block for block in blocks if block)


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of a text."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_counts(gold_text: str, predicted_text: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN of shingles, normalised by their sum (all zero for two empty texts)."""
    gold, predicted = shingles(gold_text), shingles(predicted_text)
    tp = sum((gold & predicted).values())
    fp = sum((predicted - gold).values())
    fn = sum((gold - predicted).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision_recall(tp: float, fp: float, fn: float) -> tuple[float, float, float, float]:
    """(precision, has precision, recall, has recall) of one page, as the Zyte benchmark defines them."""
    precision = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
    recall = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    return precision, float(tp + fp > 0), recall, float(tp + fn > 0)


class _PageAveraged(Metric):
    layer = "html"
    columns = ("precision_sum", "precision_pages", "recall_sum", "recall_pages")

    def scores(self, totals: np.ndarray) -> dict[str, np.ndarray]:
        precision = safe_divide(self.column(totals, "precision_sum"), self.column(totals, "precision_pages"))
        recall = safe_divide(self.column(totals, "recall_sum"), self.column(totals, "recall_pages"))
        return {"precision": precision, "recall": recall, "f1": f1_from(precision, recall)}

    def _page(self, precision: float, has_precision: float, recall: float, has_recall: float) -> np.ndarray:
        return np.array([precision * has_precision, has_precision, recall * has_recall, has_recall])


class ShingleMatch(_PageAveraged):
    """Shingle precision/recall/F1 of the extracted main text (the Zyte article-extraction definition)."""

    name = "shingles"

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        return self._page(*page_precision_recall(*shingle_counts(main_text(gold), predicted.get("main_text") or "")))


class SequenceMatch(_PageAveraged):
    """Order-aware token precision/recall/F1: tokens in difflib's matching blocks, averaged over pages."""

    name = "sequence"

    def counts(self, gold: Document, predicted: Document) -> np.ndarray:
        gold_tokens = _TOKEN.findall(main_text(gold))
        predicted_tokens = _TOKEN.findall(predicted.get("main_text") or "")
        matcher = SequenceMatcher(None, gold_tokens, predicted_tokens, autojunk=False)
        matched = sum(block.size for block in matcher.get_matching_blocks())
        fp, fn = len(predicted_tokens) - matched, len(gold_tokens) - matched
        return self._page(*page_precision_recall(matched, fp, fn))
