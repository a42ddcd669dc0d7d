"""Is a voted command really about the entity it would switch, in THIS home?

The models know the catalog's 18 devices; a real home holds more: other rooms, a second light in
a room, appliances, aliases. Between the engine's decision and the service call, this step
compares the request with the home Home Assistant knows (its areas, the entities exposed to
Assist, their names and aliases) and finds reasons the command is not for the chosen entity:

- the request names an area other than the entity's ("la luz de la buhardilla" -> LUZ_SL);
- it names another entity of the home ("la lámpara de pie", "el calentador" as the termo's alias);
- it names a kind of device that another entity of the same area is, and the chosen one is not
  ("la lámpara del salón" where the salón holds "Luz del salón" and "Lámpara de pie");
- it speaks of several devices at once ("las luces del salón" where the salón has several lights,
  "todas", "apágalo todo"): those belong to Home Assistant's built-in agent, which switches every
  device of the area.

A reason means the agent does not act; the request goes to the built-in agent instead. Matching
is on whole words after the models' own normalisation (lower case, no accents or punctuation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er

from .engine import CatalogEntry
from .engine.text import normalize_lower_ascii
from .spanish import plural_forms

CONVERSATION = "conversation"  # the assistant id exposure settings are kept under
ALL_WORDS = frozenset({"todo", "todas", "todos", "toda"})
STOPWORDS = frozenset({"de", "del", "la", "el", "los", "las", "en", "y", "a", "al", "mi", "tu", "su", "un", "una"})

Words = tuple[str, ...]


def words(text: str) -> Words:
    """The whole words of a text, as the models read them."""
    return tuple(normalize_lower_ascii(text).split())


@dataclass(frozen=True)
class HomeEntity:
    """An entity exposed to Assist: every name it answers to, and its area."""

    entity_id: str
    names: tuple[Words, ...]
    area_id: str | None


@dataclass(frozen=True)
class HomeArea:
    area_id: str
    names: tuple[Words, ...]


@dataclass(frozen=True)
class Home:
    """What the agent knows of this home: areas and exposed entities, names normalised."""

    areas: tuple[HomeArea, ...]
    entities: tuple[HomeEntity, ...]

    def entity(self, entity_id: str) -> HomeEntity | None:
        return next((e for e in self.entities if e.entity_id == entity_id), None)


def _find(needle: Words, hay: Words) -> list[int]:
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
        for start in _find(phrase, text):
            positions = set(range(start, start + len(phrase)))
            if not positions & taken:
                taken |= positions
                found.append((start, start + len(phrase), owner))
    return found


def _covered(text: Words, phrases: Iterable[Words]) -> set[int]:
    """Positions of the text covered by any of the phrases."""
    covered: set[int] = set()
    for phrase in phrases:
        for start in _find(phrase, text):
            covered |= set(range(start, start + len(phrase)))
    return covered


def reason_not_for(
    text: str, home: Home, entity_id: str, entry: CatalogEntry, catalog: Sequence[CatalogEntry]
) -> str | None:
    """Why a command of `entry` on `entity_id` is not what the text asks for; None when it is."""
    said = words(text)
    target = home.entity(entity_id)
    target_area = target.area_id if target else None
    own_device = [words(w) for w in (entry.device, *entry.device_words)]
    own_room = [words(w) for w in (entry.room, *entry.room_words)]
    own_names = list(target.names) if target else []
    plurals = {p for e in catalog for w in (e.device, *e.device_words) for p in plural_forms(words(w))}
    # The device's own words explain a word of the request, except a bare plural ("luces"): the
    # catalog lists plurals as ways of naming one light, a real home reads them as every light.
    singular_own = [w for w in own_device if not (len(w) == 1 and (w[0] in plurals or w[0].endswith("s")))]
    explained = _covered(said, [*singular_own, *own_names])

    if ALL_WORDS & set(said):
        return "habla de todo o de todos los aparatos"
    same_kind = [e for e in home.entities if e.area_id == target_area and e.entity_id.split(".")[0] == entry.domain]
    if len(same_kind) > 1 and any(w in plurals for i, w in enumerate(said) if i not in explained):
        return "habla de varios aparatos de la zona"

    area_spans = _spans(said, ((name, area.area_id) for area in home.areas for name in area.names))
    mentioned_areas = {area_id for _, _, area_id in area_spans}
    room_ok = _covered(said, own_room)
    for start, end, area_id in area_spans:
        if area_id == target_area:
            continue
        if target_area is None and set(range(start, end)) <= room_ok:
            continue  # an entity with no area: the catalog's own room words are its room
        return f"nombra otra zona ({area_id})"

    generic = {w for e in catalog for phrase in (e.device, *e.device_words) for w in words(phrase)} | STOPWORDS
    name_spans = _spans(said, ((name, e.entity_id) for e in home.entities for name in e.names))
    for _, _, other_id in name_spans:
        if other_id == entity_id:
            continue
        other = home.entity(other_id)
        other_names = other.names if other else ()
        is_generic = all(set(name) <= generic for name in other_names)
        if is_generic and mentioned_areas and (other is None or other.area_id not in mentioned_areas):
            continue  # "luz" named in another room: the room decides, not the bare noun
        return f"nombra otro aparato ({other_id})"

    if target_area is not None:
        named = _covered(said, own_names)
        for other in home.entities:
            if other.entity_id == entity_id or other.area_id != target_area:
                continue
            heads = {name[0] for name in other.names if name and name[0] not in STOPWORDS and len(name[0]) > 2}
            for i, word in enumerate(said):
                if word in heads and i not in named and not any(word in name for name in own_names):
                    return f"puede ser otro aparato de la misma zona ({other.entity_id})"
    return None


@callback
def async_read_home(hass: HomeAssistant) -> Home:
    """The areas of the home and every entity exposed to Assist, with names and aliases."""
    areas_reg = ar.async_get(hass)
    entities_reg = er.async_get(hass)
    devices_reg = dr.async_get(hass)
    areas = tuple(
        HomeArea(area.id, tuple(words(n) for n in (area.name, *area.aliases) if words(n)))
        for area in areas_reg.async_list_areas()
    )
    entities = []
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
    return Home(areas, tuple(entities))
