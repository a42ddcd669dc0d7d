"""A home named by its family, not by the catalog: the shipped models, no mapping, real service calls.

The house below is this test's own (no evaluation file's): rooms named after people, a Mexican
"recámara", devices no catalog lists, an alias, a floor, two rooms with a bathroom in their names,
a "Dormitorio" beside a "Habitación de …".
The agent is set up as a new user would (engine defaults, options untouched).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, setup_test_component_platform

from custom_components.llm_ensemble.const import CONF_FALLBACK, CONF_WEATHER_ENTITY, DOMAIN
from custom_components.llm_ensemble.engine import Decision, Timings
from custom_components.llm_ensemble.outcomes import async_outcome
from custom_components.llm_ensemble.settings import Settings
from devtools.demo_home import Device

from .conftest import AGENT_ID, SHIPPED_MODELS, ask, speech
from .house import HouseWeather
from .real_home import RealHome, async_setup_real_home

DEVICES = (
    Device(None, "light", "Lámpara del techo", "lampara_techo", "Sala de estar", ("luz grande",)),
    Device(None, "light", "Lámpara de pie", "lampara_pie", "Sala de estar"),
    Device(None, "switch", "Deshumidificador", "deshumidificador", "Sala de estar"),
    Device(None, "switch", "Mesa camilla", "mesa_camilla", "Sala de estar"),
    Device(None, "light", "Quitamiedos", "quitamiedos", "Habitación de Irene"),
    Device(None, "switch", "Calefactor", "calefactor", "Dormitorio"),
    Device(None, "light", "Lamparita de Nico", "lamparita_nico", "Dormitorio"),  # whose room it is
    Device(None, "fan", "Abanico", "abanico", "Recámara de Tomás"),
    Device(None, "light", "Lámpara de la mesita de noche", "mesita", "Recámara de Tomás"),
    Device(None, "switch", "Radiador toallero", "toallero", "Baño de arriba"),
    Device(None, "light", "Luz del aseo", "luz_aseo", "Aseo"),
    Device(None, "light", "Foco", "foco_cochera", "Cochera"),
    Device(None, "switch", "Radio", "radio", "Cochera"),  # a word the models learnt as no device
)
AREA_ALIASES = {"Sala de estar": ("salón",), "Aseo": ("baño de abajo",)}
AREA_FLOORS = {
    "Habitación de Irene": "Planta alta",
    "Recámara de Tomás": "Planta alta",
    "Baño de arriba": "Planta alta",
}
FLOOR_ALIASES = {"Planta alta": ("arriba",)}


@pytest.fixture
async def home(hass: HomeAssistant) -> RealHome:
    return await async_setup_real_home(hass, DEVICES, AREA_ALIASES, AREA_FLOORS, FLOOR_ALIASES)


@pytest.fixture
async def agent(hass: HomeAssistant, home: RealHome) -> AsyncIterator[MockConfigEntry]:
    """What the config flow's defaults make: the shipped models on NumPy, no options saved."""
    entry = MockConfigEntry(domain=DOMAIN, title="LLM Ensemble", data=dict(SHIPPED_MODELS), options={})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    yield entry
    assert await hass.config_entries.async_unload(entry.entry_id)


def states(hass: HomeAssistant, home: RealHome) -> dict[str, str]:
    return {entity_id: hass.states.get(entity_id).state for entity_id in home.entities}  # type: ignore[union-attr]


async def changed_by(hass: HomeAssistant, home: RealHome, text: str) -> tuple[dict[str, str], str]:
    """What a request changed in the home, and the reply."""
    before = states(hass, home)
    result = await ask(hass, text)
    after = states(hass, home)
    return {e: s for e, s in after.items() if s != before[e]}, speech(result)


