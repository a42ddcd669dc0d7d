"""Is a voted command really about the entity it would switch, in THIS home?

The models know the catalog's 18 devices; a real home holds more: other rooms, a second light in
a room, appliances, aliases. Between the engine's decision and the service call, this step
compares the request with the home Home Assistant knows (its areas, the entities exposed to
Assist, their names and aliases) and finds reasons the command is not for the chosen entity:

- the request names an area other than the entity's ("la luz de la buhardilla" -> LUZ_SL), or a
  room or a kind of device of the catalog other than the code's ("la tele de mi cuarto" -> TV_SL,
  "la cafetera del dormitorio" -> LUZ_DO);
- it names another entity of the home ("la lámpara de pie", "el calentador" as the termo's alias,
  "la mesilla" of "Lámpara de la mesilla");
- it names a kind of device that another entity of the same area is, and the chosen one is not
  ("la lámpara del salón" where the salón holds "Luz del salón" and "Lámpara de pie");
- it speaks of several devices at once ("las luces del salón" where the salón has several lights,
  "todas", "apágalo todo"): those belong to Home Assistant's built-in agent, which switches every
  device of the area;
- it does not say which room, for a device the home has in several ("enciende la luz");
- it names something with a word neither the model's device requests nor the home's names hold
  ("la freidora", "la sala de cine", "mi vecino tiene el riego igual"): the model never learnt
  what that is, so its command is a guess. A word one slip from a known one is the known one.

A reason means the agent does not act; the request goes to the built-in agent instead. Matching
is on whole words after the models' own normalisation (lower case, no accents or punctuation).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import floor_registry as fr

from .engine import CatalogEntry
from .engine.text import normalize_lower_ascii
from .morphology import FAMILY, FAMILY_PAIRS, NAMING_WORDS, STOPWORDS, is_switch_verb, plural_forms, plural_of
from .reasons import PassOn, Reason
from .typos import near_any, slips

CONVERSATION = "conversation"  # the assistant id exposure settings are kept under
ALL_WORDS = frozenset({"todo", "todas", "todos", "toda", "cada"})
# Domains of things people switch and name like devices; a scene "Buenas noches" or a weather
# entity "Tiempo en casa" counts by its whole name only, not by one of its words.
DEVICE_DOMAINS = frozenset(
    {
        "light",
        "switch",
        "fan",
        "input_boolean",
        "media_player",
        "cover",
        "climate",
        "vacuum",
        "humidifier",
        "water_heater",
        "lock",
        "valve",
        "remote",
    }
)
REASON_MARKERS = frozenset({"que", "porque", "para"})  # after the verb, what follows is the reason
# "…que hay en la bodega", "…que está en el garaje": a "que" that places the device, not a reason.
PLACING_WORDS = frozenset({"hay", "esta", "estan", "tengo", "tiene", "tienes"})
FLOOR_WORDS = frozenset({"abajo", "arriba"})  # "el baño de abajo": a room on another floor
# "la luz del salón de mi vecino", "…de casa de mis padres": another person's home or thing.
OTHER_PEOPLE = frozenset(
    {"vecino", "vecina", "vecinos", "vecinas", "hermano", "hermana", "hermanos", "hermanas", "madre", "padre", "padres",
     "abuelo", "abuela", "abuelos", "tio", "tia", "tios", "primo", "prima", "primos", "amigo", "amiga", "amigos",
     "amigas", "suegro", "suegra", "suegros", "novio", "novia", "jefe", "jefa", "hijo", "hija", "hijos", "hijas"}
)  # fmt: skip
DISTINCTIVE_LETTERS = 5  # a word of a name, not of the catalog, this long names that area or device alone

Words = tuple[str, ...]


@lru_cache(maxsize=4096)
def words(text: str) -> Words:
    """The whole words of a text, as the models read them.

    Kept: the checks read the catalog's and the home's names on every request.
    """
    return tuple(normalize_lower_ascii(text).split())


@dataclass(frozen=True)
class HomeEntity:
    """An entity exposed to Assist: every name it answers to, and its area."""

    entity_id: str
    names: tuple[Words, ...]
    area_id: str | None

    @property
    def domain(self) -> str:
        """The entity's domain: "light", "switch", "fan"."""
        return split_entity_id(self.entity_id)[0]


@dataclass(frozen=True)
class HomeArea:
    """An area of the home, by the words of its name and aliases, and its floor."""

    area_id: str
    names: tuple[Words, ...]
    floor_id: str | None = None


