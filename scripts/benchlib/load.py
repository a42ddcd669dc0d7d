"""Many requests at once through conversation.process on our agent.

A burst of K requests is sent together (asyncio.gather), as K automations or satellites firing at
the same moment would; each model decodes one request at a time in Home Assistant's executor, so
requests queue there. Two kinds of traffic, each a fixed shuffle of the evaluation rows: `mixed`
(every route; anything else goes on to the built-in agent, as it would at home) and `commands`
(the device requests alone: our models and the service call). Each size runs a few rounds.
"""

from __future__ import annotations

import asyncio
import random
import time

from evaluate import percentile

from .agents import OURS, async_process
from .harness import Home, clear_intent_cache
from .judge import Reply

ROUNDS = 3
CANNOT_DECIDE = "failed_to_handle"


async def _timed(home: Home, text: str) -> tuple[Reply, float]:
    return await async_process(home.hass, OURS, text)


async def async_burst(home: Home, texts: list[str]) -> tuple[float, list[float], int, int]:
    """(wall seconds, per-request ms, answered, failed): answered = a reply with speech came back."""
    clear_intent_cache(home.hass)
    start = time.perf_counter()
    outcomes = await asyncio.gather(*(_timed(home, text) for text in texts), return_exceptions=True)
    wall = time.perf_counter() - start
    replies = [o for o in outcomes if not isinstance(o, BaseException)]
    answered = sum(1 for reply, _ in replies if reply.speech)
    failed = len(outcomes) - len(replies) + sum(1 for reply, _ in replies if reply.error_code == CANNOT_DECIDE)
    return wall, [ms for _, ms in replies], answered, failed


async def async_load(
    home: Home, texts: dict[str, list[str]], sizes: tuple[int, ...] = (20, 100)
) -> dict[str, dict[str, object]]:
    """Per kind of traffic (name -> texts) and burst size: requests per second (median round),
    p50/p95 latency, whether every request was answered."""
    figures: dict[str, dict[str, object]] = {}
    for kind, pool in texts.items():
        shuffled = list(pool)
        random.Random(0).shuffle(shuffled)
        for size in sizes:
            burst = [shuffled[i % len(shuffled)] for i in range(size)]
            rates, latencies, answered, failed = [], [], 0, 0
            for _ in range(ROUNDS):
                wall, ms, ok, bad = await async_burst(home, burst)
                rates.append(size / wall)
                latencies.extend(ms)
                answered += ok
                failed += bad
            await home.hass.async_block_till_done()
            figures[f"{kind}{size}"] = {
                "traffic": kind,
                "concurrency": size,
                "rounds": ROUNDS,
                "rps": sorted(rates)[len(rates) // 2],
                "p50_ms": percentile(latencies, 0.5),
                "p95_ms": percentile(latencies, 0.95),
                "answered": answered,
                "requests": size * ROUNDS,
                "all_answered": answered == size * ROUNDS,
                "failed_to_handle": failed,
            }
    return figures
