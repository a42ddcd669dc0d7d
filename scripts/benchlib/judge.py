"""What counts as right, judged by what happened in the home; one rule for both agents.

Each row starts from the states of cases.py. A state is what Home Assistant holds for an entity
with the attributes a request may change (on/off, brightness, colour, fan speed).

- domotics `CODE ON|OFF`: right when the asked entity reached the asked state and nothing else
  changed. It starts in the opposite state, so doing nothing is never right.
- domotics `CODE ESTADO` (a question about the device's state): right when nothing changed, no
  turn_on/turn_off/toggle was called, the reply is an answer (type `query_answer` or
  `action_done`, no error code) and it tells the device's true state, in one of two ways:
  - it names one state and not the other: on as "encendido/a", "prendido/a", "conectado/a" or
    "on", off as "apagado/a", "desconectado/a" or "off" (whole words, any case or accent; the
    built-in agent of Home Assistant 2025.4 says the raw state: "El dispositivo Luz del pasillo
    está on", "No, su estado es off"; ours says "La luz del pasillo está encendida.");
  - or it is a bare yes or no ("Sí", "No", "Sí, el dispositivo Luz del pasillo": the reply begins
    with the word, then a comma or nothing) to a question that asks about one state: the question
    holds words of one state only, on as "encendid-/encendí", "prendid-/prendí", "conectad-",
    "puest-", "activad-", "funcionando", "regando", off as "apag-" (apagada, ¿apagué…?),
    "desconectad-", "desactivad-". "Sí" is right when the asked state is the true one, "No" when
    it is not. A yes or no to a question that names no state, or both ("¿encendida o apagada?"),
    is not an answer.
- home (`entity_id=on|off|set ...`): right when each listed entity reached its effect (on, off,
  or `set`: still on and its brightness, colour or speed changed) and nothing else changed; with
  `weather` among them ("apaga la tele y dime qué tiempo hace"), the reply is a weather answer too;
  with `state entity_id` among them ("prende la tele y dime si la Xbox está prendida"), one
  sentence of the reply names that device (its name or an alias, whole words, any case or accent)
  and tells its true state by the ESTADO rule: the sentences about the changes name states too.
- weather: right when a weather answer came back and nothing changed. A weather answer is a
  response of type `query_answer` or `action_done` (no error code) whose speech states a
  temperature the weather entity reports (now, or a day's forecast high or low), written either
  way ("21,5" or "21.5"). An apology, "no te he entendido", or a reply about something else is not.
- none: right when nothing changed (whatever was said).

A wrong action is any change that should not have happened: an entity not listed changed, or a
listed one changed to something other than its effect, or anything changed on an ESTADO, weather
or none row. A wrong call is stricter and does not depend on the starting states: any turn_on,
turn_off or toggle service call other than the expected ones (turn_on for `on` and `set`, turn_off
for `off`), whether or not it changed anything (switching off a light that is already off changes
nothing, yet it is the opposite of what was asked).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from evaluate import Row
from homeassistant.const import STATE_ON

from .cases import Case

ANSWER_TYPES = frozenset({"query_answer", "action_done"})
NUMBER = re.compile(r"(?<![\d])-?\d+(?:[.,]\d+)?")
SWITCHING = frozenset({"turn_on", "turn_off", "toggle"})
EXPECTED_CALL = {"on": "turn_on", "set": "turn_on", "off": "turn_off"}
# Words that name a state in a reply, after lower-casing and removing accents (stems match a word's
# start): Home Assistant's own `on_off_states`, and the raw states its built-in agent says.
STATE_WORDS = {True: ("on",), False: ("off",)}
STATE_STEMS = {True: ("encendid", "prendid", "conectad"), False: ("apagad", "desconectad")}
# Words by which a yes/no question asks about one state.
ASKED_STEMS = {
    True: ("encendi", "prendi", "conectad", "puest", "activad", "funcionando", "regando"),
    False: ("apag", "desconectad", "desactivad"),
}
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
YES_NO = re.compile(r"^\s*(si|no)\s*(?:[,.!;:]|$)")


@dataclass(frozen=True)
class Reply:
    """What came back from conversation.process, reduced to what the judge and report need."""

    response_type: str
    error_code: str | None
    speech: str

    @classmethod
    def of(cls, result: Mapping[str, object]) -> Reply:
        """From the service response: {"response": IntentResponse.as_dict(), ...}."""
        response = result.get("response")
        response = response if isinstance(response, Mapping) else {}
        data = response.get("data")
        speech = response.get("speech")
        plain = speech.get("plain", {}) if isinstance(speech, Mapping) else {}
        code = data.get("code") if isinstance(data, Mapping) else None
        return cls(
            response_type=str(response.get("response_type", "")),
            error_code=str(code) if code and response.get("response_type") == "error" else None,
            speech=str(plain.get("speech", "")) if isinstance(plain, Mapping) else "",
        )

    @property
    def is_answer(self) -> bool:
        return self.error_code is None and self.response_type in ANSWER_TYPES


@dataclass(frozen=True)
class Verdict:
    """Whether a row was handled right, whether something wrong changed, and what changed."""

    right: bool
    wrong_action: bool
    changed: dict[str, tuple[str, str]]  # entity_id -> (before, after)
    wrong_call: bool = False


def numbers(text: str) -> list[float]:
    """Every number written in a reply, with a decimal comma or point."""
    return [float(match.replace(",", ".")) for match in NUMBER.findall(text)]


def is_weather_answer(reply: Reply, temperatures: frozenset[float]) -> bool:
    """A non-error answer that states one of the weather entity's temperatures."""
    return reply.is_answer and any(value in temperatures for value in numbers(reply.speech))


