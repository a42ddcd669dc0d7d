"""The llama-server backend: the same GGUF files decoded by llama.cpp's own server, over HTTP.

Everything else about a model is read here, from the GGUF files this side holds (`ModelFile`:
metadata, prompt format, tokenizer), so the integration needs no llama.cpp of its own and the
server only decodes. One server in router mode (`llama-server --models-dir DIR`) serves both
files, each under its file name without `.gguf`; the request's `model` field picks one.

The vote is one `/completion` request with `n_cmpl` = N: the server evaluates the prompt once and
copies its cache to N slots, and gives the i-th completion the seed `seed + i`. Sampling is the
in-process chain (top-k, temperature, seeded draw), held by the same grammar. The prompt goes as
token ids, so every backend reads the same input.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from .answers import AnswerSpace
from .decoding import MAX_SEQUENCES, Sampling
from .ensemble import ENGINE_SERVER, Ensemble, Executor, VoteSettings, default_executor
from .errors import (
    ServerBadResponse,
    ServerError,
    ServerTimedOut,
    ServerUnreachable,
    ServerWrongModel,
)
from .model_file import ModelBackend, ModelFile

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


class ServerModel(ModelBackend):
    """One GGUF file this side holds, decoded by the server under its model name.

    The orchestration runs in an executor thread: `generate` hands the request to the event loop
    that owns the HTTP session and waits for its answer.
    """

    def __init__(
        self, client: ServerClient, file: ModelFile, loop: asyncio.AbstractEventLoop, name: str | None = None
    ) -> None:
        """The file read here; the server knows it as `name` (the file name without .gguf)."""
        super().__init__(file)
        self.client = client
        self.loop = loop
        self.name = name or model_name(self.path)
        self.grammar = self.file.answer_space.grammar()

    def generate(
        self, prompt: Sequence[int], samplings: Sequence[Sampling], answers: AnswerSpace | None = None
    ) -> list[str | None]:
        """`async_generate` on the session's event loop, waited for from this (executor) thread."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            raise RuntimeError("ServerModel.generate blocks: call it from an executor, not the event loop")
        return asyncio.run_coroutine_threadsafe(
            self.async_generate(prompt, samplings, answers=answers), self.loop
        ).result()

    # -- decoding --------------------------------------------------------------------------
    async def async_generate(
        self,
        prompt: Sequence[int],
        samplings: Sequence[Sampling],
        timeout: float | None = None,
        answers: AnswerSpace | None = None,
    ) -> list[str | None]:
        """One answer per sampling: one request, N completions of one prompt (`n_cmpl`)."""
        space = answers or self.file.answer_space
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
            "grammar": self.grammar if space == self.file.answer_space else space.grammar(),
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
        return [space.finished(str(r["content"]), ended=r.get("stop_type") != "limit") for r in results]


async def async_connect(
    session: aiohttp.ClientSession,
    settings: ServerSettings,
    selector_path: Path | str,
    domotics_path: Path | str,
    *,
    check: bool = True,
    executor: Executor | None = None,
) -> Ensemble:
    """The ensemble on a llama.cpp server; requests then run as on any backend.

    Both files are read here (in the executor) and, with `check`, the server is checked to serve
    them and warmed up.
    """
    client = ServerClient(session, settings)
    run = executor or default_executor
    loop = asyncio.get_running_loop()
    selector, domotics = await run(_read_models, client, loop, selector_path, domotics_path)
    ensemble = Ensemble(selector, domotics, kind=ENGINE_SERVER)
    if check:
        for model in (selector, domotics):
            await check_model(model)
        await _async_warm_up(selector, domotics)
    return ensemble


async def _async_warm_up(selector: ServerModel, domotics: ServerModel) -> None:
    """Send a burst of votes, so that llama.cpp builds its compute graphs for wide batches now.

    The first concurrent requests a server sees otherwise pay that: seconds on a busy machine.
    """
    votes = VoteSettings().samplings()
    selector_prompt = selector.prompt(PROBE)[0]
    domotics_prompt = domotics.prompt(PROBE)[0]
    try:
        await asyncio.gather(
            *(selector.async_generate(selector_prompt, [Sampling()], LOAD_TIMEOUT) for _ in range(3 * WARM_UP_BURST)),
            *(domotics.async_generate(domotics_prompt, votes, LOAD_TIMEOUT) for _ in range(WARM_UP_BURST)),
        )
    except ServerTimedOut:  # only slow: requests will be too, but the server works
        _LOGGER.warning("The llama.cpp server at %s is very slow to warm up", selector.client.settings.url)


def _read_models(
    client: ServerClient, loop: asyncio.AbstractEventLoop, selector: Path | str, domotics: Path | str
) -> tuple[ServerModel, ServerModel]:
    return ServerModel(client, ModelFile.read(selector), loop), ServerModel(client, ModelFile.read(domotics), loop)


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
        "prompt": [model.file.bos, model.file.prefix, *tokens, model.file.suffix],
        "n_predict": model.max_answer_tokens,
        "temperature": 0.0,
        "samplers": list(SAMPLERS),
        "cache_prompt": False,
    }
    data = await model.client.request("POST", "/completion", body, timeout=LOAD_TIMEOUT)
    if tokens != model.tokenize(PROBE):
        raise ServerWrongModel(model.client.settings.url, f"{model.name!r} tokenizes otherwise than its file")
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
            "n_vocab": len(model.file.header.tokens),
            "n_ctx_train": model.file.n_ctx_train,
            "n_embd": int(model.file.header.arch_value("embedding_length") or 0),
            "n_params": model.file.header.n_params,
        }
        wrong = [f"{k} {meta.get(k)} (file: {v})" for k, v in expected.items() if not _same(meta.get(k), v)]
        if wrong:
            raise ServerWrongModel(url, f"{model.name!r} is another model: " + ", ".join(wrong))
    markers = await model.client.request(
        "POST",
        "/tokenize",
        {"model": model.name, "content": model.info.prompt_prefix + model.info.prompt_suffix, "parse_special": True},
    )
    if not isinstance(markers, dict) or markers.get("tokens") != [model.file.prefix, model.file.suffix]:
        raise ServerWrongModel(url, f"{model.name!r} has another vocabulary (its prompt markers are other tokens)")
    if not model.file.answer_space.is_answer(free):
        raise ServerWrongModel(url, f"{model.name!r} answered {free!r}, not one of a {model.info.role} model's answers")


__all__ = [
    "DEFAULT_TIMEOUT",
    "ServerClient",
    "ServerError",
    "ServerModel",
    "ServerSettings",
    "async_connect",
    "check_model",
    "model_name",
]
