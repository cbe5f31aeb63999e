"""The `rules` baseline: a hand-written heuristic for every layer.

- boilerplate: each block is classified by cue phrases (cookies, sign up, subscribe, ©, Read more, ...)
  and by its shape (a bar of `|`-separated items is navigation); teaser runs after a related heading;
- entities: a gazetteer of the train split's gold names (longest match first), then runs of capitalised
  words typed by their last word (Ministry -> ORG, Hospital -> FAC, -ian -> NORP, two or more words -> PER);
- claims: reporting verbs (said, told, according to, ...) with the quotation or clause next to them as
  content and the noun phrase on the other side as source;
- casualties: number expressions (digits, number words, qualifiers, ranges, vague quantities) followed
  closely by a killed / injured / missing word; `other` inside boilerplate or next to an earlier year.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any


from newsbench.baselines.system import Document, System, register
from newsbench.baselines.text import Span, blocks, figure_item, number_expressions, sentences, strip_span

BOILERPLATE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("cookie_notice", re.compile(r"\bcookies?\b|\bpartners store\b|\bconsent", re.I)),
    ("advertisement", re.compile(r"^(advertisement|sponsored|ad)\b", re.I)),
    ("related", re.compile(r"^(read more|read next|more on this story|related|most read|see also|also read)\b", re.I)),
    ("share", re.compile(r"^share\b|\bshare (this|or comment)\b", re.I)),
    ("comments", re.compile(r"^comments?\b|\bcomments are closed\b|\bjoin the conversation\b", re.I)),
    ("newsletter", re.compile(r"\bnewsletter\b|\bsign up\b|\bin your inbox\b|\bbreaking news alerts\b|\bbriefing\b", re.I)),
    ("donation", re.compile(r"\bfunded by (its|our) readers\b|\bsupport (us|the)\b|\bdonat", re.I)),
    ("paywall", re.compile(r"\bsubscri(be|ption|ber)\b|\bfree articles?\b|\bdigital access\b", re.I)),
    ("footer", re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bterms of (use|service)\b", re.I)),
    ("navigation", re.compile(r"^(skip to|tags?:|topics?:|home \|)", re.I)),
    ("other", re.compile(r"\bour standards\b|\btrust principles\b|\blisten to this article\b", re.I)),
]
RELATED_HEADING = re.compile(r"^(more on this story|related|most read|more from|you may also like)\b", re.I)

REPORTING_VERBS = (
    "said", "says", "told", "added", "claimed", "stated", "warned", "denied", "insisted", "confirmed", "announced",
    "reported", "explained", "noted", "argued", "wrote", "tweeted", "declared", "admitted", "urged", "asked",
    "suggested", "acknowledged", "estimated", "believes", "believed", "accused", "blamed", "described",
)
_VERB = "|".join(REPORTING_VERBS)
PRONOUNS = r"(?:he|she|they|it|we|I)"
_SOURCE = rf"(?:{PRONOUNS}|(?:the |a |an )?(?:[A-Z][\w’'.-]*|[a-z][\w’'-]*)(?: [A-Z][\w’'.-]*| [a-z][\w’'-]*){{0,4}})"
DIRECT_AFTER = re.compile(rf"“([^”]+?)[,.]?”,? ((?:{_VERB})) ({_SOURCE})(?=[,.;]| on | in | at | who | after | as |$)")
DIRECT_BEFORE = re.compile(rf"“([^”]+?)[,.]?”,? ({_SOURCE}) ((?:{_VERB}))\b")
INDIRECT = re.compile(rf"(?:^|, |; )({_SOURCE}) (?:has |had |have )?((?:{_VERB}))(?: [a-z]+ly)?(?: (?:reporters|journalists|the [A-Z]\w+|[A-Z]\w+))?(?: on \w+day)?,? (?:that )?(.+?)[.]?$")
ACCORDING_AFTER = re.compile(r"^(.+?),? (according to) (.+?)[.]?$")
ACCORDING_BEFORE = re.compile(r"^(According to) (.+?), (.+?)[.]?$")

CATEGORY_WORDS = {
    "killed": re.compile(r"^\W*(?:\w+\s+){0,3}?(?:people\s+|persons\s+|of them\s+|civilians\s+)?(killed|dead|died|deaths?|bodies|fatalities|lives|perished|death toll)\b", re.I),
    "injured": re.compile(r"^\W*(?:\w+\s+){0,3}?(?:people\s+|of them\s+)?(injured|wounded|hurt|injuries|hospitali[sz]ed)\b", re.I),
    "missing": re.compile(r"^\W*(?:\w+\s+){0,3}?(?:people\s+)?(missing|unaccounted|trapped)\b", re.I),
}
NOT_A_FIGURE_AFTER = re.compile(r"^[\s-]*(year|years|%|per cent|percent|km|kilomet|miles|metres|meters|tonnes|hours|minutes|days|weeks|months|am|pm|bn|m\b|million|billion)", re.I)
NOT_A_FIGURE_BEFORE = re.compile(r"(\$|£|€|magnitude|aged|age|no\.|number|rank|page|\d+[:.])\s*$", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

ORG_WORDS = {"ministry", "party", "council", "agency", "police", "court", "committee", "group", "ltd", "inc", "union",
             "service", "services", "department", "office", "army", "forces", "commission", "organisation",
             "organization", "authority", "bank", "company", "corporation", "institute", "university", "news",
             "guard", "brigade", "parliament", "government", "assembly", "federation", "association", "network"}
FAC_WORDS = {"hospital", "airport", "station", "bridge", "hall", "stadium", "tower", "arena", "square", "street",
             "road", "palace", "centre", "center", "building", "plaza", "port", "dam", "theatre", "theater", "mall"}
LOC_WORDS = {"river", "sea", "ocean", "mountains", "mountain", "valley", "coast", "peninsula", "island", "islands",
             "lake", "gulf", "desert", "region"}
SENTENCE_STARTERS = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "But", "And", "As",
                     "This", "That", "There", "His", "Her", "Their", "Its", "After", "Before", "When", "While", "Some",
                     "Many", "Most", "By", "For", "From", "With", "Asked", "Read", "More", "Share", "Sign", "Support",
                     "Get", "You", "Our", "Your", "If", "Of", "To", "Two", "Three", "Four", "One", "Five", "Six",
                     "Mourners", "Rescuers", "Police", "Officials", "Residents", "Witnesses", "Home", "World"}
CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of|the|de|al|del|van|von|bin)\s+[A-Z][\w’'.-]*|\s+[A-Z][\w’'.-]*)*")


class Gazetteer:
    """Names seen in the gold train split, each with its most frequent type; longest match first."""

    def __init__(self, documents: Iterable[Document] = ()):
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for document in documents:
            for entity in document["entities"]:
                counts[document["text"][entity["start"]:entity["end"]]][entity["type"]] += 1
        self.types = {name: c.most_common(1)[0][0] for name, c in counts.items() if len(name) > 1}
        names = sorted(self.types, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), self.types[m.group()]) for m in self.pattern.finditer(text)] if self.pattern else []


def guess_type(name: str) -> str | None:
    """The type a capitalised run suggests by its words, or None when it gives no clue."""
    last = name.split()[-1].lower().strip(".")
    if last in ORG_WORDS or name.isupper() and len(name) > 1:
        return "ORG"
    if last in FAC_WORDS:
        return "FAC"
    if last in LOC_WORDS:
        return "LOC"
    if " " not in name and re.search(r"(ian|ese|ish|ean|ians|eans)$", name):
        return "NORP"
    if len(name.split()) >= 2:
        return "PER"
    return None


def find_entities(text: str, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Gazetteer matches, then capitalised runs not sentence-initial, typed by `guess_type`."""
    found = gazetteer.find(text)
    taken = [(s, e) for s, e, _ in found]

    def free(start: int, end: int) -> bool:
        return all(end <= s or e <= start for s, e in taken)

    for match in CAPITALISED.finditer(text):
        start, end = match.span()
        name = match.group()
        first = name.split()[0]
        if first in SENTENCE_STARTERS:
            if " " not in name:
                continue
            start += len(first) + 1
            name = name[len(first) + 1:]
        while name.endswith((".", "'", "’")):
            name, end = name[:-1], end - 1
        entity_type = guess_type(name)
        if entity_type and free(start, end):
            found.append((start, end, entity_type))
            taken.append((start, end))
    groups: dict[str, str] = {}
    out = []
    for k, (start, end, entity_type) in enumerate(sorted(found), start=1):
        surface = text[start:end]
        key = surface.lower()
        if entity_type == "PER" and " " not in surface:
            key = next((g for g in groups.values() if g.endswith(" " + key)), key)
        groups.setdefault(surface, key)
        out.append({"id": f"T{k}", "start": start, "end": end, "type": entity_type, "entity": groups[surface]})
    return out


