"""The entity scorer agrees with independent implementations: seqeval (strict IOB2) and nervaluate (all schemes)."""

import random
import re

import numpy as np
import pytest
from nervaluate import Evaluator
from seqeval.metrics import f1_score, precision_score, recall_score
from seqeval.scheme import IOB2

from newsbench.corpus.loader import iter_documents
from newsbench.evaluate.entities import SCHEMES, EntitySchemes
from newsbench.schema.labels import ENTITY_TYPES

TOKEN = re.compile(r"\w+|[^\w\s]")
NERVALUATE_SCHEME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def tokenise(text):
    return [m.span() for m in TOKEN.finditer(text)]


def to_token_spans(tokens, entities):
    starts = {s: k for k, (s, _) in enumerate(tokens)}
    ends = {e: k for k, (_, e) in enumerate(tokens)}
    return [(starts[e["start"]], ends[e["end"]], e["type"]) for e in entities]


def perturb(token_spans, n_tokens, rng):
    """Drop, retype, shift and widen some mentions; add spurious ones; never overlapping (IOB2 can say it)."""
    out = []
    for start, end, label in token_spans:
        roll = rng.random()
        if roll < 0.15:
            continue
        if roll < 0.3:
            label = rng.choice([t for t in ENTITY_TYPES if t != label])
        elif roll < 0.45:
            end = min(n_tokens - 1, end + 1)
        elif roll < 0.55 and end > start:
            start += 1
        elif roll < 0.62:
            start, end = max(0, start - 1), end
        out.append((start, end, label))
    for _ in range(rng.randint(0, 4)):
        k = rng.randrange(n_tokens)
        out.append((k, min(n_tokens - 1, k + rng.randint(0, 2)), rng.choice(ENTITY_TYPES)))
    out.sort()
    kept, last_end = [], -1
    for start, end, label in out:
        if start > last_end:
            kept.append((start, end, label))
            last_end = end
    return kept


def iob2(spans, n_tokens):
    tags = ["O"] * n_tokens
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for k in range(start + 1, end + 1):
            tags[k] = f"I-{label}"
    return tags


def char_entities(tokens, spans):
    return [{"start": tokens[s][0], "end": tokens[e][1], "type": label} for s, e, label in spans]


@pytest.fixture(scope="module")
def data():
    rng = random.Random(7)
    documents = [d for split in ("train", "dev", "test") for d in iter_documents(split)]
    rows = []
    for _ in range(3):
        for document in documents:
            tokens = tokenise(document["text"])
            gold = to_token_spans(tokens, document["entities"])
            predicted = perturb(gold, len(tokens), rng)
            rows.append((document, tokens, gold, predicted))
    return rows


def our_totals(data):
    metric = EntitySchemes()
    totals = np.zeros(len(metric.columns))
    for document, tokens, _, predicted in data:
        totals += metric.counts(document, {"entities": char_entities(tokens, predicted)})
    return metric, totals


def test_strict_equals_seqeval_iob2_strict(data):
    y_true = [iob2(gold, len(tokens)) for _, tokens, gold, _ in data]
    y_pred = [iob2(pred, len(tokens)) for _, tokens, _, pred in data]
    metric, totals = our_totals(data)
    ours = metric.scheme_scores(totals, "strict")
    assert float(ours["precision"]) == precision_score(y_true, y_pred, mode="strict", scheme=IOB2)
    assert float(ours["recall"]) == recall_score(y_true, y_pred, mode="strict", scheme=IOB2)
    assert float(ours["f1"]) == f1_score(y_true, y_pred, mode="strict", scheme=IOB2)
    assert 0.3 < float(ours["f1"]) < 0.95, "the perturbation should leave a meaningful score"


def test_all_schemes_equal_nervaluate(data):
    def as_dicts(tokens, spans):
        return [{"label": e["type"], "start": e["start"], "end": e["end"] - 1} for e in char_entities(tokens, spans)]

    true = [as_dicts(tokens, gold) for _, tokens, gold, _ in data]
    pred = [as_dicts(tokens, predicted) for _, tokens, _, predicted in data]
    results = Evaluator(true, pred, tags=list(ENTITY_TYPES), loader="dict").evaluate()
    metric, totals = our_totals(data)
    for scheme in SCHEMES:
        theirs = results["overall"][NERVALUATE_SCHEME[scheme]]
        ours = metric.scheme_scores(totals, scheme)
        for outcome, attribute in zip(("COR", "INC", "PAR", "MIS", "SPU"), ("correct", "incorrect", "partial", "missed", "spurious")):
            assert metric.column(totals, f"{scheme}:all:{outcome}") == getattr(theirs, attribute), (scheme, outcome)
        assert (float(ours["precision"]), float(ours["recall"]), float(ours["f1"])) == (theirs.precision, theirs.recall, theirs.f1)
        for entity_type, per_type in results["entities"].items():
            theirs = per_type[NERVALUATE_SCHEME[scheme]]
            ours = metric.scheme_scores(totals, scheme, entity_type)
            assert (float(ours["precision"]), float(ours["recall"])) == (theirs.precision, theirs.recall), (scheme, entity_type)


def test_dense_overlapping_predictions_equal_nervaluate():
    """Many predictions overlapping each other and several gold mentions: every count equals nervaluate's."""
    rng = random.Random(11)
    true, pred, ours = [], [], np.zeros(len(EntitySchemes.columns))
    metric = EntitySchemes()
    for _ in range(300):
        gold, position = [], 0
        while position < 300:
            position += rng.randint(1, 15)
            length = rng.randint(1, 12)
            gold.append({"start": position, "end": position + length, "type": rng.choice(ENTITY_TYPES[:3])})
            position += length
        predicted = []
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 320)
            predicted.append({"start": start, "end": start + rng.randint(1, 20), "type": rng.choice(ENTITY_TYPES[:3])})
        predicted += [dict(g) for g in gold if rng.random() < 0.3]
        key = lambda e: (e["start"], e["end"], e["type"])  # noqa: E731
        gold.sort(key=key)
        predicted.sort(key=key)
        ours += metric.counts({"entities": gold}, {"entities": predicted})
        true.append([{"label": e["type"], "start": e["start"], "end": e["end"] - 1} for e in gold])
        pred.append([{"label": e["type"], "start": e["start"], "end": e["end"] - 1} for e in predicted])
    results = Evaluator(true, pred, tags=list(ENTITY_TYPES), loader="dict").evaluate()
    names = ("correct", "incorrect", "partial", "missed", "spurious")
    for scheme in SCHEMES:
        theirs = results["overall"][NERVALUATE_SCHEME[scheme]]
        assert [metric.column(ours, f"{scheme}:all:{o}") for o in ("COR", "INC", "PAR", "MIS", "SPU")] == [getattr(theirs, n) for n in names], scheme
        for entity_type, per_type in results["entities"].items():
            theirs = per_type[NERVALUATE_SCHEME[scheme]]
            assert [metric.column(ours, f"{scheme}:{entity_type}:{o}") for o in ("COR", "INC", "PAR", "MIS", "SPU")] == [getattr(theirs, n) for n in names], (scheme, entity_type)
