"""What a model file says about itself, read once, without any backend: the part every backend shares.

Its self-description (`ModelInfo`), its tokenizer (llama.cpp's rules in pure Python) and its prompt
format. The orchestration builds every prompt here, so the three backends (NumPy, llama.cpp in
process, llama-server) are handed the same token ids and only decode.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .answers import AnswerSpace
from .decoding import Sampling
from .errors import ModelLoadFailed
from .gguf import GgufHeader, read_gguf_header
from .metadata import PREFIX, ModelInfo, parse_model_info
from .text import NORMALIZERS
from .tokenizer import SpmTokenizer


@dataclass(frozen=True)
class ModelFile:
    """One GGUF file of this project: description, tokenizer, prompt markers and answer bounds."""

    path: Path
    header: GgufHeader
    info: ModelInfo
    tokenizer: SpmTokenizer
    bos: int
    prefix: int  # the token that opens the request ([ORDEN])
    suffix: int  # the token that asks for the answer ([COMANDO])
    end_tokens: frozenset[int]
    n_ctx_train: int
    max_answer_tokens: int  # the longest answer's tokens, plus the end of generation
    answer_space: AnswerSpace  # every answer the model may give

    @classmethod
    def read(cls, path: Path | str) -> ModelFile:
        """Read the header (blocking: call it from an executor); typed ModelErrors name what is wrong."""
        path = Path(path)
        header = read_gguf_header(path)
        info = parse_model_info(path, header.string_metadata(PREFIX))
        if header.metadata.get("tokenizer.ggml.model", "llama") != "llama":
            raise ModelLoadFailed(path, f"tokenizer {header.metadata['tokenizer.ggml.model']!r} is not SentencePiece")
        tokenizer = SpmTokenizer.from_header(header)

        def marker(text: str) -> int:
            ids = tokenizer.encode(text)
            if len(ids) != 1:
                raise ModelLoadFailed(path, f"prompt marker {text!r} is not one token")
            return ids[0]

        meta = header.metadata
        ends = frozenset(
            int(meta[k]) for k in ("tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id") if k in meta
        )
        return cls(
            path=path,
            header=header,
            info=info,
            tokenizer=tokenizer,
            bos=int(meta.get("tokenizer.ggml.bos_token_id", -1)),
            prefix=marker(info.prompt_prefix),
            suffix=marker(info.prompt_suffix),
            end_tokens=ends,
            n_ctx_train=int(header.arch_value("context_length") or 0),
            max_answer_tokens=info.answer_space.max_tokens(tokenizer.encode),
            answer_space=info.answer_space,
        )

    @property
    def normalize(self) -> Callable[[str], str]:
        """The text normaliser the model was trained with."""
        return NORMALIZERS[self.info.normalizer]

    def extend(
        self, text: str, token: int, piece: str, answers: AnswerSpace | None = None
    ) -> tuple[str, str | None, bool]:
        """A sequence after one more token: (its text, its answer, whether it is done).

        The end of generation ends it with the answer its text is, if any; otherwise the token's
        piece is added, and it is done once its text is an answer that nothing extends. `answers`:
        the request's own answers, where they are narrower than the model's.
        """
        space = answers or self.answer_space
        if token in self.end_tokens:
            return text, space.finished(text, ended=True), True
        text += piece
        answer = text.strip()
        return (text, answer, True) if space.is_final(answer) else (text, None, False)

    def tokenize(self, text: str) -> list[int]:
        """Plain text to ids (no BOS, no special-token parsing), as llama.cpp."""
        return self.tokenizer.encode(text)

    def prompt(self, normalized_text: str) -> tuple[list[int], bool]:
        """BOS [ORDEN] text [COMANDO], the text cut as in training; and whether it was cut."""
        return self.prompt_of(self.tokenize(normalized_text))

    def prompt_of(self, ids: list[int]) -> tuple[list[int], bool]:
        """The prompt of a text's token ids, and whether the text was cut to fit."""
        room = self.n_ctx_train - 3 - self.max_answer_tokens
        if self.info.max_text_tokens is not None:
            room = min(room, self.info.max_text_tokens)
        return [self.bos, self.prefix, *ids[:room], self.suffix], len(ids) > room


class ModelBackend(ABC):
    """A model as the orchestration uses it: its file, and N answers for a prompt's token ids.

    A backend implements `generate` (blocking: the orchestration runs in an executor) and `close`.
    """

    def __init__(self, file: ModelFile) -> None:
        """Hold the file every backend reads the same way."""
        self.file = file

    @property
    def path(self) -> Path:
        """The GGUF file."""
        return self.file.path

    @property
    def info(self) -> ModelInfo:
        """What the file says about itself."""
        return self.file.info

    @property
    def normalize(self) -> Callable[[str], str]:
        """The text normaliser the model was trained with."""
        return self.file.normalize

    @property
    def max_answer_tokens(self) -> int:
        """How many tokens decoding may take."""
        return self.file.max_answer_tokens

    def tokenize(self, text: str) -> list[int]:
        """Plain text to ids, as llama.cpp."""
        return self.file.tokenize(text)

    def prompt(self, normalized_text: str) -> tuple[list[int], bool]:
        """The prompt's ids for a normalised text, and whether it was cut."""
        return self.file.prompt(normalized_text)

    def answers_for(self, normalized_text: str) -> AnswerSpace:
        """What the model may answer to this text (a naming model: words of the text)."""
        return self.file.answer_space.for_request(normalized_text)

    @abstractmethod
    def generate(
        self, prompt: Sequence[int], samplings: Sequence[Sampling], answers: AnswerSpace | None = None
    ) -> list[str | None]:
        """One answer (or None) per sampling, all decoded together from one evaluation of the prompt.

        `answers`: what this request may be answered (a naming model's answers copy the request's
        words); the model's own answers by default.
        """

    def close(self) -> None:  # noqa: B027  (most backends hold nothing to free)
        """Free what the backend holds."""