def find_boilerplate(text: str) -> list[dict[str, Any]]:
    """Blocks whose cues or shape mark them as page chrome; runs of teasers after a related heading."""
    spans: list[dict[str, Any]] = []
    in_related = False
    for start, end in blocks(text):
        block = text[start:end]
        kind = next((k for k, cue in BOILERPLATE_CUES if cue.search(block)), None)
        if kind is None and block.count(" | ") >= 3 and len(block) < 200:
            kind = "navigation"
        if kind is None and in_related and len(block.split()) <= 16 and not block.endswith("."):
            kind = "related"
        in_related = bool(RELATED_HEADING.match(block)) or (kind == "related" and in_related)
        if kind is None:
            continue
        if spans and kind == "related" and spans[-1]["kind"] == "related" and text[spans[-1]["end"]:start].strip() == "":
            spans[-1]["end"] = end
        else:
            spans.append({"start": start, "end": end, "kind": kind})
    return spans


def _claim(text: str, source: Span | None, cue: Span, content: Span) -> dict[str, Any] | None:
    content = strip_span(text, *content)
    if content[1] - content[0] < 3:
        return None
    inner = text[content[0]:content[1]]
    before = text[content[0] - 1] if content[0] else ""
    if before == "“":
        form = "direct"
    elif "“" in inner or "”" in inner:
        form = "mixed"
    else:
        form = "indirect"
    return {"source": {"start": source[0], "end": source[1]} if source else None,
            "cue": {"start": cue[0], "end": cue[1]}, "content": {"start": content[0], "end": content[1]}, "form": form}