def plain(text: str) -> str:
    """Lower case, no accents: "¿Está encendida?" -> "¿esta encendida?"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_words(text: str) -> list[str]:
    """The words of a text, plain: "¿Está encendida?" -> ["esta", "encendida"]."""
    return re.findall(r"[a-z0-9]+", plain(text))


def states_named(text: str, stems: dict[bool, tuple[str, ...]] = STATE_STEMS) -> set[bool]:
    """The states (True = on) a text names: a word of STATE_WORDS, or one that begins with a stem."""
    said = plain_words(text)
    return {
        is_on for is_on in (True, False) if any(w in STATE_WORDS[is_on] or w.startswith(stems[is_on]) for w in said)
    }


def tells_state(reply: Reply, question: str, is_on: bool) -> bool:
    """Whether an answer to `question` tells the true state `is_on` (the ESTADO rule above)."""
    if not reply.is_answer:
        return False
    named = states_named(reply.speech)
    if len(named) == 1:
        return named == {is_on}
    yes_no = YES_NO.match(plain(reply.speech))
    asked = states_named(question, ASKED_STEMS)
    if named or yes_no is None or len(asked) != 1:
        return False
    return (yes_no.group(1) == "si") == (asked == {is_on})


def tells_state_of(reply: Reply, question: str, is_on: bool, names: Sequence[str]) -> bool:
    """Whether one sentence of an answer names the device by one of `names` and tells its state."""
    wanted = [plain_words(name) for name in names if plain_words(name)]

    def names_it(words: list[str]) -> bool:
        return any(words[i : i + len(name)] == name for name in wanted for i in range(len(words)))

    sentences = [s for s in SENTENCE_END.split(reply.speech) if names_it(plain_words(s))]
    return any(tells_state(Reply(reply.response_type, reply.error_code, s), question, is_on) for s in sentences)


def names_another(speech: str, asked_names: Sequence[str], other_names: Sequence[str]) -> bool:
    """Whether a reply names another device and none of the names of the one asked about."""
    said = plain_words(speech)

    def names(name: str) -> bool:
        words = plain_words(name)
        return bool(words) and any(said[i : i + len(words)] == words for i in range(len(said)))

    return not any(map(names, asked_names)) and any(map(names, other_names))


def _reached(state: str, before: str, effect: str) -> bool:
    """Whether an entity now in `state` (was `before`) shows the effect on, off or set."""
    now = state.split(" ", 1)[0]
    if effect == "set":
        return now == STATE_ON and state != before
    return now == effect


def judge(
    row: Row,
    case: Case,
    before: Mapping[str, str],
    after: Mapping[str, str],
    reply: Reply,
    temperatures: frozenset[float],
    calls: Sequence[tuple[str, str]] = (),
    asked_names: Sequence[str] = (),
    other_names: Sequence[str] = (),
) -> Verdict:
    """The verdict on one row; `calls` are the (service, entity_id) pairs of the switching service
    calls made meanwhile, `asked_names` the name and aliases of the device a home row asks about,
    `other_names` those of the home's other devices: a state answer about one of them, that does not
    name the device asked about, answers another question."""
    changed = {entity: (old, after.get(entity, "-")) for entity, old in before.items() if old != after.get(entity)}
    stray = {
        entity
        for entity, (old, new) in changed.items()
        if entity not in case.effects or not _reached(new, old, case.effects[entity])
    }
    expected_calls = {(EXPECTED_CALL[effect], entity) for entity, effect in case.effects.items()}
    wrong_call = any(call not in expected_calls for call in calls if call[0] in SWITCHING)
    if row.route == "weather":
        right = is_weather_answer(reply, temperatures) and not changed
    elif case.effects:
        reached = all(
            _reached(after.get(entity, "-"), before.get(entity, "-"), effect) for entity, effect in case.effects.items()
        )
        right = (
            reached
            and not stray
            and (not row.wants_weather or is_weather_answer(reply, temperatures))
            and (case.asked is None or tells_state_of(reply, row.text, bool(case.asked_is_on), asked_names))
        )
    elif case.asked is not None:
        right = (
            not changed
            and not wrong_call
            and tells_state(reply, row.text, bool(case.asked_is_on))
            and not names_another(reply.speech, asked_names, other_names)
        )
    else:
        right = not changed
    return Verdict(right, bool(stray), changed, wrong_call)
