"""Number expressions as news writes them: digits, number words, qualifiers, ranges, vague quantities.

`parse_figure("at least 143")` gives `Figure(qualifier="at_least", value=143, min=143, max=None)`.
The qualifier table and the implied ranges are those of schema/GUIDELINES.md, section 4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ZERO_PHRASES = ("no one", "nobody", "none", "no")

QUALIFIER_PREFIXES: dict[str, tuple[str, ...]] = {
    "at_least": ("at least", "a minimum of", "no fewer than", "no less than"),
    "more_than": ("more than", "over", "above", "upwards of", "in excess of", "passed", "topped", "exceeded", "surpassed",
                  "passes", "tops", "exceeds", "surpasses", "pass", "top", "exceed", "surpass"),
    "about": ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "an estimated",
              "estimated", "close to"),
    "up_to": ("up to", "as many as", "at most", "no more than"),
}

# Vague quantities and the lower bound each implies (None: no bound).
VAGUE_MINIMUM: dict[str, int | None] = {
    "several": 3,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "a handful": None,
}

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:\band\b|\bto\b|\bor\b|-|–)\s*(.+)$")


class NotANumber(ValueError):
    """The words are not a number expression this module reads."""


@dataclass(frozen=True)
class Figure:
    """What a number expression states: its qualifier, value and the range it allows."""

    qualifier: str
    value: int | None
    min: int | None
    max: int | None


def parse_number(words: str) -> int:
    """The integer of a plain number: `143`, `1,200`, `three`, `twenty-one`, `a dozen`, `two hundred and five`, `1.2 million`."""
    text = " ".join(words.lower().replace("-", " ").split())
    if not text:
        raise NotANumber(words)
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    match = re.match(r"^(\d+(?:\.\d+)?)\s+(hundred|thousand|million)$", text)
    if match:
        scaled = float(match.group(1)) * SCALES[match.group(2)]
        if scaled != int(scaled):
            raise NotANumber(words)
        return int(scaled)
    if text in ("a dozen", "one dozen", "dozen"):
        return 12
    tokens = [t for t in text.split() if t != "and"]
    if tokens and tokens[0] == "a" and len(tokens) > 1 and tokens[1] in SCALES:
        tokens[0] = "one"
    total, current, seen = 0, 0, False
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in ("thousand", "million"):
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            raise NotANumber(words)
        seen = True
    if not seen:
        raise NotANumber(words)
    return total + current


def parse_figure(words: str) -> Figure:
    """Read a casualty-figure span: a number with its qualifier words, a range, a vague quantity or a zero phrase."""
    text = " ".join(words.lower().split())
    if text in ZERO_PHRASES:
        return Figure("exact", 0, 0, 0)
    if text in VAGUE_MINIMUM:
        return Figure("vague", None, VAGUE_MINIMUM[text], None)
    for qualifier, prefixes in QUALIFIER_PREFIXES.items():
        for prefix in prefixes:
            if text.startswith(prefix + " "):
                rest = text[len(prefix) + 1:]
                if rest in VAGUE_MINIMUM:
                    raise NotANumber(words)
                value = parse_number(rest)
                if qualifier == "at_least":
                    return Figure(qualifier, value, value, None)
                if qualifier == "more_than":
                    return Figure(qualifier, value, value + 1, None)
                if qualifier == "up_to":
                    return Figure(qualifier, value, None, value)
                return Figure(qualifier, value, None, None)
    try:
        value = parse_number(text)
    except NotANumber:
        pass
    else:
        return Figure("exact", value, value, value)
    match = _RANGE.match(text)
    if match:
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        if low < high:
            return Figure("range", None, low, high)
    raise NotANumber(words)
