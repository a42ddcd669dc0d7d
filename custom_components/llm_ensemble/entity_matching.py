"""Suggest which entity each command code means, from the catalog's Spanish names.

A suggestion only pre-fills the options form: the user confirms or changes it. The matching
compares whole words after the models' own normalisation (no accents, lower case), prefers the
longest synonym that matches ("luces led" beats "luces"), and gives each entity to one code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er

from .const import SUPPORTED_DOMAINS
from .engine import CatalogEntry
from .engine.text import normalize_lower_ascii

DOMAIN_BONUS = 0.1  # the catalog's usual domain breaks ties, never overrules a name
DOMAIN_ONLY = 0.5  # an entity of the usual domain named only after its room ("Salón")
MAIN_DEVICE_BONUS = 0.3  # named with the code's own device word ("luz"), not a synonym ("lámpara")
EXTRA_WORD_PENALTY = 0.2  # per word of the name that is neither device, room nor filler ("de pie")
FILLER = frozenset({"de", "del", "la", "el", "los", "las", "en", "mi"})


@dataclass(frozen=True)
class Candidate:
    """An entity that could be mapped: its names (name, aliases) and its area's names."""

    entity_id: str
    names: tuple[str, ...]
    areas: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        """The entity's domain (light, switch...)."""
        return split_entity_id(self.entity_id)[0]


def _words(text: str) -> tuple[str, ...]:
    return tuple(normalize_lower_ascii(text).split())


def _longest_match(phrases: Iterable[str], texts: Iterable[str]) -> int:
    """The word count of the longest phrase found, as whole words, in any of the texts (0: none)."""
    best = 0
    haystacks = [_words(t) for t in texts]
    for phrase in phrases:
        needle = _words(phrase)
        size = len(needle)
        if size <= best or not size:
            continue
        if any(hay[i : i + size] == needle for hay in haystacks for i in range(len(hay) - size + 1)):
            best = size
    return best


def score(entry: CatalogEntry, candidate: Candidate) -> float:
    """How well a candidate fits a code; 0 when it does not (wrong device, or wrong/unknown room).

    Beyond the device and room words found, a name that is exactly the code's own ("Luz del
    salón" for LUZ_SL: the device's main word, the room, nothing else) beats one with words of its
    own ("Lámpara de pie", "Luz de la habitación de los niños"), so in a home with more devices than
    codes the room's main device wins over a second one or one in a room the catalog lacks.
    """
    device: float = _longest_match((entry.device, *entry.device_words), candidate.names)
    if not device and candidate.domain == entry.domain:
        device = DOMAIN_ONLY
    room_words = (entry.room, *entry.room_words)
    room = _longest_match(room_words, candidate.areas) or _longest_match(room_words, candidate.names)
    if not device or not (room or entry.only_one):
        return 0.0
    main_device = MAIN_DEVICE_BONUS if _longest_match((entry.device,), candidate.names) else 0.0
    known = {w for phrase in (entry.device, *entry.device_words, *room_words) for w in _words(phrase)} | FILLER
    extra = min(len([w for w in _words(n) if w not in known]) for n in candidate.names) if candidate.names else 0
    return (
        device
        + room
        + main_device
        - EXTRA_WORD_PENALTY * extra
        + (DOMAIN_BONUS if candidate.domain == entry.domain else 0.0)
    )


def suggest_mapping(catalog: Sequence[CatalogEntry], candidates: Sequence[Candidate]) -> dict[str, str]:
    """Code -> entity_id for the codes with a convincing candidate; each entity used once."""
    order = {entry.code: i for i, entry in enumerate(catalog)}
    scored = [
        (value, entry.code, cand.entity_id)
        for entry in catalog
        for cand in candidates
        if (value := score(entry, cand)) > 0
    ]
    scored.sort(key=lambda item: (-item[0], order[item[1]], item[2]))
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _, code, entity_id in scored:
        if code not in mapping and entity_id not in used:
            mapping[code] = entity_id
            used.add(entity_id)
    return mapping


@callback
def async_candidates(hass: HomeAssistant) -> list[Candidate]:
    """Every entity of a supported domain, with its names and its (or its device's) area."""
    entities = er.async_get(hass)
    devices = dr.async_get(hass)
    areas = ar.async_get(hass)
    found = []
    for state in hass.states.async_all(SUPPORTED_DOMAINS):
        names = [state.name]
        area_id = None
        if reg := entities.async_get(state.entity_id):
            names.extend(a for a in reg.aliases if isinstance(a, str))
            area_id = reg.area_id
            if reg.device_id and (device := devices.async_get(reg.device_id)):
                names.extend(n for n in (device.name_by_user, device.name) if n)
                area_id = area_id or device.area_id
        area_names: tuple[str, ...] = ()
        if area_id and (area := areas.async_get_area(area_id)):
            area_names = (area.name, *sorted(area.aliases))
        found.append(Candidate(state.entity_id, tuple(names), area_names))
    return found
