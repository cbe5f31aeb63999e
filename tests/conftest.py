"""Shared fixtures: small corpora built in temporary folders from the real outlet templates."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from newsbench.corpus.release import CORPUS_DIR

MINIMAL = """\
---
id: {id}
outlet: wirepoint
published: 2024-05-02
event_type: {event_type}
split: {split}
---
# Dam bursts in [Ruritania]{{GPE E=ruritania}}

{body}
"""


def source(body: str, id: str = "nb-0901", event_type: str = "flood", split: str = "train") -> str:
    """A small source on the wirepoint outlet with the given body paragraphs."""
    return MINIMAL.format(id=id, event_type=event_type, split=split, body=textwrap.dedent(body).strip())


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Build a corpus folder with the real outlets and the given sources {relative path: text}."""

    def make(sources: dict[str, str]) -> Path:
        root = tmp_path / "corpus"
        shutil.copytree(CORPUS_DIR / "outlets", root / "outlets")
        for name, text in sources.items():
            path = root / "sources" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make
