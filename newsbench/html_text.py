"""The visible text of an HTML page, as a reader sees it, with white space folded."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

INVISIBLE_TAGS = frozenset({"head", "script", "style", "noscript", "template", "svg"})
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "button", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "label", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
})
_WHITE_SPACE = re.compile(r"\s+")


def fold_white_space(text: str) -> str:
    """Collapse every run of white space to one space and strip both ends."""
    return _WHITE_SPACE.sub(" ", text).strip()


def visible_text(html: str) -> str:
    """The text a browser shows for `html`: invisible elements dropped, blocks separated, white space folded."""
    root = lxml.html.document_fromstring(html)
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        visible = tag not in INVISIBLE_TAGS and element.get("hidden") is None and isinstance(element.tag, str)
        if visible:
            block = tag in BLOCK_TAGS
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
            if block:
                parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    return fold_white_space("".join(parts))