async def changed_from(hass: HomeAssistant, home: RealHome, text: str, on: bool) -> tuple[dict[str, str], str]:
    """What a request changed in the home with every device on (or off) before it, and the reply."""
    home.reset(dict.fromkeys(home.entities, on))
    await hass.async_block_till_done()
    return await changed_by(hass, home, text)


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("enciende el deshumidificador", {"switch.deshumidificador": "on"}),
        ("prende el foco de la cochera", {"light.foco_cochera": "on"}),
        ("enciende el quitamiedos de la habitación de Irene", {"light.quitamiedos": "on"}),
        ("prende el abanico de la recámara de Tomás", {"fan.abanico": "on"}),
        ("préndele el abanico a Tomás", {"fan.abanico": "on"}),  # whom it is for: whose it is
        ("enciende el toallero", {"switch.toallero": "on"}),
        ("enciende la luz grande del salón", {"light.lampara_techo": "on"}),  # an alias, an area alias
        ("enciende la luz del baño de abajo", {"light.luz_aseo": "on"}),  # the aseo, by its alias
        ("enciende las lámparas de la sala de estar", {"light.lampara_techo": "on", "light.lampara_pie": "on"}),
        ("pon la radio", {"switch.radio": "on"}),  # the models abstain; the name leaves no choice
        ("prende el calefactor de Nico", {"switch.calefactor": "on"}),  # his room's, where his lamparita is
        ("prende el abanico de Tomás y el de Nico", {}),  # Nico's room has no abanico: neither
        # A reason's verb that tells what happens gives no order of its own.
        ("pon el deshumidificador, que cuando abrimos la ventana entra humedad", {"switch.deshumidificador": "on"}),
        # Another device named in a reason is the reason's.
        (
            "enciende el deshumidificador, que si pongo también la mesa camilla salta el diferencial",
            {"switch.deshumidificador": "on"},
        ),
        ("el radiador toallero encendido, si puedes", {"switch.toallero": "on"}),  # a state asked for: an order
        # A room told by a device in it.
        ("prende la lámpara del cuarto donde está el abanico", {"light.mesita": "on"}),
        ("enciende el calefactor de donde está la lamparita de Nico", {"switch.calefactor": "on"}),
    ],
)
async def test_commands_on_the_homes_own_devices(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, changed: dict[str, str]
) -> None:
    """Devices no catalog lists, by their names, aliases and areas: switched, and nothing else."""
    done, reply = await changed_from(hass, home, text, on=False)
    assert done == changed, reply


async def test_a_state_question_is_answered_and_switches_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry
) -> None:
    home.reset({"switch.toallero": True})
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await ask(hass, "¿está encendido el radiador toallero?")
    assert states(hass, home) == before
    assert "encendido" in speech(result)


@pytest.mark.parametrize(("on", "answer"), [(True, "encendid"), (False, "apagad")])
@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("¿está calentando la mesa camilla?", "switch.mesa_camilla"),  # the models take "calentando" for it
        # Asked again as whether it is on, of its thing.
        ("¿el abanico de la recámara de Tomás no se quedó dando vueltas toda la noche?", "fan.abanico"),
        ("¿está sonando la radio?", "switch.radio"),  # the selector may hear music
    ],
)
async def test_whether_a_device_is_at_work_is_a_state_question(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, entity_id: str, on: bool, answer: str
) -> None:
    """ "¿está calentando …?", "¿… no se quedó dando vueltas?": its state, nothing switched."""
    home.reset({entity_id: on})
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await ask(hass, text)
    assert states(hass, home) == before
    assert answer in speech(result), speech(result)


