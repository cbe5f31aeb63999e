"""An annotated-document page: the page text with every layer drawn, gold alone or gold beside a prediction.

Boilerplate is shaded by kind, entities are underlined by type, claims show source, cue and content (linked:
pointing at one part lights up the other two), casualty figures carry a badge with category, value and event.
With a prediction, each mark is also `ok`, `missed` (gold only) or `spurious` (prediction only), by the
harness's own matching. Everything from documents and predictions is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from newsbench.schema.labels import BOILERPLATE_KINDS, ENTITY_TYPES

from newsbench.evaluate.casualties import figure_pairs
from newsbench.evaluate.claims import content_pairs

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENTITY_COLOURS = dict(zip(ENTITY_TYPES, ("#1f77b4", "#d62728", "#2ca02c", "#8c564b", "#9467bd", "#e377c2", "#ff7f0e")))
BOILERPLATE_COLOURS = dict(zip(BOILERPLATE_KINDS, ("#e8e8e8", "#ffe0e0", "#e0f0ff", "#e6ffe6", "#fff0d0", "#f0e6ff",
                                                   "#fff8cc", "#e0fff8", "#ffe6f5", "#dddddd", "#f5f5dc")))

_environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                  undefined=jinja2.StrictUndefined)


def statuses(gold: dict[str, Any], predicted: dict[str, Any] | None) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str]]:
    """Per (layer, item index): `ok` or `missed` for gold items, `ok` or `spurious` for predicted ones."""
    gold_status: dict[tuple[str, int], str] = {}
    predicted_status: dict[tuple[str, int], str] = {}
    if predicted is None:
        return gold_status, predicted_status
    pairs: dict[str, list[tuple[int, int]]] = {}

    def exact(layer: str, key: tuple[str, ...]) -> list[tuple[int, int]]:
        index = {tuple(item[k] for k in key): g for g, item in enumerate(gold[layer])}
        return [(index[tuple(item.get(k) for k in key)], p) for p, item in enumerate(predicted.get(layer) or [])
                if tuple(item.get(k) for k in key) in index]

    pairs["boilerplate"] = exact("boilerplate", ("start", "end", "kind"))
    pairs["entities"] = exact("entities", ("start", "end", "type"))
    pairs["claims"] = content_pairs(gold["text"], gold["claims"], predicted.get("claims") or [])
    pairs["casualties"] = figure_pairs(gold["casualties"], predicted.get("casualties") or [])
    for layer, matched in pairs.items():
        if layer not in predicted:
            continue
        hit_gold = {g for g, _ in matched}
        hit_predicted = {p for _, p in matched}
        for g in range(len(gold[layer])):
            gold_status[(layer, g)] = "ok" if g in hit_gold else "missed"
        for p in range(len(predicted[layer])):
            predicted_status[(layer, p)] = "ok" if p in hit_predicted else "spurious"
    return gold_status, predicted_status


def _marks(layers: dict[str, Any], status: dict[tuple[str, int], str], prefix: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css classes, title, data-claim) for every span of every layer."""
    marks = []
    for k, span in enumerate(layers.get("boilerplate") or []):
        state = status.get(("boilerplate", k), "")
        marks.append((span["start"], span["end"], f"bp bp-{span['kind']} {state}", f"boilerplate: {span['kind']} {state}".strip(), ""))
    for k, mention in enumerate(layers.get("entities") or []):
        state = status.get(("entities", k), "")
        title = f"{mention['type']} ({mention.get('entity') or '-'}) {state}".strip()
        marks.append((mention["start"], mention["end"], f"ent ent-{mention['type']} {state}", title, ""))
    for k, claim in enumerate(layers.get("claims") or []):
        state = status.get(("claims", k), "")
        name = f"{prefix}{claim.get('id') or k + 1}"
        for part in ("source", "cue", "content"):
            if claim.get(part):
                title = f"claim {claim.get('id') or k + 1}: {part}" + (f", {claim.get('form')}" if part == "content" and claim.get("form") else "")
                marks.append((claim[part]["start"], claim[part]["end"], f"claim claim-{part} {state}", f"{title} {state}".strip(), name))
    for k, figure in enumerate(layers.get("casualties") or []):
        state = status.get(("casualties", k), "")
        value = figure.get("value") if figure.get("value") is not None else "?"
        title = f"{figure['category']} {value} ({figure.get('qualifier') or '-'}, {figure.get('event') or '-'}) {state}".strip()
        marks.append((figure["start"], figure["end"], f"cas cas-{figure['category']} {state}", title, ""))
    return marks


def annotated_text(text: str, layers: dict[str, Any], status: dict[tuple[str, int], str], prefix: str) -> Markup:
    """The text as HTML: one `<span>` per stretch of characters under the same marks, each mark's label in its title."""
    marks = _marks(layers, status, prefix)
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for k, (start, end, *_) in enumerate(marks):
        starts[start].append(k)
        ends[end].append(k)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    html: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        active -= set(ends.get(left, []))
        active |= set(starts.get(left, []))
        piece = str(escape(text[left:right])).replace("\n\n", "<br><br>")
        if not active:
            html.append(piece)
            continue
        ordered = sorted(active)
        classes = " ".join(dict.fromkeys(c for k in ordered for c in marks[k][2].split()))
        title = "; ".join(marks[k][3] for k in ordered)
        claims = " ".join(marks[k][4] for k in ordered if marks[k][4])
        badge = ""
        for k in ordered:
            if marks[k][1] == right and marks[k][2].startswith("cas "):
                badge += f'<sup class="badge">{escape(marks[k][3])}</sup>'
        html.append(f'<span class="{escape(classes)}" title="{escape(title)}" data-claims="{escape(claims)}">{piece}</span>{badge}')
    return Markup("".join(html))


def document_page(document: dict[str, Any], predicted: dict[str, Any] | None = None, system: str | None = None) -> str:
    """The HTML page of one document (and a prediction for it)."""
    gold_status, predicted_status = statuses(document, predicted)
    columns = [("gold", annotated_text(document["text"], document, gold_status, "g"))]
    if predicted is not None:
        columns.append((f"prediction: {system or 'system'}", annotated_text(document["text"], predicted, predicted_status, "p")))
    counts = {layer: len(document[layer]) for layer in ("boilerplate", "entities", "claims", "casualties")}
    return _environment.get_template("document.html.j2").render(
        document=document, columns=columns, counts=counts, entity_colours=ENTITY_COLOURS,
        boilerplate_colours=BOILERPLATE_COLOURS, compared=predicted is not None)


def index_page(documents: list[dict[str, Any]], split: str, system: str | None = None) -> str:
    """The index of a folder of document pages."""
    return _environment.get_template("index.html.j2").render(documents=documents, split=split, system=system)
