"""The second labelling: stripping labels keeps the text, scoring a labelling against itself agrees fully,
bad block files are refused, and the stored agreement figures reproduce."""

import json
import shutil

import pytest

from newsbench.corpus.agreement import AGREEMENT_DIR, page_blocks, read_block_labels, relabelled_ids, strip_labels
from newsbench.corpus.build import compile_corpus
from newsbench.corpus.loader import iter_documents
from newsbench.corpus.release import CORPUS_DIR
from newsbench.errors import InputError
from newsbench.evaluate.agreement import agreement, agreement_json

from conftest import source

BODY = """\
[Police]{ORG E=police src=C1} [said]{cue=C1} [[at least 12]{CAS=killed value=12 qualifier=at_least} people died in
[Ruritania]{GPE E=ruritania}]{content=C1 form=indirect}. A price of \\[sic\\] 3 crowns.

::: related
Read more: [Two]{CAS=injured value=2 qualifier=exact} hurt in crash
:::
"""


def test_stripped_source_compiles_to_the_same_text_without_labels(make_corpus):
    root = make_corpus({"flood/nb-0901.md": source(BODY)})
    (gold,) = compile_corpus(root)
    path = root / "sources" / "flood" / "nb-0901.md"
    stripped = strip_labels(path.read_text(encoding="utf-8"))
    assert "[" not in stripped.replace("\\[", "") and "{" not in stripped
    path.write_text(stripped, encoding="utf-8")
    (bare,) = compile_corpus(root)
    assert bare["text"] == gold["text"]
    assert gold["entities"] and gold["claims"] and gold["casualties"]
    assert {bare["text"][e["start"]:e["end"]] for e in bare["entities"]} == {"Wirepoint"}  # the outlet's chrome
    assert bare["claims"] == [] and bare["casualties"] == []


def test_block_labels_are_checked(tmp_path):
    path = tmp_path / "nb-0901.blocks.tsv"
    path.write_text("0\tcontent\n1\tnavigation\n", encoding="utf-8")
    assert read_block_labels(path, 2) == ["content", "navigation"]
    with pytest.raises(InputError, match="blocks without a decision: \\[2\\]"):
        read_block_labels(path, 3)
    path.write_text("0\tcontent\n1\tsidebar\n", encoding="utf-8")
    with pytest.raises(InputError, match="nb-0901.blocks.tsv:2: label: unknown label 'sidebar'"):
        read_block_labels(path, 2)
    path.write_text("0\tcontent\n1\trelated+\n", encoding="utf-8")
    with pytest.raises(InputError, match="related\\+ continues a span, but block 0 is not related"):
        read_block_labels(path, 2)


def _copy_of_gold(folder, documents):
    for document in documents:
        shutil.copy(next((CORPUS_DIR / "sources").rglob(f"{document['id']}.md")), folder)
        kinds, previous = [], None
        for start, end in page_blocks(document["text"]):
            inside = [b for b in document["boilerplate"] if b["start"] <= start and end <= b["end"]]
            kinds.append("content" if not inside else inside[0]["kind"] + ("+" if inside[0] is previous else ""))
            previous = inside[0] if inside else None
        (folder / f"{document['id']}.blocks.tsv").write_text("".join(f"{k}\t{kind}\n" for k, kind in enumerate(kinds)), encoding="utf-8")


@pytest.mark.slow
def test_the_gold_agrees_with_itself(tmp_path):
    _copy_of_gold(tmp_path, list(iter_documents("test"))[:2])
    report = agreement(folder=tmp_path, resamples=50)
    assert report.documents == 2
    for layer, rows in report.figures.items():
        for name, figure in rows.items():
            assert figure.score == (0.0 if name.endswith(".mae") else 1.0), (layer, name)


@pytest.mark.slow
def test_stored_agreement_figures_reproduce():
    ids = relabelled_ids()
    assert len(ids) >= 0.10 * sum(1 for _ in iter_documents("test")), "at least 10% of the test split is relabelled"
    stored = (AGREEMENT_DIR / "agreement.json").read_text(encoding="utf-8")
    assert agreement_json(agreement(), ids) == stored, "stale: run newsbench agreement --write"
    figures = json.loads(stored)["report"]
    assert set(figures) == {"boilerplate", "entities", "claims", "casualties"}
