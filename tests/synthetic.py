"""Synthetic gold and prediction sets of any size, made from the corpus documents, for the benchmarks."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsbench.corpus.loader import iter_documents
from newsbench.evaluate.html_track import main_text
from newsbench.schema.labels import ENTITY_TYPES


def corpus_documents() -> list[dict[str, Any]]:
    return [d for split in ("train", "dev", "test") for d in iter_documents(split)]


def synthetic_gold(n: int, base: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """n gold documents: the corpus documents in turn, each under a new id."""
    for k in range(n):
        yield {**base[k % len(base)], "id": f"syn-{k:07d}"}


def perturbed(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible system output: spans dropped, shifted and relabelled, some spurious."""
    def shift(item: dict[str, Any]) -> dict[str, Any]:
        roll = rng.random()
        if roll < 0.1 and item["end"] - item["start"] > 2:
            return {**item, "start": item["start"] + 1}
        if roll < 0.2:
            return {**item, "end": min(len(document["text"]), item["end"] + 2)}
        return item

    entities = [shift(e) if rng.random() > 0.1 else {**e, "type": rng.choice(ENTITY_TYPES)} for e in document["entities"] if rng.random() > 0.15]
    entities += [{"start": s, "end": s + 5, "type": "ORG"} for s in rng.sample(range(max(1, len(document["text"]) - 5)), 3)]
    return {
        "id": document["id"],
        "boilerplate": [shift(b) for b in document["boilerplate"] if rng.random() > 0.2],
        "entities": entities,
        "claims": [c for c in document["claims"] if rng.random() > 0.3],
        "casualties": [shift(f) for f in document["casualties"] if rng.random() > 0.2],
        "main_text": main_text(document) if rng.random() > 0.5 else document["text"],
    }


def write_predictions(path: Path, n: int, base: list[dict[str, Any]], corpus_version: str, seed: int = 1) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"header": {"corpus_version": corpus_version, "system": "synthetic"}}) + "\n")
        for document in synthetic_gold(n, base):
            handle.write(json.dumps(perturbed(document, rng)) + "\n")
    return path
