"""What a domotics answer's naming words point at in this home.

The domotics model answers what to do and the words that name the device and the place, as said:
`ON lampara de pie @ salon`, `OFF todas las luces @ cocina`, `ESTADO toallero`. This module
resolves those words against the home Home Assistant knows (exposed entities with their names and
aliases, areas with theirs, floors) to the entities meant, or says why it cannot:

- the place words name no area or floor of the home, or the device words no device there;
- a singular device ("la lámpara") that several entities of the place answer to equally well.

A name is matched by its content words (articles and prepositions aside), each allowing one slip
("lampra"), a plural ("luces" for "luz") or a word of the same kind of device ("tele" for
"televisor"). A device is named, best first, by its whole name (every word of its name said, with
the place), by words of its name, or by a word for its kind ("luz" for any light). An area is
named by its whole name or alias before a part of one: "baño" is the "Baño", not the "Aseo" whose
alias is "baño de abajo".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property, lru_cache
from itertools import chain

from .device_words import SAME_APPLIANCE
from .engine import CatalogEntry
from .home_check import Home, HomeArea, HomeEntity, Words, find_words, words
from .morphology import DETERMINERS, STOPWORDS, is_plural, singular_forms, tag
from .typos import near_any, one_slip_apart
from .vocabulary import domain_words, light_words

PLACE_MARK = "@"
STATE = "ESTADO"  # the state question's action
ON = "ON"
ACTIONS = frozenset({ON, "OFF", STATE})
EVERY = frozenset({"todas", "todos", "todo", "toda", "cada", "dos", "tres", "ambas", "ambos"})
ALL_OF_IT = frozenset({"todo"})
SOMETHING = frozenset({"algo"})  # asked whether something is on somewhere: everything there
WHOLE_HOME = frozenset({"casa"})
# "¿está prendida la planchita de Sofi?" voted "planchita @ esta": the verb copied as the place is none.
ESTAR = frozenset({"esta", "estan", "estara", "estaran"})
COUNTS = {"dos": 2, "ambos": 2, "ambas": 2, "tres": 3}
# How a device is named: every word of its name as it is (no word of the same kind for another),
# every word of its name, some, or its kind.
EXACT_NAME, WHOLE_NAME, NAMED, KIND = 4, 3, 2, 1
MIN_SLIPPED_PLACE = 6  # an area's word said with a slip only from this length: "jardín", not "estar"
PLACE_WORDS = frozenset({"de", "del", "en"})  # after them, a place may follow
HERE = frozenset({"aqui", "aca"})  # "las luces de aquí": the room of the satellite that heard it
# Whose the devices are: "los focos de Diego", and whom they are switched for, "préndeles los focos a Diego".
WHOSE = ("de", "del", "a", "al")
# "de una vez", "de nuevo", "de momento": "de" and a word that names nothing.
NAMES_NOTHING = frozenset({"vez", "nuevo", "momento", "paso", "verdad", "noche", "dia", "todo", "favor", "casa",
                           "inmediato", "golpe", "prisa"})  # fmt: skip
OURS = frozenset({"nuestro", "nuestra", "vuestro", "vuestra"})  # "nuestro cuarto" is a cuarto
SWITCHABLE = frozenset({"light", "switch", "fan", "input_boolean"})


class Unresolved(StrEnum):
    """Why the naming words point at nothing this agent may act on."""

    NO_PLACE = "no_place"  # the place words name no area or floor of the home
    NO_DEVICE = "no_device"  # nothing there answers to the device words
    AMBIGUOUS = "ambiguous"  # one device asked for, several answer equally well
    EVERYTHING = "everything"  # "apágalo todo" with no place: the whole home
    ONLY_PLACE = "only_place"  # "enciende el dormitorio": a place, and no device in it
    ALL_ON = "all_on"  # "prende todo lo de abajo": every device of several rooms switched on


def _without_overlap(device: Words, place: Words) -> Words:
    """The device's words without those it copied on into the place's.

    "luz del bano @ bano de arriba", said "la luz del baño de arriba": the copy of the device ran
    on into the place, and "baño" is said once; the device is "luz".
    """
    for size in range(min(len(device), len(place)), 0, -1):
        if device[-size:] == place[:size] and content(device[:-size]):
            return device[:-size]
    return device


@dataclass(frozen=True)
class Naming:
    """A domotics answer read: what to do, the device's words and the place's."""

    action: str
    device: Words
    place: Words

    @classmethod
    def parse(cls, answer: str | None) -> Naming | None:
        """`ON lampara de pie @ salon` read; None for any other answer (NADA, a code, nothing)."""
        action, *rest = (answer or "").split() or [""]
        if action not in ACTIONS or not rest:
            return None
        device, _, place = " ".join(rest).partition(f" {PLACE_MARK}")
        naming = cls(action, _without_overlap(tuple(device.split()), tuple(place.split())), tuple(place.split()))
        named = content((*naming.device, *naming.place))
        if len(set(named)) < len(named):  # "lamparitas de las dos lamparitas": a copy gone round in circles
            return None
        return naming

    @property
    def plural(self) -> bool:
        """Several devices asked for: a quantifier ("todas", "los dos") or a plural head ("luces")."""
        content = [w for w in self.device if w not in STOPWORDS]
        return bool(EVERY & set(self.device)) or bool(content and is_plural(content[0]))


@dataclass(frozen=True)
class Target:
    """The entities a request means, and what to do with them."""

    action: str
    entity_ids: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # one per model file (kinds_of): compared, and cached, by identity
class Kinds:
    """Words for kinds of devices: those a domain answers to ("luz": light), and synonyms."""

    by_domain: Mapping[str, frozenset[str]]
    synonyms: tuple[frozenset[str], ...] = ()
    # A room said in several words, and the one-word names of its kind: "sala de estar" -> salón, sala…
    room_phrases: Mapping[Words, frozenset[str]] = field(default_factory=dict)
    rooms: frozenset[str] = frozenset()  # the one-word names of kinds of rooms: "cuarto", "baño", "living"

    @classmethod
    def from_catalog(cls, catalog: Sequence[CatalogEntry]) -> Kinds:
        """The kinds of the domotics model's catalog.

        The words of one kind of device are synonyms, and so are other countries' words for one
        appliance (`device_words`). The words of a domain's main kind (the one the catalog has in
        most rooms: "luz", not "leds") name any entity of the domain; a narrower kind ("los leds")
        names only the entities whose names say it. A switch can be anything: its name says what it
        is, so its words are no domain's.
        """
        groups: dict[str, set[str]] = {}
        places: dict[str, set[str]] = {}  # a room's words are synonyms too: "living" for "salón"
        phrases: dict[Words, str] = {}
        rooms: dict[tuple[str, str], int] = {}
        for entry in catalog:
            single = {w[0] for w in map(words, (entry.device, *entry.device_words)) if len(w) == 1}
            groups.setdefault(entry.device, set()).update(single)
            room_names = [w for w in map(words, (entry.room, *entry.room_words)) if w]
            places.setdefault(entry.room, set()).update(w[0] for w in room_names if len(w) == 1)
            phrases.update((content(w), entry.room) for w in room_names if len(content(w)) > 1)
            rooms[(entry.domain, entry.device)] = rooms.get((entry.domain, entry.device), 0) + 1
        main: dict[str, str] = {}
        for domain, device in sorted(rooms, key=lambda key: -rooms[key]):
            if domain != "switch":
                main.setdefault(domain, device)
        return cls(
            {domain: frozenset(groups[device]) for domain, device in main.items()},
            (*(frozenset(ws) for ws in (*groups.values(), *places.values()) if len(ws) > 1), *SAME_APPLIANCE),
            {phrase: frozenset(places[room]) for phrase, room in phrases.items()},
            frozenset(w for ws in places.values() for w in ws),
        )

    @staticmethod
    @lru_cache(maxsize=4)
    def of(catalog: tuple[CatalogEntry, ...]) -> Kinds:
        """The kinds of a model's catalog, built once per catalog."""
        return Kinds.from_catalog(catalog)

    def domain_words(self, domain: str) -> frozenset[str]:
        """The words any entity of the domain answers to."""
        return self.by_domain.get(domain, frozenset())

    def same_kind(self, said: str, name_word: str) -> bool:
        """Whether two words name the same kind of device ("tele", "televisor")."""
        return any(said in group and name_word in group for group in self.synonyms)

    @cached_property
    def known(self) -> frozenset[str]:
        """Every word of a kind: a word the models know is itself, never a slip of another."""
        return frozenset(w for group in (*self.by_domain.values(), *self.synonyms) for w in group)


