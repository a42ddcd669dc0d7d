"""Several orders in one request: "apaga la tele y enciende la luz del pasillo".

The request is cut where another order begins: an on/off verb, or a question ("dime…", "¿qué
tiempo…?"), after "y", "luego", "después", "también", a comma or the end of a sentence, once a
first one has begun; or, where the verb carries its object's pronoun ("… y la luz del pasillo
apágala"), at the join before its object. Each
part is decided by the models and checked as if it were said alone (a part that begins with an
on/off verb is the domotics model's to read, whatever the selector says of it). The request is
carried out only if every part is sure (a switch, a state answer, a weather answer); otherwise it
is passed on whole, and nothing is switched. One reply says what was done, part by part.
A part may ask for a change of brightness or speed ("… y baja un poco la luz": adjustments.py).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from homeassistant.core import Context, HomeAssistant

from . import adjustments, home_check, named_outcome, readings, weather_answers
from .engine import ROUTE_DOMOTICS, ROUTE_WEATHER, Decision, ModelInfo
from .engine.text import normalize_lower_ascii
from .morphology import (
    CLITICS,
    DEFINITE,
    DETERMINERS,
    PLURAL,
    POSSESSIVE_MANY,
    POSSESSIVE_ONE,
    SINGULAR,
    STOPWORDS,
    after_an_article,
    articles_agree,
    same_gender,
    singular_of,
    tag,
)
from .readings import ASK_IF, INTERROGATIVES, LATER, PEOPLE, REASON, begins_with_an_order
from .reasons import PassOn, Reason
from .reply import Outcome
from .said_words import OBJECT_PRONOUNS, OF, SENTENCE_END, WORD, SaidWord, paused, said_words
from .settings import Settings

MAX_ORDERS = 3
JOINS = frozenset({"y", "e", "luego", "despues", "tambien", "ademas"})
# "y de paso", "y ya", "y ahora la del recibidor", "y enseguida el regador"
FILLERS = frozenset({"de", "paso", "porfa", "por", "favor", "entonces", "ya", "ahora", "ahorita", "enseguida"})
AT_ONCE = ("de", "una", "vez")  # "y de una vez", as "y de paso"
# "dime", and the voseo's "decime", "contame", "fijate (si…)": a question begins.
QUESTION_STARTS = frozenset(
    {"dime", "digame", "dinos", "decime", "decinos", "cuentame", "contame", "contanos", "fijate", "llueve", "llovera"}
)
ASK_IF_REACH = 3  # "comprueba si", "mira a ver si": the "si" soon after the word that asks
QUESTION_PAIRS = frozenset(
    {("que", "tiempo"), ("que", "temperatura"), ("va", "a"), ("hace", "frio"), ("hace", "calor")}
)
# A question that asks something begins with one of these: "¿cómo va a estar mañana?", "¿hace frío?".
WEATHER_VERBS = frozenset({"hace", "hara", "llovera"})
QUESTION_OPENERS = INTERROGATIVES | {"va", "vamos"}  # "¿va a llover?", "¿a cuánto vamos a estar?"
QUESTION_WORDS = WEATHER_VERBS | QUESTION_OPENERS
PREPOSITIONS = frozenset({"a", "de", "en", "por", "para", "con", "desde", "hasta"})  # before a question word
CONDITION_STARTS = frozenset({"si", "cuando"})
ALL_OF_THEM = frozenset({"todos", "todas"})  # "todas las lamparitas de Ana y de Pedro"
PLURAL_DETERMINERS = frozenset({"los", "las", "mis", "tus", "sus", "unos", "unas", "nuestros", "nuestras"})
LE = ("le", "les")  # "apágale a…", "préndeles a…"
PAST_ENDINGS = ("aron", "ieron", "aste", "iste", "aba", "aban")
PLACE_OF = re.compile(r"\b(?:de|del|en)\b")  # an order that names a place (or a device's part) of its own
ALSO = frozenset({"tambien", "ademas"})
HOW_LONG = frozenset({"tiempo", "rato", "ratito", "minutos", "horas"})
# Words that end an object after "y" and name no one: "las luces de arriba y ya", "… y también".
NOT_OWNERS = (
    STOPWORDS | FILLERS | ALSO | LATER
    | {"eso", "tal", "ahora", "todo", "todos", "todas", "mas", "nada", "algo", "otro", "otra", "otros", "otras", "asi"}
)  # fmt: skip
# "y la del lavadero también", "y la estufita también, que ya baja": said of the device, not of its reason.
TRAILING_ALSO = re.compile(r"[\s,]+(?:tambi[eé]n|adem[aá]s)(?=\W*$|\s*,\s*(?:que|q|porque)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Order:
    """One part of a request: its text, said alone, and whether it borrows another part's verb."""

    text: str
    shares_verb: bool = False


