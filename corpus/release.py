"""What names this release of the corpus: its version and the card's machine-read metadata."""

from __future__ import annotations

from pathlib import Path

NAME = "newsbench"
VERSION = "1.0.0"
"""Semantic version of the corpus (DESIGN.md, "Versions"); MANIFEST.json records it at build."""

RELEASED = "2026-11-25"
"""The release date (ISO): the card's and croissant.json's publication date."""

CORPUS_DIR = Path(__file__).resolve().parent

CARD_METADATA: dict[str, object] = {
    "pretty_name": "newsbench",
    "license": "cc-by-4.0",
    "language": ["en"],
    "multilinguality": "monolingual",
    "size_categories": ["n<1K"],
    "source_datasets": ["original"],
    "annotations_creators": ["expert-generated"],
    "language_creators": ["expert-generated"],
    "task_categories": ["token-classification", "text-classification"],
    "task_ids": ["named-entity-recognition"],
    "tags": ["news", "boilerplate-removal", "web-content-extraction", "attribution", "casualty-counting", "information-extraction"],
}
