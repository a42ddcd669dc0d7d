"""The agent's engine keeps its recent decisions: a repeat is the same decision, without decoding."""

from __future__ import annotations

from custom_components.llm_ensemble.engine import AsyncEngine, Ensemble, VoteSettings


async def test_a_repeated_request_is_the_same_decision_from_the_cache(numpy_ensemble: Ensemble) -> None:
    engine = AsyncEngine(numpy_ensemble, cache_size=2)
    first = await engine.async_decide("apaga la luz del salón")
    again = await engine.async_decide("apaga la luz del salón")
    assert not first.cached and again.cached
    assert (again.route, again.label, again.votes, again.command) == (
        first.route,
        first.label,
        first.votes,
        first.command,
    )
    assert again.timings.vote_ms == 0.0  # nothing was decoded


async def test_other_settings_or_text_decide_afresh(numpy_ensemble: Ensemble) -> None:
    engine = AsyncEngine(numpy_ensemble, cache_size=8)
    await engine.async_decide("apaga la luz del salón")
    assert not (await engine.async_decide("apaga la luz del salón", VoteSettings(n_votes=5))).cached
    assert not (await engine.async_decide("Apaga la luz del salón")).cached  # the text as said is the key


async def test_the_cache_keeps_only_the_most_recent(numpy_ensemble: Ensemble) -> None:
    engine = AsyncEngine(numpy_ensemble, cache_size=2)
    for text in ("apaga la tele", "enciende la cafetera", "apaga la tele", "pon el riego"):
        await engine.async_decide(text)
    assert (await engine.async_decide("apaga la tele")).cached  # used again: kept
    assert not (await engine.async_decide("enciende la cafetera")).cached  # the oldest: dropped
    engine.clear_cache()
    assert not (await engine.async_decide("apaga la tele")).cached
