"""Peer extractors on the HTML track: each reads only the HTML and gives a main text that scores sensibly."""

import importlib.util
import json

import pytest
from click.testing import CliRunner

from newsbench.baselines.peers import PEERS
from newsbench.baselines.system import make_system
from newsbench.cli import main
from newsbench.corpus.loader import iter_documents


@pytest.mark.parametrize("name", sorted(PEERS))
def test_peer_extracts_main_text_from_html(name, tmp_path):
    module = PEERS[name][0]
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install 'newsbench[peers]')")
    document = next(iter_documents("dev"))
    prediction = make_system(name).predict({"html": document["html"]})
    assert set(prediction) == {"main_text"}
    assert isinstance(prediction["main_text"], str) and len(prediction["main_text"].split()) > 50
    path = tmp_path / "p.jsonl"
    assert CliRunner().invoke(main, ["predict", "--system", name, "--split", "dev", "-o", str(path)]).exit_code == 0
    result = CliRunner().invoke(main, ["evaluate", str(path), "--split", "dev", "--json", "--resamples", "10"])
    report = json.loads(result.output)["report"]
    assert list(report) == ["main_text"]
    assert 0.5 < report["main_text"]["html.shingles.f1"]["score"] <= 1.0
