"""Running a system over a split and writing its prediction file (deterministic, atomic)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsbench.jsonl import write_jsonl

from newsbench.baselines.system import Document, System, public_view


def predictions(system: System, documents: Iterable[Document], corpus_version: str, split: str) -> Iterator[dict]:
    """The header line, then one prediction line per document, in corpus order."""
    yield {"header": {"corpus_version": corpus_version, "split": split, "system": system.name, "system_version": system.version}}
    for document in documents:
        yield {"id": document["id"], **system.predict(public_view(document))}


def predict_to_file(system: System, documents: Iterable[Document], path: Path, corpus_version: str, split: str,
                    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda x: x) -> int:
    """Write the prediction file; an interrupted run leaves no partial file. Returns the number of documents."""
    return write_jsonl(path, predictions(system, progress(documents), corpus_version, split)) - 1
