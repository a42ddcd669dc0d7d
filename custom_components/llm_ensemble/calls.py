"""The words that call the assistant before the request: "oye, enciende el salón", "a ver, apaga…".

A greeting too: "buenas noches, apaga la tele".

They ask for nothing. The built-in agent's sentences do not expect them and read them as part of
a name ("ningún dispositivo llamado oye enciende"), and the models read a request better without
them, so both are given the request as if said without them. Words that are verbs too ("mira
si…", "escucha la radio") are left out only where a comma sets them apart or an on/off verb follows.

A family calls each other and the assistant by many more words ("quillo", "mija", "güey", "joven"):
one word before the order's on/off verb that names nothing in the home and says no time ("luego
apaga…") is such a call too. A call said last, after a comma ("…, che"), asks for nothing either;
nor, after an order, does a word that calls someone by what they are to the family ("dale a la
Nespresso, majo"), or a name said with its capital ("…, Marcos"), where it names nothing in the
home. Any other last word may say more of the order ("…, olvídalo", "…, azul"), and stays.
"""

from __future__ import annotations

import re

from .engine.text import normalize_lower_ascii
from .morphology import STOPWORDS, tag
from .readings import LATER
from .taking_back import takes_back

CALLS = frozenset(
    {"oye", "oiga", "oigan", "hey", "ey", "eh", "hola", "buenas", "venga", "bueno", "pues", "vale", "ok", "okey",
     "che", "casa", "a ver", "buenos dias", "buenas tardes", "buenas noches"}
)  # fmt: skip
ALSO_VERBS = frozenset(
    {"mira", "mire", "escucha", "escuche", "perdona", "perdone", "disculpa", "disculpe", "anda", "orale", "dale"}
)  # "dale": also "turn it on" ("dale a la luz"), a call only set apart or before the order's verb
# Words that say something to a request, not who is called: a time, a place, a condition, an article.
NOT_CALLS = STOPWORDS | LATER | frozenset({"si", "que", "cuando", "donde", "como", "tambien", "todo", "todos", "solo"})
# Said last after an order, these call someone: "pon la cafetera, majo", "prende el foco, mija".
CALLED_LAST = frozenset(
    {"majo", "maja", "mijo", "mija", "mijito", "mijita", "hijo", "hija", "carino", "amor", "corazon", "cielo",
     "guapo", "guapa", "tio", "tia", "chaval", "chavala", "nene", "nena", "wey", "guey", "guero", "guera", "compa",
     "carnal", "boludo", "boluda", "gordo", "gorda", "flaco", "flaca", "viejo", "vieja", "reina", "campeon", "chamaco",
     "chamaca", "jefe", "jefa", "ma", "pa", "mama", "papa", "abuela", "abuelo", "cari", "bonito", "bonita", "quillo",
     "illo", "pisha", "tronco", "primo", "prima", "porfa", "porfi", "porfis", "plis", "please", "gracias"}
)  # fmt: skip
MIN_CALL_LETTERS = 3
URGES = frozenset({"dale", "andale", "orale"})  # said last after an order, they urge it: "prendé la jarra, dale"
# Thanks set apart after an order: "…, gracias", "…, muchísimas gracias", "…, eres un sol", "…, te lo agradezco".
THANKS = re.compile(
    r"\s*[,;.!]\s*¡?\s*(?:(?:muchas|much[ií]simas|mil)\s+)?gracias\b"
    r"|\s*[,;.!]\s*(?:eres|sos|es)\s+(?:un|una)\s+(?:sol|amor|cielo|genio|crack)\b"
    r"|\s*[,;.!]\s*te\s+lo\s+agradezco\b",
    re.IGNORECASE,
)
# After thanks, courtesy alone asks for nothing: "…, gracias, mi amor", "…, mil gracias, de verdad".
COURTESY_AFTER = CALLED_LAST | {"de", "verdad", "veras", "mi", "muchas", "muchisimas", "mil", "eh", "vale", "guapa"}
# Or an exclamation set apart: "…, gracias; ay, ¡qué bonita ha quedado la cocina!". It may not ask for more.
SET_APART = re.compile(r"\s*[;.!¡]")
OPENERS = frozenset({"ay", "oye", "ah", "uy", "uf", "che", "bueno", "pues"})
EXCLAIMS = frozenset({"que", "como"})  # "qué bonito quedó…", "cómo ha crecido…"
ASKS_MORE = frozenset({"tambien", "tampoco", "pero", "mejor", "ademas", "luego", "despues", "ahora", "si", "y", "e"})
TAG_QUESTION = re.compile(r"[,\s¿]+no\s*\?+\s*$", re.IGNORECASE)  # "…, ¿no?": asks for agreement
LAST_CALL = re.compile(r"\s*,\s*(\w+)\W*$")
CALLED = re.compile(r"\s*(\w+)\s*,?\s+(\w+)")
FIRST_CALL = re.compile(r"\s*(a ver|buen[oa]s (?:d[ií]as|tardes|noches)|\w+)(\s*[,!.]\s*|\s+|$)", re.IGNORECASE)
WORD = re.compile(r"\w+")


