"""The home check: a voted command is acted on only when the request is about that entity."""

from __future__ import annotations

import pytest
from homeassistant.core import HomeAssistant

from custom_components.llm_ensemble.engine import CatalogEntry
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, async_read_home, reason_not_for, words

from .real_home import RealHome, async_setup_real_home

LUZ_SL = CatalogEntry("LUZ_SL", "light", "luz", "salón", ("luz", "luces", "lámpara", "focos"), ("salón", "sala"))
LED_SL = CatalogEntry("LED_SL", "light", "tira LED", "salón", ("tira led", "luces led", "leds"), ("salón", "sala"))
CALEF_BA = CatalogEntry("CALEF_BA", "switch", "calefactor", "baño", ("calefactor", "calentador"), ("baño",), True)
CATALOG = (LUZ_SL, LED_SL, CALEF_BA)
# What the domotics model's metadata lists as its words: those of its device requests.
KNOWN = frozenset(
    words(
        "enciende apaga prende apágalo pon la el las los de del mi en luz luces lámpara focos foco salón sala "
        "tira led leds calefactor baño aseo jardín"
    )
)


def _entity(entity_id: str, area: str | None, *names: str) -> HomeEntity:
    return HomeEntity(entity_id, tuple(words(n) for n in names), area)


HOME = Home(
    areas=(
        HomeArea("salon", (words("Salón"),)),
        HomeArea("comedor", (words("Comedor"),)),
        HomeArea("bano", (words("Baño"),)),
        HomeArea("plancha", (words("Cuarto de la plancha"),)),
    ),
    entities=(
        _entity("light.salon", "salon", "Luz del salón"),
        _entity("light.tira", "salon", "Tira LED del salón"),
        _entity("light.pie", "salon", "Lámpara de pie"),
        _entity("light.comedor", "comedor", "Luz del comedor"),
        _entity("switch.calefactor", "bano", "Calefactor"),
        _entity("switch.termo", "bano", "Termo", "calentador"),
        _entity("light.generica", "plancha", "Luz"),
    ),
)


@pytest.mark.parametrize(
    ("text", "entity_id", "entry"),
    [
        ("apaga la luz del salón", "light.salon", LUZ_SL),
        ("¡Enciende la LUZ del Salon!", "light.salon", LUZ_SL),
        ("prende el foco de la sala", "light.salon", LUZ_SL),  # words the home does not know: the models decide
        ("enciende las luces led del salón", "light.tira", LED_SL),  # a plural that names one device
        ("enciende el calefactor", "switch.calefactor", CALEF_BA),
    ],
)
def test_requests_about_the_entity_pass(text: str, entity_id: str, entry: CatalogEntry) -> None:
    assert reason_not_for(text, HOME, entity_id, entry, CATALOG, KNOWN) is None


@pytest.mark.parametrize(
    ("text", "entity_id", "entry", "why"),
    [
        ("apaga la luz del comedor", "light.salon", LUZ_SL, "zona"),  # another area of the home
        ("apaga la luz del cuarto de la plancha", "light.salon", LUZ_SL, "zona"),  # longest area name wins
        ("apaga la luz del cuarto de planchar", "light.salon", LUZ_SL, "zona"),  # its word with a slip
        ("enciende la lámpara de pie", "light.salon", LUZ_SL, "aparato"),  # another entity's name
        ("enciende el calentador", "switch.calefactor", CALEF_BA, "aparato"),  # another entity's alias
        ("enciende la lámpara del salón", "light.salon", LUZ_SL, "misma zona"),  # the salón has a lamp too
        ("apaga las luces del salón", "light.salon", LUZ_SL, "varios"),  # every light of the area
        ("apaga todas las luces", "light.salon", LUZ_SL, "todo"),
        ("apágalo todo", "light.salon", LUZ_SL, "todo"),
        ("apaga cada luz del salón", "light.salon", LUZ_SL, "todo"),
        ("apaga la luz del salón de mi vecino", "light.salon", LUZ_SL, "otra persona"),  # not this home's
        ("enciende el calefactor de casa de mis padres", "switch.calefactor", CALEF_BA, "otra persona"),
        ("enciende el calefactor del baño de abajo", "switch.calefactor", CALEF_BA, "planta"),  # a second bathroom
        ("apaga la luz del salón de arriba", "light.salon", LUZ_SL, "planta"),
    ],
)
def test_requests_about_something_else_are_not_acted_on(
    text: str, entity_id: str, entry: CatalogEntry, why: str
) -> None:
    reason = reason_not_for(text, HOME, entity_id, entry, CATALOG, KNOWN)
    assert reason is not None and why in reason.spoken


