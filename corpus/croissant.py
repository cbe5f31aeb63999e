"""`croissant.json`: the release described in MLCommons Croissant 1.0 (JSON-LD), generated at build.

One FileObject per split file with its SHA-256, and one RecordSet per split, whose fields come from the one
`datasets.Features` definition: scalars as columns of the JSON lines, each label layer as a repeated field with
one sub-field per attribute (a claim's spans nest one level deeper). The tests load it with `mlcroissant` and
read the records back.
"""

from __future__ import annotations

import hashlib
from typing import Any

from datasets import List, Value

from newsbench.schema.labels import SPLITS

from newsbench.corpus.release import CARD_METADATA, NAME, VERSION

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

HOMEPAGE = "https://huggingface.co/datasets/newsbench/newsbench"
LICENSE_URLS = {"cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/"}
DESCRIPTION = (
    "News web pages written for the benchmark, each as HTML and as visible text, with gold labels on four layers: "
    "boilerplate spans, named entities, claims (attribution relations) and casualty figures."
)


def _data_type(feature: Any) -> str:
    if isinstance(feature, Value) and feature.dtype.startswith("int"):
        return "sc:Integer"
    if isinstance(feature, Value) and feature.dtype.startswith("date"):
        return "sc:Date"
    return "sc:Text"


def _source(file_id: str, column: str, path: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": column}}
    if path is not None:
        source["transform"] = {"jsonPath": path}
    return source


def _sub_field(parent: str, file_id: str, column: str, path: str, feature: Any) -> dict[str, Any]:
    """An attribute of a layer's items; a nested record (a claim's `source` span) gets sub-fields of its own."""
    field: dict[str, Any] = {"@type": "cr:Field", "@id": f"{parent}/{path.rsplit('.', 1)[-1]}", "name": path.rsplit(".", 1)[-1]}
    if isinstance(feature, dict):
        field["subField"] = [_sub_field(field["@id"], file_id, column, f"{path}.{key}", sub) for key, sub in feature.items()]
    else:
        field["dataType"] = _data_type(feature)
        field["source"] = _source(file_id, column, path)
    return field


def _fields(record_set: str, file_id: str) -> list[dict[str, Any]]:
    """One field per feature: a column, or for a label layer a repeated field of its attributes."""
    from newsbench.schema.features import document_features

    fields = []
    for name, feature in document_features().items():
        field_id = f"{record_set}/{name}"
        if isinstance(feature, List):
            fields.append({
                "@type": "cr:Field", "@id": field_id, "name": name, "repeated": True,
                "description": f"The {name} layer, one item per label (schema/document.schema.json).",
                "subField": [_sub_field(field_id, file_id, name, key, sub) for key, sub in feature.feature.items()],
            })
        else:
            fields.append({"@type": "cr:Field", "@id": field_id, "name": name, "dataType": _data_type(feature),
                           "source": _source(file_id, name)})
    return fields


def croissant(files: dict[str, bytes], published: str) -> dict[str, Any]:
    """The Croissant JSON-LD describing the split files `files` (path -> bytes), one record set per split."""
    paths = [f"data/{split}.jsonl" for split in SPLITS]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": NAME,
        "description": DESCRIPTION,
        "version": VERSION,
        "datePublished": published,
        "license": LICENSE_URLS[str(CARD_METADATA["license"])],
        "url": HOMEPAGE,
        "inLanguage": list(CARD_METADATA["language"]),  # type: ignore[call-overload]
        "keywords": list(CARD_METADATA["tags"]),  # type: ignore[call-overload]
        "citeAs": f"newsbench corpus, version {VERSION}. {HOMEPAGE}",
        "creator": {"@type": "sc:Organization", "name": "The newsbench authors"},
        "distribution": [
            {"@type": "cr:FileObject", "@id": path, "name": path, "contentUrl": path,
             "encodingFormat": "application/jsonlines", "sha256": hashlib.sha256(files[path]).hexdigest()}
            for path in paths
        ],
        "recordSet": [
            {"@type": "cr:RecordSet", "@id": split, "name": split,
             "description": f"The {split} split, one record per document.",
             "key": {"@id": f"{split}/id"}, "field": _fields(split, path)}
            for split, path in zip(SPLITS, paths)
        ],
    }