NO_KINDS = Kinds({})  # words as they are: one slip, a plural, no synonyms


def content(phrase: Iterable[str]) -> Words:
    """The words that name: articles, prepositions and quantifiers aside."""
    return tuple(w for w in phrase if w not in STOPWORDS and w not in EVERY)


@lru_cache(maxsize=65536)
def _matches(said: str, name_word: str, kinds: Kinds) -> bool:
    """Whether a said word names a word of a name: itself, one slip from it, its plural, its kind."""
    return _same_word(said, name_word, kinds) or any(kinds.same_kind(form, name_word) for form in singular_forms(said))


def _same_word(said: str, name_word: str, kinds: Kinds) -> bool:
    """Whether a said word is a word of a name: itself, one slip from it, its plural; not its kind."""
    return any(
        form == name_word or (one_slip_apart(form, name_word) and form not in kinds.known)  # "riego" is no "Diego"
        for form in singular_forms(said)
    )


def _word_matches(said: str, name_words: frozenset[str], kinds: Kinds) -> bool:
    return said in name_words or any(_matches(said, w, kinds) for w in name_words)


def _covers(said: Words, name_words: frozenset[str], kinds: Kinds) -> bool:
    return bool(said) and all(_word_matches(w, name_words, kinds) for w in said)


@dataclass(frozen=True)
class _Place:
    """The areas the place words name (None: no place said, the whole home)."""

    area_ids: frozenset[str] | None
    words: frozenset[str]  # the place's words as said
    by_owner: bool = False  # the room of whose devices the words name ("de Javi")


def _named_areas(place: Words, home: Home, kinds: Kinds) -> _Place | None:
    """The areas the place words name: whole names before parts of names; None when none."""
    said = content(place)
    if not said:
        return _Place(None, frozenset())
    if set(said) <= WHOLE_HOME:
        return _Place(frozenset(a.area_id for a in home.areas), frozenset(said))
    if rooms := _rooms_of_a_kind(said, home, kinds):
        return _Place(rooms, frozenset(said))
    # A room's head word alone ("habitación", "cuarto") is any room of that kind, not one of them.
    heads = {content(name)[0] for area in home.areas for name in area.names if len(content(name)) > 1}
    generic = len(said) == 1 and said[0] in heads
    exact, whole, part, part_by_kind = set(), set(), set(), set()
    if generic and (only := _only_room_called(said[0], home, kinds)):
        whole.add(only)
    for area in home.areas:
        for name in area.names:
            name_words = content(name)
            if not name_words:
                continue
            if len(said) == len(name_words) and _covers(said, frozenset(name_words), NO_KINDS):
                exact.add(area.area_id)
            elif len(said) == len(name_words) and _covers(said, frozenset(name_words), kinds) and not generic:
                whole.add(area.area_id)  # by a word of the same kind of room: "living" for "Salón"
            elif _covers_part(said, name_words, kinds, by_kind=False) and not generic:
                part.add(area.area_id)  # "lucía" of "Habitación de Lucía", "baño de abajo" of "Aseo"
            elif _covers_part(said, name_words, kinds) and not generic:
                part_by_kind.add(area.area_id)  # "dormitorio" of "Habitación de Lucía"
    for floor in home.floors:
        # A floor by a whole name or alias only: "arriba" is not the Azotea's "allá arriba", nor
        # "planta" either "Planta alta" or "Planta baja".
        if any(_names_whole(_place_name(place), _place_name(name), kinds) for name in floor.names):
            exact |= {a.area_id for a in home.areas if a.floor_id == floor.floor_id}
    # "baño" is the Baño, even where "aseo" is a kind of baño; "servicio" the Cuarto de servicio. One
    # word of a kind of room names one room by its kind, not all of that kind ("la habitación" beside
    # a "Recámara principal" and a "Cuarto de Diego").
    by_kind_alone = part_by_kind if len(said) > 1 or len(part_by_kind) == 1 else set()
    found = exact or whole or part or by_kind_alone
    if not found:
        return (
            _room_said_in_words(said, home, kinds)
            or _room_on_floor(place, home, kinds)
            or _owners_room(said, home, kinds)
        )
    return _Place(frozenset(found), frozenset(said))


def _owners_room(said: Words, home: Home, kinds: Kinds) -> _Place | None:
    """The one room whose devices the words say are someone's: "de Javi" where his lamparita is.

    "el ventilador de Javi y Marta" is the fan of the Dormitorio principal, where the Lamparita de
    Javi and the "mesilla de mamá" are (`Home.owners`); so is "el del cuarto de papá", a word of
    that room's kind said with its owner. No room where the words are of two rooms.
    """
    areas: set[str] = set()
    rest = []
    for word in said:
        rooms = {area for owner, area in home.owners.items() if _same_word(word, owner, NO_KINDS)}
        if len(rooms) > 1:
            return None
        if rooms:
            areas |= rooms
        else:
            rest.append(word)
    room = home.area(next(iter(areas))) if len(areas) == 1 else None
    if room is None:
        return None
    names = [content(name) for name in room.names if content(name)]
    if not all(any(_covers_part((word,), name, kinds) for name in names) for word in rest):
        return None
    return _Place(frozenset(areas), frozenset(said), by_owner=True)


def _rooms_of_a_kind(said: Words, home: Home, kinds: Kinds) -> frozenset[str]:
    """The rooms a plural word for a kind of room names: "los baños", "las habitaciones", "las piezas".

    Every area whose own name begins with that word or a word of its kind ("Baño", "Aseo";
    "Dormitorio" and "Habitación de Carmen" for "las habitaciones"), or one of whose aliases begins
    with that very word (the "Toilette" also called "baño de abajo"), unless a name of the home is
    that very word ("Escaleras"). A Lavadero also called "cuarto de la plancha" is no habitación.
    Empty for any other words.
    """
    if len(said) != 1 or not is_plural(word := said[0]) or word not in kinds.rooms | _room_heads(home, plural=True):
        return frozenset()
    if any(content(name) == said for area in home.areas for name in area.names):
        return frozenset()

    def begins_so(area: HomeArea) -> bool:
        heads = [content(name)[0] for name in area.names if content(name)]
        return bool(heads) and (_matches(word, heads[0], kinds) or any(_same_word(word, h, kinds) for h in heads))

    return frozenset(area.area_id for area in home.areas if begins_so(area))


