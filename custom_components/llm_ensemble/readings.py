"""What a request asks for, read from its words' tags: an order to switch now, or something else.

A second reading of what the models learn from data and still sometimes miss: negations, reports
of what was done, changes other than on/off (a colour, the brightness, the speed, the volume, a
number), questions, and orders for later or on a condition. `READINGS` is the table, in the order
it is read; each reading is one function over the request's tags (morphology.py), and its
`Reason` is why the request is no order. Each word list was checked against every command of the
evaluation files: none of them is caught.

Every function takes the request's words as the models read them (lower case, no accents) and,
where it matters, the request as said: accents tell "apagué", what the speaker did, from
"apague", an order, and question marks tell a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise, takewhile

from .engine.text import normalize_lower_ascii
from .morphology import (
    BARE_ORDERS,
    CLITICS,
    DETERMINERS,
    FAMILY,
    GIVE_FORMS,
    OTHER_ORDERS,
    OTHER_SWITCH_FORMS,
    PUT_PAST,
    SPEAKER_DID,
    STATE_FORMS,
    Tag,
    after_an_article,
    colours,
    tag,
    tags,
)
from .reasons import Reason
from .said_words import PAUSE, SaidWord, paused, said_words
from .taking_back import called_off_at_the_end
from .typos import near_any

# After "que", these ask for how the device is to be, as the order does: "que sea roja", "que esté a
# veinte grados", "porque la quiero al máximo".
WANTS = frozenset(
    {"sea", "sean", "este", "esten", "quede", "queden", "vaya", "vayan", "ponga", "pongan", "pongas", "tenga",
     "tengan", "quiero", "queremos", "quieres", "necesito", "gustaria"}
)  # fmt: skip
WANTS_REACH = 4  # "…, que la quiero al máximo", "porque ya la quiero roja"
# Said in a reason, how hard a device is to work: "…, que caliente poquito", "…, que gire a full".
HOW_HARD = frozenset(
    {"poquito", "poquitito", "poquita", "poquitita", "bajito", "bajita", "flojito", "flojita", "suave", "suavecito",
     "suavecita", "tenue", "despacito", "despacio", "lento", "lenta", "lentito", "lentita", "full", "tope", "maximo",
     "minimo", "templado", "templada", "templadito", "templadita", "tibio", "tibia", "tibiecito", "tibiecita"}
)  # fmt: skip
# Not "mitad": "…, que se paró a la mitad" says where the wash stopped; "a media potencia" says how.
HOW_HARD_PHRASE = re.compile(
    r"\ba todo lo que da\b|\ba medio gas\b"
    r"|\ba (?:media|toda|poca|maxima|minima) (?:potencia|velocidad|intensidad|marcha)\b"
)
# Wishing a device at work, first in a reason: "…, que dé", "…, que eche", "…, que funcione" ("de": "dé").
WORKS = frozenset(
    {"de", "den", "funcione", "funcionen", "caliente", "calienten", "enfrie", "enfrien", "eche", "echen", "tire",
     "tiren", "sople", "soplen", "gire", "giren", "ilumine", "iluminen", "alumbre", "alumbren", "ande", "anden",
     "marche", "marchen", "trabaje", "trabajen", "refresque", "refresquen", "caldee", "caldeen", "avente", "aventen"}
)  # fmt: skip
GIVES = frozenset({"un", "una", "algo", "poco", "poca", "mucho", "mucha", "luz", "calor", "aire", "fresco", "lo"})
# A setting said after such a verb: "…, que caliente en la posición baja", "…, que gire en el nivel dos".
SETTING_WORDS = frozenset({"posicion", "nivel", "potencia", "velocidad", "intensidad", "modo"})
WORKS_REACH = 6  # "…, que dé un calorcito de nada": the measure soon after the verb
# How much, said after such a verb: "…, que eche un airecito", "…, que tire fuerte", "…, que dé lo justo".
HOW_MUCH = frozenset(
    {"poco", "poca", "mucho", "mucha", "muchisimo", "fuerte", "fuertecito", "flojo", "floja", "bastante", "nada",
     "justo", "justito", "mas", "menos", "calorcito", "calorcillo", "airecito", "airecillo", "fresquito",
     "lucecita", "lucecilla", "vientecito", "brisita", "tantito", "quedito", "quedita", "recio", "recia", "leve",
     "levecito", "liviano", "livianito", "pleno", "palo"}
)  # fmt: skip
# "…, para que dé una luz suave": a purpose that says how the device is to work, read as a reason is.
PURPOSE_THAT = re.compile(r"\bpara que\s+\w", re.IGNORECASE)
# A verb right after these, in a reason, tells what happens: "…, que cuando abrimos la ventana…". Not
# "luego": "…, que luego enciende la tele" is a second order.
SAYS_WHEN = frozenset({"cuando", "mientras", "si", "donde", "hoy", "manana"})
THEIRS = frozenset({"lo", "la", "los", "las", "le", "les", "se"})  # a pronoun (or article) before a verb
ER_STEMS = ("encend", "enciend", "prend", "pon")  # "-er" verbs of switching: "la enciende", "lo pone"

PART_OF_DAY = frozenset({"tarde", "noche"})  # "…, que esta tarde cortan el agua", "en la noche apagan…"
PEOPLE = FAMILY | {"hijo", "hija", "nieto", "nieta", "hermano", "hermana", "madre", "padre", "tio", "tia"}
ONGOING = ("ando", "iendo", "yendo")  # "…, que vaya calentando": it goes on working, not how
# How things are now, said before it: "…, que hace un calor a tope", "…, que ya está al máximo".
AS_THINGS_ARE = frozenset(
    {"esta", "estan", "estamos", "estoy", "es", "son", "hace", "hay", "tiene", "tienen", "sale", "salen", "va", "van",
     "anda", "andan", "gusta", "gustan"}
)  # fmt: skip
# Said first after "que", these say how the device is to be: "…, que quede flojita", "…, que vaya en el dos".
TO_BE = frozenset({"sea", "sean", "este", "esten", "quede", "queden", "vaya", "vayan", "ponga", "pongan"})
SETTINGS = frozenset(
    {"brillo", "intensidad", "velocidad", "volumen", "canal", "grados", "temperatura", "tono", "modo", "porciento",
     "color", "maximo", "minimo", "tope", "atenua", "regula", "ajusta", "sube", "baja", "subele", "bajale", "potencia",
     "tenue"}
)  # fmt: skip
# "más fuerte", "más flojito", "al tres", "a veintidós", "en el dos", "en veinticuatro": a level, not on or off.
LEVEL_PATTERN = re.compile(
    r"\bmas (?:alt|baj|fuert|floj|rapid|lent|despaci|oscur|clar|suav|calid|intens)\w*"
    r"|\b(?:al?|en|en el) (?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veint\w+|treinta)\b"
    r"(?! (?:minutos?|horas?|segundos?|dias?)\b)"  # "en diez minutos" is when
)
LATER = frozenset(
    {"minutos", "minuto", "horas", "segundos", "luego", "despues", "manana", "noche", "lunes", "martes", "miercoles",
     "jueves", "viernes", "sabado", "domingo", "anochecer", "amanecer", "medianoche"}
)  # fmt: skip
# "cuando salga", "a las ocho", "en cuanto llegue", "dentro de un rato"; not "cuando puedas" (now), nor
# "dale a las bombillitas" (a thing).
LATER_PATTERN = re.compile(
    r"\bcuando (?!puedas|quieras)|\ba las (?:\d|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece"
    r"|catorce|quince|dieci\w+|veinte|veinti\w+|tantas)\b"
    r"|\ba la una\b|\ben cuanto (?!puedas)|\bdentro de\b|\bantes de que\b"
    r"|\ben (?:una|media) hora\b|\ben un rato\b|\bmas tarde\b|\besta tarde\b"
)
# ", que llega esta noche", "porque mañana madrugo", ", ya que estás": a reason follows the order.
# Also a "que" without a comma ("apaga la tele que mañana madrugo"), but not after a word that makes
# it a time, a thing or a condition ("antes que", "el día que", "hasta que", "lo que", "la que"), nor
# before one that says where the device is or how it is to be ("la luz que está encima de la mesa",
# "la tele que hay en la bodega", "que quede al cincuenta por ciento").
NOT_A_REASON_BEFORE = (
    "lo", "la", "el", "los", "las", "hasta", "para", "siempre", "menos", "salvo", "sin", "asi", "así", "de", "vez",
    "mientras", "mas", "más", "aunque", "excepto", "a", "y", "en", "con", "por", "antes", "despues", "después",
    "luego", "dia", "día", "hora", "momento", "tan",
)  # fmt: skip
DEVICE_SAID_AFTER = (
    r"(?:hay|est[aá]n?|estaba|estaban|est[eé]n?|tengo|tiene|tienes|ten[eé]s|tenemos|da|dan|qued[ae]n?)\b"
)
NOT_A_REASON_YET = "".join(rf"(?<!\b{word})" for word in NOT_A_REASON_BEFORE)  # each a fixed-width lookbehind
REASON = re.compile(
    r"(?:,\s*(?:que|pues|ya que)|,?\s*porque)\s+\w"
    rf"|(?<=\w){NOT_A_REASON_YET}\s+que\s+(?!{DEVICE_SAID_AFTER})\w",
    re.IGNORECASE,
)
# "préndeme la tele para ver las noticias": a purpose, read as a reason only to read the order alone
# again (because.py); a time or an amount in it is still the order's ("…para tenerla caliente a las ocho").
PURPOSE = r"\s+para\s+(?=\w+?(?:ar|er|ir|ír)(?:l[oa]s?|me|te|se|nos)?\b)\w"
REASON_OR_PURPOSE = re.compile(rf"{REASON.pattern}|{PURPOSE}", re.IGNORECASE)
NIGHT_FALLEN = re.compile(r"\b(?:hizo|hace|es|esta) de noche\b")  # "ya es de noche": a reason, not a time
# "si no hay nadie en casa, apaga…": an order on a condition. Not "si puedes, apaga…", "si no te
# importa…": a polite "if", said with one of these before the order.
POLITE_IF = frozenset(
    {"puedes", "puede", "podes", "quieres", "quiere", "importa", "molesta", "molestia", "amable", "posible", "parece"}
)
POLITE_REACH = 4  # "si no te importa", "si me haces el favor": the polite words come soon after "si"
SEE_WORDS = frozenset({"ver", "aver", "haber"})  # "a ver si…" (also misspelt): a request
SI_AS_SAID = re.compile(r"(?<!\w)s[ií](?!\w)")
YES_FIRST = re.compile(r"\W*(?:sí\b|si\s*[,.!])")  # "sí, apaga…", "si, apaga…": yes, then the order
# "¿cómo se enciende…?", "¿a qué hora se apaga…?", "¿por qué…?" (not "¿por qué no apagas…?", which asks for it).
ASKS_HOW = re.compile(r"\b(?:como|cuando|donde) se\b|\bque hora\b|\bpor que (?!no\b)")
# Words that ask whether: "comprueba si…", "¿me dices si…?", "¿sabes si…?".
ASK_IF = frozenset(
    {"comprueba", "compruebe", "dices", "dime", "diga", "digas", "decir", "sabes", "sabe", "mira", "mire", "consta",
     "averigua", "pregunto", "checa", "cheque", "revisa", "revise"}
)  # fmt: skip
CONDITION_PATTERN = re.compile(r"\ben caso de\b|\ba menos que\b|\bsalvo que\b|\bexcepto si\b")
# Words that may stand between a negation and the verb it governs: "no me la apagues", "ni se te
# ocurra encender", "no hace falta que prendas", "no vuelvas a poner".
NEGATION_LINKS = frozenset(
    {"me", "te", "se", "lo", "la", "le", "los", "las", "nos", "les", "hace", "falta", "que", "quiero", "ocurra",
     "vayas", "vaya", "vayan", "vuelvas", "a", "todavia", "aun", "ya", "mas", "hagas", "hay", "necesidad", "de",
     "tienes", "debes", "molestes", "en", "tampoco", "sigas", "dejes", "puedes", "puede", "deberias", "deberia",
     "necesito", "pido", "es", "necesario", "por", "loco", "loca", "usted", "ustedes", "tu", "vos"}
)  # fmt: skip
NEGATION_REACH = 5
# "no toques la luz", "no hagas nada con la luz del despacho": told to leave a device alone. These
# follow a negation the way an on/off verb does; "hacer" counts with "nada" after it only.
HANDS_OFF = frozenset({"toques", "toque", "toquen", "toqueis", "cambies", "cambie", "cambien", "cambieis"})
DO_FORMS = frozenset({"hagas", "haga", "hagan", "hagais"})
# "he encendido", "acabo de apagar": the speaker did it; nothing is asked.
DONE_LEADS = frozenset({"he", "ha", "has", "han", "hemos", "habeis", "habia", "habias", "habian"})
JUST_DONE = ("acabo de", "acaba de", "acabamos de", "acaban de")
# Words an order may follow: "y para el riego", "oye para el riego", "venga, para la música".
CLAUSE_LEADS = frozenset({"y", "e", "oye", "oiga", "venga", "porfa", "ya", "vale", "bueno", "pues", "favor", "ahora"})
SECOND_ORDER_JOINS = frozenset({"y", "e", "luego", "despues", "tambien"})  # "apaga la tele y enciende…"
LEAVE_STEM = "dej"  # deja, déjala, dejes, dejad
AS_IT_IS = re.compile(
    r"\b(?:como (?:esta|estaba|estan|estaban)|igual(?:ito)?|asi|tal cual|tal y como|en paz|quiet[oa]s?)\b"
)
# The words a question about something begins with: "¿cómo va a estar mañana?", "¿cuándo llueve?".
INTERROGATIVES = frozenset({"que", "como", "cuanto", "cuanta", "cuantos", "cuantas", "cuando", "donde"})
# Words that make a request of a device named alone: "la luz del salón ya, por favor", "el
# calentador, si puedes". Said with a slip too ("favorr", "porfiss").
ASKING_WORDS = frozenset({"favor", "porfa", "porfis", "porfi", "porfavor", "plis", "please", "puedes", "podes",
                          "podrias", "importaria"})  # fmt: skip
# Said with them: "por favor", "si puedes", "si me haces el favor", "ya mismo".
POLITE = ASKING_WORDS | {"por", "si", "me", "haces", "el", "ya", "mismo", "ahora", "anda", "venga", "gracias"}
STILL_SO = frozenset({"sigue", "siguen", "queda", "quedan", "continua", "continuan"})  # how it is, not asked
REASON_WORDS = frozenset({"que", "porque", "para", "pues", "q"})  # a reason or a purpose after the asking
# "…, no la de pie", "… menos la de Tomás", "… en vez de la de Tomás": another device left out.
LEAVES_ONE_OUT = re.compile(
    r"\b(?:no|menos|excepto|salvo|en vez de|en lugar de)\s+(?:el|la|los|las)\s+(?:de|del)\b(?!.*\b(?:que|porque)\b)"
)
# "qué bien queda…", "qué bonito se ve…": an exclamation of how things look.
HOW_THINGS_LOOK = frozenset(
    {"bien", "mal", "bonito", "bonita", "lindo", "linda", "precioso", "preciosa", "guapo", "guapa", "chulo", "chula",
     "padre", "agradable", "acogedor", "acogedora", "elegante", "feo", "fea", "raro", "rara", "comodo", "comoda"}
)  # fmt: skip
SAYS_NO_FIRST = re.compile(r"(?:^|\W)no\s*[,.!;:]")  # "la cafetera no, apaga…": a no, then the order


@dataclass(frozen=True)
class Request:
    """A request's words, their tags, and the request as said."""

    words: tuple[str, ...]
    original: str = ""

    @cached_property
    def tags(self) -> tuple[Tag, ...]:
        """Each word's tag."""
        return tags(self.words)

    @cached_property
    def text(self) -> str:
        """The words, one space apart."""
        return " ".join(self.words)

    @cached_property
    def reason(self) -> re.Match[str] | None:
        """A reason said after the order ("…, que llega esta noche"), found once for every reading."""
        return REASON.search(self.original)

    @property
    def asked(self) -> bool:
        """Said with a question mark."""
        return "?" in self.original or "¿" in self.original


