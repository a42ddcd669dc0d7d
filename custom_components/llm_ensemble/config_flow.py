"""Config, reconfigure and options flows.

The config flow asks where the models run (NumPy or llama.cpp in this Home Assistant, or a
llama.cpp server) and tests that before it creates the entry: each model is loaded on the backend
chosen (llama.cpp only where llama-cpp-python is already installed) or the server is checked
(reachable, serving these files, answering a test request), so each failure gets its own error on
its own field. The options flow asks for one entity per command code of the loaded domotics model (a
retrained model with other codes needs no code change), pre-filled by name matching.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import voluptuous as vol
from homeassistant.config_entries import (
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)

from .const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_ENTITY_MAP,
    CONF_FALLBACK,
    CONF_RECORD_TEXTS,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    CONF_TEMPERATURE,
    CONF_VOTE_RULE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_DOMOTICS_MODEL,
    DEFAULT_ENGINE,
    DEFAULT_SELECTOR_MODEL,
    DOMAIN,
    ENGINE_IN_PROCESS,
    ENGINE_SERVER,
    ENGINES,
    LOGGER,
    MAX_TEMPERATURE,
    MAX_VOTES,
    MIN_VOTES,
    SUPPORTED_DOMAINS,
    TITLE,
    VOTE_RULES,
)
from .engine import CatalogEntry, ModelError, ServerError, async_connect
from .engine.ensemble import load_model
from .engine_setup import LlamaCppUnavailable, async_check_llama_cpp, model_path, server_settings
from .entity_matching import async_candidates, suggest_mapping
from .runtime_data import LLMEnsembleConfigEntry
from .settings import Settings

MODEL_FIELDS = ((CONF_SELECTOR_MODEL, "selector"), (CONF_DOMOTICS_MODEL, "domotics"))


def _model_role(path: str, kind: str) -> str:
    """Load one file on the chosen backend just long enough to read what it is (in the executor)."""
    model = load_model(model_path(path), kind)
    try:
        return model.info.role
    finally:
        model.close()


async def _async_check_models(hass: HomeAssistant, user_input: Mapping[str, Any], kind: str) -> dict[str, str]:
    """Field -> error key for each model file that cannot serve its role on this backend."""
    errors: dict[str, str] = {}
    for key, role in MODEL_FIELDS:
        try:
            found = await hass.async_add_executor_job(_model_role, user_input[key], kind)
        except ModelError as err:
            errors[key] = err.reason
            continue
        except Exception:  # noqa: BLE001 - a flow shows an error, it does not crash
            LOGGER.exception("Unexpected error checking %s", user_input[key])
            errors["base"] = "unknown"
            continue
        if found != role:
            errors[key] = "wrong_role"
    return errors


async def _async_check_engine(hass: HomeAssistant, user_input: Mapping[str, Any]) -> dict[str, str]:
    """Field -> error key: the engine chosen can run these models, tested as the entry will run."""
    kind = user_input.get(CONF_ENGINE, DEFAULT_ENGINE)
    if kind != ENGINE_SERVER:
        if kind == ENGINE_IN_PROCESS:
            try:
                await async_check_llama_cpp(hass)
            except LlamaCppUnavailable as err:
                return {CONF_ENGINE: err.reason}
        return await _async_check_models(hass, user_input, kind)
    url = str(user_input.get(CONF_SERVER_URL) or "").strip()
    if not url.startswith(("http://", "https://")):
        return {CONF_SERVER_URL: "invalid_url"}
    return await _async_check_server(hass, url, user_input)


async def _async_check_server(hass: HomeAssistant, url: str, user_input: Mapping[str, Any]) -> dict[str, str]:
    """Field -> error key: the server at `url` serves these files and answers a test request."""
    selector, domotics = (model_path(user_input[key]) for key, _ in MODEL_FIELDS)
    try:
        ensemble = await async_connect(
            async_get_clientsession(hass),
            server_settings(url),
            selector,
            domotics,
            executor=hass.async_add_executor_job,
        )
    except ModelError as err:
        bad = CONF_DOMOTICS_MODEL if err.path == domotics and err.path != selector else CONF_SELECTOR_MODEL
        return {bad: err.reason}
    except ServerError as err:
        return {CONF_SERVER_URL: err.reason}
    except Exception:  # noqa: BLE001 - a flow shows an error, it does not crash
        LOGGER.exception("Unexpected error checking the server at %s", url)
        return {"base": "unknown"}
    ensemble.close()
    return {}


def _engine_data(user_input: Mapping[str, Any]) -> dict[str, Any]:
    data = {key: user_input[key] for key, _ in MODEL_FIELDS}
    data[CONF_ENGINE] = user_input.get(CONF_ENGINE, DEFAULT_ENGINE)
    if data[CONF_ENGINE] == ENGINE_SERVER:
        data[CONF_SERVER_URL] = str(user_input[CONF_SERVER_URL]).strip()
    return data


def _check_votes(user_input: Mapping[str, Any]) -> dict[str, str]:
    votes = float(user_input[CONF_VOTES])
    return {} if votes.is_integer() and int(votes) % 2 == 1 else {CONF_VOTES: "invalid_votes"}


def _models_fields(data: Mapping[str, Any]) -> dict[vol.Marker, Any]:
    selector = data.get(CONF_SELECTOR_MODEL, DEFAULT_SELECTOR_MODEL)
    domotics = data.get(CONF_DOMOTICS_MODEL, DEFAULT_DOMOTICS_MODEL)
    url = data.get(CONF_SERVER_URL)
    return {
        vol.Required(CONF_ENGINE, default=data.get(CONF_ENGINE, DEFAULT_ENGINE)): SelectSelector(
            SelectSelectorConfig(options=list(ENGINES), translation_key=CONF_ENGINE, mode=SelectSelectorMode.LIST)
        ),
        (vol.Optional(CONF_SERVER_URL, default=url) if url else vol.Optional(CONF_SERVER_URL)): TextSelector(
            TextSelectorConfig(type=TextSelectorType.URL)
        ),
        vol.Required(CONF_SELECTOR_MODEL, default=selector): TextSelector(),
        vol.Required(CONF_DOMOTICS_MODEL, default=domotics): TextSelector(),
    }


def _behaviour_fields(settings: Settings) -> dict[vol.Marker, Any]:
    return {
        vol.Required(CONF_VOTES, default=settings.votes): NumberSelector(
            NumberSelectorConfig(min=MIN_VOTES, max=MAX_VOTES, step=2, mode=NumberSelectorMode.BOX)
        ),
        vol.Required(CONF_VOTE_RULE, default=settings.vote_rule): SelectSelector(
            SelectSelectorConfig(options=list(VOTE_RULES), translation_key=CONF_VOTE_RULE, mode=SelectSelectorMode.LIST)
        ),
        vol.Required(CONF_TEMPERATURE, default=settings.temperature): NumberSelector(
            NumberSelectorConfig(min=0, max=MAX_TEMPERATURE, step=0.05, mode=NumberSelectorMode.SLIDER)
        ),
        vol.Optional(CONF_WEATHER_ENTITY): EntitySelector(EntitySelectorConfig(domain="weather")),
        vol.Required(CONF_FALLBACK, default=settings.fallback): BooleanSelector(),
    }


def _diagnostics_fields(settings: Settings) -> dict[vol.Marker, Any]:
    return {vol.Required(CONF_RECORD_TEXTS, default=settings.record_texts): BooleanSelector()}


def _behaviour_options(user_input: Mapping[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {
        CONF_VOTES: int(user_input[CONF_VOTES]),
        CONF_VOTE_RULE: str(user_input.get(CONF_VOTE_RULE, Settings().vote_rule)),
        CONF_TEMPERATURE: float(user_input[CONF_TEMPERATURE]),
        CONF_FALLBACK: bool(user_input[CONF_FALLBACK]),
    }
    if weather := user_input.get(CONF_WEATHER_ENTITY):
        options[CONF_WEATHER_ENTITY] = weather
    return options


class LLMEnsembleConfigFlow(ConfigFlow, domain=DOMAIN):
    """Choose the model files and how the agent votes; test them before creating the entry."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose where the models run and how the agent votes; test them, then create the entry."""
        schema = vol.Schema({**_models_fields({}), **_behaviour_fields(Settings())})
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = _check_votes(user_input) | await _async_check_engine(self.hass, user_input)
            if not errors:
                data = _engine_data(user_input)
                return self.async_create_entry(title=TITLE, data=data, options=_behaviour_options(user_input))
            schema = self.add_suggested_values_to_schema(schema, user_input)
        return self.async_show_form(step_id="user", data_schema=schema, errors=errors)

    async def async_step_reconfigure(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Switch engine or server, or point at other model files; the mapping is kept."""
        entry = self._get_reconfigure_entry()
        schema = vol.Schema(_models_fields(entry.data))
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = await _async_check_engine(self.hass, user_input)
            if not errors:
                # The entry's update listener reloads it once; async_update_reload_and_abort would
                # schedule a second reload (two more model loads).
                self.hass.config_entries.async_update_entry(entry, data=_engine_data(user_input))
                return self.async_abort(reason="reconfigure_successful")
            schema = self.add_suggested_values_to_schema(schema, user_input)
        return self.async_show_form(step_id="reconfigure", data_schema=schema, errors=errors)

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: LLMEnsembleConfigEntry) -> LLMEnsembleOptionsFlow:
        """Map the command codes to entities and tune the vote."""
        return LLMEnsembleOptionsFlow()


class LLMEnsembleOptionsFlow(OptionsFlow):
    """One entity per command code of the loaded model, plus the voting and fallback settings."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """One entity per command code (saved, else suggested) and the behaviour settings.

        A model that names devices in words needs no codes mapped: it gets the behaviour alone.
        """
        entry: LLMEnsembleConfigEntry = self.config_entry
        if entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        if entry.runtime_data.engine.domotics.info.names_devices:
            return await self.async_step_behaviour(user_input)
        catalog = entry.runtime_data.engine.catalog
        settings = Settings.from_options(entry.options)
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = _check_votes(user_input)
            if not errors:
                mapping = {e.code: user_input.get(e.code) for e in catalog}
                options = _behaviour_options(user_input) | {CONF_ENTITY_MAP: mapping}
                options[CONF_RECORD_TEXTS] = bool(user_input.get(CONF_RECORD_TEXTS, False))
                return self.async_create_entry(data=options)
            values: Mapping[str, Any] = user_input
        else:
            values = self._current_values(catalog, settings)
        device_fields: dict[vol.Marker, Any] = {
            vol.Optional(e.code): EntitySelector(EntitySelectorConfig(domain=list(SUPPORTED_DOMAINS))) for e in catalog
        }
        schema = vol.Schema({**device_fields, **_behaviour_fields(settings), **_diagnostics_fields(settings)})
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(schema, values),
            errors=errors,
            description_placeholders={
                "mapped": str(sum(1 for e in catalog if values.get(e.code))),
                "codes": str(len(catalog)),
            },
        )

    async def async_step_behaviour(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """How the agent votes and answers: the devices are the home's own, by their names."""
        settings = Settings.from_options(self.config_entry.options)
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = _check_votes(user_input)
            if not errors:
                options = _behaviour_options(user_input)
                options[CONF_RECORD_TEXTS] = bool(user_input.get(CONF_RECORD_TEXTS, False))
                return self.async_create_entry(data=options)
        values: Mapping[str, Any] = user_input or (
            {CONF_WEATHER_ENTITY: settings.weather_entity} if settings.weather_entity else {}
        )
        schema = vol.Schema({**_behaviour_fields(settings), **_diagnostics_fields(settings)})
        return self.async_show_form(
            step_id="behaviour", data_schema=self.add_suggested_values_to_schema(schema, values), errors=errors
        )

    def _current_values(self, catalog: tuple[CatalogEntry, ...], settings: Settings) -> dict[str, Any]:
        """The saved mapping; codes never saved get a suggestion from names and areas."""
        saved = settings.entity_map
        taken = {entity_id for entity_id in saved.values() if entity_id}
        new_codes = [e for e in catalog if e.code not in saved]
        candidates = [c for c in async_candidates(self.hass) if c.entity_id not in taken]
        values: dict[str, Any] = {code: entity_id for code, entity_id in saved.items() if entity_id}
        values |= suggest_mapping(new_codes, candidates)
        if settings.weather_entity:
            values[CONF_WEATHER_ENTITY] = settings.weather_entity
        return values
