"""One GGUF model in llama.cpp: load it, read its metadata, tokenize, and decode N sequences.

This is the only module that talks to llama.cpp (through llama-cpp-python's low-level API; the
high-level `Llama` class cannot return several completions of one prompt).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import llama_cpp

from .answers import AnswerSpace
from .decoding import MAX_SEQUENCES
from .errors import DecodeFailed, ModelLoadFailed
from .model_file import ModelBackend, ModelFile
from .sampling import ConstrainedSampler, Sampling

_LOGGER = logging.getLogger(__name__)
MAX_CACHED_SAMPLERS = 64
GGML_TYPE_F32 = 0
GGML_LOG_LEVEL_ERROR = 4  # ggml_log_level: NONE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4, CONT 5
_backend_lock = threading.Lock()
_backend_ready = False


@llama_cpp.llama_log_callback  # type: ignore[misc]
def _forward_log(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
    """llama.cpp's own messages go to our logger: errors as warnings, the rest as debug."""
    message = text.decode("utf-8", "replace").rstrip()
    if message:
        _LOGGER.log(logging.WARNING if level == GGML_LOG_LEVEL_ERROR else logging.DEBUG, "llama.cpp: %s", message)


def _init_backend() -> None:
    """Initialise llama.cpp once per process, its messages routed to Python logging."""
    global _backend_ready
    with _backend_lock:
        if not _backend_ready:
            llama_cpp.llama_log_set(_forward_log, ctypes.c_void_p(0))
            llama_cpp.llama_backend_init()
            _backend_ready = True