LEFT = frozenset(
    {"dejo", "deje", "dejaste", "dejasteis", "dejamos", "dejaron", "dejado", "dejada", "dejados", "dejadas"}
)
STAYED = frozenset({"quedo", "quedaste", "quedamos", "quedaron", "quedado", "quedada", "quedados", "quedadas"})
LEFT_SO = LEFT | STAYED


# -- the readings -------------------------------------------------------------------------------
def negates_switching(words: Sequence[str]) -> bool:
    """Whether a negation governs an on/off verb: "no enciendas la tele", "evita apagar…".

    Or tells to leave the device alone: "no toques la luz", "no hagas nada con la luz". Also "no
    hace falta que prendas…": only pronouns and such links stand between them. A negation
    in a reason ("no veo nada, enciende la luz") governs another verb and is left alone.
    """
    said = tags(words)
    for i, word in enumerate(said):
        if word.word == "nadie" and i > 0 and words[i - 1] == "que" and i + 1 < len(words) and said[i + 1].switch:
            return True  # "que nadie apague la tele"
        if not word.negation or (word.word == "no" and tuple(words[max(0, i - 2) : i]) == ("por", "que")):
            continue  # "¿por qué no enciendes la luz?" asks for it
        reach = said[i + 1 : i + 1 + NEGATION_REACH]
        for before, following in zip([word, *reach], reach, strict=False):
            if following.switch or following.slipped_switch or following.word in HANDS_OFF:
                return True
            if following.word == "nada" and before.word in DO_FORMS:
                return True
            if following.word not in NEGATION_LINKS:
                break
    return False


