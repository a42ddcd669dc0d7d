"""Spanish word forms, in one place: function words, plurals, gender, and the forms of switching verbs.

Everything reads words as the models do: lower case, no accents (`engine.text.normalize_lower_ascii`),
except where an accent is the only mark of a form ("apagué", the speaker's past, against "apague",
the polite order). `tag` reads each word once; the readings of a request (readings.py), the
resolver (naming.py) and the home check (home_check.py) ask the tags, not the letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .engine.text import normalize_lower_ascii
from .typos import near_any, one_slip_apart
from .vocabulary import intents_colours

# -- function words -------------------------------------------------------------------------------
DEFINITE = frozenset({"el", "la", "los", "las"})
INDEFINITE = frozenset({"un", "una"})
FEMININE = frozenset({"la", "las", "una", "unas"})
MASCULINE = frozenset({"el", "los", "un", "unos"})
SINGULAR = frozenset({"el", "la", "un", "una"})
PLURAL = frozenset({"los", "las", "unos", "unas"})
POSSESSIVE_ONE = frozenset({"mi", "tu", "su"})
POSSESSIVE_MANY = frozenset({"mis", "tus", "sus"})
DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE_ONE | POSSESSIVE_MANY
# The words after which a request names something: "la …", "del …", "en mi …".
NAMING_WORDS = DETERMINERS | {"de", "del", "en", "al"}
# Words that are no part of what a name says: "la luz de mi cuarto" names "luz" and "cuarto".
STOPWORDS = DEFINITE | INDEFINITE | POSSESSIVE_ONE | {"mis", "tus", "sus", "de", "del", "en", "a", "al", "y"}
CLITICS = frozenset({"me", "te", "se", "le", "lo", "la", "nos", "les", "los", "las"})
NOUN_ONLY = frozenset({"el", "un", "una", "unos", "unas", "del", "al"})  # never an object pronoun: a thing follows
NEGATIONS = frozenset({"no", "nunca", "ni", "tampoco", "jamas", "prohibido"})
# "evita apagar la luz": an order not to. Their typos ("ebita", "nuncaa") are read as them too.
AVOID = frozenset({"evita", "evite", "eviten", "evites", "evitar", "evitad"})
SLIPPED_NEGATIONS = frozenset({"nunca", "tampoco", "jamas", *AVOID})

# What the family calls its own: "la mesilla de mamá", "el ventilador del peque".
FAMILY = frozenset(
    {"mama", "papa", "mami", "papi", "nene", "nena", "nino", "nina", "peque", "abuela", "abuelo", "yaya", "yayo", "abu",
     "bebe"}
)  # fmt: skip
# Both of a pair said at once: "los papás", "sus padres" are where papá's and mamá's things are.
FAMILY_PAIRS = {
    "padres": ("papa", "mama"), "papas": ("papa", "mama"), "papis": ("papi", "mami"), "abuelos": ("abuelo", "abuela"),
    "yayos": ("yayo", "yaya"), "ninos": ("nino", "nina"), "nenes": ("nene", "nena"),
}  # fmt: skip

# -- colours: Home Assistant's own Spanish list, and the forms and shades it leaves out ------------
OUR_COLOURS = frozenset(
    {"rojo", "roja", "azul", "verde", "amarillo", "amarilla", "morado", "morada", "rosa", "naranja", "blanco", "blanca",
     "lila", "violeta", "turquesa", "ambar", "magenta", "celeste", "dorado", "dorada"}
)  # fmt: skip


# "café" is a colour in Home Assistant's sentences ("pon la luz en café"); in a request to switch,
# it is the coffee ("enciende la máquina del café").
NOT_COLOURS = frozenset({"cafe"})


@lru_cache(maxsize=1)
def colours() -> frozenset[str]:
    """Colour words: home-assistant-intents' Spanish colours (as installed) and ours."""
    return OUR_COLOURS | (intents_colours() - NOT_COLOURS)


