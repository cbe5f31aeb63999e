"""Trivial floors that every real system must beat, one idea per layer.

- boilerplate: everything is content (no boilerplate span); the HTML track's floor is `html-floor` (peers.py);
- entities: every capitalised word is an entity of the train split's most frequent type;
- claims: every "said" is a cue, with the rest of its sentence as content and no source;
- casualties: every number expression is a killed figure of the main event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsbench.baselines.system import Document, System, register
from newsbench.baselines.text import blocks, figure_item, number_expressions, sentences, strip_span

CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]*")
SAID = re.compile(r"\bsaid\b")


@register("floor")
class FloorSystem(System):
    """The trivial floor of every layer."""

    name = "floor"
    version = "1"
    description = "Everything is content; every capitalised word is an entity; every 'said' is a cue; every number is a killed figure."

    def __init__(self) -> None:
        self.entity_type = "PER"

    def fit(self, train: Iterable[Document], dev: Iterable[Document]) -> None:
        counts = Counter(e["type"] for d in train for e in d["entities"])
        if counts:
            self.entity_type = counts.most_common(1)[0][0]

    def predict(self, document: Document) -> dict[str, Any]:
        text = document["text"]
        entities = [{"start": m.start(), "end": m.end(), "type": self.entity_type} for m in CAPITALISED_WORD.finditer(text)]
        claims = []
        for block in blocks(text):
            for s_start, s_end in sentences(text, block):
                for match in SAID.finditer(text, s_start, s_end):
                    content = strip_span(text, match.end(), s_end)
                    if content[1] > content[0]:
                        claims.append({"source": None, "cue": {"start": match.start(), "end": match.end()},
                                       "content": {"start": content[0], "end": content[1]}, "form": "indirect"})
        casualties = [f for span in number_expressions(text) if (f := figure_item(text, span, "killed", "main"))]
        return {"boilerplate": [], "entities": entities, "claims": claims, "casualties": casualties}
