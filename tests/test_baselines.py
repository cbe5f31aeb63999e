"""Baselines: valid, deterministic predictions from what a system may see; floors beaten; submit is idempotent."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbench.baselines.system import PUBLIC_FIELDS, make_system, public_view, system_names
from newsbench.cli import main
from newsbench.corpus.loader import corpus_version, iter_documents
from newsbench.schema.labels import SPLITS
from newsbench.schema.validate import validate_prediction_file

HEADLINES = {"boilerplate": "boilerplate.chars.f1", "entities": "entities.schemes.strict.f1",
             "claims": "claims.relations.relation.f1", "casualties": "casualties.figures.f1"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("baselines")
    models = root / "models"
    assert run("train", "--system", "learned", "--models", models).exit_code == 0
    for system in ("floor", "rules", "learned"):
        for split in ("dev", "test"):
            result = run("predict", "--system", system, "--split", split, "-o", root / f"{system}-{split}.jsonl", "--models", models)
            assert result.exit_code == 0, result.output
    return root


def headline_scores(path: Path, split: str) -> dict[str, float]:
    result = run("evaluate", path, "--split", split, "--json", "--resamples", "20")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["report"]
    return {layer: report[layer][key]["score"] for layer, key in HEADLINES.items()}


def test_registry():
    assert {"floor", "rules", "learned"} <= set(system_names())
    with pytest.raises(Exception, match="unknown system 'nope'"):
        make_system("nope")


def test_systems_see_no_gold():
    document = next(iter_documents("dev"))
    view = public_view(document)
    assert set(view) == set(PUBLIC_FIELDS)
    assert not {"boilerplate", "entities", "claims", "casualties"} & set(view)


@pytest.mark.parametrize("system", ["floor", "rules", "learned"])
def test_predictions_are_valid_and_deterministic(workdir, tmp_path, system):
    texts = {d["id"]: d["text"] for split in SPLITS for d in iter_documents(split)}
    path = workdir / f"{system}-dev.jsonl"
    assert validate_prediction_file(path, texts, corpus_version()) == []
    again = tmp_path / "again.jsonl"
    assert run("predict", "--system", system, "--split", "dev", "-o", again, "--models", workdir / "models").exit_code == 0
    assert again.read_bytes() == path.read_bytes()
    header = json.loads(path.read_text().splitlines()[0])["header"]
    assert header == {"corpus_version": corpus_version(), "split": "dev", "system": system, "system_version": "1"}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_rules_beats_the_floor_on_every_layer(workdir, split):
    floor = headline_scores(workdir / f"floor-{split}.jsonl", split)
    rules = headline_scores(workdir / f"rules-{split}.jsonl", split)
    for layer in HEADLINES:
        assert rules[layer] > floor[layer], (layer, rules[layer], floor[layer])


def test_learned_model_is_refused_on_another_corpus_version(workdir, tmp_path):
    import pickle
    import shutil

    models = tmp_path / "models"
    shutil.copytree(workdir / "models", models)
    path = models / "learned.pkl"
    payload = pickle.loads(path.read_bytes())
    payload["corpus_version"] = "0.0.1"
    path.write_bytes(pickle.dumps(payload))
    result = CliRunner().invoke(main, ["predict", "--system", "learned", "--split", "dev", "-o", str(tmp_path / "x.jsonl"), "--models", str(models)])
    assert result.exit_code == 1
    assert "trained on corpus 0.0.1" in result.output and not (tmp_path / "x.jsonl").exists()
    result = CliRunner().invoke(main, ["predict", "--system", "learned", "--split", "dev", "-o", str(tmp_path / "x.jsonl"), "--models", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no trained model" in result.output


def test_submit_writes_a_valid_record_and_is_idempotent(workdir, tmp_path):
    from jsonschema import Draft202012Validator

    from newsbench.schema.jsonschemas import result_schema

    results = tmp_path / "results"
    for system in ("floor", "rules"):
        result = run("submit", workdir / f"{system}-dev.jsonl", "--name", system, "--description", f"the {system} baseline", "--results", results)
        assert result.exit_code == 0, result.output
    record_path = results / "rules" / "dev.json"
    record = json.loads(record_path.read_text())
    Draft202012Validator(result_schema()).validate(record)
    assert record["corpus_version"] == corpus_version() and record["split"] == "dev"
    assert (results / "rules" / "dev.jsonl").read_bytes() == (workdir / "rules-dev.jsonl").read_bytes()
    board = (tmp_path / "LEADERBOARD.md").read_text()
    assert "## Entities · dev" in board and board.index("| 1 | rules 1 |") < board.index("| 2 | floor 1 |")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert run("submit", workdir / "rules-dev.jsonl", "--name", "rules", "--description", "the rules baseline", "--results", results).exit_code == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
