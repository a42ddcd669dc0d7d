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
from .morphology import tag
from .readings import LEFT_SO
from .said_words import said_words

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
# A device at work, in a question: "¿está calentando la estufa?", "¿sigue echando aire el ventilador?".
AT_WORK = re.compile(
    r"\b(?:calentando|enfriando|funcionando|en marcha|(?:echando|dando|tirando|sacando) (?:calor|aire|fr[ií]o))\b",
    re.IGNORECASE,
)


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
    if "?" not in text and "¿" not in text:
        return None
    asked = WHO_LEFT.sub("está", AT_WORK.sub("encendido", text, count=1), count=1)
    asked = WORKS.sub("está encendido", asked, count=1)
    return asked if asked != text else None