def split_orders(text: str) -> list[Order]:
    """The orders a request gives, each said alone; the request itself when it gives one.

    - "apaga la tele y enciende la luz" -> "apaga la tele", "enciende la luz";
    - "apaga la tele y la luz del pasillo" -> "apaga la tele", "apaga la luz del pasillo" (the verb
      is shared);
    - "apaga la luz del pasillo y la de la escalera" -> …, "apaga la luz de la escalera" (the noun
      left out is the one before).
    """
    said = said_words(text)
    plain = [w.plain for w in said]
    orders = []
    for start, end in _clauses(text, said, plain):
        orders += _objects(text, said, plain, start, end)
    cleaned = [replace(order, text=TRAILING_ALSO.sub("", order.text).strip(" ,;.")) for order in orders]
    cleaned = cleaned[:1] + [o for o in cleaned[1:] if not _a_word_of_courtesy(o.text)]  # "prendeme la luz, dale"
    if len(cleaned) < 2 or not all(order.text for order in cleaned) or any(map(_sets_a_condition, cleaned)):
        return [Order(text)]  # "si llueve, quita el riego": one order, on a condition
    if _refused(cleaned[0]) and not any(map(_asks_or_orders, cleaned[1:])):
        return [Order(text)]  # "no prendas el boiler, el agua ya está caliente": one refusal, and its reason
    return _with_place_said_first(text, said, _with_nouns_left_out(cleaned))


def says_no_last(text: str) -> bool:
    """Whether an order says "no" last, before any reason: "apaga el deshumidificador no", "…, el toallero no, que…".

    Not "…, ¿no?", which asks for a yes.
    """
    reason = REASON.search(text)
    order = text[: reason.start()] if reason else text
    said = said_words(order)
    return len(said) > 1 and said[-1].plain == "no" and not order.rstrip().endswith("?")


def _a_word_of_courtesy(text: str) -> bool:
    """A last part of one word that orders nothing of its own: "dale", "venga" (not "apágala").

    Or that word, a pause, and words that order nothing: "…, dale, que Juli ya se durmió", "…, dale,
    ¿no?"; not "…; pará, el de mamá no": a thing said "no" to before any reason takes it back.
    """
    said = said_words(text)
    if not said or said[0].plain.endswith(OBJECT_PRONOUNS):
        return False
    reason = next((k for k in range(1, len(said)) if _reason_begins(text, said, k)), len(said))
    rest = [w.plain for w in said[1:]]
    before_reason = rest[: reason - 1]
    takes_back = any(tag(w).negation for w in before_reason) and bool(DETERMINERS & set(before_reason))
    orders_nothing = not any(switch_verb(w) for w in rest) and not takes_back
    return len(said) == 1 or (paused(text, said[0], said[1]) and orders_nothing)


def _refused(order: Order) -> bool:
    """A part that tells to leave its device alone: "no prendas el boiler"."""
    return readings.keeps_hands_off(home_check.words(order.text), order.text)


def _asks_or_orders(order: Order) -> bool:
    """A part with an order or a question of its own, not a reason said after a refusal ("ya hace calor")."""
    first = WORD.search(order.text)
    opens = first is not None and normalize_lower_ascii(first.group()) in QUESTION_STARTS
    return not order.shares_verb and (begins_with_an_order(order.text) or "?" in order.text or opens)


def _sets_a_condition(order: Order) -> bool:
    """A part that begins "si…" or "cuando…" is the condition of another, never an order of its own."""
    first = WORD.search(order.text)
    return first is not None and normalize_lower_ascii(first.group()) in CONDITION_STARTS


