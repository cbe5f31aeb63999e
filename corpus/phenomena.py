"""The phenomena a release must cover, counted from its documents, and the minimum each must reach.

The build records the counts in MANIFEST.json and `newsbench stats` prints them beside the quotas;
a test checks that the committed release meets every quota. Each count is defined here once:

- `*_figures`: casualty figures by qualifier; `number_word_figures` are figures written without digits
  that are neither vague nor zero phrases ("three", "a dozen"); `superseded_figures` are updated tolls,
  `disputed_figures` conflicting figures, `other_incident_figures` figures with `event: other`.
- `non_casualty_numbers`: runs of digits in article text (outside boilerplate) that no figure covers
  (ages, years, money, distances, arrests).
- claim sources: `unattributed` (no source), `pronoun` (a personal pronoun), `organisation` (linked to an
  ORG entity), `description` (a source that is not a name mention: "a senior official", "the sheriff").
- `nested_looking_entities`: mentions whose text contains, as whole words, another mention's text of a
  different entity group ("Moscow City Court" and "Moscow").
- `middle_boilerplate_pages`: pages with a boilerplate span that has article content before and after it.
- `article_words_*`: words of the article (text outside boilerplate) of the shortest and longest page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsbench.schema.labels import BOILERPLATE_KINDS, CLAIM_FORMS, ENTITY_TYPES, SPLITS

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our"})
DIGITS = re.compile(r"\d[\d,.]*\d|\d")

# name -> (minimum, maximum); None where a side is open.
QUOTAS: dict[str, tuple[float | None, float | None]] = {
    "documents": (300, None),
    "outlets": (8, None),
    "test_only_outlets": (2, None),
    "event_types": (10, None),
    "no_casualty_share": (0.20, None),
    "train_share": (0.55, 0.65),
    "dev_share": (0.10, 0.20),
    "test_share": (0.20, 0.30),
    "article_words_min": (250, None),
    "article_words_max": (None, 1500),
    "casualty_figures": (800, None),
    "at_least_figures": (60, None),
    "more_than_figures": (60, None),
    "about_figures": (60, None),
    "range_figures": (60, None),
    "number_word_figures": (60, None),
    "vague_figures": (60, None),
    "superseded_figures": (50, None),
    "other_incident_figures": (50, None),
    "disputed_figures": (40, None),
    "non_casualty_numbers": (150, None),
    "claims": (1000, None),
    **{f"{form}_claims": (50, None) for form in CLAIM_FORMS},
    "pronoun_sources": (30, None),
    "description_sources": (30, None),
    "organisation_sources": (30, None),
    "unattributed_claims": (30, None),
    "claims_with_figures": (100, None),
    "entities": (6000, None),
    **{f"{kind}_entities": (30, None) for kind in ENTITY_TYPES},
    "boilerplate_entities": (100, None),
    "nested_looking_entities": (30, None),
    **{f"{kind}_boilerplate": (30, None) for kind in BOILERPLATE_KINDS},
    "middle_boilerplate_share": (1 / 3, None),
}


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _gaps(text: str, boilerplate: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `text` outside every boilerplate span."""
    gaps, position = [], 0
    for start, end in sorted(boilerplate):
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < len(text):
        gaps.append((position, len(text)))
    return gaps


def _has_middle_boilerplate(text: str, boilerplate: list[tuple[int, int]], gaps: list[tuple[int, int]]) -> bool:
    content = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in gaps if text[s:e].strip()]
    if not content:
        return False
    first, last = content[0][0], content[-1][1] - 1
    return any(first < start and end <= last for start, end in boilerplate)


