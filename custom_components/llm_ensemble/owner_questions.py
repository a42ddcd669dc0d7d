"""A state question whose subject is who has the device: "¿tiene Lucía la lámpara encendida?".

The models learnt to ask about a device by its state ("¿está encendida la lámpara de Lucía?"). A
question that has a person hold the device ("¿tiene la abuela puesto el calefactor?", "¿tiene el
peque la luz de su cuarto encendida?", "Javi tiene todavía encendido el foco", "¿Tomás sigue con el
velador prendido?") is put to them in
that form: the state, the device, and who has it after "de", as the family names rooms and devices
after their owners. Who left it so ("¿Lupita dejó prendida la cafetera?") is not who has it: the
question is asked of the device alone. Who switched it ("¿el abuelo ya apagó el velador?", "¿ha
apagado Lucía su lámpara?") left it so: the question is how it is now.
"""

from __future__ import annotations

import re

from .engine.text import normalize_lower_ascii
from .morphology import (
    DEFINITE,
    DETERMINERS,
    FEMININE,
    INDEFINITE,
    PLURAL,
    is_plural,
    singular_of,
    sounds_feminine,
    tag,
)
from .readings import LEFT, says_switch_state

HAS = frozenset({"tiene", "tienen", "tenes", "teneis"})
KEEPS = frozenset({"sigue", "siguen", "segui", "seguis"})  # "sigue … con" has it: "¿Tomás sigue con el velador…?"
# Who went out or to sleep "con" a device on has it too: "¿Sofi se durmió con el velador prendido?", "¿se ha ido
# Lucía con el ventilador en marcha?", "¿mi tío sigue despierto con la luz prendida?".
GONE = frozenset(
    {"durmio", "durmieron", "dormido", "dormida", "dormidos", "dormidas", "fue", "fueron", "ido", "salio", "salieron",
     "salido", "acosto", "acostaron", "acostado", "acostada", "acostados", "acostadas", "marcho", "marcharon",
     "marchado"}
)  # fmt: skip
AWAKE_OR_ASLEEP = frozenset({"despierto", "despierta", "despiertos", "despiertas", *(w for w in GONE if "dorm" in w)})
WHERE_TO = frozenset({"a", "al", "para", "pa"})  # "se fue al liceo con…": where to, not who
MAX_WHERE_WORDS = 3  # "a la escuela", "al liceo"
AGAIN = (("otra", "vez"), ("de", "nuevo"))  # "¿… prendido otra vez?": when, not what
HAS_OR_LEFT = HAS | LEFT  # who left it on is not its owner
LINKS = frozenset({"de", "del", "en", "a", "al"})  # "la luz de la cocina" is one thing
STILL = frozenset({"todavia", "aun", "ahora", "ya"})  # "¿… encendida todavía?"
HIS = frozenset({"su", "sus"})  # "de su cuarto": the owner's
MAX_OWNER_WORDS = 3  # "Javi", "la abuela", "Sofi y Vale" before "tiene"
NOT_OWNERS = frozenset({"quien", "quienes", "que", "cual", "cuales", "alguien", "nadie", "como", "donde", "no"})
# "nos hemos dejado…", "se ha dejado…": who left it, said by a pronoun and "haber", is no owner either.
NOT_SAID_OWNERS = frozenset({"nos", "se", "me", "te", "os", "ha", "han", "hemos", "he", "has", "habeis"})
BELIEF = frozenset({"creo", "parece", "late", "pienso", "diria", "temo"})  # "me parece que…": a hedge, not the owner
TIMES = frozenset({"anoche", "ayer", "hoy", "despues", "antes", "luego", "desde"})  # "… después de la cena"
# "… a estas horas", "… a la una de la mañana", "… a las tres": when.
AT_A_TIME = (("a", "estas", "horas"), ("a", "esta", "hora"), ("a", "la", "una"))
HOURS = frozenset({"dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"})
PARTS_OF_DAY = frozenset({"manana", "tarde", "noche", "mediodia"})  # "… esta mañana"
WORD = re.compile(r"\w+")
# Someone's past of an on/off verb ("apagó", "prendieron", "apagaste"): the accent tells "apagó" from
# "apago", what the speaker does. "ha apagado": "haber" before the participle.
SWITCHED_ENDINGS = ("ó", "aron", "ieron", "aste", "iste")
HAVE = frozenset({"ha", "han", "has", "habra", "habran", "habras", "hemos", "habeis"})
MAX_OWNER_AFTER_HAVE = 2  # "¿ha apagado Lucía…?", "¿ha apagado la abuela…?": who, after the verb
# "… o sigue encendida?", "… o no?": the other answer, said after the question, asks nothing more.
OR = "o"
GOES_ON = KEEPS | {"esta", "estan", "ya", "todavia", "aun"}  # "… o sigue con la novela?": how it goes on
NUMBERS = frozenset({"dos", "tres", "cuatro", "cinco"})  # "sus dos lámparas": the article goes by the noun


