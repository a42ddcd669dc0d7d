"""Many requests at once through conversation.process on our agent.

A burst of K requests is sent together (asyncio.gather), as K automations or satellites firing at
the same moment would; each model decodes one request at a time in Home Assistant's executor, so
requests queue there. Two kinds of traffic, each a fixed shuffle of the evaluation rows: `mixed`
(every route; anything else goes on to the built-in agent, as it would at home) and `commands`
(the device requests alone: our models and the service call). Each size runs a few rounds, and the
same requests are then sent one at a time, for comparison.
"""

from __future__ import annotations

import asyncio
import random
import time

from evaluate import percentile

from .agents import OURS, async_process
from .harness import Home, clear_intent_cache
from .judge import Reply

ROUNDS = 5
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


async def async_one_at_a_time(home: Home, texts: list[str]) -> float:
    """The same requests one after another: the throughput concurrency is compared with."""
    clear_intent_cache(home.hass)
    start = time.perf_counter()
    for text in texts:
        await _timed(home, text)
    return len(texts) / (time.perf_counter() - start)


async def async_load(
    home: Home, texts: dict[str, list[str]], sizes: tuple[int, ...] = (20, 100)
) -> dict[str, dict[str, object]]:
    """Per kind of traffic (name -> texts) and burst size: requests per second over all rounds,
    the same requests' rate one at a time, p50/p95 latency, whether every request was answered.
    Round i takes the next K texts of the shuffle, so the rounds cover the traffic's mix."""
    figures: dict[str, dict[str, object]] = {}
    for kind, pool in texts.items():
        shuffled = list(pool)
        random.Random(0).shuffle(shuffled)
        for size in sizes:
            rounds = [[shuffled[(r * size + i) % len(shuffled)] for i in range(size)] for r in range(ROUNDS)]
            walls, latencies, answered, failed = [], [], 0, 0
            for burst in rounds:
                wall, ms, ok, bad = await async_burst(home, burst)
                walls.append(wall)
                latencies.extend(ms)
                answered += ok
                failed += bad
            serial = await async_one_at_a_time(home, [text for burst in rounds for text in burst])
            await home.hass.async_block_till_done()
            figures[f"{kind}{size}"] = {
                "traffic": kind,
                "concurrency": size,
                "rounds": ROUNDS,
                "rps": size * ROUNDS / sum(walls),
                "one_at_a_time_rps": serial,
                "p50_ms": percentile(latencies, 0.5),
                "p95_ms": percentile(latencies, 0.95),
                "answered": answered,
                "requests": size * ROUNDS,
                "all_answered": answered == size * ROUNDS,
                "failed_to_handle": failed,
            }
    return figures