@dataclass(frozen=True)
class HomeFloor:
    """A floor of the home, by the words of its name and aliases."""

    floor_id: str
    names: tuple[Words, ...]


@dataclass(frozen=True)
class Home:
    """What the agent knows of this home: areas and exposed entities, names normalised."""

    areas: tuple[HomeArea, ...]
    entities: tuple[HomeEntity, ...]
    floors: tuple[HomeFloor, ...] = ()
    # Words the entities' names write with a capital after their first word: people ("Lamparita de Javi").
    proper_names: frozenset[str] = frozenset()

    @cached_property
    def names(self) -> tuple[Words, ...]:
        """Every name and alias of the home's areas, floors and entities."""
        return (
            *(n for area in self.areas for n in area.names),
            *(n for floor in self.floors for n in floor.names),
            *(n for e in self.entities for n in e.names),
        )

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of every name and alias of the home's areas, floors and entities."""
        return frozenset(w for name in self.names for w in name)

    @cached_property
    def owners(self) -> Mapping[str, str]:
        """Whose devices are kept in one room, and which: "javi" of "Lamparita de Javi" -> the Dormitorio.

        A person's name (`proper_names`) or a word for one of the family ("mesilla de mamá"), said
        after "de" in devices' names, that no area's or floor's name has nor any device's name begins
        with, and that only devices of one area have. Not "noche" of "Luz de noche": that is no one.
        """
        places = (*(n for area in self.areas for n in area.names), *(n for floor in self.floors for n in floor.names))
        taken = {w for name in places for w in name} | {name[0] for e in self.entities for name in e.names if name}
        after_de = {b for e in self.entities for name in e.names for a, b in pairwise(name) if a in ("de", "del")}
        people = after_de & (self.proper_names | FAMILY) - taken - STOPWORDS
        rooms: dict[str, set[str | None]] = {}
        for entity in self.entities:
            for word in {w for name in entity.names for w in name} & people:
                rooms.setdefault(word, set()).add(entity.area_id)
        kept_in_one = {word: next(iter(areas)) for word, areas in rooms.items() if len(areas) == 1}
        for pair, each in FAMILY_PAIRS.items():  # "sus padres": where papá's and mamá's things are, one room
            if pair not in taken and all(w in kept_in_one for w in each) and len({kept_in_one[w] for w in each}) == 1:
                kept_in_one[pair] = kept_in_one[each[0]]
        return {word: area for word, area in kept_in_one.items() if area is not None}

    def entity(self, entity_id: str) -> HomeEntity | None:
        """The entity with this id, if the home exposes it."""
        return next((e for e in self.entities if e.entity_id == entity_id), None)

    def area(self, area_id: str | None) -> HomeArea | None:
        """The area with this id, if the home has it."""
        return next((a for a in self.areas if a.area_id == area_id), None)


def find_words(needle: Words, hay: Words) -> list[int]:
    """Start positions of `needle` as consecutive whole words of `hay`."""
    size = len(needle)
    return [i for i in range(len(hay) - size + 1) if size and hay[i : i + size] == needle]


def _spans(text: Words, phrases: Iterable[tuple[Words, str]]) -> list[tuple[int, int, str]]:
    """Longest-first, non-overlapping matches: (start, end, owner) for each phrase found.

    "cuarto de la plancha" is found before "cuarto", so a longer name wins over its prefix.
    """
    taken: set[int] = set()
    found = []
    for phrase, owner in sorted(phrases, key=lambda p: -len(p[0])):
        for start in find_words(phrase, text):
            positions = set(range(start, start + len(phrase)))
            if not positions & taken:
                taken |= positions
                found.append((start, start + len(phrase), owner))
    return found


def _covered(text: Words, phrases: Iterable[Words]) -> set[int]:
    """Positions of the text covered by any of the phrases."""
    covered: set[int] = set()
    for phrase in phrases:
        for start in find_words(phrase, text):
            covered |= set(range(start, start + len(phrase)))
    return covered


