"""Outlet templates reject what they cannot render faithfully; JSONL I/O is strict and atomic."""

from pathlib import Path

import pytest

from newsbench.corpus.build import compile_corpus
from newsbench.corpus.outlets import load_outlets
from newsbench.errors import InputError, InputErrors
from newsbench.jsonl import atomic_writer, read_jsonl, write_jsonl

from conftest import source


def edit_outlet(root: Path, old: str, new: str) -> None:
    path = root / "outlets" / "wirepoint" / "outlet.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_outlet_places_chrome_top_middle_and_bottom():
    from newsbench.corpus.release import CORPUS_DIR

    outlets = load_outlets(CORPUS_DIR / "outlets")
    assert len(outlets) >= 4
    assert all(o.top and o.bottom for o in outlets.values())
    assert sum(bool(o.middle) for o in outlets.values()) >= 3


@pytest.mark.parametrize("old, new, message", [
    ("  - kind: share", "  - kind: sidebar", "bottom[0].kind: unknown boilerplate kind 'sidebar'"),
    ('    text: "Share: Email | LinkedIn | X | Print"', '    text: "Share"\n    html: "<p>Tweet</p>"', "bottom[0]: visible text of html 'Tweet' differs from text 'Share'"),
    ('    text: "Share: Email | LinkedIn | X | Print"', '    text: "Share {{ doc.nothing }}"', "bottom[0]: template error"),
    ("domain: wirepoint.example", "domains: wirepoint.example", "domain: required string"),
])
def test_outlet_errors(make_corpus, old, new, message):
    root = make_corpus({"flood/nb-0901.md": source("Text.")})
    edit_outlet(root, old, new)
    with pytest.raises((InputError, InputErrors)) as caught:
        compile_corpus(root)
    assert message in str(caught.value)
    assert "outlet.yaml" in str(caught.value)


def test_middle_block_needs_a_position(make_corpus):
    root = make_corpus({})
    edit_outlet(root, "bottom:", "middle:\n  - kind: advertisement\n    text: Ad\nbottom:")
    with pytest.raises(InputError, match=r"middle\[0\].after: a middle block needs 'after: N'"):
        load_outlets(root / "outlets")


def test_over_long_line_is_refused(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "a"}\n{"id": "' + "x" * 100 + '"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"big.jsonl:2: line is longer than 50 bytes"):
        list(read_jsonl(path, max_line_bytes=50))


def test_blank_lines_are_skipped_and_numbers_kept(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert list(read_jsonl(path)) == [(1, {"a": 1}), (3, {"a": 2})]


def test_atomic_writer_keeps_the_old_file_on_error(tmp_path):
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [{"a": 1}])
    with pytest.raises(RuntimeError):
        with atomic_writer(path) as handle:
            handle.write("partial")
            raise RuntimeError("interrupted")
    assert path.read_text(encoding="utf-8") == '{"a": 1}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
