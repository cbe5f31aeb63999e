"""Compile one authored source into a corpus document: page text, HTML, offsets and four checked layers.

Every rule of schema/GUIDELINES.md marked [checked] is enforced here; a violation is an `InputError`
naming the source file, line and column. All errors of one document are reported together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from newsbench.errors import InputError, InputErrors
from newsbench.html_text import fold_white_space, visible_text
from newsbench.numbers import NotANumber, parse_figure
from newsbench.schema.labels import (
    BOILERPLATE_KINDS,
    CASUALTY_CATEGORIES,
    CASUALTY_EVENTS,
    CASUALTY_STATUSES,
    CLAIM_FORMS,
    EVENT_TYPES,
    NO_CASUALTY_EVENT_TYPES,
    QUALIFIERS,
    SPLITS,
)

from newsbench.corpus.markup import Inline, MarkedSpan, Position, RawBlock, Source, block_chars, parse_inline, parse_source
from newsbench.corpus.outlets import Outlet

BLOCK_SEPARATOR = "\n\n"
REQUIRED_META = ("id", "outlet", "published", "event_type", "split")
OPTIONAL_META = ("language", "slug", "incident")
DOCUMENT_ID = re.compile(r"^nb-\d{4}$")
OPENING_QUOTES = "“‘\"«"
CLOSING_QUOTES = "”’\"»"
QUOTE_MARKS = "“”\"«»‘"


@dataclass
class Block:
    """A block of the page: where it sits, what it is, its parsed text and (for chrome) its own HTML."""

    region: str
    role: str | None
    kind: str | None
    group: str
    inline: Inline
    file: Path
    html: str | None = None
    start: int = 0


@dataclass
class Mark:
    """A marked span placed in the page text."""

    start: int
    end: int
    labels: list[str]
    attrs: dict[str, str]
    file: Path
    position: Position


@dataclass
class ClaimParts:
    source: list[Mark] = field(default_factory=list)
    cue: list[Mark] = field(default_factory=list)
    content: list[Mark] = field(default_factory=list)


def slugify(text: str, max_words: int = 8) -> str:
    """Lower-case ASCII words joined by hyphens: `Kremlin Rules Out` -> `kremlin-rules-out`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


