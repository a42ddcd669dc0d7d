"""One of several things taken back at the end: "pon la freidora y la cafetera, huy, la cafetera no".

People ask for two or three things, then take one back in the same breath: "…, bueno, el termo
no, que ya está caliente", "…; pará, el de mamá no, que está leyendo", "…, aunque el ventilador
déjalo", "…, la fuente mejor no", "…, no, espera, el cargador no lo quites". The rest is done.

Only where the words are plain: after a pause, at most a few words that take back ("bueno",
"uy", "espera"…), then the thing with its article, then "no", "mejor no", "déjalo" or "no lo
quites", and nothing after it but a reason set apart that takes back or orders nothing more. The
thing must name exactly one of the orders said before it, as said, by the first of its words ("el
cargador" for "el cargador del patinete"), or with its noun left out and an article that agrees
("el de mamá" for "el velador de mamá"). Any other request keeps every part, and the checks read
them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .morphology import DETERMINERS, after_an_article, articles_agree, tag
from .readings import REASON_WORDS, reason_gives_its_own_order, says_switch_state
from .said_words import OBJECT_PRONOUNS, OF, SaidWord, paused, said_words
from .several_orders import Order, says_no_last, split_orders, switch_verb
from .taking_back import AS_IT_IS, KEPT_AS_IT_IS, STAYS

# Said before the thing: "…, bueno, el termo no", "…; pará, el de mamá no", "…, aunque el ventilador déjalo".
BEFORE_THE_THING = frozenset(
    {"no", "bueno", "mejor", "aunque", "pero", "para", "espera", "esperate", "esperame", "uy", "huy", "ay", "ah",
     "oh", "ups", "perdon", "perdona", "mira", "che", "digo", "o", "sea"}
)  # fmt: skip
LEAVE_IT = frozenset({"dejalo", "dejala", "dejalos", "dejalas", "dejelo", "dejela", "dejelos", "dejelas"})
# "…, la de la encimera mejor dejarla": left, said better so.
BETTER_LEFT = frozenset({"dejarlo", "dejarla", "dejarlos", "dejarlas"})
# Said after "déjalo": "…, la lamparita déjala en paz", "… déjalo tranquilo", "… déjala así".
LEFT_SO = (("en", "paz"), ("tranquilo",), ("tranquila",), ("tranquilos",), ("tranquilas",), ("estar",), *AS_IT_IS)
# "…, el nuestro me lo dejas tal cual": left so by whom the order is given to.
YOU_LEAVE = frozenset({"dejas", "dejes", "deja", "deje", "dejan"})
# "…, el farol no lo cambies": not touched.
TOUCHED = frozenset({"toques", "toque", "toquen", "tocas", "cambies", "cambie", "muevas", "mueva"})
# Kept as it is: "…; el refri, como está", "…; la lámpara tal como está", "…; el foco que siga así"; or in
# the state it is in (`STAYS`, then a state): "…; el Xbox que se quede prendido".
KEPT = (*(so for so in AS_IT_IS if so != ("asi",)), *KEPT_AS_IT_IS)
MAX_THING_WORDS = 6  # "el ventilador del cuarto de Lucía"
NOR = frozenset({"tampoco", "ni"})  # "…, que la camilla tampoco": another thing taken back


@dataclass(frozen=True)
class _TakenBack:
    said_before: str  # the request before the words that take the thing back
    thing: tuple[str, ...]  # the thing taken back, its article first
    kept_in: str | None = None  # ON or OFF: the state it is to stay in ("que se quede prendido")


def what_is_left(text: str) -> str | None:
    """The request without the one thing its last words take back; None where it takes none back.

    "pon la freidora y la cafetera, huy, la cafetera no, que luego no pego ojo" -> "pon la freidora".
    """
    taken = _taken_back(text)
    if taken is None:
        return None
    orders = split_orders(taken.said_before)
    named = [k for k, order in enumerate(orders) if _names(order, taken.thing)]
    if len(orders) < 2 or len(named) != 1:
        return None
    if taken.kept_in is not None and _direction(orders[named[0]]) in (None, taken.kept_in):
        return None  # "apaga … y la radio; la radio que se quede apagada": as asked, or taken back?
    kept = [order for k, order in enumerate(orders) if k != named[0]]
    if any(says_no_last(order.text) for order in kept):
        return None  # "…, la tele no, la radio no": another thing said "no" is read whole
    return " y ".join(order.text for order in kept)


def _taken_back(text: str) -> _TakenBack | None:
    said = said_words(text)
    plain = [w.plain for w in said]
    verb = next((i for i, p in enumerate(plain) if switch_verb(p)), len(plain))
    for i in range(verb + 1, len(said)):
        if not paused(text, said[i - 1], said[i]):
            continue
        first = i
        while first < len(plain) and plain[first] in BEFORE_THE_THING:
            first += 1
        if first < len(plain) and plain[first] in DETERMINERS and (end := _thing_ends(text, said, first)):
            return _TakenBack(text[: said[i - 1].end], tuple(plain[first:end]), _kept_in(plain, end))
    return None


def _thing_ends(text: str, said: Sequence[SaidWord], first: int) -> int | None:
    """Where the thing from word `first` ends, if words that take it back follow it, and at most a reason."""
    plain = [w.plain for w in said]
    for end in range(first + 1, min(first + MAX_THING_WORDS + 1, len(plain))):
        if paused(text, said[end - 1], said[end]) or (switch_verb(plain[end]) and not after_an_article(plain, end)):
            return None  # "…, la tele no, la del salón" has no "no" of its own; "…, no la apagues" orders
        after = _after_taking_back(plain, end) if end > first + 1 else None
        if after is None:
            continue
        if after == len(plain) or _only_a_reason(text, said, after):
            return end
        return None
    return None


def _only_a_reason(text: str, said: Sequence[SaidWord], at: int) -> bool:
    """Whether the words from `at` are a reason set apart that takes back or orders nothing more.

    "…, que ya está caliente", "…, que la prende Laura cuando llegue"; not "…, que la camilla tampoco",
    nor "…, que la estoy viendo. Enciende…".
    """
    plain = [w.plain for w in said]
    if not paused(text, said[at - 1], said[at]) or plain[at] not in REASON_WORDS:
        return False
    if any(tag(p).negation or p in NOR for p in plain[at + 1 :]):
        return False
    return not reason_gives_its_own_order(text[said[at].start :])  # "…, que la prende Laura" is hers


def _after_taking_back(plain: Sequence[str], at: int) -> int | None:
    """The word after the words said at word `at` that take the thing back; None where none are.

    "no", "mejor no", "siempre no", "déjalo" ("… en paz"), "mejor dejarla", "no lo quites", "como
    está", "que se quede prendido".
    """
    if plain[at] in LEAVE_IT:
        return at + 1 + next((len(so) for so in LEFT_SO if tuple(plain[at + 1 : at + 1 + len(so)]) == so), 0)
    if (kept := _kept_as_it_is(plain, at)) is not None:
        return kept
    following = plain[at + 1] if at + 1 < len(plain) else ""
    if (plain[at] in ("mejor", "siempre") and following == "no") or (plain[at] == "mejor" and following in BETTER_LEFT):
        return at + 2  # "…, el abanico siempre no", "…, la de la encimera mejor dejarla"
    if plain[at] != "no":
        return None
    if at + 1 < len(plain) and plain[at + 1] in OBJECT_PRONOUNS:  # "no lo quites", "no lo toques"
        touched = at + 2 < len(plain) and (tag(plain[at + 2]).switch or plain[at + 2] in TOUCHED)
        return at + 3 if touched else None
    return at + 1


def _kept_as_it_is(plain: Sequence[str], at: int) -> int | None:
    """The word after "como está", "que siga así", "que se quede prendido" said at word `at`, or None.

    A state kept takes the thing back only where it is not what its order asked (`what_is_left`):
    "apaga la luz y el Xbox; el Xbox que se quede prendido", not "…; la radio que se quede apagada".
    """
    if plain[at : at + 1] == ["me"]:
        at += 1  # "me lo dejas tal cual"
    if at + 1 < len(plain) and plain[at] in OBJECT_PRONOUNS and plain[at + 1] in YOU_LEAVE:
        left = at + 2
        so = next((len(so) for so in LEFT_SO if tuple(plain[left : left + len(so)]) == so), None)
        return None if so is None else left + so
    if kept := next((len(so) for so in KEPT if tuple(plain[at : at + len(so)]) == so), 0):
        return at + kept
    state = _state_kept(plain, at)
    return None if state is None else state + 1


def _state_kept(plain: Sequence[str], at: int) -> int | None:
    """Where the state is in "que se quede prendido", "que siga apagada" said at word `at`; else None."""
    stays = next((len(so) for so in STAYS if tuple(plain[at : at + len(so)]) == so), 0)
    return at + stays if stays and at + stays < len(plain) and says_switch_state(plain[at + stays]) else None


def _kept_in(plain: Sequence[str], at: int) -> str | None:
    """ON or OFF, where the words at `at` keep the thing in a state: "que se quede prendido"; else None."""
    state = _state_kept(plain, at)
    return None if state is None else tag(plain[state]).direction


def _direction(order: Order) -> str | None:
    """ON or OFF, as the order's on/off verb says."""
    return next((tag(w.plain).direction for w in said_words(order.text) if switch_verb(w.plain)), None)


def _names(order: Order, thing: tuple[str, ...]) -> bool:
    """Whether the thing taken back names the order's object: as said, by its first words, or without its noun."""
    said = [w.plain for w in said_words(order.text)]
    verb = next((i for i, p in enumerate(said) if switch_verb(p)), None)
    if verb is None:
        return False
    first_said = verb > 0 and said[0] in DETERMINERS  # "la cafetera apágala": said before its verb
    named = said[:verb] if first_said else said[verb + 1 :]
    named, taken = _without_article(named), _without_article(list(thing))
    if not taken or not named:
        return False
    if taken[0] in OF:  # "el de mamá": "velador de mamá", said with an article that agrees
        article = said[verb + 1] if not first_said and verb + 1 < len(said) else said[0]
        return named[1:] == taken and articles_agree(thing[0], article)
    return named[: len(taken)] == taken


def _without_article(words: list[str]) -> list[str]:
    return words[1:] if words and words[0] in DETERMINERS else words