def test_a_floor_the_entitys_own_area_says_is_its_own() -> None:
    """ "el baño de abajo" where Home Assistant's bathroom is "Baño de abajo": that one."""
    home = Home(
        areas=(HomeArea("bano", (words("Baño de abajo"),)),),
        entities=(_entity("switch.calefactor", "bano", "Calefactor"),),
    )
    text = "enciende el calefactor del baño de abajo"
    assert reason_not_for(text, home, "switch.calefactor", CALEF_BA, CATALOG, KNOWN) is None


def test_a_bare_noun_in_another_room_does_not_count() -> None:
    """An entity named just "Luz" elsewhere does not block "la luz del salón": the room decides."""
    assert reason_not_for("enciende la luz del salón", HOME, "light.salon", LUZ_SL, CATALOG, KNOWN) is None


def test_plural_of_a_room_with_one_light_is_still_ours() -> None:
    """ "las luces del jardín" where the jardín has one light: the built-in agent would switch that one too."""
    home = Home((HomeArea("jardin", (words("Jardín"),)),), (_entity("light.jardin", "jardin", "Luz del jardín"),))
    luz_ja = CatalogEntry("LUZ_JA", "light", "luz", "jardín", ("luz", "luces"), ("jardín",))
    assert reason_not_for("apaga las luces del jardín", home, "light.jardin", luz_ja, (luz_ja,), KNOWN) is None


async def test_the_real_home_is_read_from_home_assistant(hass: HomeAssistant) -> None:
    real: RealHome = await async_setup_real_home(hass)
    home = async_read_home(hass)
    assert {e.entity_id for e in home.entities} == set(real.entities)  # lights, switches, fans: exposed
    termo = home.entity("switch.termo")
    assert termo is not None and words("calentador") in termo.names
    assert any(words("cuarto de los niños") in area.names for area in home.areas)


@pytest.mark.parametrize(
    ("text", "entity_id", "entry", "why"),
    [
        ("apaga la luz del cuarto de plancha", "light.salon", LUZ_SL, "zona"),  # "plancha": only that area has it
        ("enciende la lámpara de la mesilla", "light.salon", LUZ_SL, "aparato"),  # not the name, its own word
        ("apaga la luz del baño", "light.salon", LUZ_SL, "habitación"),  # the catalog's rooms: another code's
    ],
)
def test_words_only_another_area_or_device_has(text: str, entity_id: str, entry: CatalogEntry, why: str) -> None:
    home = Home(HOME.areas, (*HOME.entities, _entity("light.mesilla", "salon", "Lámpara de la mesilla")))
    catalog = (*CATALOG, CatalogEntry("LUZ_BA", "light", "luz", "baño", ("luz",), ("baño", "aseo")))
    without_plancha = Home(home.areas[:2] + home.areas[3:], home.entities)
    reason = reason_not_for(text, without_plancha, entity_id, entry, catalog, KNOWN)
    assert reason is not None and why in reason.spoken


def test_another_kind_of_catalog_device() -> None:
    """ "el calefactor del salón" read as LUZ_SL: the catalog's words say it is not a light."""
    reason = reason_not_for("enciende el calefactor del salón", HOME, "light.salon", LUZ_SL, CATALOG, KNOWN)
    assert reason is not None and "tipo de aparato" in reason.spoken
    assert reason_not_for("enciende las luces led del salón", HOME, "light.tira", LED_SL, CATALOG, KNOWN) is None


@pytest.mark.parametrize(
    "text",
    [
        "apaga la freidora del salón",  # a device the model never learnt, read as the salón's light
        "enciende el foco de la biblioteca",  # a room neither the model nor the home knows
        "apaga la luz del salón de mi prometido",
        "quiero que apagues la freidora del salón",  # a "que" before the verb is no reason
    ],
)
def test_a_thing_named_by_a_word_nobody_knows_is_not_acted_on(text: str) -> None:
    reason = reason_not_for(text, HOME, "light.salon", LUZ_SL, CATALOG, KNOWN)
    assert reason is not None and "no conozco" in reason.spoken


@pytest.mark.parametrize(
    "text",
    [
        "enciende el foco del slaon",  # one slip (two letters swapped) from a known word
        "enciende la lampra del salón",  # one letter dropped
        "apaga la luz del salón porfa",  # an unknown word that names nothing (not after la, del, en…)
        "apaga la luz del salón, que voy a ver la peli",  # the reason after the verb names other things
        "apaga la luz del salón del comedor",  # the home's words are known (no comedor light here)
    ],
)
def test_slips_and_home_words_are_not_unknown(text: str) -> None:
    salon_only = Home(
        (HomeArea("salon", (words("Salón"),)), HomeArea("comedor", (words("Comedor"),))),
        (_entity("light.salon", "salon", "Luz del salón"),),
    )
    reason = reason_not_for(text, salon_only, "light.salon", LUZ_SL, CATALOG, KNOWN)
    assert reason is None or "zona" in reason.spoken  # the comedor is another area: not an unknown word
    if "comedor" not in text:
        assert reason is None


