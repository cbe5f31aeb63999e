"""JSON Schemas (draft 2020-12) of a corpus document, a prediction line and a result record.

Built from the label inventories in `labels.py`; `newsbench schema --write` writes them to
`schema/*.schema.json` for users outside Python, and a test keeps those files current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsbench.schema.labels import (
    BOILERPLATE_KINDS,
    CASUALTY_CATEGORIES,
    CASUALTY_EVENTS,
    CASUALTY_STATUSES,
    CLAIM_FORMS,
    ENTITY_TYPES,
    EVENT_TYPES,
    LAYERS,
    QUALIFIERS,
    SPLITS,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://newsbench.example/schema/"
SCHEMA_DIR = Path(__file__).resolve().parent

OFFSET = {"type": "integer", "minimum": 0}
NULLABLE_INT = {"type": ["integer", "null"], "minimum": 0}


def _span(extra: dict[str, Any] | None = None, required: tuple[str, ...] = ()) -> dict[str, Any]:
    properties = {"start": OFFSET, "end": OFFSET, **(extra or {})}
    return {"type": "object", "properties": properties, "required": ["start", "end", *required], "additionalProperties": False}


def _enum(values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


def _layers(strict: bool) -> dict[str, dict[str, Any]]:
    """Item schemas of the four layers; `strict` for gold (every field required), else for predictions."""
    text = {"text": {"type": "string", "description": "optional: the spanned text, checked against the document"}}
    if strict:
        text = {}
    claim_id = {"id": {"type": "string", "minLength": 1}}
    nullable_span = {"oneOf": [{"type": "null"}, _span()]}
    return {
        "boilerplate": _span({"kind": _enum(BOILERPLATE_KINDS), **text}, ("kind",)),
        "entities": _span(
            {**claim_id, "type": _enum(ENTITY_TYPES), "entity": {"type": ["string", "null"]}, **text},
            ("id", "type", "entity") if strict else ("type",),
        ),
        "claims": {
            "type": "object",
            "properties": {
                **claim_id,
                "source": nullable_span,
                "cue": _span() if strict else nullable_span,
                "content": _span(),
                "source_entity": {"type": ["string", "null"]},
                "form": _enum(CLAIM_FORMS) if strict else {"oneOf": [_enum(CLAIM_FORMS), {"type": "null"}]},
            },
            "required": ["id", "source", "cue", "content", "source_entity", "form"] if strict else ["content"],
            "additionalProperties": False,
        },
        "casualties": _span(
            {
                **claim_id,
                "category": _enum(CASUALTY_CATEGORIES),
                "value": NULLABLE_INT,
                "min": NULLABLE_INT,
                "max": NULLABLE_INT,
                "qualifier": _enum(QUALIFIERS) if strict else {"oneOf": [_enum(QUALIFIERS), {"type": "null"}]},
                "event": _enum(CASUALTY_EVENTS) if strict else {"oneOf": [_enum(CASUALTY_EVENTS), {"type": "null"}]},
                "status": _enum(CASUALTY_STATUSES) if strict else {"oneOf": [_enum(CASUALTY_STATUSES), {"type": "null"}]},
                "claim": {"type": ["string", "null"]},
                **text,
            },
            ("id", "category", "value", "min", "max", "qualifier", "event", "status", "claim") if strict else ("category",),
        ),
    }


def document_schema() -> dict[str, Any]:
    """A corpus document: one line of corpus/data/*.jsonl."""
    layers = _layers(strict=True)
    return {
        "$schema": DRAFT,
        "$id": BASE_URI + "document.schema.json",
        "title": "newsbench document",
        "type": "object",
        "properties": {
            "id": {"type": "string", "pattern": "^nb-[0-9]{4}$"},
            "outlet": {"type": "string", "minLength": 1},
            "url": {"type": "string", "pattern": "^https://"},
            "published": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "language": {"type": "string", "enum": ["en"]},
            "event_type": _enum(EVENT_TYPES),
            "title": {"type": "string", "minLength": 1},
            "split": _enum(SPLITS),
            "text": {"type": "string", "minLength": 1},
            "html": {"type": "string", "minLength": 1},
            **{layer: {"type": "array", "items": layers[layer]} for layer in LAYERS},
        },
        "required": ["id", "outlet", "url", "published", "language", "event_type", "title", "split", "text", "html", *LAYERS],
        "additionalProperties": False,
    }


def prediction_schema() -> dict[str, Any]:
    """A line of a prediction file: a header, or a document's predicted layers (or `main_text`)."""
    layers = _layers(strict=False)
    header = {
        "type": "object",
        "properties": {
            "header": {
                "type": "object",
                "properties": {
                    "corpus_version": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+\.[0-9]+$"},
                    "split": _enum(SPLITS),
                    "system": {"type": "string"},
                },
                "required": ["corpus_version"],
                "additionalProperties": True,
            }
        },
        "required": ["header"],
        "additionalProperties": False,
    }
    prediction = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "main_text": {"type": "string"},
            **{layer: {"type": "array", "items": layers[layer]} for layer in LAYERS},
        },
        "required": ["id"],
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "$id": BASE_URI + "prediction.schema.json",
        "title": "newsbench prediction line",
        "description": "The first line may be a header naming the corpus version; every other line predicts one document. A layer left out is not scored.",
        "oneOf": [header, prediction],
    }


def result_schema() -> dict[str, Any]:
    """A result record: a scored system's report with everything needed to reproduce it."""
    return {
        "$schema": DRAFT,
        "$id": BASE_URI + "result.schema.json",
        "title": "newsbench result record",
        "type": "object",
        "properties": {
            "system": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
                    "version": {"type": "string"},
                    "description": {"type": "string"},
                    "url": {"type": "string"},
                },
                "required": ["name", "version", "description"],
                "additionalProperties": False,
            },
            "corpus_version": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+\.[0-9]+$"},
            "split": _enum(SPLITS),
            "predictions_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "date": {"type": "string", "format": "date"},
            "versions": {"type": "object", "additionalProperties": {"type": "string"}, "required": ["newsbench"]},
            "report": {
                "type": "object",
                "description": "Per layer: metric name -> {score, low, high, signature}.",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "properties": {
                            "score": {"type": ["number", "null"]},
                            "low": {"type": ["number", "null"]},
                            "high": {"type": ["number", "null"]},
                            "signature": {"type": "string"},
                        },
                        "required": ["score", "signature"],
                    },
                },
            },
        },
        "required": ["system", "corpus_version", "split", "predictions_sha256", "date", "versions", "report"],
        "additionalProperties": False,
    }


SCHEMAS = {"document": document_schema, "prediction": prediction_schema, "result": result_schema}


def schema_file(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def schema_text(name: str) -> str:
    """The exact text of `schema/<name>.schema.json`."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"