@pytest.mark.parametrize(
    "text",
    [
        "enciende la luz del trastero",  # a room this home does not have
        "enciende el lavavajillas",  # a device it does not have
        "enciende la lámpara",  # two lamps: which one?
        "enciende la luz de la habitación",  # Irene's, or the Dormitorio, a kind of habitación too?
        "enciende el abanico, mejor no",  # called off
        "prende el abanico... chin, no, espérate, ya no",
        "prende el abanico, que gire bien lentito",  # how it is to work, said in the reason
        "prende la lámpara de pie, que quede a la mitad",  # a brightness said in the reason
        "¿por qué se prende la lámpara de pie tan bajita?",  # asks why
        "esta noche, prende la lámpara de pie bajita",  # later
        "la lámpara de pie está en el mínimo",  # how it is
        "prende la luz, que ya es de noche",  # "de noche" is no lamp's, nor a word of a reason whose
        "enciende la lámpara, que viene la novia de Tomás",
        "pon el calefactor para que se encienda a las seis",  # the device's own time
        "enciende la mesa camilla, que dé un calorcito de nada",  # how much, said in the reason
        "prende el abanico, no me hagas caso",  # called off by a saying
        "no enciendas el deshumidificador",
        "apaga el abanico y enciende el lavavajillas",  # two orders, one about what the home lacks
        "enciende todo lo de arriba",  # every plug of several rooms on is nobody's wish
        "prende todo lo de la planta alta",
        # called off, then a reason or a remark
        "enciende el deshumidificador, nah, que lo enciendo yo luego",
        "prende el abanico, es broma, que hace un frío que pela",
        "pon la mesa camilla; deja, deja, que ya la pone Irene cuando baje",
        "prende el abanico, tranqui, ya lo prendo yo",
        "préndele el abanico a Tomás y a su hermana también",  # whose other one? not only his
        "enciende el deshumidificador, aunque pensándolo bien que siga así, que no hay ropa tendida",
        "enciende el deshumidificador, gracias, era broma",  # thanks, then called off
    ],
)
async def test_what_it_cannot_be_sure_of_switches_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str
) -> None:
    """Absent places and devices, a name two devices answer to, a negation, two orders of which one
    cannot be done: nothing switched."""
    home.reset(dict.fromkeys(home.entities, False))
    await hass.async_block_till_done()
    before = states(hass, home)
    await ask(hass, text)
    assert states(hass, home) == before


async def test_without_the_fallback_it_says_why(hass: HomeAssistant, home: RealHome) -> None:
    """With nothing passed on, a name two devices answer to gets the agent's own reason."""
    entry = MockConfigEntry(
        domain=DOMAIN, title="LLM Ensemble", data=dict(SHIPPED_MODELS), options={CONF_FALLBACK: False}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert speech(await ask(hass, "enciende la lámpara de la sala de estar")).startswith("Hay varios aparatos")
    # A room alone is the built-in agent's (it switches the room's lights); ours does not guess.
    before = states(hass, home)
    await ask(hass, "enciende la habitación de Irene")
    assert states(hass, home) == before


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        (
            "apaga el deshumidificador y enciende el foco de la cochera",
            {"switch.deshumidificador": "off", "light.foco_cochera": "on"},
        ),
        ("apaga el deshumidificador y el toallero", {"switch.deshumidificador": "off", "switch.toallero": "off"}),
        # A refusal, then the order meant: the thing refused stays as it is.
        ("el toallero no, apaga el deshumidificador", {"switch.deshumidificador": "off"}),
        ("no apagues el toallero, solo el deshumidificador", {"switch.deshumidificador": "off"}),
        # A reason said in the same breath: the order is still the order.
        ("apaga el deshumidificador, que se ha quedado encendido", {"switch.deshumidificador": "off"}),
        ("buenas noches, apaga el radiador toallero", {"switch.toallero": "off"}),
        # Thanks, and a remark after them that names a room, ask for nothing more.
        ("apaga el deshumidificador, muchas gracias; qué bien ha quedado el salón", {"switch.deshumidificador": "off"}),
        ("apaga el toallero, gracias, mi amor", {"switch.toallero": "off"}),
        ("apaga el deshumidificador, eres un sol, de verdad", {"switch.deshumidificador": "off"}),
        ("apaga el toallero y ahora el deshumidificador", {"switch.toallero": "off", "switch.deshumidificador": "off"}),
        (
            "apaga el toallero, gracias, y luego el deshumidificador",  # thanks, then another order
            {"switch.toallero": "off", "switch.deshumidificador": "off"},
        ),
        # A change in the reason is the reason's; a question after the order that asks nothing of the home.
        ("apaga el toallero, que ahora sube Irene a ducharse", {"switch.toallero": "off"}),
        ("apaga el deshumidificador. ¿Cuántas veces os lo tengo que decir?", {"switch.deshumidificador": "off"}),
        # Taken back and said again: only what was meant.
        ("apaga el deshumidificador... digo, el radiador toallero", {"switch.toallero": "off"}),
        # A long telling that leads to one order: the order.
        (
            "Irene ha tenido un día horrible en el cole, ha suspendido el examen de mates y está de morros "
            "con su hermano, así que enciende el quitamiedos, porfa, que se lo ha ganado",
            {"light.quitamiedos": "on"},
        ),
        # One of two things taken back: the other is still done.
        ("apaga el deshumidificador y el toallero, bueno, el toallero no", {"switch.deshumidificador": "off"}),
        ("apaga el toallero y el deshumidificador; el deshumidificador tal como está", {"switch.toallero": "off"}),
        (
            "apaga el deshumidificador y el toallero; el toallero que se quede encendido, que Irene se ducha",
            {"switch.deshumidificador": "off"},
        ),
        (
            "apaga el toallero y el deshumidificador; no, espera, el toallero déjalo, que Irene se va a duchar",
            {"switch.deshumidificador": "off"},
        ),
    ],
)
async def test_what_was_asked_is_all_carried_out(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, changed: dict[str, str]
) -> None:
    """Each order decided on its own, all of them done and nothing else, one reply naming each device."""
    home.reset({"switch.deshumidificador": True, "switch.toallero": True})
    await hass.async_block_till_done()
    done, reply = await changed_by(hass, home, text)
    assert done == changed, reply
    for entity_id in changed:
        assert hass.states.get(entity_id).name in reply  # type: ignore[union-attr]


