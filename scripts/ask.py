"""One request, the whole path: text -> route -> votes -> command -> service call -> reply -> state.

Runs in-process on a real Home Assistant core (Home Assistant's test harness, storage in memory)
with the test house of tests/integration (Spanish-named lights, switches, fans, weather, in areas),
the integration set up from the shipped models, with the options a new user confirms.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from homeassistant import loader
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
    mock_storage,
)

from custom_components.llm_ensemble.const import (
    CONF_DOMOTICS_MODEL,
    CONF_FALLBACK,
    CONF_RECORD_TEXTS,
    CONF_SELECTOR_MODEL,
    CONF_TEMPERATURE,
    CONF_VOTE_RULE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_TEMPERATURE,
    DEFAULT_VOTE_RULE,
    DEFAULT_VOTES,
    DOMAIN,
    SUPPORTED_DOMAINS,
)
from tests.integration.house import async_setup_house

ROOT = Path(__file__).resolve().parents[1]


async def set_up(hass: HomeAssistant, votes: int, temperature: float) -> MockConfigEntry:
    """The house, the integration on the shipped models, and the suggested mapping confirmed."""
    await async_setup_house(hass)
    await hass.config.async_set_time_zone("Europe/Madrid")
    entry, _ = await async_add_agent(hass, votes, temperature, "weather.tiempo_casa")
    return entry


async def async_add_agent(
    hass: HomeAssistant,
    votes: int,
    temperature: float,
    weather_entity: str,
    entity_map: Mapping[str, str] | None = None,
    models: tuple[str, str] = ("selector.gguf", "domotics.gguf"),
    vote_rule: str = DEFAULT_VOTE_RULE,
) -> tuple[MockConfigEntry, dict[str, Any]]:
    """Add the integration on the shipped models, then confirm its options form as a user would.

    The form's suggested mapping is kept unless `entity_map` says otherwise (a user changing a
    picker). Returns the loaded entry and what the form suggested. scripts/bench uses it too.
    """
    hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # let the loader find custom_components/
    # Record what was said: these tools read the last decision back by its text.
    behaviour = {
        CONF_VOTES: votes,
        CONF_VOTE_RULE: vote_rule,
        CONF_TEMPERATURE: temperature,
        CONF_FALLBACK: True,
        CONF_RECORD_TEXTS: True,
    }
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="LLM Ensemble",
        data={CONF_SELECTOR_MODEL: models[0], CONF_DOMOTICS_MODEL: models[1]},
        options=behaviour,
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id), entry.reason
    form = await hass.config_entries.options.async_init(entry.entry_id)
    suggested = {
        str(key): key.description["suggested_value"]
        for key in form["data_schema"].schema
        if key.description and "suggested_value" in key.description
    }
    chosen = behaviour | {CONF_WEATHER_ENTITY: weather_entity}
    if form["step_id"] == "init":  # a catalog model: one entity per code (a naming model has nothing to map)
        chosen |= suggested | dict(entity_map or {})
    await hass.config_entries.options.async_configure(form["flow_id"], chosen)
    await hass.async_block_till_done()
    return entry, suggested


def state_of(hass: HomeAssistant, entity_id: str | None) -> str:
    state = hass.states.get(entity_id) if entity_id else None
    return state.state if state else "-"


async def ask(text: str, votes: int, temperature: float) -> int:
    with mock_storage():
        async with async_test_home_assistant() as hass:
            entry = await set_up(hass, votes, temperature)
            before = {state.entity_id: state.state for state in hass.states.async_all(SUPPORTED_DOMAINS)}
            result = await conversation.async_converse(
                hass, text, None, Context(), language="es", agent_id="conversation.llm_ensemble"
            )
            decision = entry.runtime_data.decisions[-1]
            print(f"text:         {text[:200]!r}")
            print(f"route:        {decision['route']} (selector said {decision['label']})")
            if decision["route"] == "domotics":
                print(f"votes ({len(decision['votes'])}):    {', '.join(str(v) for v in decision['votes'])}")
                print(f"command:      {decision['command'] or 'none: the votes did not agree (abstained)'}")
            print(f"service call: {decision['service_call'] or '-'}")
            print(f"reply:        {result.response.speech['plain']['speech']}")
            print(f"response:     {result.response.response_type.value}", end="")
            print(f" ({result.response.error_code.value})" if result.response.error_code else "")
            for entity_id, state in before.items():
                if (now := state_of(hass, entity_id)) != state:
                    print(f"state:        {entity_id} {state} -> {now}")
            timings = decision["timings_ms"]
            print(f"timings:      selector {timings['selector']:.1f} ms, vote {timings['vote']:.1f} ms")
            await hass.config_entries.async_unload(entry.entry_id)
            await hass.async_stop(force=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text", help='what you would say, e.g. "apaga la luz del salón"')
    parser.add_argument("--votes", type=int, default=DEFAULT_VOTES, help="odd number of sampled sequences (1-7)")
    parser.add_argument("--temperature", type=float, default=DEFAULT_TEMPERATURE)
    parser.add_argument("-v", "--verbose", action="store_true", help="show Home Assistant's log")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.CRITICAL)
    return asyncio.run(ask(args.text, args.votes, args.temperature))


if __name__ == "__main__":
    sys.exit(main())