@dataclass(frozen=True)
class _Request:
    """One request beside the command the models chose for it, and what the home knows."""

    said: Words
    home: Home
    entity_id: str
    entry: CatalogEntry
    catalog: Sequence[CatalogEntry]
    known_words: frozenset[str]

    @property
    def target(self) -> HomeEntity | None:
        return self.home.entity(self.entity_id)

    @property
    def area(self) -> str | None:
        return self.target.area_id if self.target else None

    @property
    def own_names(self) -> list[Words]:
        return list(self.target.names) if self.target else []

    @cached_property
    def own_place_words(self) -> frozenset[str]:
        """Every word of the entity's own names and of its area's names: what says it is this one."""
        area_names = (name for area in self.home.areas if area.area_id == self.area for name in area.names)
        return frozenset(w for name in (*self.own_names, *area_names) for w in name)

    @cached_property
    def catalog_words(self) -> frozenset[str]:
        """Every word the catalog uses for a device or a room: the models' own vocabulary."""
        return _catalog_names(tuple(self.catalog))

    @cached_property
    def device_words(self) -> frozenset[str]:
        """Every word the catalog uses for a kind of device ("luz", "foco", "calefactor")."""
        return _catalog_device_words(tuple(self.catalog))

    @cached_property
    def area_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, area_id) of every area the request names.

        By a name or alias, or by a distinctive word only that area's name has, even with a slip
        ("el cuarto de planchar": "Cuarto de la plancha"). Several checks read it, so it is kept.
        """
        spans = _spans(self.said, ((name, area.area_id) for area in self.home.areas for name in area.names))
        taken = {i for start, end, _ in spans for i in range(start, end)}
        common = self.catalog_words | STOPWORDS
        for area in self.home.areas:
            for name in area.names:
                distinctive = frozenset(w for w in name if w not in common and len(w) >= DISTINCTIVE_LETTERS)
                for i, word in enumerate(self.said):
                    if i not in taken and word not in common and near_any(word, distinctive):
                        spans.append((i, i + 1, area.area_id))
        return spans


def _everything(req: _Request) -> PassOn | None:
    if ALL_WORDS & set(req.said):
        return PassOn(Reason.EVERYTHING)
    return None


def _several(req: _Request) -> PassOn | None:
    """Read "las luces del salón" where the salón has more than one light as every one of them."""
    plurals = {p for e in req.catalog for w in (e.device, *e.device_words) for p in plural_forms(words(w))}
    own_device = [words(w) for w in (req.entry.device, *req.entry.device_words)]
    # The device's own words explain a word of the request, except a bare plural ("luces"): the
    # catalog lists plurals as ways of naming one light, a real home reads them as every light.
    singular = [w for w in own_device if not (len(w) == 1 and (w[0] in plurals or w[0].endswith("s")))]
    explained = _covered(req.said, [*singular, *req.own_names])
    domain = req.entry.domain
    same_kind = [e for e in req.home.entities if e.area_id == req.area and e.domain == domain]
    if len(same_kind) > 1 and any(w in plurals for i, w in enumerate(req.said) if i not in explained):
        return PassOn(Reason.SEVERAL_IN_AREA)
    return None


def _other_area(req: _Request) -> PassOn | None:
    """An area of the home other than the entity's, by its name, an alias, or a word only it has.

    ("la luz del cuarto de plancha" names "Cuarto de la plancha" by "plancha"). Not a word inside
    one of the catalog's own room phrases for the entity: "salón comedor" is the salón, though
    the home has a "Comedor".
    """
    room_ok = _covered(req.said, [words(w) for w in (req.entry.room, *req.entry.room_words)])
    for start, end, area_id in req.area_spans:
        if area_id == req.area or set(range(start, end)) <= room_ok:
            continue
        return PassOn(Reason.OTHER_AREA, area_id)
    return None


def _other_in_catalog(req: _Request, names: dict[str, tuple[str, ...]], own: str) -> str | None:
    """The first catalog phrase of the request that belongs to another key than `own`.

    Unless the entity's own name holds it; `names` maps a room (or a kind of device) to its words.
    """
    spans = _spans(req.said, ((words(w), key) for key, phrases in names.items() for w in phrases))
    named = _covered(req.said, req.own_names)
    return next((key for start, end, key in spans if key != own and not set(range(start, end)) <= named), None)


def _other_floor(req: _Request) -> PassOn | None:
    """A room placed on a floor ("el baño de abajo"): another room of its kind, maybe.

    Unless the entity's own names or area say that floor. A home with one bathroom in Home
    Assistant may have two; which one is meant is a guess.
    """
    for word in _before_reason(req.said):
        floor = slips(word, FLOOR_WORDS)
        if floor and not floor & req.own_place_words:
            return PassOn(Reason.OTHER_FLOOR, floor.pop())
    return None


def _other_catalog_room(req: _Request) -> PassOn | None:
    """A room word of the catalog that is another code's room ("la tele de mi cuarto" for TV_SL).

    The models' own vocabulary says it is not this code's room.
    """
    rooms = {e.room: (e.room, *e.room_words) for e in req.catalog}
    room = _other_in_catalog(req, rooms, req.entry.room)
    return PassOn(Reason.OTHER_ROOM, room) if room else None


def _other_catalog_device(req: _Request) -> PassOn | None:
    """A device word of the catalog that is another kind of device than the code's.

    "la cafetera del dormitorio" read as LUZ_DO: the models' own vocabulary says it is something else.
    """
    kinds = {e.device: (e.device, *e.device_words) for e in req.catalog}
    kind = _other_in_catalog(req, kinds, req.entry.device)
    return PassOn(Reason.OTHER_KIND, kind) if kind else None


def _other_device(req: _Request) -> PassOn | None:
    """Another entity of the home, by name or alias, or by a word only its name has ("mesilla")."""
    generic = req.device_words | STOPWORDS
    mentioned_areas = {area_id for _, _, area_id in req.area_spans}
    names = ((name, e.entity_id) for e in req.home.entities for name in e.names)
    for _, _, other_id in _spans(req.said, names):
        if other_id == req.entity_id:
            continue
        other = req.home.entity(other_id)
        is_generic = other is not None and all(set(name) <= generic for name in other.names)
        if is_generic and mentioned_areas and (other is None or other.area_id not in mentioned_areas):
            continue  # "luz" named in another room: the room decides, not the bare noun
        return PassOn(Reason.OTHER_DEVICE, other_id)
    common = req.catalog_words | STOPWORDS | {w for name in req.own_names for w in name}
    area_words = {w for area in req.home.areas for name in area.names for w in name}
    for other in req.home.entities:
        if other.entity_id == req.entity_id or other.domain not in DEVICE_DOMAINS:
            continue
        own = {w for name in other.names for w in name if len(w) >= DISTINCTIVE_LETTERS} - common - area_words
        if own & set(req.said):
            return PassOn(Reason.OTHER_DEVICE, other.entity_id)
    return None


def _same_area_kind(req: _Request) -> PassOn | None:
    """A kind of device another entity of the same area is: either could be meant.

    "la lámpara del salón" where the salón has "Lámpara de pie" beside "Luz del salón".
    """
    if req.area is None:
        return None
    named = _covered(req.said, req.own_names)
    for other in req.home.entities:
        if other.entity_id == req.entity_id or other.area_id != req.area:
            continue
        heads = {name[0] for name in other.names if name and name[0] not in STOPWORDS and len(name[0]) > 2}
        for i, word in enumerate(req.said):
            if word in heads and i not in named and not any(word in name for name in req.own_names):
                return PassOn(Reason.SAME_AREA_KIND, other.entity_id)
    return None


def _no_room(req: _Request) -> PassOn | None:
    """A device the home has one of per room, asked for without saying which room: a guess.

    "enciende la luz" read as LUZ_EN. The models learn to leave the room out only for devices the
    catalog has once (the TV, the coffee machine); the entity's own room, area or name must be said
    (one slip allowed: "slaon").
    """
    if req.entry.only_one:
        return None
    place = {w for p in (req.entry.room, *req.entry.room_words) for w in words(p)} | req.own_place_words
    place -= req.device_words | STOPWORDS
    if any(near_any(word, frozenset(place)) for word in req.said):
        return None
    return PassOn(Reason.NO_ROOM)


def _before_reason(said: Words) -> Words:
    """The request up to a reason given after its verb: "enciende la luz, que voy a fregar los platos".

    The reason names things ("los platos", "la peli") that are not what is switched. A "que" that
    says where the device is ("la tele que hay en la bodega") is no reason; nor is a "para" before
    the verb the verb "parar".
    """
    verb = next((i for i, word in enumerate(said) if word not in REASON_MARKERS and is_switch_verb(word)), None)
    if verb is None:
        return said
    after = range(verb + 1, len(said))
    reason = (
        i for i in after if said[i] in REASON_MARKERS and (i + 1 == len(said) or said[i + 1] not in PLACING_WORDS)
    )
    return said[: next(reason, len(said))]


def _someone_elses(req: _Request) -> PassOn | None:
    """A person's thing or home named as the device's: "la luz del salón de mi vecino".

    Not when the entity's own names or area say that person ("Cuarto de mi hija").
    """
    for before, word in pairwise(_before_reason(req.said)):
        if before in NAMING_WORDS and word in OTHER_PEOPLE and word not in req.own_place_words:
            return PassOn(Reason.SOMEONE_ELSES, word)
    return None


def unknown_thing(req: _Request) -> PassOn | None:
    """A thing named by a word the model never met in a device request, nor the home in a name.

    "la freidora del garaje" read as LUZ_GA, "la lámpara de la biblioteca": the model's answer
    for a word it does not know is a guess.
    """
    for before, word in pairwise(_before_reason(req.said)):
        if before not in NAMING_WORDS or word in NAMING_WORDS or word.isdigit():
            continue
        if not near_any(word, req.known_words) and not near_any(word, req.home.words):
            return PassOn(Reason.UNKNOWN_WORD, word[:24])
    return None


CHECKS = (
    _everything,
    _several,
    _other_area,
    _other_floor,
    _other_catalog_room,
    _other_catalog_device,
    _other_device,
    _same_area_kind,
    _someone_elses,
    unknown_thing,
    _no_room,
)


def reason_not_for(
    text: str,
    home: Home,
    entity_id: str,
    entry: CatalogEntry,
    catalog: Sequence[CatalogEntry],
    known_words: frozenset[str],
) -> PassOn | None:
    """Why a command of `entry` on `entity_id` is not what the text asks for; None when it is.

    `known_words`: the domotics model's own (its metadata's `known_words`).
    """
    said = _with_slips_mended(words(text), home, catalog, known_words)
    request = _Request(said, home, entity_id, entry, catalog, known_words)
    return next((reason for check in CHECKS if (reason := check(request))), None)


@lru_cache(maxsize=8)
def _catalog_names(catalog: tuple[CatalogEntry, ...]) -> frozenset[str]:
    """Every word of the catalog's device and room names."""
    return frozenset(w for e in catalog for p in (e.device, *e.device_words, e.room, *e.room_words) for w in words(p))


