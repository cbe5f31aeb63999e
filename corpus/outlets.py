"""Outlet templates: each outlet's page chrome (`outlet.yaml`) and page HTML (`page.html.j2`).

An outlet folder under `corpus/outlets/` holds:

- `outlet.yaml`: `name`, `domain`, `test_only` (optional: the outlet appears in test documents only), `sections` (event type -> URL section, `default` for the rest) and the
  chrome blocks `top`, `middle` (each with `after: N`, placed after the N-th body paragraph) and `bottom`.
  Each chrome block has a boilerplate `kind`, a `text` in the span markup (entities in chrome are labelled
  like any other) and optionally `html`, the block's own HTML, whose visible text must equal the text.
  `text` and `html` are Jinja2 templates over `doc` (the document's metadata).
- `page.html.j2`: the page, a Jinja2 template over `doc` and `regions` (see `compiler.render_html`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import yaml

from newsbench.errors import InputError
from newsbench.html_text import fold_white_space, visible_text
from newsbench.schema.labels import BOILERPLATE_KINDS

from newsbench.corpus.markup import Inline, Position, parse_inline

OUTLET_FILE = "outlet.yaml"
PAGE_TEMPLATE = "page.html.j2"


@dataclass
class ChromeBlock:
    """One boilerplate block an outlet puts on every page."""

    kind: str
    text: str
    html: str | None
    after: int | None
    origin: str


@dataclass
class Outlet:
    """An outlet: its name, domain, URL sections, chrome and page template."""

    slug: str
    name: str
    domain: str
    sections: dict[str, str]
    top: list[ChromeBlock]
    middle: list[ChromeBlock]
    bottom: list[ChromeBlock]
    folder: Path
    environment: jinja2.Environment
    test_only: bool = False

    @cached_property
    def page(self) -> jinja2.Template:
        return self.environment.get_template(f"{self.slug}/{PAGE_TEMPLATE}")

    def section(self, event_type: str) -> str:
        return self.sections.get(event_type, self.sections.get("default", "news"))

    def render_chrome(self, block: ChromeBlock, doc: dict[str, Any]) -> tuple[list[Inline], str | None]:
        """Fill a chrome block's templates for one document; parse its paragraphs; check its HTML's visible text."""
        file = self.folder / OUTLET_FILE
        try:
            markup = self.environment.from_string(block.text).render(doc=doc)
            html = self.environment.from_string(block.html).render(doc=doc) if block.html else None
        except jinja2.TemplateError as err:
            raise InputError(file, None, f"template error: {err}", field=block.origin) from None
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", markup) if p.strip()]
        inlines = [parse_inline([(Position(0, k + 1), ch) for k, ch in enumerate(p)], file) for p in paragraphs]
        shown = fold_white_space(" ".join(i.text for i in inlines))
        if html is not None and visible_text(html) != shown:
            raise InputError(file, None, f"visible text of html {visible_text(html)!r} differs from text {shown!r}", field=block.origin)
        return inlines, html


def _chrome(raw: Any, file: Path, region: str) -> list[ChromeBlock]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError(file, None, "must be a list of blocks", field=region)
    blocks = []
    for k, item in enumerate(raw):
        origin = f"{region}[{k}]"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(file, None, "a chrome block is a mapping with 'kind' and 'text'", field=origin)
        kind = item.get("kind")
        if kind not in BOILERPLATE_KINDS:
            raise InputError(file, None, f"unknown boilerplate kind {kind!r} (known: {', '.join(BOILERPLATE_KINDS)})", field=f"{origin}.kind")
        after = item.get("after")
        if region == "middle" and not (isinstance(after, int) and after >= 1):
            raise InputError(file, None, "a middle block needs 'after: N' (N >= 1 body paragraphs)", field=f"{origin}.after")
        unknown = set(item) - {"kind", "text", "html", "after"}
        if unknown:
            raise InputError(file, None, f"unknown keys {sorted(unknown)}", field=origin)
        blocks.append(ChromeBlock(kind, item["text"].strip(), item.get("html"), after, origin))
    return blocks


def load_outlets(outlets_dir: Path) -> dict[str, Outlet]:
    """Load every outlet folder under `outlets_dir`, keyed by folder name."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(outlets_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    outlets: dict[str, Outlet] = {}
    for folder in sorted(p for p in outlets_dir.iterdir() if (p / OUTLET_FILE).is_file()):
        file = folder / OUTLET_FILE
        try:
            raw = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise InputError(file, None, f"not valid YAML: {err}") from None
        if not isinstance(raw, dict):
            raise InputError(file, None, "must be a YAML mapping")
        for key in ("name", "domain"):
            if not isinstance(raw.get(key), str):
                raise InputError(file, None, "required string", field=key)
        if not isinstance(raw.get("test_only", False), bool):
            raise InputError(file, None, "true or false", field="test_only")
        if not (folder / PAGE_TEMPLATE).is_file():
            raise InputError(folder / PAGE_TEMPLATE, None, "outlet has no page template")
        outlets[folder.name] = Outlet(
            slug=folder.name,
            name=raw["name"],
            domain=raw["domain"],
            sections=dict(raw.get("sections") or {}),
            top=_chrome(raw.get("top"), file, "top"),
            middle=_chrome(raw.get("middle"), file, "middle"),
            bottom=_chrome(raw.get("bottom"), file, "bottom"),
            folder=folder,
            environment=environment,
            test_only=raw.get("test_only", False),
        )
    return outlets