def leaves_as_is(words: Sequence[str]) -> bool:
    """Whether the request says to leave a device as it is: "deja la luz como está", "déjala así"."""
    return any(
        word.startswith(LEAVE_STEM) and AS_IT_IS.search(" ".join(words[i + 1 :])) for i, word in enumerate(words)
    )


def tells_what_was_done(request: Request) -> bool:
    """A report of a switch, news with no order, a verb that says what happened, or the speaker's past."""
    words = request.words
    return (
        reports_switching(words)
        or tells_news(words)
        or says_it_switched(words)
        or bool(SPEAKER_DID.search(request.original.lower()))
    )


def asks_something(request: Request) -> bool:
    """A question with no order in it, or one that asks whether something is so."""
    return asks_without_an_order(request.words, request.original) or asks_whether(request.words)


def asks_another_change(request: Request) -> bool:
    """A colour, a setting, a number or a level: not on or off.

    Read in the order, not in a reason said after it ("apaga la tele, que sube el volumen sola";
    "enciende la luz de la escalera, que ahora baja la abuela"), unless what follows "que" asks for
    it too: "enciende la luz, que sea roja", "…, porque la quiero al máximo".
    """
    order = request if _reason_wants(request) else _before_its_reason(request)
    said = set(order.words)
    text = order.text
    return bool(
        said & (colours() | SETTINGS)
        or any(char.isdigit() for char in text)
        or LEVEL_PATTERN.search(text)
        or _reason_says_how(request)
    )


