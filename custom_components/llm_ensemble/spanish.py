"""Spanish in the body: naming a catalog device in a reply, and reading a request.

The grammar says "la luz del salón"; `not_an_order` tells an order to switch now from everything
else (negations, news, questions, other changes, orders for later or on a condition).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from .engine import CatalogEntry
from .engine.text import normalize_lower_ascii
from .reasons import Reason
from .typos import near_any, one_slip_apart


def with_article(noun_phrase: str, feminine: bool) -> str:
    """The noun phrase with its definite article: "la luz", "el ventilador"."""
    return f"{'la' if feminine else 'el'} {noun_phrase}"


def of_place(noun_phrase: str, feminine: bool) -> str:
    """Say where: "del salón", "de la cocina"."""
    return f"de la {noun_phrase}" if feminine else f"del {noun_phrase}"


def device_phrase(entry: CatalogEntry) -> str:
    """Name a device: "la luz del salón"; one the house has only one of needs no room: "la cafetera".

    The genders are the catalog's own marks, carried in the model's metadata.
    """
    device = with_article(entry.device, entry.device_feminine)
    return device if entry.only_one else f"{device} {of_place(entry.room, entry.room_feminine)}"


def sounds_feminine(name: str) -> bool:
    """Whether a device's name takes "encendida": its first word ends as feminine nouns do.

    "Lámpara de pie", "Luz del baño", "Televisión"; not "Brasero", "Termo". A guess for names of
    any home, right for the usual endings.
    """
    first = normalize_lower_ascii(name).split()[:1]
    return bool(first) and first[0].endswith(("a", "z", "ion", "dad", "tv"))


def plural_forms(phrase: Sequence[str]) -> set[str]:
    """The plural of a noun phrase's head word: "luz del techo" -> {"luces"}, "foco" -> {"focos"}.

    A word that already ends in -s is left alone (it may be a plural already: "focos", "leds").
    A leading article is not the head: "la tv" has no plural "las".
    """
    phrase = phrase[1:] if phrase and phrase[0] in ARTICLES else phrase
    if not phrase or phrase[0].endswith("s"):
        return set()
    head = phrase[0]
    if head.endswith("z"):
        return {head[:-1] + "ces"}
    return {head + "s"} if head[-1] in "aeiou" else {head + "es"}


def capitalize(text: str) -> str:
    """The text with its first letter upper-case, the rest as it is."""
    return text[:1].upper() + text[1:]


# The start of every on/off verb the catalog's requests use, as the models read them (no accents):
# those that say one direction, and those that say either ("pon", "para") or something else.
ON_STEMS = ("enciend", "encend", "prend", "activ", "conect", "arranc", "arranq", "enchuf")
OFF_STEMS = ("apag", "desactiv", "desconect", "desenchuf", "quit", "deten", "cort")
SWITCH_VERB_STEMS = (*ON_STEMS, *OFF_STEMS, "pon", "pong", "abr", "cierr")
# "parar" by its forms: as a stem, "par" also starts "parece", "pared", "parte".
STOP_FORMS = frozenset(
    {"para", "paras", "pare", "paren", "pares", "parad", "parar", "paralo", "parala", "paralos", "paralas", "paro",
     "paramos", "paraste", "pararon", "paraba", "paraban"}
)
STOP_TOLD = frozenset({"paro", "paraste", "pararon", "paraba", "paraban"})
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
NEGATIONS = frozenset({"no", "nunca", "ni", "tampoco", "jamas", "prohibido"})
ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "mi", "tu", "su"})
# "evita apagar la luz": an order not to. Their typos ("ebita", "nuncaa") are read as them too.
AVOID = frozenset({"evita", "evite", "eviten", "evites", "evitar", "evitad"})
SLIPPED_NEGATIONS = frozenset({"nunca", "tampoco", "jamas", *AVOID})
# "da la luz", "no des la luz": "dar" switches a light on in Spain.
GIVE_FORMS = frozenset({"da", "dale", "des", "dar", "dele", "den"})
# The past of "poner" ("los leds los puse yo", "lo puso mi padre"): what someone did, never an order.
PUT_PAST = frozenset({"puse", "pusiste", "puso", "pusimos", "pusisteis", "pusieron"})
# Orders without a verb: "la lámpara de la terraza fuera", "luz del salón off".
BARE_ORDERS = frozenset({"on", "off", "fuera"})
COLOURS = frozenset(
    {"rojo", "roja", "azul", "verde", "amarillo", "amarilla", "morado", "morada", "rosa", "naranja", "blanco", "blanca",
     "lila", "violeta", "turquesa", "ambar", "magenta", "celeste", "dorado", "dorada"}
)
SETTINGS = frozenset(
    {"brillo", "intensidad", "velocidad", "volumen", "canal", "grados", "temperatura", "tono", "modo", "porciento",
     "color", "maximo", "minimo", "tope", "atenua", "regula", "ajusta", "sube", "baja", "subele", "bajale", "potencia",
     "tenue"}
)
# "más fuerte", "más tenue", "al tres", "a veintidós": a level, not on or off.
LEVEL_PATTERN = re.compile(
    r"\bmas (?:alt[oa]|baj[oa]|fuerte|floj[oa]|rapid[oa]|lent[oa]|despacio|oscur[oa]|clar[oa]|suave|calid[oa]|"
    r"intens[oa])\b|\bal? (?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte\w*|treinta)\b"
)
LATER = frozenset(
    {"minutos", "minuto", "horas", "segundos", "luego", "despues", "manana", "noche", "lunes", "martes", "miercoles",
     "jueves", "viernes", "sabado", "domingo", "anochecer", "amanecer", "medianoche"}
)
# "cuando salga", "a las ocho", "en cuanto llegue", "dentro de un rato"; not "cuando puedas" (now).
LATER_PATTERN = re.compile(
    r"\bcuando (?!puedas|quieras)|\ba las\b|\ba la una\b|\ben cuanto (?!puedas)|\bdentro de\b|\bantes de que\b"
    r"|\ben (?:una|media) hora\b|\ben un rato\b|\bmas tarde\b|\besta tarde\b"
)
NIGHT_FALLEN = re.compile(r"\b(?:hizo|hace|es|esta) de noche\b")  # "ya es de noche": a reason, not a time
# "si no hay nadie en casa, apaga…": an order on a condition. Not "si puedes, apaga…", "si no te
# importa…": a polite "if", said with one of these before the order.
POLITE_IF = frozenset(
    {"puedes", "puede", "podes", "quieres", "quiere", "importa", "molesta", "molestia", "amable", "posible", "parece"}
)
POLITE_REACH = 4  # "si no te importa", "si me haces el favor": the polite words come soon after "si"
CLITICS = frozenset({"me", "te", "se", "le", "lo", "la", "nos", "les", "los", "las"})
SEE_WORDS = frozenset({"ver", "aver", "haber"})  # "a ver si…" (also misspelt): a request
YES_FIRST = re.compile(r"\W*(?:sí\b|si\s*[,.!])")  # "sí, apaga…", "si, apaga…": yes, then the order
# "¿cómo se enciende…?", "¿a qué hora se apaga…?", "¿por qué…?" (not "¿por qué no apagas…?", which asks for it).
ASKS_HOW = re.compile(r"\b(?:como|cuando|donde) se\b|\bque hora\b|\bpor que (?!no\b)")
# Words that ask whether: "comprueba si…", "¿me dices si…?", "¿sabes si…?".
ASK_IF = frozenset(
    {"comprueba", "compruebe", "dices", "dime", "diga", "digas", "decir", "sabes", "sabe", "mira", "mire", "consta",
     "averigua", "pregunto"}
)
CONDITION_PATTERN = re.compile(r"\ben caso de\b|\ba menos que\b|\bsalvo que\b|\bexcepto si\b")
# Words that may stand between a negation and the verb it governs: "no me la apagues", "ni se te
# ocurra encender", "no hace falta que prendas", "no vuelvas a poner".
NEGATION_LINKS = frozenset(
    {"me", "te", "se", "lo", "la", "le", "los", "las", "nos", "les", "hace", "falta", "que", "quiero", "ocurra",
     "vayas", "vuelvas", "a", "todavia", "aun", "ya", "mas", "hagas", "hay", "necesidad", "de", "tienes", "debes",
     "molestes", "en", "tampoco", "sigas", "dejes", "puedes", "puede", "deberias", "deberia", "necesito",
     "pido", "es", "necesario", "por", "loco", "loca"}
)
NEGATION_REACH = 5
# "no toques la luz", "no hagas nada con la luz del despacho": told to leave a device alone. These
# follow a negation the way an on/off verb does; "hacer" counts with "nada" after it only.
HANDS_OFF = frozenset({"toques", "toque", "toquen", "toqueis", "cambies", "cambie", "cambien", "cambieis"})
DO_FORMS = frozenset({"hagas", "haga", "hagan", "hagais"})
# Orders with a verb that is no on/off verb: "dame luz en la cocina", "ilumíname el pasillo".
OTHER_ORDERS = ("dame", "danos", "ilumin")
# "he encendido", "acabo de apagar": the speaker did it; nothing is asked.
DONE_LEADS = frozenset({"he", "ha", "has", "han", "hemos", "habeis", "habia", "habias", "habian"})
# Endings of an on/off verb that no order has: the past ("apagaste", "encendieron"), the
# imperfect ("apagaba", "encendía") and the future ("apagaré"), accents dropped.
TOLD_ENDINGS = ("aste", "iste", "aron", "ieron", "aba", "abas", "aban", "ia", "ias", "ian", "are", "ere", "aras",
                "eras", "aran", "eran")
# The conditional, a polite order: "¿me apagarías la luz?", "¿encenderías la tele?".
POLITE_CONDITIONAL = ("ria", "rias", "rian", "riais")
# An order with its pronoun after it: "apágalo", "enciéndela", "ciérramelo".
ORDER_PRONOUNS = ("lo", "la", "los", "las", "le", "les", "melo", "mela", "selo", "sela")
JUST_DONE = ("acabo de", "acaba de", "acabamos de", "acaban de")
# "¿apagué la luz?", "encendí la tele": the speaker's own past, told by the accent. Without it,
# "apague" is also the polite order; and "prendé", "encendé" are the voseo's orders, so -er verbs
# count with -í only.
SPEAKER_DID = re.compile(
    r"\b(?:(?:apagu|conect|desconect|activ|desactiv|quit|cort|arranqu|enchuf|desenchuf)é|(?:encend|prend)í)\b"
)


def is_switch_verb(word: str) -> bool:
    """Whether a word is a form of an on/off verb ("apaga", "enciendes", "des")."""
    return word.startswith(SWITCH_VERB_STEMS) or word in GIVE_FORMS or word in STOP_FORMS


SECOND_ORDER_JOINS = frozenset({"y", "e", "luego", "despues", "tambien"})  # "apaga la tele y enciende…"


def gives_two_orders(words: Sequence[str]) -> bool:
    """Whether an on/off verb after "y" (or "luego", "después") follows another: two orders at once.

    "quita el riego y pon la fuente": one answer names one device, and the other order is lost.
    """
    verbs = [i for i, word in enumerate(words) if is_switch_verb(word)]
    return len(verbs) > 1 and any(i > verbs[0] and words[i - 1] in SECOND_ORDER_JOINS for i in verbs)


LEAVE_STEM = "dej"  # deja, déjala, dejes, dejad
AS_IT_IS = re.compile(
    r"\b(?:como (?:esta|estaba|estan|estaban)|igual(?:ito)?|asi|tal cual|tal y como|en paz|quiet[oa]s?)\b"
)
SAYS_NO_FIRST = re.compile(r"(?:^|\W)no\s*[,.!;:]")  # "la cafetera no, apaga…": a no, then the order


def leaves_as_is(words: Sequence[str]) -> bool:
    """Whether the request says to leave a device as it is: "deja la luz como está", "déjala así"."""
    return any(
        word.startswith(LEAVE_STEM) and AS_IT_IS.search(" ".join(words[i + 1 :])) for i, word in enumerate(words)
    )


def keeps_hands_off(words: Sequence[str], original: str = "") -> bool:
    """Whether the request asks that nothing be switched: a negated order, or "déjala como está".

    Not "no, apaga la tele" nor "la cafetera no, apaga la freidora": there the no answers something
    else, and an order follows; but "oye no, no pongas la freidora" is told not to.
    """
    if SAYS_NO_FIRST.search(original.lower()):
        # The no before a pause answers something else; another may still govern the order.
        rest = SAYS_NO_FIRST.sub(" , ", original.lower())
        return negates_switching(normalize_lower_ascii(rest).split())
    return negates_switching(words) or leaves_as_is(words)


def says_otherwise(words: Sequence[str], action: str) -> bool:
    """Whether every on/off verb of the request says the opposite of the action read.

    "se oye ruido fuera, da la luz" read as OFF: "da" (give light) says on. Verbs that say both
    ("la que encendiste, apágala"), or neither ("pon"), object to nothing.
    """
    directions = set()
    for word in words:
        if word in GIVE_FORMS or word.startswith(ON_STEMS):
            directions.add("ON")
        elif word.startswith(OFF_STEMS):
            directions.add("OFF")
    return len(directions) == 1 and action not in directions and action in ("ON", "OFF")


def is_negation(word: str) -> bool:
    """Whether a word says "not": "no", "nunca", "evita", or one of the longer ones with a slip."""
    return word in NEGATIONS or near_any(word, SLIPPED_NEGATIONS)


def negates_switching(words: Sequence[str]) -> bool:
    """Whether a negation governs an on/off verb: "no enciendas la tele", "evita apagar…".

    Or tells to leave the device alone: "no toques la luz", "no hagas nada con la luz". Also "no
    hace falta que prendas…": only pronouns and such links stand between them. A negation
    in a reason ("no veo nada, enciende la luz") governs another verb and is left alone.
    """
    for i, word in enumerate(words):
        if word == "nadie" and i > 0 and words[i - 1] == "que" and i + 1 < len(words) and is_switch_verb(words[i + 1]):
            return True  # "que nadie apague la tele"
        if not is_negation(word) or (word == "no" and tuple(words[max(0, i - 2) : i]) == ("por", "que")):
            continue  # "¿por qué no enciendes la luz?" asks for it
        reach = words[i + 1 : i + 1 + NEGATION_REACH]
        for before, following in zip([word, *reach], reach, strict=False):
            if is_switch_verb(following) or _slipped_switch_verb(following) or following in HANDS_OFF:
                return True
            if following == "nada" and before in DO_FORMS:
                return True
            if following not in NEGATION_LINKS:
                break
    return False


SLIPPED_STEM_LETTERS = 5  # a stem this long is still read with one slip in it


def _slipped_switch_verb(word: str) -> bool:
    """An on/off verb with one slip in its stem ("ddesactivar", "desacties", "encinedas").

    Read after a negation only. Short stems ("apag", "pon") must be exact: one slip from them is
    too many other words.
    """
    return any(
        one_slip_apart(word[:size], stem)
        for stem in SWITCH_VERB_STEMS
        if len(stem) >= SLIPPED_STEM_LETTERS
        for size in (len(stem) - 1, len(stem), len(stem) + 1)
    )


def not_an_order(words: Sequence[str], original: str = "") -> Reason | None:
    """Why a request the models read as "switch it on/off now" asks for something else, or None.

    A second reading of what the models learn from data and still sometimes miss: negations,
    reports of what was done, changes other than on/off (a colour, the brightness, the speed, the
    volume, a number), and orders for later or on a condition. Each word list was checked against
    every command of the evaluation files: none of them is caught. `original` is the request as
    said, accents kept (they tell "apagué", what the speaker did, from "apague", an order).
    """
    said = set(words)
    text = " ".join(words)
    readings: tuple[tuple[Callable[[], object], Reason], ...] = (
        (lambda: negates_switching(words), Reason.NEGATED),
        (lambda: leaves_as_is(words), Reason.LEAVE_AS_IS),
        (
            lambda: reports_switching(words)
            or tells_news(words)
            or says_it_switched(words)
            or SPEAKER_DID.search(original.lower()),
            Reason.ALREADY_DONE,
        ),
        (lambda: only_a_purpose(words), Reason.NO_SWITCH_ASKED),
        (lambda: names_both_directions(words), Reason.BOTH_DIRECTIONS),
        (
            lambda: asks_without_an_order(words, original) or asks_whether(words),
            Reason.QUESTION,
        ),
        (
            lambda: said & (COLOURS | SETTINGS) or any(char.isdigit() for char in text) or LEVEL_PATTERN.search(text),
            Reason.OTHER_CHANGE,
        ),
        (
            lambda: said & LATER - _night_fallen(text) or LATER_PATTERN.search(text) or is_conditional(words, original),
            Reason.LATER_OR_CONDITION,
        ),
    )
    return next((reason for found, reason in readings if found()), None)


def _night_fallen(text: str) -> set[str]:
    """{"noche"} when the night is the reason, not the time: "enciende la luz, que ya es de noche"."""
    return {"noche"} if NIGHT_FALLEN.search(text) and len(re.findall(r"\bnoche\b", text)) == 1 else set()


def asks_about_state(words: Sequence[str], original: str) -> bool:
    """Whether a question the models may read as a switch asks about the state instead.

    "la luz del pasillo, ¿encendida o apagada?" names both states; "¿apagué la luz del despacho?",
    "¿apagaste la cafetera?" ask about what was done. Either is answered with the state, never
    switched; a negation ("¿no has apagado…?") is left to the other checks.
    """
    if "?" not in original and "¿" not in original:
        return False
    if any(is_negation(word) for word in words):
        return False
    both_states = _on_and_off([word for word in words if _is_participle(word)])
    return both_states or says_it_switched(words) or bool(SPEAKER_DID.search(original.lower()))


def asks_without_an_order(words: Sequence[str], original: str) -> bool:
    """Whether it is a question with no on/off verb in it: "¿gasta mucho el ventilador del dormitorio?".

    A question that asks for a switch names the verb ("¿te importaría apagar…?", "¿me das la
    luz?", even with a slip: "¿te importaría acticar…?"); one about a device without it asks about
    the device ("¿qué bombilla me recomiendas para el pasillo?"), and a participle is a state
    ("¿queda alguna luz encendida…?"). Nor does one that asks how, why or when a device switches
    ("¿cómo se enciende la tele?", "¿por qué se apaga sola la luz?"). A state question is
    answered, never switched, so it is not this check's.
    """
    if "?" not in original and "¿" not in original:
        return False
    if ASKS_HOW.search(" ".join(words)):
        return True
    return not any(
        (_may_order_switch(word) or word == "das" or _slipped_switch_verb(word)) and not _is_participle(word)
        for word in words
    )


def asks_whether(words: Sequence[str]) -> bool:
    """Whether it asks if something is so: "comprueba si la freidora está apagada", "dime si…".

    With or without question marks; "a ver si enciendes…" asks for the switch instead, and is
    not one of these.
    """
    return any(
        word == "si" and not near_any(next_word, POLITE_IF) and not is_switch_verb(next_word)
        for before, word, next_word in zip(words, words[1:], words[2:], strict=False)
        if near_any(before, ASK_IF)
    )


def _may_order_switch(word: str) -> bool:
    """Whether a word can carry an order to switch: an on/off verb, or "on", "off", "fuera".

    "para" counts as the preposition, as it nearly always is in a question or beside news; so
    "¿para el riego?" is passed on, which costs an order but switches nothing wrong.
    """
    return (is_switch_verb(word) and word != "para") or word in BARE_ORDERS


def is_conditional(words: Sequence[str], original: str = "") -> bool:
    """Whether an "if" sets a condition: "si se hace de noche, enciende…", "apaga la tele si me duermo".

    Not a polite "if" ("si puedes", "si no te importa", "si me haces el favor": one of
    `POLITE_IF` right after it), nor one that asks ("a ver si enciendes…", "¿y si apagas…?": an
    on/off verb right after it), nor "sí" said first ("sí, apaga la luz": yes, with its accent or
    a comma). "en caso de que", "a menos que", "salvo que" set conditions too.
    """
    if CONDITION_PATTERN.search(" ".join(words)):
        return True
    for i, word in enumerate(words):
        if word != "si" or (i == 0 and YES_FIRST.match(original.lower())):
            continue
        after = words[i + 1 : i + 1 + POLITE_REACH]
        verb = next((w for w in after if w not in CLITICS), None)
        if verb is None or SEE_WORDS & set(words[max(0, i - 2) : i]):
            continue
        if is_switch_verb(verb) or _slipped_switch_verb(verb):
            continue
        if not any(near_any(w, POLITE_IF) for w in after) and "el favor" not in " ".join(after):
            return True
    return False


def names_both_directions(words: Sequence[str]) -> bool:
    """Whether it says both on and off in the same way: no one on/off command is all of it.

    "la luz, ¿encendida o apagada?" names two states (a question); "apaga la tele y enciende la
    luz" gives two orders. A state beside an order is the order's reason ("apaga la luz del baño,
    la dejaron prendida") and counts as one direction.
    """
    states = [w for w in words if _is_participle(w)]
    return _on_and_off(states) or _on_and_off([w for w in words if not _is_participle(w)])


def _on_and_off(forms: Sequence[str]) -> bool:
    """Whether the forms hold both an "on" word and an "off" word."""
    return any(w.startswith(ON_STEMS) for w in forms) and any(w.startswith(OFF_STEMS) for w in forms)


def _is_participle(word: str) -> bool:
    """Whether a word is a participle ("apagada", "encendidos"): a state, not an order."""
    return word.endswith(PARTICIPLE_ENDINGS)


def only_a_purpose(words: Sequence[str]) -> bool:
    """Whether its only on/off word is "para" before an infinitive: the preposition, not "parar".

    "la luz de la cocina es malísima para cocinar" says what the light is for and asks for nothing
    ("pon los leds para ambientar" has its order in "pon"; "la luz del salón encendida para leer"
    in the participle).
    """
    orders = [
        i
        for i, word in enumerate(words)
        if is_switch_verb(word) or word in BARE_ORDERS or word.startswith(OTHER_ORDERS)
    ]
    return (
        bool(orders)
        and all(words[i] == "para" and i + 1 < len(words) and _is_infinitive(words[i + 1]) for i in orders)
        and not any(_is_participle(word) for word in words)
    )


def _is_infinitive(word: str) -> bool:
    return len(word) >= 3 and word.endswith(("ar", "er", "ir"))


def tells_news(words: Sequence[str]) -> bool:
    """Whether it tells what has happened and asks for nothing ("me han regalado la tele…").

    "mi hermano ha arreglado el ventilador": a perfect tense and no on/off verb anywhere ("he
    terminado, para el riego" is passed on: see `_may_order_switch`).
    """
    told = any(lead in DONE_LEADS and _is_participle(word) for lead, word in pairwise(words))
    return told and not any(_may_order_switch(word) for word in words)


def says_it_switched(words: Sequence[str]) -> bool:
    """Whether every on/off verb in it says what happened or what the speaker does, none orders.

    "mi abuela desenchufó la lámpara" (or "desenchuó"), "anoche se encendió sola la luz", "apago la luz": the verb
    ends in -o (-ó, -ió without their accents), where an order ends in -a or -e; "¿apagaste…?",
    "apagaron", "apagaba", "ya apagaré yo" end as no order does (`TOLD_ENDINGS`). A participle
    ("encendido") is a state, not one of these, and "apágalo" is an order with its pronoun. The
    past of "poner" says what was done too.
    """
    verbs = [w for w in words if (is_switch_verb(w) or _slipped_switch_verb(w)) and w not in GIVE_FORMS]
    told = bool(verbs) or not PUT_PAST.isdisjoint(words)
    return told and all(_tells_switching(word) for word in verbs)


def _tells_switching(verb: str) -> bool:
    if _is_participle(verb) or verb.endswith(ORDER_PRONOUNS):
        return False
    if verb in STOP_FORMS:  # "pare", "paras" are orders, though they end like "apagaré", "apagaras"
        return verb in STOP_TOLD
    if verb.endswith(POLITE_CONDITIONAL):  # "¿me apagarías la luz?" asks for it
        return False
    return verb.endswith("o") or verb.endswith(TOLD_ENDINGS)


def reports_switching(words: Sequence[str]) -> bool:
    """Whether it reports what someone did: "he encendido la luz", "acabo de apagar el ventilador"."""
    for i, word in enumerate(words[:-1]):
        if word in DONE_LEADS and is_switch_verb(words[i + 1]):
            return True
        if i + 2 < len(words) and f"{word} {words[i + 1]}" in JUST_DONE and is_switch_verb(words[i + 2]):
            return True
    return False
