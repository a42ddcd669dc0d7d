"""The SentencePiece tokenizer both models share, and how a request becomes token ids.

BPE with byte fallback (any text tokenizes), no SentencePiece normalisation (the project's own
normaliser runs first, the same in training and in the engine), `[ORDEN]`/`[COMANDO]` as single
pieces, and every answer word (labels, codes, ON/OFF) as one piece so an answer is 2-3 steps.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import sentencepiece as spm

from engine.text import normalize_lower_ascii

PROMPT_PREFIX = "[ORDEN]"
PROMPT_SUFFIX = "[COMANDO]"
NORMALIZER = "lower-ascii-v1"
SPACE = "\u2581"  # SentencePiece's visible space


def answer_symbols(words: Iterable[str]) -> list[str]:
    """Pieces for answer words, with the leading space SentencePiece gives a word."""
    return [SPACE + w for w in words]


def train_tokenizer(texts: Iterable[str], answers: Iterable[str], out_prefix: Path, vocab_size: int) -> Path:
    """Train on normalised request texts and the answers; return the .model path."""
    answer_words = sorted({w for a in answers for w in a.split()})
    corpus = "\n".join(list(texts) + answer_words)
    spm.SentencePieceTrainer.train(
        sentence_iterator=io.StringIO(corpus),
        model_prefix=str(out_prefix),
        vocab_size=vocab_size,
        model_type="bpe",
        byte_fallback=True,
        character_coverage=1.0,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=True,
        split_digits=True,
        user_defined_symbols=[PROMPT_PREFIX, PROMPT_SUFFIX, *answer_symbols(answer_words)],
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=2,
        minloglevel=2,
    )
    return out_prefix.with_suffix(".model")


class Tokenizer:
    """Encodes prompts and answers exactly as the engine will build them in llama.cpp."""

    def __init__(self, model_path: Path) -> None:
        self.sp = spm.SentencePieceProcessor(model_file=str(model_path))
        self.path = model_path
        self.bos, self.eos = self.sp.bos_id(), self.sp.eos_id()
        self.prefix = self.sp.piece_to_id(PROMPT_PREFIX)
        self.suffix = self.sp.piece_to_id(PROMPT_SUFFIX)

    @property
    def vocab_size(self) -> int:
        return int(self.sp.vocab_size())

    def encode_text(self, text: str) -> list[int]:
        """Plain text, no special tokens: what llama_tokenize(text, add_special=False) gives."""
        return list(self.sp.encode(text))

    def prompt(self, request: str, max_text_tokens: int) -> list[int]:
        """BOS [ORDEN] <normalised request, truncated> [COMANDO]."""
        text_ids = self.encode_text(normalize_lower_ascii(request))[:max_text_tokens]
        return [self.bos, self.prefix, *text_ids, self.suffix]

    def answer(self, answer: str) -> list[int]:
        """The answer's pieces and EOS: an answer word (label, code, ON) is one piece; any other
        word (a name copied from the request) is tokenized as the request's words are."""
        ids = []
        for word in answer.split():
            piece = self.sp.piece_to_id(SPACE + word)
            ids.extend([piece] if piece != self.sp.unk_id() else self.encode_text(word))
        return [*ids, self.eos]
