"""What the agent does with a naming model's votes: resolve each in the home, vote, act or answer.

The domotics model names the device and the place in words (`ON lampara de pie @ salon`); each vote
is resolved against the home (naming.py), in the speaker's room first when a voice satellite heard
a request that names no place, and the votes agree when they point at the same entities
with the same action. Then, as for a catalog command:

    a vote against the order's one way, no more such     -> the verb's way ("dale al riego" voted OFF, ON, ON)
    votes than votes for it
    votes resolved to different things, or to nothing    -> pass on
    most votes no device, the request only a verb and one -> that device's vote ("pon la radio": by_its_name.py),
    device's whole name (or that, then a reason)             "ponme la radio, que empieza el programa" too
    the home has no such place or device, or several fit  -> pass on (the reason)
    a word naming it further that no vote kept            -> pass on ("la lámpara de sal" voted "lampara")
    a word no vote kept that names another device         -> that device where the votes' naming with the
                                                             word names one ("lámpara de buró"), else pass on
    a word no vote kept that names some of several        -> pass on ("los veladores de Tomi" voted "veladores")
    another device's whole name no vote kept, said        -> pass on ("poné la pava y sacá la cafetera" voted
    after an article                                         "cafetera")
    (that one reads the order alone where a reason that      ("…, que si enciendo también el brasero salta el
    gives no order follows it: another device named there     diferencial" names no second device to switch)
    is the reason's)
    a longer place said whole than the votes kept         -> pass on ("arriba de todo" voted "arriba")
    an area said that no vote kept, no target is in       -> pass on ("los leds del jardín" voted "leds"); not
                                                             the area of another device's whole name in a reason
    a floor said right after the device, none of them on  -> pass on ("los ventiladores de abajo" voted
                                                             "ventiladores", heard upstairs)
    a place said, where most votes kept none and the      -> pass on ("los ventiladores de abajo" voted
    target is devices of several rooms                       "ventiladores")
    a place named alone ("enciende el dormitorio")        -> pass on
    a word of the votes' device said only in the reason   -> pass on, to be read again without it where it is
    after the order                                          another device's noun ("…, que se derramó la cafetera")
                                                             or the reason tells it is already so ("apaga la lámpara,
                                                             que la de pie ya está apagada"); as it is anywhere else
    told not to switch it, or to leave it as it is        -> "Vale, dejo … como está.", nothing switched
    an order the request does not give now, or two orders -> pass on (readings.not_an_order, gives_two_orders)
    asked about, not ordered                              -> each entity's state, nothing switched
    ON / OFF                                              -> the service call on every entity
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.const import ATTR_ENTITY_ID, STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant, split_entity_id
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.intent import IntentResponseErrorCode

from . import adjustments, because, by_its_name, home_check, readings, repairs, spanish
from .actions import CONVERSATION, SERVICES, VERB, abstained
from .adjustments import Adjustment
from .const import SUPPORTED_DOMAINS
from .engine import Decision, ModelInfo, majority
from .morphology import DETERMINERS, sounds_feminine, tag
from .naming import (
    NAMES_NOTHING,
    Kinds,
    Naming,
    Target,
    Unresolved,
    another_device_named,
    content,
    floor_left_out,
    place_cut_short,
    place_left_out,
    place_said_of_many,
    place_said_whole,
    placed_by_the_order,
    resolve,
    unvoted_name_word,
    without_other_names,
    word_of_another_device,
    word_of_some_of_them,
)
from .reasons import PassOn, Reason
from .reply import Outcome
from .settings import Settings

AS_WELL = frozenset({"tambien", "tampoco"})  # "…, que el brasero también": the same asked of another
ENOUGH = frozenset({"sobra", "sobran", "basta", "bastan", "alcanza", "alcanzan"})  # "…, que con la otra me sobra"
NAMED_THING = "cosa"  # what a word that names a device reads as, to the checks of verbs and negations
UNRESOLVED_SPEECH = {
    Unresolved.NO_PLACE: "No encuentro ese sitio en casa",
    Unresolved.NO_DEVICE: "No encuentro ese aparato",
    Unresolved.AMBIGUOUS: "Hay varios aparatos con ese nombre; dime cuál",
    Unresolved.EVERYTHING: "Dime de qué habitación",
    Unresolved.ONLY_PLACE: "Dime qué aparato de ese sitio",
    Unresolved.ALL_ON: "Dime qué aparatos enciendo",
}
PASS_ON_REASON = {
    Unresolved.NO_PLACE: Reason.NO_PLACE,
    Unresolved.NO_DEVICE: Reason.NO_DEVICE,
    Unresolved.AMBIGUOUS: Reason.AMBIGUOUS,
    Unresolved.EVERYTHING: Reason.EVERYTHING_UNPLACED,
    Unresolved.ONLY_PLACE: Reason.ONLY_PLACE,
    Unresolved.ALL_ON: Reason.ALL_ON,
}
# Said as Home Assistant's own agent says it, with the entity's own name: no article to guess.
DONE_ONE = {"ON": "{name} se ha encendido.", "OFF": "{name} se ha apagado."}
DONE_SEVERAL = {"ON": "Se han encendido {names}.", "OFF": "Se han apagado {names}."}


def vote_target(
    votes: Sequence[str | None],
    home: home_check.Home,
    kinds: Kinds,
    unanimous: bool,
    state_action: str,
    here: str | None = None,
) -> Target | Unresolved | None:
    """The resolved target enough votes agree on; None when they do not agree.

    `here`: the speaker's area, where a vote names no place.

    A state question switches nothing, so a majority answers it even where the rule asks for every
    vote, as for catalog commands.
    """
    resolved: dict[str, Target | Unresolved] = {}
    keys: list[str | None] = []
    by_vote: dict[str, Target | Unresolved] = {}  # the votes often agree word for word
    for vote in votes:
        naming = Naming.parse(vote)
        if naming is None or vote is None:
            keys.append(None)
            continue
        found = by_vote.get(vote) or by_vote.setdefault(vote, resolve(naming, home, kinds, here))
        key = str(found) if isinstance(found, Unresolved) else f"{found.action} {' '.join(found.entity_ids)}"
        resolved[key] = found
        keys.append(key)
    winner = majority(keys, unanimous)
    if winner is None and (asked := majority(keys)) is not None and asked.startswith(f"{state_action} "):
        winner = asked
    return resolved[winner] if winner is not None else None


def with_the_word_said(
    votes: Sequence[str | None],
    word: str,
    found: Target | Unresolved,
    home: home_check.Home,
    kinds: Kinds,
    here: str | None,
) -> Target | None:
    """The target the agreeing votes name with a word of the request they left out, if it names one.

    "la lámpara de buró del cuarto de mis papás" voted "lampara @ cuarto de mis papas" is the
    Lámpara de buró there, not the Foco.
    """
    for vote in dict.fromkeys(votes):
        naming = Naming.parse(vote)
        if naming is None or resolve(naming, home, kinds, here) != found:
            continue
        named = resolve(Naming(naming.action, (*naming.device, word), naming.place), home, kinds, here)
        return named if isinstance(named, Target) else None
    return None


def narrowed_by_whose(
    votes: Sequence[str | None], said: home_check.Words, home: home_check.Home, kinds: Kinds, here: str | None
) -> Target | None:
    """Of the devices the votes leave a choice of, the one whose word is said right after it, if one is.

    "¿el velador de Sofi está apagado?" voted "velador @ esta": the Velador de Sofi of the home's
    veladores. `said`: the order's words, those the votes named masked, without a reason after it; the
    word is the first after the named device's "de" ("el velador de la abuela"), no vote kept it,
    it names something ("de noche" does not), and the home's names have it. Not a word of a reason
    ("…, que viene la novia de Tomás"), nor of a purpose ("… para leer el cuento de Nico").
    """
    for i in range(len(said) - 2):
        if said[i] != NAMED_THING or said[i + 1] not in ("de", "del"):
            continue
        word = next((w for w in said[i + 2 :] if w not in DETERMINERS), "")
        if word not in NAMES_NOTHING and word in home.words:
            return with_the_word_said(votes, word, Unresolved.AMBIGUOUS, home, kinds, here)
    return None


def _by_its_name(
    text: str, heard: home_check.Words, home: home_check.Home, here: str | None, state_action: str
) -> str | None:
    """The vote a device's whole name leaves no choice for, said alone or before a reason.

    "ponme la radio, que empieza el programa": the order before its reason names the Radio; "¿está
    sonando la radio?" asks of it.
    """
    order = because.order_before_reason(text)
    before_reason = order is not None and by_its_name.vote(home_check.words(order), home, here)
    return before_reason or by_its_name.vote(heard, home, here, state_action or None)


def in_the_verbs_way(votes: Sequence[str | None], way: str | None) -> tuple[str | None, ...]:
    """The ON and OFF votes in the way the order's verbs all say, where no fewer votes say it than not.

    "dale al riego" voted OFF riego, ON riego, ON riego: "dale" says ON, and so do most votes; the
    other's direction was the model's slip, and its device still has to agree with the others'.
    Where more votes say the other way ("quita la tele de pausa" voted ON, ON, OFF), they stand, and
    the verb's objection passes the request on.
    """
    actions = [(vote or "").partition(" ") for vote in votes]
    said_so = sum(action == way for action, _, _ in actions)
    against = sum(action in SERVICES and action != way for action, _, _ in actions)
    if way is None or not said_so or said_so < against:
        return tuple(votes)
    return tuple(
        f"{way} {naming}" if action in SERVICES and naming else vote
        for vote, (action, _, naming) in zip(votes, actions, strict=True)
    )


def _as_ordered(
    votes: Sequence[str | None],
    said: Sequence[str],
    found: Target,
    home: home_check.Home,
    kinds: Kinds,
    unanimous: bool,
    state_action: str,
    here: str | None,
) -> str | None:
    """The way an order read as a state question asks to switch, if the votes agree on it as one.

    "apaga la luz del baño, que se ha quedado encendida", voted ESTADO, ESTADO, OFF: the verb
    that begins the request (or a clause of it) says OFF. Each state vote counts as the verb's
    way, a vote the other way against it, and the vote's rule decides.
    """
    way = readings.ordered_direction(said)
    if way is None:
        return None
    as_ordered: list[str | None] = []
    for vote in votes:
        action, _, naming = (vote or "").partition(" ")
        as_ordered.append(f"{way} {naming}" if action in (state_action, way) and naming else None)
    ordered = vote_target(as_ordered, home, kinds, unanimous, state_action, here)
    return way if isinstance(ordered, Target) and ordered.entity_ids == found.entity_ids else None


@dataclass(frozen=True)
class Switch:
    """What a request asks to switch (or to change: brighter, faster), checked and ready to carry out."""

    action: str  # ON or OFF
    entity_ids: tuple[str, ...]
    adjustment: Adjustment | None = None


def adjusting(hass: HomeAssistant, found: Switch | Outcome, adjustment: Adjustment) -> Switch | Outcome:
    """The change asked of the devices an on order found, where every one of them can make it.

    The request was read as the order to turn them on (adjustments.py); any other reading of it (a
    state question, an order to turn off) is not sure of the change, and is passed on.
    """
    if isinstance(found, Outcome):
        return found
    if found.action != "ON":
        return Outcome("No te he entendido.", pass_on=PassOn(Reason.NOT_ADJUSTABLE, found.action))
    if adjustment.as_on and adjustments.none_takes_a_level(hass, found.entity_ids):
        return found  # "pon el termo a todo trapo": switched on is as high as it goes
    return adjustments.cannot_change(hass, found.entity_ids, adjustment) or replace(found, adjustment=adjustment)


async def async_outcome(
    hass: HomeAssistant,
    decision: Decision,
    settings: Settings,
    domotics: ModelInfo,
    context: Context,
    here: str | None = None,
) -> Outcome:
    """What the agent does and says for a naming model's decision; `pass_on` set when it is not ours.

    `here`: the area of the voice satellite that heard the request (None: typed, or no area).
    """
    found = plan(hass, decision, settings, domotics, here)
    if isinstance(found, Outcome):
        return found
    return await async_switch(hass, found, context)


def plan(  # noqa: PLR0911 - one return per row of the module docstring's table
    hass: HomeAssistant, decision: Decision, settings: Settings, domotics: ModelInfo, here: str | None = None
) -> Switch | Outcome:
    """The switch a naming model's decision asks for, checked; or the answer or refusal instead."""
    state_action = domotics.state_action or ""
    home = home_check.async_read_home(hass)
    kinds = Kinds.of(domotics.catalog)
    # Where the selector said NINGUNO, every vote must agree, unless a satellite's room makes it ours.
    unanimous = settings.vote.unanimous or (decision.overruled and here is None)
    heard = home_check.words(decision.text)
    votes = in_the_verbs_way(
        [place_said_whole(vote, heard, home) for vote in decision.votes],
        readings.ordered_direction(heard) if readings.begins_with_an_order(decision.text) else None,
    )
    found = vote_target(votes, home, kinds, unanimous, state_action, here)
    if (
        found is None
        and _most_name_nothing(votes)
        and (by_name := _by_its_name(decision.text, heard, home, here, state_action))
    ):
        votes = (by_name,) * len(votes)  # "pon la radio": the models abstain, the words leave no choice
        found = vote_target(votes, home, kinds, unanimous, state_action, here)
    if found is None:
        return abstained(decision.votes)
    ordered = _order_length(decision.text, heard)
    if in_the_reason := _named_in_the_reason(heard, ordered, votes, home.words):
        speech = f"No estoy seguro de a qué aparato te refieres: {in_the_reason.reason.spoken}."
        return Outcome(speech, IntentResponseErrorCode.NO_VALID_TARGETS.value, pass_on=in_the_reason)
    said = _with_names_masked(heard, votes)
    order, its_reason = _order_and_reason(said, ordered) or (said, ())
    if found is Unresolved.AMBIGUOUS:  # "¿el velador de Sofi está apagado?" voted "velador @ esta"
        found = narrowed_by_whose(votes, order, home, kinds, here) or found
    if isinstance(found, Unresolved):
        speech, code = f"{UNRESOLVED_SPEECH[found]}.", IntentResponseErrorCode.NO_VALID_TARGETS.value
        return Outcome(speech, code, pass_on=PassOn(PASS_ON_REASON[found]))
    if readings.names_another_home(said, home.names):
        speech = f"No voy a encender ni apagar nada: {Reason.OTHER_HOME.spoken}."
        return Outcome(speech, IntentResponseErrorCode.NO_INTENT_MATCH.value, pass_on=PassOn(Reason.OTHER_HOME))
    if unknown := unvoted_name_word(said, NAMED_THING, home.words):
        speech = f"No estoy seguro de a qué aparato te refieres: {Reason.UNKNOWN_WORD.spoken}."
        return Outcome(
            speech, IntentResponseErrorCode.NO_VALID_TARGETS.value, pass_on=PassOn(Reason.UNKNOWN_WORD, unknown)
        )
    if (other := word_of_another_device(said, NAMED_THING, home, found.entity_ids)) and (
        named := with_the_word_said(votes, other, found, home, kinds, here)
    ):
        found, other = named, word_of_another_device(said, NAMED_THING, home, named.entity_ids)
    other = other or word_of_some_of_them(said, NAMED_THING, home, found.entity_ids)
    other = other or another_device_named(order, home, found.entity_ids)
    if other:
        speech = f"No estoy seguro de a qué aparato te refieres: {Reason.OTHER_DEVICE.spoken}."
        return Outcome(
            speech, IntentResponseErrorCode.NO_VALID_TARGETS.value, pass_on=PassOn(Reason.OTHER_DEVICE, other)
        )
    # "apaga el foco del despacho, que Javi se bajó a la cocina": a room the reason tells of, where the
    # order names the devices' own, is no place of theirs.
    placed = ordered is not None and placed_by_the_order(heard[:ordered], home, found.entity_ids)
    places = (*order, *(() if placed else without_other_names(its_reason, home, found.entity_ids)))
    place = place_cut_short(heard, home, found.entity_ids) or place_left_out(places, home, found.entity_ids)
    place = place or floor_left_out(order, NAMED_THING, home, found.entity_ids)
    if not place and _keep_no_place(votes):
        place = place_said_of_many(places, home, found.entity_ids)
    if place:
        speech = f"No estoy seguro de a qué aparato te refieres: {Reason.OTHER_AREA.spoken}."
        return Outcome(speech, IntentResponseErrorCode.NO_VALID_TARGETS.value, pass_on=PassOn(Reason.OTHER_AREA, place))
    action = found.action
    if action != state_action and readings.asks_about_state(said, decision.text):
        action = state_action  # asked whether, not told to: answer, switch nothing
    elif action == state_action and readings.begins_with_an_order(decision.text):
        action = _as_ordered(votes, said, found, home, kinds, unanimous, state_action, here) or action
    reason: Reason | None
    if action == state_action:
        reason = Reason.NEGATED if readings.negates_switching(said) else None
        if readings.orders_without_asking(said, decision.text):
            reason = reason or Reason.ORDER_NOT_QUESTION
    else:
        reason = readings.not_an_order(said, decision.text)
        reason = reason or (Reason.TWO_ORDERS if readings.gives_two_orders(said) else None)
        reason = reason or (Reason.TAKEN_BACK if repairs.says_a_repair(decision.text) else None)
        reason = reason or (Reason.VERB_SAYS_OTHERWISE if readings.says_otherwise(order, action) else None)
    if reason and readings.keeps_hands_off(said, decision.text) and _all_known(hass, found.entity_ids):
        return left_alone(hass, found.entity_ids)
    if reason:
        speech = f"No voy a encender ni apagar nada: {reason.spoken}."
        return Outcome(speech, IntentResponseErrorCode.NO_INTENT_MATCH.value, pass_on=PassOn(reason))
    if refusal := _refusal(hass, found.entity_ids):
        return refusal
    if action == state_action:
        return _states(hass, found.entity_ids)
    return Switch(action, found.entity_ids)


