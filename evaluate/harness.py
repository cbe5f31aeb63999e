"""Scoring a prediction file against gold documents: every layer, intervals, signatures, subsets.

`evaluate` streams the gold documents once and reads each document's prediction from an index of the
prediction file (line offsets), so memory holds the bootstrap sums and the index, not the documents.
Nothing is reported unless the whole file is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np

from newsbench import __version__
from newsbench.errors import InputError, InputErrors, NewsbenchError
from newsbench.jsonl import read_line_at, scan_jsonl
from newsbench.schema.validate import schema_errors, span_errors

from newsbench.evaluate.boilerplate import BoilerplateCharacters, BoilerplateSpans
from newsbench.evaluate.casualties import CasualtyFigures, MainEventToll
from newsbench.evaluate.claims import ClaimMatch
from newsbench.evaluate.entities import EntitySchemes
from newsbench.evaluate.html_track import SequenceMatch, ShingleMatch
from newsbench.evaluate.metric import Document, Metric
from newsbench.evaluate.resampling import Bootstrap, interval

# The prediction field each metric reads.
METRICS: dict[str, list[Metric]] = {
    "boilerplate": [BoilerplateCharacters(), BoilerplateSpans()],
    "main_text": [ShingleMatch(), SequenceMatch()],
    "entities": [EntitySchemes()],
    "claims": [ClaimMatch()],
    "casualties": [CasualtyFigures(), MainEventToll()],
}

# The figures a report shows, each with an interval and a signature: (metric key, score name).
HEADLINES: dict[str, list[tuple[str, str]]] = {
    "boilerplate": [("boilerplate.chars", "f1"), ("boilerplate.chars", "precision"), ("boilerplate.chars", "recall"),
                    ("boilerplate.spans", "f1")],
    "main_text": [("html.shingles", "f1"), ("html.shingles", "precision"), ("html.shingles", "recall"),
                  ("html.sequence", "f1")],
    "entities": [("entities.schemes", "strict.f1"), ("entities.schemes", "strict.precision"),
                 ("entities.schemes", "strict.recall"), ("entities.schemes", "exact.f1"),
                 ("entities.schemes", "partial.f1"), ("entities.schemes", "type.f1")],
    "claims": [("claims.relations", "detection.f1"), ("claims.relations", "detection_exact.f1"),
               ("claims.relations", "cue.f1"), ("claims.relations", "source.f1"), ("claims.relations", "relation.f1"),
               ("claims.relations", "form.accuracy")],
    "casualties": [("casualties.figures", "f1"), ("casualties.figures", "value.accuracy"),
                   ("casualties.figures", "qualifier.accuracy"), ("casualties.figures", "event.accuracy"),
                   ("casualties.figures", "status.accuracy"),
                   ("casualties.toll", "killed.accuracy"), ("casualties.toll", "killed.mae"),
                   ("casualties.toll", "injured.accuracy"), ("casualties.toll", "injured.mae")],
}
MASKABLE = ("entities", "claims", "casualties")


@dataclass(frozen=True)
class Options:
    """Everything besides the data that changes a number."""

    resamples: int = 1000
    seed: int = 12345
    content: str = "all"
    allow_subset: bool = False
    ignore_version: bool = False

    def __post_init__(self) -> None:
        if self.resamples < 1:
            raise NewsbenchError("resamples must be at least 1")
        if self.content not in ("all", "main"):
            raise NewsbenchError("content is 'all' (the whole page) or 'main' (gold boilerplate masked)")


def signature(corpus_version: str, split: str, metric: str, score: str, options: Options) -> str:
    """The sacrebleu-style signature of one figure: what to set to reproduce it."""
    layer, name = metric.split(".")
    what = f"scheme:{score.split('.')[0]}" if layer == "entities" else f"metric:{name}.{score}"
    parts = [f"corpus:{corpus_version}", f"split:{split}", f"layer:{layer}", what]
    if layer in MASKABLE:
        parts.append(f"content:{options.content}")
    parts += [f"bs:{options.resamples}", f"seed:{options.seed}", f"version:{__version__}"]
    return "newsbench|" + "|".join(parts)


@dataclass
class Figure:
    """One reported figure: its value, 95% interval and signature."""

    score: float
    low: float
    high: float
    signature: str


@dataclass
class Report:
    """The result of scoring one prediction file."""

    corpus_version: str
    split: str
    options: Options
    documents: int
    absent: int
    layers: list[str]
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)
    subsets: dict[str, dict[str, dict[str, Figure]]] = field(default_factory=dict)
    details: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        def figures(table: dict[str, dict[str, Figure]]) -> dict[str, Any]:
            return {layer: {name: vars(f) for name, f in rows.items()} for layer, rows in table.items()}

        return {
            "corpus_version": self.corpus_version,
            "split": self.split,
            "documents": self.documents,
            "absent": self.absent,
            "options": vars(self.options),
            "harness_version": __version__,
            "report": figures(self.figures),
            "subsets": {name: figures(table) for name, table in self.subsets.items()},
            "details": self.details,
        }


class PredictionFile:
    """A prediction file, checked line by line and indexed by document id."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.header: dict[str, Any] | None = None
        self.offsets: dict[str, tuple[int, int]] = {}
        self.fields: set[str] = set()
        errors: list[InputError] = []
        for line, offset, obj in scan_jsonl(self.path):
            if "header" in obj:
                errors += schema_errors(obj, "header", self.path, line)
                if line != 1 or self.offsets:
                    errors.append(InputError(self.path, line, "the header must be the first line", field="header"))
                self.header = obj.get("header") if isinstance(obj.get("header"), dict) else None
                continue
            problems = schema_errors(obj, "prediction", self.path, line)
            if not problems and obj["id"] in self.offsets:
                first = self.offsets[obj["id"]][0]
                problems.append(InputError(self.path, line, f"duplicate document id {obj['id']!r} (first on line {first})", field="id"))
            if not problems:
                self.offsets[obj["id"]] = (line, offset)
                self.fields.update(k for k in obj if k != "id")
            errors += problems
            if len(errors) >= 100:
                break
        if errors:
            raise InputErrors(errors)
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> PredictionFile:
        self._handle = self.path.open("rb")
        return self

    def __exit__(self, *_: object) -> None:
        if self._handle:
            self._handle.close()

    def get(self, doc_id: str) -> tuple[int, dict[str, Any]] | None:
        """The line number and prediction of a document, or None when it has none."""
        if doc_id not in self.offsets:
            return None
        assert self._handle is not None, "open the file with 'with'"
        line, offset = self.offsets[doc_id]
        return line, read_line_at(self._handle, offset)


