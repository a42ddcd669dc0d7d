"""Weather answers from real weather entities: now, a day's forecast, rain, and what can go wrong."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.util import dt as dt_util

from custom_components.llm_ensemble.weather_answers import DaySummary, Question, async_answer, parse_question

from .house import House

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿qué tiempo hace?", Question(None, False)),
        ("¿está lloviendo?", Question(None, True)),
        ("¿va a llover?", Question(0, True)),
        ("¿qué tiempo hará hoy por la tarde?", Question(0, False)),
        ("¿va a llover mañana?", Question(1, True)),
        ("¿lloverá mañana por la mañana?", Question(1, True)),
        ("¿hará frío esta mañana?", Question(None, False)),
        ("¿y pasado mañana?", Question(2, False)),
        ("¿qué tiempo hará el sábado?", Question(5, False)),
        ("¿necesito paraguas el lunes?", Question(0, True)),
    ],
)
def test_parse_question(text: str, expected: Question) -> None:
    assert parse_question(text, MONDAY) == expected


async def test_now(hass: HomeAssistant, house: House) -> None:
    answer = await async_answer(hass, "weather.tiempo_casa", "¿qué tiempo hace?")
    assert answer.speech == "Ahora mismo hace sol, con 21,5 °C."
    assert answer.error is None


async def test_raining_now(hass: HomeAssistant, house: House) -> None:
    assert (await async_answer(hass, "weather.tiempo_horario", "¿está lloviendo?")).speech == (
        "Sí, ahora mismo está lloviendo, con 16 °C."
    )
    assert (await async_answer(hass, "weather.tiempo_casa", "¿llueve?")).speech == (
        "No, ahora mismo no llueve: hace sol, con 21,5 °C."
    )


async def test_daily_forecast(hass: HomeAssistant, house: House) -> None:
    assert (await async_answer(hass, "weather.tiempo_casa", "¿va a llover mañana?")).speech == (
        "Sí, mañana se espera lluvia: lloverá, entre 12 y 19 °C, con un 80 % de probabilidad de lluvia."
    )
    assert (await async_answer(hass, "weather.tiempo_casa", "¿va a llover hoy?")).speech == (
        "No, hoy no se espera lluvia: hará sol, entre 14 y 24 °C, con un 0 % de probabilidad de lluvia."
    )
    assert (await async_answer(hass, "weather.tiempo_casa", "¿qué tiempo hará pasado mañana?")).speech == (
        "Pasado mañana estará nublado, entre 13 y 21 °C, con un 20 % de probabilidad de lluvia."
    )


async def test_hourly_forecast_is_summarised(hass: HomeAssistant, house: House) -> None:
    answer = await async_answer(hass, "weather.tiempo_horario", "¿lloverá mañana?")
    assert answer.speech.startswith("Sí, mañana se espera lluvia: lloverá, entre 15 y 18,8 °C")
    assert answer.speech.endswith("con un 70 % de probabilidad de lluvia.")


async def test_no_forecast_for_that_day(hass: HomeAssistant, house: House) -> None:
    in_four_days = dt_util.now().date() + timedelta(days=4)
    weekday = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")[in_four_days.weekday()]
    answer = await async_answer(hass, "weather.tiempo_casa", f"¿qué tiempo hará el {weekday}?")
    assert answer.speech == f"No tengo previsión para el {weekday}."


async def test_entity_without_forecasts(hass: HomeAssistant, house: House) -> None:
    answer = await async_answer(hass, "weather.tiempo_sin_prevision", "¿qué tiempo hará mañana?")
    assert answer.speech == "No tengo previsión para otros momentos. Ahora mismo está nublado, con 18 °C."


async def test_no_entity_configured(hass: HomeAssistant) -> None:
    answer = await async_answer(hass, None, "¿qué tiempo hace?")
    assert answer.error == intent.IntentResponseErrorCode.NO_VALID_TARGETS.value


async def test_unavailable_or_missing_entity(hass: HomeAssistant, house: House) -> None:
    missing = await async_answer(hass, "weather.no_existe", "¿qué tiempo hace?")
    assert missing.error == intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value
    hass.states.async_set("weather.apagado", STATE_UNAVAILABLE)
    assert (await async_answer(hass, "weather.apagado", "¿qué tiempo hace?")).speech == (
        "El tiempo no está disponible ahora mismo."
    )


async def test_forecast_service_failure(hass: HomeAssistant, house: House) -> None:
    """A state that claims forecasts with no entity behind it: get_forecasts fails, the agent says so."""
    hass.states.async_set("weather.fantasma", "sunny", {"supported_features": 1, "temperature": 20})
    answer = await async_answer(hass, "weather.fantasma", "¿qué tiempo hará mañana?")
    assert answer.error == intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value
    assert answer.speech.startswith("No he podido consultar la previsión")


def test_day_summary_of_sparse_entries() -> None:
    summary = DaySummary.of([{"condition": "exceptional", "temperature": 30}])
    assert summary.describe("°C") == "habrá condiciones excepcionales, con 30 °C"
    assert DaySummary.of([{"condition": "volcanic"}]).describe("°C") == "el tiempo será volcanic"
    assert not DaySummary.of([]).rainy
