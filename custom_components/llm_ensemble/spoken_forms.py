"""Spoken forms of a state the models only know written: "encendío", "apagao", "la tele está on".

Much of Spain (and the Caribbean) drops the d of a participle ("¿está encendío el ventilador?",
"se ha dejao la luz puesta") and some say the switch's English word ("¿la tele está on?"). The
request is read with the written word: "encendido", "dejado", "encendida". A form that is also a
verb's is left as said where it may be one: "encendió" (he switched it on) is no "encendío", and
"encendía" is "encendida" only after a word that says how a thing is or was left ("está", "sigue",
"dejado", "tiene"…).
"""

from __future__ import annotations

import re

from .engine.text import normalize_lower_ascii
from .morphology import CLITICS, DEFINITE, POSSESSIVE_MANY, POSSESSIVE_ONE, tag
from .readings import AT_WORK_WORDS, INTERROGATIVES, LEFT, LEFT_SO, STAYED, says_switch_state
from .said_words import SaidWord, paused, said_words

# "está encendía", "sigue encendía", "la tiene encendía", "se ha dejao encendía": a state.
HOW_IT_IS = frozenset(
    {"esta", "estan", "estaba", "estaban", "este", "esten", "sigue", "siguen", "seguia", "queda", "quedan", "tiene",
     "tienes", "tienen", "tenes", "lleva", "llevan", "o", *LEFT_SO}
)  # fmt: skip
HOW_IT_IS_REACH = 3  # "está todavía encendía", "tiene la lamparita encendía"
# The switch's English word after a word that says how it is: "está on", "sigue off", "está en on".
ENGLISH = {"on": "encendido", "off": "apagado"}
# Who left it so, in a question: "¿quién ha dejado encendida la luz?", "¿quién dejó prendido el clima?"
# ask how it is.
WHO_LEFT = re.compile(r"\bqui[eé]n(?:es)? (?:(?:ha|han|se ha|habr[aá]) dejado|dej[oó]|dejaron)\b", re.IGNORECASE)
# Whether it works, asked first: "¿anda el calefón?", "¿funciona todavía la freidora?" ask whether it is on.
# Not "¿anda, apágame la luz?", where "anda" urges.
WORKS = re.compile(r"(?<=¿)\s*(?:funciona|funcionan|anda|andan|jala|jalan)\b(?!\s*,)", re.IGNORECASE)
# A device at work, in a question: "¿está calentando la estufa?", "¿sigue echando aire el ventilador?",
# "¿sigue dando vueltas el abanico?", "¿la radio sigue sonando?".
AT_WORK = re.compile(
    rf"\b(?:{'|'.join(sorted(AT_WORK_WORDS | {'funcionando'}))}|en marcha"
    r"|(?:echando|dando|tirando|sacando) (?:calor|aire|fr[ií]o|vueltas))\b",
    re.IGNORECASE,
)


# The thing asked about ends before a state, a verb, a time or what happened meanwhile: "¿no estará puesto
# el termo desde anoche?", "¿se quedó encendido el fluorescente cuando metió Javi el coche?", "¿quedó prendida la
# luz del quincho después del asado?".
THING_ENDS = frozenset(
    {"desde", "cuando", "con", "toda", "todo", "otra", "ya", "todavia", "aun", "hace", "que", "porque", "mientras",
     "durante", "por", "para", "o", "y", "sigue", "siguen", "esta", "estan", "no", "ahora", "anoche", "hoy", "despues",
     "antes", "luego"}
)  # fmt: skip
WHO_DID = frozenset({"se", "ya", "nos", "me"})  # "¿el niño se dejó…?": who did it comes before
NOT_A_THING = frozenset({"noche", "tarde", "manana", "dia", "rato", "vez"})  # "toda la noche", "la otra vez"
MAX_THING_WORDS = 6  # "la luz del cuarto de la abuela"
# Asked whether something is on in a place: "¿queda algo prendido en el tendedero?".
SOMETHING_IN = re.compile(r"¿?\s*(?:queda|hay|habra|se quedo)\s+algo\s+\w+\s+(en|por)\s+", re.IGNORECASE)
QUESTION_OPENS = re.compile(r"¿\s*(?:y\s+)?(\w+)")  # the word a question opens with
STATE_FOR_ARTICLE = {"la": "encendida", "las": "encendidas", "los": "encendidos"}


def as_written(text: str) -> str:
    """The request with each spoken participle of switching or leaving written out."""
    said = said_words(text)
    plain = [w.plain for w in said]
    pieces, last = [], 0
    for i, word in enumerate(said):
        written = _written(word.said(text), plain[max(0, i - HOW_IT_IS_REACH) : i])
        if written is not None:
            # "está en on": "está encendido"
            begin = said[i - 1].start if written in ENGLISH.values() and i and plain[i - 1] == "en" else word.start
            pieces += [text[last:begin], written]
            last, plain[i] = word.end, normalize_lower_ascii(written)
    return "".join([*pieces, text[last:]])