def check_version(predictions: PredictionFile, corpus_version: str, split: str, options: Options) -> None:
    """Refuse predictions made for another corpus version or split, unless told to ignore the version."""
    header = predictions.header
    if options.ignore_version:
        return
    if header is None:
        raise InputError(predictions.path, 1, f'no header line: start the file with {{"header": {{"corpus_version": "{corpus_version}"}}}} '
                         "(or pass --ignore-version)", field="header")
    if header.get("corpus_version") != corpus_version:
        raise InputError(predictions.path, 1, f"predictions were made for corpus {header.get('corpus_version')}, this is corpus "
                         f"{corpus_version}: rerun the system on this version (or pass --ignore-version)", field="header.corpus_version")
    if header.get("split", split) != split:
        raise InputError(predictions.path, 1, f"predictions are for split {header['split']}, scoring split {split}", field="header.split")


def coverage_errors(predictions: PredictionFile, seen: set[str], absent: int, split: str, options: Options) -> list[InputError]:
    """Predicted ids that are not documents of the split, and (unless allowed) documents left unpredicted."""
    unknown = sorted(set(predictions.offsets) - seen)
    errors = [InputError(predictions.path, predictions.offsets[i][0], f"unknown document id {i!r} (not in split {split})", field="id")
              for i in unknown[:20]]
    if absent and not options.allow_subset:
        errors.append(InputError(predictions.path, None, f"{absent} documents of split {split} have no prediction "
                                 "(pass --allow-subset to score the documents present)"))
    return errors


def _inside(span: dict[str, Any] | None, masked: list[tuple[int, int]]) -> bool:
    return span is not None and any(a <= span["start"] and span["end"] <= b for a, b in masked)


