"""The words that call the assistant before the request: "oye, enciende el salón", "a ver, apaga…".

A greeting too: "buenas noches, apaga la tele".

They ask for nothing. The built-in agent's sentences do not expect them and read them as part of
a name ("ningún dispositivo llamado oye enciende"), and the models read a request better without
them, so both are given the request as if said without them. Words that are verbs too ("mira
si…", "escucha la radio") are left out only where a comma sets them apart or an on/off verb follows.
"""

from __future__ import annotations

import re

from .engine.text import normalize_lower_ascii
from .morphology import tag

CALLS = frozenset(
    {"oye", "oiga", "oigan", "hey", "ey", "eh", "hola", "buenas", "venga", "bueno", "pues", "vale", "ok", "okey",
     "che", "casa", "a ver", "buenos dias", "buenas tardes", "buenas noches"}
)  # fmt: skip
ALSO_VERBS = frozenset(
    {"mira", "mire", "escucha", "escuche", "perdona", "perdone", "disculpa", "disculpe", "anda", "orale"}
)
FIRST_CALL = re.compile(r"\s*(a ver|buen[oa]s (?:d[ií]as|tardes|noches)|\w+)(\s*[,!.]\s*|\s+|$)", re.IGNORECASE)
WORD = re.compile(r"\w+")


def without_calls(text: str) -> str:
    """The request without the words that call the assistant first: "oye, venga, apaga la luz"."""
    rest = text
    while (first := FIRST_CALL.match(rest)) and first.end() < len(rest):
        word, set_apart = normalize_lower_ascii(first.group(1)), bool(first.group(2).strip())
        following = WORD.match(rest, first.end())
        ordered = following is not None and tag(normalize_lower_ascii(following.group())).order_verb
        if word not in CALLS and not (word in ALSO_VERBS and (set_apart or ordered)):
            break
        if following is not None and normalize_lower_ascii(following.group()) == "si":
            break  # "a ver si enciendes la luz", "oye si puedes…": asked, no condition
        rest = rest[first.end() :]
    return rest