def _join_before(text: str, said: Sequence[SaidWord], plain: Sequence[str], i: int, floor: int) -> int | None:
    """Where the join before word i begins ("y", "y luego", ", y de paso", ", y de una vez", a comma), or None."""
    first = i
    while first > floor:
        if tuple(plain[max(floor, first - len(AT_ONCE)) : first]) == AT_ONCE:
            first -= len(AT_ONCE)  # "…, y de una vez la luz del baño"
        elif plain[first - 1] in JOINS | FILLERS:
            first -= 1
        else:
            break
    joined = any(w in JOINS for w in plain[first:i]) or (first > floor and paused(text, said[first - 1], said[first]))
    return first if joined and first > floor else None


def _clauses(text: str, said: Sequence[SaidWord], plain: Sequence[str]) -> list[tuple[int, int]]:
    """The word ranges of each order with its own verb (or question)."""
    cuts, last_verb = [0], None
    for i in range(len(said)):
        asks = _opens_question(text, said, plain, i)
        if not (_starts_order(plain, i) or asks):
            continue
        if last_verb is not None:
            if asks:  # "apaga la luz y ¿cómo va a estar mañana?"
                first = _join_before(text, said, plain, i, cuts[-1])
                cuts += [i if first is None else first, _past_joins(plain, i)]
            elif (first := _join_before(text, said, plain, i, cuts[-1])) is not None:
                cuts += [first, i]
            elif (join := _object_said_first(text, said, plain, i, last_verb)) is not None:
                cuts += join
            elif (after := _after_question(text, said, plain, cuts[-1], i)) is not None:
                cuts += [after, after]  # "¿va a helar esta noche? por si acaso enciende…"
        elif (after := _after_question(text, said, plain, 0, i)) is not None:
            cuts += [after, after]  # "¿hará frío esta noche? enciende el radiador"
        last_verb = i
    cuts.append(len(said))
    return [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2)]


def _opens_question(text: str, said: Sequence[SaidWord], plain: Sequence[str], i: int) -> bool:
    """Whether word i opens a question that asks something: "¿cómo va a estar…?", "¿y cuánto calor…?".

    Not "¿vale?" nor "¿puedes?": courtesy after an order.
    """
    before = text[said[i - 1].end : said[i].start] if i else text[: said[i].start]
    if "¿" not in before:
        return False
    first = _past_joins(plain, i)
    if plain[first] in PREPOSITIONS and first + 1 < len(plain) and plain[first + 1] in QUESTION_OPENERS:
        return True  # "¿a cuánto vamos a estar?", "¿de qué color…?"
    return first < len(plain) and (
        plain[first] in QUESTION_WORDS or (_starts_order(plain, first) and not switch_verb(plain[first]))
    )


def _past_joins(plain: Sequence[str], i: int) -> int:
    """The first word from i that is not a join: "¿y cuánto…?" asks from "cuánto"."""
    while i < len(plain) - 1 and plain[i] in JOINS:
        i += 1
    return i


def _after_question(text: str, said: Sequence[SaidWord], plain: Sequence[str], floor: int, i: int) -> int | None:
    """The first word after the last question mark between word `floor` and word i, if any.

    Only after a question that asks something ("¿va a helar esta noche?"), not "mañana a las
    siete, ¿eh?": that is said of the order after it.
    """
    end = next((j for j in range(i, floor, -1) if "?" in text[said[j - 1].end : said[j].start]), None)
    if end is None:
        return None
    asks = any(plain[k] in QUESTION_WORDS or _starts_order(plain, k) for k in range(floor, end))
    return end if asks else None


def _object_said_first(
    text: str, said: Sequence[SaidWord], plain: Sequence[str], verb: int, last_verb: int
) -> tuple[int, int] | None:
    """Where an order whose object comes first begins: "… y la luz del pasillo apágala".

    Its verb carries the object's pronoun ("apágala", "enciéndelos"); the order begins at the
    last join after the previous verb that a determiner follows. Returns (join, first word).
    """
    if not plain[verb].endswith(OBJECT_PRONOUNS):
        return None
    for j in range(verb - 1, last_verb + 1, -1):
        if plain[j] in DETERMINERS and (first := _join_before(text, said, plain, j, last_verb)) is not None:
            return first, j
    return None


