"""Paired comparison of two prediction files on the same gold documents: bootstrap and randomisation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsbench.errors import InputError, InputErrors

from newsbench.evaluate.harness import (
    HEADLINES,
    METRICS,
    Options,
    PredictionFile,
    active_layers,
    check_version,
    coverage_errors,
    mask_boilerplate,
    signature,
)
from newsbench.evaluate.metric import Document
from newsbench.evaluate.resampling import Bootstrap, PairedResult, Randomisation, paired_result
from newsbench.schema.validate import span_errors


@dataclass
class Comparison:
    """A - B for every headline figure of the layers both files predict."""

    corpus_version: str
    split: str
    documents: int
    trials: int
    options: Options
    results: dict[str, PairedResult]
    signatures: dict[str, str]


def compare(gold: Iterable[Document], path_a: Path, path_b: Path, corpus_version: str, split: str,
            options: Options = Options(), trials: int = 10000,
            progress: Callable[[Iterable[Document]], Iterator[Document]] | None = None) -> Comparison:
    """Compare two systems on the documents both predict; both files must cover the same documents."""
    files = [PredictionFile(path_a), PredictionFile(path_b)]
    for predictions in files:
        check_version(predictions, corpus_version, split, options)
    layers = [layer for layer in active_layers(files[0].fields) if layer in files[1].fields]
    if not layers:
        raise InputError(path_b, None, "the two files share no layer to compare")
    if set(files[0].offsets) != set(files[1].offsets):
        raise InputError(path_b, None, "the two files predict different documents: compare on the same documents")
    metrics = [m for layer in layers for m in METRICS[layer]]
    edges = np.cumsum([0] + [len(m.columns) for m in metrics])
    documents = len(files[0].offsets)
    boot_a, boot_b = (Bootstrap(int(edges[-1]), options.resamples, options.seed, documents) for _ in range(2))
    randomisation = Randomisation(int(edges[-1]), trials, options.seed)
    errors: list[InputError] = []
    seen: set[str] = set()
    absent = 0
    with files[0], files[1]:
        for doc in (progress or iter)(gold):
            found = [f.get(doc["id"]) for f in files]
            if found[0] is None or found[1] is None:
                absent += 1
                continue
            seen.add(doc["id"])
            counts = []
            for predictions, (line, predicted) in zip(files, found):
                problems = span_errors(predicted, doc["text"], predictions.path, line, gold=False)
                errors += problems
                scored_gold, scored = mask_boilerplate(doc, predicted) if options.content == "main" else (doc, predicted)
                counts.append(np.concatenate([m.counts(scored_gold, scored) for m in metrics]))
            weights = boot_a.weights()
            boot_a.add(counts[0], weights)
            boot_b.add(counts[1], weights)
            randomisation.add(counts[0], counts[1])
    for predictions in files:
        errors += coverage_errors(predictions, seen, absent, split, options)
    if errors:
        raise InputErrors(errors)
    results: dict[str, PairedResult] = {}
    signatures: dict[str, str] = {}
    by_key = {m.key: (m, edges[k], edges[k + 1]) for k, m in enumerate(metrics)}
    for layer in layers:
        for key, score in HEADLINES[layer]:
            metric, start, end = by_key[key]

            def value(totals: np.ndarray) -> np.ndarray:
                return metric.scores(totals[..., start:end])[score]

            name = f"{key}.{score}"
            results[name] = paired_result(
                float(value(boot_a.total)), float(value(boot_b.total)),
                value(boot_a.resampled) - value(boot_b.resampled),
                value(randomisation.a) - value(randomisation.b),
            )
            signatures[name] = signature(corpus_version, split, key, score, options) + f"|ar:{trials}"
    return Comparison(corpus_version, split, boot_a.documents, trials, options, results, signatures)
