"""The dataset card carries the metadata the Hub reads and the sections a reader needs."""

import re

import yaml

from newsbench.corpus.release import CORPUS_DIR, VERSION

SECTIONS = ("Uses", "Structure", "Splits", "How it was made", "Annotation", "Agreement", "Limitations and biases",
            "Versions", "Licence")


def _card():
    text = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    _, header, prose = text.split("---\n", 2)
    return yaml.safe_load(header), prose


def test_card_metadata_is_complete():
    metadata, _ = _card()
    for key in ("license", "language", "task_categories", "task_ids", "size_categories", "pretty_name", "configs"):
        assert metadata.get(key), key
    assert [f["name"] for f in metadata["dataset_info"]["features"]][:2] == ["id", "outlet"]
    assert {c["split"] for c in metadata["configs"][0]["data_files"]} == {"train", "dev", "test"}


def test_card_has_every_section_and_names_the_release():
    _, prose = _card()
    headings = re.findall(r"^## (.+)$", prose, re.M)
    for section in SECTIONS:
        assert section in headings, section
    assert f"version {VERSION}" in prose