# -- switching verbs ------------------------------------------------------------------------------
# The start of every on/off verb the catalog's requests use: those that say one direction, and
# those that say either ("pon", "para") or something else.
ON_STEMS = ("enciend", "encend", "prend", "activ", "conect", "arranc", "arranq", "enchuf")
OFF_STEMS = ("apag", "desactiv", "desconect", "desenchuf", "quit", "deten", "cort")
SWITCH_VERB_STEMS = (*ON_STEMS, *OFF_STEMS, "pon", "pong", "abr", "cierr")
# "parar" by its forms: as a stem, "par" also starts "parece", "pared", "parte".
STOP_FORMS = frozenset(
    {"para", "paras", "pare", "paren", "pares", "parad", "parar", "paralo", "parala", "paralos", "paralas", "paro",
     "paramos", "paraste", "pararon", "paraba", "paraban"}
)  # fmt: skip
STOP_TOLD = frozenset({"paro", "paraste", "pararon", "paraba", "paraban"})
# "da la luz", "no des la luz": "dar" switches a light on in Spain; "pícale a la cafetera" in Mexico.
GIVE_FORMS = frozenset({"da", "dale", "des", "dar", "dele", "den", "picale", "picales", "piquele", "piquenle"})
# The past of "poner" ("los leds los puse yo", "lo puso mi padre"): what someone did, never an order.
PUT_PAST = frozenset({"puse", "pusiste", "puso", "pusimos", "pusisteis", "pusieron"})
# Orders without a verb: "la lámpara de la terraza fuera", "luz del salón off".
BARE_ORDERS = frozenset({"on", "off", "fuera"})
# Orders with a verb that is no on/off verb: "dame luz en la cocina", "ilumíname el pasillo".
OTHER_ORDERS = ("dame", "danos", "ilumin")
# Forms of "poner", "abrir", "cerrar", "parar" and "dar" that ask for a switch with no on/off stem
# in them: "la tele puesta, por favor", "¿me das luz?", "deme luz en la cocina".
STATE_FORMS = frozenset(
    {"puesto", "puesta", "puestos", "puestas", "abierto", "abierta", "abiertos", "abiertas", "cerrado", "cerrada",
     "cerrados", "cerradas", "parado", "parada", "parados", "paradas", "dado", "dada", "dados", "dadas"}
)  # fmt: skip
OTHER_SWITCH_FORMS = STATE_FORMS | {"das", "deme", "denme", "dadme"}  # "¿me das luz?": asked for
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
# Endings of an on/off verb that no order has: the past ("apagaste", "encendieron"), the
# imperfect ("apagaba", "encendía") and the future ("apagaré"), accents dropped.
TOLD_ENDINGS = ("aste", "iste", "aron", "ieron", "aba", "abas", "aban", "ia", "ias", "ian", "are", "ere", "aras",
                "eras", "aran", "eran")  # fmt: skip
# The conditional, a polite order: "¿me apagarías la luz?", "¿encenderías la tele?".
POLITE_CONDITIONAL = ("ria", "rias", "rian", "riais")
# An order with its pronoun after it: "apágalo", "enciéndela", "ciérramelo".
ORDER_PRONOUNS = ("lo", "la", "los", "las", "le", "les", "melo", "mela", "selo", "sela")
# "¿apagué la luz?", "encendí la tele": the speaker's own past, told by the accent. Without it,
# "apague" is also the polite order; and "prendé", "encendé" are the voseo's orders, so -er verbs
# count with -í only. Read on the request as said (accents kept), lower case.
SPEAKER_DID = re.compile(
    r"\b(?:(?:apagu|conect|desconect|activ|desactiv|quit|cort|arranqu|enchuf|desenchuf)é|(?:encend|prend)í)\b"
)
MIN_STEM_LETTERS = 4
SLIPPED_STEM_LETTERS = 5  # a stem this long is still read with one slip in it


