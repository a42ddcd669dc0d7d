"""The three backends side by side, on the same requests: NumPy, llama.cpp in process, llama-server.

Per backend, one request at a time: the whole decision's p50/p95; the vote of 3 sequences ÷ one
greedy sequence; a repeated request answered from the decision cache; the memory loading both
models added to this process (the server's lives in its own process); and a burst of 100 concurrent
decisions through the agent's async face, all answered: requests per second and p95. Every backend
runs the one orchestration (`Ensemble`); only the decoding differs.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluate import percentile

from benchlib.memory import rss_mb
from custom_components.llm_ensemble.engine import (
    ENGINE_IN_PROCESS,
    ENGINE_NUMPY,
    ENGINE_SERVER,
    AsyncEngine,
    Ensemble,
    VoteSettings,
)
from devtools.served import ServedEnsemble

MEASURING_TIMEOUT_S = 120.0

BURST = 100


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


async def _burst(engine: AsyncEngine, texts: list[str], settings: VoteSettings) -> dict[str, Any]:
    """All `texts` at once through the agent's async face (no cache): all answered? how fast?"""

    async def one(text: str) -> float:
        start = time.perf_counter()
        await engine.async_decide(text, settings)
        return (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    outcomes = await asyncio.gather(*(one(t) for t in texts), return_exceptions=True)
    wall = time.perf_counter() - start
    ms = [o for o in outcomes if isinstance(o, float)]
    return {
        "n": len(texts),
        "answered": len(ms),
        "requests_per_s": round(len(ms) / wall, 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
    }


def _cache_p50(ensemble: Ensemble, texts: list[str], settings: VoteSettings) -> float:
    """p50 of a repeated request's decision through the agent's async face (from its cache)."""

    async def measure() -> list[float]:
        engine = AsyncEngine(ensemble, cache_size=len(texts))
        for text in texts:
            await engine.async_decide(text, settings)
        ms = []
        for text in texts:
            start = time.perf_counter()
            decision = await engine.async_decide(text, settings)
            ms.append((time.perf_counter() - start) * 1000)
            assert decision.cached
        return ms

    return round(percentile(asyncio.run(measure()), 0.5), 4)


def _figures(ensemble: Ensemble, texts: list[str], commands: list[str], settings: VoteSettings) -> dict[str, Any]:
    for text in texts[:5]:
        ensemble.decide(text, settings)  # warm up
    ms = [_timed(lambda t=text: ensemble.decide(t, settings)) for text in texts]  # type: ignore[misc]
    three = VoteSettings(n_votes=3, temperature=settings.temperature)
    vote = [_timed(lambda t=text: ensemble.vote(t, three)) for text in commands]  # type: ignore[misc]
    single = [_timed(lambda t=text: ensemble.single(t)) for text in commands]  # type: ignore[misc]
    return {
        "decide_p50_ms": round(percentile(ms, 0.5), 2),
        "decide_p95_ms": round(percentile(ms, 0.95), 2),
        "vote3_p50_ms": round(percentile(vote, 0.5), 2),
        "single_p50_ms": round(percentile(single, 0.5), 2),
        "vote3_vs_single": round(percentile(vote, 0.5) / percentile(single, 0.5), 2),
        "cached_decide_p50_ms": _cache_p50(ensemble, texts[:200], settings),
    }


def compare(
    selector: Path,
    domotics: Path,
    texts: list[str],
    commands: list[str],
    settings: VoteSettings,
    server_url: str | None = None,
) -> dict[str, Any]:
    """Figures of the three backends on `texts` (every route) and `commands` (device requests)."""
    figures: dict[str, Any] = {"server": {"started": "given" if server_url else "locally"}}
    burst = random.Random(0).sample(commands * (1 + BURST // max(1, len(commands))), BURST)
    for kind in (ENGINE_NUMPY, ENGINE_IN_PROCESS):
        before = rss_mb()
        local = Ensemble.load(selector, domotics, kind)
        after = rss_mb()
        try:
            figures[kind] = _figures(local, texts, commands, settings)
            figures[kind]["memory_added_mb"] = round(after - before, 1) if before and after else None
            figures[kind]["burst"] = asyncio.run(_burst(AsyncEngine(local, cache_size=0), burst, settings))
        finally:
            local.close()
    # A measurement waits for a slow answer (a busy machine) instead of failing at the agent's 10 s.
    served = ServedEnsemble(selector, domotics, server_url, timeout=MEASURING_TIMEOUT_S)
    try:
        figures[ENGINE_SERVER] |= _figures(served, texts, commands, settings)
        figures[ENGINE_SERVER]["burst"] = asyncio.run(_burst(AsyncEngine(served, cache_size=0), burst, settings))
    finally:
        served.close()
    fastest = figures[ENGINE_IN_PROCESS]["decide_p50_ms"]
    figures["numpy_vs_llama_cpp_decide_p50"] = round(figures[ENGINE_NUMPY]["decide_p50_ms"] / fastest, 2)
    return figures
