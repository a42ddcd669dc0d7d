"""The second engine: the same GGUF files served by llama.cpp's own `llama-server`, over HTTP.

Everything the in-process engine knows about a model it still reads here, from the GGUF files this
side holds (metadata, prompt markers, vocabulary), with a pure-Python header reader: that is what
lets the integration run where llama-cpp-python cannot be installed. The server only tokenizes and
decodes. One server in router mode (`llama-server --models-dir DIR`) serves both files, each under
its file name without `.gguf`; the request's `model` field picks one.

The vote is one `/completion` request with `n_cmpl` = N: the server evaluates the prompt once and
copies its cache to N slots, and gives the i-th completion the seed `seed + i`, as the in-process
engine does. Sampling is the in-process chain (top-k, temperature, seeded draw), held by the same
grammar. The prompt goes as token ids built exactly as in-process (BOS, prefix marker, the text's
ids cut to the same room, suffix marker), so both engines read the same input.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from .backend import Executor, default_executor
from .decoding import MAX_SEQUENCES, Sampling, final_answers, finished_answer
from .ensemble import (
    ROUTE_DOMOTICS,
    ROUTE_NONE,
    Decision,
    VoteSettings,
    check_roles,
    command_of,
    elapsed_ms,
    reads_as_language,
    route_of,
    timings,
    vote_command,
)
from .errors import (
    ModelLoadFailed,
    ServerBadResponse,
    ServerError,
    ServerTimedOut,
    ServerUnreachable,
    ServerWrongModel,
)
from .gguf import GgufHeader, read_gguf_header
from .grammar import answers_grammar
from .metadata import PREFIX, CatalogEntry, ModelInfo, parse_model_info
from .text import NORMALIZERS

_LOGGER = logging.getLogger(__name__)
DEFAULT_TIMEOUT = 10.0  # seconds for one request (a decision makes up to four)
# The first request to a router loads the model in a child process: allow for that when checking.
LOAD_TIMEOUT = 60.0
WARM_UP_BURST = 6  # concurrent votes of 3 at connection: batches as wide as the slots allow
# Only the sampler steps the in-process chain has, in the same order (the server adds a seeded draw).
SAMPLERS = ("top_k", "temperature")


@dataclass(frozen=True)
class ServerSettings:
    """Where the server is, and how long a request may take."""

    url: str
    timeout: float = DEFAULT_TIMEOUT

    @property
    def base(self) -> str:
        """The URL without a trailing slash, to append paths to."""
        return self.url.rstrip("/")


def model_name(path: Path | str) -> str:
    """The name a router started with `--models-dir` gives a GGUF file: its name without `.gguf`."""
    name = Path(path).name
    return name[: -len(".gguf")] if name.endswith(".gguf") else name


class ServerClient:
    """JSON over HTTP to one llama-server, every failure turned into a typed ServerError."""

    def __init__(self, session: aiohttp.ClientSession, settings: ServerSettings) -> None:
        """Talk to one server through `session` (Home Assistant's shared one, or the caller's)."""
        self.session = session
        self.settings = settings

    async def request(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        timeout: float | None = None,
        params: Mapping[str, str] | None = None,
    ) -> Any:
        """Send one request and return its JSON; every failure becomes a typed ServerError."""
        url = self.settings.base + path
        limit = aiohttp.ClientTimeout(total=timeout or self.settings.timeout)
        try:
            async with self.session.request(method, url, json=body, params=params, timeout=limit) as response:
                try:
                    data = await response.json(content_type=None)
                except ValueError as err:
                    raise ServerBadResponse(self.settings.url, f"{path}: {response.status}, not JSON") from err
                if response.status == 404 or (response.status == 400 and _names_missing_model(data)):
                    raise ServerWrongModel(self.settings.url, f"{path}: {_error_message(data)}")
                if response.status >= 400:
                    detail = f"{path}: {response.status} {_error_message(data)}"
                    raise ServerBadResponse(self.settings.url, detail)
                return data
        except TimeoutError as err:
            raise ServerTimedOut(self.settings.url, f"no answer to {path} within {limit.total:g} s") from err
        except aiohttp.ClientConnectionError as err:  # refused, reset, closed mid-answer, DNS...
            raise ServerUnreachable(self.settings.url, f"{path}: {err or type(err).__name__}") from err
        except aiohttp.ClientError as err:
            raise ServerBadResponse(self.settings.url, f"{path}: {err}") from err


def _error_message(data: Any) -> str:
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict):
            return str(error.get("message", error))
        if error is not None:
            return str(error)
    return str(data)[:200]


def _names_missing_model(data: Any) -> bool:
    message = _error_message(data).lower()
    return "model" in message and ("not found" in message or "missing" in message or "unknown" in message)


class ServerModel:
    """One GGUF file this side holds, decoded by the server under its model name."""

    def __init__(self, client: ServerClient, path: Path | str, name: str | None = None) -> None:
        """Read the file's header here; the server knows it as `name` (the file name without .gguf)."""
        self.path = Path(path)
        self.client = client
        self.name = name or model_name(self.path)
        self.header: GgufHeader = read_gguf_header(self.path)
        self.info: ModelInfo = parse_model_info(self.path, self.header.string_metadata(PREFIX))
        self.normalize = NORMALIZERS[self.info.normalizer]
        tokens = self.header.tokens
        self.n_ctx_train = int(self.header.arch_value("context_length") or 0)
        self.bos = int(self.header.metadata.get("tokenizer.ggml.bos_token_id", -1))
        self.prefix = self._marker(tokens, self.info.prompt_prefix)
        self.suffix = self._marker(tokens, self.info.prompt_suffix)
        self._answers = frozenset(self.info.answers)
        self._final = final_answers(self._answers)
        self.grammar = answers_grammar(self._answers)
        self.max_answer_tokens = 0  # set by async_prepare(), from the server's tokenizer

    def _marker(self, tokens: list[str], text: str) -> int:
        try:
            return tokens.index(text)
        except ValueError:
            raise ModelLoadFailed(self.path, f"prompt marker {text!r} is not one token") from None

    # -- text ------------------------------------------------------------------------------
    async def tokenize(self, text: str, timeout: float | None = None) -> list[int]:
        """Plain text to ids on the server (no BOS, no special-token parsing), as in-process."""
        data = await self.client.request(
            "POST",
            "/tokenize",
            {"model": self.name, "content": text, "add_special": False, "parse_special": False},
            timeout=timeout,
        )
        tokens = data.get("tokens") if isinstance(data, dict) else None
        if not isinstance(tokens, list) or not all(isinstance(t, int) for t in tokens):
            raise ServerBadResponse(self.client.settings.url, "/tokenize did not answer token ids")
        return tokens

    async def async_prepare(self) -> None:
        """What needs the tokenizer: how many tokens the longest answer takes (bounds decoding)."""
        lengths = await asyncio.gather(*(self.tokenize(a) for a in sorted(self._answers)))
        self.max_answer_tokens = 1 + max(len(ids) for ids in lengths)

    async def prompt(self, normalized_text: str) -> tuple[list[int], bool]:
        """BOS [ORDEN] text [COMANDO], the text cut as in training; and whether it was cut."""
        return self.prompt_of(await self.tokenize(normalized_text))

    def prompt_of(self, ids: list[int]) -> tuple[list[int], bool]:
        """The prompt of a text's token ids (as LlamaModel.prompt), and whether it was cut."""
        room = self.n_ctx_train - 3 - self.max_answer_tokens
        if self.info.max_text_tokens is not None:
            room = min(room, self.info.max_text_tokens)
        return [self.bos, self.prefix, *ids[:room], self.suffix], len(ids) > room

    # -- decoding --------------------------------------------------------------------------
    async def generate(
        self, prompt: Sequence[int], samplings: Sequence[Sampling], timeout: float | None = None
    ) -> list[str | None]:
        """One answer per sampling: one request, N completions of one prompt (`n_cmpl`)."""
        n = len(samplings)
        if not 1 <= n <= MAX_SEQUENCES:
            raise ValueError(f"between 1 and {MAX_SEQUENCES} sequences, not {n}")
        first = samplings[0]
        if any(s != Sampling(first.temperature, first.top_k, first.seed + i) for i, s in enumerate(samplings)):
            raise ValueError("the server's n_cmpl samples with one temperature and consecutive seeds")
        body = {
            "model": self.name,
            "prompt": list(prompt),
            "n_cmpl": n,
            "n_predict": self.max_answer_tokens,
            "grammar": self.grammar,
            "samplers": list(SAMPLERS),
            "temperature": max(first.temperature, 0.0),
            "top_k": first.top_k,
            "seed": first.seed,
            "cache_prompt": False,  # evaluate each prompt afresh, exactly as in-process
            "stream": False,
        }
        data = await self.client.request("POST", "/completion", body, timeout=timeout)
        results = data if isinstance(data, list) else [data]
        if len(results) != n or not all(isinstance(r, dict) and isinstance(r.get("content"), str) for r in results):
            raise ServerBadResponse(self.client.settings.url, f"/completion gave {len(results)} answers for {n}")
        results = sorted(results, key=lambda r: int(r.get("index", 0)))
        return [finished_answer(str(r["content"]), self._answers, ended=r.get("stop_type") != "limit") for r in results]