def _room_heads(home: Home, plural: bool = False) -> frozenset[str]:
    """The first words of the areas' names (their plurals too, `plural`): "baño", "pieza", "cuarto"."""
    heads = {content(name)[0] for area in home.areas for name in area.names if content(name)}
    return frozenset(heads | ({f"{h}s" for h in heads} | {f"{h}es" for h in heads} if plural else set()))


def _covers_part(said: Words, name: Words, kinds: Kinds, by_kind: bool = True) -> bool:
    """Whether the words said are part of an area's name: each a word of it, or (`by_kind`) of its head's kind.

    "dormitorio" is part of "Habitación de Lucía" (a kind of habitación); "baños" is no part of
    "Cuarto de servicio", though a "servicio" is a kind of baño: there it says what the cuarto is for.
    """
    return bool(said) and all(
        any(_same_word(w, name_word, kinds) for name_word in name) or (by_kind and _matches(w, name[0], kinds))
        for w in said
    )


def _place_name(phrase: Words) -> Words:
    """A place's naming words, quantifiers kept: "arriba de todo" is not "arriba"."""
    return tuple(w for w in phrase if w not in STOPWORDS)


def _names_whole(said: Words, name: Words, kinds: Kinds) -> bool:
    return bool(name) and len(said) == len(name) and _covers(said, frozenset(name), kinds)


def _room_said_in_words(said: Words, home: Home, kinds: Kinds) -> _Place | None:
    """A room said in several words that no name of the home has: "la sala de estar" for the Salón.

    The one area a one-word name of that kind of room names, if there is exactly one: the phrase's
    own word of that kind first ("baño" of "cuarto de baño"), then any.
    """
    kind = kinds.room_phrases.get(said, frozenset())
    found = {
        area_id
        for word in sorted(kind & set(said)) or sorted(kind)
        if (place := _named_areas((word,), home, kinds)) is not None and place.area_ids is not None
        for area_id in place.area_ids
    }
    return _Place(frozenset(found), frozenset(said)) if len(found) == 1 else None


def _room_on_floor(place: Words, home: Home, kinds: Kinds) -> _Place | None:
    """A kind of room and a floor: "el dormitorio de abajo" is the one room of that kind down there.

    The floor is said by a whole name or alias; the room by a word of its kind ("dormitorio" for
    "Habitación de la abuela"), read in the area's own name, not its aliases (the Lavadero called
    "cuarto de la lavadora" is no bedroom). None where the floor has no such room, or more than one
    where one was said; a plural ("las recámaras de arriba") is all of them.
    """
    said = _place_name(place)
    for cut in range(1, len(said)):
        room, floor_said = content(said[:cut]), said[cut:]
        floors = {
            floor.floor_id
            for floor in home.floors
            if any(_names_whole(floor_said, _place_name(name), kinds) for name in floor.names)
        }
        found = {
            area.area_id
            for area in home.areas
            if area.floor_id in floors and area.names and _covers(room, frozenset(content(area.names[0])), kinds)
        }
        if room and floors:
            several = len(room) == 1 and is_plural(room[0])  # "las recámaras de arriba": every one there
            return _Place(frozenset(found), frozenset(content(said))) if len(found) == 1 or several else None
    return None


def _only_room_called(word: str, home: Home, kinds: Kinds) -> str | None:
    """The one area whose names hold the word, where no other is named by that kind of room alone.

    "dormitorio" is the "Dormitorio principal" beside "Habitación de Lucía", but not beside a
    "Dormitorio" and a "Habitación de Lucía", where "habitación" may be either.
    """
    holding = {area.area_id for area in home.areas for name in area.names if word in content(name)}
    if len(holding) != 1 or _named_by_its_kind_elsewhere(word, frozenset(holding), home, kinds):
        return None
    return holding.pop()


def _named_by_its_kind_elsewhere(word: str, rooms: frozenset[str], home: Home, kinds: Kinds) -> bool:
    """Whether an area besides `rooms` is named by that kind of room alone: "habitación" may be the "Dormitorio"."""
    return any(
        len(content(name)) == 1 and _matches(word, content(name)[0], kinds)
        for area in home.areas
        if area.area_id not in rooms
        for name in area.names
    )


def _fit(
    device: Words,
    entity: HomeEntity,
    place_words: frozenset[str],
    own_area: frozenset[str],
    kinds: Kinds,
    area_said: bool = True,
) -> int:
    """How well the device words name the entity: 4 or 3 its whole name, 2 words of it, 1 its kind, 0 not.

    `place_words` are the words of the place said, which may name the entity's own area in other
    words (`own_area`). Where `area_said` (`_areas_said`), a device word may also be one of its own
    area's: "la lámpara de Lucía" is the lamp in Lucía's room.
    """
    domain = entity.domain
    if not device:
        return 1 if domain in SWITCHABLE else 0
    kind = kinds.domain_words(domain)
    said_area = own_area if area_said else frozenset()
    # "luz" names any light: said alone, it names a light by its kind, even one called "Luz del baño".
    naming_words = [w for w in device if not _word_matches(w, kind, kinds)]
    best = 0
    for name in entity.names:
        name_words = frozenset(content(name))
        if not name_words or not _covers(device, name_words | place_words | said_area | kind, kinds):
            continue
        # Said in full: each word of the name by a device word, or by the place, which may be the
        # entity's own area named another way ("Luz del aseo", said "la luz del baño de abajo").
        here = place_words | own_area if place_words else frozenset()
        whole = all(any(s == w or _matches(s, w, kinds) for s in device) or w in here for w in name_words)
        if whole and _said_as_it_is(device, name_words, place_words, said_area):
            best = EXACT_NAME  # "luz del aseo" is the Luz del aseo, before the Luz del baño (a kind of aseo)
        elif whole:
            best = max(best, WHOLE_NAME)
        elif any(_word_matches(w, name_words, kinds) for w in naming_words):
            best = max(best, NAMED)
    if not best and _covers(device, kind | place_words | said_area, kinds) and len(naming_words) < len(device):
        best = KIND
    return best


def _said_as_it_is(
    device: Words, name_words: frozenset[str], place_words: frozenset[str], own_area: frozenset[str]
) -> bool:
    """Whether the name is said as it is, with at most a slip or a plural, no word of its kind.

    Each word of the name is among the device's words or the place's; each device word is one of
    the name's, the place's or the entity's own area's.
    """
    return all(any(_matches(s, w, NO_KINDS) for s in device) or w in place_words for w in name_words) and all(
        _word_matches(s, name_words | place_words | own_area, NO_KINDS) for s in device
    )