def is_for_later(request: Request) -> bool:
    """A time to come, or a condition: not now.

    Read in the order, not in a reason or a purpose said after it: "enciende el radiador, que en media
    hora llega Carmen", "prende la cafetera para que esté el café cuando baje" are for now.
    """
    order = _before_its_reason(request)
    purpose = PURPOSE_THAT.search(order.original)
    if purpose and _readies_something_else(order.original[purpose.end() - 1 :]):
        before = order.original[: purpose.start()]
        pause = PAUSE.search(order.original, purpose.end())  # "…, pero dentro de media hora" is the order's
        if orders_without_asking(normalize_lower_ascii(before).split(), before):
            kept = before + (order.original[pause.start() :] if pause else "")
            order = Request(tuple(normalize_lower_ascii(kept).split()), kept)
    text = order.text
    return bool(
        set(order.words) & LATER - _night_fallen(text)
        or LATER_PATTERN.search(text)
        or is_conditional(order.words, order.original)
    )


def _reason_wants(request: Request) -> bool:
    """Whether what follows the order's "que" asks for how the device is to be: "…, que sea roja"."""
    reason = request.reason
    if reason is None:
        return False
    return bool(set(normalize_lower_ascii(request.original[reason.start() :]).split()[: WANTS_REACH + 1]) & WANTS)


def _reason_says_how(request: Request) -> bool:
    """Whether the reason says how the device is to be, other than on or off.

    "…, que quede flojita", "…, que se quede a la mitad", "…, que vaya en el dos", "…, que caliente
    poquito"; not "…, que se quede encendida", nor "…, que vaya a ver".
    """
    for reason in (request.reason, PURPOSE_THAT.search(request.original)):
        if reason is None:
            continue
        said = request.original[reason.end() - 1 :]
        after = normalize_lower_ascii(said).split()
        # "…, que Mateo baja despacito", "…, que la abuela lee poquito": how someone does something.
        someone = PEOPLE | {normalize_lower_ascii(w) for w in re.findall(r"\w+", said) if w[:1].isupper()}
        while after and tag(after[0]).clitic:
            after = after[1:]
        going = len(after) > 2 and after[1] == "a" and tag(after[2]).infinitive  # "que vaya a verlo": someone goes
        ongoing = len(after) > 1 and after[1].endswith(ONGOING)
        # "…, para que esté el café cuando baje": something else is to be so, not the device
        other = len(after) > 1 and after[1] in DETERMINERS
        to_be = (
            len(after) > 1
            and after[0] in TO_BE
            and not (going or ongoing or other or any(tag(w).says_switch for w in after[1:]))
        )
        if to_be or _says_how_hard(after, someone) or _works_so(after, someone):
            return True
    return False


def _works_so(reason: list[str], someone: frozenset[str]) -> bool:
    """Whether a reason asks the device to work in some measure: "…, que funcione a toda caña".

    Its first verb wishes the device at work ("que dé", "que eche", "que caliente"), and a measure
    follows: a word of how much ("…, que dé un calorcito de nada") or of a setting ("…, que caliente en
    la posición baja"), or "a" and a word that is no article nor anyone ("a tope", "a saco"; not "…, que
    eche aire a la cuna", "…, que caliente a Mateo").
    """
    if not reason or reason[0] not in WORKS or (reason[0] == "de" and reason[1:2] and reason[1] not in GIVES):
        return False
    rest = reason[1:WORKS_REACH]
    by_a = any(a == "a" and w not in DETERMINERS and w not in someone for a, w in pairwise(rest))
    return by_a or bool(set(rest) & (HOW_MUCH | SETTING_WORDS))