def _written(word: str, before: list[str]) -> str | None:
    lower = word.lower()
    after_how = bool(HOW_IT_IS.intersection(before))
    if lower in ENGLISH:
        return ENGLISH[lower] if after_how else None
    for spoken, full, needs_how in (("ío", "ido", False), ("ía", "ida", True), ("ao", "ado", False)):
        for plural in ("", "s"):
            if not lower.endswith(spoken + plural) or (needs_how and not after_how):
                continue
            candidate = lower[: -len(spoken + plural)] + full + plural
            plain = normalize_lower_ascii(candidate)
            if tag(plain).participle and (tag(plain).says_switch or plain in LEFT_SO):
                return candidate
    return None


def asked_plainly(text: str) -> str | None:
    """A question of how a device is, asked as the models know it; None for any other text.

    "¿está calentando la mesa camilla?" -> "¿está encendido la mesa camilla?": the models may take
    the verb for the device; "¿quién ha dejado encendida la luz?" -> "¿está encendida la luz?"; "¿anda el
    calefón?" -> "¿está encendido el calefón?".
    Asked again only where they are unsure of the question as said.
    """
    if ("?" not in text and "¿" not in text) or _asks_another(text):
        return None  # "¿qué está sonando en la radio?" asks another thing
    asked = WHO_LEFT.sub("está", AT_WORK.sub("encendido", text, count=1), count=1)
    asked = WORKS.sub("está encendido", asked, count=1)
    return asked if asked != text else None


def asked_of_its_thing(text: str) -> str | None:
    """A state question asked again as "¿está encendido <the thing>?"; None for any other text.

    "¿no estará puesto el termo desde anoche?" -> "¿está encendido el termo?"; "¿le dejaste la luna
    encendida al peque?" -> "¿está encendida la luna?"; "¿queda algo prendido en el tendedero?" ->
    "¿está encendido algo en el tendedero?". The thing is the first said with its article, up to a
    state, a verb, a time or a pause. Asked only where the models are unsure of the question as said,
    and checked as any other: an answer switches nothing.
    """
    if "?" not in text and "¿" not in text:
        return None
    said = said_words(text)
    plain = [w.plain for w in said]
    # "¿cuánto gasta la cafetera encendida?" asks another thing.
    if _asks_another(text) or not any(says_switch_state(p) for p in plain) or any(tag(p).gives_order for p in plain):
        return None
    if (something := SOMETHING_IN.search(normalize_lower_ascii(text))) is not None:
        return f"¿está encendido algo {something.group(1)} {text[something.end() :].strip(' ¿?')}?"
    articles = DEFINITE | POSSESSIVE_ONE | POSSESSIVE_MANY
    first = 0
    while first < len(plain) - 1:
        if plain[first] not in articles or plain[first + 1] in NOT_A_THING:
            first += 1
            continue
        end = _thing_end(text, said, plain, first)
        if _someone_did(plain, end):
            first = end  # "¿la abuela dejó encendida la estufa?": who left it so, not the thing
            continue
        thing = text[said[first].start : said[end - 1].end]
        state = STATE_FOR_ARTICLE.get(plain[first], "encendido")
        return f"¿{'están' if state.endswith('s') else 'está'} {state} {thing}?"
    return None


def _asks_another(text: str) -> bool:
    """Whether a question opens by asking another thing than whether: "¿qué…?", "¿cuánto…?"."""
    return any(normalize_lower_ascii(m.group(1)) in INTERROGATIVES for m in QUESTION_OPENS.finditer(text))


def _thing_end(text: str, said: list[SaidWord], plain: list[str], first: int) -> int:
    """Where the thing said from its article at word `first` ends: a state, a verb, a time or a pause."""
    end = first + 1
    while end < min(len(plain), first + MAX_THING_WORDS) and not (
        paused(text, said[end - 1], said[end])
        or plain[end] in THING_ENDS | LEFT_SO
        or says_switch_state(plain[end])
        or tag(plain[end]).switch
        or (plain[end] in CLITICS and end + 1 < len(plain) and _a_verb(plain[end + 1]))  # "la tele la dejaste…"
    ):
        end += 1
    return end


def _someone_did(plain: list[str], at: int) -> bool:
    """Whether the words from `at` say what someone did ("dejó", "se dejó", "apagó"), so what came before is who.

    Not what the thing did: "¿la araña quedó prendida…?", "¿la tele se quedó encendida?", "¿la tele ya
    está…?"; but one who stayed some other way is someone ("¿el niño se quedó con la luz prendida?").
    """
    while at < len(plain) and plain[at] in WHO_DID:
        at += 1
    if at < len(plain) and plain[at] in STAYED:
        return at + 1 == len(plain) or not says_switch_state(plain[at + 1])
    return at < len(plain) and (plain[at] in LEFT or tag(plain[at]).told)


def _a_verb(word: str) -> bool:
    return word in LEFT_SO or tag(word).switch or tag(word).told