async def satellite_in(hass: HomeAssistant, area_name: str) -> str:
    """A voice satellite's device in the area: the room the speaker is in."""
    entry = MockConfigEntry(domain="satellite_test", title="Satélite")
    entry.add_to_hass(hass)
    area = ar.async_get(hass).async_get_area_by_name(area_name)
    assert area is not None
    devices = dr.async_get(hass)
    device = devices.async_get_or_create(config_entry_id=entry.entry_id, identifiers={("satellite_test", area_name)})
    devices.async_update_device(device.id, area_id=area.id)
    return device.id


@pytest.mark.parametrize(
    ("area", "text", "changed"),
    [
        ("Habitación de Irene", "enciende la luz", {"light.quitamiedos": "on"}),
        ("Cochera", "enciende la luz", {"light.foco_cochera": "on"}),
        ("Sala de estar", "enciende las luces", {"light.lampara_techo": "on", "light.lampara_pie": "on"}),
        ("Sala de estar", "enciende todas las luces", {"light.lampara_techo": "on", "light.lampara_pie": "on"}),
        ("Cochera", "enciende el abanico", {"fan.abanico": "on"}),  # none here: the home's only one
        ("Cochera", "enciende la luz del aseo", {"light.luz_aseo": "on"}),  # a room said is that room
        # A thing taken back with the place said last: the place may have been the light's too.
        ("Habitación de Irene", "enciende la luz y el deshumidificador del salón, el deshumidificador no", {}),
    ],
)
async def test_the_speakers_room_is_where_no_place_is_said(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, area: str, text: str, changed: dict[str, str]
) -> None:
    """Said to a voice satellite: the device of the satellite's area, never one of another room."""
    home.reset(dict.fromkeys(home.entities, False))
    device_id = await satellite_in(hass, area)
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await conversation.async_converse(
        hass, text, None, Context(), language="es", agent_id=AGENT_ID, device_id=device_id
    )
    after = states(hass, home)
    assert {e: s for e, s in after.items() if s != before[e]} == changed, speech(result)


