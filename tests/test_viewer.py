"""The document viewer and the leaderboard page: marks drawn, everything escaped, pages load in a browser."""

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbench.cli import main
from newsbench.corpus.loader import corpus_version, iter_documents
from newsbench.evaluate.viewer import document_page

ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "test-artifacts"
HOSTILE = "<script>alert('x')</script>"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no headless Chromium on this machine (.ci/run installs Debian's chromium; it could not here)")


def browse(page: Path, screenshot: Path) -> tuple[str, str]:
    """Load a page in headless Chromium: its DOM after the scripts ran, and the browser's log."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}",
             "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([chromium(), *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    shot = subprocess.run([chromium(), *flags, "--window-size=1400,1000", f"--screenshot={screenshot}", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert screenshot.is_file(), shot.stderr[-2000:]
    return dom.stdout, dom.stderr + shot.stderr


def test_gold_page_draws_every_layer():
    document = next(iter_documents("dev"))
    page = document_page(document)
    body = re.sub(r"<style>.*?</style>|<div class=\"legend\">.*?</div>", "", page, flags=re.S)
    assert body.count("ent ent-") >= len(document["entities"]) > 0
    assert body.count("bp bp-") >= len(document["boilerplate"]) > 0
    assert "claim-cue" in body and "claim-content" in body and body.count('class="badge"') == len(document["casualties"])
    assert "missed" not in body and "spurious" not in body


def test_prediction_page_marks_ok_missed_spurious_and_escapes(tmp_path):
    document = next(iter_documents("dev"))
    entities = [dict(e, entity=HOSTILE) for e in document["entities"][1:]] + [{"start": 0, "end": 3, "type": "PER", "entity": HOSTILE}]
    prediction = {"id": document["id"], "entities": entities}
    page = document_page(document, prediction, system=HOSTILE)
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "ent ent-" in page and " missed" in page and " spurious" in page and " ok" in page


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    runner = CliRunner()
    predictions = root / "rules-dev.jsonl"
    assert runner.invoke(main, ["predict", "--system", "rules", "--split", "dev", "-o", str(predictions)]).exit_code == 0
    lines = predictions.read_text().splitlines()
    header = json.loads(lines[0])
    header["header"]["system"] = HOSTILE
    predictions.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    result = runner.invoke(main, ["show", "--split", "dev", "--predictions", str(predictions), "-o", str(root / "dev")])
    assert result.exit_code == 0, result.output
    results = root / "board" / "results"
    for system in ("floor", "rules"):
        path = root / f"{system}.jsonl"
        assert runner.invoke(main, ["predict", "--system", system, "--split", "dev", "-o", str(path)]).exit_code == 0
        assert runner.invoke(main, ["submit", str(path), "--name", system, "--results", str(results)]).exit_code == 0
    result = runner.invoke(main, ["leaderboard", "--results", str(results), "--html", str(root / "board")])
    assert result.exit_code == 0, result.output
    return root


def test_show_writes_a_page_per_document_and_an_index(site):
    pages = sorted(p.name for p in (site / "dev").glob("*.html"))
    ids = sorted(f"{d['id']}.html" for d in iter_documents("dev"))
    assert pages == sorted(ids + ["index.html"])
    index = (site / "dev" / "index.html").read_text()
    assert all(f'href="{i}"' in index for i in ids)
    assert HOSTILE not in index


def test_leaderboard_page_has_plots_tables_and_signatures(site):
    page = (site / "board" / "index.html").read_text()
    assert page.count("<svg") >= 4 and page.count('<table class="sortable">') >= 4
    assert f"newsbench|corpus:{corpus_version()}|split:dev|layer:entities|scheme:strict" in page


@pytest.mark.parametrize("page", ["dev/index.html", "board/index.html", "document"])
def test_pages_load_in_headless_chromium_without_script_errors(site, page):
    path = site / page if page != "document" else next((site / "dev").glob("nb-*.html"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / f"{page.replace('/', '-').replace('.html', '')}.png"
    dom, log = browse(path, screenshot)
    assert 'data-ready="yes"' in dom, "the page's script did not finish"
    assert "Uncaught" not in log, log[-2000:]
    if page == "document":
        assert "claim-content" in dom and "ent ent-" in dom and "badge" in dom and HOSTILE not in dom
    if page == "board/index.html":
        assert "<svg" in dom