def _order_length(text: str, heard: home_check.Words) -> int | None:
    """How many of the request's words the order said before its reason has; None where it is read whole.

    Only a reason that gives no order of its own (because.py), after the order; a reason that ends
    by asking the same of another is read whole ("apaga la tele, que el brasero también").
    """
    order = because.order_before_reason(text)
    if order is None or (heard and heard[-1] in AS_WELL):
        return None
    ordered = home_check.words(order)
    return len(ordered) if heard[: len(ordered)] == ordered else None


def _order_and_reason(said: home_check.Words, ordered: int | None) -> tuple[home_check.Words, home_check.Words] | None:
    """The order's words and its reason's, where the order names what the votes do.

    "apaga la freidora, que si enciendo también el brasero salta el diferencial": the brasero is the
    reason's, not a second device asked for. Only where there is an order before a reason
    (`ordered`, its words: `_order_length`) that names the votes' device; any other request is
    read whole. `said`: the request's words, those the votes named masked (`_with_names_masked`).
    """
    if ordered is None or NAMED_THING not in said[:ordered]:
        return None
    return said[:ordered], said[ordered:]


def _named_in_the_reason(
    heard: home_check.Words, ordered: int | None, votes: Sequence[str | None], home_words: frozenset[str]
) -> PassOn | None:
    """Why to pass on a request whose votes name a device by a word only the reason after the order says.

    The models may take the reason's device for the order's. Where the reason names another device
    by its own noun ("prende la campana, que se derramó la cafetera" voted "ON cafetera"), or tells
    the one it singles out is already as asked, or enough ("apaga la lámpara, que la de pie ya está
    apagada", "…, que con la de la encimera me sobra"), the order is read again alone
    (`Reason.OTHER_DEVICE`, conversation.py). Where it singles out one of the order's kind in any
    other way ("apaga la lámpara, que la de pie se quedó prendida", "apaga la tele, que la pequeña
    sigue encendida"), that may be the very device meant, and the request is passed on as it is
    (`Reason.DEVICE_IN_REASON`). Only the device's words, and only those of the home's names
    (`home_words`; a vote may copy any word of the reason, "muchas" of "muchas gracias"): a place said
    in the reason may still say where ("…, que hace frío en el estudio"). `ordered`: the order's
    words before its reason (`_order_length`).
    """
    if ordered is None:
        return None
    reason = heard[ordered:]
    namings = [naming for vote in votes if (naming := Naming.parse(vote))]
    device_words = Counter(w for naming in namings for w in dict.fromkeys(content(naming.device)))
    named = [w for w, count in device_words.items() if count * 2 > len(votes)]  # in the order the votes say them
    word = next((w for w in named if w in reason and w not in heard[:ordered] and w in home_words), None)
    if word is None:
        return None
    another = word == named[0]  # the device's own noun, not a word that singles out one of the order's kind
    actions = Counter(naming.action for naming in namings).most_common(1)
    done = bool(actions) and any(t.participle and t.direction == actions[0][0] for t in map(tag, reason))
    read_again = another or done or bool(ENOUGH.intersection(reason))
    return PassOn(Reason.OTHER_DEVICE if read_again else Reason.DEVICE_IN_REASON, word)


