"""Inter-annotator agreement: the second labelling of part of the test split (corpus/agreement/) scored
against the gold with the harness's own metrics, the gold taking the place of the reference.

Entities, claims and figures are compared on article content only (`content: main`): the outlet chrome is
rendered from the same template for both labellings and would inflate the figures. Boilerplate is compared
over the whole page, from the second annotator's block-by-block decisions.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from newsbench.corpus.agreement import AGREEMENT_DIR, second_labellings
from newsbench.corpus.loader import corpus_version, iter_documents
from newsbench.corpus.release import CORPUS_DIR
from newsbench.evaluate.harness import Options, Report, evaluate
from newsbench.jsonl import dumps

SPLIT = "test"
LAYER_FIELDS = ("boilerplate", "entities", "claims", "casualties")


def agreement(corpus_dir: Path = CORPUS_DIR, folder: Path = AGREEMENT_DIR, resamples: int = 1000) -> Report:
    """The harness report of the second labelling against the gold, over the relabelled test documents."""
    golds = {d["id"]: d for d in iter_documents(SPLIT, corpus_dir)}
    second = second_labellings(golds, folder)
    version = corpus_version(corpus_dir)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "second-labelling.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(dumps({"header": {"corpus_version": version, "split": SPLIT, "system": "second-annotator", "system_version": "1"}}) + "\n")
            for doc_id in sorted(second):
                handle.write(dumps({"id": doc_id, **{k: second[doc_id][k] for k in LAYER_FIELDS}}) + "\n")
        return evaluate([golds[i] for i in sorted(second)], path, version, SPLIT, Options(resamples=resamples, content="main"))


def agreement_json(report: Report, ids: list[str]) -> str:
    """The stored form of the agreement figures (corpus/agreement/agreement.json)."""
    return json.dumps({"relabelled": ids, **report.to_json()}, indent=2, ensure_ascii=False) + "\n"
