"""Spoken answers about the weather, from a weather entity and its forecasts.

"now" questions read the entity's state (condition) and attributes (temperature); questions
about a day ("mañana", "hoy", "el sábado") or about rain use `weather.get_forecasts`, daily if
the entity has it, else twice-daily, else hourly (then the day's hours are summarised).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from homeassistant.components.weather.const import WeatherEntityFeature
from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.intent import IntentResponseErrorCode
from homeassistant.util import dt as dt_util

from .engine.text import normalize_lower_ascii
from .reply import Outcome
from .spanish import capitalize

# Keys of the weather state attributes and of get_forecasts' entries (converted units).
ATTR_WEATHER_TEMPERATURE = "temperature"
ATTR_WEATHER_TEMPERATURE_UNIT = "temperature_unit"
ATTR_FORECAST_CONDITION = "condition"
ATTR_FORECAST_TEMP = "temperature"
ATTR_FORECAST_TEMP_LOW = "templow"
ATTR_FORECAST_PRECIPITATION = "precipitation"
ATTR_FORECAST_PRECIPITATION_PROBABILITY = "precipitation_probability"
ATTR_FORECAST_TIME = "datetime"

# condition -> (now, in a forecast)
CONDITIONS: dict[str, tuple[str, str]] = {
    "clear-night": ("está despejado", "estará despejado"),
    "cloudy": ("está nublado", "estará nublado"),
    "exceptional": ("hay condiciones excepcionales", "habrá condiciones excepcionales"),
    "fog": ("hay niebla", "habrá niebla"),
    "hail": ("está granizando", "granizará"),
    "lightning": ("hay tormenta eléctrica", "habrá tormenta eléctrica"),
    "lightning-rainy": ("hay tormenta con lluvia", "habrá tormenta con lluvia"),
    "partlycloudy": ("está parcialmente nublado", "estará parcialmente nublado"),
    "pouring": ("llueve con fuerza", "lloverá con fuerza"),
    "rainy": ("está lloviendo", "lloverá"),
    "snowy": ("está nevando", "nevará"),
    "snowy-rainy": ("cae aguanieve", "caerá aguanieve"),
    "sunny": ("hace sol", "hará sol"),
    "windy": ("hace viento", "hará viento"),
    "windy-variant": ("hace viento y hay nubes", "hará viento y habrá nubes"),
}
RAINY = frozenset({"rainy", "pouring", "lightning-rainy", "snowy-rainy", "hail"})
RAIN_LIKELY_PERCENT = 50
RAIN_WORDS = ("llov", "lluv", "llueve", "paraguas", "chubasco", "precipitac", "aguacero", "tormenta")
FUTURE_WORDS = frozenset({"va", "vaya", "llovera", "habra", "hara", "estara", "tendremos", "luego"})
TODAY_WORDS = frozenset({"hoy", "tarde", "noche", "luego"})
WEEKDAY_NAMES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
WEEKDAYS = tuple(normalize_lower_ascii(day) for day in WEEKDAY_NAMES)  # as requests are matched
NOT_TOMORROW_BEFORE = frozenset({"la", "esta", "por"})  # "por la mañana" is the morning


@dataclass(frozen=True)
class Question:
    """What is asked: which day (None: right now) and whether it is about rain."""

    day: int | None
    rain: bool


def parse_question(text: str, today: date) -> Question:
    """What a weather question asks: which day, and whether it is about rain."""
    words = normalize_lower_ascii(text).split()
    rain = any(w.startswith(RAIN_WORDS) for w in words)
    day: int | None = None
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if word == "manana" and before == "pasado":
            day = 2
            break
        if word == "manana" and before not in NOT_TOMORROW_BEFORE:
            day = 1
            break
        if word in WEEKDAYS:
            day = (WEEKDAYS.index(word) - today.weekday()) % 7
            break
    if day is None and (TODAY_WORDS.intersection(words) or (rain and FUTURE_WORDS.intersection(words))):
        day = 0
    return Question(day, rain)


def _number(value: float) -> str:
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else str(rounded).replace(".", ",")


def _day_name(day: int, target: date) -> str:
    if day == 0:
        return "hoy"
    if day == 1:
        return "mañana"
    if day == 2:
        return "pasado mañana"
    return f"el {WEEKDAY_NAMES[target.weekday()]}"


def _condition(condition: str | None, future: bool) -> str:
    if condition in CONDITIONS:
        return CONDITIONS[condition][1 if future else 0]
    return f"el tiempo será {condition}" if future else f"el tiempo es {condition}"


@dataclass(frozen=True)
class DaySummary:
    """One day of forecast, however many entries it came in."""

    condition: str | None
    high: float | None
    low: float | None
    rain_chance: float | None
    rain_amount: float | None

    @property
    def rainy(self) -> bool:
        """Whether the day is rainy: a rainy condition or a likely chance of rain."""
        chance = self.rain_chance or 0
        return self.condition in RAINY or chance >= RAIN_LIKELY_PERCENT

    @classmethod
    def of(cls, entries: Sequence[Mapping[str, Any]]) -> DaySummary:
        """Summarise a day's forecast entries: its usual condition, range and chance of rain."""
        conditions = [e[ATTR_FORECAST_CONDITION] for e in entries if e.get(ATTR_FORECAST_CONDITION)]
        rainy = [c for c in conditions if c in RAINY]
        temps = [float(e[ATTR_FORECAST_TEMP]) for e in entries if e.get(ATTR_FORECAST_TEMP) is not None]
        lows = [float(e[ATTR_FORECAST_TEMP_LOW]) for e in entries if e.get(ATTR_FORECAST_TEMP_LOW) is not None]
        chances = [
            float(e[ATTR_FORECAST_PRECIPITATION_PROBABILITY])
            for e in entries
            if e.get(ATTR_FORECAST_PRECIPITATION_PROBABILITY) is not None
        ]
        amounts = [float(e[ATTR_FORECAST_PRECIPITATION]) for e in entries if e.get(ATTR_FORECAST_PRECIPITATION)]
        # The most common condition describes the day, but a rainy spell is what people ask about.
        common = Counter(rainy or conditions).most_common(1)
        return cls(
            condition=common[0][0] if common else None,
            high=max(temps) if temps else None,
            low=min(lows + temps) if lows or len(temps) > 1 else None,
            rain_chance=max(chances) if chances else None,
            rain_amount=sum(amounts) if amounts else None,
        )

    def describe(self, unit: str) -> str:
        """Describe the day: "estará nublado, entre 12 y 19 °C, con un 80 % de probabilidad de lluvia"."""
        parts = [_condition(self.condition, future=True)]
        if self.high is not None and self.low is not None and self.low != self.high:
            parts.append(f"entre {_number(self.low)} y {_number(self.high)} {unit}")
        elif self.high is not None:
            parts.append(f"con {_number(self.high)} {unit}")
        if self.rain_chance is not None:
            parts.append(f"con un {_number(self.rain_chance)} % de probabilidad de lluvia")
        return ", ".join(parts)


