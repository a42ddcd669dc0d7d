"""One sequence's sampler for the NumPy engine: llama.cpp's chain, draw for draw.

The chain is llama.cpp's (sampling.py): greedy at temperature 0; otherwise top-k, temperature and a
draw from a Mersenne Twister seeded with the sequence's seed, the number drawn made as libstdc++'s
`uniform_real_distribution<double>` makes it. As in llama.cpp's common sampler, the chain first
draws from every token and the answers constraint checks just that one; only when it is refused is
the draw made again among the allowed tokens. With the same logits, the same seed gives the same
token as llama.cpp's in-process engine.
"""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt

from .answer_constraint import TokenFilter
from .decoding import Sampling

_MT_N = 624  # the Mersenne Twister's state, in 32-bit words
_TWO_32 = 4294967296.0
_TWO_64 = 18446744073709551616.0
_BELOW_ONE = float(np.nextafter(1.0, 0.0))


class Mt19937:
    """std::mt19937 seeded with one 32-bit seed, and the doubles libstdc++ draws from it.

    Python's own generator is the same Mersenne Twister; only its seeding differs, so the state
    std::mt19937(seed) starts from (the classic `init_genrand`) is computed here and handed to it.
    """

    def __init__(self, seed: int) -> None:
        """The state std::mt19937 has after seeding with `seed`."""
        state = [0] * _MT_N
        word = state[0] = seed % 2**32
        for i in range(1, _MT_N):
            word = state[i] = (1812433253 * (word ^ (word >> 30)) + i) & 0xFFFFFFFF
        self._twister = random.Random()
        self._twister.setstate((3, (*state, _MT_N), None))

    def canonical(self) -> float:
        """A double in [0, 1) from two 32-bit draws: generate_canonical<double, 53>."""
        low, high = self._twister.getrandbits(32), self._twister.getrandbits(32)
        value = (float(low) + float(high) * _TWO_32) / _TWO_64
        return value if value < 1.0 else _BELOW_ONE


class SequenceSampler:
    """Picks one sequence's tokens, within the answers."""

    def __init__(self, sampling: Sampling, constraint: TokenFilter) -> None:
        """A fresh chain for one request: its own seed's first draw."""
        self.sampling = sampling
        self.constraint = constraint
        self.rng = Mt19937(sampling.seed) if sampling.temperature > 0 else None

    def sample(self, logits: npt.NDArray[np.float32], text: str) -> int:
        """The next token after `text`, allowed by the constraint."""
        token = self._chain(logits)
        if not self.constraint.allows(text, token):
            token = self._chain(np.where(self.constraint.mask(text), logits, np.float32(-np.inf)))
        return token

    def _chain(self, logits: npt.NDArray[np.float32]) -> int:
        if self.rng is None:
            return int(np.argmax(logits))  # the first of equal maxima, as llama.cpp's greedy sampler
        k = min(self.sampling.top_k, logits.shape[0]) if self.sampling.top_k > 0 else logits.shape[0]
        best = np.argpartition(-logits, k - 1)[:k]
        best = best[np.lexsort((best, -logits[best]))]  # descending, equal logits by token id
        scaled = logits[best] / np.float32(self.sampling.temperature)
        draw = self.rng.canonical()
        if k == 1:
            return int(best[0])
        weights = np.exp(scaled - scaled[0])
        running = np.cumsum(weights, dtype=np.float64)
        chosen = int(np.searchsorted(running, running[-1] * draw, side="left"))
        return int(best[min(chosen, k - 1)])
