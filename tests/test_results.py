"""The stored results are current and reproducible: each record re-scores from its stored predictions to the
same figures, is made for the current corpus version, and the rules and floor predictions equal a fresh run."""

import pytest
from click.testing import CliRunner

from newsbench.baselines.leaderboard import LEADERBOARD
from newsbench.baselines.records import library_versions, load_records, record_path
from newsbench.cli import main
from newsbench.corpus.loader import corpus_version, iter_documents
from newsbench.evaluate.harness import Options, evaluate

RECORDS = load_records()


def test_there_are_records_for_every_baseline():
    names = {(r["system"]["name"], r["split"]) for r in RECORDS}
    for system in ("floor", "rules", "learned", "html-floor", "trafilatura"):
        for split in ("dev", "test"):
            assert (system, split) in names


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r['system']['name']}-{r['split']}")
def test_record_reproduces_from_its_predictions(record):
    assert record["corpus_version"] == corpus_version(), "rerun: make baselines"
    path = record_path(record["system"]["name"], record["split"]).with_suffix(".jsonl")
    report = evaluate(iter_documents(record["split"]), path, record["corpus_version"], record["split"], Options())
    again = {layer: {name: vars(f) for name, f in figures.items()} for layer, figures in report.figures.items()}
    if record["versions"].get("numpy") == library_versions()["numpy"]:
        assert again == record["report"]
    else:  # another NumPy may draw other resamples: the scores stay exact, the intervals close
        for layer, figures in record["report"].items():
            for name, figure in figures.items():
                assert again[layer][name]["score"] == figure["score"]
                assert again[layer][name]["low"] == pytest.approx(figure["low"], abs=0.05)
                assert again[layer][name]["high"] == pytest.approx(figure["high"], abs=0.05)


@pytest.mark.parametrize("system", ["floor", "rules"])
@pytest.mark.parametrize("split", ["dev", "test"])
def test_stored_rule_predictions_are_current(tmp_path, system, split):
    fresh = tmp_path / "fresh.jsonl"
    assert CliRunner().invoke(main, ["predict", "--system", system, "--split", split, "-o", str(fresh)]).exit_code == 0
    assert fresh.read_bytes() == record_path(system, split).with_suffix(".jsonl").read_bytes(), "rerun: make baselines"


def test_leaderboard_is_current(tmp_path):
    from newsbench.baselines.leaderboard import leaderboard

    expected = leaderboard(corpus_version(), lambda split: iter_documents(split))
    stored = LEADERBOARD.read_text(encoding="utf-8")
    if all(r["versions"].get("numpy") == library_versions()["numpy"] for r in RECORDS):
        assert stored == expected, "rerun: newsbench leaderboard"
    else:  # the significance marks come from random trials, which another NumPy draws differently
        assert stored.replace("≈", "") == expected.replace("≈", "")
