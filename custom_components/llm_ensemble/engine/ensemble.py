"""The one orchestration: the selector and the domotics model together, one Decision per request.

Route, vote, single answer and decide are written here once, over `ModelBackend`s (model_file.py):
each backend gets a prompt's token ids and returns N answers. The backends are NumPy (in process,
nothing native), llama.cpp in process (llama-cpp-python) and llama-server (server.py); nothing here
knows which one runs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from .decoding import MAX_SEQUENCES, SEED_SPACE, Sampling, request_seed
from .errors import WrongModelRole
from .metadata import CatalogEntry, ModelInfo
from .model_file import ModelBackend
from .vote import majority

T = TypeVar("T")
# How blocking work is handed to a thread: Home Assistant's hass.async_add_executor_job, or the
# event loop's default executor elsewhere.
Executor = Callable[..., Awaitable[Any]]

ENGINE_NUMPY = "numpy"  # NumPy in this process: runs wherever Home Assistant runs
ENGINE_IN_PROCESS = "in_process"  # llama.cpp in this process (llama-cpp-python)
ENGINE_SERVER = "server"  # llama-server over HTTP

ROUTE_NONE = "none"
ROUTE_DOMOTICS = "domotics"
ROUTE_WEATHER = "weather"
MIN_LETTERS_TO_JUDGE = 20  # shorter text is too short to tell random letters from words
MIN_LETTERS_PER_TOKEN = 1.3


@dataclass(frozen=True)
class VoteSettings:
    """How the domotics model votes: N sampled sequences (odd, 1..7), a majority deciding.

    The votes are samples, each request drawing from seeds of its own (`request_seed`), so they
    agree less often where the model is unsure (words it never saw): disagreement is the signal
    to pass a request on. Hotter samples disagree more, also on plain commands; cooler ones agree
    on mistakes too. A majority of three is the seed's rule; "every one agreeing" is the option
    for a household that would rather wait than risk a switch. The figures that chose these
    defaults are written by scripts/bench and scripts/ablate (docs/benchmarks.md).
    """

    n_votes: int = 3
    temperature: float = 0.7
    top_k: int = 40
    seed: int = 0  # moves every request's seeds: another draw of the same vote (measurements)
    unanimous: bool = False  # True: act only when every sequence agrees

    def __post_init__(self) -> None:
        """Reject settings no vote can use (an even count, a negative temperature)."""
        if not 1 <= self.n_votes <= MAX_SEQUENCES or self.n_votes % 2 == 0:
            raise ValueError(f"n_votes must be odd, 1 to {MAX_SEQUENCES}; got {self.n_votes}")
        if self.temperature < 0:
            raise ValueError("temperature must be >= 0")

    def samplings(self, request: int = 0) -> list[Sampling]:
        """One sampling per vote: same temperature, consecutive seeds.

        They start from the request's own seed (`request_seed`), moved by `seed`: another `seed`
        draws the same votes again.
        """
        first = (request + self.seed) % SEED_SPACE
        return [Sampling(self.temperature, self.top_k, first + i) for i in range(self.n_votes)]

    def samplings_for(self, normalized: str) -> list[Sampling]:
        """The votes of one request (its normalised text): the draw every backend makes for it."""
        return self.samplings(request_seed(normalized))


@dataclass(frozen=True)
class Timings:
    """How long each step of a decision took, in milliseconds."""

    selector_ms: float = 0.0
    vote_ms: float = 0.0
    total_ms: float = 0.0


@dataclass(frozen=True)
class Decision:
    """What the ensemble decided for one request, with everything needed to explain it."""

    text: str
    normalized: str
    route: str  # domotics, weather or none
    label: str | None  # the selector's raw answer (LLM1, LLM2, NINGUNO)
    votes: tuple[str | None, ...]  # the N raw answers of the domotics model
    command: str | None  # the agreed "CODE ACTION"; None without agreement, or when they agreed on NADA
    truncated: bool  # the text was longer than the model's context and was cut
    timings: Timings
    cached: bool = False  # repeated from an earlier request of the same text and settings
    overruled: bool = False  # the selector said NINGUNO; the domotics model voted, as for an order

    @property
    def abstained(self) -> bool:
        """The selector chose domotics but the vote found no majority command."""
        return self.route == ROUTE_DOMOTICS and self.command is None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly copy (votes as a list) for evaluation files and diagnostics."""
        data = asdict(self)
        data["votes"] = list(self.votes)
        data["abstained"] = self.abstained
        return data