def as_state_question(text: str, with_owner: bool = True, left_as_theirs: bool = False) -> str | None:
    """The question asked of the device by its state; None where it is not one of this form.

    "¿tiene Lucía la lámpara encendida todavía?" -> "¿está encendida la lámpara de Lucía?";
    "¿tiene encendida la luz del baño?" (no owner) -> "¿está encendida la luz del baño?".
    `with_owner=False` leaves out who has it ("¿está encendida la lámpara?"): the device may be named
    without its user ("¿tiene Javi la tele grande puesta?" asks of the home's "tele grande").
    `left_as_theirs`: who left it so is taken for its owner ("¿mamá dejó prendido el velador?" ->
    "¿está prendido el velador de mamá?"), a guess for where the device alone names several.
    """
    said = [m.group() for m in WORD.finditer(text)]
    plain = [normalize_lower_ascii(w) for w in said]
    said, plain = _keeps_as_has(*_without_other_answer(*_without_hedge_or_time(said, plain)))
    said, plain = _switched_as_left(said, plain)
    # "tiene" first, or after who has it ("Javi tiene…"), never after who asks ("¿quién tiene…?").
    has = next((i for i, w in enumerate(plain[: MAX_OWNER_WORDS + 1]) if w in HAS_OR_LEFT), None)
    if has is None or len(plain) < has + 3 or NOT_OWNERS & set(plain[:has]):
        return None
    if any(tag(w).gives_order for w in plain):
        return None  # "me he dejado el hervidor enchufado, desenchúfalo": an order, not a question
    states = [i for i in range(has + 1, len(plain)) if says_switch_state(plain[i])]
    if len(states) != 1:
        return None
    phrases = _phrases(plain, has, states[0])
    before = [i for i in range(has) if plain[i] not in STILL | NOT_SAID_OWNERS]  # "Javi (todavía) tiene…"
    if not 1 <= len(phrases) + bool(before) <= 2 or any(not p for p in phrases):
        return None
    if before:
        owner_words, thing = before, phrases[0]
    else:
        # The owner: the one phrase said without an article ("Lucía"), else the first ("la abuela").
        bare = [p for p in phrases if plain[p[0]] not in DETERMINERS]
        owner_words = (bare[0] if len(bare) == 1 else phrases[0]) if len(phrases) == 2 else []
        thing = next(p for p in phrases if p is not owner_words)
    if plain[thing[0]] not in DETERMINERS:
        return None  # the device is said with its article: "la lámpara"
    device = " ".join(said[i] for i in thing if plain[i] not in HIS)
    nouns = [plain[i] for i in thing[1:] if plain[i] not in NUMBERS]
    if plain[thing[0]] in HIS and nouns:  # "su luz": "la luz"; "sus dos lámparas": "las dos lámparas"
        device = f"{_article_of(nouns[0])} {device}"
    # Who left it so owns it only where the device is theirs: "¿Tomi dejó prendida la luz de su pieza?".
    theirs = plain[has] in HAS or left_as_theirs or any(plain[i] in HIS for i in thing)
    owned = bool(owner_words) and with_owner and theirs
    of_owner = f" de {' '.join(said[i] for i in owner_words)}" if owned else ""
    is_ = "están" if plain[states[0]].endswith(("os", "as")) else "está"
    return f"¿{is_} {said[states[0]]} {device}{of_owner}?".replace(" de el ", " del ")


def _without_hedge_or_time(said: list[str], plain: list[str]) -> tuple[list[str], list[str]]:
    """The words without a hedge before them ("creo que…") or a time after ("… anoche", "… a estas horas")."""
    start = next(
        (i + 1 for i, w in enumerate(plain[: MAX_OWNER_WORDS + 1]) if w == "que" and BELIEF & set(plain[:i])), 0
    )
    end = next(
        (
            i
            for i in range(start + 1, len(plain))
            if plain[i] in TIMES
            or (plain[i] in ("esta", "este") and plain[i + 1 : i + 2] and plain[i + 1] in PARTS_OF_DAY)
            or tuple(plain[i : i + 2]) in AGAIN
            or tuple(plain[i : i + 3]) in AT_A_TIME
            or (plain[i : i + 2] == ["a", "las"] and i + 2 < len(plain) and plain[i + 2] in HOURS)
        ),
        len(plain),
    )
    return said[start:end], plain[start:end]