def _says_how_hard(reason: list[str], someone: frozenset[str]) -> bool:
    """Whether a reason says how hard the device is to work: "…, que enfríe a todo lo que da".

    Not where it says how things are now ("…, que hace un calor a tope", "…, que está al máximo"),
    nor how `someone` named before it does something.
    """
    at = next((i for i, w in enumerate(reason) if w in HOW_HARD), None)
    if at is None and (phrase := HOW_HARD_PHRASE.search(" ".join(reason))):
        at = len(" ".join(reason)[: phrase.start()].split())
    return at is not None and not (AS_THINGS_ARE | someone) & set(reason[:at])


def _before_its_reason(request: Request) -> Request:
    """The order said before a reason that gives no order of its own; else the whole request."""
    reason = request.reason
    if reason is None:
        return request
    before, after = request.original[: reason.start()], request.original[reason.end() - 1 :]
    order = Request(tuple(normalize_lower_ascii(before).split()), before)
    gives = orders_without_asking(order.words, before)
    return order if gives and not reason_gives_its_own_order(after) else request


def reason_gives_its_own_order(reason: str) -> bool:
    """Whether a reason gives an on/off order of its own.

    Not with a verb that follows a word saying when or whether: "…, que cuando abrimos la ventana
    entra el polen", "…, que mañana cortan la luz" tell what happens, not what to do.
    """
    told: list[str] = []
    when = False
    said = said_words(reason)
    for before, word in zip([None, *said], said, strict=False):
        if before is not None and paused(reason, before, word):
            when = False  # "…, que es de noche, enciende la luz": an order after the pause
        # "…, que si lo pongo más tarde…": its pronoun between; "…, que la quita el programador", "…,
        # que le da de lleno": a pronoun before the verb, someone's doing, no order (that puts it after)
        done = before is not None and before.plain in THEIRS and not when and _someone_does(word.plain)
        if not ((when or done) and tag(word.plain).switch) and not _a_purpose(said, word):
            told.append(word.plain)
        part_of_day = word.plain in PART_OF_DAY and before is not None and before.plain in {"esta", "la"}
        when = word.plain in SAYS_WHEN or part_of_day or (when and tag(word.plain).clitic)
    return orders_without_asking(told, reason)


def _a_purpose(said: Sequence[SaidWord], word: SaidWord) -> bool:
    """Whether the word is "para" before an infinitive: "…, que me sobra para picar la cebolla" stops nothing."""
    following = next((w for w in said if w.start > word.start), None)
    return word.plain == "para" and following is not None and tag(following.plain).infinitive


def _someone_does(verb: str) -> bool:
    """Whether an on/off verb is someone's doing now: "quita", "da", "enciende", "ponen".

    Not "la enciendes" (you), nor "que se encienda", "que la apague" (wished): those may ask for it.
    """
    if not tag(verb).switch or verb.endswith("s"):
        return False
    return verb.endswith(("e", "en") if verb.startswith(ER_STEMS) else ("a", "an"))


READINGS: tuple[tuple[Reason, Callable[[Request], bool]], ...] = (
    (Reason.NEGATED, lambda r: negates_switching(r.words)),
    (Reason.LEAVE_AS_IS, lambda r: leaves_as_is(r.words)),
    (Reason.ALREADY_DONE, tells_what_was_done),
    (Reason.TAKEN_BACK, lambda r: called_off_at_the_end(r.original)),
    (Reason.OTHER_DEVICE, lambda r: leaves_one_out(r.original)),
    (Reason.NO_SWITCH_ASKED, lambda r: only_a_purpose(r.words)),
    (Reason.BOTH_DIRECTIONS, lambda r: names_both_directions(_before_its_reason(r).words)),
    (Reason.QUESTION, asks_something),
    (Reason.OTHER_CHANGE, asks_another_change),
    (Reason.LATER_OR_CONDITION, is_for_later),
    (Reason.NO_SWITCH_ASKED, lambda r: exclaims(r)),  # defined below, read when called
    (Reason.NO_SWITCH_ASKED, lambda r: only_remarks(r.words)),  # the last: any other reason says more
)


def not_an_order(words: Sequence[str], original: str = "") -> Reason | None:
    """Why a request the models read as "switch it on/off now" asks for something else, or None.

    The first of `READINGS` that finds its mark.
    """
    request = Request(tuple(words), original)
    return next((reason for reason, found in READINGS if found(request)), None)


# -- readings other steps ask on their own --------------------------------------------------------
def begins_with_an_order(text: str) -> bool:
    """Whether a request (or a part) begins with an on/off verb: an order, whatever the selector reads.

    Or a clause after a pause does: "venga, pon la camilla", "buenos días, pon la cafetera", "no
    veo nada, enciende la luz". Its checks still read the whole request (a condition, a negation).
    """
    said = said_words(text)
    if said and tag(said[0].plain).order_verb:
        return True
    return any(paused(text, before, word) and _gives_an_order(word.said(text)) for before, word in pairwise(said))


def _gives_an_order(word: str) -> bool:
    """An on/off verb that gives an order: not "apagué", "apagaste" (what was done)."""
    said = tag(normalize_lower_ascii(word))
    return said.gives_order and not SPEAKER_DID.fullmatch(word.lower())


