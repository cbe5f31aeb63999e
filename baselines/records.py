"""Result records: a scored prediction file with everything needed to reproduce and compare it.

A record lives at `baselines/results/<system>/<split>.json`, beside the predictions it scores
(`<split>.jsonl`). Writing the same predictions again changes nothing, the date included.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import shutil
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from newsbench import __version__
from newsbench.errors import NewsbenchError
from newsbench.jsonl import atomic_writer
from newsbench.schema.jsonschemas import result_schema

from newsbench.evaluate.harness import Report

RESULTS_DIR = Path(__file__).resolve().parent / "results"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
LIBRARIES = ("datasets", "scikit-learn", "numpy", "jsonschema")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    """The versions of the harness, Python and the main libraries."""
    versions = {"newsbench": __version__, "python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def make_record(report: Report, name: str, version: str, description: str, predictions_sha256: str,
                url: str | None = None, when: date | None = None) -> dict[str, Any]:
    """The result record of a report, validated by the result schema."""
    if not NAME.match(name):
        raise NewsbenchError(f"system name {name!r}: letters, digits, '.', '_' and '-', starting with a letter or digit")
    system = {"name": name, "version": version, "description": description}
    if url:
        system["url"] = url
    record = {
        "system": system,
        "corpus_version": report.corpus_version,
        "split": report.split,
        "predictions_sha256": predictions_sha256,
        "date": (when or date.today()).isoformat(),
        "versions": library_versions(),
        "report": {layer: {figure: vars(f) for figure, f in figures.items()} for layer, figures in report.figures.items()},
    }
    errors = list(Draft202012Validator(result_schema()).iter_errors(record))
    if errors:
        raise NewsbenchError(f"result record does not match the result schema: {errors[0].message}")
    return record


def record_path(name: str, split: str, results_dir: Path = RESULTS_DIR) -> Path:
    return results_dir / name / f"{split}.json"


def save_record(record: dict[str, Any], predictions: Path, results_dir: Path = RESULTS_DIR) -> Path:
    """Write the record and a copy of its predictions; keep the old date when the predictions are unchanged."""
    path = record_path(record["system"]["name"], record["split"], results_dir)
    if path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old.get("predictions_sha256") == record["predictions_sha256"]:
            record = {**record, "date": old["date"]}
    stored = path.with_suffix(".jsonl")
    if predictions.resolve() != stored.resolve():
        with atomic_writer(stored, "wb") as handle, predictions.open("rb") as source:
            shutil.copyfileobj(source, handle)
    with atomic_writer(path) as handle:
        handle.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return path


def load_records(results_dir: Path = RESULTS_DIR) -> list[dict[str, Any]]:
    """Every stored record, in a fixed order."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(results_dir.glob("*/*.json"))]
