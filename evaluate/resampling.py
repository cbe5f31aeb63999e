"""Bootstrap intervals and paired significance tests from per-document counts, in one streaming pass.

The bootstrap resamples n documents with replacement, B times. It streams: the number of times document j
(of n, in gold order) is drawn in a resample is Binomial(r, 1/(n - j)), r being the draws that resample has
left, which gives each resample exactly the multinomial counts of the classic bootstrap without holding the
documents. Weights come from a seeded generator in gold-document order, so a report is a pure function of
(gold, predictions, options), and memory is B x k whatever the number of documents.

`compare` pairs two systems on the same documents: a paired bootstrap (both systems get the same weights)
and a paired approximate randomisation test (each trial swaps the two systems' counts of each document
with probability 1/2; p = (1 + #{|delta'| >= |delta|}) / (trials + 1), as sacrebleu computes it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CONFIDENCE = 0.95


def generator(seed: int) -> np.random.Generator:
    """The one random generator of a scoring run."""
    return np.random.Generator(np.random.PCG64(seed))


class Bootstrap:
    """Sums of per-document counts over all n documents and over B resamples of them."""

    def __init__(self, width: int, resamples: int, seed: int, documents: int):
        self.total = np.zeros(width)
        self.resampled = np.zeros((resamples, width))
        self.documents = 0
        self._size = documents
        self._drawn = 0
        self._left = np.full(resamples, documents, dtype=np.int64)
        self._rng = generator(seed)

    def weights(self) -> np.ndarray:
        """How often the next document is drawn in each resample (callers share it for paired statistics)."""
        if self._drawn >= self._size:
            raise ValueError(f"more than the {self._size} documents announced")
        drawn = self._rng.binomial(self._left, 1.0 / (self._size - self._drawn))
        self._left -= drawn
        self._drawn += 1
        return drawn.astype(float)

    def add(self, counts: np.ndarray, weights: np.ndarray | None = None) -> None:
        self.total += counts
        self.resampled += np.outer(self.weights() if weights is None else weights, counts)
        self.documents += 1


def interval(values: np.ndarray, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The percentile interval of bootstrap values."""
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


class Randomisation:
    """Paired approximate randomisation: per trial, the summed counts of A and B with documents swapped at random."""

    def __init__(self, width: int, trials: int, seed: int):
        self.a = np.zeros((trials, width))
        self.b = np.zeros((trials, width))
        self._rng = generator(seed + 1)

    def add(self, counts_a: np.ndarray, counts_b: np.ndarray) -> None:
        swap = self._rng.random(self.a.shape[0]) < 0.5
        self.a += np.where(swap[:, None], counts_b, counts_a)
        self.b += np.where(swap[:, None], counts_a, counts_b)


@dataclass(frozen=True)
class PairedResult:
    """Difference A - B of one figure, its bootstrap interval, and both tests' p-values."""

    a: float
    b: float
    delta: float
    low: float
    high: float
    p_bootstrap: float
    p_randomisation: float


def paired_result(a: float, b: float, resampled_delta: np.ndarray, randomised_delta: np.ndarray) -> PairedResult:
    """Summarise a paired comparison.

    The bootstrap p-value tests delta = 0 by the shifted bootstrap distribution (Berg-Kirkpatrick et al. 2012):
    p = (1 + #{|delta* - delta| >= |delta|}) / (B + 1).
    """
    delta = a - b
    low, high = interval(resampled_delta)
    p_boot = (1 + np.count_nonzero(np.abs(resampled_delta - delta) >= abs(delta) - 1e-12)) / (len(resampled_delta) + 1)
    p_rand = (1 + np.count_nonzero(np.abs(randomised_delta) >= abs(delta) - 1e-12)) / (len(randomised_delta) + 1)
    return PairedResult(a, b, delta, low, high, float(p_boot), float(p_rand))