@dataclass(frozen=True)
class Tag:
    """What one word is, read once: the readings ask these, not the letters."""

    word: str
    switch: bool  # a form of an on/off verb ("apaga", "enciendes", "des", "para")
    slipped_switch: bool  # an on/off verb with one slip in a long stem ("desacties")
    direction: str | None  # ON or OFF where the verb says one ("da" says ON; "encinde", slipped, ON)
    participle: bool  # "apagada", "encendidos": a state
    infinitive: bool
    told: bool  # a switching verb's form that tells what happened: "apagaste", "apago", "apagaré"
    negation: bool  # "no", "nunca", "evita", even with a slip in the longer ones
    clitic: bool

    @property
    def says_switch(self) -> bool:
        """A word that may ask for a switch: an on/off verb (even slipped), "on", "off", "dame", "puesta"."""
        return (
            self.switch
            or self.slipped_switch
            or self.word in BARE_ORDERS
            or self.word.startswith(OTHER_ORDERS)
            or self.word in OTHER_SWITCH_FORMS
            or _near_switch_stem(self.word)
        )

    @property
    def order_verb(self) -> bool:
        """An on/off verb that can give an order now: not a participle."""
        return self.switch and not self.participle

    @property
    def gives_order(self) -> bool:
        """An on/off verb said as an order: not a participle, nor what was done ("apagaste")."""
        return self.order_verb and not self.told


@lru_cache(maxsize=8192)
def tag(word: str) -> Tag:
    """The word's tag (the word as the models read it: lower case, no accents)."""
    switch = word.startswith(SWITCH_VERB_STEMS) or word in GIVE_FORMS or word in STOP_FORMS
    slipped_from = frozenset() if switch else _slipped_stems(word)
    slipped = bool(slipped_from)
    return Tag(
        word=word,
        switch=switch,
        slipped_switch=slipped,
        direction=_slipped_direction(slipped_from) if slipped else direction(word),
        participle=word.endswith(PARTICIPLE_ENDINGS),
        infinitive=len(word) >= 3 and word.endswith(("ar", "er", "ir")),
        told=(switch or slipped) and word not in GIVE_FORMS and _tells_switching(word),
        negation=word in NEGATIONS or near_any(word, SLIPPED_NEGATIONS),
        clitic=word in CLITICS,
    )


def after_an_article(words: Sequence[str], i: int) -> bool:
    """Whether the i-th word follows a word that is only ever an article: "el quitamiedos" is a thing."""
    return i > 0 and words[i - 1] in NOUN_ONLY


def tags(words: Sequence[str]) -> tuple[Tag, ...]:
    """Each word's tag, in order."""
    return tuple(tag(word) for word in words)


def direction(word: str) -> str | None:
    """ON or OFF where the word is a verb form that says one ("da", "enciende"; "apaga")."""
    if word in GIVE_FORMS or word.startswith(ON_STEMS):
        return "ON"
    if word.startswith(OFF_STEMS):
        return "OFF"
    return None


def is_switch_verb(word: str) -> bool:
    """Whether a word is a form of an on/off verb ("apaga", "enciendes", "des")."""
    return tag(word).switch


def _stems_one_slip_from(word: str, shortest: int) -> frozenset[str]:
    """The on/off verb stems of `shortest` letters or more that the word begins one slip from."""
    return frozenset(
        stem
        for stem in SWITCH_VERB_STEMS
        if len(stem) >= shortest
        and any(one_slip_apart(word[:size], stem) for size in (len(stem) - 1, len(stem), len(stem) + 1))
    )


def _slipped_stems(word: str) -> frozenset[str]:
    """The on/off verb stems the word is one slip from ("ddesactivar", "desacties", "encinedas").

    Short stems ("apag", "pon") must be exact: one slip from them is too many other words.
    """
    return _stems_one_slip_from(word, SLIPPED_STEM_LETTERS)


@lru_cache(maxsize=8192)
def _near_switch_stem(word: str) -> bool:
    """Whether the word begins one slip from any on/off stem of four letters or more ("apga", "qiite").

    Too loose to read as a verb ("cost" is one slip from "cort"), enough to tell that a request may
    ask for a switch.
    """
    return bool(_stems_one_slip_from(word, MIN_STEM_LETTERS))


