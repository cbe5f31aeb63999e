"""Loading the corpus: through Hugging Face `datasets` with explicit Features, or as plain documents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsbench.errors import NewsbenchError
from newsbench.jsonl import read_jsonl
from newsbench.schema.labels import SPLITS

from newsbench.corpus.release import CORPUS_DIR


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise NewsbenchError(f"unknown split {split!r} (known: {', '.join(SPLITS)})")


def split_path(split: str, corpus_dir: Path = CORPUS_DIR) -> Path:
    """The JSONL file of a split."""
    _check_split(split)
    return Path(corpus_dir) / "data" / f"{split}.jsonl"


def load(split: str | None = None, corpus_dir: Path = CORPUS_DIR, **kwargs: Any) -> Any:
    """The corpus as a `datasets.DatasetDict` (or one `Dataset` with `split`), typed by `document_features()`.

    Labels are `ClassLabel` ids; `newsbench.schema.features.to_document` maps a row back to the JSONL document.
    Further keyword arguments go to `datasets.load_dataset` (e.g. `cache_dir`).
    """
    import datasets

    from newsbench.schema.features import document_features

    if split is not None:
        _check_split(split)
    return datasets.load_dataset(str(corpus_dir), split=split, features=document_features(), **kwargs)


def iter_documents(split: str, corpus_dir: Path = CORPUS_DIR) -> Iterator[dict[str, Any]]:
    """The documents of a split as plain dicts, read straight from the JSONL (no `datasets` needed)."""
    path = split_path(split, corpus_dir)
    if path.is_file() and path.stat().st_size == 0:
        return
    for _, document in read_jsonl(path):
        yield document


def manifest(corpus_dir: Path = CORPUS_DIR) -> dict[str, Any]:
    """The release's MANIFEST.json."""
    path = Path(corpus_dir) / "MANIFEST.json"
    if not path.is_file():
        raise NewsbenchError(f"{path}: no manifest: run 'newsbench build' first")
    return json.loads(path.read_text(encoding="utf-8"))


def corpus_version(corpus_dir: Path = CORPUS_DIR) -> str:
    """The version of the built corpus, as its manifest records it."""
    return str(manifest(corpus_dir)["version"])
