import copy

import pytest
from jsonschema import Draft202012Validator

from newsbench.corpus.loader import iter_documents
from newsbench.schema.jsonschemas import SCHEMAS, schema_file, schema_text
from newsbench.schema.validate import document_errors, schema_errors
from pathlib import Path

PATH = Path("x.jsonl")


@pytest.fixture(scope="module")
def document():
    # a document whose first entity follows white space, so that widening it by one character is an error
    return next(d for d in iter_documents("train") if d["entities"][0]["start"] > 0 and d["text"][d["entities"][0]["start"] - 1].isspace())


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_schemas_are_valid_draft_2020_12_and_files_are_current(name):
    Draft202012Validator.check_schema(SCHEMAS[name]())
    assert schema_file(name).read_text(encoding="utf-8") == schema_text(name), "run: newsbench schema --write"


def test_a_built_document_is_valid(document):
    assert document_errors(document, PATH, 1) == []


@pytest.mark.parametrize("mutate, field, message", [
    (lambda d: d["entities"][0].update(type="PERSON"), "entities[0].type", "'PERSON' is not one of"),
    (lambda d: d["boilerplate"][0].pop("kind"), "boilerplate[0]", "'kind' is a required property"),
    (lambda d: d["casualties"][0].update(value=-1), "casualties[0].value", "-1 is less than the minimum of 0"),
    (lambda d: d.update(published="28/03/2024"), "published", "does not match"),
    (lambda d: d.update(split="validation"), "split", "'validation' is not one of"),
    (lambda d: d["claims"][0].update(form=None), "claims[0].form", "None is not one of"),
    (lambda d: d.update(extra=1), "(line)", "Additional properties are not allowed"),
    (lambda d: d.pop("text"), "(line)", "'text' is a required property"),
])
def test_invalid_documents_fail_the_schema(document, mutate, field, message):
    broken = copy.deepcopy(document)
    mutate(broken)
    errors = schema_errors(broken, "document", PATH, 7)
    assert any(e.field == field and message in e.message and e.line == 7 for e in errors), [str(e) for e in errors]


@pytest.mark.parametrize("mutate, field, message", [
    (lambda d: d["entities"][0].update(end=len(d["text"]) + 5), "entities[0].end", "past the end of the text"),
    (lambda d: d["entities"][0].update(end=d["entities"][0]["start"]), "entities[0].end", "empty or reversed span"),
    (lambda d: d["entities"][1].update(id=d["entities"][0]["id"]), "entities[1].id", "duplicate id"),
    (lambda d: d["claims"][0].update(source_entity="nobody"), "claims[0].source_entity", "unknown entity group"),
    (lambda d: d["casualties"][0].update(claim="C999"), "casualties[0].claim", "unknown claim id"),
    (lambda d: d["entities"][0].update(start=d["entities"][0]["start"] - 1), "entities[0]", "white space"),
    (lambda d: d.update(html="<p>other</p>"), "html", "visible text of html differs"),
    (lambda d: d.update(text="Cafe\u0301 " + d["text"]), "text", "not NFC"),
])
def test_consistency_errors(document, mutate, field, message):
    broken = copy.deepcopy(document)
    mutate(broken)
    errors = document_errors(broken, PATH, 3)
    assert any(e.field == field and message in e.message for e in errors), [str(e) for e in errors]


def test_prediction_lines():
    assert schema_errors({"header": {"corpus_version": "0.1.0", "system": "rules"}}, "header", PATH, 1) == []
    assert schema_errors({"id": "nb-0001", "entities": [{"start": 0, "end": 3, "type": "PER"}],
                          "claims": [{"content": {"start": 0, "end": 2}}],
                          "casualties": [{"start": 1, "end": 2, "category": "killed"}], "main_text": "x"},
                         "prediction", PATH, 2) == []
    errors = schema_errors({"id": "nb-0001", "entities": [{"start": "0", "end": 3, "type": "PER"}]}, "prediction", PATH, 2)
    assert [(e.field, e.message) for e in errors] == [("entities[0].start", "'0' is not of type 'integer'")]
    errors = schema_errors({"id": "nb-0001", "layers": []}, "prediction", PATH, 2)
    assert "Additional properties are not allowed ('layers' was unexpected)" in errors[0].message