class DocumentCompiler:
    """Compiles one source; collects every error it finds before raising them together."""

    def __init__(self, path: Path, outlets: dict[str, Outlet]):
        self.path = path
        self.outlets = outlets
        self.errors: list[InputError] = []

    def error(self, message: str, mark: Mark | None = None, field: str | None = None, line: int | None = None) -> None:
        if mark is not None:
            self.errors.append(InputError(mark.file, mark.position.line or None, message, field=field, column=mark.position.column))
        else:
            self.errors.append(InputError(self.path, line, message, field=field))

    def raise_errors(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise InputErrors(self.errors)

    # -- front matter -------------------------------------------------------------------------------

    def check_meta(self, source: Source) -> dict[str, Any]:
        meta = source.meta
        for key in REQUIRED_META:
            if key not in meta:
                self.error("required front-matter key is missing", field=key, line=1)
        for key in meta:
            if key not in REQUIRED_META + OPTIONAL_META:
                self.error(f"unknown front-matter key (known: {', '.join(REQUIRED_META + OPTIONAL_META)})", field=key, line=source.line_of(key))
        self.raise_errors()
        checks = {
            "id": (lambda v: isinstance(v, str) and DOCUMENT_ID.match(v), "must look like nb-0001"),
            "outlet": (lambda v: v in self.outlets, f"unknown outlet (known: {', '.join(self.outlets)})"),
            "event_type": (lambda v: v in EVENT_TYPES, f"unknown event type (known: {', '.join(EVENT_TYPES)})"),
            "split": (lambda v: v in SPLITS, f"unknown split (known: {', '.join(SPLITS)})"),
            "published": (_is_iso_date, "must be a date, YYYY-MM-DD"),
            "language": (lambda v: v == "en", "only 'en' is supported"),
            "slug": (lambda v: isinstance(v, str) and slugify(v) == v, "lower-case words joined by hyphens"),
            "incident": (lambda v: isinstance(v, str) and slugify(v, 99) == v, "lower-case words joined by hyphens"),
        }
        for key, (ok, problem) in checks.items():
            if key in meta and not ok(meta[key]):
                self.error(f"{meta[key]!r}: {problem}", field=key, line=source.line_of(key))
        self.raise_errors()
        if self.path.stem != meta["id"]:
            self.error(f"file name must be the document id ({meta['id']}.md)", field="id", line=source.line_of("id"))
        return meta

    # -- blocks -----------------------------------------------------------------------------------

    def article_blocks(self, source: Source) -> list[Block]:
        blocks = []
        for number, raw in enumerate(source.blocks):
            group = f"fence{raw.fence}" if raw.fence is not None else f"block{number}"
            blocks.append(Block("article", raw.role, raw.kind, group, parse_inline(block_chars(raw), self.path), self.path))
        headlines = [b for b in blocks if b.role == "headline"]
        if not blocks or blocks[0].role != "headline":
            self.error("the article starts with its headline ('# ...')", line=_first_line(source.blocks))
        if len(headlines) > 1:
            self.error("an article has one headline ('# ...'); use '## ' for subheadings", line=_first_line(source.blocks))
        self.raise_errors()
        return blocks

    def page_blocks(self, outlet: Outlet, article: list[Block], doc_meta: dict[str, Any]) -> list[Block]:
        def chrome(region: str, items: list) -> list[Block]:
            made = []
            for k, item in enumerate(items):
                inlines, html = outlet.render_chrome(item, doc_meta)
                made.extend(Block(region, None, item.kind, f"{region}{k}", inline, outlet.folder / "outlet.yaml", html if not j else None)
                            for j, inline in enumerate(inlines))
            return made

        body = list(article)
        paragraphs = [i for i, b in enumerate(body) if b.role == "paragraph"]
        inserts = chrome("middle", outlet.middle)
        for k, item in sorted(enumerate(outlet.middle), key=lambda p: -p[1].after):
            at = paragraphs[item.after - 1] + 1 if item.after <= len(paragraphs) else len(body)
            for block in reversed([b for b in inserts if b.group == f"middle{k}"]):
                block.region = "article"
                body.insert(at, block)
        return chrome("top", outlet.top) + body + chrome("bottom", outlet.bottom)

    # -- layers -----------------------------------------------------------------------------------

    def check_extent(self, text: str, mark: Mark) -> bool:
        surface = text[mark.start:mark.end]
        if not surface:
            self.error("empty span", mark)
            return False
        if surface != surface.strip():
            self.error(f"span {surface!r} starts or ends with white space", mark)
            return False
        before = text[mark.start - 1] if mark.start > 0 else ""
        after = text[mark.end] if mark.end < len(text) else ""
        if (before.isalnum() and surface[0].isalnum()) or (after.isalnum() and surface[-1].isalnum()):
            self.error(f"span {surface!r} cuts a word (spans end at word boundaries)", mark)
            return False
        return True

    def compile(self) -> dict[str, Any]:
        try:
            raw_text = self.path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(self.path, None, f"not valid UTF-8 (byte {err.start})") from None
        source = parse_source(raw_text, self.path)
        meta = self.check_meta(source)
        outlet = self.outlets[meta["outlet"]]
        article = self.article_blocks(source)
        title = article[0].inline.text
        slug = meta.get("slug") or slugify(title)
        published = meta["published"]
        url = f"https://{outlet.domain}/{outlet.section(meta['event_type'])}/{published.replace('-', '/')}/{slug}"
        doc_meta = {"id": meta["id"], "title": title, "url": url, "published": published, "year": published[:4],
                    "outlet": outlet.name, "event_type": meta["event_type"]}
        blocks = self.page_blocks(outlet, article, doc_meta)

        pieces, offset, marks = [], 0, []
        for block in blocks:
            block.start = offset
            pieces.append(block.inline.text)
            offset += len(block.inline.text) + len(BLOCK_SEPARATOR)
            marks.extend(Mark(block.start + s.start, block.start + s.end, s.labels, s.attrs, block.file, s.position) for s in block.inline.spans)
        text = BLOCK_SEPARATOR.join(pieces)
        marks = [m for m in marks if self.check_extent(text, m)]

        boilerplate = self.boilerplate_layer(blocks, marks)
        entities = self.entity_layer(text, marks)
        claims, claim_ids, content_spans = self.claim_layer(text, marks, entities)
        casualties = self.casualty_layer(text, marks, boilerplate, meta["event_type"], claim_ids, content_spans)
        for mark in marks:
            if not mark.labels and not set(mark.attrs) & {"src", "cue", "content", "CAS", "BP"}:
                self.error("span marks nothing: give an entity type, a claim role, CAS= or BP=", mark)
        self.raise_errors()

        html = render_html(outlet, doc_meta, blocks)
        if visible_text(html) != fold_white_space(text):
            raise InputError(self.path, None, "the page's HTML does not show the page text (outlet template bug)")
        return {
            "id": meta["id"],
            "outlet": meta["outlet"],
            "url": url,
            "published": published,
            "language": meta.get("language", "en"),
            "event_type": meta["event_type"],
            "title": title,
            "split": meta["split"],
            "text": text,
            "html": html,
            "boilerplate": boilerplate,
            "entities": entities,
            "claims": claims,
            "casualties": casualties,
        }

    def boilerplate_layer(self, blocks: list[Block], marks: list[Mark]) -> list[dict[str, Any]]:
        spans: list[dict[str, Any]] = []
        for block in blocks:
            if block.kind is None:
                continue
            end = block.start + len(block.inline.text)
            if spans and spans[-1]["_group"] == block.group:
                spans[-1]["end"] = end
            else:
                spans.append({"start": block.start, "end": end, "kind": block.kind, "_group": block.group})
        for mark in marks:
            kind = mark.attrs.get("BP")
            if kind is None:
                continue
            if kind not in BOILERPLATE_KINDS:
                self.error(f"unknown boilerplate kind {kind!r} (known: {', '.join(BOILERPLATE_KINDS)})", mark, "BP")
                continue
            if any(s["start"] < mark.end and mark.start < s["end"] for s in spans):
                self.error("boilerplate span inside another boilerplate block", mark, "BP")
                continue
            spans.append({"start": mark.start, "end": mark.end, "kind": kind, "_group": None})
        spans.sort(key=lambda s: s["start"])
        return [{k: v for k, v in s.items() if k != "_group"} for s in spans]

    def entity_layer(self, text: str, marks: list[Mark]) -> list[dict[str, Any]]:
        mentions: list[tuple[Mark, str, str]] = []
        for mark in marks:
            if "E" in mark.attrs and not mark.labels:
                self.error("E= needs an entity type on the same span", mark, "E")
            if not mark.labels:
                continue
            group = mark.attrs.get("E") or slugify(text[mark.start:mark.end], 99)
            if not group or not re.match(r"^[a-z0-9][a-z0-9-]*$", group):
                self.error(f"entity group {group!r}: lower-case letters, digits and hyphens", mark, "E")
                continue
            mentions.append((mark, mark.labels[0], group))
        mentions.sort(key=lambda m: (m[0].start, m[0].end))
        for (a, _, _), (b, _, _) in zip(mentions, mentions[1:]):
            if b.start < a.end:
                self.error(f"entity mentions overlap: {text[a.start:a.end]!r} and {text[b.start:b.end]!r} (label the outer name only)", b)
        types: dict[str, tuple[str, Mark]] = {}
        for mark, etype, group in mentions:
            first = types.setdefault(group, (etype, mark))
            if first[0] != etype:
                self.error(f"entity group '{group}' is {first[0]} at line {first[1].position.line} but {etype} here", mark, "E")
        return [
            {"id": f"T{k}", "start": m.start, "end": m.end, "type": etype, "entity": group}
            for k, (m, etype, group) in enumerate(mentions, start=1)
        ]

    def claim_layer(self, text: str, marks: list[Mark], entities: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, tuple[int, int]]]:
        parts: dict[str, ClaimParts] = {}
        for mark in marks:
            for role, attr in (("source", "src"), ("cue", "cue"), ("content", "content")):
                for claim_id in filter(None, mark.attrs.get(attr, "").split(",")):
                    if not re.match(r"^C\d+$", claim_id):
                        self.error(f"claim id {claim_id!r} must look like C1", mark, attr)
                        continue
                    getattr(parts.setdefault(claim_id, ClaimParts()), role).append(mark)
            if "form" in mark.attrs and "content" not in mark.attrs:
                self.error("form= goes on the content span", mark, "form")
            if "ref" in mark.attrs and "src" not in mark.attrs:
                self.error("ref= goes on the source span", mark, "ref")
        groups = {e["entity"] for e in entities}
        by_span = {(e["start"], e["end"]): e["entity"] for e in entities}
        made = []
        for claim_id, p in parts.items():
            anchor = (p.cue or p.content or p.source)[0]
            for role in ("cue", "content"):
                if len(getattr(p, role)) != 1:
                    self.error(f"claim {claim_id} needs exactly one {role} span, has {len(getattr(p, role))}", anchor)
            if len(p.source) > 1:
                self.error(f"claim {claim_id} has {len(p.source)} source spans (at most one)", anchor)
            if len(p.cue) != 1 or len(p.content) != 1 or len(p.source) > 1:
                continue
            cue, content = p.cue[0], p.content[0]
            source = p.source[0] if p.source else None
            form = content.attrs.get("form")
            if form not in CLAIM_FORMS:
                self.error(f"claim {claim_id}: form must be one of {', '.join(CLAIM_FORMS)} (got {form!r})", content, "form")
                continue
            for other, name in ((cue, "cue"), (source, "source")):
                if other is not None and other.start < content.end and content.start < other.end:
                    self.error(f"claim {claim_id}: {name} overlaps its content", other)
            self.check_form(text, claim_id, content, form)
            made.append((claim_id, source, cue, content, form, self.source_entity(text, claim_id, source, groups, by_span, entities)))
        made.sort(key=lambda c: (c[3].start, c[3].end, c[2].start))
        claim_ids = {old: f"C{k}" for k, (old, *_rest) in enumerate(made, start=1)}
        content_spans = {claim_ids[c[0]]: (c[3].start, c[3].end) for c in made}
        claims = [
            {
                "id": claim_ids[old],
                "source": {"start": source.start, "end": source.end} if source else None,
                "cue": {"start": cue.start, "end": cue.end},
                "content": {"start": content.start, "end": content.end},
                "source_entity": entity,
                "form": form,
            }
            for old, source, cue, content, form, entity in made
        ]
        return claims, claim_ids, content_spans

    def check_form(self, text: str, claim_id: str, content: Mark, form: str) -> None:
        before = text[content.start - 1] if content.start else ""
        after_index = content.end + (1 if content.end < len(text) and text[content.end] in ",." else 0)
        after = text[after_index] if after_index < len(text) else ""
        # A quotation continued in the next paragraph has no closing mark at the end of this one.
        closes = after in CLOSING_QUOTES or (after in ("", "\n") and form == "direct")
        bounded = before in OPENING_QUOTES and closes
        inner = text[content.start:content.end]
        if form == "direct" and not bounded:
            self.error(f"claim {claim_id}: direct content must sit between quotation marks (without them)", content, "form")
        if form == "indirect" and (before in OPENING_QUOTES or any(q in inner for q in QUOTE_MARKS)):
            self.error(f"claim {claim_id}: indirect content has quotation marks; use form=mixed or direct", content, "form")
        if form == "mixed" and (bounded or not any(q in inner for q in QUOTE_MARKS)):
            self.error(f"claim {claim_id}: mixed content contains a quoted fragment and is not itself a whole quote", content, "form")

    def source_entity(self, text: str, claim_id: str, source: Mark | None, groups: set[str],
                      by_span: dict[tuple[int, int], str], entities: list[dict[str, Any]]) -> str | None:
        if source is None:
            return None
        ref = source.attrs.get("ref")
        if ref == "none":
            return None
        if ref is not None:
            if ref not in groups:
                self.error(f"claim {claim_id}: ref={ref} names no entity group in this document", source, "ref")
            return ref
        if (source.start, source.end) in by_span:
            return by_span[(source.start, source.end)]
        inside = sorted({e["entity"] for e in entities if source.start <= e["start"] and e["end"] <= source.end})
        if inside:
            self.error(f"claim {claim_id}: source {text[source.start:source.end]!r} contains {', '.join(inside)}: say ref=GROUP or ref=none", source, "ref")
        return None

    def casualty_layer(self, text: str, marks: list[Mark], boilerplate: list[dict[str, Any]], event_type: str,
                       claim_ids: dict[str, str], content_spans: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
        figures = []
        for mark in marks:
            figure_keys = {"value", "qualifier", "event", "status", "min", "max"} & set(mark.attrs)
            if "CAS" not in mark.attrs:
                for key in sorted(figure_keys):
                    self.error(f"{key}= goes with CAS=", mark, key)
                continue
            made = self.figure(text, mark, boilerplate, event_type, content_spans)
            if made is not None:
                figures.append(made)
        figures.sort(key=lambda f: (f["start"], f["end"]))
        for a, b in zip(figures, figures[1:]):
            if b["start"] < a["end"]:
                self.errors.append(InputError(self.path, None, f"casualty figures overlap at {a['start']}-{a['end']} and {b['start']}-{b['end']}"))
        for k, f in enumerate(figures, start=1):
            f["id"] = f"F{k}"
        return [{key: f[key] for key in ("id", "start", "end", "category", "value", "min", "max", "qualifier", "event", "status", "claim")} for f in figures]

    def figure(self, text: str, mark: Mark, boilerplate: list[dict[str, Any]], event_type: str,
               content_spans: dict[str, tuple[int, int]]) -> dict[str, Any] | None:
        attrs = mark.attrs
        words = text[mark.start:mark.end]
        category, qualifier = attrs["CAS"], attrs.get("qualifier")
        if category not in CASUALTY_CATEGORIES:
            self.error(f"unknown category {category!r} (known: {', '.join(CASUALTY_CATEGORIES)})", mark, "CAS")
            return None
        if qualifier not in QUALIFIERS:
            self.error(f"qualifier= is required, one of {', '.join(QUALIFIERS)}", mark, "qualifier")
            return None
        try:
            read = parse_figure(words)
        except NotANumber:
            self.error(f"cannot read {words!r} as a number expression (GUIDELINES 4: the span is the number with its qualifier words)", mark)
            return None
        if read.qualifier != qualifier:
            self.error(f"the words {words!r} read as qualifier {read.qualifier}, not {qualifier}", mark, "qualifier")
        value = attrs.get("value")
        if value is None and qualifier not in ("range", "vague"):
            self.error("value= is required (the integer the words state)", mark, "value")
        stated = None if value in (None, "none") else (int(value) if re.match(r"^\d+$", value) else value)
        if isinstance(stated, str):
            self.error(f"value={value}: an integer or none", mark, "value")
        elif stated != read.value:
            self.error(f"value={value} disagrees with the words {words!r} ({read.value})", mark, "value")
        for key, derived in (("min", read.min), ("max", read.max)):
            if key in attrs and attrs[key] != ("none" if derived is None else str(derived)):
                self.error(f"{key}={attrs[key]} disagrees with the words {words!r} ({derived})", mark, key)
        in_boilerplate = any(b["start"] <= mark.start and mark.end <= b["end"] for b in boilerplate)
        forced_other = in_boilerplate or event_type in NO_CASUALTY_EVENT_TYPES
        event = attrs.get("event", "other" if forced_other else "main")
        if event not in CASUALTY_EVENTS:
            self.error(f"unknown event {event!r} (known: {', '.join(CASUALTY_EVENTS)})", mark, "event")
        elif forced_other and event != "other":
            why = "inside boilerplate" if in_boilerplate else f"event type {event_type} has no casualties of its own"
            self.error(f"a figure {why} is event=other", mark, "event")
        status = attrs.get("status", "current")
        if status not in CASUALTY_STATUSES:
            self.error(f"unknown status {status!r} (known: {', '.join(CASUALTY_STATUSES)})", mark, "status")
        containing = [(end - start, cid) for cid, (start, end) in content_spans.items() if start <= mark.start and mark.end <= end]
        return {
            "start": mark.start, "end": mark.end, "category": category, "value": read.value, "min": read.min,
            "max": read.max, "qualifier": read.qualifier, "event": event, "status": status,
            "claim": min(containing)[1] if containing else None,
        }


def _is_iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _first_line(blocks: list[RawBlock]) -> int | None:
    return blocks[0].lines[0][0].line if blocks and blocks[0].lines else None


def render_html(outlet: Outlet, doc_meta: dict[str, Any], blocks: list[Block]) -> str:
    """Render the page with the outlet's template.

    The template gets `doc` and `regions`: `top`, `article` and `bottom`, each a list of groups
    `{kind, role, blocks, html}`, a group being one fence or chrome block (`html`: the chrome block's own
    HTML, or None), each block `{text, role}`.
    """
    regions: dict[str, list[dict[str, Any]]] = {"top": [], "article": [], "bottom": []}
    for block in blocks:
        groups = regions[block.region]
        entry = {"text": block.inline.text, "role": block.role}
        if groups and groups[-1]["group"] == block.group:
            groups[-1]["blocks"].append(entry)
        else:
            groups.append({"group": block.group, "kind": block.kind, "role": block.role, "blocks": [entry],
                           "html": Markup(block.html) if block.html else None})
    return outlet.page.render(doc=doc_meta, regions=regions)


def compile_document(path: Path, outlets: dict[str, Outlet]) -> dict[str, Any]:
    """Compile one source file into a document dict (DESIGN.md, "The document")."""
    return DocumentCompiler(path, outlets).compile()