def _resolve(naming: Naming, home: Home, kinds: Kinds, here: str | None = None) -> Target | Unresolved:
    place = _named_areas(naming.place, home, kinds)
    device = content(naming.device)
    whole = content((*naming.device, *naming.place))  # the place words may be of the device's own name
    if here is not None and place is not None and place.area_ids is None:
        # No place said, to a voice satellite: the speaker's room first ("apaga la luz" in the
        # kitchen), the whole home only when the room has nothing the words name.
        in_room = [e for e in home.entities if e.area_id == here]
        room_words = _area_words(home).get(here, frozenset())
        if not _named_elsewhere(naming, device, here, home):
            found = _pick(naming, device, in_room, room_words, kinds, home)
            if found is not None:
                return found
        # Not here: elsewhere only the one device the words name, not the best-named of several.
        found = _pick(naming, device, home.entities, frozenset(), kinds, home, only_one=True, kind_name_wins=False)
        return found or Unresolved.NO_DEVICE
    if place is None:
        # "luz @ espejo": the place words may be part of a device's own name ("Luz del espejo"); to a
        # satellite, of the one in the speaker's room whose name has them all ("lampara @ buro").
        if here is not None and (said_here := _named_here(naming, device, whole, home, kinds, here)):
            return said_here
        holding = _rooms_holding(naming.place, home)
        found = _pick(naming, whole, home.entities, frozenset(), kinds, None)
        if isinstance(found, Target) and (
            not _said_in_their_names(naming.place, holding, found, home)
            or _rooms_apart(content(naming.place), found, home, kinds)
        ):
            # A word several rooms' names hold ("habitación" of "Habitación de Carmen" and of the
            # Dormitorio's "habitación de matrimonio") names a device only as its name says it ("Tele
            # de la recámara"), not by its kind ("luz del dormitorio"); several, only in one room ("las
            # luces del cuarto" are not the "Luz del cuarto de la abuela" and the "luz de nuestro cuarto").
            found = None
        if not isinstance(found, Target) and (rooms := _rooms_calling_so(holding, naming.place, home, kinds)):
            # "el clima de la recámara", two rooms called "Recámara …": the one device the words fit
            # there; several where they are all in one of those rooms ("las lamparitas de la habitación").
            there = [e for e in home.entities if e.area_id in rooms]
            in_them = _pick(naming, device, there, frozenset(), kinds, home, only_one=True, kind_name_wins=False)
            if isinstance(in_them, Target) and _in_one_room(in_them, home):
                found = in_them
        return found or Unresolved.NO_PLACE
    if not device and ALL_OF_IT & set(naming.device) and place.area_ids is None:
        return Unresolved.EVERYTHING
    found = None
    if place.by_owner:  # "las lamparitas @ antonio": his Lamparita de Antonio, not every lamparita of his room
        named = _pick(naming, whole, home.entities, frozenset(), kinds, None)
        found = named if isinstance(named, Target) else None
    if found is None and place.by_owner:
        # "la lámpara de papá": his "mesilla de papá", not the room's Plafón; "el plafón de mamá" is the Plafón
        room = [e for e in home.entities if place.area_ids and e.area_id in place.area_ids]
        if not any(_called_so(e, device) for e in room):
            theirs = [e for e in room if {w for n in e.names for w in n} & place.words & home.owners.keys()]
            named = _pick(naming, device, theirs, place.words, kinds, home)
            found = named if isinstance(named, Target) else None
    if found is None:
        there = [e for e in home.entities if place.area_ids is None or e.area_id in place.area_ids]
        # No place said: one device only if the words fit no other, or name it as it is ("apaga la
        # tele" with two TVs is the built-in agent's to match by exact name, or to ask about).
        found = _pick(naming, device, there, place.words, kinds, home, only_one=place.area_ids is None)
        if place.area_ids is None and isinstance(found, Target) and _rooms_apart(device, found, home, kinds):
            found = Unresolved.NO_PLACE
    if found is None and place.area_ids is not None:
        # "cargador @ garaje" where the entity has no area but says its place in its name.
        found = _pick(naming, whole, home.entities, frozenset(), kinds, None)
    return Unresolved.NO_DEVICE if found is None else found


def _named_here(naming: Naming, device: Words, whole: Words, home: Home, kinds: Kinds, here: str) -> Target | None:
    """To a satellite, the device in the speaker's room that words naming no one place name there.

    "lampara @ buro": the one device of this room whose name holds every word. "ventilador @
    habitacion", said in a room called "Habitación de Lucía": this room's fan; not in a "Cuarto de
    baño" (another kind of room), nor where a device elsewhere is called by all the words said.
    """
    if not naming.plural and (one := _the_one_named_here(whole, home, here)):
        return Target(naming.action, (one,))
    said, room = content(naming.place), home.area(here)
    heads = [tuple(w for w in content(name) if w not in OURS) for name in room.names] if room else []
    if len(said) != 1 or not any(name[:1] == said and not set(name[1:]) & kinds.rooms for name in heads):
        return None
    if any(e.area_id != here and _called_so(e, whole) for e in home.entities):
        return None
    in_room = [e for e in home.entities if e.area_id == here]
    found = _pick(naming, device, in_room, _area_words(home).get(here, frozenset()), kinds, home)
    return found if isinstance(found, Target) else None


def _rooms_calling_so(rooms: frozenset[str], place: Words, home: Home, kinds: Kinds) -> frozenset[str]:
    """The rooms whose names hold the one word said (`rooms`: "recámara" of "Recámara principal"), or none.

    None where another room is named by that kind of room alone: beside a "Dormitorio", "la
    habitación" may be it as well as the "Habitación de los niños".
    """
    return frozenset() if rooms and _named_by_its_kind_elsewhere(content(place)[0], rooms, home, kinds) else rooms


def _rooms_apart(device: Words, found: Target, home: Home, kinds: Kinds) -> bool:
    """Whether devices said with a word of a room, its name's or its kind's, are in several rooms.

    "las luces del baño", with a "Baño de visitas" and a "Baño de arriba": which baño's?
    """
    return not _in_one_room(found, home) and any(w in kinds.rooms or _rooms_holding((w,), home) for w in device)


def _in_one_room(found: Target, home: Home) -> bool:
    """Whether the found devices are all in one room."""
    return len(_areas_of(found.entity_ids, home)) == 1


def _areas_of(chosen: Sequence[str], home: Home) -> set[str | None]:
    """The areas the chosen devices are in."""
    return {e.area_id for e in home.entities if e.entity_id in chosen}


def _said_in_their_names(place: Words, holding: frozenset[str], found: Target, home: Home) -> bool:
    """Whether the place said is a word of the found devices' names, or of one room's name at most."""
    if len(holding) < 2:
        return True
    said = content(place)[0]
    return all(
        any(said in name for name in entity.names) for entity in home.entities if entity.entity_id in found.entity_ids
    )


def _rooms_holding(place: Words, home: Home) -> frozenset[str]:
    """The rooms with a name or alias that holds the one word said; none for several words."""
    said = content(place)
    if len(said) != 1:
        return frozenset()
    return frozenset(area.area_id for area in home.areas for name in area.names if said[0] in content(name))