class LlamaModel(ModelBackend):
    """A loaded model with one decoding context; decode() is serialised by a lock.

    The context has room for MAX_SEQUENCES sequences in a unified KV cache: the prompt is
    evaluated once in sequence 0 and shared with the others by llama_memory_seq_cp.
    """

    def __init__(self, file: ModelFile | Path | str, n_threads: int = 1) -> None:
        """Load the file into llama.cpp; ModelError when it cannot serve."""
        super().__init__(file if isinstance(file, ModelFile) else ModelFile.read(file))
        _init_backend()
        params = llama_cpp.llama_model_default_params()
        params.use_mmap = False  # a rewritten file must not change under a loaded model
        self._model = llama_cpp.llama_model_load_from_file(str(self.path).encode(), params)
        if not self._model:
            raise ModelLoadFailed(self.path, "llama.cpp could not load this GGUF (corrupt or unsupported)")
        self._ctx: Any = None
        self._batch: Any = None
        self._samplers: dict[tuple[int, Sampling], ConstrainedSampler] = {}
        self._closed = False
        self._lock = threading.Lock()  # one decode at a time; close() waits for it
        try:
            self._vocab = llama_cpp.llama_model_get_vocab(self._model)
            self._pieces = [self._piece(t) for t in range(llama_cpp.llama_vocab_n_tokens(self._vocab))]
            self._grammar = self.file.answer_space.grammar().encode()
            self._create_context(n_threads)
        except BaseException:
            self.close()
            raise

    def _create_context(self, n_threads: int) -> None:
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = max(256, self.file.n_ctx_train + MAX_SEQUENCES * self.max_answer_tokens)
        params.n_batch = params.n_ctx
        params.n_ubatch = params.n_ctx
        params.n_seq_max = MAX_SEQUENCES
        params.kv_unified = True
        params.type_k = params.type_v = GGML_TYPE_F32  # exact as trained; the cache is tiny anyway
        # Flash attention rounds the queries to float16 on the CPU: off, so llama.cpp computes what
        # the model was trained to compute, as the NumPy backend does (tests/engine/test_numpy_parity.py).
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
        params.n_threads = n_threads
        params.n_threads_batch = n_threads
        params.no_perf = True
        self._ctx = llama_cpp.llama_init_from_model(self._model, params)
        if not self._ctx:
            raise ModelLoadFailed(self.path, "llama.cpp could not create a context")
        self._batch = llama_cpp.llama_batch_init(params.n_batch, 0, MAX_SEQUENCES)

    def close(self) -> None:
        """Free the context, batch and weights (idempotent; waits for a decode under way)."""
        with self._lock:
            self._free()

    def _free(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._free_samplers()
        if self._batch is not None:
            llama_cpp.llama_batch_free(self._batch)
            self._batch = None
        if self._ctx:
            llama_cpp.llama_free(self._ctx)
            self._ctx = None
        if self._model:
            llama_cpp.llama_model_free(self._model)
            self._model = None

    def __del__(self) -> None:
        """Free llama.cpp's memory if close() was never called."""
        with contextlib.suppress(Exception):  # never raise from a finaliser
            self._free()

    # -- text ------------------------------------------------------------------------------
    def _tokenize(self, text: str, parse_special: bool = False) -> list[int]:
        if self._closed:
            raise DecodeFailed("the model was closed")
        data = text.encode("utf-8")
        capacity = len(data) + 8
        tokens = (llama_cpp.llama_token * capacity)()
        n = llama_cpp.llama_tokenize(self._vocab, data, len(data), tokens, capacity, False, parse_special)
        if n < 0:  # cannot happen with one token per byte plus room, but never index garbage
            capacity = -n
            tokens = (llama_cpp.llama_token * capacity)()
            n = llama_cpp.llama_tokenize(self._vocab, data, len(data), tokens, capacity, False, parse_special)
        return list(tokens[:n])

    def llama_tokenize(self, text: str, parse_special: bool = False) -> list[int]:
        """llama.cpp's own ids for a text (no BOS): what the shared tokenizer is checked against."""
        return self._tokenize(text, parse_special)

    def _piece(self, token: int) -> str:
        buf = ctypes.create_string_buffer(64)
        n = llama_cpp.llama_token_to_piece(self._vocab, token, buf, len(buf), 0, False)
        return buf.raw[: max(n, 0)].decode("utf-8", "replace")

    def logits(self, prompt: Sequence[int]) -> list[float]:
        """The next-token logits after the prompt (parity checks)."""
        with self._lock:
            if self._closed:
                raise DecodeFailed("the model was closed")
            llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self._ctx), True)
            last = len(prompt) - 1
            self._fill([(tok, pos, 0, pos == last) for pos, tok in enumerate(prompt)])
            self._decode()
            row = llama_cpp.llama_get_logits_ith(self._ctx, last)
            return [float(row[i]) for i in range(len(self._pieces))]

    # -- decoding --------------------------------------------------------------------------
    def _fill(self, entries: Sequence[tuple[int, int, int, bool]]) -> None:
        """Put (token, position, sequence, wants_logits) entries into the batch."""
        batch = self._batch
        for i, (token, pos, seq, logits) in enumerate(entries):
            batch.token[i] = token
            batch.pos[i] = pos
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = seq
            batch.logits[i] = logits
        batch.n_tokens = len(entries)

    def _decode(self) -> None:
        status = llama_cpp.llama_decode(self._ctx, self._batch)
        if status != 0:
            raise DecodeFailed(f"llama_decode returned {status}")

    def generate(
        self, prompt: Sequence[int], samplings: Sequence[Sampling], answers: AnswerSpace | None = None
    ) -> list[str | None]:
        """Decode one answer per sampling, all sequences in one batch per step.

        The prompt is evaluated once (sequence 0), then shared with every other sequence. Each
        step decodes one token for every unfinished sequence together. The grammar admits only
        the model's answers; a sequence stops as soon as its text is a complete answer that no
        longer answer extends. Returns each sequence's answer (None if it ran out of room).
        """
        n = len(samplings)
        if not 1 <= n <= MAX_SEQUENCES:
            raise ValueError(f"between 1 and {MAX_SEQUENCES} sequences, not {n}")
        with self._lock:
            if self._closed:
                raise DecodeFailed("the model was closed")
            if answers is None or answers == self.file.answer_space:
                samplers = [self._sampler_for(seq, s) for seq, s in enumerate(samplings)]
                return self._generate(list(prompt), samplers, self.file.answer_space)
            # This request's own grammar (a naming model's words): samplers for it alone.
            grammar = answers.grammar().encode()
            samplers = [ConstrainedSampler(self._vocab, len(self._pieces), grammar, s) for s in samplings]
            try:
                return self._generate(list(prompt), samplers, answers)
            finally:
                for sampler in samplers:
                    sampler.free()

    def _sampler_for(self, seq: int, sampling: Sampling) -> ConstrainedSampler:
        """A reset sampler for sequence `seq` of a request.

        Samplers are cached because building one parses the grammar, which costs more than a
        decoding step of these small models; the key holds the sequence, since each sequence's
        grammar state is its own, but not the seed, which changes with every request.
        """
        key = (seq, replace(sampling, seed=0))
        sampler = self._samplers.get(key)
        if sampler is None:
            if len(self._samplers) >= MAX_CACHED_SAMPLERS:
                self._free_samplers()
            sampler = ConstrainedSampler(self._vocab, len(self._pieces), self._grammar, sampling)
            self._samplers[key] = sampler
        sampler.reset(sampling.seed)
        return sampler

    def _free_samplers(self) -> None:
        for sampler in self._samplers.values():
            sampler.free()
        self._samplers.clear()

    def _generate(
        self, prompt: list[int], samplers: list[ConstrainedSampler], answers: AnswerSpace
    ) -> list[str | None]:
        memory = llama_cpp.llama_get_memory(self._ctx)
        llama_cpp.llama_memory_clear(memory, True)
        last = len(prompt) - 1
        self._fill([(tok, pos, 0, pos == last) for pos, tok in enumerate(prompt)])
        self._decode()
        for seq in range(1, len(samplers)):
            llama_cpp.llama_memory_seq_cp(memory, 0, seq, -1, -1)
        texts = [""] * len(samplers)
        done: list[str | None] = [None] * len(samplers)
        logits_row = [last] * len(samplers)  # where each sequence's next-token logits are
        active = list(range(len(samplers)))
        pos = len(prompt)
        for _ in range(self.max_answer_tokens):
            entries: list[tuple[int, int, int, bool]] = []
            still_active: list[int] = []
            for seq in active:
                token = samplers[seq].sample(self._ctx, logits_row[seq])
                texts[seq], answer, finished = self.file.extend(texts[seq], token, self._pieces[token], answers)
                if finished:
                    done[seq] = answer
                    continue
                logits_row[seq] = len(entries)
                entries.append((token, pos, seq, True))
                still_active.append(seq)
            active = still_active
            if not entries:
                break
            self._fill(entries)
            self._decode()
            pos += 1
        return done
