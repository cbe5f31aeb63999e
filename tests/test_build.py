"""The committed release is exactly what the sources build, byte for byte; a failed build writes nothing."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbench.cli import main
from newsbench.corpus.build import card_prose, compile_corpus, release_files, write_release
from newsbench.corpus.release import CORPUS_DIR

from conftest import source


@pytest.fixture(scope="module")
def built():
    return release_files(compile_corpus(CORPUS_DIR), card_prose(CORPUS_DIR))


def test_committed_release_equals_a_fresh_build(built, tmp_path):
    write_release(built, tmp_path)
    for name, data in built.items():
        assert (CORPUS_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), f"{name} is stale: run newsbench build"


def test_two_builds_are_byte_identical(built):
    again = release_files(compile_corpus(CORPUS_DIR), card_prose(CORPUS_DIR))
    assert again == built


def test_manifest_hashes_match_the_files(built):
    import hashlib
    import json

    manifest = json.loads(built["MANIFEST.json"])
    for name, entry in manifest["files"].items():
        assert hashlib.sha256(built[name]).hexdigest() == entry["sha256"]
    total = sum(c["documents"] for c in manifest["counts"].values())
    assert total == len(list((CORPUS_DIR / "sources").rglob("nb-*.md")))


def test_failed_build_leaves_the_release_untouched(make_corpus):
    root = make_corpus({"flood/nb-0901.md": source("Fine text."), "flood/nb-0902.md": source("Fine.", id="nb-0902")})
    shutil.copy(CORPUS_DIR / "README.md", root / "README.md")
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--corpus", str(root)]).exit_code == 0
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    (root / "sources" / "flood" / "nb-0902.md").write_text(source("[Broken{GPE}.", id="nb-0902"), encoding="utf-8")
    result = runner.invoke(main, ["build", "--corpus", str(root)])
    assert result.exit_code == 1
    assert "nb-0902.md:10:8: unescaped '{' outside an attribute list" in result.output
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != "nb-0902.md"}
    assert after == {p: b for p, b in before.items() if p.name != "nb-0902.md"}
    assert not list(root.rglob("*.tmp"))


def test_check_compiles_without_writing(make_corpus):
    root = make_corpus({"flood/nb-0901.md": source("Fine text.")})
    result = CliRunner().invoke(main, ["build", "--corpus", str(root), "--check"])
    assert result.exit_code == 0 and result.output.startswith("ok: 1 documents")
    assert not (root / "data").exists()
