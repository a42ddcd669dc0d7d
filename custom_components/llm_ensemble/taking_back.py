"""Words that take back what was just said: "…, digo, la lámpara", "…, mejor no", "…, olvídalo".

Said after an order and a pause. Followed by what was meant, they repair it (repairs.py); said
last, with nothing in its place, they call the order off, and nothing is switched. So they do
followed by a reason or a remark set apart: "…, nah, que lo enciendo yo", "…, deja, deja, que ya
la pone Javi", "…, era joda, el agua todavía está caliente".
"""

from __future__ import annotations

from itertools import pairwise

from .morphology import tag
from .said_words import paused, said_words

# Words that take back what was said: "digo", "perdona", "quería decir", "mejor", "espera".
TAKE_BACK = frozenset({"digo", "perdona", "perdon", "perdone", "mejor", "espera", "decir"})
# "perdona el ruido" forgives: these take back only before a pause or another such word.
APOLOGIES = frozenset({"perdona", "perdon", "perdone"})
# Words said with them: "ay no", "bueno no", "no, perdona", "o sea", "quiero decir".
WITH_THEM = frozenset({"no", "ay", "uy", "bueno", "ah", "o", "sea", "quiero", "queria", "es"})
# Pairs said so: "ay no", "o sea", and a change of mind: "…, ¿sabes qué? no", "…, ya no", "…, ni ahí".
SAID_AGAIN = frozenset(
    {("ay", "no"), ("uy", "no"), ("bueno", "no"), ("ah", "no"), ("o", "sea"), ("es", "decir"), ("que", "no"),
     ("ya", "no"), ("ni", "ahi"), ("siempre", "no"), ("que", "va")}
)  # fmt: skip
# Words that call the order off, and say nothing in its place: "…, olvídalo", "…, no, déjala", "…, da igual",
# "…, no, nada".
CALLED_OFF = frozenset(
    {"mentira", "olvidalo", "olvidate", "olvida", "cancela", "cancelalo", "esperate", "deja", "dejalo", "dejala",
     "dejalos", "dejalas", "dejelo", "dejela", "igual", "nada", "nah"}
)  # fmt: skip
# Said with them at the end: "…, bah, da igual", "…, ¿sabes qué? no", "… chin, no, espérate, ya no",
# "…, bueno, siempre no", "…, qué va".
CHANGE_OF_MIND = frozenset(
    {"bah", "da", "sabes", "sabe", "que", "ya", "chin", "ups", "uf", "oh", "eh", "pucha", "ni", "ahi", "siempre", "va"}
)

# How a thing is kept as it is ("…, déjalo así", "…, que siga tal cual"), and what is said before it.
AS_IT_IS = (("asi",), ("como", "esta"), ("tal", "cual"), ("tal", "como", "esta"), ("asi", "como", "esta"))
STAYS = (("que", "se", "quede"), ("que", "siga"))
KEPT_AS_IT_IS = tuple((*stays, *so) for stays in STAYS for so in AS_IT_IS)  # "que siga así", "que se quede…"
# Whole sayings that call it off: "…, no me hagas caso", "…, retiro lo dicho", "…, era broma, que…".
CALLED_OFF_SAYINGS = frozenset(
    {"no me hagas caso", "no me haga caso", "ni caso", "tu ni caso", "retiro lo dicho", "he cambiado de idea",
     "he cambiado de opinion", "cambie de idea", "cambie de opinion", "cambio de planes", "es broma", "era broma",
     "es una broma", "era una broma", "nel", "no era nada", "era joda", "es joda", "era chiste", "es chiste",
     "era cotorreo", "es cotorreo", "dejalo estar", "dejala estar", "dejalo tranquilo", "dejala tranquila",
     "dejala en paz", "dejalo en paz", "no le muevas", "no le mueva", "q se quede asi",
     *(" ".join(kept) for kept in KEPT_AS_IT_IS),
     *(f"{it} {' '.join(so)}" for it in ("dejalo", "dejala") for so in AS_IT_IS)}
)  # fmt: skip
# Said before a saying: "…, aunque pensándolo bien que siga así".
BEFORE_A_SAYING = frozenset({"aunque", "pensandolo", "bien", "mejor"})
# Sayings that call it off only said last: "…, tranquila, que no pasa nada" and "…, no importa que
# gaste" still ask for it.
CALLED_OFF_LAST = frozenset({"no importa", "no hace falta", "tranquilo", "tranquila", "tranqui"})
# Words that wait, and call it off before a reason ("…, espera, que todavía leo"), not before what was
# meant ("…, espera, la lámpara" repairs it). Neither does "mejor" ("…, bueno, mejor, que ya es
# tarde": better do it), nor "digo".
WAIT = frozenset({"espera", "esperate"})
IT = frozenset({"lo", "la", "los", "las"})
SOMEONE_DOES_OPENERS = frozenset({"que", "q", "ya", "luego", "despues", "mejor"})  # "que ya la pone Javi"
CHANGED_MIND = frozenset({("ya", "no"), ("siempre", "no"), ("que", "va"), ("ni", "ahi")})  # not "ay no", "o sea"
REASON_WORDS = frozenset({"que", "q", "porque"})


