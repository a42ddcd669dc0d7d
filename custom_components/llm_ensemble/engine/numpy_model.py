"""One GGUF model in plain NumPy: the Llama forward pass with a KV cache, and N answers per prompt.

Nothing to compile and nothing to download: NumPy ships with every Home Assistant, so this backend
runs on Home Assistant OS and the container image. It reads the same files as llama.cpp and
computes what llama.cpp's `llama` architecture computes (RMSNorm, rotary embeddings on consecutive
pairs, SwiGLU, the output tied to the token embedding), in float32 as the shipped files store it.

The vote's sequences share the prompt: it is evaluated once, its keys and values copied to each
sequence, and every step decodes one token of every unfinished sequence together. Each model decodes
one request at a time: its many small NumPy operations hold the interpreter's lock, so requests
decoded side by side only slow each other down (measured by scripts/bench's burst).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .answers import AnswerSpace
from .decoding import MAX_SEQUENCES, Sampling
from .errors import ModelLoadFailed
from .gguf import GgufHeader
from .model_file import ModelBackend, ModelFile
from .numpy_sampling import SequenceSampler

Array = npt.NDArray[np.floating[Any]]  # float32 throughout, as the files store the weights
GGML_TYPE_F32 = 0


@dataclass(frozen=True)
class Shape:
    """The hyperparameters the forward pass needs, from the file's `llama.*` keys."""

    n_layers: int
    dim: int
    n_heads: int
    norm_eps: float
    rope_base: float

    @property
    def head_dim(self) -> int:
        """Width of one attention head."""
        return self.dim // self.n_heads

    @classmethod
    def from_header(cls, header: GgufHeader) -> Shape:
        """ModelLoadFailed unless the file is a Llama this backend can run."""
        if header.architecture != "llama":
            raise ModelLoadFailed(header.path, f"architecture {header.architecture!r} is not llama")
        try:
            shape = cls(
                n_layers=int(header.arch_value("block_count")),
                dim=int(header.arch_value("embedding_length")),
                n_heads=int(header.arch_value("attention.head_count")),
                norm_eps=float(header.arch_value("attention.layer_norm_rms_epsilon")),
                rope_base=float(header.arch_value("rope.freq_base") or 10000.0),
            )
        except (TypeError, ValueError) as err:
            raise ModelLoadFailed(header.path, f"incomplete llama hyperparameters: {err}") from None
        kv_heads = header.arch_value("attention.head_count_kv")
        if kv_heads not in (None, shape.n_heads) or shape.dim % shape.n_heads:
            raise ModelLoadFailed(header.path, "grouped or uneven attention heads are not supported")
        return shape


@dataclass(frozen=True)
class Layer:
    """One block's weights, each matrix transposed once so that `x @ w` applies it.

    The projections that read the same input are side by side in one matrix (queries, keys and
    values; the gate and the up projection): one product each instead of three and two.
    """

    attn_norm: Array
    wqkv: Array  # (dim, 3 * dim)
    wo: Array
    ffn_norm: Array
    w_gate_up: Array  # (dim, 2 * hidden)
    w_down: Array


def read_tensors(header: GgufHeader) -> dict[str, Array]:
    """Every tensor of the file as float32 arrays (ModelLoadFailed for other types or a short file)."""
    try:
        data = header.path.read_bytes()
    except OSError as err:
        raise ModelLoadFailed(header.path, f"cannot read the file: {err.strerror or err}") from err
    tensors: dict[str, Array] = {}
    for name, tensor in header.tensors.items():
        if tensor.ggml_type != GGML_TYPE_F32:
            raise ModelLoadFailed(header.path, f"tensor {name!r} is not float32 (ggml type {tensor.ggml_type})")
        start = header.data_offset + tensor.offset
        end = start + 4 * tensor.elements
        if end > len(data):
            raise ModelLoadFailed(header.path, "the tensors' data ends early (truncated file)")
        tensors[name] = np.frombuffer(data, "<f4", tensor.elements, start).reshape(tensor.shape).copy()
    return tensors


