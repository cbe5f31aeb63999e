"""Speed and memory, on demand: `make benchmark` (skipped in the normal test run).

- the build and validation of the corpus;
- scoring all layers of a synthetic 10,000-document prediction set (documents per second in extra_info);
- the entity scorer against nervaluate on identical data (identical numbers; the speed ratio in extra_info);
- peak memory of a streamed scoring run at 10,000 and 100,000 documents (in extra_info).
"""

import json
import subprocess
import sys
import time

import numpy as np
import pytest

from newsbench.corpus.build import compile_corpus
from newsbench.corpus.loader import corpus_version, split_path
from newsbench.corpus.release import CORPUS_DIR
from newsbench.evaluate.entities import SCHEMES, EntitySchemes
from newsbench.evaluate.harness import Options, evaluate
from newsbench.schema.labels import ENTITY_TYPES
from newsbench.schema.validate import validate_corpus_file

from synthetic import corpus_documents, perturbed, synthetic_gold, write_predictions


def test_compile_whole_corpus(benchmark):
    documents = benchmark(compile_corpus, CORPUS_DIR)
    assert documents


def test_validate_train_file(benchmark):
    errors = benchmark(validate_corpus_file, split_path("train"))
    assert errors == []


@pytest.fixture(scope="module")
def predictions_10k(tmp_path_factory):
    base = corpus_documents()
    path = write_predictions(tmp_path_factory.mktemp("bench") / "preds.jsonl", 10_000, base, corpus_version())
    return base, path


def test_score_all_layers_10k(benchmark, predictions_10k):
    base, path = predictions_10k
    run = lambda: evaluate(synthetic_gold(10_000, base), path, corpus_version(), "test", Options(resamples=1000))  # noqa: E731
    report = benchmark.pedantic(run, rounds=1, iterations=1)
    assert report.documents == 10_000
    benchmark.extra_info["documents_per_second"] = round(10_000 / benchmark.stats.stats.mean, 1)


def test_entity_scorer_against_nervaluate(benchmark):
    import random

    from nervaluate import Evaluator

    rng = random.Random(3)
    base = corpus_documents()
    pairs = [(d, perturbed(d, rng)) for d in synthetic_gold(2_000, base)]
    metric = EntitySchemes()

    def ours():
        return sum(metric.counts(g, p) for g, p in pairs)

    def as_dicts(items):
        return [{"label": e["type"], "start": e["start"], "end": e["end"] - 1} for e in sorted(items, key=lambda e: (e["start"], e["end"], e["type"]))]

    true = [as_dicts(g["entities"]) for g, _ in pairs]
    pred = [as_dicts(p["entities"]) for _, p in pairs]
    started = time.perf_counter()
    theirs = Evaluator(true, pred, tags=list(ENTITY_TYPES), loader="dict").evaluate()
    nervaluate_seconds = time.perf_counter() - started
    totals = benchmark.pedantic(ours, rounds=3, iterations=1)
    for scheme, name in zip(SCHEMES, ("strict", "exact", "partial", "ent_type")):
        scores = metric.scheme_scores(totals, scheme)
        reference = theirs["overall"][name]
        assert (float(scores["precision"]), float(scores["recall"]), float(scores["f1"])) == (reference.precision, reference.recall, reference.f1)
    benchmark.extra_info["nervaluate_seconds"] = round(nervaluate_seconds, 3)
    benchmark.extra_info["speedup_vs_nervaluate"] = round(nervaluate_seconds / benchmark.stats.stats.mean, 1)


MEMORY_SCRIPT = """
import resource, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from synthetic import corpus_documents, synthetic_gold
from newsbench.corpus.loader import corpus_version
from newsbench.evaluate.harness import Options, evaluate
n = int(sys.argv[1])
report = evaluate(synthetic_gold(n, corpus_documents()), Path(sys.argv[2]), corpus_version(), "test", Options(resamples=1000))
print(n, report.documents, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_peak_memory_does_not_grow_with_documents(benchmark, tmp_path):
    from pathlib import Path

    base = corpus_documents()
    peaks = {}
    for n in (10_000, 100_000):
        path = write_predictions(tmp_path / f"preds-{n}.jsonl", n, base, corpus_version())
        script = MEMORY_SCRIPT.format(tests=str(Path(__file__).parent))
        out = subprocess.run([sys.executable, "-c", script, str(n), str(path)], capture_output=True, text=True, check=True)
        _, documents, peak_kib = out.stdout.split()
        assert int(documents) == n
        peaks[n] = int(peak_kib) / 1024
        path.unlink()
    benchmark.extra_info["peak_rss_mib"] = {str(k): round(v, 1) for k, v in peaks.items()}
    benchmark.pedantic(lambda: None, rounds=1)
    assert peaks[100_000] < peaks[10_000] * 1.5, peaks
