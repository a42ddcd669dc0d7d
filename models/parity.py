"""Checks that llama.cpp sees the exported model exactly as PyTorch trained it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import torch
from llama_cpp import Llama

from models.model import Transformer
from models.tokenizer import Tokenizer


def load_llama(path: Path, n_ctx: int) -> Llama:
    """llama.cpp with an f32 KV cache (its default is f16), so only f32 arithmetic differs."""
    f32 = 0  # GGML_TYPE_F32
    return Llama(model_path=str(path), n_ctx=n_ctx, logits_all=True, n_threads=1, type_k=f32, type_v=f32, verbose=False)


def max_logit_difference(model: Transformer, llm: Llama, ids: list[int]) -> float:
    """Largest |torch - llama.cpp| over every position's logits for the same tokens."""
    with torch.no_grad():
        ours = model(torch.tensor([ids]))[0].numpy()
    llm.reset()
    llm.eval(ids)
    theirs = np.asarray(llm.scores[: len(ids)], dtype=np.float32)
    return float(np.abs(ours - theirs).max())


def tokenizer_mismatches(tok: Tokenizer, llm: Llama, texts: Iterable[str]) -> list[tuple[str, list[int], list[int]]]:
    """Texts whose SentencePiece ids differ from llama.cpp's for the exported vocabulary."""
    bad = []
    for text in texts:
        ours = tok.encode_text(text)
        theirs = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        if ours != theirs:
            bad.append((text, ours, theirs))
    return bad
