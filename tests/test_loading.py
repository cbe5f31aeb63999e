"""Loading through Hugging Face `datasets`: explicit Features, and an exact round trip back to the JSONL."""

import datasets
import pytest

from newsbench.corpus.loader import iter_documents, load
from newsbench.corpus.release import CORPUS_DIR
from newsbench.schema.features import document_features, to_document
from newsbench.schema.labels import SPLITS


@pytest.fixture(scope="module")
def dataset_dict(tmp_path_factory):
    return load(cache_dir=str(tmp_path_factory.mktemp("hf-cache")))


def test_features_are_explicit(dataset_dict):
    features = dataset_dict["train"].features
    assert features == document_features()
    assert isinstance(features["entities"], datasets.List)
    assert isinstance(features["entities"].feature["type"], datasets.ClassLabel)
    assert features["published"] == datasets.Value("date32")


@pytest.mark.parametrize("split", SPLITS)
def test_round_trip_gives_back_the_documents(dataset_dict, split):
    documents = list(iter_documents(split))
    rows = dataset_dict[split]
    assert len(rows) == len(documents)
    for row, document in zip(rows, documents):
        assert to_document(row) == document


def test_load_dataset_on_the_folder_reads_the_card(tmp_path):
    train = datasets.load_dataset(str(CORPUS_DIR), split="train", cache_dir=str(tmp_path))
    assert train.features == document_features()
    first = next(iter_documents("train"))
    assert to_document(train[0]) == first
    claim_without_source = [c for d in iter_documents("train") for c in d["claims"] if c["source"] is None]
    if claim_without_source:
        rows = [c for r in train for c in r["claims"] if c["source"] is None]
        assert rows, "a null claim source must stay None"


def test_unknown_split_is_refused():
    from newsbench.errors import NewsbenchError

    with pytest.raises(NewsbenchError, match="unknown split 'validation'"):
        load(split="validation")