def _the_one_named_here(said: Words, home: Home, here: str) -> str | None:
    """The only device in the speaker's room whose name holds every word said as it is, if there is one."""
    named = [
        e.entity_id
        for e in home.entities
        if e.area_id == here and any(_covers(said, frozenset(content(n)), NO_KINDS) for n in e.names)
    ]
    return named[0] if len(named) == 1 else None


def resolve(naming: Naming, home: Home, kinds: Kinds, here: str | None = None) -> Target | Unresolved:
    """The entities the naming words point at, or why there are none (or too many).

    `here`: the area of the voice satellite that heard the request, where the words name no place.
    Where the words as the answer split them name nothing, the other splits of the same words into
    a device and a place are tried, the longest place first: "los dos ventiladores de arriba" (no
    place given) is the fans upstairs; "ventilador nuestro @ cuarto" the fan of "nuestro cuarto".
    A split never adds a word, nor makes a place's word for a kind of room a device's ("lamparita
    cuarto @ abajo"): a place or device the home lacks stays unresolved. A place named
    alone ("enciende el dormitorio") is no device: the built-in agent knows what to do with it.
    """
    if naming.place and set(naming.place) <= ESTAR:
        naming = replace(naming, place=())
    naming = _everything_of_a_place(naming) or naming
    found = _resolved(naming, home, kinds, here)
    if isinstance(found, Target) and _everything_on_in_rooms(naming, found, home):
        return Unresolved.ALL_ON
    return found


def _everything_on_in_rooms(naming: Naming, found: Target, home: Home) -> bool:
    """Whether every device of several rooms is switched on: "prendé todo lo de la planta baja".

    Nobody wants every plug of a floor on (the heater, the iron, the irrigation): only "todo" of one
    room ("préndele todo en su cuarto"), or every device of a kind ("las luces de abajo"), is done.
    """
    everything = bool(ALL_OF_IT & set(naming.device)) and not content(naming.device)
    return naming.action == ON and everything and len(_areas_of(found.entity_ids, home)) > 1


def _resolved(naming: Naming, home: Home, kinds: Kinds, here: str | None) -> Target | Unresolved:
    if HERE & {*naming.device, *naming.place}:
        return _resolved_here(naming, home, kinds, here)
    naming = _place_split(naming, home) or naming
    if naming.action == STATE and naming.device and set(naming.device) <= SOMETHING:
        naming = replace(naming, device=tuple(ALL_OF_IT))  # "¿hay algo prendido en la cochera?": all of it
    if _only_a_place(naming, home, kinds):
        return Unresolved.ONLY_PLACE
    found = _resolve(naming, home, kinds, here)
    if found not in (Unresolved.NO_DEVICE, Unresolved.NO_PLACE):
        return found
    said = (*naming.device, *naming.place)
    for i in range(1, len(said)):
        device, place = said[:i], said[i:]
        if place[0] in PLACE_WORDS:
            place = place[1:]
        if (
            not place
            or not (content(device) or ALL_OF_IT & set(device))
            or (device, place) == (naming.device, naming.place)
            or kinds.rooms & set(device[len(naming.device) :])
        ):
            continue  # a split that leaves no device word names no device, nor one that makes a room a device
        split = _resolve(Naming(naming.action, device, place), home, kinds)
        if isinstance(split, Target):
            return split
    return found


def _resolved_here(naming: Naming, home: Home, kinds: Kinds, here: str | None) -> Target | Unresolved:
    """A naming with "aquí" in it: devices of the satellite's room only."""
    if here is None:
        return Unresolved.NO_PLACE  # typed: no room is "here"
    found = resolve(_without_here(naming), home, kinds, here)
    if isinstance(found, Target) and _areas_of(found.entity_ids, home) != {here}:
        return Unresolved.NO_DEVICE  # "el toallero de aquí", said where there is none
    return found


def _without_here(naming: Naming) -> Naming:
    """The naming without "aquí", "acá" and the word that led to it: the satellite's room is the place."""
    device = [w for w in naming.device if w not in HERE]
    while device and device[-1] in PLACE_WORDS:
        device.pop()
    place = [w for w in naming.place if w not in HERE]
    return replace(naming, device=tuple(device), place=tuple(place) if content(place) else ())


def _words_after(said: Words, named: str, joins: tuple[str, ...] = ("de", "del")) -> Iterator[str]:
    """The first naming word after each of `joins` ("de", "del") that follows a word the votes named."""
    for i, word in enumerate(said[:-1]):
        if word == named and said[i + 1] in joins:
            following = next((w for w in said[i + 2 :] if w not in DETERMINERS | EVERY), None)
            if following is not None:
                yield following


def unvoted_name_word(said: Words, named: str, home_words: frozenset[str]) -> str | None:
    """A word that names the device or place further, which no vote kept and no name of the home has.

    "la lámpara de sal del garaje" voted "lampara @ garaje": the answer names a device the request
    does not, the model's guess for a word it does not know. `said` has the words the votes named
    replaced by `named`; a word one slip from one of the home's names is the home's. A word after
    "sin" describes it too ("la luz del baño sin ducha": the aseo, not the baño); not a manner ("sin
    hacer ruido").
    """
    lacking = (w for w in _words_after(said, named, ("sin",)) if not tag(w).infinitive)
    for following in chain(_words_after(said, named), lacking):
        if (
            following != named
            and following not in NAMES_NOTHING
            and not following.isdigit()
            and not tag(following).says_switch
            and not near_any(following, home_words)
        ):
            return following
    return None


def word_of_another_device(said: Words, named: str, home: Home, chosen: Sequence[str]) -> str | None:
    """A word after "de" that no vote kept, that other devices' names have and the chosen ones' do not.

    "la lámpara de buró de la recámara principal" voted "lampara @ recamara principal" would light
    the Foco de la recámara principal; "buró" names the Lámpara de buró. The chosen devices' own
    words are those of their names, their areas' and their floors'. `said` is as for
    `unvoted_name_word`.
    """
    own = frozenset().union(*(_own_words(e, home) for e in home.entities if e.entity_id in chosen))
    others = frozenset(w for e in home.entities if e.entity_id not in chosen for name in e.names for w in content(name))
    for following in _words_after(said, named, WHOSE):
        if (
            following not in (named, *WHOLE_HOME)
            and following in others
            and not near_any(following, own)
            and not _whose_room(following, home, chosen)
        ):
            return following
    return None


def _whose_room(word: str, home: Home, chosen: Sequence[str]) -> bool:
    """Whether the word says whose room the chosen devices are in, and names no device of their kind.

    "el ventilador de Javi", with the Lamparita de Javi beside the Dormitorio's fan: Javi's room's
    fan; "la lámpara de buró" with the Foco beside the Lámpara de buró names another light.
    """
    area = home.owners.get(word)
    picked = [e for e in home.entities if e.entity_id in chosen]
    domains = {e.domain for e in picked}
    holding = [e for e in home.entities if any(word in name for name in e.names)]
    return (
        area is not None
        and bool(picked)
        and all(e.area_id == area for e in picked)
        and not any(e.domain in domains for e in holding)
    )


