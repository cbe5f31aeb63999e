"""Validation of corpus files and prediction files: JSON Schema first, then offsets, ids and references.

Every problem is an `InputError` naming the file, line and field. Validation streams: memory does not
grow with the number of lines beyond the ids seen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator

from newsbench.errors import InputError
from newsbench.html_text import fold_white_space, visible_text
from newsbench.jsonl import read_jsonl
from newsbench.schema.jsonschemas import document_schema, prediction_schema
from newsbench.schema.labels import LAYERS


def _schema(name: str) -> dict[str, Any]:
    if name == "document":
        return document_schema()
    header, prediction = prediction_schema()["oneOf"]
    return header if name == "header" else prediction


@cache
def _validator(name: str) -> Draft202012Validator:
    """The reference validator: complete error messages with the path of each field."""
    return Draft202012Validator(_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_check(name: str) -> Any:
    """The same schema compiled to Python by fastjsonschema: a quick yes for the common, valid line."""
    return fastjsonschema.compile(_schema(name), formats={"date": _is_date})


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def field_path(parts: Any) -> str:
    """`['entities', 3, 'start']` -> `entities[3].start`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(line)"


def schema_errors(obj: dict[str, Any], name: str, path: Path, line: int) -> list[InputError]:
    """JSON Schema violations of one line, each with the path of the offending field."""
    try:
        _fast_check(name)(obj)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_validator(name).iter_errors(obj), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [InputError(path, line, _short(e.message), field=field_path(e.absolute_path)) for e in errors]


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."


def _spans(obj: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every `{start, end}` span of a line with its field path."""
    for layer in LAYERS:
        for k, item in enumerate(obj.get(layer) or []):
            if layer == "claims":
                for part in ("source", "cue", "content"):
                    if isinstance(item.get(part), dict):
                        yield f"claims[{k}].{part}", item[part]
            else:
                yield f"{layer}[{k}]", item


def span_errors(obj: dict[str, Any], text: str, path: Path, line: int, gold: bool) -> list[InputError]:
    """Offsets that are reversed, past the end of the text, or (gold) spans with white-space edges."""
    errors = []
    for where, span in _spans(obj):
        start, end = span["start"], span["end"]
        if end <= start:
            errors.append(InputError(path, line, f"empty or reversed span [{start}, {end})", field=f"{where}.end"))
        elif end > len(text):
            errors.append(InputError(path, line, f"end {end} is past the end of the text ({len(text)} characters)", field=f"{where}.end"))
        else:
            surface = text[start:end]
            if gold and surface != surface.strip():
                errors.append(InputError(path, line, f"span {surface!r} starts or ends with white space", field=where))
            if "text" in span and span["text"] != surface:
                errors.append(InputError(path, line, f"text {span['text']!r} does not match the document's {surface!r} at [{start}, {end})", field=f"{where}.text"))
    return errors


def _duplicate_ids(obj: dict[str, Any], path: Path, line: int) -> list[InputError]:
    errors = []
    for layer in ("entities", "claims", "casualties"):
        seen: set[str] = set()
        for k, item in enumerate(obj.get(layer) or []):
            if "id" in item and item["id"] in seen:
                errors.append(InputError(path, line, f"duplicate id {item['id']!r}", field=f"{layer}[{k}].id"))
            seen.add(item.get("id"))
    return errors


def document_errors(doc: dict[str, Any], path: Path, line: int) -> list[InputError]:
    """Everything wrong with one gold document line."""
    errors = schema_errors(doc, "document", path, line)
    if errors:
        return errors
    text = doc["text"]
    if unicodedata.normalize("NFC", text) != text:
        errors.append(InputError(path, line, "text is not NFC-normalised", field="text"))
    errors += span_errors(doc, text, path, line, gold=True)
    errors += _duplicate_ids(doc, path, line)
    types: dict[str, str] = {}
    for k, entity in enumerate(doc["entities"]):
        if types.setdefault(entity["entity"], entity["type"]) != entity["type"]:
            errors.append(InputError(path, line, f"entity group {entity['entity']!r} has two types", field=f"entities[{k}].type"))
    claim_ids = {c["id"] for c in doc["claims"]}
    for k, claim in enumerate(doc["claims"]):
        if claim["source_entity"] is not None and claim["source_entity"] not in types:
            errors.append(InputError(path, line, f"unknown entity group {claim['source_entity']!r}", field=f"claims[{k}].source_entity"))
    for k, figure in enumerate(doc["casualties"]):
        if figure["claim"] is not None and figure["claim"] not in claim_ids:
            errors.append(InputError(path, line, f"unknown claim id {figure['claim']!r}", field=f"casualties[{k}].claim"))
    if not errors and visible_text(doc["html"]) != fold_white_space(text):
        errors.append(InputError(path, line, "the visible text of html differs from text", field="html"))
    return errors


def validate_corpus_file(path: str | Path, max_errors: int = 100) -> list[InputError]:
    """Validate a corpus JSONL file; return its errors (empty when valid)."""
    path = Path(path)
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    try:
        for line, doc in read_jsonl(path):
            errors += document_errors(doc, path, line)
            doc_id = doc.get("id")
            if isinstance(doc_id, str):
                if doc_id in seen:
                    errors.append(InputError(path, line, f"duplicate document id {doc_id!r} (first on line {seen[doc_id]})", field="id"))
                seen.setdefault(doc_id, line)
            if len(errors) >= max_errors:
                break
    except InputError as err:
        errors.append(err)
    return errors[:max_errors]


def validate_prediction_file(path: str | Path, texts: Mapping[str, str], corpus_version: str | None = None,
                             max_errors: int = 100) -> list[InputError]:
    """Validate a prediction file against the documents it predicts (`texts`: id -> text)."""
    path = Path(path)
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    try:
        for line, obj in read_jsonl(path):
            if "header" in obj:
                errors += schema_errors(obj, "header", path, line)
                if line != 1 or seen:
                    errors.append(InputError(path, line, "the header must be the first line", field="header"))
                elif corpus_version and isinstance(obj.get("header"), dict):
                    made_for = obj["header"].get("corpus_version")
                    if made_for != corpus_version:
                        errors.append(InputError(path, line, f"predictions were made for corpus {made_for}, this is corpus {corpus_version}", field="header.corpus_version"))
                continue
            problems = schema_errors(obj, "prediction", path, line)
            if not problems:
                doc_id = obj["id"]
                if doc_id not in texts:
                    problems.append(InputError(path, line, f"unknown document id {doc_id!r}", field="id"))
                elif doc_id in seen:
                    problems.append(InputError(path, line, f"duplicate document id {doc_id!r} (first on line {seen[doc_id]})", field="id"))
                else:
                    problems += span_errors(obj, texts[doc_id], path, line, gold=False)
                seen.setdefault(doc_id, line)
            errors += problems
            if len(errors) >= max_errors:
                break
    except InputError as err:
        errors.append(err)
    return errors[:max_errors]


def looks_like_corpus_file(path: str | Path) -> bool:
    """True when the first line is a corpus document (it has `text` and `html`)."""
    for _, obj in read_jsonl(path):
        return "text" in obj and "html" in obj
    return False
