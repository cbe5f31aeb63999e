"""The one interface every system implements: a page in, a prediction out; and the registry of systems."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsbench.errors import NewsbenchError

Document = dict[str, Any]

# What a system may see of a document: the page and its metadata, never the gold layers.
PUBLIC_FIELDS = ("id", "outlet", "url", "published", "language", "title", "text", "html")


def public_view(document: Document) -> Document:
    """The document as a system receives it, without any gold label."""
    return {key: document[key] for key in PUBLIC_FIELDS}


class System(ABC):
    """A system: `predict` maps a public document to its predicted layers (any subset of them)."""

    name: str
    version: str = "1"
    description: str

    def fit(self, train: Iterable[Document], dev: Iterable[Document]) -> None:  # noqa: B027
        """Learn from the gold train split (and tune on dev); rule systems need not."""

    def prepare(self, train: Iterable[Document], dev: Iterable[Document], model_dir: Path, corpus_version: str) -> None:
        """Make the system ready to predict. Quick systems fit here; trained ones load their saved model."""
        self.fit(train, dev)

    @abstractmethod
    def predict(self, document: Document) -> dict[str, Any]:
        """The prediction for one document: layer name -> items (and/or `main_text`)."""


_REGISTRY: dict[str, Callable[[], System]] = {}


def register(name: str) -> Callable[[Callable[[], System]], Callable[[], System]]:
    """Register a system factory under `name`."""

    def decorate(factory: Callable[[], System]) -> Callable[[], System]:
        _REGISTRY[name] = factory
        return factory

    return decorate


def system_names() -> list[str]:
    _load_builtin_systems()
    return sorted(_REGISTRY)


def make_system(name: str) -> System:
    """A new instance of a registered system."""
    _load_builtin_systems()
    if name not in _REGISTRY:
        raise NewsbenchError(f"unknown system {name!r} (known: {', '.join(sorted(_REGISTRY))})")
    return _REGISTRY[name]()


def _load_builtin_systems() -> None:
    from newsbench.baselines import floors, rules  # noqa: F401  (registration on import)

    try:
        from newsbench.baselines import learned  # noqa: F401
    except ImportError:  # pragma: no cover - scikit-learn is a dependency
        pass
    from newsbench.baselines import peers  # noqa: F401
