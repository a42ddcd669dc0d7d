"""llama.cpp's SentencePiece (SPM) tokenizer over a GGUF vocabulary, in pure Python.

Every engine reads the same ids: this follows llama.cpp's rules step for step (`llama-vocab.cpp`,
`llm_tokenizer_spm_session`), so the NumPy engine needs no native library and the others can be
checked against it token for token (tests/engine/test_numpy_parity.py):

- user-defined tokens ("[ORDEN]") are split out of the text first, longest first, even when special
  tokens are not parsed; control and unknown tokens are not;
- each piece of text gets one leading space when it starts the text or follows such a token, and
  every space becomes "▁";
- the text starts as one symbol per UTF-8 character; the adjacent pair whose join is the
  best-scoring token is merged first (ties: the leftmost), until no join is a token;
- a symbol that is no token falls back to one byte token ("<0xE2>") per byte.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from .gguf import GgufHeader

SPACE = "\u2581"  # "▁", SentencePiece's visible space
# tokenizer.ggml.token_type values (llama_token_type)
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6


def utf8_length(first_byte: int) -> int:
    """How many bytes a UTF-8 character takes, from its first byte (llama.cpp's `unicode_len_utf8`)."""
    return (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4)[first_byte >> 4]


@dataclass
class _Symbol:
    start: int
    size: int
    prev: int
    next: int


class SpmTokenizer:
    """Text to token ids, and ids to text pieces, exactly as llama.cpp does for an SPM vocabulary."""

    def __init__(
        self, tokens: Sequence[str], scores: Sequence[float], types: Sequence[int], add_space_prefix: bool = True
    ) -> None:
        """Index the vocabulary: each token's bytes, score and type."""
        self.texts = [t.encode("utf-8") for t in tokens]
        self.scores = [float(s) for s in scores]
        self.types = list(types)
        self.add_space_prefix = add_space_prefix
        self.ids: dict[bytes, int] = {}
        for token, text in enumerate(self.texts):
            self.ids[text] = token  # as llama.cpp's token_to_id: a later duplicate wins
        self.user_defined = sorted(
            (t for t, kind in enumerate(self.types) if kind == USER_DEFINED), key=lambda t: -len(self.texts[t])
        )
        self.pieces = [self._piece(token) for token in range(len(self.texts))]

    @classmethod
    def from_header(cls, header: GgufHeader) -> SpmTokenizer:
        """The tokenizer a GGUF file describes (`tokenizer.ggml.*`)."""
        meta = header.metadata
        tokens = header.tokens
        return cls(
            tokens,
            meta.get("tokenizer.ggml.scores", [0.0] * len(tokens)),
            meta.get("tokenizer.ggml.token_type", [NORMAL] * len(tokens)),
            bool(meta.get("tokenizer.ggml.add_space_prefix", True)),
        )

    def _piece(self, token: int) -> str:
        """llama_token_to_piece without special tokens: what the token adds to generated text."""
        kind, text = self.types[token], self.texts[token]
        if kind in (UNKNOWN, CONTROL):
            return ""
        if kind == USER_DEFINED:
            return text.decode("utf-8", "replace")
        if kind == BYTE:
            return bytes([int(text[3:5], 16)]).decode("utf-8", "replace")
        if kind == NORMAL:
            return text.decode("utf-8", "replace").replace(SPACE, " ")
        return ""

    def encode(self, text: str) -> list[int]:
        """Plain text to ids: no BOS, special tokens not parsed (llama_tokenize(…, False, False))."""
        output: list[int] = []
        prev_special = True  # the first piece of text gets the leading space
        for fragment in self._split_user_defined(text.encode("utf-8")):
            if isinstance(fragment, int):
                output.append(fragment)
                prev_special = True
                continue
            spaced = b" " + fragment if self.add_space_prefix and prev_special else fragment
            self._encode_fragment(spaced.replace(b" ", SPACE.encode("utf-8")), output)
            prev_special = False
        return output

    def _split_user_defined(self, data: bytes) -> list[bytes | int]:
        """The text cut around every user-defined token, each of those as its id."""
        fragments: list[bytes | int] = [data] if data else []
        for token in self.user_defined:
            needle = self.texts[token]
            split: list[bytes | int] = []
            for fragment in fragments:
                if isinstance(fragment, int):
                    split.append(fragment)
                    continue
                rest = fragment
                while (at := rest.find(needle)) >= 0:
                    if at:
                        split.append(rest[:at])
                    split.append(token)
                    rest = rest[at + len(needle) :]
                if rest:
                    split.append(rest)
            fragments = split
        return fragments

    def _encode_fragment(self, data: bytes, output: list[int]) -> None:
        symbols: list[_Symbol] = []
        offset = 0
        while offset < len(data):
            size = min(utf8_length(data[offset]), len(data) - offset)
            symbols.append(_Symbol(offset, size, len(symbols) - 1, -1))
            offset += size
            if offset < len(data):
                symbols[-1].next = len(symbols)
        if not symbols:
            return
        queue: list[tuple[float, int, int, int]] = []  # (-score, left, right, size): best, then leftmost

        def add_pair(left: int, right: int) -> None:
            if left < 0 or right < 0:
                return
            start = symbols[left].start
            size = symbols[left].size + symbols[right].size
            token = self.ids.get(data[start : start + size])
            if token is not None:
                heapq.heappush(queue, (-self.scores[token], left, right, size))

        for right in range(1, len(symbols)):
            add_pair(right - 1, right)
        while queue:
            _, left, right, size = heapq.heappop(queue)
            first, second = symbols[left], symbols[right]
            if first.size == 0 or second.size == 0 or first.size + second.size != size:
                continue  # one side was merged since this pair was queued
            first.size += second.size
            second.size = 0
            first.next = second.next
            if second.next >= 0:
                symbols[second.next].prev = left
            add_pair(first.prev, left)
            add_pair(left, first.next)
        index = 0
        while index != -1:
            symbol = symbols[index]
            piece = data[symbol.start : symbol.start + symbol.size]
            token = self.ids.get(piece)
            if token is not None:
                output.append(token)
            else:  # every merge makes a token, so this is one character the vocabulary lacks
                output.extend(self._byte_token(byte) for byte in piece)
            index = symbol.next

    def _byte_token(self, byte: int) -> int:
        token = self.ids.get(f"<0x{byte:02X}>".encode())
        return token if token is not None else self.ids[bytes([byte])]
