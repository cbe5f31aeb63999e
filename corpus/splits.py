"""The split rule: a document's split follows from its incident alone, so that no incident spans two splits
and adding documents never moves an old one.

The key is the document's `incident` (its `id` when it has none). Its SHA-256 under a fixed salt, read as a
fraction of 2**256, falls into train [0, 0.60), dev [0.60, 0.75) or test [0.75, 1). Outlets marked `test_only`
appear in test documents only (the unseen-outlet subset); the build checks both rules.
"""

from __future__ import annotations

import hashlib

SALT = "newsbench-split-v1"
BOUNDS: tuple[tuple[str, float], ...] = (("train", 0.60), ("dev", 0.75), ("test", 1.0))


def split_of(key: str) -> str:
    """The split of every document whose incident (or, lacking one, id) is `key`."""
    digest = hashlib.sha256(f"{SALT}:{key}".encode("utf-8")).digest()
    fraction = int.from_bytes(digest, "big") / 2**256
    return next(split for split, bound in BOUNDS if fraction < bound)