async def test_an_order_the_selector_misses_is_still_ours(hass: HomeAssistant, home: RealHome) -> None:
    """Begun with an on/off verb, the domotics model votes even where the selector says NINGUNO.

    The shipped selector passes this one on; with nothing passed on, only our agent can switch it.
    """
    entry = MockConfigEntry(
        domain=DOMAIN, title="LLM Ensemble", data=dict(SHIPPED_MODELS), options={CONF_FALLBACK: False}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    home.reset(dict.fromkeys(home.entities, False))
    await hass.async_block_till_done()
    done, reply = await changed_by(hass, home, "prende la lámpara de la mesita de noche")
    assert done == {"light.mesita": "on"}, reply


@pytest.mark.parametrize(
    ("overruled", "satellite", "switched"),
    [(False, False, True), (True, False, False), (True, True, True)],
)
async def test_a_split_vote_the_selector_doubted_switches_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, overruled: bool, satellite: bool, switched: bool
) -> None:
    """Two votes of three carry an order; where the selector said NINGUNO, all three must agree.

    Unless a voice satellite heard it: the speaker's room makes a room-less order ours.
    """
    home.reset(dict.fromkeys(home.entities, False))
    await hass.async_block_till_done()
    text = "enciende la lámpara de pie"
    votes = ("ON lampara de pie", "ON lampara de pie", "NADA")
    made = Decision(text, text, "domotics", "NINGUNO", votes, None, False, Timings(), overruled=overruled)
    here = ar.async_get(hass).async_get_area_by_name("Sala de estar") if satellite else None
    settings = Settings.from_options(dict(agent.options))
    domotics = agent.runtime_data.engine.domotics.info
    await async_outcome(hass, made, settings, domotics, Context(), here.id if here else None)
    await hass.async_block_till_done()
    assert (hass.states.get("light.lampara_pie").state == "on") is switched  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["no enciendas el deshumidificador", "deja la lámpara de pie como está", "no apagues el foco, déjalo así"]
)
async def test_told_not_to_switch_it_answers_itself(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str
) -> None:
    """Nothing switched, and an acknowledgement of its own: not the built-in agent's "no conozco…"."""
    home.reset(dict.fromkeys(home.entities, False))
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await ask(hass, text)
    assert states(hass, home) == before
    assert speech(result).startswith("Vale"), speech(result)


async def test_the_built_in_agent_is_asked_without_the_call(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry
) -> None:
    """An area named alone is the built-in agent's; "oye," first would be read as part of its name."""
    home.reset(dict.fromkeys(home.entities, False))
    await hass.async_block_till_done()
    done, reply = await changed_by(hass, home, "oye, enciende la sala de estar")
    assert done == {"light.lampara_techo": "on", "light.lampara_pie": "on"}, reply


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("¿tiene Irene el quitamiedos encendido?", "quitamiedos"),  # in Irene's room
        ("¿tiene Irene la lámpara de pie encendida?", "lámpara de pie"),  # in the sala: not named after her
        ("¿Irene sigue con el quitamiedos encendido?", "quitamiedos"),  # "sigue con": has it
        ("¿Irene ya apagó el quitamiedos?", "quitamiedos"),  # who switched it: how it is now
        ("¿Irene se durmió con el quitamiedos encendido otra vez?", "quitamiedos"),  # went to sleep with it: has it
        ("¿se ha ido Irene al cole con la lámpara de pie encendida?", "lámpara de pie"),
        ("¿Tomás se durmió con la lámpara encendida?", "mesita de noche"),  # the lamp of his room, of three
    ],
)
async def test_a_question_about_whose_device_it_is(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, name: str
) -> None:
    """Who has the device: its state, nothing switched, named after them or not."""
    home.reset({"light.quitamiedos": True, "light.lampara_pie": True, "light.mesita": True})
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await ask(hass, text)
    assert states(hass, home) == before
    assert "encendid" in speech(result).lower(), speech(result)
    assert name in speech(result).lower(), speech(result)