def rms_norm(x: Array, weight: Array, eps: float) -> Array:
    """Scale x to a root mean square of one, over the last axis, then by the weight."""
    scale = 1.0 / np.sqrt(np.mean(np.square(x, dtype=np.float64), axis=-1, keepdims=True) + eps)
    out: Array = (x * scale.astype(np.float32)) * weight
    return out


def silu(x: Array) -> Array:
    """The SiLU, x * sigmoid(x)."""
    out: Array = x / (np.float32(1.0) + np.exp(-x))
    return out


class NumpyModel(ModelBackend):
    """A loaded model: its file's weights and a batched, constrained decoder."""

    def __init__(self, file: ModelFile | Path | str) -> None:
        """Read the weights; typed ModelErrors say what is wrong with the file."""
        super().__init__(file if isinstance(file, ModelFile) else ModelFile.read(file))
        self.shape = Shape.from_header(self.file.header)
        self.constraint = self.file.answer_space.token_filter(self.file.tokenizer.pieces, self.file.end_tokens)
        self._pieces = self.file.tokenizer.pieces
        self._lock = threading.Lock()
        self._load_weights(read_tensors(self.file.header))

    def _load_weights(self, tensors: dict[str, Array]) -> None:
        def take(name: str) -> Array:
            try:
                return tensors[name]
            except KeyError:
                raise ModelLoadFailed(self.path, f"tensor {name!r} is missing") from None

        def side_by_side(*names: str) -> Array:
            return np.ascontiguousarray(np.concatenate([take(name).T for name in names], axis=1))

        self.embedding = take("token_embd.weight")
        self.output = np.ascontiguousarray(tensors.get("output.weight", self.embedding).T)
        self.output_norm = take("output_norm.weight")
        self.layers = [
            Layer(
                attn_norm=take(f"blk.{i}.attn_norm.weight"),
                wqkv=side_by_side(f"blk.{i}.attn_q.weight", f"blk.{i}.attn_k.weight", f"blk.{i}.attn_v.weight"),
                wo=side_by_side(f"blk.{i}.attn_output.weight"),
                ffn_norm=take(f"blk.{i}.ffn_norm.weight"),
                w_gate_up=side_by_side(f"blk.{i}.ffn_gate.weight", f"blk.{i}.ffn_up.weight"),
                w_down=side_by_side(f"blk.{i}.ffn_down.weight"),
            )
            for i in range(self.shape.n_layers)
        ]
        positions = self.file.n_ctx_train + MAX_SEQUENCES * self.max_answer_tokens
        half = self.shape.head_dim // 2
        angles = np.outer(np.arange(positions), self.shape.rope_base ** (-np.arange(half) / half))
        self._cos = np.cos(angles).astype(np.float32)
        self._sin = np.sin(angles).astype(np.float32)

    # -- the forward pass ------------------------------------------------------------------
    def _rope(self, x: Array, positions: npt.NDArray[np.intp]) -> Array:
        """Rotate each consecutive pair of a head's channels by its position's angle. x: (..., T, H, D)."""
        cos = self._cos[positions][:, None, :]
        sin = self._sin[positions][:, None, :]  # (T, 1, D/2): every head alike
        even, odd = x[..., 0::2], x[..., 1::2]
        out = np.empty_like(x)
        out[..., 0::2] = even * cos - odd * sin
        out[..., 1::2] = even * sin + odd * cos
        return out

    def _block(self, layer: Layer, x: Array, positions: npt.NDArray[np.intp], keys: Array, values: Array) -> Array:
        """One block for the new tokens x (S, T, dim); their keys and values go into the caches.

        keys, values: (S, H, positions, D), filled up to positions[0]; attention is causal.
        """
        s, t, _ = x.shape
        heads, width = self.shape.n_heads, self.shape.head_dim
        h = rms_norm(x, layer.attn_norm, self.shape.norm_eps)
        qkv = (h @ layer.wqkv).reshape(s, t, 3 * heads, width)
        q_k = self._rope(qkv[:, :, : 2 * heads], positions)  # queries and keys rotate alike
        q, k, v = q_k[:, :, :heads], q_k[:, :, heads:], qkv[:, :, 2 * heads :]
        begin, end = int(positions[0]), int(positions[-1]) + 1
        keys[:, :, begin:end] = k.transpose(0, 2, 1, 3)
        values[:, :, begin:end] = v.transpose(0, 2, 1, 3)
        scores = (q.transpose(0, 2, 1, 3) @ keys[:, :, :end].transpose(0, 1, 3, 2)) * np.float32(width**-0.5)
        if t > 1:
            future = np.arange(end)[None, :] > positions[:, None]
            scores = np.where(future, np.float32(-np.inf), scores)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        attended = (scores @ values[:, :, :end]).transpose(0, 2, 1, 3).reshape(s, t, -1)
        x = x + attended @ layer.wo
        h = rms_norm(x, layer.ffn_norm, self.shape.norm_eps)
        gate_up = h @ layer.w_gate_up
        hidden = gate_up.shape[-1] // 2
        return x + (silu(gate_up[..., :hidden]) * gate_up[..., hidden:]) @ layer.w_down

    def _forward(self, tokens: npt.NDArray[np.intp], start: int, caches: list[tuple[Array, Array]]) -> Array:
        """Last-position logits (S, vocab) of tokens (S, T) placed from position `start` on."""
        positions = np.arange(start, start + tokens.shape[1])
        x = self.embedding[tokens]
        for layer, (keys, values) in zip(self.layers, caches, strict=True):
            x = self._block(layer, x, positions, keys, values)
        logits: Array = rms_norm(x[:, -1], self.output_norm, self.shape.norm_eps) @ self.output
        return logits

    def logits(self, prompt: Sequence[int]) -> Array:
        """The next-token logits after the prompt (parity checks against llama.cpp)."""
        caches = self._empty_caches(1, len(prompt))
        logits: Array = self._forward(np.asarray([prompt]), 0, caches)[0]
        return logits

    def _empty_caches(self, n: int, length: int) -> list[tuple[Array, Array]]:
        shape = (n, self.shape.n_heads, length, self.shape.head_dim)
        return [(np.zeros(shape, np.float32), np.zeros(shape, np.float32)) for _ in self.layers]

    # -- decoding --------------------------------------------------------------------------
    def generate(
        self, prompt: Sequence[int], samplings: Sequence[Sampling], answers: AnswerSpace | None = None
    ) -> list[str | None]:
        """One answer per sampling: the prompt evaluated once, then all sequences in one batch per step.

        The constraint admits only the model's answers; a sequence stops as soon as its text is a
        complete answer that no longer answer extends. Returns each sequence's answer (None if it
        ran out of room).
        """
        n = len(samplings)
        if not 1 <= n <= MAX_SEQUENCES:
            raise ValueError(f"between 1 and {MAX_SEQUENCES} sequences, not {n}")
        with self._lock:
            return self._generate(prompt, samplings, answers or self.file.answer_space)

    def _generate(self, prompt: Sequence[int], samplings: Sequence[Sampling], answers: AnswerSpace) -> list[str | None]:
        n = len(samplings)
        length = len(prompt) + self.max_answer_tokens
        prompt_caches = self._empty_caches(1, length)
        first = self._forward(np.asarray([list(prompt)]), 0, prompt_caches)[0]
        caches = [(np.repeat(k, n, axis=0), np.repeat(v, n, axis=0)) for k, v in prompt_caches]
        constraint = answers.narrowed(self.constraint)
        samplers = [SequenceSampler(s, constraint) for s in samplings]
        logits = np.repeat(first[None, :], n, axis=0)
        texts = [""] * n
        done: list[str | None] = [None] * n
        active = list(range(n))
        pos = len(prompt)
        for _ in range(self.max_answer_tokens):
            tokens: list[int] = []
            still_active: list[int] = []
            for row, seq in enumerate(active):
                token = samplers[seq].sample(logits[row], texts[seq])
                texts[seq], answer, finished = self.file.extend(texts[seq], token, self._pieces[token], answers)
                if finished:
                    done[seq] = answer
                    continue
                tokens.append(token)
                still_active.append(seq)
            if not still_active:
                break
            if still_active != active:
                keep = [active.index(seq) for seq in still_active]
                caches = [(k[keep], v[keep]) for k, v in caches]
            active = still_active
            logits = self._forward(np.asarray(tokens)[:, None], pos, caches)
            pos += 1
        return done
