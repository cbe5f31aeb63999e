"""The authoring dialect: front matter, blocks, fences and Pandoc-style bracketed spans.

A source file is YAML front matter between `---` lines, then blocks separated by blank lines:

- `# Headline` and `## Subheading`;
- `::: name` ... `:::` fences a run of blocks: a boilerplate kind (`::: newsletter`) or a content role
  (`::: byline`, `::: standfirst`, `::: caption`, `::: dateline`, `::: pullquote`);
- any other block is a body paragraph; its lines are joined with single spaces.

Inline, `[words]{attributes}` marks a span; spans nest. `\\[`, `\\]`, `\\{`, `\\}` and `\\\\` are literal.
This module only parses; what the attributes mean is checked by the compiler.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsbench.errors import InputError
from newsbench.schema.labels import BOILERPLATE_KINDS, CONTENT_ROLES, ENTITY_TYPES

ATTRIBUTE_KEYS = frozenset({"E", "src", "cue", "content", "form", "ref", "CAS", "value", "qualifier", "event", "status", "min", "max", "BP"})
ESCAPABLE = frozenset("[]{}\\")
FENCE_ROLES = tuple(r for r in CONTENT_ROLES if r not in ("headline", "subheading", "paragraph"))


@dataclass(frozen=True)
class Position:
    """A place in a source file, 1-based."""

    line: int
    column: int


@dataclass
class MarkedSpan:
    """A bracketed span: offsets into its block's plain text, its attributes and where it was written."""

    start: int
    end: int
    labels: list[str]
    attrs: dict[str, str]
    position: Position


@dataclass
class Inline:
    """A block's plain text and the spans marked in it."""

    text: str
    spans: list[MarkedSpan]


@dataclass
class RawBlock:
    """One block of the source: its role (content) or kind (boilerplate), fence number and lines."""

    role: str | None
    kind: str | None
    fence: int | None
    lines: list[tuple[Position, str]] = field(default_factory=list)


@dataclass
class Source:
    """A parsed source file: front matter and blocks, before spans are parsed."""

    path: Path
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    blocks: list[RawBlock]

    def line_of(self, key: str) -> int:
        """The line of a front-matter key (the opening line where the key is absent)."""
        return self.meta_lines.get(key, 1)


def parse_attributes(raw: str, where: Position, file: Path) -> tuple[list[str], dict[str, str]]:
    """Split `PER E=peskov src=C1` into bare labels and key=value attributes, rejecting unknown ones."""
    labels: list[str] = []
    attrs: dict[str, str] = {}
    tokens = raw.split()
    if not tokens:
        raise InputError(file, where.line, "empty attribute list '{}'", column=where.column)
    for token in tokens:
        if "=" in token:
            key, _, value = token.partition("=")
            if key not in ATTRIBUTE_KEYS:
                raise InputError(file, where.line, f"unknown attribute '{key}' (known: {', '.join(sorted(ATTRIBUTE_KEYS))})", column=where.column)
            if not value:
                raise InputError(file, where.line, f"attribute '{key}' has no value", column=where.column)
            if key in attrs:
                raise InputError(file, where.line, f"attribute '{key}' given twice", column=where.column)
            attrs[key] = value
        elif token in ENTITY_TYPES:
            if labels:
                raise InputError(file, where.line, f"two entity types on one span: {labels[0]} and {token}", column=where.column)
            labels.append(token)
        else:
            raise InputError(file, where.line, f"unknown label '{token}' (entity types: {', '.join(ENTITY_TYPES)}; or key=value)", column=where.column)
    return labels, attrs


def parse_inline(chars: list[tuple[Position, str]], file: Path) -> Inline:
    """Parse the spans of one block given as (position, character) pairs; return plain text and spans."""
    out: list[str] = []
    spans: list[MarkedSpan] = []
    stack: list[tuple[int, Position]] = []
    i = 0
    n = len(chars)
    while i < n:
        pos, ch = chars[i]
        if ch == "\\":
            if i + 1 >= n or chars[i + 1][1] not in ESCAPABLE:
                raise InputError(file, pos.line, "a backslash escapes only [ ] { } or \\", column=pos.column)
            out.append(chars[i + 1][1])
            i += 2
            continue
        if ch == "[":
            stack.append((len(out), pos))
            i += 1
            continue
        if ch == "]":
            if not stack:
                raise InputError(file, pos.line, "']' without an opening '[' (write \\] for a literal bracket)", column=pos.column)
            if i + 1 >= n or chars[i + 1][1] != "{":
                raise InputError(file, pos.line, "']' must be followed by '{attributes}' (write \\] for a literal bracket)", column=pos.column)
            j = i + 2
            while j < n and chars[j][1] != "}":
                if chars[j][1] in "[{":
                    raise InputError(file, chars[j][0].line, f"'{chars[j][1]}' inside an attribute list", column=chars[j][0].column)
                j += 1
            if j >= n:
                raise InputError(file, chars[i + 1][0].line, "'{' is never closed by '}'", column=chars[i + 1][0].column)
            start, open_pos = stack.pop()
            labels, attrs = parse_attributes("".join(c for _, c in chars[i + 2:j]), open_pos, file)
            spans.append(MarkedSpan(start, len(out), labels, attrs, open_pos))
            i = j + 1
            continue
        if ch in "{}":
            raise InputError(file, pos.line, f"unescaped '{ch}' outside an attribute list (write \\{ch})", column=pos.column)
        if ch.isspace():
            if out and not out[-1].isspace():
                out.append(" ")
        else:
            out.append(ch)
        i += 1
    if stack:
        _, pos = stack[-1]
        raise InputError(file, pos.line, "'[' is never closed", column=pos.column)
    text = "".join(out)
    if text.endswith(" "):
        text = text[:-1]
        for span in spans:
            span.end = min(span.end, len(text))
            span.start = min(span.start, span.end)
    spans.sort(key=lambda s: (s.start, -s.end))
    return Inline(text, spans)