class ServerEnsemble:
    """The selector and the domotics model on a llama.cpp server; the same Decision as in-process."""

    kind = "server"

    def __init__(self, selector: ServerModel, domotics: ServerModel) -> None:
        """Own both models; they must be a selector and a domotics model, in that order."""
        check_roles(((selector.info, "selector"), (domotics.info, "domotics")))
        self.selector = selector
        self.domotics = domotics
        self.client = selector.client

    @classmethod
    async def async_connect(
        cls,
        session: aiohttp.ClientSession,
        settings: ServerSettings,
        selector_path: Path | str,
        domotics_path: Path | str,
        *,
        check: bool = True,
        executor: Executor | None = None,
    ) -> ServerEnsemble:
        """Read both files' headers (in the executor) and, with `check`, check the server serves them."""
        client = ServerClient(session, settings)
        run = executor or default_executor
        selector, domotics = await run(_read_models, client, selector_path, domotics_path)
        ensemble = cls(selector, domotics)
        await ensemble.async_prepare(check=check)
        return ensemble

    async def async_prepare(self, check: bool = True) -> None:
        """Ask the server what decoding needs; with `check`, make sure it serves these files."""
        if check:
            for model in (self.selector, self.domotics):
                await check_model(model)
        await asyncio.gather(self.selector.async_prepare(), self.domotics.async_prepare())
        if check:
            await self._async_warm_up()

    async def _async_warm_up(self) -> None:
        """Send a burst of votes, so that llama.cpp builds its compute graphs for wide batches now.

        The first concurrent requests a server sees otherwise pay that, seconds on a busy machine
        (measured: a first burst of 20 decisions 1.3-8 s, the next 0.1 s).
        """
        votes = VoteSettings().samplings()
        burst = WARM_UP_BURST
        selector_prompt = self.selector.prompt_of(await self.selector.tokenize(PROBE, LOAD_TIMEOUT))[0]
        domotics_prompt = self.domotics.prompt_of(await self.domotics.tokenize(PROBE, LOAD_TIMEOUT))[0]
        try:
            await asyncio.gather(
                *(self.selector.generate(selector_prompt, [Sampling()], LOAD_TIMEOUT) for _ in range(3 * burst)),
                *(self.domotics.generate(domotics_prompt, votes, LOAD_TIMEOUT) for _ in range(burst)),
            )
        except ServerTimedOut:  # only slow: requests will be too, but the server works
            _LOGGER.warning("The llama.cpp server at %s is very slow to warm up", self.client.settings.url)

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""
        return self.domotics.info.catalog

    # -- the two steps ---------------------------------------------------------------------
    async def async_route(self, text: str) -> tuple[str, str | None, bool]:
        """Ask the selector for a route: (route, label, truncated)."""
        normalized = self.selector.normalize(text)
        if not normalized:
            return ROUTE_NONE, None, False
        ids = await self.selector.tokenize(normalized)
        if not reads_as_language(normalized, lambda: len(ids)):  # random letters: as Ensemble.route
            return ROUTE_NONE, None, False
        prompt, truncated = self.selector.prompt_of(ids)
        (label,) = await self.selector.generate(prompt, [Sampling()])
        return route_of(self.selector.info, label), label, truncated

    async def async_vote(self, text: str, settings: VoteSettings) -> tuple[tuple[str | None, ...], str | None]:
        """Ask the domotics model for the votes and their majority command."""
        normalized = self.domotics.normalize(text)
        prompt, _ = await self.domotics.prompt(normalized)
        votes = tuple(await self.domotics.generate(prompt, settings.samplings_for(normalized)))
        return votes, vote_command(self.domotics.info, votes, settings)

    async def async_single(self, text: str) -> str | None:
        """One greedy sequence, no vote: the baseline the vote is measured against."""
        prompt, _ = await self.domotics.prompt(self.domotics.normalize(text))
        (answer,) = await self.domotics.generate(prompt, [Sampling()])
        return command_of(self.domotics.info, answer)

    async def async_decide(self, text: str, settings: VoteSettings | None = None) -> Decision:
        """Route the text; for device requests, vote on the command (as Ensemble.decide)."""
        settings = settings or VoteSettings()
        start = time.perf_counter()
        route, label, truncated = await self.async_route(text)
        selector_ms = elapsed_ms(start)
        votes: tuple[str | None, ...] = ()
        command = None
        vote_ms = 0.0
        if route == ROUTE_DOMOTICS:
            vote_start = time.perf_counter()
            votes, command = await self.async_vote(text, settings)
            vote_ms = elapsed_ms(vote_start)
        return Decision(
            text=text,
            normalized=self.selector.normalize(text),
            route=route,
            label=label,
            votes=votes,
            command=command,
            truncated=truncated,
            timings=timings(selector_ms, vote_ms, elapsed_ms(start)),
        )

    async def async_close(self) -> None:
        """Nothing to free: the session belongs to the caller, the models to the server."""


