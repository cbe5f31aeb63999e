"""The one `datasets.Features` definition of a corpus document, and the mapping back to plain documents.

The dataset card's YAML (`dataset_info.features`) is generated from `document_features()`.
"""

from __future__ import annotations

from typing import Any

from datasets import ClassLabel, Features, List, Value

from newsbench.schema.labels import (
    BOILERPLATE_KINDS,
    CASUALTY_CATEGORIES,
    CASUALTY_EVENTS,
    CASUALTY_STATUSES,
    CLAIM_FORMS,
    ENTITY_TYPES,
    EVENT_TYPES,
    QUALIFIERS,
    SPLITS,
)


def _span() -> dict[str, Value]:
    return {"start": Value("int32"), "end": Value("int32")}


def document_features() -> Features:
    """Features of one corpus document (DESIGN.md, "The document"); labels are `ClassLabel`s."""
    return Features({
        "id": Value("string"),
        "outlet": Value("string"),
        "url": Value("string"),
        "published": Value("date32"),
        "language": Value("string"),
        "event_type": ClassLabel(names=list(EVENT_TYPES)),
        "title": Value("string"),
        "split": ClassLabel(names=list(SPLITS)),
        "text": Value("string"),
        "html": Value("string"),
        "boilerplate": List({**_span(), "kind": ClassLabel(names=list(BOILERPLATE_KINDS))}),
        "entities": List({"id": Value("string"), **_span(), "type": ClassLabel(names=list(ENTITY_TYPES)), "entity": Value("string")}),
        "claims": List({
            "id": Value("string"),
            "source": _span(),
            "cue": _span(),
            "content": _span(),
            "source_entity": Value("string"),
            "form": ClassLabel(names=list(CLAIM_FORMS)),
        }),
        "casualties": List({
            "id": Value("string"),
            **_span(),
            "category": ClassLabel(names=list(CASUALTY_CATEGORIES)),
            "value": Value("int32"),
            "min": Value("int32"),
            "max": Value("int32"),
            "qualifier": ClassLabel(names=list(QUALIFIERS)),
            "event": ClassLabel(names=list(CASUALTY_EVENTS)),
            "status": ClassLabel(names=list(CASUALTY_STATUSES)),
            "claim": Value("string"),
        }),
    })


def to_document(row: dict[str, Any], features: Features | None = None) -> dict[str, Any]:
    """Turn a `datasets` row back into the JSONL document: label ids to names, dates to ISO strings."""
    features = features or document_features()
    return {name: _plain(row[name], feature) for name, feature in features.items()}


def _plain(value: Any, feature: Any) -> Any:
    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.int2str(value)
    if isinstance(feature, Value) and feature.dtype == "date32":
        return value.isoformat()
    if isinstance(feature, List):
        return [_plain(item, feature.feature) for item in value]
    if isinstance(feature, dict):
        return {name: _plain(value[name], sub) for name, sub in feature.items()}
    return value