def _objects(text: str, said: Sequence[SaidWord], plain: Sequence[str], start: int, end: int) -> list[Order]:
    """A clause whose verb has several objects, as one order per object, each with the verb.

    "apaga la tele, el brasero y la lámpara": "apaga la tele", "apaga el brasero", "apaga la lámpara";
    "apaga las luces del baño y del aseo": "apaga las luces del baño", "apaga del aseo" (the noun
    is said again after, `_with_nouns_left_out`).
    """
    if start >= end:
        return [Order("")]
    verb = next((i for i in range(start, end) if switch_verb(plain[i])), None)
    clause = Order(_span(text, said, start, end))
    if verb is None:
        return [clause]
    # "la cafetera apágala y el foco": the verb's object was said before it, the next may follow it.
    object_first = verb > start and plain[start] in DETERMINERS and plain[verb].endswith(OBJECT_PRONOUNS)
    dative = plain[verb].endswith(LE)  # "préndele al abanico de la sala y al de las niñas": "al" is "a el"
    cuts = [start]
    owners: set[int] = set()  # cuts before a bare owner: "… de Javi y Marta"
    # A verb's objects are in its sentence: "¿me prendes el abanico? Las niñas se asan" has one,
    # unless the next one joins it ("apaga la tele. Y la radio", "… La radio también"); and before
    # its reason: "apaga la fuente, que se ha parado el chorro y la bomba suena en vacío" has one.
    ends = next(
        (k for k in range(verb + 1, end) if _sentence_ends(text, said, plain, k, end) or _reason_begins(text, said, k)),
        end,
    )
    for j in range(verb + 2, min(ends, end)):
        follows = plain[j + 1] if j + 1 < end else ""
        since = cuts[-1] if len(cuts) > 1 else verb + 1  # the object before: the first, or the last cut off
        place = _another_place(plain, since, j, end)
        # "préndele al abanico … y al de las niñas", "apágale la luz al peque y a su hermana": whom, after "y"
        whom = plain[j] == "al" or (plain[j] == "a" and plain[j - 1] in JOINS and _someone(text, said, plain, j + 1))
        article = plain[j] in DETERMINERS or (dative and whom)
        if _another_owner(plain, verb, j, ends):
            owners.add(j)
        elif place is False or (place is None and not article) or follows == "que":
            continue
        if plain[j] in CLITICS and (switch_verb(follows) or follows.endswith(PAST_ENDINGS)):
            continue  # "…, la dejaron prendida": a pronoun and a verb, no second object
        if (first := _join_before(text, said, plain, j, verb if object_first else verb + 1)) is not None:
            cuts += [first, j]
    if len(cuts) == 1:
        return [clause]
    cuts.append(end)
    orders = [Order(_span(text, said, start, cuts[1]))]
    verb_text = text[said[verb].start : said[verb].end]
    if object_first:  # "apágala" -> "apága", read "apaga": its pronoun was the first object
        verb_text = verb_text[: -len(next(p for p in OBJECT_PRONOUNS if plain[verb].endswith(p)))]
    for k in range(2, len(cuts) - 1, 2):
        begin = cuts[k] - 1 if plain[cuts[k] - 1] in OF else cuts[k]  # "…del salón y de la cocina"
        of = "de " if cuts[k] in owners else ""  # "… de Javi y Marta": "de Marta"
        orders.append(Order(f"{verb_text} {of}{text[said[begin].start : said[cuts[k + 1] - 1].end]}", shares_verb=True))
    return orders


def _someone(text: str, said: Sequence[SaidWord], plain: Sequence[str], k: int) -> bool:
    """Whether the words from k name someone: "su hermana", "la abuela", "Irene"; not "la cama", "dormir"."""
    if k >= len(plain):
        return False
    if plain[k] in POSSESSIVE_ONE | POSSESSIVE_MANY or plain[k] in PEOPLE:
        return True
    return (plain[k] in DEFINITE and k + 1 < len(plain) and plain[k + 1] in PEOPLE) or text[said[k].start].isupper()