def no_weather_entity() -> Outcome:
    """The answer when no weather entity is configured."""
    return Outcome(
        "No sé qué tiempo hace: no hay ninguna entidad del tiempo configurada en las opciones de LLM Ensemble.",
        IntentResponseErrorCode.NO_VALID_TARGETS.value,
    )


async def async_answer(hass: HomeAssistant, entity_id: str | None, text: str) -> Outcome:
    """The spoken answer to a weather question, from the configured weather entity."""
    if not entity_id:
        return no_weather_entity()
    state = hass.states.get(entity_id)
    if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return Outcome(
            "El tiempo no está disponible ahora mismo.",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
        )
    unit = str(state.attributes.get(ATTR_WEATHER_TEMPERATURE_UNIT, "°C"))
    today = dt_util.now().date()
    question = parse_question(text, today)
    temperature = state.attributes.get(ATTR_WEATHER_TEMPERATURE)
    if question.day is None:
        return Outcome(_now(state.state, temperature, unit, question.rain))
    kind = _forecast_kind(int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)))
    if kind is None:
        return Outcome(f"No tengo previsión para otros momentos. {_now(state.state, temperature, unit, rain=False)}")
    return await _async_forecast_answer(hass, entity_id, kind, question, today, unit)


async def _async_forecast_answer(
    hass: HomeAssistant, entity_id: str, kind: str, question: Question, today: date, unit: str
) -> Outcome:
    """Ask the entity for its forecast and summarise the asked day."""
    day = question.day or 0
    target = today + timedelta(days=day)
    call = f"weather.get_forecasts {entity_id} ({kind})"
    try:
        response = await hass.services.async_call(
            "weather", "get_forecasts", {ATTR_ENTITY_ID: entity_id, "type": kind}, blocking=True, return_response=True
        )
    except HomeAssistantError as err:
        return Outcome(
            f"No he podido consultar la previsión: {err}",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
            service_call=call,
        )
    forecast: Mapping[str, Any] = (response or {}).get(entity_id, {})  # type: ignore[assignment]
    entries = [e for e in forecast.get("forecast", []) if _local_date(e) == target]
    name = _day_name(day, target)
    if not entries:
        return Outcome(f"No tengo previsión para {name}.", service_call=call)
    return Outcome(_forecast(DaySummary.of(entries), name, unit, question.rain), service_call=call)


def _now(condition: str, temperature: Any, unit: str, rain: bool) -> str:
    temp = f", con {_number(temperature)} {unit}" if isinstance(temperature, int | float) else ""
    if rain:
        if condition in RAINY:
            return f"Sí, ahora mismo {_condition(condition, future=False)}{temp}."
        return f"No, ahora mismo no llueve: {_condition(condition, future=False)}{temp}."
    return f"Ahora mismo {_condition(condition, future=False)}{temp}."


def _forecast(summary: DaySummary, day: str, unit: str, rain: bool) -> str:
    description = summary.describe(unit)
    if not rain:
        return f"{capitalize(day)} {description}."
    if summary.rainy:
        return f"Sí, {day} se espera lluvia: {description}."
    return f"No, {day} no se espera lluvia: {description}."


def _forecast_kind(features: int) -> str | None:
    for feature, kind in (
        (WeatherEntityFeature.FORECAST_DAILY, "daily"),
        (WeatherEntityFeature.FORECAST_TWICE_DAILY, "twice_daily"),
        (WeatherEntityFeature.FORECAST_HOURLY, "hourly"),
    ):
        if features & feature:
            return kind
    return None


def _local_date(entry: Mapping[str, Any]) -> date | None:
    when = dt_util.parse_datetime(str(entry.get(ATTR_FORECAST_TIME, "")))
    return dt_util.as_local(when).date() if when else None