def another_device_named(said: Words, home: Home, chosen: Sequence[str]) -> str | None:
    """Another device's whole name or alias, said after an article, that no vote kept ("la pava").

    "poné la pava y sacá la cafetera", with "sacá" no verb the agent knows, voted "ON cafetera":
    the pava is asked for too, and one answer cannot carry both. `said` is as for
    `unvoted_name_word`: words the votes kept read as the named thing, so no name they kept is here.
    """
    own = {name for e in home.entities if e.entity_id in chosen for name in e.names}
    for entity in home.entities:
        for name in entity.names:
            if entity.entity_id in chosen or name in own or not content(name):
                continue
            for i in range(1, len(said) - len(name) + 1):
                if said[i - 1] in DETERMINERS and said[i : i + len(name)] == name:
                    return " ".join(name)
    return None


def word_of_some_of_them(said: Words, named: str, home: Home, chosen: Sequence[str]) -> str | None:
    """A word after "de" that no vote kept, that some of several chosen devices' own words have, not all.

    "los veladores de Tomi" voted "los veladores" would switch every velador; "Tomi" names the room
    of one of them: the votes left out what narrows them. So does whom they are for: "préndeles los
    focos a Diego y a Lupita". `said` is as for `unvoted_name_word`.
    """
    if len(chosen) < 2:
        return None
    own = [_own_words(e, home) for e in home.entities if e.entity_id in chosen]
    for following in _words_after(said, named, WHOSE):
        holding = sum(near_any(following, words) for words in own)
        if following not in (named, *WHOLE_HOME) and 0 < holding < len(own):
            return following
    return None


def _own_words(entity: HomeEntity, home: Home) -> frozenset[str]:
    """The words of an entity's names, its area's and its floor's."""
    area = home.area(entity.area_id)
    floor = next((f for f in home.floors if area and f.floor_id == area.floor_id), None)
    names = (*entity.names, *(area.names if area else ()), *(floor.names if floor else ()))
    return frozenset(w for name in names for w in name)


def place_cut_short(said: Words, home: Home, chosen: Sequence[str]) -> str | None:
    """A longer name of another area or floor, said whole, that begins with a name of the target's.

    "las luces de arriba de todo" voted "luces @ arriba": "arriba" is the Primer piso, and "arriba
    de todo" the Segundo piso, which the votes cut short. `said`: the request's words as said.
    """
    areas = _areas_of(chosen, home)
    floors = {a.floor_id for a in home.areas if a.area_id in areas}
    places = [(a.area_id in areas, a.names) for a in home.areas]
    places += [(f.floor_id in floors, f.names) for f in home.floors]
    theirs = [_bare(name) for held, names in places if held for name in names]
    text = f" {' '.join(_bare(said))} "
    for held, names in places:
        for name in names if not held else ():
            bare = _bare(name)
            if f" {' '.join(bare)} " in text and any(len(t) < len(bare) and bare[: len(t)] == t for t in theirs):
                return " ".join(name)
    return None


def place_left_out(said: Words, home: Home, chosen: Sequence[str]) -> str | None:
    """An area of the home said (or one slip from it) that no vote kept and no chosen device is in.

    "render los leds jsrdín" voted "leds" would switch every LED strip of the home, not the garden's;
    "las luces del living y del comedor" voted "luces @ living" leaves the comedor out. `said`: the
    request's words with those the votes named masked.
    """
    areas = _areas_of(chosen, home)
    return _a_name_heard((n for a in home.areas if a.area_id not in areas for n in a.names), frozenset(said))


def floor_left_out(said: Words, named: str, home: Home, chosen: Sequence[str]) -> str | None:
    """A floor said as the named devices' place that none of the chosen devices is on.

    "apaga los ventiladores de abajo", heard upstairs and voted "los ventiladores", is not this
    room's fans. Only right after the device ("los ventiladores de abajo"): "abajo" and "arriba" say
    much else ("aquí abajo no se ve", "el vecino de abajo"). `said` is as for `unvoted_name_word`.
    """
    areas = _areas_of(chosen, home)
    floors = {a.floor_id for a in home.areas if a.area_id in areas}
    for following in _words_after(said, named):
        for floor in home.floors if following else ():
            for name in floor.names if floor.floor_id not in floors else ():
                if content(name)[:1] == (following,) and all(w in said for w in content(name)):
                    return " ".join(name)
    return None


def place_said_of_many(said: Words, home: Home, chosen: Sequence[str]) -> str | None:
    """A place said (an area, a floor, whose room) beside chosen devices of several rooms.

    Asked where most votes kept no place: "apaga los ventiladores de abajo" voted "ventiladores",
    or "apágales los focos a los señores" voted "focos", would switch every such device of the
    home, the votes having dropped the place. `said` is as for `place_left_out`.
    """
    if len(_areas_of(chosen, home)) < 2:
        return None
    heard = frozenset(said)
    places = (*(n for a in home.areas for n in a.names), *(n for f in home.floors for n in f.names))
    return _a_name_heard(places, heard) or next((word for word in home.owners if word in heard), None)


def _a_name_heard(names: Iterable[Words], heard: frozenset[str]) -> str | None:
    """The first of the names whose every naming word was heard (or one slip from it)."""
    for name in names:
        name_words = content(name)
        if name_words and all(_heard_as(w, heard) for w in name_words):
            return " ".join(name)
    return None


def placed_by_the_order(order: Words, home: Home, chosen: Sequence[str]) -> bool:
    """Whether the order's own words name the area the chosen devices are in.

    "apaga el foco del despacho, que Javi se bajó a la cocina": the reason's room is another place
    told of, not the foco's. A device's name alone places nothing, however unique: "enciende el
    quitamiedos, que Nico no se duerme en el dormitorio" may ask for a night light there.
    `order`: the order's words, as said.
    """
    areas = _areas_of(chosen, home)
    return _a_name_heard((n for a in home.areas if a.area_id in areas for n in a.names), frozenset(order)) is not None


def without_other_names(said: Words, home: Home, chosen: Sequence[str]) -> Words:
    """The words with every whole name or alias of a device not chosen left out.

    "…, que cuando apagamos la luz de la cocina el patio se queda a oscuras": the cocina is the
    Luz de la cocina's, not a place the order's farol is asked in.
    """
    names = sorted(
        {name for e in home.entities if e.entity_id not in chosen for name in e.names if content(name)},
        key=len,
        reverse=True,
    )
    kept: list[str] = []
    i = 0
    while i < len(said):
        name = next((n for n in names if said[i : i + len(n)] == n), None)
        kept.extend(() if name else (said[i],))
        i += len(name) if name else 1
    return tuple(kept)


def _heard_as(word: str, heard: frozenset[str]) -> bool:
    """Said, or said with one letter changed in a long word ("jsrdín"): "está" is no slip of "estar"."""
    return word in heard or (
        len(word) >= MIN_SLIPPED_PLACE and any(len(h) == len(word) and one_slip_apart(h, word) for h in heard)
    )


def _bare(phrase: Words) -> Words:
    """The words without articles and "de"/"del": "arriba del todo" is "arriba de todo"."""
    return tuple(w for w in phrase if w not in DETERMINERS and w not in PLACE_WORDS)


