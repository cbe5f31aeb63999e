"""Build the release from the authored sources: data/{split}.jsonl, MANIFEST.json and the dataset card.

Everything is compiled and checked before anything is written; each file is then written atomically,
so a failed or interrupted build leaves the previous release as it was. Two builds are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from newsbench.errors import InputError, InputErrors, NewsbenchError
from newsbench.jsonl import dumps
from newsbench.schema.labels import LAYERS, SPLITS

from newsbench.corpus.compiler import compile_document
from newsbench.corpus.croissant import croissant
from newsbench.corpus.outlets import Outlet, load_outlets
from newsbench.corpus.phenomena import phenomena
from newsbench.corpus.release import CARD_METADATA, CORPUS_DIR, NAME, RELEASED, VERSION
from newsbench.corpus.splits import split_of


def source_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """Every authored source, in a fixed order."""
    return sorted((corpus_dir / "sources").rglob("*.md"), key=lambda p: p.name)


def compile_corpus(corpus_dir: Path = CORPUS_DIR, files: Iterable[Path] | None = None,
                   progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda x: x) -> list[dict[str, Any]]:
    """Compile every source (or `files`); raise all errors of all documents together."""
    outlets = load_outlets(corpus_dir / "outlets")
    documents: list[dict[str, Any]] = []
    errors: list[InputError] = []
    seen: dict[str, Path] = {}
    paths = list(files) if files is not None else source_files(corpus_dir)
    for path in progress(paths):
        try:
            document = compile_document(path, outlets)
        except InputErrors as err:
            errors.extend(err.errors)
            continue
        except InputError as err:
            errors.append(err)
            continue
        if document["id"] in seen:
            errors.append(InputError(path, None, f"duplicate document id (also in {seen[document['id']]})", field="id"))
        seen[document["id"]] = path
        errors.extend(_split_errors(path, document, outlets))
        documents.append(document)
    if errors:
        raise InputErrors(errors)
    if not documents:
        raise NewsbenchError(f"no sources found under {corpus_dir / 'sources'}")
    documents.sort(key=lambda d: d["id"])
    return documents


def _split_errors(path: Path, document: dict[str, Any], outlets: dict[str, Outlet]) -> list[InputError]:
    """The split rule of `corpus/splits.py`: split by incident, test-only outlets in test."""
    errors = []
    key = _front_matter_value(path, "incident") or document["id"]
    wanted = split_of(key)
    if document["split"] != wanted:
        errors.append(InputError(path, None, f"the split rule puts '{key}' in {wanted}, not {document['split']} (corpus/splits.py)", field="split"))
    if outlets[document["outlet"]].test_only and document["split"] != "test":
        errors.append(InputError(path, None, f"outlet {document['outlet']} is test-only; this document is in {document['split']}", field="outlet"))
    return errors


def _front_matter_value(path: Path, key: str) -> str | None:
    text = path.read_text(encoding="utf-8")
    head = text.split("\n---", 1)[0]
    loaded = yaml.safe_load(head.removeprefix("---")) or {}
    value = loaded.get(key)
    return str(value) if value is not None else None


def layer_counts(documents: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Documents and labels per layer."""
    counts = Counter({"documents": 0, **{layer: 0 for layer in LAYERS}})
    for document in documents:
        counts["documents"] += 1
        for layer in LAYERS:
            counts[layer] += len(document[layer])
    return dict(counts)


def split_files(documents: list[dict[str, Any]]) -> dict[str, bytes]:
    """The bytes of data/{split}.jsonl for each split."""
    return {
        f"data/{split}.jsonl": "".join(dumps(d) + "\n" for d in documents if d["split"] == split).encode("utf-8")
        for split in SPLITS
    }


def manifest(files: dict[str, bytes], documents: list[dict[str, Any]]) -> dict[str, Any]:
    """MANIFEST.json: name, version, SHA-256 and size per file, counts per split and layer, phenomena."""
    return {
        "name": NAME,
        "version": VERSION,
        "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)} for name, data in sorted(files.items())},
        "counts": {split: layer_counts(d for d in documents if d["split"] == split) for split in SPLITS},
        "phenomena": phenomena(documents),
    }


def card_yaml() -> str:
    """The YAML header of the dataset card, generated from the one Features definition."""
    from newsbench.schema.features import document_features

    metadata = dict(CARD_METADATA)
    metadata["configs"] = [{
        "config_name": "default",
        "data_files": [{"split": split, "path": f"data/{split}.jsonl"} for split in SPLITS],
    }]
    metadata["dataset_info"] = {"features": document_features()._to_yaml_list()}
    return yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=1000)


def card(prose: str) -> str:
    """The dataset card: generated YAML, then the hand-written prose."""
    return f"---\n{card_yaml()}---\n{prose}"


def card_prose(corpus_dir: Path = CORPUS_DIR) -> str:
    """The hand-written part of the existing card (everything after its YAML header)."""
    path = corpus_dir / "README.md"
    if not path.is_file():
        return "\n# newsbench corpus\n"
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def release_files(documents: list[dict[str, Any]], prose: str) -> dict[str, bytes]:
    """Every file the build writes, relative to the corpus folder."""
    files = split_files(documents)
    files["MANIFEST.json"] = (json.dumps(manifest(files, documents), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["README.md"] = card(prose).encode("utf-8")
    files["croissant.json"] = (json.dumps(croissant(files, RELEASED), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_release(files: dict[str, bytes], out_dir: Path) -> None:
    """Write the release under `out_dir`: every file goes to a temporary file first, and only when all are
    written are they renamed into place, so an interrupted build leaves the old release whole."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.staged")
            temporary.write_bytes(data)
            staged.append((temporary, target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