def gives_two_orders(words: Sequence[str]) -> bool:
    """Whether an on/off verb after "y" (or "luego", "después") follows another: two orders at once.

    "quita el riego y pon la fuente": one answer names one device, and the other order is lost.
    """
    verbs = [i for i, t in enumerate(tags(words)) if t.switch]
    # "… y ensiende la luz del aseo": a slipped verb after a join is another order too
    joined = [i for i, t in enumerate(tags(words)) if (t.switch or t.slipped_switch) and i > 0]
    return bool(verbs) and any(i > verbs[0] and words[i - 1] in SECOND_ORDER_JOINS for i in joined)


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
    directions = {t.direction for t in tags(words) if t.direction}
    return len(directions) == 1 and action not in directions and action in ("ON", "OFF")


HOME_WORD = "casa"


def names_another_home(words: Sequence[str], own_names: Sequence[Sequence[str]] = ()) -> bool:
    """Whether it speaks of a home other than this one: "el termotanque de la casa de la costa".

    Or "la luz en casa de mi madre"; not "las luces de la casa" (this one), nor where a name of
    this home's own says "casa de" ("Casa de invitados").
    """
    own = any(
        word == HOME_WORD and following in ("de", "del") for name in own_names for word, following in pairwise(name)
    )
    return not own and any(
        word == HOME_WORD and following in ("de", "del") and i + 2 < len(words)
        for i, (word, following) in enumerate(pairwise(words))
    )


def orders_without_asking(words: Sequence[str], original: str) -> bool:
    """Whether it gives an on/off order and asks nothing: never a question about a state.

    "apaga la tele, anda" ("anda" as in "come on", not "¿anda encendida…?"): no question mark, and
    a verb that orders (not a participle, not what someone did).
    """
    request = Request(tuple(words), original)
    return not request.asked and any(t.gives_order for t in request.tags)


def ordered_direction(words: Sequence[str]) -> str | None:
    """ON or OFF where every on/off verb that gives an order says that way ("apaga…"); else None."""
    directions = {t.direction for t in tags(words) if t.gives_order}
    return directions.pop() if len(directions) == 1 and None not in directions else None


def asks_about_state(words: Sequence[str], original: str) -> bool:
    """Whether a question the models may read as a switch asks about the state instead.

    "la luz del pasillo, ¿encendida o apagada?" names both states; "¿apagué la luz del despacho?",
    "¿apagaste la cafetera?" ask about what was done. Either is answered with the state, never
    switched; a negation ("¿no has apagado…?") is left to the other checks. So is how a device
    was left, asked or told (`tells_how_it_was_left`).
    """
    request = Request(tuple(words), original)
    if any(t.negation for t in request.tags):
        return False
    if tells_how_it_was_left(request):
        return True
    if not request.asked:
        return False
    both_states = _on_and_off([t for t in request.tags if t.participle])
    return (
        both_states or says_it_switched(words) or bool(SPEAKER_DID.search(original.lower())) or asks_how_it_is(request)
    )


def tells_how_it_was_left(request: Request) -> bool:
    """Whether it says how a device was left, and orders nothing: "nos dejamos la guirnalda encendida anoche".

    A verb of leaving or staying ("dejamos", "se quedó", "se ha quedado") with a state after it,
    asked or not: the family wants to know, or to be told, how it is ("se quedó prendida la luz
    del baño, apágala" orders).
    """
    said = request.tags
    return not any(t.gives_order for t in said) and any(
        t.word in LEFT_SO and any(names_a_state(later.word) for later in said[i + 1 :]) for i, t in enumerate(said)
    )


def asks_how_it_is(request: Request) -> bool:
    """Whether it asks how a device is, giving no order: "¿dejasteis encendida la freidora?".

    Or "¿se quedó puesta…?", "¿siguen prendidos los aspersores?": a question with a state of
    switching in it and no on/off verb that orders ("¿me pones la tele?" orders).
    """
    return (
        request.asked
        and any(names_a_state(t.word) for t in request.tags)
        and not any(t.gives_order for t in request.tags)
    )


def names_a_state(word: str) -> bool:
    """A state a device is in: "encendida", "puesto", "funcionando"; not "das" ("¿me das luz?")."""
    said = tag(word)
    return (said.participle and said.switch) or word in STATE_FORMS or word in RUNNING


# "¿está funcionando…?", "¿sigue en marcha…?": a running device asked about, besides a participle.
RUNNING = frozenset({"funcionando", "marcha", "andando", "prendido", "prendida"})
# "¿está calentando el termo?", "¿sigue enfriando el minisplit?", "¿está sonando la radio?": a device at work
# asked about. Not a state of switching for the weather's check: "¿está calentando el sol?" may be the weather's.
AT_WORK_WORDS = frozenset({"calentando", "enfriando", "sonando", "girando", "jalando", "regando"})


def asks_whether_switched(words: Sequence[str], original: str) -> bool:
    """Whether it asks if a device is on or off: "¿se ha quedado encendida la luz de la escalera?".

    A question with a state of switching in it (a participle of an on/off verb, "puesta",
    "funcionando", "calentando", "sonando"): the domotics model's to read, whatever the selector says; its
    checks decide.
    """
    request = Request(tuple(words), original)
    return request.asked and any(says_switch_state(t.word) or t.word in AT_WORK_WORDS for t in request.tags)