def place_said_whole(vote: str | None, heard: Words, home: Home) -> str | None:
    """The vote with its place said whole where the answer cut it short: "luces @ planta" of "la planta alta".

    The place words are part of the name of exactly one floor or area that the request says whole
    ("veladores @ pieza" of "nuestra pieza"), and name no place themselves. Any other vote is as it was.
    """
    naming = Naming.parse(vote)
    if naming is None or not (place := _bare(naming.place)):
        return vote
    names = [n for floor in home.floors for n in floor.names] + [n for area in home.areas for n in area.names]
    bare = {_bare(name): name for name in names}
    longer = {name for name in bare if len(name) > len(place) and find_words(place, name)}
    said_whole = [name for name in longer if find_words(name, _bare(heard))]
    if place in bare or len(said_whole) != 1:
        return vote
    device = " ".join(naming.device)
    return f"{naming.action} {device} {PLACE_MARK} {' '.join(bare[said_whole[0]])}"


def _place_split(naming: Naming, home: Home) -> Naming | None:
    """Several devices of a place, said with no place mark: "todas las luces de arriba", "las luces de la terraza".

    Or a place the answer began among the device's words (`_place_begun_in_device`).

    The words after "de" that are a whole name of a floor or an area are the place, though a
    device's own name or alias may also say them ("luz del baño de arriba"): the lights upstairs
    are all of them, not the one whose name says "arriba". So is the plural of the word areas'
    names begin with: "los focos de los baños" are those of the Baño de visitas and the Baño de
    arriba, not the Foco del cuarto de servicio (a "servicio" is a kind of baño). With a floor for
    the place, they are those rooms on that floor.
    """
    names = (*(n for floor in home.floors for n in floor.names), *(n for area in home.areas for n in area.names))
    places = {_place_name(name) for name in names}
    if naming.place and not naming.plural:
        return _place_begun_in_device(naming, places)
    heads = _room_heads(home)
    for i, word in enumerate(naming.device if naming.plural else ()):
        after = _place_name(naming.device[i + 1 :])
        rooms = len(after) == 1 and is_plural(after[0]) and bool(singular_forms(after[0]) & heads)
        if word not in PLACE_WORDS or not content(naming.device[:i]):
            continue
        if naming.place and rooms:  # "las luces de los baños @ planta principal": those rooms on that floor
            return Naming(naming.action, naming.device[:i], (*naming.device[i + 1 :], "de", *naming.place))
        if not naming.place and (after in places or rooms):
            return Naming(naming.action, naming.device[:i], naming.device[i + 1 :])
    return _place_begun_in_device(naming, places) if naming.place else None


def _place_begun_in_device(naming: Naming, places: set[Words]) -> Naming | None:
    """A place the answer began in the device's words: "luces de nuestra @ pieza" is "luces @ nuestra pieza".

    The device's last words (after "de", or all of them) and the place are a whole name of an
    area or a floor that the place alone is not.
    """
    if _place_name(naming.place) in places:
        return None
    for i in range(len(naming.device)):
        if i and naming.device[i - 1] not in PLACE_WORDS:
            continue
        if _place_name((*naming.device[i:], *naming.place)) in places:
            device = naming.device[: i - 1] if i else ()
            return Naming(naming.action, device, (*naming.device[i:], *naming.place))
    return None


def _named_elsewhere(naming: Naming, device: Words, here: str, home: Home) -> bool:
    """Whether the words name devices of other rooms by their names, and none of the speaker's room.

    "enciende la lámpara" in a kitchen whose only light is "Luz de la cocina", in a home of
    "Lámpara de pie" and "Lámpara de Lucía": the lamp meant is one of those, not the kitchen's
    light by its kind. The words Home Assistant itself reads as a whole domain ("la luz", "el
    ventilador": `vocabulary.domain_words`) still mean the room's device of that domain.
    """
    if naming.plural or not device or set(device) & domain_words():
        return False

    def holds(entity: HomeEntity) -> bool:
        return any(_matches(s, w, NO_KINDS) for name in entity.names for w in content(name) for s in device)

    here_held = any(holds(e) for e in home.entities if e.area_id == here)
    return not here_held and any(holds(e) for e in home.entities if e.area_id != here)


def _everything_of_a_place(naming: Naming) -> Naming | None:
    """Everything of the place after "de", where the models voted it as the device: "todo de arriba"."""
    said = [w for w in naming.device if w != "lo"]
    if naming.place or len(said) < 3 or said[0] not in ALL_OF_IT or said[1] not in PLACE_WORDS:
        return None
    return replace(naming, device=(said[0],), place=tuple(said[2:]))


def _only_a_place(naming: Naming, home: Home, kinds: Kinds) -> bool:
    """Whether the words name an area or floor and no device: "dormitorio", "salon @", "@ cocina"."""
    device, place = content(naming.device), content(naming.place)
    if not device:
        return bool(place) and not ALL_OF_IT & set(naming.device)
    if place or not (found := _named_areas(device, home, kinds)) or found.area_ids is None:
        return False
    return not any(content(name) == device for e in home.entities for name in e.names)


def _area_words(home: Home) -> dict[str, frozenset[str]]:
    """Each area's content words, of its name and aliases."""
    return {area.area_id: frozenset(w for name in area.names for w in content(name)) for area in home.areas}


