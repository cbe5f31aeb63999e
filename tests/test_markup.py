from pathlib import Path

import pytest

from newsbench.corpus.markup import RawBlock, Position, block_chars, parse_inline, parse_source
from newsbench.errors import InputError

FILE = Path("doc.md")


def inline(text: str):
    block = RawBlock("paragraph", None, None, [(Position(3, 1), line) for line in text.split("\n")])
    return parse_inline(block_chars(block), FILE)


def surface(result, k: int) -> str:
    span = result.spans[k]
    return result.text[span.start:span.end]


def test_nested_spans_and_attributes():
    result = inline("[[Peskov]{PER E=peskov src=C1} said]{content=C2 form=indirect} it.")
    assert result.text == "Peskov said it."
    assert [surface(result, k) for k in range(2)] == ["Peskov said", "Peskov"]
    outer, inner = result.spans
    assert outer.attrs == {"content": "C2", "form": "indirect"} and outer.labels == []
    assert inner.labels == ["PER"] and inner.attrs == {"E": "peskov", "src": "C1"}


def test_escapes_are_literal():
    result = inline(r"a \[b\] \{c\} \\ [d]{GPE}")
    assert result.text == r"a [b] {c} \ d"
    assert surface(result, 0) == "d"


def test_lines_join_with_one_space_and_spans_cross_lines():
    result = inline("one [two\nthree]{ORG}  four")
    assert result.text == "one two three four"
    assert surface(result, 0) == "two three"


@pytest.mark.parametrize("text, message, column", [
    ("a ]{PER} b", "without an opening", 3),
    ("[a] b", "must be followed by", 3),
    ("[a]{PER b", "never closed by '}'", 4),
    ("[a b", "'[' is never closed", 1),
    ("[a]{}", "empty attribute list", 1),
    ("[a]{XYZ}", "unknown label 'XYZ'", 1),
    ("[a]{foo=1}", "unknown attribute 'foo'", 1),
    ("[a]{E=}", "has no value", 1),
    ("[a]{E=x E=y}", "given twice", 1),
    ("[a]{PER ORG}", "two entity types", 1),
    ("a { b", "unescaped '{'", 3),
    (r"a \q", "escapes only", 3),
    ("[a]{PE[R}", "inside an attribute list", 7),
])
def test_inline_errors_name_line_and_column(text, message, column):
    with pytest.raises(InputError) as caught:
        inline(text)
    error = caught.value
    assert message in error.message
    assert (error.file, error.line, error.column) == (FILE, 3, column)
    assert str(error).startswith(f"doc.md:3:{column}: ")


def test_blocks_fences_and_headings():
    text = "---\nid: nb-0001\npublished: 2024-01-02\n---\n# Title\n\n::: byline\nBy A\n:::\n\nPara\none\n\n::: related\nT1\n\nT2\n:::\n\n## Sub\n"
    source = parse_source(text, FILE)
    assert source.meta == {"id": "nb-0001", "published": "2024-01-02"}
    assert source.line_of("published") == 3
    kinds = [(b.role, b.kind, b.fence) for b in source.blocks]
    assert kinds == [("headline", None, None), ("byline", None, 1), ("paragraph", None, None),
                     (None, "related", 2), (None, "related", 2), ("subheading", None, None)]
    assert [line for _, line in source.blocks[2].lines] == ["Para", "one"]
    assert source.blocks[2].lines[0][0] == Position(11, 1)


@pytest.mark.parametrize("text, message, line", [
    ("id: x\n", "starts with '---'", 1),
    ("---\nid: x\n", "never closed", 1),
    ("---\nid: [x\n---\n", "not valid YAML", 2),
    ("---\n- a\n---\n", "must be a YAML mapping", 2),
    ("---\nid: x\n---\n:::\n", "never opened", 4),
    ("---\nid: x\n---\n::: sidebar\n:::\n", "unknown fence 'sidebar'", 4),
    ("---\nid: x\n---\n::: related\n::: share\n", "do not nest", 5),
    ("---\nid: x\n---\n::: related\nx\n", "never closed by ':::'", 4),
    ("---\nid: x\n---\n# Title\nmore\n", "a heading is one line", 5),
    ("---\nid: x\n---\n::: related stuff\n", "'::: name' or ':::'", 4),
])
def test_source_errors(text, message, line):
    with pytest.raises(InputError) as caught:
        parse_source(text, FILE)
    assert message in caught.value.message
    assert caught.value.line == line


def test_source_is_nfc_normalised():
    decomposed = "---\nid: x\n---\n# Cafe\u0301\n"
    source = parse_source(decomposed, FILE)
    assert source.blocks[0].lines[0][1] == "Caf\u00e9"
