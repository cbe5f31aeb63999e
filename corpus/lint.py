"""A reviewer's aid: places in a compiled document that often hide a missing label.

Not rules: each finding is a place to look, and many are fine as they are (a capitalised word that is not a
name, a "said" inside a quotation). Reported: reporting verbs outside every claim cue, number expressions next
to a casualty word outside every figure, and capitalised words inside a sentence outside every entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

REPORTING = re.compile(r"\b(said|says|told|tells|added|according to|claimed|stated|warned|denied|announced|reported|insisted|confirmed)\b")
CASUALTY_WORD = re.compile(r"\b(killed|dead|died|deaths?|bodies|injured|wounded|hurt|missing|unaccounted)\b", re.I)
NUMBER = re.compile(r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several|scores)\b", re.I)
CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)*")
COMMON = {"I", "The", "A", "Read", "More", "Photograph", "Sign", "Support", "Share", "Advertisement", "Monday", "Tuesday",
          "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
          "Oct", "Nov", "Dec", "Christmas", "Easter", "Prime Minister", "President", "Governor", "Mayor", "Colonel", "Speaker",
          "Secretary", "Chancellor", "Premier", "Representative"}


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return text[max(0, start - width):end + width].replace("\n", " ")


def findings(document: dict[str, Any]) -> Iterator[str]:
    """Review hints for one compiled document."""
    text = document["text"]
    cues = [(c["cue"]["start"], c["cue"]["end"]) for c in document["claims"]]
    figures = [(f["start"], f["end"]) for f in document["casualties"]]
    entities = [(e["start"], e["end"]) for e in document["entities"]]
    boilerplate = [(b["start"], b["end"]) for b in document["boilerplate"]]
    for match in REPORTING.finditer(text):
        if not _covered(*match.span(), cues) and not _covered(*match.span(), boilerplate):
            yield f"reporting verb outside any cue: ...{_context(text, *match.span())}..."
    for match in NUMBER.finditer(text):
        after = text[match.end():match.end() + 40]
        if CASUALTY_WORD.search(" ".join(after.split()[:4])) and not any(a < match.end() and match.start() < b for a, b in figures):
            yield f"number near a casualty word outside any figure: ...{_context(text, *match.span())}..."
    for match in CAPITALISED.finditer(text):
        if match.group() in COMMON or _covered(*match.span(), entities):
            continue
        if not any(a < match.end() and match.start() < b for a, b in entities):
            yield f"capitalised words outside any entity: {match.group()!r} in ...{_context(text, *match.span())}..."