@pytest.mark.parametrize(
    "text",
    [
        "¿dejasteis encendido el deshumidificador?",
        "¿se quedó puesto el deshumidificador?",
        "¿quién dejó encendido el deshumidificador?",
        "¿anda el deshumidificador?",  # whether it works: whether it is on
        "¿no se habrá quedado puesto el deshumidificador desde anoche?",  # asked again of its thing
        "eh, ¿se quedó encendido el deshumidificador cuando salió Irene?",
    ],
)
async def test_a_question_about_how_it_was_left(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str
) -> None:
    """Asked whether someone left it on: its state, nothing switched (the models may read "ON")."""
    home.reset({"switch.deshumidificador": True})
    await hass.async_block_till_done()
    before = states(hass, home)
    result = await ask(hass, text)
    assert states(hass, home) == before
    assert "encendido" in speech(result).lower(), speech(result)


async def agent_with_weather(hass: HomeAssistant, condition: str, temperature: float) -> None:
    """The agent set up with a weather entity to answer from (where the selector may send a part)."""
    setup_test_component_platform(
        hass, "weather", [HouseWeather("Tiempo casa", "tiempo_casa", condition, temperature, "daily")]
    )
    assert await async_setup_component(hass, "weather", {"weather": {"platform": "test"}})
    options = {CONF_WEATHER_ENTITY: "weather.tiempo_casa"}
    entry = MockConfigEntry(domain=DOMAIN, title="LLM Ensemble", data=dict(SHIPPED_MODELS), options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_an_order_and_a_weather_question_get_both(hass: HomeAssistant, home: RealHome) -> None:
    """A question in its own marks, after the order or before it: the switch and the forecast."""
    await agent_with_weather(hass, "rainy", 14)
    for text in (
        "apaga el deshumidificador y ¿qué tiempo va a hacer mañana?",
        "¿va a llover mañana? por si acaso apaga el deshumidificador",
    ):
        home.reset({"switch.deshumidificador": True})
        await hass.async_block_till_done()
        done, reply = await changed_by(hass, home, text)
        assert done == {"switch.deshumidificador": "off"}, reply
        assert "Deshumidificador" in reply, reply
        assert "mañana" in reply.lower(), reply
        assert "°C" in reply, reply  # the forecast's own answer


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("baja un poco la lámpara de pie", {"light.lampara_pie": "on 130 0,0"}),  # 180 is 71 %: to 51 %
        ("pon la luz grande del salón al máximo", {"light.lampara_techo": "on 255 0,0"}),
        ("súbele al abanico de la recámara de Tomás", {"fan.abanico": "on 75"}),  # one of its four speeds up
        ("la lámpara de pie ponla al 30 %", {"light.lampara_pie": "on 76 0,0"}),
        # A change and an order at once: both.
        (
            "apaga el deshumidificador y baja un poco la lámpara de pie",
            {"switch.deshumidificador": "off", "light.lampara_pie": "on 130 0,0"},
        ),
        # A switch has no brightness: nothing changes.
        ("baja un poco el deshumidificador", {}),
        # A level said as a manner, or a fan's speed by its number.
        ("prende la lámpara de pie bajita, que vamos a ver una peli", {"light.lampara_pie": "on 51 0,0"}),
        ("ponle al abanico de la recámara de Tomás en el uno", {"fan.abanico": "on 25"}),  # the first of four
        ("prende el abanico de la recámara de Tomás a todo lo que da", {"fan.abanico": "on 100"}),
        ("prende la lámpara de pie en el dos", {}),  # a light has no speeds
    ],
)
async def test_a_brightness_or_a_speed_is_changed(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, changed: dict[str, str]
) -> None:
    """A device found by its names as an order finds it, changed and left on; nothing else changes."""
    home.reset(dict.fromkeys(home.entities, True))
    await hass.async_block_till_done()
    before = home.snapshot()
    reply = speech(await ask(hass, text))
    after = home.snapshot()
    assert {e: s for e, s in after.items() if s != before[e]} == changed, reply


