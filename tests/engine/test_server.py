"""The server backend on a real llama-server: the same decisions as in process, typed errors.

The orchestration runs as in the agent: in an executor, behind AsyncEngine (without its cache).
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from custom_components.llm_ensemble.engine import (
    AsyncEngine,
    Ensemble,
    ServerSettings,
    ServerTimedOut,
    ServerUnreachable,
    ServerWrongModel,
    VoteSettings,
    async_connect,
)
from custom_components.llm_ensemble.engine.server import ServerModel
from devtools.local_server import LocalServer, free_port

from ..conftest import SHIPPED, requires_llama_cpp

pytestmark = pytest.mark.usefixtures("socket_enabled")
EVAL = Path(__file__).resolve().parents[2] / "models" / "eval"


def eval_texts(name: str, limit: int) -> list[str]:
    with (EVAL / name).open(encoding="utf-8") as file:
        rows = [r for r in csv.reader(file, delimiter="\t") if r and not r[0].startswith("#")]
    return [r[-1] for r in rows[:limit]]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


async def connect(session: aiohttp.ClientSession, url: str, timeout: float = 10.0) -> AsyncEngine:
    ensemble = await async_connect(session, ServerSettings(url, timeout), SHIPPED["selector"], SHIPPED["domotics"])
    return AsyncEngine(ensemble, cache_size=0)


def set_timeout(engine: AsyncEngine, url: str, timeout: float) -> None:
    selector = engine.ensemble.selector
    assert isinstance(selector, ServerModel)
    selector.client.settings = ServerSettings(url, timeout)  # one client serves both models


async def test_decisions_on_the_server(session: aiohttp.ClientSession, llama_server: LocalServer) -> None:
    engine = await connect(session, llama_server.url)
    decision = await engine.async_decide("apaga la luz del salón", VoteSettings(n_votes=3))
    assert (decision.route, decision.label, decision.command) == ("domotics", "LLM1", "OFF luz @ salon")
    assert len(decision.votes) == 3
    assert (await engine.async_decide("¿va a llover mañana?")).route == "weather"
    assert (await engine.async_decide("cuéntame un chiste")).route == "none"
    assert (await engine.async_decide("¡¡¡")).route == "none"  # nothing to read: no request at all
    assert engine.catalog and engine.domotics.info.role == "domotics"


@pytest.mark.parametrize("n_votes", [1, 3, 5, 7])
async def test_every_vote_size_is_one_request_of_real_commands(
    session: aiohttp.ClientSession, llama_server: LocalServer, n_votes: int
) -> None:
    engine = await connect(session, llama_server.url)
    hot = VoteSettings(n_votes=n_votes, temperature=1.5, unanimous=False)  # hot votes may disagree: majority
    votes, winner = await asyncio.to_thread(engine.ensemble.vote, "apaga la luz del pasillo", hot)
    assert len(votes) == n_votes
    space = engine.domotics.answers_for("apaga la luz del pasillo")
    assert all(v is not None and space.is_answer(v) for v in votes)  # the grammar holds on the server too
    assert winner == "OFF luz @ pasillo"


@requires_llama_cpp
async def test_same_decisions_as_llama_cpp_in_process(
    session: aiohttp.ClientSession, llama_server: LocalServer, llama_ensemble: Ensemble
) -> None:
    """The server decides as llama.cpp in process, vote for vote (same ids, same seeded draws).

    A parity test, not a timing one: on a busy machine a request may take longer than the agent's
    10 s, so it waits longer."""
    engine = await connect(session, llama_server.url, timeout=120.0)
    ensemble = llama_ensemble
    texts = eval_texts("handwritten.tsv", 150) + eval_texts("validation.tsv", 100)
    texts.append("enciende la luz del salón " + "y la de la cocina " * 40)  # cut to the model's room
    texts.append("qwhrt zlkpv mnbxc aoeiu dfgjk lqzrt pwxv")  # random letters: no language, route none
    settings = VoteSettings(n_votes=3, temperature=0.3)
    for text in texts:
        ours, theirs = await engine.async_decide(text, settings), ensemble.decide(text, settings)
        assert (ours.route, ours.label, ours.votes, ours.command, ours.truncated) == (
            theirs.route,
            theirs.label,
            theirs.votes,
            theirs.command,
            theirs.truncated,
        ), text


async def test_concurrent_requests_are_all_answered(session: aiohttp.ClientSession, llama_server: LocalServer) -> None:
    """Requests decoded side by side in the server's slots get the answers they get alone.

    Each request carries its own grammar (the words it may copy), which the server parses: on a
    busy machine 40 of them at once take longer than the agent's 10 s, so this test waits longer.
    """
    engine = await connect(session, llama_server.url, timeout=120.0)
    texts = eval_texts("handwritten.tsv", 40)
    alone = [await engine.async_decide(text) for text in texts]
    together = await asyncio.gather(*(engine.async_decide(text) for text in texts))
    assert [(d.route, d.votes, d.command) for d in together] == [(d.route, d.votes, d.command) for d in alone]


async def test_unreachable_server(session: aiohttp.ClientSession) -> None:
    with pytest.raises(ServerUnreachable) as caught:
        await connect(session, f"http://127.0.0.1:{free_port()}")
    assert caught.value.reason == "server_unreachable"


async def test_a_server_of_other_models_is_refused(session: aiohttp.ClientSession) -> None:
    """Swapped files (each name serves the other model), and a server without our names."""
    swapped = {"selector": SHIPPED["domotics"], "domotics": SHIPPED["selector"]}
    with LocalServer(swapped) as server, pytest.raises(ServerWrongModel, match="answered"):
        await connect(session, server.url)
    with LocalServer({"other": SHIPPED["selector"]}) as server, pytest.raises(ServerWrongModel, match="no model"):
        await connect(session, server.url)


async def test_slow_killed_and_back(session: aiohttp.ClientSession, own_server: LocalServer) -> None:
    """A hung server times out; one killed during a request is unreachable; a restart recovers."""
    engine = await connect(session, own_server.url)
    assert (await engine.async_decide("apaga la luz del salón")).command == "OFF luz @ salon"
    set_timeout(engine, own_server.url, 1.0)  # short, for the frozen server

    own_server.pause()
    with pytest.raises(ServerTimedOut) as slow:
        await engine.async_decide("apaga la luz del salón")
    assert slow.value.reason == "server_timeout"

    request = asyncio.ensure_future(engine.async_decide("apaga la luz del salón"))
    await asyncio.sleep(0.1)  # the request is in flight, the server frozen
    own_server.kill()
    with pytest.raises(ServerUnreachable):
        await request

    own_server.start()  # the same port again
    set_timeout(engine, own_server.url, 10.0)  # the first request loads the models
    assert (await engine.async_decide("apaga la luz del salón")).command == "OFF luz @ salon"


async def test_the_blocking_call_refuses_the_event_loop(
    session: aiohttp.ClientSession, llama_server: LocalServer
) -> None:
    """Decoding on the server waits for the loop: called from the loop itself it would never end."""
    engine = await connect(session, llama_server.url)
    model = engine.ensemble.domotics
    with pytest.raises(RuntimeError, match="executor"):
        model.generate(model.prompt("apaga la luz")[0], [])