@lru_cache(maxsize=8)
def _catalog_device_words(catalog: tuple[CatalogEntry, ...]) -> frozenset[str]:
    """Every word of the catalog's device names."""
    return frozenset(w for e in catalog for p in (e.device, *e.device_words) for w in words(p))


def _with_slips_mended(said: Words, home: Home, catalog: Sequence[CatalogEntry], known: frozenset[str]) -> Words:
    """The request with each unknown word one slip from a catalog device or room word read as that word.

    "apague en el lavabo la stufa" names the estufa, which is not the lavabo's light; "en el
    psaadizo" names the pasadizo. Words the model or the home know are left as they are, and so are
    a slip of some other word too ("salí" is one slip from "sala" and from "salir") and a plural
    ("bombillas" speaks of several devices; read as "bombilla" it would speak of one).
    """
    names = _catalog_names(tuple(catalog))

    def mended(word: str) -> str:
        if word in known or word in home.words or word in names or plural_of(word, names):
            return word
        near = slips(word, known) | slips(word, home.words) | slips(word, names)
        return near.pop() if len(near) == 1 and near <= names else word

    return tuple(mended(word) for word in said)


@callback
def async_read_home(hass: HomeAssistant) -> Home:
    """The areas of the home and every entity exposed to Assist, with names and aliases."""
    areas_reg = ar.async_get(hass)
    entities_reg = er.async_get(hass)
    devices_reg = dr.async_get(hass)
    areas = tuple(
        HomeArea(area.id, tuple(words(n) for n in (area.name, *area.aliases) if words(n)), area.floor_id)
        for area in areas_reg.async_list_areas()
    )
    floors = tuple(
        HomeFloor(floor.floor_id, tuple(words(n) for n in (floor.name, *floor.aliases) if words(n)))
        for floor in fr.async_get(hass).async_list_floors()
    )
    entities = []
    proper: set[str] = set()
    for state in hass.states.async_all():
        if not async_should_expose(hass, CONVERSATION, state.entity_id):
            continue
        names = [state.name]
        area_id = None
        if entry := entities_reg.async_get(state.entity_id):
            names.extend(a for a in entry.aliases if isinstance(a, str))
            area_id = entry.area_id
            if not area_id and entry.device_id and (device := devices_reg.async_get(entry.device_id)):
                area_id = device.area_id
        entities.append(HomeEntity(state.entity_id, tuple(w for n in names if (w := words(n))), area_id))
        proper |= capitalised(names)
    return Home(areas, tuple(entities), floors, frozenset(proper))


def capitalised(names: Iterable[str]) -> set[str]:
    """The words written with a capital after a name's first word: "javi" of "Lamparita de Javi"."""
    return {w for name in names for said in name.split()[1:] if said[:1].isupper() for w in words(said)}