def _sentence_ends(text: str, said: Sequence[SaidWord], plain: Sequence[str], k: int, end: int) -> bool:
    """Whether a sentence ends before word k, and the next one (to `end`) is not joined to it."""
    if not SENTENCE_END.search(text[said[k - 1].end : said[k].start]):
        return False
    return plain[k] not in JOINS and not ALSO.intersection(plain[k:end])


def _another_owner(plain: Sequence[str], verb: int, j: int, ends: int) -> bool:
    """Whether word j, the last of the object, is a second owner of the same kind of devices.

    "apaga las lamparitas de Javi y Marta", "prendé los veladores de mamá y papá": several devices
    (a plural before them), one "de" with one word after it, then "y" and one word. "la luz de Ana
    y Pedro" is one light, theirs.
    """
    return (
        j + 1 == ends
        and j - verb >= 5
        and plain[j] not in NOT_OWNERS
        and not switch_verb(plain[j])
        and plain[j - 1] in ("y", "e")
        and plain[j - 3] == "de"
        and plain[verb + 1] in PLURAL_DETERMINERS
        and sum(p in OF for p in plain[verb + 1 : j]) == 1
    )


def _reason_begins(text: str, said: Sequence[SaidWord], k: int) -> bool:
    """Whether a reason begins at word k: ", que…", "porque…"."""
    return REASON.match(text, said[k - 1].end) is not None


def _another_place(plain: Sequence[str], since: int, j: int, end: int) -> bool | None:
    """Whether word j begins a second place for the same devices; None where it begins no place.

    "las luces del baño y del aseo", "… y de la cocina": a place after "de" or "del" (at j, or
    before the article at j). It stands for the object's place (from word `since`) only where that
    said one "de" and no other: in "las lámparas de buró de mis papás y de las niñas" the words
    cannot tell which "de" the second place stands for. No verb after it: "y de noche la apagas"
    is when, not where.
    """
    of = j - 1 if plain[j] in DETERMINERS else j
    if of + 1 >= end or plain[of] not in OF or plain[of + 1] in FILLERS or (of == j and plain[j + 1] in DETERMINERS):
        return None  # "apaga la luz del": nothing after "de"
    return sum(p in OF for p in plain[since:of]) == 1 and not any(tag(p).switch for p in plain[j + 1 : end])


def _span(text: str, said: Sequence[SaidWord], start: int, end: int) -> str:
    """Words start to end as said, with the question or exclamation marks around them."""
    begin, finish = said[start].start, said[end - 1].end
    while begin > 0 and text[begin - 1] in "¿¡":
        begin -= 1
    while finish < len(text) and text[finish] in "?!":
        finish += 1
    return text[begin:finish]


def _noun_for(article: str, thing: str) -> str | None:
    """The noun of the previous thing that an article said alone stands for, one where it says one.

    "la de la escalera" after "la luz del pasillo" is "la luz"; "el de Lucía" after "los
    ventiladores de Javi" is "el ventilador"; "la de Lucía" after "el flexo" is none.
    """
    first, noun = normalize_lower_ascii(thing.split()[0]), thing.split()[-1]
    if articles_agree(article, first):
        return noun
    return singular_of(noun) if article in SINGULAR and first in PLURAL and same_gender(article, first) else None


