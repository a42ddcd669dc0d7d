"""A refusal, then the order meant: "la cafetera no, apaga la freidora".

People correct themselves, or answer a question, before they give the order: "no, apaga la luz",
"la cafetera no, apaga la freidora", "el termo no, que ya me he duchado; quita el toallero", "no
le encienda la estufita, mejor ponga la luz", "no enciendas la lámpara grande, solo la de pie".
Read whole, the negation seems to govern the verb and the request is refused. Where it does, or
where a negation ends what it refuses ("el termo no, …"), the order meant is the first on/off verb
the negation does not govern, said from the pause before it; what comes before asks for nothing
to be switched, so nothing is done with it. A reason before the order ("no veo nada en el pasillo,
enciende la luz") is read whole: it may say the place.
"""

from __future__ import annotations

from .morphology import CLITICS, DETERMINERS, tag
from .readings import Request, is_for_later, negates_switching
from .said_words import OBJECT_PRONOUNS, SaidWord, paused, said_words

# "no le encienda la estufita, mejor ponga la luz": words that may lead the order meant.
ORDER_LEADS = frozenset(
    {"mejor", "y", "ya", "pues", "entonces", "ahora", "solo", "tu", "usted", "vos", "porfa", "venga", "anda", "oye",
     "oiga", "bueno", "vale", "si", "mas", "bien"}
)  # fmt: skip
# "no enciendas la grande, solo la de pie": the same verb, another thing.
ONLY = ("solo", "solamente", "unicamente", "nada mas")


def order_meant(text: str) -> str | None:
    """The order after a refusal, said alone; None where the request is no such correction.

    - "la cafetera no, apaga la freidora" -> "apaga la freidora";
    - "no prendas el abanico, mejor prende el clima" -> "prende el clima" (from its verb: "mejor" leads it);
    - "el brasero no que ya hace bueno pon el ventilador" -> "pon el ventilador" (no pause: from
      the verb, or from its object where the verb carries the object's pronoun);
    - "no enciendas la lámpara grande, solo la lámpara de pie" -> "enciendas la lámpara de pie"
      (the only verb negated, then "solo" and another thing: the same verb).
    """
    said = said_words(text)
    plain = [w.plain for w in said]
    negations = [i for i, w in enumerate(plain) if tag(w).negation]
    verbs = [i for i, w in enumerate(plain) if tag(w).order_verb]
    if not negations or not verbs or verbs[0] < negations[0]:
        return None  # "apaga la luz, no la tele": the order comes first (a repair is repairs.py's)
    if not negates_switching(plain) and not any(_refuses(text, said, i) for i in negations):
        return None  # "no veo nada en el pasillo, enciende la luz": a reason, read whole
    for verb in verbs:
        negation = max(i for i in negations if i < verb) if any(i < verb for i in negations) else None
        if negation is None:
            continue
        between = [v for v in verbs if negation < v < verb]
        paused = _last_pause(text, said, max([negation, *between]), verb)
        if paused is None and (between or negates_switching(plain[negation : verb + 1])):
            continue  # "no la apagues": the negation governs this verb
        start = paused if paused is not None else _order_start(plain, negation, verb)
        if not _begins_the_order(plain, start, verb):
            continue  # "no apagues la luz, que me da miedo": a reason, no order
        refusal = text[: said[start].start]
        if is_for_later(Request(tuple(plain[:start]), refusal)):
            return None  # "si no hay nadie en casa apaga la luz": a condition, not a refusal
        while plain[start] in ORDER_LEADS:  # "mejor prende el clima": the order from its verb
            start += 1
        return text[said[start].start :].strip()
    return _same_verb_another_thing(text, said, verbs)


def _refuses(text: str, said: list[SaidWord], negation: int) -> bool:
    """A negation that ends what it refuses: "no, …", "el termo no, …", "la tele no que …", "el flexo no los leds …"."""
    following = said[negation + 1] if negation + 1 < len(said) else None
    if following is None:
        return False
    ends = negation > 0 and (following.plain == "que" or following.plain in DETERMINERS)
    return paused(text, said[negation], following) or ends


def _last_pause(text: str, said: list[SaidWord], after: int, verb: int) -> int | None:
    """The first word after the last pause between word `after` and the verb, or None."""
    for i in range(verb, after, -1):
        if paused(text, said[i - 1], said[i]):
            return i
    return None


def _begins_the_order(plain: list[str], start: int, verb: int) -> bool:
    """Whether the clause from `start` is an order of that verb, not a reason nor the verb's subject.

    The verb first, its object said first ("la freidora apágala"), or only pronouns and words that
    lead an order before it ("mejor ponga…"); not "que me da miedo" nor "el aire me da gripa".
    """
    if plain[verb].endswith(OBJECT_PRONOUNS) and plain[start] in DETERMINERS:
        return True
    return all(w in CLITICS or w in ORDER_LEADS for w in plain[start:verb])


def _order_start(plain: list[str], negation: int, verb: int) -> int:
    """Where an order with no pause before it begins: its verb, or its object said first."""
    if plain[verb].endswith(OBJECT_PRONOUNS):
        return next((i for i in range(negation + 1, verb) if plain[i] in DETERMINERS), verb)
    return verb


def _same_verb_another_thing(text: str, said: list[SaidWord], verbs: list[int]) -> str | None:
    """The negated verb, with the thing after "solo": "no enciendas la grande, solo la de pie"."""
    if len(verbs) != 1:
        return None
    plain = [w.plain for w in said]
    for i in range(verbs[0] + 1, len(said)):
        if not paused(text, said[i - 1], said[i]):
            continue
        only = next((len(o.split()) for o in ONLY if plain[i : i + len(o.split())] == o.split()), 0)
        thing = i + only
        if only and thing + 1 < len(said) and plain[thing] in DETERMINERS:
            verb = text[said[verbs[0]].start : said[verbs[0]].end]
            return f"{verb} {text[said[thing].start :].strip()}"
    return None
