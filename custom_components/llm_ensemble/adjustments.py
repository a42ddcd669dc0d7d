"""A change of brightness or speed: "baja un poco la luz del salón", "el ventilador ponlo a tope".

Home Assistant's built-in agent sets a light's brightness to a percentage said with the light's
exact name. A household also says "un poco", "más flojito", "súbele al abanico", and names the
device as it does to switch it. So the device is found as an on/off order finds it: the request is
read as the order to turn it on ("enciende la luz del salón"), voted on and checked the same way,
and the change is made only where every device found can make it (a light that dims, a fan with
speeds). A change down never turns a device off, and one asked of a device that is off leaves it off.
A level said with the order as a manner ("préndela bajita", "el abanico a todo lo que da") is read
as a level too, and a fan's speed by its number ("en el dos"); "a todo" of a plug just switches it on.

The verbs ("sube", "baja", "pon" and theirs), the words for the highest and the lowest ("a tope",
"al mínimo") and the numbers in words are Home Assistant's own (`home-assistant-intents`' Spanish
`sube`, `baja` and `establece` rules, its `brightness_level` list, and `unicode_rbnf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from homeassistant.components.fan import ATTR_PERCENTAGE, ATTR_PERCENTAGE_STEP, FanEntityFeature
from homeassistant.components.light import (
    ATTR_BRIGHTNESS,
    ATTR_BRIGHTNESS_PCT,
    ATTR_SUPPORTED_COLOR_MODES,
    brightness_supported,
)
from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES, STATE_ON
from homeassistant.core import Context, HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.intent import IntentResponseErrorCode

from .engine.text import normalize_lower_ascii
from .morphology import CLITICS, DETERMINERS, NEGATIONS, tag
from .readings import INTERROGATIVES, REASON, REASON_WORDS, Request, is_for_later
from .reasons import PassOn, Reason
from .reply import Outcome
from .said_words import OBJECT_PRONOUNS, PAUSE, SaidWord, paused, said_words
from .spanish import listed
from .vocabulary import list_values, number_words, rule_words

FAN_DOMAIN = "fan"
LIGHT_DOMAIN = "light"
SERVICE_SET_PERCENTAGE = "set_percentage"
FULL_BRIGHTNESS = 255
STEP = 20  # a percentage: "un poco" more or less light, a speed up or down on a fan with many
LOWEST = 1  # a change down stops here: it never turns the device off
ORDER = "enciende"  # how the request is read to find the device: as the order to turn it on

# Said after "más"/"menos": the way a change goes ("más flojito", "menos fuerte").
MORE = frozenset(
    {"fuerte", "recio", "recia", "alto", "alta", "rapido", "rapida", "intenso", "intensa", "brillante", "potente",
     "luz"}
)  # fmt: skip
LESS = frozenset(
    {"flojo", "floja", "flojito", "flojita", "suave", "suavecito", "suavecita", "bajo", "baja", "bajito", "bajita",
     "lento", "lenta", "despacio", "tenue", "debil"}
)  # fmt: skip
# Home Assistant's rules of the verbs that change a level, and the way each goes; its own sentences
# take "enciende" too ("enciende la luz al 50 %").
WAYS = (("sube", 1), ("baja", -1), ("establece", 0), ("enciende", 0))
LEVELS = range(1, 101)  # a percentage said: 0 would turn the device off
QUESTION = re.compile(r"[¿?]")
ASKS = frozenset({"esta", "estan", "sigue", "siguen", "tiene", "tienen", "cual", "cuanto", "como", "que", "hay"})
A_LITTLE = (
    "un poco", "un poquito", "un poquitin", "un poquitito", "un pelin", "un pelito", "un tantito", "poquito",
    "poquitito", "tantito", "algo",
)  # fmt: skip
HALF = ("la mitad", "media luz", "medias", "media", "medio gas")  # "a la mitad", "a media luz"
# How a household says a level with the order itself, where Home Assistant's sentences have none:
# "a todo lo que da", "al palo" (the highest: a device without levels is simply switched on), and
# "bajita", "suavecito", "bien tenue" (low: a device without levels cannot do it).
HIGHEST = (
    "a toda pastilla", "a todo lo que da", "a todo trapo", "a toda maquina", "a toda mecha", "a todo gas", "a toda",
    "a todo", "a full", "al palo", "a fondo",
)  # fmt: skip
SOFTLY = frozenset(
    {"flojito", "flojita", "suave", "suavecito", "suavecita", "bajito", "bajita", "tenue", "tenuecito", "tenuecita",
     "despacio", "despacito"}
)  # fmt: skip
NOT_SO = r"\b(?:no|ni|tan|nada)\s+(?:(?:muy|tan|tanto|a)\s+)?$"  # "pero no muy fuerte", "no tan bajita", "ni a todo"
NOT_A_LEVEL_AFTER = ("hora", "horas", "prisa", "costa", "noche", "tarde", "manana", "mundo", "casa")  # "a toda hora"
LOW = 20  # a percentage: "bajita", "suavecito"
SPEEDS = range(1, 11)  # "en el dos": a fan's speed, counted from its lowest
FEWEST_PER_SPEED = 10  # a percentage: a fan with more speeds than ten has no speed said by its number
# Said with no verb, these tell how a device is: "la lámpara está en el mínimo" is a remark.
HOW_IT_IS = frozenset({"esta", "estan", "estaba", "estaban", "sigue", "siguen", "queda", "quedan", "quedo"})
# What a change is of ("el brillo de la lámpara"): said, it is no part of the device's name.
QUANTITIES = frozenset({"brillo", "intensidad", "velocidad", "potencia"})
# Changes of what the agent does not change: the request is not read as one.
OTHER_QUANTITIES = frozenset({"volumen", "temperatura", "grados", "canal", "persiana", "persianas", "toldo"})
PERCENT = r"(?:%|por ?cien(?:to)?)"
CLITIC_ENDINGS = tuple(CLITICS | {"melo", "mela", "selo", "sela", "noslo", "nosla"})


@dataclass(frozen=True)
class Adjustment:
    """How much to change: to a percentage ("al 40 %", "a tope"), to a fan's speed ("en el dos"), or by a step.

    `as_on`: the highest said as a manner ("a todo", "al palo"): a device without levels is simply switched on.
    """

    percentage: int | None = None
    step: int = 0
    speed: int | None = None
    as_on: bool = False


@dataclass(frozen=True)
class Adjusted:
    """A request that asks for a change: the change, and the request read as an on order."""

    adjustment: Adjustment
    order: str


def read(text: str) -> Adjusted | None:
    """The change a request asks for, and the order that finds its device; None if it asks none.

    - "baja un poco la luz del salón" -> a step down, "enciende la luz del salón";
    - "pon el ventilador de Lucía a tope" / "el ventilador de Lucía ponlo a tope" -> 100 %;
    - "súbele al abanico" -> a step up, "enciende el abanico";
    - "lámpara de pie al cincuenta por ciento" -> 50 %, "enciende lámpara de pie".
    """
    said = said_words(text)
    words = [w.plain for w in said]
    if not said or OTHER_QUANTITIES.intersection(words) or _turns_off(words):
        return None  # "baja el volumen", "apaga la luz al salir"
    verb = next((i for i, w in enumerate(words) if way_of(w) is not None and _said_as_verb(said, text, i)), None)
    if _no_change_now(words, text, verb):
        return None
    way = way_of(words[verb]) if verb is not None else None
    reason = REASON.search(text)  # "…, que en media hora llega": the reason says no amount
    before_reason = [w.plain for w in said if not reason or w.end <= reason.start()]
    found = _amount(" ".join(before_reason), _verb_clause(said, text, verb, len(before_reason)))
    if (found is None and not way) or (verb is None and found and _said_as_it_is(words, found[1])):
        return None  # "pon la luz del salón": an on order; "la lámpara está en el mínimo": how it is
    amount, span = found or (Adjustment(), None)
    if amount.percentage is None and amount.speed is None and not amount.step:
        if not way:
            return None  # "pon un poco la luz": no way said
        amount = Adjustment(step=STEP * way)  # "baja un poco", "sube la luz"
    cut = _words_within(words, span) if span else set()
    if verb is not None:
        object_first = words[verb].endswith(OBJECT_PRONOUNS)  # "el ventilador ponlo a tope"
        cut |= {verb, *(() if object_first else range(verb))}
    after_verb = next((i for i in range(verb + 1, len(words)) if i not in cut), None) if verb is not None else None
    if after_verb is not None and words[after_verb] == "a":
        cut.add(after_verb)  # "bájale un pelín a la luna"
    kept = [i for i in range(len(said)) if i not in cut]
    if not kept:
        return None  # "ponlo bajito": nothing names the device
    # Said as in the request, its pauses kept ("…, que me deslumbra": a reason); "súbele al abanico": "el abanico".
    spoken = [
        ("el" if i == after_verb and said[i].plain == "al" else said[i].said(text))
        + (_pause(text[said[i].end : said[j].start], adjacent=j == i + 1) if j is not None else "")
        for i, j in zip(kept, [*kept[1:], None], strict=True)
    ]
    spoken = _without_quantity(spoken)
    return Adjusted(amount, " ".join((ORDER, *spoken))) if spoken else None


def _no_change_now(words: Sequence[str], text: str, verb: int | None) -> bool:
    """Whether the request asks no change now, whatever amount it says: the order's own checks read it.

    "¿está el ventilador al máximo?" (no verb); "¿por qué se prende la lámpara tan bajita?" (asks
    why); "no le bajes a la luz"; "esta noche, prende la lámpara bajita" (a time before the verb).
    """
    if verb is None:
        return bool(QUESTION.search(text) or words[0] in ASKS)
    before = set(words[:verb])
    asks_why = bool(QUESTION.search(text)) and bool({"se", *INTERROGATIVES} & before)
    # What follows the verb stays in the order, whose own checks read it; what comes before is cut.
    said_first = Request(tuple(words[:verb]), " ".join(words[:verb]))
    return asks_why or bool(NEGATIONS & before) or (verb > 0 and is_for_later(said_first))


def _said_as_it_is(words: Sequence[str], span: tuple[int, int]) -> bool:
    """Whether the amount is said right after a word of how a thing is: "está en el mínimo", "sigue a tope"."""
    first = min(_words_within(words, span), default=0)
    return first > 0 and words[first - 1] in HOW_IT_IS


def _verb_clause(said: Sequence[SaidWord], text: str, verb: int | None, end: int) -> tuple[int, int] | None:
    """Where in the plain text (the first `end` words, one space apart) the verb's clause is.

    From the pause before the verb to the next pause, reason or purpose: a level said as a manner is
    the order's only there, not "prende la lámpara, hay un viento muy fuerte", nor "enciende la
    lámpara para que dé una luz suave" (a level in a purpose is passed on, as in a reason). None
    where no verb orders the change.
    """
    if verb is None or verb >= end:
        return None
    first = next((i for i in range(verb, 0, -1) if paused(text, said[i - 1], said[i])), 0)
    last = next((i for i in range(verb + 1, end) if paused(text, said[i - 1], said[i]) or _begins_why(said, i)), end)
    start = sum(len(w.plain) + 1 for w in said[:first])
    return start, start + len(" ".join(w.plain for w in said[first:last]))


def _begins_why(said: Sequence[SaidWord], i: int) -> bool:
    """Whether the i-th word begins a reason or a purpose: "que", "para que", "porque".

    Not "a todo lo que da", nor "para leer" ("prende la lámpara para leer bajita": still the order's).
    """
    word = said[i].plain
    if word == "para":
        return i + 1 < len(said) and said[i + 1].plain == "que"
    return word in REASON_WORDS and said[i - 1].plain != "lo"


def _said_as_verb(said: Sequence[SaidWord], text: str, i: int) -> bool:
    """Whether a verb form is said as the request's verb, not as the floor's "baja" ("la planta baja").

    First, after a pause or a pronoun ("¿me bajas…?"), after "puedes", or carrying its object ("el
    ventilador ponlo a tope").
    """
    word = said[i].plain
    if i == 0 or word.endswith(OBJECT_PRONOUNS) or paused(text, said[i - 1], said[i]):
        return True
    return said[i - 1].plain in CLITICS or said[i - 1].plain.startswith(("pued", "pod"))


def _pause(between: str, adjacent: bool) -> str:
    """What stands between two kept words: as said where they were said together, else a pause if any."""
    if adjacent:
        return between.rstrip()
    return "," if PAUSE.search(between) else ""


def _turns_off(words: Sequence[str]) -> bool:
    """Whether an order to turn off is given: "apaga la luz al salir" (not "el quitamiedos")."""
    followed = [*words[1:], ""]
    return any(
        tag(word).switch and tag(word).direction == "OFF" and (i == 0 or followed[i] in DETERMINERS)
        for i, word in enumerate(words)
    )


def way_of(word: str) -> int | None:
    """1 for a verb that raises, -1 for one that lowers, 0 for one that sets ("pon"); else None.

    With its pronouns ("súbele", "ponlo") and as asked ("¿me bajas la luz?").
    """
    forms = {word, word[:-1] if word.endswith("s") else word}
    forms |= {form[: -len(c)] for form in tuple(forms) for c in CLITIC_ENDINGS if form.endswith(c)}
    for rule, way in WAYS:
        if forms & rule_words(rule):
            return way
    return None


Found = tuple[Adjustment, tuple[int, int]]  # an amount, and where it is said in the plain text


def _amount(plain: str, clause: tuple[int, int] | None) -> Found | None:
    """The amount said and where in the plain text: "al 40 %", "a tope", "más flojito", "un poco".

    "un poco" says no way: the verb's is taken. Home Assistant's "más alto", "más bajo" stand for
    the highest and the lowest; said to a family's assistant, they are a step, unless said of the
    level itself ("en la velocidad más alta"). A level said only as a manner ("a todo", "bajita") or
    a fan's speed ("en el dos") is read only within the clause of the verb that orders it (`clause`,
    where in `plain` it is; None without such a verb), not in a remark ("la luz está muy tenue").
    """
    for reader in (_percentage, _speed, _number, _level_word, _highest, _step, _softly, _a_little):
        found = reader(plain)
        if found is None:
            continue
        (start, end) = found[1]
        if reader in MANNERS and not (clause and clause[0] <= start <= end <= clause[1]):
            continue
        return found
    return None


def _percentage(plain: str) -> Found | None:
    """A percentage: "al 40 %", "al cincuenta por ciento"."""
    said = rf"\b(?:al?|en|hasta el)\s+(\d{{1,3}}|{_numbers_said()})\s*{PERCENT}"
    return _a_number(said, plain, LEVELS, lambda value: Adjustment(percentage=value))


def _speed(plain: str) -> Found | None:
    """A fan's speed: "en el dos", "en la velocidad tres", "a la velocidad uno"."""
    number = rf"(?!una\b)(\d{{1,2}}|{_numbers_said()})\b"  # not "en la una": a time
    said = rf"\b(?:en\s+(?:el|la)|a\s+la\s+velocidad)\s+(?:(?:velocidad|marcha)\s+)?{number}"
    return _a_number(said, plain, SPEEDS, lambda value: Adjustment(speed=value))


def _number(plain: str) -> Found | None:
    """A percentage said without its sign: "al 40", "al cincuenta"."""
    said = rf"\bal?\s+(\d{{1,3}}|{_numbers_said()})\b"
    return _a_number(said, plain, LEVELS, lambda value: Adjustment(percentage=value))


def _a_number(said: str, plain: str, values: range, amount: Callable[[int], Adjustment]) -> Found | None:
    """The amount of the first number `said` matches (in figures or in words), where it is one of `values`."""
    found = re.search(said, plain)
    value = _number_of(found.group(1)) if found else None
    return (amount(value), found.span()) if found and value is not None and value in values else None


def _level_word(plain: str) -> Found | None:
    """Home Assistant's words for a level and the half: "al máximo", "en el mínimo", "a la mitad de brillo"."""
    levels = list_values("brightness_level") | dict.fromkeys(HALF, 50)
    quantity = rf"(?:la|el)\s+(?:{'|'.join(QUANTITIES)})\s+"  # "en la velocidad más alta": the highest
    of_quantity = rf"(?:\s+de\s+(?:{'|'.join(QUANTITIES)}|luz))?"  # "a la mitad de brillo"
    for text in sorted(levels, key=len, reverse=True):
        before = quantity if text.startswith("mas ") else f"(?:{quantity}|(?:el|la)\\s+)?"
        later = "|".join(NOT_A_LEVEL_AFTER)  # "a la media hora"
        if found := re.search(rf"\b(?:al?|en)\s+{before}{re.escape(text)}\b(?!\s+(?:{later})\b){of_quantity}", plain):
            return Adjustment(percentage=levels[text]), found.span()
    return None


def _highest(plain: str) -> Found | None:
    """The highest said as a manner: "a todo lo que da", "pero al palo"; not "a toda la casa"."""
    highest = "|".join(map(re.escape, HIGHEST))
    not_of = "|".join((*DETERMINERS, *NOT_A_LEVEL_AFTER))
    found = re.search(rf"\b(?:pero\s+)?(?:{highest})\b(?!\s+(?:{not_of})\b)", plain)
    if found is None or re.search(NOT_SO, plain[: found.start()]):
        return None  # "pero no a todo"
    return Adjustment(percentage=100, as_on=True), found.span()


def _step(plain: str) -> Found | None:
    """A step the way said: "más flojito", "menos fuerte"."""
    if (found := re.search(r"\b(mas|menos)\s+(\w+)", plain)) and found.group(2) in MORE | LESS:
        up = (found.group(2) in MORE) == (found.group(1) == "mas")
        return Adjustment(step=STEP if up else -STEP), found.span()
    return None


def _softly(plain: str) -> Found | None:
    """Low, said as a manner: "bajita", "pero bien suavecito", "medio bajito"; not "un poquito"."""
    found = re.search(rf"\b(?:pero\s+)?(?:(?:bien|muy|medio)\s+)?({'|'.join(SOFTLY)})\b", plain)
    if found is None or re.search(r"\b(?:un|una|mas|menos)\s+$", plain[: found.start(1)]):
        return None
    if re.search(NOT_SO, plain[: found.start()]) or re.search(NOT_SO, plain[: found.start(1)]):
        return None  # "pero no tan bajita"
    return Adjustment(percentage=LOW), found.span()


MANNERS = (_speed, _highest, _softly)  # read only within the clause of the verb that orders them


def _a_little(plain: str) -> Found | None:
    """A little, no way said ("un poco", "un poquito"): the verb's is taken."""
    if found := re.search(rf"\b(?:{'|'.join(A_LITTLE)})\b", plain):
        return Adjustment(), found.span()
    return None


@lru_cache(maxsize=1)
def _numbers_said() -> str:
    """Home Assistant's numbers in words as one alternation, longest first ("setenta y cinco" before "setenta")."""
    return "|".join(sorted(map(re.escape, number_words()), key=len, reverse=True)) or "(?!)"


def _number_of(said: str) -> int | None:
    return int(said) if said.isdigit() else number_words().get(said)


def _words_within(words: Sequence[str], span: tuple[int, int]) -> set[int]:
    """The words within a span of the plain text (the words joined by one space)."""
    indices, position = set(), 0
    for i, word in enumerate(words):
        if position >= span[0] and position + len(word) <= span[1]:
            indices.add(i)
        position += len(word) + 1
    return indices


def _without_quantity(kept: list[str]) -> list[str]:
    """Without "el brillo de", "la velocidad del": what is changed, said before the device.

    "la velocidad del ventilador" -> "el ventilador".
    """
    plain = [normalize_lower_ascii(w) for w in kept]
    for i, word in enumerate(plain):
        if word in QUANTITIES and i + 1 < len(plain) and plain[i + 1] in ("de", "del"):
            start = i - 1 if i > 0 and plain[i - 1] in ("el", "la") else i
            article = ["el"] if plain[i + 1] == "del" else []
            return [*kept[:start], *article, *kept[i + 2 :]]
    return kept


def cannot_change(hass: HomeAssistant, entity_ids: Sequence[str], adjustment: Adjustment) -> Outcome | None:
    """Why these devices cannot make the change (a switch, a light that does not dim, a speed of a light), or None."""
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        if state is None or not _takes(state, adjustment):
            name = state.name if state else entity_id
            return Outcome(
                f"No sé subir ni bajar {name}.",
                IntentResponseErrorCode.FAILED_TO_HANDLE.value,
                pass_on=PassOn(Reason.NOT_ADJUSTABLE, entity_id),
            )
    return None


def none_takes_a_level(hass: HomeAssistant, entity_ids: Sequence[str]) -> bool:
    """Whether no device found has a level (plugs, lights that do not dim)."""
    states = [hass.states.get(entity_id) for entity_id in entity_ids]
    return all(state is not None and not _changes_level(state) for state in states)


async def async_change(
    hass: HomeAssistant, entity_ids: Sequence[str], adjustment: Adjustment, context: Context
) -> Outcome:
    """Each device to its new level, in one reply; a device that is off is not lowered."""
    calls, done, left_off = [], [], []
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        if state is None:
            continue
        level = new_level(state, adjustment)
        if level is None:
            left_off.append(state.name)
            continue
        domain, service, data = _call(state, level)
        calls.append(f"{domain}.{service} {entity_id}")
        try:
            await hass.services.async_call(
                domain, service, {ATTR_ENTITY_ID: entity_id, **data}, blocking=True, context=context
            )
        except HomeAssistantError as err:
            code = IntentResponseErrorCode.FAILED_TO_HANDLE.value
            return Outcome(f"No he podido cambiar {state.name}: {err}", code, service_call=", ".join(calls))
        done.append((state.name, level))
    said = [_said_done(done)] if done else []
    if left_off:
        said.append(f"{listed(left_off)} {'está apagado' if len(left_off) == 1 else 'están apagados'}: no lo bajo.")
    speech = " ".join(said)
    target = entity_ids[0] if len(entity_ids) == 1 else None
    return Outcome(speech, target=target, service_call=", ".join(calls) or None)


def new_level(state: State, adjustment: Adjustment) -> int | None:
    """The percentage the device goes to; None where it is off and asked to go down, or asked a speed it has not."""
    if adjustment.speed is not None and state.domain == FAN_DOMAIN:
        return _speed_level(state, adjustment.speed)
    if adjustment.percentage is not None:
        return adjustment.percentage
    current = _level(state)
    if current == 0 and adjustment.step < 0:
        return None
    step = adjustment.step
    lowest = LOWEST
    if state.domain == FAN_DOMAIN:
        speed = float(state.attributes.get(ATTR_PERCENTAGE_STEP) or 1)
        step = round(max(abs(step), speed)) * (1 if step > 0 else -1)  # at least one speed of the fan's
        lowest = max(LOWEST, round(speed))
    return max(lowest, min(100, current + step))


def _level(state: State) -> int:
    """How high the device is now, in percent (0 when off)."""
    if state.state != STATE_ON:
        return 0
    if state.domain == LIGHT_DOMAIN:
        brightness = state.attributes.get(ATTR_BRIGHTNESS)
        return round(brightness * 100 / FULL_BRIGHTNESS) if isinstance(brightness, int | float) else 100
    percentage = state.attributes.get(ATTR_PERCENTAGE)
    return round(percentage) if isinstance(percentage, int | float) else 100


def _speed_level(state: State, speed: int) -> int | None:
    """The percentage of a fan's speed counted from its lowest ("en el dos").

    None past its highest, or where its speeds are too many to be said by their number.
    """
    step = float(state.attributes.get(ATTR_PERCENTAGE_STEP) or 1)
    level = round(speed * step)
    return level if step >= FEWEST_PER_SPEED and level in LEVELS else None


def _takes(state: State, adjustment: Adjustment) -> bool:
    """Whether the device can make the change: a level at all, and a speed said only of a fan that has it."""
    if not _changes_level(state):
        return False
    if adjustment.speed is None:
        return True
    if state.domain == FAN_DOMAIN:
        return _speed_level(state, adjustment.speed) is not None
    return adjustment.percentage is not None  # "la luz al dos" is a percentage; "la luz en el dos" is nothing


def _changes_level(state: State) -> bool:
    if state.domain == LIGHT_DOMAIN:
        return brightness_supported(state.attributes.get(ATTR_SUPPORTED_COLOR_MODES))
    if state.domain == FAN_DOMAIN:
        return bool(int(state.attributes.get(ATTR_SUPPORTED_FEATURES) or 0) & FanEntityFeature.SET_SPEED)
    return False


def _call(state: State, level: int) -> tuple[str, str, dict[str, int]]:
    if state.domain == LIGHT_DOMAIN:
        return LIGHT_DOMAIN, "turn_on", {ATTR_BRIGHTNESS_PCT: level}
    return FAN_DOMAIN, SERVICE_SET_PERCENTAGE, {ATTR_PERCENTAGE: level}


def _said_done(done: Sequence[tuple[str, int]]) -> str:
    """What was done: "He puesto Lámpara de pie al 40 %.", or each at its own level."""
    levels = {level for _, level in done}
    if len(levels) == 1:
        return f"He puesto {listed([name for name, _ in done])} al {levels.pop()} %."
    return f"He puesto {listed([f'{name} al {level} %' for name, level in done])}."
