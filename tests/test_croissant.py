"""corpus/croissant.json is valid Croissant (checked by mlcroissant) and reads back the release's documents."""

import hashlib
import json

import pytest

from newsbench.corpus.release import CORPUS_DIR, VERSION
from newsbench.schema.labels import SPLITS

mlc = pytest.importorskip("mlcroissant")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dataset():
    return mlc.Dataset(jsonld=str(CORPUS_DIR / "croissant.json"))


def _plain(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def test_metadata_names_the_release_and_every_file(dataset):
    metadata = json.loads((CORPUS_DIR / "croissant.json").read_text(encoding="utf-8"))
    assert metadata["version"] == VERSION
    files = {f["contentUrl"]: f["sha256"] for f in metadata["distribution"]}
    assert set(files) == {f"data/{split}.jsonl" for split in SPLITS}
    for path, digest in files.items():
        assert hashlib.sha256((CORPUS_DIR / path).read_bytes()).hexdigest() == digest, f"{path}: stale sha256"
    assert not dataset.metadata.ctx.issues.errors


@pytest.mark.parametrize("split", SPLITS)
def test_records_read_back_the_documents(dataset, split):
    documents = [json.loads(line) for line in (CORPUS_DIR / "data" / f"{split}.jsonl").open(encoding="utf-8")]
    records = list(dataset.records(split))
    assert len(records) == len(documents)
    for record, document in zip(records, documents):
        assert _plain(record[f"{split}/id"]) == document["id"]
        assert _plain(record[f"{split}/text"]) == document["text"]
        assert _plain(record[f"{split}/outlet"]) == document["outlet"]
        figures = [{key.rsplit("/", 1)[1]: _plain(value) for key, value in item.items()} for item in record[f"{split}/casualties"]]
        assert figures == document["casualties"]
        entities = [{key.rsplit("/", 1)[1]: _plain(value) for key, value in item.items()} for item in record[f"{split}/entities"]]
        assert entities == document["entities"]
