"""The second, independent labelling of part of the test split, kept to measure agreement.

`corpus/agreement/` holds, for each relabelled document:

- `<id>.md`: a source labelled from scratch by a second annotator, who started from `strip_labels` of the first
  source (the text and block structure without a single span label) and never saw the first labels;
- `<id>.blocks.tsv`: the second annotator's boilerplate decision for every block of the page text (`page_blocks`),
  one line `index<TAB>content` or `index<TAB>kind`; `kind+` continues the previous block's span (one related
  list of several teasers is one span).

`second_labelling` compiles both into documents comparable with the gold ones; `newsbench.evaluate.agreement`
scores them with the harness's metrics.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newsbench.errors import InputError, InputErrors
from newsbench.schema.labels import BOILERPLATE_KINDS

from newsbench.corpus.compiler import compile_document
from newsbench.corpus.outlets import Outlet, load_outlets
from newsbench.corpus.release import CORPUS_DIR

AGREEMENT_DIR = CORPUS_DIR / "agreement"
BLOCK_BREAK = re.compile(r"\n\n+")


def strip_labels(source: str) -> str:
    """A source without its span labels: `[words]{attributes}` becomes `words`; front matter, blocks, fences and
    escaped brackets stay as they are, so the stripped source compiles to the same text."""
    head, separator, body = source.partition("\n---\n")
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(body[i:i + 2])
            i += 2
        elif ch == "[":
            i += 1
        elif ch == "]" and body.startswith("{", i + 1):
            i = body.index("}", i + 2) + 1
        else:
            out.append(ch)
            i += 1
    return head + separator + "".join(out)


def page_blocks(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the blocks of a page's text: the stretches between blank lines."""
    blocks, position = [], 0
    for match in BLOCK_BREAK.finditer(text):
        blocks.append((position, match.start()))
        position = match.end()
    blocks.append((position, len(text)))
    return [(start, end) for start, end in blocks if end > start]


def read_block_labels(path: Path, blocks: int) -> list[str]:
    """The per-block decisions of a `.blocks.tsv` file, checked: every block once, known kinds only."""
    labels: dict[int, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        index, _, label = line.partition("\t")
        if not index.strip().isdigit() or int(index) >= blocks:
            raise InputError(path, number, f"block index must be 0..{blocks - 1}", field="index")
        label = label.strip()
        if label.removesuffix("+") not in ("content", *BOILERPLATE_KINDS) or label == "content+":
            raise InputError(path, number, f"unknown label {label!r} (content, or a kind of {', '.join(BOILERPLATE_KINDS)} with an optional +)", field="label")
        if label.endswith("+") and labels.get(int(index) - 1, "").removesuffix("+") != label[:-1]:
            raise InputError(path, number, f"{label} continues a span, but block {int(index) - 1} is not {label[:-1]}", field="label")
        labels[int(index)] = label
    missing = sorted(set(range(blocks)) - set(labels))
    if missing:
        raise InputError(path, None, f"blocks without a decision: {missing[:10]}")
    return [labels[k] for k in range(blocks)]


def second_labelling(gold: dict[str, Any], outlets: dict[str, Outlet], folder: Path = AGREEMENT_DIR) -> dict[str, Any]:
    """The second annotator's document for `gold`: entities, claims and figures from `<id>.md`, boilerplate from
    `<id>.blocks.tsv`. Refused (InputError) when its text is not the gold text."""
    source = folder / f"{gold['id']}.md"
    document = compile_document(source, outlets)
    if document["text"] != gold["text"]:
        raise InputError(source, None, "the relabelled source does not compile to the gold text")
    blocks = page_blocks(gold["text"])
    labels = read_block_labels(folder / f"{gold['id']}.blocks.tsv", len(blocks))
    spans: list[dict[str, Any]] = []
    for (start, end), label in zip(blocks, labels):
        if label.endswith("+"):
            spans[-1]["end"] = end
        elif label != "content":
            spans.append({"start": start, "end": end, "kind": label})
    document["boilerplate"] = spans
    return document


def relabelled_ids(folder: Path = AGREEMENT_DIR) -> list[str]:
    """The ids of the documents with a second labelling."""
    return sorted(p.stem for p in folder.glob("nb-*.md"))


def second_labellings(golds: dict[str, dict[str, Any]], folder: Path = AGREEMENT_DIR) -> dict[str, dict[str, Any]]:
    """Every second labelling in `folder`, all errors reported together."""
    documents, errors = {}, []
    outlets = load_outlets(CORPUS_DIR / "outlets")
    for doc_id in relabelled_ids(folder):
        try:
            if doc_id not in golds:
                raise InputError(folder / f"{doc_id}.md", None, "no gold document with this id", field="id")
            documents[doc_id] = second_labelling(golds[doc_id], outlets, folder)
        except InputErrors as err:
            errors.extend(err.errors)
        except InputError as err:
            errors.append(err)
    if errors:
        raise InputErrors(errors)
    return documents
