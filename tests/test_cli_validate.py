"""`newsbench validate` on good and bad files: one line per problem with file:line and field, exit 1."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbench.cli import main
from newsbench.corpus.loader import corpus_version, iter_documents, split_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def gold():
    return next(iter_documents("train"))


def write(tmp_path: Path, lines: list, name: str = "preds.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines), encoding="utf-8")
    return path


def test_corpus_files_validate():
    for split in ("train", "dev", "test"):
        if split_path(split).stat().st_size:
            result = run("validate", str(split_path(split)))
            assert result.exit_code == 0, result.output
            assert "valid corpus file" in result.output


def test_good_predictions_validate(tmp_path, gold):
    entity = gold["entities"][0]
    surface = gold["text"][entity["start"]:entity["end"]]
    path = write(tmp_path, [{"header": {"corpus_version": corpus_version(), "system": "x"}},
                            {"id": gold["id"], "entities": [{"start": entity["start"], "end": entity["end"], "type": "ORG", "text": surface}]}])
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    assert "valid predictions file" in result.output


@pytest.mark.parametrize("lines, expected", [
    ([{"id": "nb-0001", "entities": [{"start": 0, "end": 10 ** 7, "type": "PER"}]}], ":1: entities[0].end: end 10000000 is past the end of the text"),
    ([{"id": "nb-0001", "entities": [{"start": 9, "end": 4, "type": "PER"}]}], ":1: entities[0].end: empty or reversed span [9, 4)"),
    ([{"id": "nb-0001", "entities": [{"start": -1, "end": 4, "type": "PER"}]}], ":1: entities[0].start: -1 is less than the minimum of 0"),
    ([{"id": "nb-0001", "entities": [{"start": 0, "end": 4, "type": "PERSONA"}]}], ":1: entities[0].type: 'PERSONA' is not one of"),
    ([{"id": "nb-0001", "casualties": [{"start": 0, "end": 4, "category": "dead"}]}], ":1: casualties[0].category: 'dead' is not one of"),
    ([{"id": "nb-0001", "entities": [{"start": 0, "end": 4, "type": "PER", "text": "Nope"}]}], ":1: entities[0].text: text 'Nope' does not match"),
    ([{"id": "nb-0001"}, {"id": "nb-0001"}], ":2: id: duplicate document id 'nb-0001' (first on line 1)"),
    ([{"id": "nb-9999"}], ":1: id: unknown document id 'nb-9999'"),
    ([{"id": "nb-0001", "relations": []}], ":1: (line): Additional properties are not allowed ('relations' was unexpected)"),
    ([{"header": {"corpus_version": "9.9.9"}}], ":1: header.corpus_version: predictions were made for corpus 9.9.9"),
    ([{"id": "nb-0001"}, {"header": {"corpus_version": "0.1.0"}}], ":2: header: the header must be the first line"),
    ([{"id": "nb-0001"}, "{not json"], ":2: not valid JSON: {not json"),
    ([{"id": "nb-0001"}, "[1, 2]"], ":2: not a JSON object: [1, 2]"),
])
def test_bad_predictions_are_reported_with_line_and_field(tmp_path, lines, expected):
    path = write(tmp_path, lines)
    result = run("validate", "--kind", "predictions", str(path))
    assert result.exit_code == 1
    assert f"error: {path}{expected}" in result.output


def test_empty_and_non_utf8_files(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    result = run("validate", str(empty))
    assert result.exit_code == 1 and f"error: {empty}: empty file" in result.output
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"id": "nb-0001"}\n{"id": "\xff"}\n')
    result = run("validate", "--kind", "predictions", str(binary))
    assert result.exit_code == 1 and f"error: {binary}:2: not valid UTF-8" in result.output
    missing = tmp_path / "missing.jsonl"
    result = run("validate", str(missing))
    assert result.exit_code == 1 and f"error: {missing}: no such file" in result.output


def test_bad_corpus_file_is_reported(tmp_path, gold):
    broken = dict(gold, id="nb-0001", boilerplate=[{"start": 0, "end": 3, "kind": "sidebar"}])
    path = write(tmp_path, [gold, broken], "train.jsonl")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: boilerplate[0].kind: 'sidebar' is not one of" in result.output