def _keeps_as_has(said: list[str], plain: list[str]) -> tuple[list[str], list[str]]:
    """Who "sigue … con" a device, or went out or to sleep with it, has it.

    "sigue Lucía con el ventilador" -> "tiene Lucía el ventilador"; "Sofi se fue al liceo con la luz" ->
    "Sofi tiene la luz": how they are ("despierto") and where they went are not who.
    """
    keeps = next((i for i, w in enumerate(plain[: MAX_OWNER_WORDS + 3]) if w in KEEPS | GONE), None)
    if keeps is None:
        return said, plain
    reach = plain[keeps + 1 : keeps + 2 + MAX_OWNER_WORDS + MAX_WHERE_WORDS]
    if "con" not in reach:
        return said, plain  # "¿sigue encendida la luz?": still, not who has it
    with_ = keeps + 1 + reach.index("con")
    between = [i for i in range(keeps + 1, with_) if plain[i] not in AWAKE_OR_ASLEEP]
    who = between[: next((k for k, i in enumerate(between) if plain[i] in WHERE_TO), len(between))]
    if len(who) > MAX_OWNER_WORDS:
        return said, plain
    before = [i for i in range(keeps) if plain[i] not in NOT_SAID_OWNERS]  # "se", "ha": how it was said

    def as_has(words: list[str]) -> list[str]:
        return [*(words[i] for i in before), "tiene", *(words[i] for i in who), *words[with_ + 1 :]]

    return as_has(said), as_has(plain)


def _without_other_answer(said: list[str], plain: list[str]) -> tuple[list[str], list[str]]:
    """The question without the other answer after it: "¿… su lámpara o sigue encendida?", "… o no?".

    What follows "o" names nothing (no article) or says how it goes on ("… o sigue con la novela?"),
    and orders nothing: "¿la luz o la tele?" keeps both, "…, o sea que apágala" its order.
    """
    cut = next((i for i in range(2, len(plain)) if plain[i] == OR), None)
    after = plain[cut + 1 :] if cut is not None else []
    names = bool(after) and after[0] not in GOES_ON and any(w in DETERMINERS for w in after)
    if cut is None or names or any(tag(w).gives_order for w in after) or after[:1] == ["sea"]:
        return said, plain
    return said[:cut], plain[:cut]


def _switched_as_left(said: list[str], plain: list[str]) -> tuple[list[str], list[str]]:
    """Who switched a device left it so: "el abuelo ya apagó el velador" -> "el abuelo ya dejó apagado el velador".

    Only someone's past ("apagó", "prendieron", "ha apagado"), near the start, and only before a device
    said with its article, whose gender and number the state takes.
    """
    found = _someone_switched(said, plain)
    if found is None:
        return said, plain
    verb, have = found
    # The device's article; after "ha apagado", who did it comes first ("ha apagado la abuela la estufa").
    first = verb + 2 if have else verb + 1
    article = next((j for j in range(first, len(plain)) if plain[j] in DETERMINERS and plain[j - 1] not in LINKS), None)
    if article is None or article + 1 >= len(plain) or (have and article - verb - 1 > MAX_OWNER_AFTER_HAVE):
        return said, plain
    state = _state_of(plain[verb], plain[article], plain[article + 1])
    if have:  # "ha apagado Lucía su lámpara": "Lucía dejó apagada su lámpara"
        begin, who = verb - 1, slice(verb + 1, article)
        return (
            [*said[:begin], *said[who], "dejo", state, *said[article:]],
            [*plain[:begin], *plain[who], "dejo", state, *plain[article:]],
        )
    return [*said[:verb], "dejo", state, *said[verb + 1 :]], [*plain[:verb], "dejo", state, *plain[verb + 1 :]]


def _someone_switched(said: list[str], plain: list[str]) -> tuple[int, bool] | None:
    """Where the first on/off verb is, if it tells what someone did, and whether "haber" is before it."""
    for i, word in enumerate(plain[: MAX_OWNER_WORDS + 1]):
        verb = tag(word)
        if not verb.switch or verb.direction is None:
            continue
        have = i > 0 and plain[i - 1] in HAVE and verb.participle
        return (i, have) if have or (verb.told and said[i].lower().endswith(SWITCHED_ENDINGS)) else None
    return None


def _state_of(verb: str, article: str, noun: str) -> str:
    """The participle of the switch, in the device's gender and number: "apagada", "prendidos"."""
    stem = "apagad" if tag(verb).direction == "OFF" else "prendid" if verb.startswith("prend") else "encendid"
    told = article if article in DEFINITE | INDEFINITE else _article_of(noun)  # "su luz": "la luz"
    return stem + ("a" if told in FEMININE else "o") + ("s" if told in PLURAL else "")


def _article_of(noun: str) -> str:
    """The definite article a noun takes, by its ending: "la luz", "los focos", "las lamparitas"."""
    feminine = sounds_feminine(singular_of(noun))
    if is_plural(noun):
        return "las" if feminine else "los"
    return "la" if feminine else "el"


def _phrases(plain: list[str], has: int, state: int) -> list[list[int]]:
    """The word positions of each noun phrase after "tiene" (at `has`), the state word apart.

    A phrase begins at an article that no "de" or "en" links to the one before.
    """
    phrases: list[list[int]] = []
    for i in range(has + 1, len(plain)):
        if i == state or plain[i] in STILL:
            continue
        begins = not phrases or i - 1 in (state, has) or (plain[i] in DETERMINERS and plain[i - 1] not in LINKS)
        if begins:
            phrases.append([i])
        else:
            phrases[-1].append(i)
    return phrases
