"""The two engines side by side, on the same requests: in-process (llama-cpp-python) and llama-server.

Per engine: the whole decision's p50/p95, one request at a time; on the server, the vote of 3
sequences (one `/completion` with n_cmpl = 3) ÷ one greedy sequence; and a burst of 100 concurrent
decisions, all answered, on each engine: requests per second and p95. The in-process engine
decodes one request at a time per model (its executor threads queue on the model's lock); the
server decodes the requests of its slots together, one batch per step.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from evaluate import percentile

from custom_components.llm_ensemble.engine import Decision, InProcessEngine, VoteSettings
from custom_components.llm_ensemble.engine.server_sync import BlockingServerEnsemble

BURST = 100


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


async def _burst(decide: Callable[[str], Awaitable[Decision]], texts: list[str]) -> dict[str, Any]:
    async def one(text: str) -> float:
        start = time.perf_counter()
        await decide(text)
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


def compare(
    selector: Path,
    domotics: Path,
    texts: list[str],
    commands: list[str],
    settings: VoteSettings,
    server_url: str | None = None,
) -> dict[str, Any]:
    """Figures of both engines on `texts` (every route) and `commands` (device requests)."""
    from custom_components.llm_ensemble.engine import Ensemble

    local = Ensemble.load(selector, domotics)
    served = BlockingServerEnsemble(selector, domotics, server_url)
    figures: dict[str, Any] = {"server": "given" if server_url else "started locally"}
    try:
        for name, engine in (("in_process", local), ("server", served)):
            for text in texts[:5]:
                engine.decide(text, settings)  # warm up
            ms = [_timed(lambda t=text, e=engine: e.decide(t, settings)) for text in texts]  # type: ignore[misc]
            figures[name] = {
                "decide_p50_ms": round(percentile(ms, 0.5), 2),
                "decide_p95_ms": round(percentile(ms, 0.95), 2),
            }
        three = VoteSettings(n_votes=3, temperature=settings.temperature)
        vote = [_timed(lambda t=text: served.vote(t, three)) for text in commands]  # type: ignore[misc]
        single = [_timed(lambda t=text: served.single(t)) for text in commands]  # type: ignore[misc]
        figures["server"] |= {
            "vote3_p50_ms": round(percentile(vote, 0.5), 2),
            "single_p50_ms": round(percentile(single, 0.5), 2),
        }
        figures["server"]["vote3_vs_single"] = round(percentile(vote, 0.5) / percentile(single, 0.5), 2)
        burst = random.Random(0).sample(commands * (1 + BURST // max(1, len(commands))), BURST)
        figures["server"]["burst"] = served.run(_burst(lambda t: served.engine.async_decide(t, settings), burst))
        wrapped = InProcessEngine(local)
        figures["in_process"]["burst"] = asyncio.run(_burst(lambda t: wrapped.async_decide(t, settings), burst))
        figures["burst_throughput_server_vs_in_process"] = round(
            figures["server"]["burst"]["requests_per_s"] / figures["in_process"]["burst"]["requests_per_s"], 2
        )
    finally:
        served.close()
        local.close()
    return figures