def elapsed_ms(start: float) -> float:
    """Milliseconds since a time.perf_counter() reading."""
    return (time.perf_counter() - start) * 1000


_ms = elapsed_ms


def check_roles(pairs: Sequence[tuple[ModelInfo, str]]) -> None:
    """WrongModelRole unless each model has the role it is used for (any backend)."""
    for info, role in pairs:
        if info.role != role:
            raise WrongModelRole(info.path, f"is a {info.role} model, expected a {role} model")


def route_of(selector: ModelInfo, label: str | None) -> str:
    """The selector's answer as a route; no answer, or an unknown one, is `none`."""
    return selector.labels.get(label, ROUTE_NONE) if label else ROUTE_NONE


def command_of(domotics: ModelInfo, answer: str | None) -> str | None:
    """The domotics model's "not a command" answer (NADA) means: do nothing."""
    return None if answer == domotics.no_command else answer


def vote_command(domotics: ModelInfo, votes: Sequence[str | None], settings: VoteSettings) -> str | None:
    """The winning command of the votes, or None (no majority, or the majority said NADA).

    A state question ("LUZ_PA ESTADO") switches nothing, so a majority answers it even where the
    vote asks for every sequence: a split there costs an answer, not a wrong switch.
    """
    winner = majority(votes, settings.unanimous)
    if winner is None and domotics.state_action:
        asked = majority(votes)
        if asked is not None and asked.endswith(f" {domotics.state_action}"):
            winner = asked
    return command_of(domotics, winner)


def timings(selector_ms: float, vote_ms: float, total_ms: float) -> Timings:
    """Timings rounded to the microsecond, so reports stay readable."""
    return Timings(round(selector_ms, 3), round(vote_ms, 3), round(total_ms, 3))


async def default_executor(func: Callable[..., T], *args: Any) -> T:
    """Run `func` in the event loop's default executor (outside Home Assistant)."""
    return await asyncio.get_running_loop().run_in_executor(None, func, *args)


def load_model(path: Path | str, kind: str = ENGINE_NUMPY, n_threads: int = 1) -> ModelBackend:
    """One file on an in-process backend (blocking: call it from an executor).

    ENGINE_NUMPY, or ENGINE_IN_PROCESS (llama.cpp: ImportError without llama-cpp-python).
    """
    if kind == ENGINE_NUMPY:
        from .numpy_model import NumpyModel

        return NumpyModel(path)
    if kind == ENGINE_IN_PROCESS:
        from .llama_model import LlamaModel

        return LlamaModel(path, n_threads)
    raise ValueError(f"{kind!r} is not an in-process backend")