def takes_back(taken: list[str]) -> bool:
    """Whether these words, said after a pause, take back what came before them.

    Not a bare "no" ("…, ¿no?" asks for a yes), nor an apology said alone ("…, perdona").
    """
    apology = len(taken) == 1 and taken[0] in APOLOGIES
    return bool((set(taken) & (TAKE_BACK | CALLED_OFF) and not apology) or set(pairwise(taken)) & SAID_AGAIN)


def called_off_at_the_end(text: str) -> bool:
    """Whether the request ends by taking its order back: "apaga el termo, mejor no", "quita la tele, olvídalo".

    Or takes it back, then gives a reason or a remark: "enciende el brasero, es broma, que estamos a
    treinta grados". Not words that only take back ("…, digo, …") with something said after them in
    its place; that repairs the order.
    """
    said = said_words(text)
    plain = [w.plain for w in said]
    verb = next((i for i, w in enumerate(plain) if tag(w).order_verb), None)
    if verb is None:
        return False
    asks_yes = text.rstrip().endswith("?") and plain[-1] == "no"  # "…, ya, ¿no?": asks for a yes
    for i in range(verb + 2, len(said)):
        if not paused(text, said[i - 1], said[i]):
            continue
        for end in range(len(plain), i, -1):  # the longest words that call it off, then a remark set apart
            if end < len(plain) and not paused(text, said[end - 1], said[end]):
                continue
            before_a_reason = end < len(plain) and plain[end] in REASON_WORDS
            if _calls_it_off(plain[i:end], end == len(plain), before_a_reason, _someone_does_it(plain[end:])):
                return not asks_yes
    return False


def _someone_does_it(remark: list[str]) -> bool:
    """Whether a remark says someone will switch it: "ya la prendo yo", "que lo corta papá cuando vuelva"."""
    start = next((i for i, w in enumerate(remark) if w not in SOMEONE_DOES_OPENERS), len(remark))
    return start + 1 < len(remark) and remark[start] in IT and tag(remark[start + 1]).switch


def _calls_it_off(taken: list[str], last: bool, before_a_reason: bool, someone_does_it: bool) -> bool:
    """Whether these words, said after a pause, call the order off: words that take back, or a saying.

    Said last, any of them; before a remark set apart ("…, nah, que lo enciendo yo", "…, deja, deja,
    ya la pone Javi"), only those that call it off whatever follows, and a wait before a reason;
    "tranqui", "no importa" before a remark that someone will do it ("…, tranqui, ya la prendo yo").
    """
    sayings = CALLED_OFF_SAYINGS | CALLED_OFF_LAST if last or someone_does_it else CALLED_OFF_SAYINGS
    if _a_saying(taken, sayings):
        return True
    if not all(w in TAKE_BACK | WITH_THEM | CALLED_OFF | CHANGE_OF_MIND for w in taken) or not takes_back(taken):
        return False
    if last:
        return True
    pairs = set(pairwise(taken))
    if before_a_reason:  # "…, ay no, que la está viendo", "…, espera, que todavía leo"
        return bool(set(taken) & (CALLED_OFF | WAIT) or pairs & SAID_AGAIN)
    return bool(set(taken) & CALLED_OFF or pairs & CHANGED_MIND)  # not "…, ay no, la del espejo": a repair


def _a_saying(taken: list[str], sayings: frozenset[str]) -> bool:
    """Whether the words are one of the sayings, after words said with them ("uy, es broma").

    Not after "que" ("…, que es broma" gives a reason), but for one said in the past ("…, que era broma").
    """
    said_before = (WITH_THEM | CHANGE_OF_MIND | BEFORE_A_SAYING) - {"que"}
    if taken[:2] == ["que", "era"] and " ".join(taken[1:]) in sayings:
        return True  # "…, que era broma": said of the order, not why ("…, que no hace falta" is why)
    for start in range(len(taken)):
        if " ".join(taken[start:]) in sayings:
            return True
        if taken[start] not in said_before:
            return False
    return False