def find_claims(text: str) -> list[dict[str, Any]]:
    """Attributions around reporting verbs, one per sentence at most."""
    claims = []
    for block in blocks(text):
        for s_start, s_end in sentences(text, block):
            sentence = text[s_start:s_end]
            made = None
            for pattern, order in ((DIRECT_AFTER, "cue-source"), (DIRECT_BEFORE, "source-cue")):
                match = pattern.search(sentence)
                if match:
                    cue_group, source_group = (2, 3) if order == "cue-source" else (3, 2)
                    made = _claim(text, _shift(match.span(source_group), s_start), _shift(match.span(cue_group), s_start),
                                  _shift(match.span(1), s_start))
                    break
            if made is None and (match := ACCORDING_BEFORE.match(sentence)):
                made = _claim(text, _shift(match.span(2), s_start), _shift(match.span(1), s_start), _shift(match.span(3), s_start))
            if made is None and (match := ACCORDING_AFTER.match(sentence)):
                made = _claim(text, _shift(match.span(3), s_start), _shift(match.span(2), s_start), _shift(match.span(1), s_start))
            if made is None and (match := INDIRECT.search(sentence)):
                made = _claim(text, _shift(match.span(1), s_start), _shift(match.span(2), s_start), _shift(match.span(3), s_start))
            if made is not None:
                claims.append(made)
    for k, claim in enumerate(claims, start=1):
        claim["id"] = f"C{k}"
    return claims


def _shift(span: Span, offset: int) -> Span:
    return span[0] + offset, span[1] + offset


def find_casualties(text: str, boilerplate: list[dict[str, Any]], claims: list[dict[str, Any]], published: str) -> list[dict[str, Any]]:
    """Number expressions followed closely by a category word."""
    figures = []
    year = published[:4]
    for block in blocks(text):
        for s_start, s_end in sentences(text, block):
            sentence = text[s_start:s_end]
            for start, end in number_expressions(text, (s_start, s_end)):
                after, before = text[end:s_end], text[s_start:start]
                if NOT_A_FIGURE_AFTER.match(after) or NOT_A_FIGURE_BEFORE.search(before):
                    continue
                category = next((c for c, words in CATEGORY_WORDS.items() if words.match(after)), None)
                if category is None:
                    continue
                in_boilerplate = any(b["start"] <= start < b["end"] for b in boilerplate)
                other_year = any(y != year for y in YEAR.findall(sentence))
                figure = figure_item(text, (start, end), category, "other" if in_boilerplate or other_year else "main", claims)
                if figure is not None:
                    figures.append(figure)
    for k, figure in enumerate(figures, start=1):
        figure["id"] = f"F{k}"
    return figures


@register("rules")
class RuleSystem(System):
    """Heuristics for all four layers. It reads the page text, so it takes no part in the HTML track."""

    name = "rules"
    version = "1"
    description = "Cue phrases and block shape for boilerplate; train-split gazetteer and capitalisation for entities; reporting verbs for claims; number patterns near category words for casualty figures."

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def fit(self, train: Iterable[Document], dev: Iterable[Document]) -> None:
        self.gazetteer = Gazetteer(train)

    def predict(self, document: Document) -> dict[str, Any]:
        text = document["text"]
        boilerplate = find_boilerplate(text)
        claims = find_claims(text)
        return {
            "boilerplate": boilerplate,
            "entities": find_entities(text, self.gazetteer),
            "claims": claims,
            "casualties": find_casualties(text, boilerplate, claims, document["published"]),
        }

