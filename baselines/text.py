"""Text helpers the baselines share: page blocks, sentences, words and number expressions, with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from typing import Any

from newsbench.numbers import QUALIFIER_PREFIXES, TENS, UNITS, VAGUE_MINIMUM, NotANumber, parse_figure

Span = tuple[int, int]

_BLOCK = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z0-9])")
_WORD = re.compile(r"[\w’'-]+")

_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "million", "dozen"], key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+(?:hundred|thousand|million))?|(?:a|one)\s+(?:dozen|hundred|thousand)|(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}))*)"
_QUALIFIER = "|".join(sorted((re.escape(p) for ps in QUALIFIER_PREFIXES.values() for p in ps), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE_MINIMUM), key=len, reverse=True))
NUMBER_EXPRESSION = re.compile(
    rf"\b(?:(?:between\s+{_NUMBER}\s+and\s+{_NUMBER})|(?:{_NUMBER}\s*(?:-|–|to|or)\s*{_NUMBER})|(?:(?:{_QUALIFIER})\s+)?{_NUMBER}|{_VAGUE}|no one|nobody)\b",
    re.IGNORECASE,
)


def blocks(text: str) -> Iterator[Span]:
    """The blocks of a page text (separated by blank lines) as spans."""
    for match in _BLOCK.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def sentences(text: str, block: Span) -> Iterator[Span]:
    """The sentences of one block as spans."""
    start, end = block
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield position, match.start()
        position = match.end()
    if position < end:
        yield position, end


def words(text: str, span: Span) -> list[Span]:
    """Word spans within a span."""
    return [m.span() for m in _WORD.finditer(text, span[0], span[1])]


def number_expressions(text: str, span: Span | None = None) -> Iterator[Span]:
    """Spans of number expressions (with their qualifier words), as the guidelines delimit figures."""
    start, end = span or (0, len(text))
    for match in NUMBER_EXPRESSION.finditer(text, start, end):
        yield match.span()


def strip_span(text: str, start: int, end: int, chars: str = " \n\t,.;:") -> Span:
    """Trim white space and edge punctuation from a span."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def figure_item(text: str, span: Span, category: str, event: str, claims: list[dict[str, Any]] = ()) -> dict[str, Any] | None:
    """A predicted casualty figure: value, qualifier and range read from its words; its claim, the one whose
    content contains it. None when the words are not a number expression."""
    start, end = span
    try:
        read = parse_figure(text[start:end])
    except NotANumber:
        return None
    claim = next((c["id"] for c in claims if c["content"]["start"] <= start and end <= c["content"]["end"]), None)
    return {"start": start, "end": end, "category": category, "value": read.value, "min": read.min, "max": read.max,
            "qualifier": read.qualifier, "event": event, "status": "current", "claim": claim}
