"""`newsbench evaluate` and `compare` end to end: perfect scores, refusals, determinism, no partial output."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbench import __version__
from newsbench.cli import main
from newsbench.corpus.loader import corpus_version, iter_documents
from newsbench.evaluate.html_track import main_text

LAYERS = ("boilerplate", "entities", "claims", "casualties")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def gold():
    return list(iter_documents("dev"))


def write(path: Path, lines, header=True, split="dev"):
    rows = ([{"header": {"corpus_version": corpus_version(), "split": split, "system": "test"}}] if header else []) + list(lines)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def perfect(document):
    return {"id": document["id"], **{layer: document[layer] for layer in LAYERS}, "main_text": main_text(document)}


def figures(result):
    return {name: f["score"] for rows in json.loads(result.output)["report"].values() for name, f in rows.items()}


def test_gold_as_prediction_scores_perfectly(tmp_path, gold):
    result = run("evaluate", write(tmp_path / "p.jsonl", map(perfect, gold)), "--split", "dev", "--json", "--resamples", "50")
    assert result.exit_code == 0, result.output
    scores = figures(result)
    assert len(scores) == 29
    for name, value in scores.items():
        assert value == (0.0 if name.endswith(".mae") else 1.0), name
    report = json.loads(result.output)
    assert report["documents"] == len(gold) and report["absent"] == 0
    signature = report["report"]["entities"]["entities.schemes.strict.f1"]["signature"]
    assert signature == f"newsbench|corpus:{corpus_version()}|split:dev|layer:entities|scheme:strict|content:all|bs:50|seed:12345|version:{__version__}"


def test_a_layer_left_out_is_not_scored(tmp_path, gold):
    lines = [{"id": d["id"], "entities": d["entities"][1:]} for d in gold]
    result = run("evaluate", write(tmp_path / "p.jsonl", lines), "--split", "dev", "--json", "--resamples", "50")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["report"]
    assert list(report) == ["entities"]
    strict = report["entities"]["entities.schemes.strict.recall"]
    assert strict["score"] < 1.0 and strict["low"] <= strict["score"] <= strict["high"]


def test_same_seed_same_report_other_seed_other_intervals(tmp_path, gold):
    path = write(tmp_path / "p.jsonl", [{"id": d["id"], "entities": d["entities"][::2]} for d in gold])
    first, second = (run("evaluate", path, "--split", "dev", "--json", "--resamples", "200") for _ in range(2))
    assert first.output == second.output
    other = run("evaluate", path, "--split", "dev", "--json", "--resamples", "200", "--seed", "1")
    assert json.loads(other.output)["report"] != json.loads(first.output)["report"]
    assert figures(other) == figures(first)


def test_content_main_masks_boilerplate_mentions(tmp_path, gold):
    lines = [{"id": d["id"], "entities": [e for e in d["entities"] if not any(b["start"] <= e["start"] and e["end"] <= b["end"] for b in d["boilerplate"])]} for d in gold]
    path = write(tmp_path / "p.jsonl", lines)
    all_content = figures(run("evaluate", path, "--split", "dev", "--json", "--resamples", "20"))
    main_only = figures(run("evaluate", path, "--split", "dev", "--json", "--resamples", "20", "--content", "main"))
    assert main_only["entities.schemes.strict.recall"] == 1.0
    assert all_content["entities.schemes.strict.recall"] < 1.0


@pytest.mark.parametrize("case, message", [
    ("no_header", ":1: header: no header line"),
    ("old_version", ":1: header.corpus_version: predictions were made for corpus 0.0.1, this is corpus"),
    ("other_split", ":1: header.split: predictions are for split test, scoring split dev"),
    ("unknown_id", ":3: id: unknown document id 'nb-9999' (not in split dev)"),
    ("missing", "1 documents of split dev have no prediction (pass --allow-subset"),
    ("past_end", ":2: entities[0].end: end 99999999 is past the end of the text"),
    ("bad_label", ":2: casualties[0].category: 'dead' is not one of"),
    ("duplicate", ":3: id: duplicate document id"),
])
def test_refusals_name_file_line_and_field_and_write_nothing(tmp_path, gold, case, message):
    lines = [perfect(d) for d in gold]
    header = True
    if case == "no_header":
        header = False
    elif case == "unknown_id":
        lines.insert(1, {"id": "nb-9999", "entities": []})
    elif case == "missing":
        lines = lines[1:]
    elif case == "past_end":
        lines[0]["entities"] = [{"start": 0, "end": 99999999, "type": "PER"}]
    elif case == "bad_label":
        lines[0]["casualties"] = [{"start": 0, "end": 2, "category": "dead"}]
    elif case == "duplicate":
        lines.insert(1, lines[0])
    path = write(tmp_path / "p.jsonl", lines, header=header, split="test" if case == "other_split" else "dev")
    if case == "old_version":
        text = path.read_text().replace(f'"corpus_version": "{corpus_version()}"', '"corpus_version": "0.0.1"')
        path.write_text(text)
    output = tmp_path / "report.json"
    result = run("evaluate", path, "--split", "dev", "-o", output, "--resamples", "10")
    assert result.exit_code == 1
    assert message in result.output, result.output
    assert not output.exists()


def test_allow_subset_and_ignore_version(tmp_path, gold):
    path = write(tmp_path / "p.jsonl", [perfect(d) for d in gold[1:]], header=False)
    result = run("evaluate", path, "--split", "dev", "--json", "--allow-subset", "--ignore-version", "--resamples", "10")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["absent"] == 1


def test_compare_identical_and_different(tmp_path):
    train = list(iter_documents("train"))
    good = write(tmp_path / "a.jsonl", map(perfect, train), split="train")
    worse = write(tmp_path / "b.jsonl", [{**perfect(d), "entities": d["entities"][::3]} for d in train], split="train")
    same = json.loads(run("compare", good, good, "--split", "train", "--json", "--resamples", "100", "--trials", "200").output)
    strict = same["results"]["entities.schemes.strict.f1"]
    assert strict["delta"] == 0 and strict["p_randomisation"] == 1.0 and strict["p_bootstrap"] == 1.0
    result = run("compare", good, worse, "--split", "train", "--json", "--resamples", "200", "--trials", "500")
    assert result.exit_code == 0, result.output
    strict = json.loads(result.output)["results"]["entities.schemes.strict.f1"]
    assert strict["delta"] > 0 and strict["low"] > 0
    assert strict["p_randomisation"] < 0.05 and strict["p_bootstrap"] < 0.05
    assert strict["signature"].endswith("|ar:500")


def test_compare_refuses_unknown_and_missing_documents(tmp_path, gold):
    good = write(tmp_path / "a.jsonl", map(perfect, gold))
    short = write(tmp_path / "b.jsonl", map(perfect, gold[1:]))
    result = run("compare", good, short, "--split", "dev")
    assert result.exit_code == 1 and "predict different documents" in result.output
    both_short = write(tmp_path / "c.jsonl", map(perfect, gold[1:]))
    result = run("compare", short, both_short, "--split", "dev")
    assert result.exit_code == 1 and "1 documents of split dev have no prediction" in result.output
    result = run("compare", short, both_short, "--split", "dev", "--allow-subset", "--trials", "50", "--resamples", "20")
    assert result.exit_code == 0, result.output


def test_subset_rows_equal_scoring_the_subset_alone(tmp_path):
    from newsbench.evaluate.harness import Options, evaluate

    train = list(iter_documents("train"))
    predicted = [{"id": d["id"], "entities": d["entities"][::2], "casualties": d["casualties"][1:]} for d in train]
    path = write(tmp_path / "all.jsonl", predicted, split="train")
    subset_of = lambda doc: "odd" if int(doc["id"][-1]) % 2 else "even"  # noqa: E731
    report = evaluate(train, path, corpus_version(), "train", Options(resamples=50), subset_of=subset_of)
    assert set(report.subsets) == {"odd", "even"}
    odd_docs = [d for d in train if subset_of(d) == "odd"]
    odd_path = write(tmp_path / "odd.jsonl", [p for p in predicted if subset_of({"id": p["id"]}) == "odd"], split="train")
    alone = evaluate(odd_docs, odd_path, corpus_version(), "train", Options(resamples=50))
    for layer, figures in alone.figures.items():
        for name, figure in figures.items():
            assert report.subsets["odd"][layer][name].score == pytest.approx(figure.score)