def _read_models(client: ServerClient, selector: Path | str, domotics: Path | str) -> tuple[ServerModel, ServerModel]:
    return ServerModel(client, selector), ServerModel(client, domotics)


def _same(found: Any, expected: int) -> bool:
    try:
        return int(found) == expected
    except (TypeError, ValueError):
        return False


async def _served_entry(model: ServerModel) -> dict[str, Any]:
    """The server's /v1/models entry for this model.

    A router lists all its files, with their shape once loaded; asking it does not load them.
    """
    data = await model.client.request("GET", "/v1/models")
    entries = [e for e in (data.get("data", []) if isinstance(data, dict) else []) if isinstance(e, dict)]
    for entry in entries:
        if model.name == entry.get("id") or model.name in (entry.get("aliases") or []):
            return entry
    if len(entries) == 1 and "status" not in entries[0]:
        return entries[0]  # a server of one model (not a router): it serves that one, whatever its name
    names = ", ".join(str(e.get("id")) for e in entries) or "none"
    raise ServerWrongModel(model.client.settings.url, f"no model named {model.name!r} (the server has: {names})")


async def _free_answer(model: ServerModel) -> str:
    """The test request: a greedy answer to a probe without the grammar (may load the model)."""
    ids = await model.client.request(
        "POST",
        "/tokenize",
        {"model": model.name, "content": PROBE, "add_special": False, "parse_special": False},
        timeout=LOAD_TIMEOUT,
    )
    tokens = ids.get("tokens", []) if isinstance(ids, dict) else []
    body = {
        "model": model.name,
        "prompt": [model.bos, model.prefix, *tokens, model.suffix],
        "n_predict": 8,
        "temperature": 0.0,
        "samplers": list(SAMPLERS),
        "cache_prompt": False,
    }
    data = await model.client.request("POST", "/completion", body, timeout=LOAD_TIMEOUT)
    if not isinstance(data, dict) or not isinstance(data.get("content"), str):
        raise ServerBadResponse(model.client.settings.url, "/completion did not answer a completion")
    return str(data["content"]).strip()