def document_counts(document: dict[str, Any]) -> Counter[str]:
    """The phenomena of one document (its share-style counts are summed and divided by `phenomena`), and
    `article_words`, the words of its text outside boilerplate."""
    text = document["text"]
    counts: Counter[str] = Counter()
    boilerplate = [(b["start"], b["end"]) for b in document["boilerplate"]]
    figures = document["casualties"]
    counts["casualty_figures"] += len(figures)
    for figure in figures:
        words = text[figure["start"]:figure["end"]]
        counts[f"{figure['qualifier']}_figures"] += 1
        if not any(ch.isdigit() for ch in words) and figure["qualifier"] != "vague" and figure["value"] != 0:
            counts["number_word_figures"] += 1
        counts["superseded_figures"] += figure["status"] == "superseded"
        counts["disputed_figures"] += figure["status"] == "disputed"
        counts["other_incident_figures"] += figure["event"] == "other"
    covered = [(f["start"], f["end"]) for f in figures] + boilerplate
    counts["non_casualty_numbers"] += sum(
        not any(s < m.end() and m.start() < e for s, e in covered) for m in DIGITS.finditer(text))
    counts["no_casualty_documents"] += not figures

    entity_types = {e["entity"]: e["type"] for e in document["entities"]}
    spans = {(e["start"], e["end"]) for e in document["entities"]}
    counts["claims"] += len(document["claims"])
    for claim in document["claims"]:
        counts[f"{claim['form']}_claims"] += 1
        source = claim["source"]
        if source is None:
            counts["unattributed_claims"] += 1
            continue
        words = text[source["start"]:source["end"]]
        if words.lower() in PRONOUNS:
            counts["pronoun_sources"] += 1
        elif (source["start"], source["end"]) not in spans:
            counts["description_sources"] += 1
        if entity_types.get(claim["source_entity"]) == "ORG":
            counts["organisation_sources"] += 1
    counts["claims_with_figures"] += len({f["claim"] for f in figures if f["claim"]})

    entities = document["entities"]
    counts["entities"] += len(entities)
    for entity in entities:
        counts[f"{entity['type']}_entities"] += 1
        counts["boilerplate_entities"] += _inside(entity["start"], entity["end"], boilerplate)
        words = text[entity["start"]:entity["end"]]
        counts["nested_looking_entities"] += any(
            other["entity"] != entity["entity"] and len(other_words) < len(words)
            and re.search(rf"\b{re.escape(other_words)}\b", words)
            for other in entities for other_words in [text[other["start"]:other["end"]]])

    for b in document["boilerplate"]:
        counts[f"{b['kind']}_boilerplate"] += 1
    gaps = _gaps(text, boilerplate)
    counts["middle_boilerplate_pages"] += _has_middle_boilerplate(text, boilerplate, gaps)
    counts["article_words"] = sum(len(text[s:e].split()) for s, e in gaps)
    return counts


def phenomena(documents: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Every count named in QUOTAS (and a few raw counts behind the shares), over all `documents`."""
    totals: Counter[str] = Counter()
    outlets_by_split: dict[str, set[str]] = {split: set() for split in SPLITS}
    event_types: set[str] = set()
    words: list[int] = []
    for document in documents:
        totals["documents"] += 1
        totals[f"{document['split']}_documents"] += 1
        counts = document_counts(document)
        words.append(counts.pop("article_words"))
        totals.update(counts)
        outlets_by_split[document["split"]].add(document["outlet"])
        event_types.add(document["event_type"])
    n = totals["documents"] or 1
    outlets = set().union(*outlets_by_split.values())
    seen_outside_test = outlets_by_split["train"] | outlets_by_split["dev"]
    result: dict[str, float] = {name: totals[name] for name in QUOTAS}
    result.update({
        "documents": totals["documents"],
        "outlets": len(outlets),
        "test_only_outlets": len(outlets_by_split["test"] - seen_outside_test),
        "event_types": len(event_types),
        "no_casualty_share": round(totals["no_casualty_documents"] / n, 4),
        **{f"{split}_share": round(totals[f"{split}_documents"] / n, 4) for split in SPLITS},
        "article_words_min": min(words, default=0),
        "article_words_max": max(words, default=0),
        "middle_boilerplate_share": round(totals["middle_boilerplate_pages"] / n, 4),
    })
    return result


def shortfalls(counts: dict[str, float]) -> list[str]:
    """The quotas `counts` misses, each as a readable line (empty when all are met)."""
    missed = []
    for name, (low, high) in QUOTAS.items():
        value = counts.get(name, 0)
        if low is not None and value < low:
            missed.append(f"{name}: {value} < {low:g}")
        if high is not None and value > high:
            missed.append(f"{name}: {value} > {high:g}")
    return missed