@pytest.mark.parametrize(
    ("text", "entity_id", "entry"),
    [
        ("enciende la tele que hay en la bodega", "light.salon", LUZ_SL),  # a "que" that places it
        ("para que no pase frío, enciende el calefactor de la bodega", "switch.calefactor", CALEF_BA),
    ],
)
def test_a_clause_that_places_the_device_is_read(text: str, entity_id: str, entry: CatalogEntry) -> None:
    reason = reason_not_for(text, HOME, entity_id, entry, CATALOG, KNOWN | {"tele", "hay", "pase", "frio"})
    assert reason is not None and "no conozco (bodega)" in reason.spoken


def test_a_plural_is_not_mended_into_one_device() -> None:
    """ "bombillas" is one letter from the catalog's "bombilla", but speaks of every light of the salón."""
    catalog = (CatalogEntry("LUZ_SL", "light", "luz", "salón", ("luz", "bombilla"), ("salón",)), LED_SL, CALEF_BA)
    reason = reason_not_for("apaga bombillas del salón", HOME, "light.salon", catalog[0], catalog, KNOWN)
    assert reason is not None


@pytest.mark.parametrize(
    ("text", "entity_id", "entry", "expected"),
    [
        ("enciende el foco", "light.salon", LUZ_SL, "habitación"),  # which of the home's lights?
        ("prende el foco porfa", "light.salon", LUZ_SL, "habitación"),
        ("enciende el foco de la sala", "light.salon", LUZ_SL, None),  # a room word of the code
        ("enciende el foco del slaon", "light.salon", LUZ_SL, None),  # with a slip
        ("enciende el calefactor", "switch.calefactor", CALEF_BA, None),  # the catalog has one: no room needed
    ],
)
def test_a_device_of_many_rooms_needs_its_room(
    text: str, entity_id: str, entry: CatalogEntry, expected: str | None
) -> None:
    reason = reason_not_for(text, HOME, entity_id, entry, CATALOG, KNOWN)
    assert (reason is None) if expected is None else (reason is not None and expected in reason.spoken)


def test_a_slip_of_another_devices_word_names_that_device() -> None:
    """ "la calefator" read as LUZ_SL: one slip from the catalog's "calefactor", another kind of device."""
    reason = reason_not_for("apaga en el salón el calefator", HOME, "light.salon", LUZ_SL, CATALOG, KNOWN)
    assert reason is not None and "tipo de aparato" in reason.spoken


def test_a_slip_of_another_word_too_is_left_alone() -> None:
    """ "salí" is one slip from the catalog's "sala" and from "salir": it names no room."""
    known = KNOWN | {"salir", "ducha", "ya", "que"}
    text = "apaga el calefactor del baño que ya salí de la ducha"
    assert reason_not_for(text, HOME, "switch.calefactor", CALEF_BA, CATALOG, known) is None


def test_a_person_the_entitys_own_area_names_is_its_own() -> None:
    """ "la luz del cuarto de mi hija" where Home Assistant has "Cuarto de mi hija": that one."""
    home = Home((HomeArea("hija", (words("Cuarto de mi hija"),)),), (_entity("light.hija", "hija", "Luz"),))
    luz_do = CatalogEntry("LUZ_DO", "light", "luz", "dormitorio", ("luz",), ("dormitorio", "cuarto"))
    text = "apaga la luz del cuarto de mi hija"
    assert reason_not_for(text, home, "light.hija", luz_do, (luz_do,), KNOWN | {"hija"}) is None


def test_the_catalogs_own_room_phrase_is_the_entitys_room() -> None:
    """ "salón comedor" is one of the catalog's words for the salón, though the home has a "Comedor"."""
    luz_sl = CatalogEntry("LUZ_SL", "light", "luz", "salón", ("luz",), ("salón", "salón comedor"))
    catalog = (luz_sl,)
    assert reason_not_for("enciende la luz del salón comedor", HOME, "light.salon", luz_sl, catalog, KNOWN) is None
    reason = reason_not_for("enciende la luz del comedor", HOME, "light.salon", luz_sl, catalog, KNOWN)
    assert reason is not None and "zona" in reason.spoken


def test_an_article_in_a_device_word_is_no_plural() -> None:
    """A catalog that names a device "la tv" does not make every "las" a plural device word."""
    tv = CatalogEntry("TV_SL", "media_player", "televisión", "salón", ("tele", "la tv"), ("salón",), True)
    text = "enciende las luces led del salón"
    assert reason_not_for(text, HOME, "light.tira", LED_SL, (*CATALOG, tv), KNOWN) is None