def block_chars(block: RawBlock) -> list[tuple[Position, str]]:
    """The characters of a block's lines, each with its position, lines joined by one space."""
    chars: list[tuple[Position, str]] = []
    for k, (pos, line) in enumerate(block.lines):
        if k:
            chars.append((pos, " "))
        chars.extend((Position(pos.line, pos.column + offset), ch) for offset, ch in enumerate(line))
    return chars


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int], int, list[str]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError(path, 1, "a source starts with '---' and YAML front matter")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise InputError(path, 1, "front matter is never closed by '---'")
    try:
        # BaseLoader keeps every scalar a string: no implicit dates, numbers or booleans (`split: no`).
        meta = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(path, line, f"front matter is not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(meta, dict):
        raise InputError(path, 2, "front matter must be a YAML mapping")
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        match = re.match(r"^([A-Za-z_]\w*)\s*:", line)
        if match:
            key_lines.setdefault(match.group(1), number)
    return meta, key_lines, end + 2, lines[end + 1:]


_FENCE_OPEN = re.compile(r"^:::\s*([A-Za-z_]+)\s*$")


def parse_source(text: str, path: Path) -> Source:
    """Split a source file into front matter and blocks. The text is NFC-normalised first."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    meta, meta_lines, first_line, body = _split_front_matter(text, path)
    blocks: list[RawBlock] = []
    fence: tuple[int, str | None, str | None, int] | None = None  # (number, role, kind, line)
    fences = 0
    current: RawBlock | None = None

    def close_block() -> None:
        nonlocal current
        if current is not None and current.lines:
            blocks.append(current)
        current = None

    for offset, line in enumerate(body):
        line_no = first_line + offset
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped:
            close_block()
            continue
        if stripped.startswith(":::"):
            close_block()
            match = _FENCE_OPEN.match(stripped)
            if stripped == ":::":
                if fence is None:
                    raise InputError(path, line_no, "':::' closes a fence that was never opened")
                fence = None
            elif match:
                if fence is not None:
                    raise InputError(path, line_no, f"fences do not nest: the fence opened on line {fence[3]} is still open")
                name = match.group(1)
                if name in BOILERPLATE_KINDS:
                    fences += 1
                    fence = (fences, None, name, line_no)
                elif name in FENCE_ROLES:
                    fences += 1
                    fence = (fences, name, None, line_no)
                else:
                    raise InputError(path, line_no, f"unknown fence '{name}' (boilerplate kinds: {', '.join(BOILERPLATE_KINDS)}; content roles: {', '.join(FENCE_ROLES)})")
            else:
                raise InputError(path, line_no, "a fence line is '::: name' or ':::'")
            continue
        if current is None:
            if fence is not None:
                current = RawBlock(fence[1], fence[2], fence[0])
            elif stripped.startswith("## "):
                current = RawBlock("subheading", None, None)
                stripped, indent = stripped[3:].lstrip(), indent + len(stripped) - len(stripped[3:].lstrip())
            elif stripped.startswith("# "):
                current = RawBlock("headline", None, None)
                stripped, indent = stripped[2:].lstrip(), indent + len(stripped) - len(stripped[2:].lstrip())
            else:
                current = RawBlock("paragraph", None, None)
        elif current.role in ("headline", "subheading"):
            raise InputError(path, line_no, "a heading is one line: leave a blank line after it")
        current.lines.append((Position(line_no, indent + 1), stripped))
    close_block()
    if fence is not None:
        raise InputError(path, fence[3], "fence is never closed by ':::'")
    return Source(path, meta, meta_lines, blocks)
