"""One sequence's sampler: its own chain (temperature, top-k, seed) held to the answers grammar."""

from __future__ import annotations

import ctypes
import math
from typing import Any

import llama_cpp

from .decoding import Sampling
from .errors import DecodeFailed

__all__ = ["ConstrainedSampler", "Sampling"]


class ConstrainedSampler:
    """Samples only tokens the grammar allows, cheaply.

    Applying a grammar to the whole vocabulary costs more than a decoding step of these small
    models, so, as llama.cpp's own common sampler does, the chain samples first and the grammar
    checks just that token; only when it is rejected is the grammar applied to every token and
    the chain run again on what is left. Either way the token obeys the grammar.
    """

    def __init__(self, vocab: Any, n_vocab: int, grammar: bytes, sampling: Sampling) -> None:
        """Build the grammar, then the chain: top-k, temperature, a seeded draw."""
        self.n_vocab = n_vocab
        self.grammar = llama_cpp.llama_sampler_init_grammar(vocab, grammar, b"root")
        if not self.grammar:
            raise DecodeFailed("llama.cpp rejected the answers grammar")
        self.sampling = sampling
        self.chain = self._chain(sampling)
        self._one = llama_cpp.llama_token_data()
        self._one_array = llama_cpp.llama_token_data_array(ctypes.pointer(self._one), 1, -1, False)

    @staticmethod
    def _chain(sampling: Sampling) -> Any:
        chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
        if sampling.temperature <= 0:
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
        else:
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_k(sampling.top_k))
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_temp(sampling.temperature))
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_dist(sampling.seed))
        return chain

    def reset(self, seed: int | None = None) -> None:
        """Back to the grammar's start and a seed's first draw, for a new request.

        Each request brings its own seed (`request_seed`); llama.cpp cannot reseed a draw, so the
        chain (three small samplers) is built again. The grammar, which is costly to parse, stays.
        """
        llama_cpp.llama_sampler_reset(self.grammar)
        if seed is None or seed == self.sampling.seed or self.sampling.temperature <= 0:
            llama_cpp.llama_sampler_reset(self.chain)
            return
        llama_cpp.llama_sampler_free(self.chain)
        self.sampling = Sampling(self.sampling.temperature, self.sampling.top_k, seed)
        self.chain = self._chain(self.sampling)

    def sample(self, ctx: Any, logits_row: int) -> int:
        """Draw the next token of a sequence, within the grammar."""
        token = int(llama_cpp.llama_sampler_sample(self.chain, ctx, logits_row))
        if not self.allows(token):
            token = self._sample_within_grammar(ctx, logits_row)
        llama_cpp.llama_sampler_accept(self.grammar, token)
        return token

    def allows(self, token: int) -> bool:
        """Whether the grammar, in its current state, admits this token next."""
        self._one.id, self._one.logit, self._one.p = token, 0.0, 0.0
        self._one_array.size, self._one_array.selected, self._one_array.sorted = 1, -1, False
        llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(self._one_array))
        return math.isfinite(self._one.logit)

    def _sample_within_grammar(self, ctx: Any, logits_row: int) -> int:
        logits = llama_cpp.llama_get_logits_ith(ctx, logits_row)
        data = (llama_cpp.llama_token_data * self.n_vocab)()
        for token in range(self.n_vocab):
            data[token].id, data[token].logit = token, logits[token]
        candidates = llama_cpp.llama_token_data_array(data, self.n_vocab, -1, False)
        llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(candidates))
        llama_cpp.llama_sampler_apply(self.chain, ctypes.byref(candidates))
        return int(data[candidates.selected].id)

    def free(self) -> None:
        """Free the llama.cpp samplers."""
        llama_cpp.llama_sampler_free(self.chain)
        llama_cpp.llama_sampler_free(self.grammar)