def _keep_no_place(votes: Sequence[str | None]) -> bool:
    """Whether most votes keep no place ("OFF ventiladores"; a vote that names nothing keeps none)."""
    placed = sum(bool(naming.place) for vote in votes if (naming := Naming.parse(vote)))
    return placed * 2 < len(votes)


def _most_name_nothing(votes: Sequence[str | None]) -> bool:
    """Whether most votes name no device (NADA, nothing): the models abstain rather than disagree."""
    return sum(Naming.parse(vote) is None for vote in votes) * 2 > len(votes)


def left_alone(hass: HomeAssistant, entity_ids: Sequence[str] = ()) -> Outcome:
    """Told not to switch (or to leave as it is): said so, nothing switched."""
    names = [_name(hass, e) for e in entity_ids]
    return Outcome(f"Vale, dejo {spanish.listed(names)} como está." if names else "Vale, no toco nada.")


def _all_known(hass: HomeAssistant, entity_ids: Sequence[str]) -> bool:
    return all(hass.states.get(e) is not None and async_should_expose(hass, CONVERSATION, e) for e in entity_ids)


def _with_names_masked(said: home_check.Words, votes: Sequence[str | None]) -> home_check.Words:
    """The request with the words most votes named things by read as a plain noun.

    The checks of what the request asks read verbs and negations; a device called "Quitamiedos"
    is no form of "quitar", and "Apagón" no form of "apagar". A word only a stray vote copied
    ("foco @ sala de al anochecer") stays as said: the time it gives is still read.
    """
    named = Counter(
        w for vote in votes if (naming := Naming.parse(vote)) for w in set(content((*naming.device, *naming.place)))
    )
    names = {w for w, count in named.items() if count * 2 > len(votes)}
    return tuple(NAMED_THING if word in names else word for word in said)


