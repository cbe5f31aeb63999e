"""The `learned` baseline: scikit-learn models trained on the train split, tuned on dev.

- boilerplate: a block classifier (logistic regression over the block's words and shape: position, length,
  `|` separators, final full stop), label = content or a boilerplate kind;
- entities: a token classifier (logistic regression over window features: the word, its shape, affixes,
  neighbours, train-gazetteer membership) with BIO decoding;
- claims: a token classifier for cue words; source and content are then taken around each cue as the
  rules baseline does (the quotation next to it, or the clause after it; the noun phrase before it);
- casualties: a candidate classifier over number expressions (category or none, then main or other) from
  the words around them; value and qualifier are read from the words.

`newsbench train --system learned` fits and saves the model with its corpus version; `predict` refuses a
model made for another corpus version. Training is seeded and takes seconds on two cores.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import Pipeline, make_pipeline

from newsbench.errors import NewsbenchError

from newsbench.baselines.rules import Gazetteer, find_claims
from newsbench.baselines.system import Document, System, register
from newsbench.baselines.text import blocks, figure_item, number_expressions, sentences, strip_span

TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")
MODEL_FILE = "learned.pkl"
SEED = 12345
C_GRID = (0.3, 1.0, 3.0)


def _classifier(c: float) -> Pipeline:
    return make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=2000, random_state=SEED))


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    return re.sub(r"\d", "d", re.sub(r"(.)\1+", r"\1\1", shape))


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# -- boilerplate -------------------------------------------------------------------------------------

def block_features(text: str) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    found = list(blocks(text))
    out = []
    for k, (start, end) in enumerate(found):
        block = text[start:end]
        words = block.lower().split()
        features: dict[str, Any] = {f"w={w.strip('.,:;!?()')}": 1 for w in words[:40]}
        features.update({
            "position": k / max(1, len(found) - 1), "first": k == 0, "last": k == len(found) - 1,
            "words": min(len(words), 100) / 100, "short": len(words) < 8, "bars": min(block.count(" | "), 10) / 10,
            "full_stop": block.rstrip().endswith("."), "digits": sum(ch.isdigit() for ch in block) > 0,
            "first_word": words[0] if words else "", "copyright": "©" in block, "quote": "“" in block,
        })
        out.append(((start, end), features))
    return out


def block_labels(document: Document, spans: list[tuple[int, int]]) -> list[str]:
    labels = []
    for start, end in spans:
        kind = next((b["kind"] for b in document["boilerplate"] if b["start"] <= start and end <= b["end"]), "content")
        labels.append(kind)
    return labels


# -- tokens ------------------------------------------------------------------------------------------

def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def token_features(text: str, spans: list[tuple[int, int]], gazetteer_starts: set[int], gazetteer_inside: set[int]) -> list[dict[str, Any]]:
    words = [text[s:e] for s, e in spans]
    out = []
    for k, word in enumerate(words):
        features: dict[str, Any] = {
            "w": word.lower(), "shape": _shape(word), "p3": word[:3].lower(), "s3": word[-3:].lower(),
            "title": word[:1].isupper(), "upper": word.isupper() and len(word) > 1,
            "gaz_b": spans[k][0] in gazetteer_starts, "gaz_i": spans[k][0] in gazetteer_inside,
            "first": k == 0 or words[k - 1] in ".!?“\"\n",
        }
        for offset in (-2, -1, 1, 2):
            j = k + offset
            neighbour = words[j] if 0 <= j < len(words) else "<edge>"
            features[f"w{offset}"] = neighbour.lower()
            features[f"shape{offset}"] = _shape(neighbour)
        out.append(features)
    return out


def bio_labels(spans: list[tuple[int, int]], entities: list[dict[str, Any]]) -> list[str]:
    labels = ["O"] * len(spans)
    for entity in entities:
        inside = [k for k, (s, e) in enumerate(spans) if entity["start"] <= s and e <= entity["end"]]
        for n, k in enumerate(inside):
            labels[k] = ("B-" if n == 0 else "I-") + entity["type"]
    return labels


def decode_bio(spans: list[tuple[int, int]], labels: Iterable[str]) -> list[tuple[int, int, str]]:
    """Entity spans from BIO labels; an I- without its B- starts a mention."""
    out: list[list[Any]] = []
    previous = "O"
    for (start, end), label in zip(spans, labels):
        if label == "O":
            previous = "O"
            continue
        kind = label[2:]
        if label.startswith("I-") and previous != "O" and previous[2:] == kind and out:
            out[-1][1] = end
        else:
            out.append([start, end, kind])
        previous = label
    return [(s, e, t) for s, e, t in out]


# -- casualty candidates -----------------------------------------------------------------------------

def candidate_features(text: str, start: int, end: int, boilerplate: list[tuple[int, int]], year: str) -> dict[str, Any]:
    before = re.findall(r"[\w’'-]+|[“”]", text[max(0, start - 60):start].lower())[-5:]
    after = re.findall(r"[\w’'-]+|[“”]", text[end:end + 60].lower())[:6]
    features: dict[str, Any] = {f"b{len(before) - i}={w}": 1 for i, w in enumerate(before)}
    features.update({f"a{i + 1}={w}": 1 for i, w in enumerate(after)})
    features.update({f"bag_after={w}": 1 for w in after})
    features.update({f"bag_before={w}": 1 for w in before})
    words = text[start:end].lower().split()
    features.update({"first_word": words[0], "n_words": len(words), "digits": any(ch.isdigit() for ch in text[start:end]),
                     "in_boilerplate": _inside(start, end, boilerplate),
                     "other_year": any(y != year for y in re.findall(r"\b(?:19|20)\d\d\b", text[max(0, start - 120):end + 120]))})
    return features


def candidate_target(start: int, end: int, figures: list[dict[str, Any]]) -> tuple[str, str]:
    for figure in figures:
        if figure["start"] < end and start < figure["end"]:
            return figure["category"], figure["event"]
    return "none", "none"


@register("learned")
class LearnedSystem(System):
    """Logistic-regression models for every layer, trained on train and tuned on dev."""

    name = "learned"
    version = "1"
    description = "scikit-learn logistic regression: block classifier (boilerplate), BIO token classifier (entities), cue token classifier with span rules (claims), number-candidate classifier (casualty figures)."

    def __init__(self) -> None:
        self.models: dict[str, Any] = {}
        self.gazetteer = Gazetteer()
        self.corpus_version: str | None = None

    # -- training --------------------------------------------------------------------------------

    def _gazetteer_marks(self, text: str) -> tuple[set[int], set[int]]:
        starts, inside = set(), set()
        for start, end, _ in self.gazetteer.find(text):
            starts.add(start)
            inside.update(range(start + 1, end))
        return starts, inside

    def _entity_rows(self, documents: list[Document]) -> tuple[list[dict[str, Any]], list[str]]:
        rows, labels = [], []
        for document in documents:
            spans = tokens(document["text"])
            rows += token_features(document["text"], spans, *self._gazetteer_marks(document["text"]))
            labels += bio_labels(spans, document["entities"])
        return rows, labels

    def _cue_rows(self, documents: list[Document]) -> tuple[list[dict[str, Any]], list[int]]:
        rows, labels = [], []
        for document in documents:
            spans = tokens(document["text"])
            cues = [(c["cue"]["start"], c["cue"]["end"]) for c in document["claims"]]
            rows += token_features(document["text"], spans, set(), set())
            labels += [int(_inside(s, e, cues)) for s, e in spans]
        return rows, labels

    def _block_rows(self, documents: list[Document]) -> tuple[list[dict[str, Any]], list[str]]:
        rows, labels = [], []
        for document in documents:
            found = block_features(document["text"])
            rows += [f for _, f in found]
            labels += block_labels(document, [s for s, _ in found])
        return rows, labels

    def _candidate_rows(self, documents: list[Document]) -> tuple[list[dict[str, Any]], list[str], list[str]]:
        rows, categories, events = [], [], []
        for document in documents:
            gold_boilerplate = [(b["start"], b["end"]) for b in document["boilerplate"]]
            for start, end in number_expressions(document["text"]):
                rows.append(candidate_features(document["text"], start, end, gold_boilerplate, document["published"][:4]))
                category, event = candidate_target(start, end, document["casualties"])
                categories.append(category)
                events.append(event)
        return rows, categories, events

    def _tuned(self, train: tuple[list, list], dev: tuple[list, list]) -> Any:
        best, best_score = None, -1.0
        for c in C_GRID:
            model = _classifier(c).fit(*train)
            score = f1_score(dev[1], model.predict(dev[0]), average="macro") if dev[0] else 0.0
            if score > best_score:
                best, best_score = model, score
        return best

    def fit(self, train: Iterable[Document], dev: Iterable[Document]) -> None:
        train, dev = list(train), list(dev)
        self.gazetteer = Gazetteer(train)
        self.models["blocks"] = self._tuned(self._block_rows(train), self._block_rows(dev))
        self.models["entities"] = self._tuned(self._entity_rows(train), self._entity_rows(dev))
        self.models["cues"] = self._tuned(self._cue_rows(train), self._cue_rows(dev))
        rows, categories, events = self._candidate_rows(train)
        dev_rows, dev_categories, dev_events = self._candidate_rows(dev)
        self.models["category"] = self._tuned((rows, categories), (dev_rows, dev_categories))
        positive = [k for k, c in enumerate(categories) if c != "none"]
        dev_positive = [k for k, c in enumerate(dev_categories) if c != "none"]
        self.models["event"] = self._tuned(([rows[k] for k in positive], [events[k] for k in positive]),
                                           ([dev_rows[k] for k in dev_positive], [dev_events[k] for k in dev_positive]))

    def save(self, model_dir: Path, corpus_version: str) -> Path:
        model_dir.mkdir(parents=True, exist_ok=True)
        path = model_dir / MODEL_FILE
        payload = {"corpus_version": corpus_version, "system_version": self.version, "models": self.models, "gazetteer": self.gazetteer}
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(payload))
        tmp.replace(path)
        return path

    def prepare(self, train: Iterable[Document], dev: Iterable[Document], model_dir: Path, corpus_version: str) -> None:
        path = model_dir / MODEL_FILE
        if not path.is_file():
            raise NewsbenchError(f"{path}: no trained model: run 'newsbench train --system learned' first")
        payload = pickle.loads(path.read_bytes())
        if payload["corpus_version"] != corpus_version or payload["system_version"] != self.version:
            raise NewsbenchError(f"{path}: the model was trained on corpus {payload['corpus_version']} (system version "
                                 f"{payload['system_version']}), this is corpus {corpus_version}: run 'newsbench train --system learned' again")
        self.models, self.gazetteer, self.corpus_version = payload["models"], payload["gazetteer"], corpus_version

    # -- prediction ------------------------------------------------------------------------------

    def predict(self, document: Document) -> dict[str, Any]:
        text = document["text"]
        found = block_features(text)
        kinds = self.models["blocks"].predict([f for _, f in found]) if found else []
        boilerplate = [{"start": s, "end": e, "kind": k} for ((s, e), _), k in zip(found, kinds) if k != "content"]
        spans = tokens(text)
        entity_rows = token_features(text, spans, *self._gazetteer_marks(text))
        entities = [{"id": f"T{k}", "start": s, "end": e, "type": t}
                    for k, (s, e, t) in enumerate(decode_bio(spans, self.models["entities"].predict(entity_rows) if spans else []), start=1)]
        claims = self._claims(text, spans)
        casualties = self._casualties(text, boilerplate, claims, document["published"][:4])
        return {"boilerplate": boilerplate, "entities": entities, "claims": claims, "casualties": casualties}

    def _claims(self, text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
        """Claims around the cue words the cue model finds.

        Where the rules' patterns place a claim on a predicted cue, it is kept; a predicted cue they miss gets
        the rest of its sentence as content and the words before it, back to a comma, as source.
        """
        if not spans:
            return []
        is_cue = self.models["cues"].predict(token_features(text, spans, set(), set()))
        cue_tokens = [span for span, flag in zip(spans, is_cue) if flag]
        candidates = find_claims(text)
        kept = [c for c in candidates if any(c["cue"]["start"] <= s and e <= c["cue"]["end"] for s, e in cue_tokens)]
        covered = [(c["cue"]["start"], c["cue"]["end"]) for c in kept]
        for block in blocks(text):
            for s_start, s_end in sentences(text, block):
                for start, end in cue_tokens:
                    if not (s_start <= start < s_end) or _inside(start, end, covered) or not text[start].isalpha():
                        continue
                    content = strip_span(text, end, s_end, " \n\t,.;:”“")
                    if text[content[0]:content[0] + 5] == "that ":
                        content = (content[0] + 5, content[1])
                    clause_start = max(text.rfind(",", s_start, start), text.rfind("“", s_start, start), s_start - 1) + 1
                    source = strip_span(text, clause_start, start, " \n\t,.;:”“")
                    if content[1] - content[0] < 3:
                        continue
                    kept.append({"source": {"start": source[0], "end": source[1]} if source[1] > source[0] else None,
                                 "cue": {"start": start, "end": end}, "content": {"start": content[0], "end": content[1]},
                                 "form": "indirect"})
                    covered.append((start, end))
        kept.sort(key=lambda c: c["content"]["start"])
        for k, claim in enumerate(kept, start=1):
            claim["id"] = f"C{k}"
        return kept

    def _casualties(self, text: str, boilerplate: list[dict[str, Any]], claims: list[dict[str, Any]], year: str) -> list[dict[str, Any]]:
        predicted_boilerplate = [(b["start"], b["end"]) for b in boilerplate]
        candidates = list(number_expressions(text))
        if not candidates:
            return []
        rows = [candidate_features(text, s, e, predicted_boilerplate, year) for s, e in candidates]
        categories = self.models["category"].predict(rows)
        events = self.models["event"].predict(rows)
        figures = []
        for (start, end), category, event in zip(candidates, categories, events):
            if category == "none":
                continue
            figure = figure_item(text, (start, end), category, event if event in ("main", "other") else "main", claims)
            if figure is not None:
                figures.append({"id": f"F{len(figures) + 1}", **figure})
        return figures