def _slipped_direction(stems: frozenset[str]) -> str | None:
    """The way the slipped stems switch ("encinde", one slip from "enciend": ON), if they agree."""
    directions = {"ON" if stem in ON_STEMS else "OFF" for stem in stems if stem in ON_STEMS or stem in OFF_STEMS}
    return directions.pop() if len(directions) == 1 else None


def _tells_switching(verb: str) -> bool:
    """Whether a switching verb's form says what happened or what the speaker does, not an order.

    "desenchufó" (-ó without its accent), "apagaste", "apagaba", "apagaré"; not a participle, nor
    "apágalo", an order with its pronoun, nor "¿me apagarías…?", the polite conditional.
    """
    if verb.endswith(PARTICIPLE_ENDINGS) or verb.endswith(ORDER_PRONOUNS):
        return False
    if verb in STOP_FORMS:  # "pare", "paras" are orders, though they end like "apagaré", "apagaras"
        return verb in STOP_TOLD
    if verb.endswith(POLITE_CONDITIONAL):
        return False
    return verb.endswith("o") or verb.endswith(TOLD_ENDINGS)


# -- nouns: plurals and gender --------------------------------------------------------------------
def is_plural(word: str) -> bool:
    """Whether a word looks plural: "luces", "focos"; not "gas", "tenis", "bus"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us"))


def singular_forms(word: str) -> set[str]:
    """The word, and what it may be the plural of: "luces" -> luz, "focos" -> foco, "leds" -> led."""
    forms = {word}
    if is_plural(word):
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
        if word.endswith("ces"):
            forms.add(word[:-3] + "z")
    return forms


def plural_of(word: str, names: frozenset[str]) -> bool:
    """Whether the word is the plural of one of `names` ("bombillas" of "bombilla")."""
    return word.endswith("s") and (word[:-1] in names or (word.endswith("es") and word[:-2] in names))


def plural_forms(phrase: Sequence[str]) -> set[str]:
    """The plural of a noun phrase's head word: "luz del techo" -> {"luces"}, "foco" -> {"focos"}.

    A word that already ends in -s is left alone (it may be a plural already: "focos", "leds").
    A leading article is not the head: "la tv" has no plural "las".
    """
    phrase = phrase[1:] if phrase and phrase[0] in DEFINITE | INDEFINITE | POSSESSIVE_ONE else phrase
    if not phrase or phrase[0].endswith("s"):
        return set()
    head = phrase[0]
    if head.endswith("z"):
        return {head[:-1] + "ces"}
    return {head + "s"} if head[-1] in "aeiou" else {head + "es"}


def sounds_feminine(name: str) -> bool:
    """Whether a device's name takes "encendida": its first word ends as feminine nouns do.

    "Lámpara de pie", "Luz del baño", "Televisión"; not "Brasero", "Termo". A guess for names of
    any home, right for the usual endings.
    """
    first = normalize_lower_ascii(name).split()[:1]
    return bool(first) and first[0].endswith(("a", "z", "ion", "dad", "tv"))


def same_gender(article: str, other: str) -> bool:
    """Whether two articles may name things of one kind, one or several: "los ventiladores…", "el de Lucía"."""
    both = {article, other}
    return not (both & FEMININE and both & MASCULINE)


def singular_of(noun: str) -> str:
    """One of a plural noun, as said: "ventiladores" -> "ventilador", "luces" -> "luz", "lámparas" -> "lámpara"."""
    if not is_plural(normalize_lower_ascii(noun)):
        return noun
    if noun.endswith("ces"):
        return noun[:-3] + "z"
    if noun.endswith(("ores", "ones")):
        return noun[:-2]
    return noun[:-1]


def articles_agree(article: str, other: str) -> bool:
    """Whether two articles may name the same kind of thing: not "el flexo" and "la de Lucía".

    They agree in gender and number ("las luces…" and "la de la cocina" do not).
    """
    both = {article, other}
    return not (both & FEMININE and both & MASCULINE) and not (both & SINGULAR and both & PLURAL)