PROBE = "apaga la luz del salon"  # a selector answers LLM1, a domotics model a command


async def check_model(model: ServerModel) -> None:
    """ServerWrongModel unless the server's model `model.name` is the GGUF file this side holds.

    Compared, after a test request (a greedy answer to a probe, without the grammar; in a router it
    loads the model): what /v1/models reports of the model's shape (vocabulary size, training
    context, width, parameter count) against the file's header; the ids the server's tokenizer gives
    the prompt markers against the file's vocabulary; and the free answer, which must be one of this
    file's own answers (the selector and the domotics model share shape and vocabulary).
    """
    url = model.client.settings.url
    await _served_entry(model)
    free = await _free_answer(model)
    meta = (await _served_entry(model)).get("meta")
    if isinstance(meta, dict):
        expected = {
            "n_vocab": len(model.header.tokens),
            "n_ctx_train": model.n_ctx_train,
            "n_embd": int(model.header.arch_value("embedding_length") or 0),
            "n_params": model.header.n_params,
        }
        wrong = [f"{k} {meta.get(k)} (file: {v})" for k, v in expected.items() if not _same(meta.get(k), v)]
        if wrong:
            raise ServerWrongModel(url, f"{model.name!r} is another model: " + ", ".join(wrong))
    markers = await model.client.request(
        "POST",
        "/tokenize",
        {"model": model.name, "content": model.info.prompt_prefix + model.info.prompt_suffix, "parse_special": True},
    )
    if not isinstance(markers, dict) or markers.get("tokens") != [model.prefix, model.suffix]:
        raise ServerWrongModel(url, f"{model.name!r} has another vocabulary (its prompt markers are other tokens)")
    if free not in model.info.answers:
        raise ServerWrongModel(url, f"{model.name!r} answered {free!r}, not one of a {model.info.role} model's answers")


__all__ = [
    "DEFAULT_TIMEOUT",
    "ServerClient",
    "ServerEnsemble",
    "ServerError",
    "ServerModel",
    "ServerSettings",
    "check_model",
    "model_name",
]