def _areas_said(device: Words, own: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The areas whose words the device words may hold: those whose own mark they say.

    "la lámpara de Lucía" is the lamp of "Habitación de Lucía", and "la lámpara del cuarto de Lucía"
    too; "la lamparita del cuarto" is not the one of "cuarto de Carmen" where "nuestro cuarto" is a
    cuarto as well: a word the names of several areas hold marks none of them.
    """
    counts = Counter(w for area_words in own.values() for w in area_words)
    return frozenset(
        area_id
        for area_id, area_words in own.items()
        if any(_word_matches(s, frozenset(w for w in area_words if counts[w] == 1), NO_KINDS) for s in device)
    )


def _said_in_its_name(
    device: Words,
    chosen: tuple[str, ...],
    entities: Sequence[HomeEntity],
    here: dict[str, frozenset[str]],
    kinds: Kinds,
) -> tuple[str, ...]:
    """Of several devices named whole, the one whose name said whole has the device word itself.

    "el foco del cuarto de las niñas" is the "Foco de la recámara de las niñas", not the "Luz de
    noche" called "lamparita de las niñas" (a foco only by its kind); "la luz del cuarto de las
    niñas" is neither (the "luz" of "Luz de noche" is not in the name said whole). `here`: each
    entity's place words. Empty where none or several.
    """
    said = []
    for e in entities:
        if e.entity_id not in chosen:
            continue
        place = here.get(e.entity_id, frozenset())
        for name in map(content, e.names):
            whole = all(any(_matches(s, w, kinds) for s in device) or w in place for w in name)
            if name and whole and any(_word_matches(s, frozenset(name), NO_KINDS) for s in device):
                said.append(e.entity_id)
                break
    return tuple(said) if len(said) == 1 else ()


def _by_their_own_word(
    device: Words, scored: list[tuple[int, str]], everyone: Sequence[HomeEntity]
) -> list[tuple[int, str]] | Unresolved:
    """Of several devices named by their kind, those the home calls by the very words said.

    "las lamparitas" in a home with a "Lamparita de Marta" and a "Lamparita de Javi" are those two
    (named by a word of their names), not every light: "lamparita" is a word of the light kind, as
    "plafón" is. So are "los focos" where some lights are "Foco de …" and others "Lámpara de buró",
    and "los ventiladores" beside an "Extractor", though Home Assistant reads those words as every
    light or fan: the devices called so are the ones both readings mean, so nothing is switched the
    speaker may not have meant. Only the word for light itself (`vocabulary.light_words`: "las
    luces") always means every light there, and nothing is narrowed where Home Assistant's words
    cannot be read. NO_DEVICE where the home's devices called so are all outside the place (or the
    speaker's room); all of them where none is called so.
    """
    if _says_light_itself(device):
        return scored

    if not (called := {e.entity_id for e in everyone if _called_so(e, device)}):
        return scored
    return [(max(fit, NAMED), entity_id) for fit, entity_id in scored if entity_id in called] or Unresolved.NO_DEVICE


def _says_light_itself(device: Words) -> bool:
    """Whether the words say the light domain's own word ("luz"), or Home Assistant's words are unread."""
    light_itself = light_words()
    return not light_itself or bool(set(device) & light_itself)


def _called_so(entity: HomeEntity, device: Words) -> bool:
    """Whether the entity's names hold every word said, as it is (a slip or a plural aside)."""
    name_words = {w for name in entity.names for w in content(name)}
    return all(any(_matches(s, w, NO_KINDS) for w in name_words) for s in device)


def _one_by_its_own_word(
    device: Words, scored: list[tuple[int, str]], entities: Sequence[HomeEntity]
) -> list[tuple[int, str]]:
    """One device asked for by a word of a kind: those the home calls by that very word come first.

    "la lamparita del dormitorio", with a "Lamparita de Antonio" and a "Lamparita de Pepa" there,
    is one of those two (so neither, said so), not the "Lámpara del techo" that its alias "luz del
    dormitorio" names only by its kind; "la lámpara de la recámara" is its Lámpara de buró, not
    its Foco. The word for light itself ("la luz de la cocina") names
    every light by its kind alike, as for several (`_by_their_own_word`).

    So "la lámpara del salón" is its "Lámpara de pie", not its "Luz del salón". Of two called by the
    word said, one whose name holds its room's other name ("lámpara del comedor", in a salón also
    called sala) is not "la lámpara de la sala".
    """
    if not device or _says_light_itself(device):
        return scored
    called = {e.entity_id for e in entities if _called_so(e, device)}
    if not (called_there := called & {entity_id for _, entity_id in scored}):
        # A device here called so, that the other words do not fit: one of its kind is no better
        # guess ("la lamparita de la niña" beside a Lamparita and a "luz de la niña").
        return [] if called else scored

    def weighed(fit: int, entity_id: str) -> int:
        if entity_id not in called:
            return min(fit, KIND)
        # Of several called so, one whose name holds its room's other name is not said as it is.
        return NAMED if len(called_there) > 1 and fit < EXACT_NAME else max(fit, NAMED)

    return [(weighed(fit, entity_id), entity_id) for fit, entity_id in scored]


def _pick(
    naming: Naming,
    device: Words,
    entities: Sequence[HomeEntity],
    place_words: frozenset[str],
    kinds: Kinds,
    home: Home | None,
    only_one: bool = False,
    kind_name_wins: bool = True,
) -> Target | Unresolved | None:
    """The best-named entities: all of them for a plural, the only one for a singular.

    `home`: whose areas' names may stand for a device's place; None where only the devices' own
    names may (no place was found for the words). `only_one`: a singular is the one entity the
    words fit at all, or the one named as it is ("luz de Mateo" beside Mateo's night light), or
    nothing ("la tele" where a "Televisión" and a "Televisión del dormitorio" both fit).
    `kind_name_wins=False`: a name that is only a word of a kind ("Ventilador") is not named as it
    is beside others of the kind ("Ventilador de techo"): said to a room that has none of them.
    """
    own = _area_words(home) if home else {}
    said_of = _areas_said(device, own)
    # Several ("las luces") are all those named, whether said as they are or in other words.
    most = WHOLE_NAME if naming.plural else EXACT_NAME
    names_a_device = bool(device) or bool(ALL_OF_IT & set(naming.device))  # "apágalo todo" names all
    scored = [
        (min(fit, most), e.entity_id)
        for e in (entities if names_a_device else ())
        if (fit := _fit(device, e, place_words, own.get(e.area_id or "", frozenset()), kinds, e.area_id in said_of))
    ]
    # Several by kind ("las luces": every light there), or by a word of their own names ("los leds");
    # "todo" names no kind. A word of a kind the home calls some devices by keeps those, with other
    # words or without ("las lámparas de las niñas": a Lámpara, not the Foco de las niñas).
    of_a_kind = tuple(w for w in device if any(_word_matches(w, ws, kinds) for ws in kinds.by_domain.values()))
    by_kind = naming.plural and bool(device) and len(of_a_kind) == len(device)
    # A switch's kind is in its name only ("los radiadores": the Radiador and the "radiador toallero",
    # not the Termo its alias "calentador" makes one of their kind).
    called_by = of_a_kind or tuple(w for w in device if any(_word_matches(w, ws, kinds) for ws in kinds.synonyms))
    everyone = home.entities if home else entities
    narrowed: list[tuple[int, str]] | Unresolved = scored
    if not naming.plural:
        narrowed = _one_by_its_own_word(called_by, scored, entities)
    elif called_by:
        narrowed = _by_their_own_word(called_by, scored, everyone)
    if isinstance(narrowed, Unresolved):
        return narrowed
    if not (scored := narrowed):
        return None
    # One device: the best-named. Several ("las luces"): every one the words name, by name or kind,
    # in the place said; with no place, only those named by their own names.
    best = max(fit for fit, _ in scored)
    if naming.plural and not place_words and best < NAMED:
        return Unresolved.EVERYTHING
    least = (KIND if by_kind or best < NAMED else best) if naming.plural else best
    # Several by their own names ("los veladores"): also those whose names alone hold every word said
    # ("Velador de Caro" beside two called "Velador"), not those held by their room ("de papá").
    by_name = {
        e.entity_id
        for e in (entities if naming.plural else ())
        if any(_covers(device, frozenset(content(n)), kinds) for n in e.names)
    }
    chosen = tuple(
        sorted(entity_id for fit, entity_id in scored if fit >= least or (fit >= NAMED and entity_id in by_name))
    )
    if (count := COUNTS.keys() & set(naming.device)) and len(chosen) != COUNTS[count.pop()]:
        return Unresolved.AMBIGUOUS  # "los dos ventiladores" where three or one answer
    if not naming.plural and len(chosen) > 1 and best >= WHOLE_NAME:
        places = {e.entity_id: place_words | own.get(e.area_id or "", frozenset()) for e in entities}
        chosen = _said_in_its_name(device, chosen, entities, places, kinds) or chosen
    # A name that is only a word of a kind ("Ventilador") is no better said than the other fans.
    exact = best == EXACT_NAME and (kind_name_wins or len(of_a_kind) < len(device))
    if not naming.plural and (len(chosen) > 1 or (only_one and len(scored) > 1 and not exact)):
        return Unresolved.AMBIGUOUS
    return Target(naming.action, chosen)