def _name(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    return state.name if state else entity_id


def _refusal(hass: HomeAssistant, entity_ids: Sequence[str]) -> Outcome | None:
    """Why the agent must not touch these entities, or None when it may (each exposed, known, available)."""
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        if state is None or not async_should_expose(hass, CONVERSATION, entity_id):
            code = IntentResponseErrorCode.NO_VALID_TARGETS.value
            return Outcome("No encuentro ese aparato.", code, pass_on=PassOn(Reason.NOT_EXPOSED))
        if state.state == STATE_UNAVAILABLE:
            code = IntentResponseErrorCode.FAILED_TO_HANDLE.value
            return Outcome(f"{state.name} no está disponible ahora mismo.", code)
        if state.domain not in SUPPORTED_DOMAINS:
            return Outcome(
                f"No sé encender ni apagar {state.name}: su entidad es de tipo {state.domain}.",
                IntentResponseErrorCode.FAILED_TO_HANDLE.value,
                pass_on=PassOn(Reason.NOT_SWITCHABLE),
            )
    return None


def _states(hass: HomeAssistant, entity_ids: Sequence[str]) -> Outcome:
    """Each entity's state, nothing switched."""
    said = []
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        name = _name(hass, entity_id)
        stem = "encendid" if state is not None and state.state == STATE_ON else "apagad"
        said.append(f"{name} está {stem}{'a' if sounds_feminine(name) else 'o'}")
    target = entity_ids[0] if len(entity_ids) == 1 else None
    return Outcome(spanish.capitalize(spanish.listed(said)) + ".", target=target)


async def async_switch(hass: HomeAssistant, switch: Switch, context: Context) -> Outcome:
    """turn_on/turn_off on every entity (or the change asked), in one reply naming them."""
    action, entity_ids = switch.action, switch.entity_ids
    if switch.adjustment is not None:
        return await adjustments.async_change(hass, entity_ids, switch.adjustment, context)
    service = SERVICES[action]
    calls = []
    for entity_id in entity_ids:
        domain = split_entity_id(entity_id)[0]
        calls.append(f"{domain}.{service} {entity_id}")
        try:
            await hass.services.async_call(domain, service, {ATTR_ENTITY_ID: entity_id}, blocking=True, context=context)
        except HomeAssistantError as err:
            return Outcome(
                f"No he podido {VERB[action]} {_name(hass, entity_id)}: {err}",
                IntentResponseErrorCode.FAILED_TO_HANDLE.value,
                service_call=", ".join(calls),
            )
    names = [_name(hass, e) for e in entity_ids]
    if len(names) == 1:
        speech = spanish.capitalize(DONE_ONE[action].format(name=names[0]))
        return Outcome(speech, target=entity_ids[0], service_call=", ".join(calls))
    return Outcome(DONE_SEVERAL[action].format(names=spanish.listed(names)), service_call=", ".join(calls))
