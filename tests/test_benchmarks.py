"""Speed of the build and of validation, on demand: `make benchmark` (skipped in the normal test run)."""

from newsbench.corpus.build import compile_corpus
from newsbench.corpus.loader import split_path
from newsbench.corpus.release import CORPUS_DIR
from newsbench.schema.validate import validate_corpus_file


def test_compile_whole_corpus(benchmark):
    documents = benchmark(compile_corpus, CORPUS_DIR)
    assert documents


def test_validate_train_file(benchmark):
    errors = benchmark(validate_corpus_file, split_path("train"))
    assert errors == []