def _with_nouns_left_out(orders: Sequence[Order]) -> list[Order]:
    """Each order with the noun it leaves out said again.

    After "apaga la luz del pasillo", "apaga la de la escalera" is "apaga la luz de la escalera" and
    "apaga de la cocina" is "apaga la luz de la cocina"; after "apaga el flexo", "la de Lucía" is
    another thing, said as it was.
    """
    found, thing = [], ""  # the words naming the previous order's device ("la luz")
    for order in orders:
        words = list(WORD.finditer(order.text))
        plain = [normalize_lower_ascii(w.group()) for w in words]
        verb = next((i for i, p in enumerate(plain) if switch_verb(p)), None)
        if verb is None:
            found.append(order)
            continue
        # Where the object begins: after the verb, or before it ("la de la cocina apágala").
        first_said = verb > 0 and plain[0] in DETERMINERS and plain[verb].endswith(OBJECT_PRONOUNS)
        start, end = (0, verb) if first_said else (verb + 1, len(plain))
        after = plain[start : min(start + 2, end)]
        if after and after[0] == "al" and plain[verb].endswith(LE):
            after[0] = plain[start] = "el"  # "préndele al abanico": the "a" its "le" calls for, and "el"
        said = order.text
        if thing and after and after[0] in OF:
            at = words[start].start()
            said = f"{said[:at]}{thing} {said[at:]}"
        elif (
            thing
            and len(after) == 2
            and after[0] in DETERMINERS
            and after[1] in OF
            and (noun := _noun_for(after[0], thing))
        ):
            at = words[start + 1].start()
            said = f"{said[:at]}{noun} {said[at:]}"
        else:
            # "apágale a los abanicos": the "a" a verb's "le" calls for is no word of the thing.
            skip = start + 1 if start < end and plain[start] == "a" and plain[verb].endswith(LE) else start
            named = [
                p if p == "el" else w.group()
                for w, p in zip(words[skip:end], plain[skip:end], strict=True)
                if p not in OF
            ][:3]
            named = named if named and normalize_lower_ascii(named[0]) in ALL_OF_THEM else named[:2]  # "todas las"
            head = normalize_lower_ascii(named[-2]) if len(named) >= 2 else ""
            thing = " ".join(named) if head in DETERMINERS else ""
        found.append(replace(order, text=said))
    return found


def _with_place_said_first(text: str, said: Sequence[SaidWord], orders: list[Order]) -> list[Order]:
    """Each order with the place said before the first verb: "en la sala prende la tele y el ventilador".

    The place is the second order's too ("prende el ventilador" in the sala), unless it names a
    place of its own ("… y apaga la luz de la cocina").
    """
    verb = next((i for i, w in enumerate(said) if switch_verb(w.plain)), None)
    if not said or said[0].plain != "en" or verb is None or verb < 2:
        return orders
    place = text[said[0].start : said[verb].start].strip(" ,")
    return [
        orders[0],
        *(
            order
            if PLACE_OF.search(normalize_lower_ascii(order.text))
            else replace(order, text=f"{order.text} {place}")
            for order in orders[1:]
        ),
    ]


def switch_verb(word: str) -> bool:
    """An on/off verb, or one that asks a change of brightness or speed."""
    # "… y baja un poco la luz"; not "voy a bajar a la calle", which tells
    said = tag(word)
    return said.order_verb or (adjustments.way_of(word) is not None and not said.infinitive)


def _starts_order(plain: Sequence[str], i: int) -> bool:
    word = plain[i]
    following = plain[i + 1] if i + 1 < len(plain) else ""
    a_noun = after_an_article(plain, i)  # "el quitamiedos" names a thing
    if word == "para" and following == "que":
        return False  # "…, para que los gurises vean": a purpose, not "parar"
    asks_whether = word in ASK_IF and "si" in plain[i + 1 : i + 1 + ASK_IF_REACH]  # "mira a ver si…"
    return (
        (switch_verb(word) and not a_noun)
        or word in QUESTION_STARTS
        or (word, following) in QUESTION_PAIRS
        or asks_whether
    )


Decide = Callable[[str, bool], Awaitable[Decision]]  # (the part, begun with an on/off verb)