class Ensemble:
    """Owns both models, on any backend; thread-safe (decisions may run in many executor threads)."""

    def __init__(self, selector: ModelBackend, domotics: ModelBackend, kind: str = ENGINE_NUMPY) -> None:
        """Own both models; they must be a selector and a domotics model, in that order."""
        check_roles(((selector.info, "selector"), (domotics.info, "domotics")))
        self.selector = selector
        self.domotics = domotics
        self.kind = kind

    @classmethod
    def load(
        cls, selector_path: Path | str, domotics_path: Path | str, kind: str = ENGINE_NUMPY, n_threads: int = 1
    ) -> Ensemble:
        """Load both files on an in-process backend (slow: call it from an executor).

        Typed errors name the bad file.
        """
        selector = load_model(selector_path, kind, n_threads)
        try:
            domotics = load_model(domotics_path, kind, n_threads)
        except BaseException:
            selector.close()
            raise
        try:
            return cls(selector, domotics, kind)
        except BaseException:
            selector.close()
            domotics.close()
            raise

    def close(self) -> None:
        """Free both models."""
        self.selector.close()
        self.domotics.close()

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""
        return self.domotics.info.catalog

    # -- the two steps ---------------------------------------------------------------------
    def route(self, text: str) -> tuple[str, str | None, bool]:
        """(route, selector label, truncated). Text with nothing to read goes to `none`."""
        normalized = self.selector.normalize(text)
        if not normalized:
            return ROUTE_NONE, None, False
        ids = self.selector.tokenize(normalized)  # once: for the measure and for the prompt
        if not self.is_language(normalized, ids):
            return ROUTE_NONE, None, False
        prompt, truncated = self.selector.file.prompt_of(ids)
        (label,) = self.selector.generate(prompt, [Sampling()])
        return route_of(self.selector.info, label), label, truncated

    def is_language(self, normalized: str, ids: Sequence[int] | None = None) -> bool:
        """Whether text reads as words the models know, not random letters.

        The tokenizer covers words the models learnt in pieces of ~3 letters; letters at random fall
        apart into pieces of ~1 (measured: real requests >= 1.6 letters per token for 99 %, none
        below 1.1; random letters 1.1, at most 1.3 from 40 letters on). Short text is always read.
        `ids` are the selector's tokens of the text, when the caller has them already.
        """
        letters = len(normalized.replace(" ", ""))
        if letters < MIN_LETTERS_TO_JUDGE:
            return True
        n_tokens = len(ids if ids is not None else self.selector.tokenize(normalized))
        return letters / max(1, n_tokens) >= MIN_LETTERS_PER_TOKEN

    def vote(self, text: str, settings: VoteSettings) -> tuple[tuple[str | None, ...], str | None]:
        """The N answers of the domotics model for this text and their majority (or None)."""
        normalized = self.domotics.normalize(text)
        prompt, _ = self.domotics.prompt(normalized)
        answers = self.domotics.answers_for(normalized)
        votes = tuple(self.domotics.generate(prompt, settings.samplings_for(normalized), answers))
        return votes, vote_command(self.domotics.info, votes, settings)

    def single(self, text: str) -> str | None:
        """One greedy sequence, no vote: the baseline the vote is measured against."""
        normalized = self.domotics.normalize(text)
        prompt, _ = self.domotics.prompt(normalized)
        (answer,) = self.domotics.generate(prompt, [Sampling()], self.domotics.answers_for(normalized))
        return command_of(self.domotics.info, answer)

    def decide(
        self, text: str, settings: VoteSettings | None = None, device_order: bool = False, device_asked: bool = False
    ) -> Decision:
        """Route the text; for device requests, vote on the command.

        `device_order`: the caller knows the text is an on/off order (one part of several, begun with
        an on/off verb) or a question whether a device is on: the domotics model votes even where the
        selector says NINGUNO (its label is kept, for the record, and `Decision.overruled` says so).
        `device_asked`: the caller knows it asks whether a device is on or at work ("¿está calentando
        el termo?"): the domotics model votes even where the selector says LLM2. An order is never
        taken from the weather ("ponme el clima de hoy"). The vote and every check still decide.
        """
        settings = settings or VoteSettings()
        start = time.perf_counter()
        route, label, truncated = self.route(text)
        selector_ms = _ms(start)
        votes: tuple[str | None, ...] = ()
        command = None
        vote_ms = 0.0
        overruled = not truncated and (
            ((device_order or device_asked) and route == ROUTE_NONE) or (device_asked and route == ROUTE_WEATHER)
        )
        if overruled:
            route = ROUTE_DOMOTICS
        if route == ROUTE_DOMOTICS:
            vote_start = time.perf_counter()
            votes, command = self.vote(text, settings)
            vote_ms = _ms(vote_start)
        return Decision(
            text=text,
            normalized=self.selector.normalize(text),
            route=route,
            label=label,
            votes=votes,
            command=command,
            truncated=truncated,
            timings=timings(selector_ms, vote_ms, _ms(start)),
            overruled=overruled,
        )