def without_calls(text: str, home_words: frozenset[str] | None = None) -> str:
    """The request without the words that call the assistant first: "oye, venga, apaga la luz".

    `home_words`: the words of the home's names; given, a word of no name before the order's verb
    is left out too ("quillo, apaga la tele").
    """
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
    rest = _without_a_last_call(_without_thanks(rest), home_words)
    return rest if home_words is None else _without_a_word_called(rest, home_words)


def _without_thanks(text: str) -> str:
    """Without thanks said after an order, and courtesy or an exclamation after them.

    "…, gracias, mi amor", "…, eres un sol, de veras", "…, gracias; oye, ¡qué bonito quedó el
    comedor!". Anything else after the thanks may ask for more, say when, or take the order back
    ("…, gracias, y de paso la radio", "…, gracias, en cinco minutos", "…, gracias, era broma"): the
    request is read whole, and its checks decide.
    """
    thanks = THANKS.search(text)
    if thanks is None or not _orders(text[: thanks.start()]):
        return text
    remark = TAG_QUESTION.sub("", text[thanks.end() :])
    said = [normalize_lower_ascii(w) for w in WORD.findall(remark)]
    if all(w in COURTESY_AFTER for w in said) or _an_exclamation(remark, said):
        return text[: thanks.start()]
    return text


def _an_exclamation(remark: str, said: list[str]) -> bool:
    """Whether a remark is an exclamation of its own that orders, asks and takes back nothing."""
    first = next((w for w in said if w not in OPENERS), "")
    if not SET_APART.match(remark) or first not in EXCLAIMS or "?" in remark:
        return False  # "…, gracias; ¿qué tiempo hace mañana?" asks
    if any(w in ASKS_MORE or tag(w).gives_order or tag(w).negation for w in said):
        return False
    return not takes_back(said)


def _orders(text: str) -> bool:
    return any(tag(normalize_lower_ascii(w)).gives_order for w in WORD.findall(text))


def _without_a_last_call(text: str, home_words: frozenset[str] | None = None) -> str:
    """Without a call said last, after a comma: "cortá el riego, che".

    `home_words`: given, a word that calls someone ("majo") or a name said with its capital, no
    word of the home's names, is such a call after an order ("pon la cafetera, majo").
    """
    last = LAST_CALL.search(text)
    if last is None or not text[: last.start()].strip():
        return text
    word = normalize_lower_ascii(last.group(1))
    if word in CALLS or (word in URGES and _orders(text[: last.start()])):
        return text[: last.start()]  # "cortá el riego, che", "prendé la jarra, dale"
    if home_words is None or word in home_words or word in NOT_CALLS or tag(word).switch:
        return text
    calls_someone = word in CALLED_LAST or (last.group(1)[:1].isupper() and len(word) >= MIN_CALL_LETTERS)
    return text[: last.start()] if calls_someone and _orders(text[: last.start()]) else text


def _without_a_word_called(text: str, home_words: frozenset[str]) -> str:
    """Without one first word, before an order's on/off verb, that names nothing in the home."""
    called = CALLED.match(text)
    if called is None or not tag(normalize_lower_ascii(called.group(2))).gives_order:
        return text
    word = normalize_lower_ascii(called.group(1))
    said = tag(word)
    says_something = word in home_words or word in NOT_CALLS or said.switch or said.slipped_switch or said.negation
    return text if says_something or len(word) < MIN_CALL_LETTERS else text[called.start(2) :]