async def async_outcome(
    hass: HomeAssistant,
    text: str,
    parts: Sequence[Order],
    decide: Decide,
    settings: Settings,
    domotics: ModelInfo,
    context: Context,
    here: str | None = None,
) -> tuple[Decision, Outcome]:
    """Every part decided and checked; all carried out, or the whole request passed on.

    Returns one decision for the whole request (its parts' votes, in order) and what was done.
    `here`, the speaker's area, stands for a place left unsaid only where each order has its own
    verb: in "apaga la luz y el ventilador del salón" the place said may be meant for both.
    """
    if len(parts) > MAX_ORDERS:  # decided for the record only
        too_many = PassOn(Reason.TOO_MANY_ORDERS, f"{len(parts)} > {MAX_ORDERS}")
        return await decide(text, False), Outcome("Son demasiadas cosas a la vez.", pass_on=too_many)
    if any(says_no_last(part.text) for part in parts):  # "…, el deshumidificador no": taken back, not ordered
        hands_off = PassOn(Reason.PART_HANDS_OFF)
        return await decide(text, False), Outcome("No sé qué parte quieres que haga.", pass_on=hands_off)
    # "baja un poco la luz del salón": the devices are found as the order to turn them on finds them.
    adjusted = [adjustments.read(part.text) for part in parts]
    decisions = [
        await decide(change.order, True) if change else await decide(part.text, begins_with_an_order(part.text))
        for part, change in zip(parts, adjusted, strict=True)
    ]
    if any(part.shares_verb for part in parts):
        here = None
    meant = list(zip(decisions, adjusted, strict=True))
    if _a_remark(text, parts[-1].text, decisions[-1], home_check.async_read_home(hass).words):
        meant.pop()  # "pon la fuente del patio. ¿A que suena bonita?": the order alone
    planned: list[named_outcome.Switch | Outcome] = []
    for number, (decision, change) in enumerate(meant, 1):
        found = await async_plan(hass, decision, settings, domotics, here)
        if change:
            found = named_outcome.adjusting(hass, found, change.adjustment)
        if isinstance(found, Outcome) and (found.pass_on or found.error):
            unsure = PassOn(Reason.PART_UNSURE, f"{number}/{len(meant)}: {found.pass_on or found.error}")
            return _whole(text, decisions), Outcome(found.speech, found.error, pass_on=unsure)
        planned.append(found)
    done = []
    for found in planned:
        done.append(found if isinstance(found, Outcome) else await named_outcome.async_switch(hass, found, context))
    speech = " ".join(o.speech for o in done)
    calls = ", ".join(o.service_call for o in done if o.service_call) or None
    error = next((o.error for o in done if o.error), None)
    return _whole(text, decisions), Outcome(speech, error, service_call=calls)


def _a_remark(text: str, part: str, decision: Decision, home_words: frozenset[str]) -> bool:
    """Whether the last part is a question in a sentence of its own that asks nothing of the home.

    "¿A que suena bonita?", "¿Cuántas veces os lo tengo que decir?": nobody's to the selector (not
    the weather's), no on/off verb, no word of the home's names. The orders before it are the request.
    """
    at = text.rfind(part)
    said = home_check.words(part)
    return (
        at > 0
        and part.startswith("¿")
        and SENTENCE_END.search(text[:at].rstrip()[-1:]) is not None
        and decision.route not in (ROUTE_DOMOTICS, ROUTE_WEATHER)
        and not (set(said) - STOPWORDS) & home_words
        and not any(tag(w).switch or tag(w).slipped_switch or tag(w).negation for w in said)
        and not (set(said) & (LATER | HOW_LONG))  # "¿Cuánto tiempo?": the order's time
        and not readings.asks_another_change(readings.Request(said, part))  # "¿Qué tal en azul?"
    )


async def async_plan(
    hass: HomeAssistant, decision: Decision, settings: Settings, domotics: ModelInfo, here: str | None
) -> named_outcome.Switch | Outcome:
    """One part: a checked switch, a state or weather answer, or why it is not sure."""
    if decision.truncated or decision.route not in (ROUTE_DOMOTICS, ROUTE_WEATHER):
        return Outcome("No te he entendido.", pass_on=PassOn(Reason.SELECTOR, decision.label or decision.route))
    said = home_check.words(decision.text)
    if readings.keeps_hands_off(said, decision.text):  # "…, pará, ni la toques", whoever the selector says
        return Outcome("No sé qué parte quieres que haga.", pass_on=PassOn(Reason.PART_HANDS_OFF))
    if decision.route == ROUTE_WEATHER:
        return await weather_answers.async_answer(hass, settings.weather_entity, decision.text)
    return named_outcome.plan(hass, decision, settings, domotics, here)


def _whole(text: str, decisions: Sequence[Decision]) -> Decision:
    """The parts' decisions as one record of the request: every part's labels, votes and commands."""
    first = decisions[0]
    return replace(
        first,
        text=text,
        label=" | ".join(d.label or "-" for d in decisions),
        votes=tuple(v for d in decisions for v in d.votes),
        command=" | ".join(d.command or "-" for d in decisions),
    )
