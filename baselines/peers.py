"""Peer extractors on the HTML track: published main-text extractors, each with its documented defaults.

Install them with `pip install "newsbench[peers]"`. Each peer reads only `html` and predicts `main_text`.
`html-floor` (the visible text of the whole page, from html-text) is the floor of the track.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from newsbench.errors import NewsbenchError

from newsbench.baselines.system import Document, System, register


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _readability(html: str) -> str:
    import html_text
    from readability import Document as Readable

    return html_text.extract_text(Readable(html).summary())


def _resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True)


def _boilerpy3(html: str) -> str:
    from boilerpy3 import extractors

    return extractors.ArticleExtractor().get_content(html)


def _goose3(html: str) -> str:
    from goose3 import Goose

    with Goose() as goose:
        return goose.extract(raw_html=html).cleaned_text


def _newspaper4k(html: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    article = newspaper.Article("https://newsbench.example/article")
    article.download(input_html=html)
    article.parse()
    return article.text


def _html_floor(html: str) -> str:
    import html_text

    return html_text.extract_text(html)


PEERS: dict[str, tuple[str, Callable[[str], str], str]] = {
    "trafilatura": ("trafilatura", _trafilatura, "trafilatura.extract(html), default settings"),
    "justext": ("justext", _justext, "jusText with the English stoplist; paragraphs not marked boilerplate"),
    "readability": ("readability", _readability, "readability-lxml Document(html).summary(), text by html-text"),
    "resiliparse": ("resiliparse", _resiliparse, "Resiliparse extract_plain_text(html, main_content=True)"),
    "boilerpy3": ("boilerpy3", _boilerpy3, "boilerpy3 ArticleExtractor"),
    "goose3": ("goose3", _goose3, "goose3 Goose().extract(raw_html=html).cleaned_text"),
    "newspaper4k": ("newspaper", _newspaper4k, "newspaper4k Article.download(input_html=html), parse(), text"),
    "html-floor": ("html_text", _html_floor, "the whole page's visible text (html-text): the floor of the HTML track"),
}


class PeerSystem(System):
    """A main-text extractor run on the page's HTML."""

    version = "1"

    def __init__(self, name: str, module: str, extract: Callable[[str], str], description: str):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                __import__(module)
        except ImportError:
            raise NewsbenchError(f"system {name!r} needs the peers extra: pip install 'newsbench[peers]'") from None
        self.name = name
        self.description = description
        self._extract = extract

    def predict(self, document: Document) -> dict[str, Any]:
        return {"main_text": self._extract(document["html"])}


def _factory(name: str) -> Callable[[], System]:
    module, extract, description = PEERS[name]
    return lambda: PeerSystem(name, module, extract, description)


for _name in PEERS:
    register(_name)(_factory(_name))