def wishes_a_state(words: Sequence[str], original: str) -> bool:
    """Whether it asks, with no question, for a device to be on or off: "el brasero encendido, porfa".

    The device said first, its state, then only words that ask ("por favor", "si puedes") up to a
    reason or the end: an order, not a state question, the domotics model's to read whatever the
    selector says; its checks decide. Not "el brasero sigue encendido, por favor" (how it is), "el
    brasero encendido no, por favor", nor "no quiero el brasero encendido, por favor".
    """
    request = Request(tuple(words), original)
    if request.asked or not words or words[0] not in DETERMINERS:
        return False
    at = next((i for i, t in enumerate(request.tags) if says_switch_state(t.word)), None)
    if at is None or any(t.negation or t.switch or t.word in AS_THINGS_ARE | STILL_SO for t in request.tags[:at]):
        return False
    asking = list(takewhile(lambda w: w not in REASON_WORDS, words[at + 1 :]))
    return bool(asking) and all(w in POLITE for w in asking) and bool(set(asking) & ASKING_WORDS)


def says_switch_state(word: str) -> bool:
    """A state of switching: a participle of an on/off verb, "puesta", "funcionando"."""
    said = tag(word)
    return (said.participle and said.switch) or word in OTHER_SWITCH_FORMS or word in RUNNING


def asks_without_an_order(words: Sequence[str], original: str) -> bool:
    """Whether it is a question with no on/off verb in it: "¿gasta mucho el ventilador del dormitorio?".

    A question that asks for a switch names the verb ("¿te importaría apagar…?", "¿me das la
    luz?", even with a slip: "¿te importaría acticar…?"); one about a device without it asks about
    the device ("¿qué bombilla me recomiendas para el pasillo?"), and a participle is a state
    ("¿queda alguna luz encendida…?"). Nor does one that asks how, why or when a device switches
    ("¿cómo se enciende la tele?", "¿por qué se apaga sola la luz?"). A state question is
    answered, never switched, so it is not this check's.
    """
    request = Request(tuple(words), original)
    if not request.asked:
        return False
    if ASKS_HOW.search(request.text):
        return True
    return not any(
        (_may_order_switch(t) or t.word == "das" or t.slipped_switch) and not t.participle for t in request.tags
    )


def asks_whether(words: Sequence[str]) -> bool:
    """Whether it asks if something is so: "comprueba si la freidora está apagada", "dime si…".

    With or without question marks; "a ver si enciendes…" asks for the switch instead, and is
    not one of these.
    """
    return any(
        word == "si" and not near_any(next_word, POLITE_IF) and not tag(next_word).switch
        for before, word, next_word in zip(words, words[1:], words[2:], strict=False)
        if near_any(before, ASK_IF)
    )


def _readies_something_else(purpose: str) -> bool:
    """Whether a purpose ("para que …") has another thing ready by a time, so the device works from now.

    "… para que esté el café cuando baje", "… para que esté el agua caliente a las ocho": "esté" and
    a thing said with its article. Not "… para que se encienda a las seis", "… para que arranque
    cuando nos vayamos", nor "… para que los niños se duerman cuando acabe la peli" (whose time may
    be the order's).
    """
    words = normalize_lower_ascii(purpose).split()
    ready = len(words) > 1 and words[0] in {"este", "esten"} and words[1] in DETERMINERS
    return ready and not any(tag(w).switch for w in words)


def is_conditional(words: Sequence[str], original: str = "") -> bool:
    """Whether an "if" sets a condition: "si se hace de noche, enciende…", "apaga la tele si me duermo".

    Not a polite "if" ("si puedes", "si no te importa", "si me haces el favor": one of
    `POLITE_IF` right after it), nor one that asks ("a ver si enciendes…", "¿y si apagas…?": an
    on/off verb right after it), nor "sí" (yes: "apaga el ventilador, ¿sí?"; said first, also
    without its accent before a comma: "si, apaga la luz"), nor "por si" (a precaution: "por si
    acaso"). "en caso de que", "a menos que", "salvo que" set conditions too.
    """
    if CONDITION_PATTERN.search(" ".join(words)):
        return True
    # Each "si" as said: one with its accent is a yes ("apaga el ventilador, ¿sí?"), never an if.
    said_yes = iter(form == "sí" for form in SI_AS_SAID.findall(original.lower()))
    for i, word in enumerate(words):
        if word == "si" and next(said_yes, False):
            continue
        if word != "si" or (i == 0 and YES_FIRST.match(original.lower())) or (i > 0 and words[i - 1] == "por"):
            continue  # "por si acaso, enciende…", "por si viene alguien": a precaution, done now
        after = words[i + 1 : i + 1 + POLITE_REACH]
        verb = next((w for w in after if w not in CLITICS), None)
        if verb is None or SEE_WORDS & set(words[max(0, i - 2) : i]):
            continue
        if tag(verb).switch or tag(verb).slipped_switch:
            continue
        if not any(near_any(w, POLITE_IF) for w in after) and "el favor" not in " ".join(after):
            return True
    return False


def names_both_directions(words: Sequence[str]) -> bool:
    """Whether it says both on and off in the same way: no one on/off command is all of it.

    "la luz, ¿encendida o apagada?" names two states (a question); "apaga la tele y enciende la
    luz" gives two orders. A state beside an order is the order's reason ("apaga la luz del baño,
    la dejaron prendida") and counts as one direction. A device named like a verb after its article
    ("el quitamiedos") says no way.
    """
    said = [t for i, t in enumerate(tags(words)) if not after_an_article(words, i)]
    return _on_and_off([t for t in said if t.participle]) or _on_and_off([t for t in said if not t.participle])


def only_a_purpose(words: Sequence[str]) -> bool:
    """Whether its only on/off word is "para" before an infinitive: the preposition, not "parar".

    "la luz de la cocina es malísima para cocinar" says what the light is for and asks for nothing
    ("pon los leds para ambientar" has its order in "pon"; "la luz del salón encendida para leer"
    in the participle).
    """
    said = tags(words)
    orders = [i for i, t in enumerate(said) if t.switch or t.word in BARE_ORDERS or t.word.startswith(OTHER_ORDERS)]
    return (
        bool(orders)
        and all(words[i] == "para" and i + 1 < len(words) and said[i + 1].infinitive for i in orders)
        and not any(t.participle for t in said)
    )