def mask_boilerplate(gold: Document, predicted: Document) -> tuple[Document, Document]:
    """Drop the entities, claims and figures that lie inside gold boilerplate, from gold and prediction."""
    masked = [(s["start"], s["end"]) for s in gold["boilerplate"]]

    def keep(doc: Document) -> Document:
        out = dict(doc)
        for layer in MASKABLE:
            if layer in doc:
                anchor = "content" if layer == "claims" else None
                out[layer] = [item for item in doc[layer] if not _inside(item[anchor] if anchor else item, masked)]
        return out

    return keep(gold), keep(predicted)


def active_layers(fields: set[str]) -> list[str]:
    """The layers a prediction file scores: those that appear on any of its lines."""
    return [layer for layer in METRICS if layer in fields]


def evaluate(gold: Iterable[Document], predictions_path: Path, corpus_version: str, split: str,
             options: Options = Options(), subset_of: Callable[[Document], str | None] | None = None,
             progress: Callable[[Iterable[Document]], Iterator[Document]] | None = None) -> Report:
    """Score a prediction file against the gold documents of one split.

    `subset_of` names the subset of a document (e.g. "unseen outlets"), reported beside the whole split.
    """
    predictions = PredictionFile(predictions_path)
    check_version(predictions, corpus_version, split, options)
    layers = active_layers(predictions.fields)
    if not layers:
        raise InputError(predictions.path, None, f"no layer to score: give at least one of {', '.join(METRICS)}")
    metrics = [m for layer in layers for m in METRICS[layer]]
    widths = [len(m.columns) for m in metrics]
    edges = np.cumsum([0] + widths)
    accumulators: dict[str, Bootstrap] = {}
    documents = len(predictions.offsets)  # every predicted id must be a gold id, or the run fails below
    errors: list[InputError] = []
    seen: set[str] = set()
    absent = 0
    with predictions:
        for doc in (progress or iter)(gold):
            found = predictions.get(doc["id"])
            if found is None:
                absent += 1
                continue
            line, predicted = found
            seen.add(doc["id"])
            problems = span_errors(predicted, doc["text"], predictions.path, line, gold=False)
            if problems:
                errors += problems
                continue
            scored_gold, scored_pred = mask_boilerplate(doc, predicted) if options.content == "main" else (doc, predicted)
            counts = np.concatenate([m.counts(scored_gold, scored_pred) for m in metrics])
            subset = subset_of(doc) if subset_of else None
            groups = ["all"] + ([subset] if subset else [])
            weights = None
            for group in groups:
                accumulator = accumulators.setdefault(group, Bootstrap(int(edges[-1]), options.resamples, options.seed, documents))
                if weights is None:
                    weights = accumulator.weights()
                accumulator.add(counts, weights)
    errors += coverage_errors(predictions, seen, absent, split, options)
    if errors:
        raise InputErrors(errors)
    if "all" not in accumulators:
        raise InputError(predictions.path, None, f"no prediction for any document of split {split}")
    report = Report(corpus_version, split, options, accumulators["all"].documents, absent, layers)
    for group, accumulator in accumulators.items():
        table = _figures(metrics, edges, accumulator, layers, corpus_version, split, options)
        if group == "all":
            report.figures = table
            report.details = _details(metrics, edges, accumulator.total)
        else:
            report.subsets[group] = table
    return report


def _figures(metrics: list[Metric], edges: np.ndarray, accumulator: Bootstrap, layers: list[str],
             corpus_version: str, split: str, options: Options) -> dict[str, dict[str, Figure]]:
    by_key = {m.key: (m, edges[k], edges[k + 1]) for k, m in enumerate(metrics)}
    table: dict[str, dict[str, Figure]] = {}
    for layer in layers:
        rows = table.setdefault(layer, {})
        for key, score in HEADLINES[layer]:
            metric, start, end = by_key[key]
            value = float(metric.scores(accumulator.total[start:end])[score])
            low, high = interval(metric.scores(accumulator.resampled[:, start:end])[score])
            rows[f"{key}.{score}"] = Figure(value, low, high, signature(corpus_version, split, key, score, options))
    return table


def _details(metrics: list[Metric], edges: np.ndarray, total: np.ndarray) -> dict[str, dict[str, float]]:
    """Every score of every metric (per kind, per type, ...), without intervals."""
    return {m.key: {name: float(v) for name, v in m.scores(total[edges[k]:edges[k + 1]]).items()} for k, m in enumerate(metrics)}