async def test_a_plug_asked_its_highest_is_switched_on_and_never_its_lowest(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry
) -> None:
    """ "a todo lo que da" of a plug is as high as it goes: on; "bajito" it cannot do, so nothing changes."""
    for text, changed in (
        ("prende el deshumidificador a todo lo que da", {"switch.deshumidificador": "on"}),
        ("prende el deshumidificador bajito", {}),
    ):
        home.reset({"switch.deshumidificador": False})
        await hass.async_block_till_done()
        done, reply = await changed_by(hass, home, text)
        assert done == changed, (text, reply)


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("apaga la lámpara, no la de pie", "light.lampara_pie"),
        ("apaga la lámpara menos la de pie", "light.lampara_pie"),
        ("apaga la lámpara, no la de Tomás", "light.mesita"),
    ],
)
async def test_a_device_said_only_to_be_left_out_is_not_switched(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, left_out: str
) -> None:
    """ "…, no la de pie": the models may read the device left out as the one meant; it stays as it is."""
    home.reset(dict.fromkeys(home.entities, True))
    await hass.async_block_till_done()
    done, reply = await changed_by(hass, home, text)
    assert left_out not in done, (text, reply)


async def test_an_order_then_told_not_to_touch_it_switches_nothing(hass: HomeAssistant, home: RealHome) -> None:
    """ "…, pará, pará, ni la toques": a part that keeps hands off holds back the whole request.

    With a weather entity, where the selector may send that part to the weather handler.
    """
    await agent_with_weather(hass, "sunny", 21)
    for text in ("apagá la lámpara de pie, pará, pará, ni la toques", "apaga el deshumidificador, para, ni lo toques"):
        home.reset({"switch.deshumidificador": True, "light.lampara_pie": True})
        await hass.async_block_till_done()
        done, reply = await changed_by(hass, home, text)
        assert done == {}, reply


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        # another device by its own noun, or one the reason tells is enough or already as asked: the order alone
        ("apaga el toallero, que el deshumidificador ya seca las toallas", {"switch.toallero": "off"}),
        ("apaga la luz grande, que con la lámpara de pie me sobra", {"light.lampara_techo": "off"}),
        ("apaga la lámpara, que la de pie ya está apagada", {}),  # three lamps: which one?
        # one of the order's kind singled out otherwise may be the very device meant: neither is switched
        ("apaga la lámpara, que la de pie se quedó prendida", {}),
        # a room the reason tells of, where the order names its device's room, is not the device's
        ("apaga la luz del aseo, que ya estamos todos en el salón", {"light.luz_aseo": "off"}),
        # a device's name alone does not place it: the reason's room may be where one is wanted
        ("apaga el quitamiedos, que Tomás ya se durmió en su recámara", {}),
    ],
)
async def test_a_device_only_the_reason_names_is_not_switched(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, changed: dict[str, str]
) -> None:
    """The models may take the reason's device for the order's: the order is read again alone, or passed on."""
    done, reply = await changed_from(hass, home, text, on=True)
    assert done == changed, (text, reply)


@pytest.mark.parametrize(
    ("text", "on", "changed"),
    [
        ("apágale el abanico a Tomás y luego su lámpara", True, {"fan.abanico": "off", "light.mesita": "off"}),
        ("préndele el abanico a Tomás y luego su lámpara", False, {"fan.abanico": "on", "light.mesita": "on"}),
        # Irene's lamp (she has none), never Tomás's
        ("préndele el abanico a Tomás y préndele su lámpara a Irene", False, {}),
    ],
)
async def test_a_later_order_of_su_device_is_for_the_same_one(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, on: bool, changed: dict[str, str]
) -> None:
    """ "apágale el abanico a Tomás y luego su lámpara": Tomás's lamp, and only where nothing else is said."""
    done, reply = await changed_from(hass, home, text, on)
    assert done == changed, (text, reply)