def leaves_one_out(original: str) -> bool:
    """Whether, after the order, another device is said only to be left out.

    "apaga la lámpara, no la de pie", "… menos la de Tomás", "… en vez de la de Tomás", "apaga todas
    las luces menos la del salón": the models may read the device left out as the one meant, and
    the agent does not switch "all but one". Read as said: "…, ay no, la del espejo" (a pause after
    "no") is a correction, as is a "no" said first (corrections.py).
    """
    text = original.lower().strip(" ¿¡")
    return bool(LEAVES_ONE_OUT.search(text)) and not text.startswith(("no ", "mejor no "))


def exclaims(request: Request) -> bool:
    """Whether it exclaims how things look and orders nothing: "qué bien queda el salón con la lámpara encendida".

    "Qué" and a word of how things look ("¡qué bonito se ve el jardín con la guirnalda prendida!"), no
    question mark, no on/off verb given as an order anywhere.
    """
    words = request.words
    if request.asked or len(words) < 2 or words[0] != "que" or words[1] not in HOW_THINGS_LOOK:
        return False
    return not any(gives_order_at(words, i) for i in range(len(words)))


def only_remarks(words: Sequence[str]) -> bool:
    """Whether nothing in it asks for anything: "la campana hace un ruido insoportable".

    Or "el flexo me lo regaló mi hermana", "la lavadora ya terminó", "compra bombillas para el
    salón". No word that may switch (`Tag.says_switch`; "para" only as a verb), no "por favor", "si
    puedes", "a ver si": whatever way the models read it, on or off is their guess.
    """
    said = tags(words)
    switches = any(t.says_switch and not _says_for(words, i) for i, t in enumerate(said))
    asks = switches or any(near_any(w, ASKING_WORDS) for w in words)
    return not asks and not _sees_if(words)


def gives_order_at(words: Sequence[str], i: int) -> bool:
    """Whether the i-th word is an on/off verb said as an order ("para" only as the verb).

    Not a device named like a verb after an article ("el quitamiedos").
    """
    return tag(words[i]).gives_order and not _says_for(words, i) and not after_an_article(words, i)


def _says_for(words: Sequence[str], i: int) -> bool:
    """Whether "para" is the preposition ("compra bombillas para el salón"), not the verb "parar".

    The verb begins the request or follows a join or a call ("oye, para el riego").
    """
    return words[i] == "para" and i > 0 and words[i - 1] not in CLAUSE_LEADS


def tells_news(words: Sequence[str]) -> bool:
    """Whether it tells what has happened and asks for nothing ("me han regalado la tele…").

    "mi hermano ha arreglado el ventilador": a perfect tense and no on/off verb anywhere ("he
    terminado, para el riego" is passed on: see `_may_order_switch`).
    """
    said = tags(words)
    told = any(lead.word in DONE_LEADS and word.participle for lead, word in pairwise(said))
    return told and not any(_may_order_switch(t) for t in said)


def says_it_switched(words: Sequence[str]) -> bool:
    """Whether every on/off verb in it says what happened or what the speaker does, none orders.

    "mi abuela desenchufó la lámpara" (or "desenchuó"), "anoche se encendió sola la luz", "apago la
    luz": the verb ends in -o (-ó, -ió without their accents), where an order ends in -a or -e;
    "¿apagaste…?", "apagaron", "apagaba", "ya apagaré yo" end as no order does. A participle
    ("encendido") is a state, not one of these, and "apágalo" is an order with its pronoun. The
    past of "poner" says what was done too.
    """
    verbs = [t for t in tags(words) if (t.switch or t.slipped_switch) and t.word not in GIVE_FORMS]
    told = bool(verbs) or not PUT_PAST.isdisjoint(words)
    return told and all(t.told for t in verbs)


def reports_switching(words: Sequence[str]) -> bool:
    """Whether it reports what someone did: "he encendido la luz", "acabo de apagar el ventilador"."""
    for i, word in enumerate(words[:-1]):
        if word in DONE_LEADS and tag(words[i + 1]).switch:
            return True
        if i + 2 < len(words) and f"{word} {words[i + 1]}" in JUST_DONE and tag(words[i + 2]).switch:
            return True
    return False


def _may_order_switch(word: Tag) -> bool:
    """Whether a word can carry an order to switch: an on/off verb, or "on", "off", "fuera".

    "para" counts as the preposition, as it nearly always is in a question or beside news; so
    "¿para el riego?" is passed on, which costs an order but switches nothing wrong.
    """
    return (word.switch and word.word != "para") or word.word in BARE_ORDERS


def _on_and_off(forms: Sequence[Tag]) -> bool:
    """Whether the forms hold both an "on" word and an "off" word, as spelt ("da" is no participle)."""
    said = [t for t in forms if not t.slipped_switch]
    return any(t.direction == "ON" and t.word not in GIVE_FORMS for t in said) and any(
        t.direction == "OFF" for t in said
    )


def _sees_if(words: Sequence[str]) -> bool:
    """Whether it says "a ver si…": asks for what follows ("a ver si cortas el calentador")."""
    return any(before in SEE_WORDS and word == "si" for before, word in pairwise(words))


def _night_fallen(text: str) -> set[str]:
    """{"noche"} when the night is the reason, not the time: "enciende la luz, que ya es de noche"."""
    return {"noche"} if NIGHT_FALLEN.search(text) and len(re.findall(r"\bnoche\b", text)) == 1 else set()
