"""The naming words of a domotics answer resolved against a home: pure functions, no Home Assistant."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.llm_ensemble.device_words import SAME_APPLIANCE
from custom_components.llm_ensemble.engine.text import normalize_lower_ascii
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, HomeFloor, capitalised, words
from custom_components.llm_ensemble.naming import (
    Kinds,
    Naming,
    Target,
    Unresolved,
    another_device_named,
    floor_left_out,
    place_cut_short,
    place_left_out,
    place_said_of_many,
    place_said_whole,
    placed_by_the_order,
    resolve,
    singular_forms,
    unvoted_name_word,
    without_other_names,
    word_of_another_device,
    word_of_some_of_them,
)

KINDS = Kinds(
    {"light": frozenset({"luz", "lampara", "foco", "bombilla"}), "fan": frozenset({"ventilador", "abanico"})},
    (frozenset({"tele", "television", "televisor", "tv"}),),
)


def _home() -> Home:
    def area(area_id: str, *names: str, floor: str | None = None) -> HomeArea:
        return HomeArea(area_id, tuple(words(n) for n in names), floor)

    def entity(entity_id: str, area_id: str | None, *names: str) -> HomeEntity:
        return HomeEntity(entity_id, tuple(words(n) for n in names), area_id)

    return Home(
        areas=(
            area("sala", "Sala de estar", "Salón", floor="baja"),
            area("cocina", "Cocina", floor="baja"),
            area("bano", "Baño", "baño de arriba", floor="alta"),
            area("aseo", "Aseo", "baño de abajo", floor="baja"),
            area("hab_lucia", "Habitación de Lucía", "cuarto de Lucía", floor="alta"),
            area("estudio", "Estudio", floor="alta"),
            area("dormitorio", "Dormitorio", "nuestro cuarto", floor="alta"),
        ),
        entities=(
            entity("light.techo", "sala", "Lámpara del techo"),
            entity("light.pie", "sala", "Lámpara de pie", "lámpara de leer"),
            entity("switch.tele", "sala", "Televisor"),
            entity("light.fluorescente", "cocina", "Fluorescente"),
            entity("light.encimera", "cocina", "Luz de la encimera"),
            entity("light.bano", "bano", "Luz del baño"),
            entity("switch.toallero", "bano", "Radiador toallero"),
            entity("light.aseo", "aseo", "Luz del aseo"),
            entity("light.quitamiedos", "hab_lucia", "Quitamiedos"),
            entity("fan.lucia", "hab_lucia", "Ventilador"),
            entity("light.estudio_1", "estudio", "Plafón"),
            entity("light.estudio_2", "estudio", "Flexo"),
            entity("switch.garaje", None, "Cargador del garaje"),
            entity("fan.dormitorio", "dormitorio", "Ventilador del dormitorio"),
        ),
        floors=(HomeFloor("baja", (words("Planta baja"), words("abajo"))), HomeFloor("alta", (words("arriba"),))),
    )


def _resolve(answer: str) -> Target | Unresolved:
    naming = Naming.parse(answer)
    assert naming is not None
    return resolve(naming, _home(), KINDS)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("ON lampara de pie", ("light.pie",)),  # its whole name
        ("ON lampara de leer @ salon", ("light.pie",)),  # an alias, an area alias
        ("OFF toallero", ("switch.toallero",)),  # a word of its name
        ("OFF lampra de pie", ("light.pie",)),  # one slip
        ("ON quitamiedos @ cuarto de lucia", ("light.quitamiedos",)),
        ("ON ventilador @ habitacion de lucia", ("fan.lucia",)),
        ("OFF tele", ("switch.tele",)),  # a word of the same kind
        ("ON luz @ bano", ("light.bano",)),  # "baño" is the Baño's whole name, part of the aseo's alias
        ("ON luz @ bano de abajo", ("light.aseo",)),
        ("ON luz @ aseo", ("light.aseo",)),
        ("OFF luces @ estudio", ("light.estudio_1", "light.estudio_2")),  # a plural: every one
        ("ON luz @ habitacion", ("light.quitamiedos",)),  # the only room called so, of no other kind here
        ("OFF todo @ cocina", ("light.encimera", "light.fluorescente")),
        ("ON todo @ cocina", ("light.encimera", "light.fluorescente")),  # everything of one room
        ("OFF todo lo de la cocina", ("light.encimera", "light.fluorescente")),  # the place voted as the device's
        (
            "OFF todo @ abajo",
            ("light.aseo", "light.encimera", "light.fluorescente", "light.pie", "light.techo", "switch.tele"),
        ),
        (
            "ON todas las luces @ abajo",
            ("light.aseo", "light.encimera", "light.fluorescente", "light.pie", "light.techo"),
        ),
        ("OFF todas las luces @ arriba", ("light.bano", "light.estudio_1", "light.estudio_2", "light.quitamiedos")),
        ("ON cargador @ garaje", ("switch.garaje",)),  # no area: the place is in its name
        ("ON luz @ encimera", ("light.encimera",)),  # the place words belong to the name
        ("ON ventilador nuestro @ cuarto", ("fan.dormitorio",)),  # "nuestro cuarto", split otherwise
        ("ON ventilador @ cuarto", Unresolved.NO_PLACE),  # any "cuarto": which one?
        ("ESTADO quitamiedos @ esta", ("light.quitamiedos",)),  # "está" copied as the place is none
    ],
)
def test_resolves_to_the_entities_meant(answer: str, expected: tuple[str, ...] | Unresolved) -> None:
    """Names, aliases, areas, floors, plurals and slips all point at this home's entities."""
    target = _resolve(answer)
    if isinstance(expected, Unresolved):
        assert target == expected
        return
    assert isinstance(target, Target), target
    assert target.entity_ids == expected
    assert target.action == answer.split()[0]


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("ON luz @ trastero", Unresolved.NO_PLACE),
        ("ON lavavajillas", Unresolved.NO_DEVICE),
        ("ON ventilador @ cocina", Unresolved.NO_DEVICE),
        ("ON luz @ estudio", Unresolved.AMBIGUOUS),  # two lights, one asked for
        ("ON lampara", Unresolved.AMBIGUOUS),
        ("OFF todo", Unresolved.EVERYTHING),
        ("ON todo @ abajo", Unresolved.ALL_ON),  # every plug of a floor switched on
        ("ON todo @ planta baja", Unresolved.ALL_ON),
        ("ON todo de abajo", Unresolved.ALL_ON),
        ("OFF las luces", Unresolved.EVERYTHING),  # several lights, by kind, with no place: the whole home
        ("OFF los dos ventiladores @ habitacion de lucia", Unresolved.AMBIGUOUS),  # Lucía has one
    ],
)
def test_says_why_it_points_at_nothing(answer: str, reason: Unresolved) -> None:
    """Absent places and devices, a singular with two candidates, the whole home: nothing to act on."""
    assert _resolve(answer) == reason


@pytest.mark.parametrize(
    ("answer", "here", "expected"),
    [
        ("ON luz", "cocina", Unresolved.AMBIGUOUS),  # two lights in the kitchen: which one?
        ("ON luz", "bano", ("light.bano",)),  # the speaker's room, not the aseo's light
        ("ON luz", "aseo", ("light.aseo",)),
        ("OFF ventilador", "hab_lucia", ("fan.lucia",)),  # the fan of the room the speaker is in
        ("OFF ventilador", "dormitorio", ("fan.dormitorio",)),
        ("ON lampara", "cocina", Unresolved.AMBIGUOUS),  # none here, two elsewhere
        ("ON lampara", "bano", Unresolved.AMBIGUOUS),  # a light here by kind only; lamps by name elsewhere
        ("ON luz", "estudio", Unresolved.AMBIGUOUS),  # two lights here by kind: which one?
        ("OFF ventilador", "cocina", Unresolved.AMBIGUOUS),  # none here: "Ventilador" is only its kind's word
        ("OFF toallero", "cocina", ("switch.toallero",)),  # none here, the home's only one
        ("OFF ventilador @ dormitorio", "hab_lucia", ("fan.dormitorio",)),  # a place said wins
        ("OFF las luces", "estudio", ("light.estudio_1", "light.estudio_2")),
        ("OFF todo", "hab_lucia", ("fan.lucia", "light.quitamiedos")),
        ("OFF todo", None, Unresolved.EVERYTHING),
        ("OFF luz @ encimera", "cocina", ("light.encimera",)),  # the "place" is of the name
        ("OFF lampara @ techo", "sala", ("light.techo",)),
        ("OFF lampara @ techo", "cocina", ("light.techo",)),  # the only one in the home
        ("OFF lampara @ garaje", "sala", Unresolved.NO_PLACE),  # no name here holds the words
        # "aquí", "acá": the satellite's room; typed, no room is here.
        ("OFF todas las luces de aqui", "estudio", ("light.estudio_1", "light.estudio_2")),
        ("OFF ventilador @ aqui", "hab_lucia", ("fan.lucia",)),
        ("OFF ventilador de aca", "dormitorio", ("fan.dormitorio",)),
        ("OFF ventilador de aqui", None, Unresolved.NO_PLACE),
        ("OFF toallero @ aqui", "cocina", Unresolved.NO_DEVICE),  # the home's only one is elsewhere
    ],
)
def test_the_speakers_room_stands_for_a_place_unsaid(
    answer: str, here: str | None, expected: tuple[str, ...] | Unresolved
) -> None:
    """Said to a voice satellite: its area first, the whole home only when the area has none."""
    naming = Naming.parse(answer)
    assert naming is not None
    target = resolve(naming, _home(), KINDS, here)
    assert (target.entity_ids if isinstance(target, Target) else target) == expected


@pytest.mark.parametrize("answer", ["ON dormitorio", "OFF cocina", "ON bano de abajo", "ON arriba", "OFF la @ cocina"])
def test_a_place_named_alone_is_no_device(answer: str) -> None:
    """ "Enciende el dormitorio": what to switch there is the built-in agent's call, not a guess."""
    assert _resolve(answer) == Unresolved.ONLY_PLACE


def test_a_rooms_kind_names_the_only_room_called_so() -> None:
    """ "dormitorio" is the one "Dormitorio principal" where the other bedrooms are "Habitación de …";
    not where two rooms are called "Dormitorio …"."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "habitacion", "cuarto"})))
    home = _home()
    areas = tuple(a for a in home.areas if a.area_id != "dormitorio")
    principal = HomeArea("dormitorio", (words("Dormitorio principal"),), "alta")
    naming = Naming.parse("OFF ventilador @ dormitorio")
    assert naming is not None
    assert resolve(naming, Home((*areas, principal), home.entities, home.floors), kinds) == Target(
        "OFF", ("fan.dormitorio",)
    )
    guests = HomeArea("invitados", (words("Dormitorio de invitados"),), "alta")
    two = Home((*areas, principal, guests), home.entities, home.floors)
    naming = Naming.parse("ON luz @ dormitorio")
    assert naming is not None
    assert resolve(naming, two, kinds) == Unresolved.NO_PLACE


def test_with_no_place_a_singular_is_the_only_device_it_fits_or_the_one_named_as_it_is() -> None:
    """ "la tele" where two TVs fit is not ours to pick; "Luz del baño" said whole is that light."""
    home = _home()
    second = HomeEntity("switch.tele_cocina", (words("Televisor de la cocina"),), "cocina")
    two_tvs = Home(home.areas, (*home.entities, second), home.floors)
    naming = Naming.parse("OFF tele")
    assert naming is not None
    assert resolve(naming, two_tvs, KINDS) == Unresolved.AMBIGUOUS
    naming = Naming.parse("OFF televisor")
    assert naming is not None
    assert resolve(naming, two_tvs, KINDS) == Target("OFF", ("switch.tele",))  # "Televisor", as it is
    assert _resolve("OFF luz del bano") == Target("OFF", ("light.bano",))


def test_a_device_named_like_a_room_is_still_that_device() -> None:
    home = _home()
    home = Home(home.areas, (*home.entities, HomeEntity("switch.estudio", (("estudio",),), None)), home.floors)
    naming = Naming.parse("ON estudio")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("ON", ("switch.estudio",))


@pytest.mark.parametrize(
    "answer", ["NADA", "", None, "ON", "LUZ_SL ON", "ENCIENDE luz", "OFF las dos lamparitas de las dos lamparitas"]
)
def test_other_answers_are_no_naming(answer: str | None) -> None:
    """Only an action followed by naming words is a naming answer."""
    assert Naming.parse(answer) is None


def test_naming_parts() -> None:
    """The action, the device's words, the place's words, and whether several are meant."""
    naming = Naming.parse("OFF los dos ventiladores @ planta de arriba")
    assert naming == Naming("OFF", ("los", "dos", "ventiladores"), ("planta", "de", "arriba"))
    assert naming.plural
    assert not Naming("ON", ("lampara", "de", "pie"), ()).plural
    assert Naming("ON", ("luces",), ()).plural


def test_a_room_is_named_by_a_word_of_its_kind_but_its_own_name_first() -> None:
    """The catalog's room words are synonyms ("living" for "Salón"); a name said as it is wins."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"salon", "living"}), frozenset({"bano", "aseo"})))
    home = _home()
    assert resolve(Naming("ON", ("luz", "grande"), ("living",)), home, kinds) == Unresolved.NO_DEVICE
    assert resolve(Naming("ON", ("lampara", "de", "pie"), ("living",)), home, kinds) == Target("ON", ("light.pie",))
    assert resolve(Naming("ON", ("luz",), ("bano",)), home, kinds) == Target("ON", ("light.bano",))
    assert resolve(Naming("ON", ("luz",), ("aseo",)), home, kinds) == Target("ON", ("light.aseo",))


def test_singular_forms() -> None:
    """Plurals read back to the words a name holds."""
    assert singular_forms("luces") >= {"luz"}
    assert singular_forms("focos") >= {"foco"}
    assert singular_forms("ventiladores") >= {"ventilador"}
    assert singular_forms("gas") == {"gas"}
    assert singular_forms("tenis") == {"tenis"}


@pytest.mark.parametrize(
    ("answer", "device", "place"),
    [
        ("ON luz del bano @ bano de arriba", ("luz", "del"), ("bano", "de", "arriba")),  # copied on into the place
        ("ON luz @ bano de arriba", ("luz",), ("bano", "de", "arriba")),
        ("ON luz del aseo @ aseo", ("luz", "del"), ("aseo",)),
    ],
)
def test_a_device_copied_on_into_its_place_is_read_once(
    answer: str, device: tuple[str, ...], place: tuple[str, ...]
) -> None:
    naming = Naming.parse(answer)
    assert naming is not None
    assert (naming.device, naming.place) == (device, place)


def test_a_copy_gone_round_in_circles_is_no_answer() -> None:
    assert Naming.parse("OFF las dos lamparitas de las dos lamparitas") is None


def test_a_word_the_models_know_is_no_slip_of_a_name() -> None:
    """ "riego" is one letter from "Diego", yet it names the watering, not Diego's room."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"riego", "aspersores"})))
    home = Home(
        (HomeArea("diego", (words("Cuarto de Diego"),)), HomeArea("jardin", (words("Jardín"),))),
        (
            HomeEntity("switch.riego", (words("Riego del jardín"),), "jardin"),
            HomeEntity("light.diego", (words("Foco del cuarto de Diego"),), "diego"),
        ),
    )
    naming = Naming.parse("ON riego")
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("switch.riego",))
    naming = Naming.parse("ON luz @ cuarto de diego")
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("light.diego",))


def test_a_rooms_kind_said_of_several_rooms_is_none_of_them_by_a_synonym() -> None:
    """ "la pieza" where three rooms are "Pieza …": not the one whose alias is "dormitorio"."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "pieza", "cuarto"})))
    home = Home(
        (
            HomeArea("principal", (words("Pieza principal"), words("dormitorio"))),
            HomeArea("tomas", (words("Pieza de Tomás"),)),
            HomeArea("juli", (words("Pieza de Juli"),)),
        ),
        (
            HomeEntity("light.plafon", (words("Plafón"),), "principal"),
            HomeEntity("light.tomas", (words("Luz de la pieza de Tomás"),), "tomas"),
            HomeEntity("light.juli", (words("Luz de la pieza de Juli"),), "juli"),
        ),
    )
    naming = Naming.parse("OFF luz @ pieza")
    assert naming is not None
    assert not isinstance(resolve(naming, home, kinds), Target)
    naming = Naming.parse("OFF luz @ dormitorio")  # said as its alias: that one
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("OFF", ("light.plafon",))


def test_a_floor_is_named_by_a_whole_name() -> None:
    """ "arriba" is the floor called so, not also the one called "allá arriba"; "planta" names neither."""
    home = _home()
    floors = (
        HomeFloor("baja", (words("Planta baja"), words("abajo"))),
        HomeFloor("alta", (words("Planta alta"), words("arriba"))),
        HomeFloor("azotea", (words("allá arriba"), words("arriba de todo"))),
    )
    areas = (*home.areas, HomeArea("azotea", (words("Azotea"),), "azotea"))
    entities = (*home.entities, HomeEntity("light.azotea", (words("Foco de la azotea"),), "azotea"))
    roof = Home(areas, entities, floors)
    upstairs = ("light.bano", "light.estudio_1", "light.estudio_2", "light.quitamiedos")
    for answer, expected in (
        ("OFF las luces @ arriba", Target("OFF", upstairs)),
        ("OFF las luces @ alla arriba", Target("OFF", ("light.azotea",))),
        ("OFF las luces @ arriba de todo", Target("OFF", ("light.azotea",))),
        ("OFF todas las luces de arriba", Target("OFF", upstairs)),  # not also the floor "arriba de todo"
        ("OFF las luces @ planta", Unresolved.NO_PLACE),
    ):
        naming = Naming.parse(answer)
        assert naming is not None
        assert resolve(naming, roof, KINDS) == expected, answer


def test_a_floor_said_after_several_devices_is_the_place() -> None:
    """ "todas las luces de arriba" is every light upstairs, though one light's alias says "de arriba"."""
    home = _home()
    said_upstairs = HomeEntity("light.bano", (words("Luz del baño"), words("luz del baño de arriba")), "bano")
    entities = tuple(said_upstairs if e.entity_id == "light.bano" else e for e in home.entities)
    naming = Naming.parse("OFF todas las luces de arriba")
    assert naming is not None
    target = resolve(naming, Home(home.areas, entities, home.floors), KINDS)
    assert target == Target("OFF", ("light.bano", "light.estudio_1", "light.estudio_2", "light.quitamiedos"))
    room = Naming.parse("OFF las luces de la sala de estar")  # no place mark: the area said last
    assert room is not None
    assert resolve(room, Home(home.areas, entities, home.floors), KINDS) == Target("OFF", ("light.pie", "light.techo"))
    single = Naming.parse("OFF luz del bano de arriba")
    assert single is not None
    assert resolve(single, Home(home.areas, entities, home.floors), KINDS) == Target("OFF", ("light.bano",))


@pytest.mark.parametrize(
    ("said", "unvoted"),
    [
        ("apaga la cosa de sal del cosa", "sal"),  # "la lámpara de sal del garaje" voted "lampara @ garaje"
        ("apaga la cosa de mi vecino", "vecino"),
        ("apaga la cosa del cosa", None),  # every naming word voted
        ("apaga la cosa de una vez", None),  # "de una vez" names nothing
        ("apaga los cosa de toda la casa", None),
        ("enciende la cosa de arriba", None),  # a floor of the home
        ("enciende la cosa de la cosina", None),  # one slip from the home's "cocina"
        ("apaga la cosa, que se ha quedado encendida", None),
        ("apaga la cosa del cosa sin ducha", "ducha"),  # described by what it lacks
        ("apaga la cosa sin hacer ruido", None),  # a manner
    ],
)
def test_a_naming_word_no_vote_kept(said: str, unvoted: str | None) -> None:
    """A word after "de" that names the thing further, kept by no vote and in no name of the home."""
    assert unvoted_name_word(tuple(said.split()), "cosa", _home().words) == unvoted


def test_a_room_said_in_several_words_of_its_kind() -> None:
    """ "la sala de estar", "el cuarto de baño": the one area a word of that kind names."""
    kinds = Kinds(
        KINDS.by_domain,
        (*KINDS.synonyms, frozenset({"salon", "sala", "living"})),
        {("sala", "estar"): frozenset({"salon", "sala", "living"}), ("cuarto", "bano"): frozenset({"bano", "aseo"})},
    )
    home = _home()
    salon = Home((*(a for a in home.areas if a.area_id != "sala"), HomeArea("sala", (("salon",),))), home.entities)
    for answer, expected in (
        ("ON luz @ sala de estar", ("light.pie", "light.techo")),
        ("ON luz @ cuarto de bano", ("light.bano",)),
    ):
        naming = Naming.parse(answer)
        assert naming is not None
        found = resolve(Naming(naming.action, ("luces",), naming.place), salon, kinds)
        assert found == Target("ON", expected), answer


def test_a_kind_of_room_and_a_floor() -> None:
    """ "el dormitorio de abajo": the one room of that kind on that floor, by the area's own name."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "habitacion", "cuarto"})))
    home = _home()
    naming = Naming.parse("ON luz @ dormitorio de abajo")
    assert naming is not None
    assert resolve(naming, home, kinds) == Unresolved.NO_PLACE  # no bedroom downstairs
    grandma = Home(
        (
            *home.areas,
            HomeArea("abuela", (words("Habitación de la abuela"),), "baja"),
            HomeArea("lavadero", (words("Lavadero"), words("cuarto de la lavadora")), "baja"),  # no bedroom
        ),
        (
            *home.entities,
            HomeEntity("light.abuela", (words("Luz"),), "abuela"),
            HomeEntity("light.lavadero", (words("Luz"),), "lavadero"),
        ),
        home.floors,
    )
    assert resolve(naming, grandma, kinds) == Target("ON", ("light.abuela",))


def test_of_several_names_said_whole_the_one_with_the_word_itself() -> None:
    """ "el foco del cuarto de las niñas": the Foco, not the night light called "lamparita de las niñas"."""
    home = Home(
        (HomeArea("ninas", (words("Recámara de las niñas"), words("cuarto de las niñas"))),),
        (
            HomeEntity("light.foco", (words("Foco de la recámara de las niñas"),), "ninas"),
            HomeEntity("light.noche", (words("Luz de noche"), words("lamparita de las niñas")), "ninas"),
        ),
    )
    kinds = Kinds({"light": frozenset({"luz", "foco", "lamparita"})}, (frozenset({"luz", "foco", "lamparita"}),))
    for answer, expected in (
        ("ON foco @ cuarto de las ninas", Target("ON", ("light.foco",))),
        ("ON lamparita @ cuarto de las ninas", Target("ON", ("light.noche",))),
        ("ON luz @ cuarto de las ninas", Unresolved.AMBIGUOUS),  # neither name has "luz" said whole
    ):
        naming = Naming.parse(answer)
        assert naming is not None
        assert resolve(naming, home, kinds) == expected, answer


def test_a_word_the_votes_left_out_that_names_another_device() -> None:
    """ "la lámpara de buró" voted "lampara @ recamara": "buró" is another device's, not the Foco's."""
    home = Home(
        (HomeArea("principal", (words("Recámara principal"),), "alta"),),
        (
            HomeEntity("light.foco", (words("Foco de la recámara principal"),), "principal"),
            HomeEntity("light.buro", (words("Lámpara de buró"),), "principal"),
        ),
        (HomeFloor("alta", (words("arriba"),)),),
    )
    said = words("prende la cosa de buro de la cosa cosa")
    assert word_of_another_device(said, "cosa", home, ("light.foco",)) == "buro"
    assert word_of_another_device(said, "cosa", home, ("light.buro",)) is None  # its own word
    upstairs = words("prende la cosa de arriba")
    assert word_of_another_device(upstairs, "cosa", home, ("light.foco",)) is None  # its floor's


def test_several_by_a_word_the_home_calls_some_devices_are_those() -> None:
    """ "las lamparitas" are the home's lamparitas, never every light; "las luces" every light there."""
    lights = frozenset({"luz", "lampara", "lamparita", "plafon"})
    kinds = Kinds({"light": lights}, (lights,))  # as the catalog's: "lamparitas" names the Plafón by its kind
    home = Home(
        (
            HomeArea("salon", (words("Salón"),), "baja"),
            HomeArea("dormitorio", (words("Dormitorio"),), "alta"),
        ),
        (
            HomeEntity("light.plafon", (words("Plafón"),), "dormitorio"),
            HomeEntity("light.marta", (words("Lamparita de Marta"),), "dormitorio"),
            HomeEntity("light.javi", (words("Lamparita de Javi"),), "dormitorio"),
            HomeEntity("light.salon", (words("Luz del salón"),), "salon"),
        ),
        (HomeFloor("baja", (words("abajo"),)), HomeFloor("alta", (words("arriba"),))),
    )

    def resolved(answer: str) -> Target | Unresolved:
        naming = Naming.parse(answer)
        assert naming is not None
        return resolve(naming, home, kinds)

    assert resolved("OFF las lamparitas") == Target("OFF", ("light.javi", "light.marta"))
    assert resolved("OFF las lamparitas @ arriba") == Target("OFF", ("light.javi", "light.marta"))
    assert resolved("OFF todas las lamparitas de abajo") == Unresolved.NO_DEVICE  # they are upstairs
    assert resolved("OFF los plafones @ salon") == Unresolved.NO_DEVICE  # the Plafón is upstairs
    here = Naming.parse("OFF las lamparitas")
    assert here is not None
    assert resolve(here, home, kinds, "salon") == Unresolved.NO_DEVICE  # not this room's light by its kind
    everything = Naming.parse("OFF todo")
    assert everything is not None
    assert resolve(everything, Home(home.areas[:1], home.entities[:3], home.floors), kinds, "salon") == (
        Unresolved.EVERYTHING  # nothing switchable in this room: not the whole home
    )
    assert resolved("OFF las luces @ dormitorio") == Target("OFF", ("light.javi", "light.marta", "light.plafon"))


def test_several_by_a_word_home_assistant_reads_as_every_device_the_home_calls_some_by() -> None:
    """ "los focos" beside "Lámpara de buró" are the Focos, "los ventiladores" not the Extractor; "las luces" all."""
    lights, fans = frozenset({"luz", "lampara", "foco"}), frozenset({"ventilador", "extractor"})
    kinds = Kinds({"light": lights, "fan": fans}, (lights, fans))
    home = Home(
        (HomeArea("sala", (words("Sala"),)), HomeArea("cocina", (words("Cocina"),))),
        (
            HomeEntity("light.foco_sala", (words("Foco de la sala"),), "sala"),
            HomeEntity("light.buro", (words("Lámpara de buró"),), "sala"),
            HomeEntity("light.noche", (words("Luz de noche"),), "sala"),
            HomeEntity("light.foco_cocina", (words("Foco de la cocina"),), "cocina"),
            HomeEntity("fan.techo", (words("Ventilador de techo"),), "sala"),
            HomeEntity("fan.pie", (words("Ventilador de pie"),), "sala"),
            HomeEntity("fan.extractor", (words("Extractor"),), "cocina"),
        ),
    )

    def resolved(answer: str, in_home: Home = home) -> Target | Unresolved:
        naming = Naming.parse(answer)
        assert naming is not None
        return resolve(naming, in_home, kinds)

    assert resolved("ON los focos @ sala") == Target("ON", ("light.foco_sala",))
    assert resolved("ON los focos") == Target("ON", ("light.foco_cocina", "light.foco_sala"))
    assert resolved("OFF las lamparas @ sala") == Target("OFF", ("light.buro",))
    assert resolved("OFF los ventiladores") == Target("OFF", ("fan.pie", "fan.techo"))
    assert resolved("OFF los ventiladores @ cocina") == Unresolved.NO_DEVICE  # only the Extractor there
    assert resolved("OFF las luces @ sala") == Target("OFF", ("light.buro", "light.foco_sala", "light.noche"))
    assert resolved("ON los focos de la cocina") == Target("ON", ("light.foco_cocina",))
    assert resolved("ON las lamparas de noche") == Unresolved.NO_DEVICE  # the Luz de noche is no Lámpara
    no_focos = Home(home.areas, home.entities[1:3], home.floors)
    assert resolved("OFF los focos @ sala", no_focos) == Target("OFF", ("light.buro", "light.noche"))


def test_several_by_their_own_name_are_all_those_the_words_name() -> None:
    """ "las teles" are the Tele and the Tele del cuarto, not only the one said whole."""
    home = Home(
        (HomeArea("sala", (words("Sala"),)), HomeArea("cuarto", (words("Cuarto"),))),
        (
            HomeEntity("switch.tele", (words("Tele"),), "sala"),
            HomeEntity("switch.tele_cuarto", (words("Tele del cuarto"),), "cuarto"),
            HomeEntity("switch.radio", (words("Radio"),), "sala"),
            HomeEntity("fan.techo", (words("Ventilador de techo"),), "sala"),
            HomeEntity("fan.pie", (words("Ventilador de pie"),), "cuarto"),
        ),
    )
    kinds = Kinds({"fan": frozenset({"ventilador"})})

    def resolved(answer: str) -> Target | Unresolved:
        naming = Naming.parse(answer)
        assert naming is not None
        return resolve(naming, home, kinds)

    assert resolved("OFF las teles") == Target("OFF", ("switch.tele", "switch.tele_cuarto"))
    assert resolved("OFF las teles de la sala") == Target("OFF", ("switch.tele",))  # the other's room is not
    assert resolved("OFF los ventiladores de techo") == Target("OFF", ("fan.techo",))
    assert resolved("OFF la tele") == Target("OFF", ("switch.tele",))  # one: the one named as it is


def test_a_longer_place_said_whole_than_the_votes_kept() -> None:
    """ "las luces de arriba de todo" voted "luces @ arriba": the top floor, not the first."""
    home = Home(
        (HomeArea("pieza", (words("Pieza"),), "primero"), HomeArea("quincho", (words("Quincho"),), "segundo")),
        (HomeEntity("light.pieza", (words("Luz de la pieza"),), "pieza"),),
        (
            HomeFloor("primero", (words("Primer piso"), words("arriba"))),
            HomeFloor("segundo", (words("arriba de todo"),)),
        ),
    )
    assert place_cut_short(words("apagá las luces de arriba de todo"), home, ("light.pieza",)) == "arriba de todo"
    assert place_cut_short(words("apagá las luces de arriba del todo"), home, ("light.pieza",)) == "arriba de todo"
    assert place_cut_short(words("apagá las luces de arriba"), home, ("light.pieza",)) is None
    assert place_cut_short(words("apagá la luz del quincho"), home, ("light.pieza",)) is None  # no name of theirs in it


def test_an_area_said_that_the_votes_left_out() -> None:
    """ "los leds del jardín" voted "leds" names the garden: the votes left it out."""
    home = Home(
        (HomeArea("jardin", (words("Jardín"),)), HomeArea("salon", (words("Salón"), words("sala de estar")))),
        (
            HomeEntity("light.leds_salon", (words("Tira LED del salón"),), "salon"),
            HomeEntity("light.leds_cocina", (words("Tira LED de la cocina"),), None),
        ),
    )
    chosen = ("light.leds_cocina", "light.leds_salon")
    assert place_left_out(words("render los leds jsrdín"), home, chosen) == "jardin"  # one slip from it
    assert place_left_out(words("pon los leds de la sala de estar ya"), home, ("light.leds_cocina",)) == (
        "sala de estar"
    )
    assert place_left_out(words("pon los leds del salón"), home, ("light.leds_salon",)) is None  # theirs
    assert place_left_out(words("pon los leds, que voy a cenar"), home, chosen) is None
    sala = Home((HomeArea("living", (words("Living"), words("estar"))),), home.entities)
    assert place_left_out(words("el termo está prendido"), sala, ("light.leds_cocina",)) is None  # no slip of it


def test_a_place_in_another_devices_name_is_that_devices() -> None:
    """ "…, que cuando apagamos la luz de la cocina…": the cocina is the Luz de la cocina's."""
    home = Home(
        (HomeArea("cocina", (words("Cocina"),)), HomeArea("patio", (words("Patio"),))),
        (
            HomeEntity("light.cocina", (words("Luz de la cocina"),), "cocina"),
            HomeEntity("light.farol", (words("Farol"), words("luz del patio")), "patio"),
        ),
    )
    reason = words("que cuando apagamos la luz de la cocina el patio se queda a oscuras")
    kept = without_other_names(reason, home, ("light.farol",))
    assert kept == words("que cuando apagamos la el patio se queda a oscuras")
    assert place_left_out(kept, home, ("light.farol",)) is None
    assert place_left_out(words("que en la cocina no se ve"), home, ("light.farol",)) == "cocina"  # a place alone
    assert without_other_names(reason, home, ("light.cocina",)) == reason  # the chosen device's own name stays


def test_the_order_places_its_devices_by_naming_their_room() -> None:
    """ "apaga la luz del baño, que Lucía ya está en la cocina": the reason's room is not the light's."""
    home = _home()

    def placed(text: str, chosen: str) -> bool:
        return placed_by_the_order(words(text), home, (chosen,))

    assert placed("apaga la luz del baño", "light.bano")
    assert placed("apaga el ventilador del cuarto de Lucía", "fan.lucia")  # an alias of its area
    assert not placed("apaga la luz de la encimera", "light.encimera")  # a name alone places nothing
    assert not placed("enciende el quitamiedos", "light.quitamiedos")
    assert not placed("apaga la luz", "light.bano")
    assert not placed("apaga la luz del aseo", "light.bano")  # another room's


def test_a_place_said_of_devices_of_several_rooms_the_votes_kept_no_place_of() -> None:
    """ "apaga los ventiladores de abajo" voted "ventiladores": every fan of the home, not those downstairs."""
    home = Home(
        (
            HomeArea("sala", (words("Sala"),), "baja"),
            HomeArea("recamara", (words("Recámara"),), "alta"),
            HomeArea("ninas", (words("Cuarto de las niñas"),), "alta"),
        ),
        (
            HomeEntity("fan.sala", (words("Ventilador de la sala"),), "sala"),
            HomeEntity("fan.recamara", (words("Ventilador de los señores"),), "recamara"),
            HomeEntity("fan.ninas", (words("Ventilador de Lupita"),), "ninas"),
        ),
        (HomeFloor("baja", (words("Planta baja"), words("abajo"))), HomeFloor("alta", (words("Planta alta"),))),
        frozenset({"lupita"}),
    )
    every = ("fan.ninas", "fan.recamara", "fan.sala")
    assert place_said_of_many(words("apaga los cosa de abajo"), home, every) == "abajo"
    assert place_said_of_many(words("apágales los cosa a Lupita"), home, every) == "lupita"  # whose room
    assert place_said_of_many(words("apaga los cosa de la planta alta"), home, every) == "planta alta"
    assert place_said_of_many(words("apaga los cosa, que hace fresco"), home, every) is None  # no place said
    assert place_said_of_many(words("apaga el cosa de abajo"), home, ("fan.recamara",)) is None  # one room's


def test_a_word_left_out_that_names_some_of_them() -> None:
    """ "los veladores de Tomi" voted "los veladores": "Tomi" is the room of one of them."""
    home = Home(
        (
            HomeArea("pieza_tomas", (words("Pieza de Tomás"), words("pieza de Tomi"))),
            HomeArea("living", (words("Living"),)),
        ),
        (
            HomeEntity("light.tomas", (words("Velador"),), "pieza_tomas"),
            HomeEntity("light.caro", (words("Velador de Caro"),), "living"),
        ),
    )
    both = ("light.caro", "light.tomas")
    assert word_of_some_of_them(words("prendé los cosa de Tomi"), "cosa", home, both) == "tomi"
    assert word_of_some_of_them(words("prendé los cosa de Tomi"), "cosa", home, ("light.tomas",)) is None  # one
    assert word_of_some_of_them(words("prendé los cosa de la casa"), "cosa", home, both) is None
    # whom they are for narrows them too
    assert word_of_some_of_them(words("prendeles los cosa a Caro y a Tomi"), "cosa", home, both) == "caro"


def test_another_countrys_word_for_the_same_appliance() -> None:
    """ "el lavaplatos" is the home's Lavavajillas; "el parlante de la cocina" its Altavoz de la cocina."""
    kinds = Kinds.from_catalog(())
    home = Home(
        (HomeArea("cocina", (words("Cocina"),)),),
        (
            HomeEntity("switch.lavavajillas", (words("Lavavajillas"),), "cocina"),
            HomeEntity("switch.altavoz", (words("Altavoz de la cocina"),), None),
            HomeEntity("switch.cafetera", (words("Cafetera"),), "cocina"),
        ),
    )
    for answer, expected in [
        ("ON lavaplatos", ("switch.lavavajillas",)),
        ("OFF parlante de la cocina", ("switch.altavoz",)),
        ("ON lavarropas", Unresolved.NO_DEVICE),  # a washing machine this home lacks
    ]:
        naming = Naming.parse(answer)
        assert naming is not None
        found = resolve(naming, home, kinds)
        assert found == (Target(naming.action, expected) if isinstance(expected, tuple) else expected), answer


def test_the_same_appliance_groups_are_words_as_the_models_read_them() -> None:
    """One word each, lower case without accents, and no word in two groups."""
    seen: set[str] = set()
    for group in SAME_APPLIANCE:
        assert len(group) > 1
        for word in group:
            assert word == normalize_lower_ascii(word) and " " not in word, word
            assert word not in seen, word
            seen.add(word)


ANOTHER = Home(
    areas=(HomeArea("cocina", (("cocina",),)),),
    entities=(
        HomeEntity("switch.cafetera", (("cafetera",),), "cocina"),
        HomeEntity("switch.pava", (("pava", "electrica"), ("pava",)), "cocina"),
        HomeEntity("light.luz", (("luz", "de", "la", "cocina"),), "cocina"),
    ),
)


@pytest.mark.parametrize(
    ("said", "other"),
    [
        ("pone la pava y saca la cosa", "pava"),  # an alias after an article, no vote kept it
        ("pone la cosa y la pava electrica", "pava electrica"),
        ("pone la cosa", None),
        ("pone la cosa que hierva el agua", None),  # no device's name
        ("pone la cosa de pava", None),  # not after an article: the checks of "de" read it
    ],
)
def test_another_device_named_whole_is_found(said: str, other: str | None) -> None:
    assert another_device_named(tuple(said.split()), ANOTHER, ("switch.cafetera",)) == other


LIGHTS = frozenset({"luz", "lampara", "lamparita", "foco"})
BEDROOMS, BATHROOMS = frozenset({"cuarto", "dormitorio", "habitacion"}), frozenset({"bano", "aseo", "servicio"})
KINDS_OF_WORDS = Kinds({"light": LIGHTS}, (LIGHTS, BEDROOMS, BATHROOMS), rooms=BEDROOMS | BATHROOMS)


def _home_of_words() -> Home:
    """Rooms and devices that share words: two Lamparitas in one bedroom, a cuarto that is no baño."""
    return Home(
        (
            HomeArea("dormitorio", (words("Dormitorio"), words("nuestro cuarto")), "principal"),
            HomeArea("carmen", (words("Habitación de Carmen"), words("cuarto de Carmen")), "principal"),
            HomeArea("bano_visitas", (words("Baño de visitas"),), "principal"),
            HomeArea("bano_arriba", (words("Baño de arriba"),), "alta"),
            HomeArea("servicio", (words("Cuarto de servicio"),), "alta"),
            HomeArea("lavadero", (words("Lavadero"), words("cuarto de la plancha")), "alta"),
        ),
        (
            HomeEntity("light.techo", (words("Lámpara del techo"), words("luz del dormitorio")), "dormitorio"),
            HomeEntity("light.antonio", (words("Lamparita de Antonio"),), "dormitorio"),
            HomeEntity("light.pepa", (words("Lamparita de Pepa"),), "dormitorio"),
            HomeEntity("light.carmen", (words("Lamparita"),), "carmen"),
            HomeEntity("light.foco_visitas", (words("Foco del baño de visitas"),), "bano_visitas"),
            HomeEntity("light.espejo", (words("Lámpara del espejo"),), "bano_visitas"),
            HomeEntity("light.noche", (words("Luz de noche"), words("lamparita de visitas")), "bano_visitas"),
            HomeEntity("light.foco_arriba", (words("Foco del baño de arriba"),), "bano_arriba"),
            HomeEntity("light.foco_servicio", (words("Foco del cuarto de servicio"),), "servicio"),
            HomeEntity("light.lavadero", (words("Luz del lavadero"),), "lavadero"),
            HomeEntity("light.pie", (words("Lámpara de pie"),), "lavadero"),
        ),
        (HomeFloor("principal", (words("Planta principal"), words("abajo"))), HomeFloor("alta", (words("arriba"),))),
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # A word of a kind names first the devices called by it: two Lamparitas, so neither.
        ("OFF lamparita @ dormitorio", Unresolved.AMBIGUOUS),
        ("OFF lampara @ dormitorio", ("light.techo",)),  # the one called "lámpara"
        ("OFF luz @ dormitorio", ("light.techo",)),
        ("OFF lamparita de antonio", ("light.antonio",)),
        # The one called so, not the Foco by its kind, nor the night light called "lamparita…".
        ("OFF lampara @ bano de visitas", ("light.espejo",)),
        ("OFF foco @ bano de visitas", ("light.foco_visitas",)),
        # ... and the one called so, not the room's "Luz del …" by its kind.
        ("ON lampara @ lavadero", ("light.pie",)),
        ("ON lampara de pie @ lavadero", ("light.pie",)),
        ("ON luz @ lavadero", ("light.lavadero",)),
        # "cuarto" is a word of several rooms' names: it marks none of them, nor becomes a device's word.
        ("ON lamparita @ cuarto de abajo", Unresolved.NO_PLACE),
        ("ON lamparita @ cuarto de carmen", ("light.carmen",)),
        # "los baños": the rooms called "Baño…", not the cuarto for a servicio (a kind of baño).
        ("OFF los focos de los banos", ("light.foco_arriba", "light.foco_visitas")),
        ("OFF los focos @ banos", ("light.foco_arriba", "light.foco_visitas")),
        ("OFF foco @ servicio", ("light.foco_servicio",)),
        # A plural kind of room is every room of that kind, by its own name; an alias "cuarto de…" is no bedroom.
        ("ON las lamparitas @ habitaciones", ("light.antonio", "light.carmen", "light.pepa")),
        (  # a "Cuarto de servicio" is a cuarto by its own name: a room to sleep in
            "OFF las luces @ habitaciones",
            ("light.antonio", "light.carmen", "light.foco_servicio", "light.pepa", "light.techo"),
        ),
        ("OFF las luces de los banos", ("light.espejo", "light.foco_arriba", "light.foco_visitas", "light.noche")),
        # A plural kind of room and a floor: every room of that kind there.
        ("ON las lamparitas @ habitaciones de abajo", ("light.antonio", "light.carmen", "light.pepa")),
        ("OFF los focos @ banos de arriba", ("light.foco_arriba",)),
        # ... said among the device's words, with the floor for the place.
        ("OFF las luces de los banos @ abajo", ("light.espejo", "light.foco_visitas", "light.noche")),
    ],
)
def test_words_several_names_share(answer: str, expected: tuple[str, ...] | Unresolved) -> None:
    naming = Naming.parse(answer)
    assert naming is not None
    target = resolve(naming, _home_of_words(), KINDS_OF_WORDS)
    assert (target.entity_ids if isinstance(target, Target) else target) == expected


def _home_of_floors() -> Home:
    return Home(
        (
            HomeArea("principal", (words("Pieza principal"), words("nuestra pieza")), "primer"),
            HomeArea("juli", (words("Pieza de Juli"),), "primer"),
            HomeArea("bano", (words("Baño"),), "primer"),
            HomeArea("quincho", (words("Quincho"),), "segundo"),
        ),
        (
            HomeEntity("light.plafon", (words("Plafón"), words("luz de nuestra pieza")), "principal"),
            HomeEntity("light.velador", (words("Velador de Caro"),), "principal"),
            HomeEntity("light.juli", (words("Luz de la pieza de Juli"),), "juli"),
            HomeEntity("light.bano", (words("Luz del baño"),), "bano"),
            HomeEntity("light.quincho", (words("Luz del quincho"),), "quincho"),
        ),
        (
            HomeFloor("primer", (words("Primer piso"), words("planta alta"), words("arriba"))),
            HomeFloor("segundo", (words("Segundo piso"), words("arriba de todo"))),
        ),
    )


@pytest.mark.parametrize(
    ("vote", "text", "expected"),
    [
        ("OFF luz del bano @ planta", "apagá la luz del baño de la planta alta", "OFF luz del bano @ planta alta"),
        ("ON luces @ primer", "prendé las luces del primer piso", "ON luces @ primer piso"),
        ("ON velador @ pieza", "prendé el velador de nuestra pieza", "ON velador @ nuestra pieza"),
        ("ON luces @ todo", "prendé las luces de arriba de todo", "ON luces @ arriba de todo"),
        ("ON luz @ pieza", "prendé la luz de la pieza matrimonial", "ON luz @ pieza"),  # no name said whole
        ("ON luz @ pieza", "la luz de la pieza de Juli y la de nuestra pieza", "ON luz @ pieza"),  # two
        ("ON luz @ arriba", "prendé la luz de arriba de todo", "ON luz @ arriba"),  # a whole name already
        ("NADA", "prendé la luz de la planta alta", "NADA"),
    ],
)
def test_a_place_the_answer_cut_short_is_said_whole(vote: str, text: str, expected: str) -> None:
    assert place_said_whole(vote, words(text), _home_of_floors()) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("OFF las luces de nuestra @ pieza", ("light.plafon", "light.velador")),  # the lights of "nuestra pieza"
        ("OFF nuestra @ pieza", Unresolved.ONLY_PLACE),  # "apagá nuestra pieza": a place alone
        ("OFF luz de nuestra @ pieza", ("light.plafon",)),
    ],
)
def test_a_place_begun_among_the_device_words(answer: str, expected: tuple[str, ...] | Unresolved) -> None:
    naming = Naming.parse(answer)
    assert naming is not None
    target = resolve(naming, _home_of_floors(), KINDS)
    assert (target.entity_ids if isinstance(target, Target) else target) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("OFF lampara @ sala", Unresolved.AMBIGUOUS),  # the Lámpara de pie, or the "lámpara del comedor"
        ("OFF lampara @ comedor", ("light.mesa",)),  # its alias said as it is
        ("OFF lampara de pie @ sala", ("light.pie",)),
        ("OFF luz @ salon", ("light.plafon",)),
    ],
)
def test_of_two_called_by_the_word_said_neither_by_its_rooms_other_name(
    answer: str, expected: tuple[str, ...] | Unresolved
) -> None:
    home = Home(
        (HomeArea("salon", (words("Salón"), words("sala"), words("comedor"))),),
        (
            HomeEntity("light.plafon", (words("Plafón"), words("luz del salón")), "salon"),
            HomeEntity("light.pie", (words("Lámpara de pie"),), "salon"),
            HomeEntity("light.mesa", (words("La de la mesa"), words("lámpara del comedor")), "salon"),
        ),
    )
    naming = Naming.parse(answer)
    assert naming is not None
    target = resolve(naming, home, KINDS_OF_WORDS)
    assert (target.entity_ids if isinstance(target, Target) else target) == expected


def test_to_a_satellite_a_name_two_rooms_share_is_the_speakers_rooms() -> None:
    """ "apaga la lámpara de buró" voted "lampara @ buro" (no such place): the one in this bedroom."""
    home = _home()
    lucia = HomeEntity("light.buro_lucia", (words("Lámpara de buró"),), "hab_lucia")
    ours = HomeEntity("light.buro_dormitorio", (words("Lámpara de buró"),), "dormitorio")
    home = Home(home.areas, (*home.entities, lucia, ours), home.floors)
    naming = Naming.parse("OFF lampara @ buro")
    assert naming is not None
    assert resolve(naming, home, KINDS, "hab_lucia") == Target("OFF", ("light.buro_lucia",))
    assert resolve(naming, home, KINDS, "dormitorio") == Target("OFF", ("light.buro_dormitorio",))
    assert resolve(naming, home, KINDS) == Unresolved.AMBIGUOUS
    assert resolve(naming, home, KINDS, "cocina") == Unresolved.AMBIGUOUS


def test_switches_said_by_a_word_of_their_names_are_those_not_their_kinds_synonyms() -> None:
    """ "los radiadores": the Radiador and the "radiador toallero", not the Termo called "calentador"."""
    home = _home()
    radiator = HomeEntity("switch.radiador", (words("Radiador"),), "hab_lucia")
    water = HomeEntity("switch.termo", (words("Termo"), words("calentador")), "cocina")
    home = Home(home.areas, (*home.entities, radiator, water), home.floors)
    naming = Naming.parse("ON los radiadores")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("ON", ("switch.radiador", "switch.toallero"))


def test_a_device_called_by_the_word_said_is_not_passed_over_for_one_of_its_kind() -> None:
    """ "la lamparita de la niña" beside a Lamparita and a light whose alias is "luz de la niña": not that light."""
    home = _home()
    lamp = HomeEntity("light.lamparita", (words("Lamparita"),), "hab_lucia")
    light = HomeEntity("light.cuarto", (words("Luz del cuarto"), words("luz de la niña")), "hab_lucia")
    home = Home(home.areas, (*home.entities, lamp, light), home.floors)
    for answer in ("ON lamparita de la nina", "ON lamparita @ la nina"):
        naming = Naming.parse(answer)
        assert naming is not None
        assert not isinstance(resolve(naming, home, KINDS, "hab_lucia"), Target)
    naming = Naming.parse("ON lamparita")
    assert naming is not None
    assert resolve(naming, home, KINDS, "hab_lucia") == Target("ON", ("light.lamparita",))


def test_a_rooms_head_word_names_the_one_device_the_words_fit_in_those_rooms() -> None:
    """ "el radiador de la habitación", two rooms called "Habitación …", a radiator in one: that one."""
    home = _home()
    guests = HomeArea("invitados", (words("Habitación de invitados"),), "alta")
    radiator = HomeEntity("switch.radiador", (words("Radiador"),), "invitados")
    lamp = HomeEntity("light.invitados", (words("Lamparita"),), "invitados")
    home = Home((*home.areas, guests), (*home.entities, radiator, lamp), home.floors)
    naming = Naming.parse("ON radiador @ habitacion")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("ON", ("switch.radiador",))
    naming = Naming.parse("ON luz @ habitacion")  # a light in each: which?
    assert naming is not None
    assert resolve(naming, home, KINDS) == Unresolved.NO_PLACE


def test_a_rooms_head_word_said_in_one_of_those_rooms_is_that_room() -> None:
    """ "la luz de la habitación", said to a satellite in the Habitación de invitados: its light."""
    home = _home()
    guests = HomeArea("invitados", (words("Habitación de invitados"),), "alta")
    lamp = HomeEntity("light.invitados", (words("Lamparita"),), "invitados")
    lucia = HomeEntity("light.lucia", (words("Luz de Lucía"),), "hab_lucia")
    home = Home((*home.areas, guests), (*home.entities, lamp, lucia), home.floors)
    naming = Naming.parse("ON luz @ habitacion")
    assert naming is not None
    assert resolve(naming, home, KINDS, "invitados") == Target("ON", ("light.invitados",))
    assert resolve(naming, home, KINDS, "hab_lucia") == Target("ON", ("light.lucia",))
    assert resolve(naming, home, KINDS, "cocina") == Unresolved.NO_PLACE  # said elsewhere: which?
    # "el cuarto" said in a "Cuarto de baño": another kind of room, not a cuarto as a bedroom is
    bath = HomeArea("cuarto_bano", (words("Cuarto de baño"),), "alta")
    bath_light = HomeEntity("light.cuarto_bano", (words("Plafón"),), "cuarto_bano")
    bedroom = HomeArea("cuarto_ana", (words("Cuarto de Ana"),), "alta")
    ana = HomeEntity("light.ana", (words("Lamparita"),), "cuarto_ana")
    home = Home((*home.areas, bath, bedroom), (*home.entities, bath_light, ana), home.floors)
    naming = Naming.parse("ON luz @ cuarto")
    assert naming is not None
    rooms = replace(KINDS, rooms=frozenset({"cuarto", "bano", "habitacion"}))
    assert resolve(naming, home, rooms, "cuarto_bano") != Target("ON", ("light.cuarto_bano",))
    assert resolve(naming, home, rooms, "cuarto_ana") == Target("ON", ("light.ana",))


def test_a_device_of_someone_is_the_one_their_names_say_before_their_rooms() -> None:
    """ "la lámpara de papá": his "mesilla de papá", not the Plafón of the room he shares."""
    home = Home(
        (HomeArea("dormitorio", (words("Dormitorio"),)),),
        (
            HomeEntity("light.plafon", (words("Plafón"), words("luz del dormitorio")), "dormitorio"),
            HomeEntity("light.javi", (words("Lamparita de Javi"), words("mesilla de papá")), "dormitorio"),
            HomeEntity("light.marta", (words("Lamparita de Marta"), words("mesilla de mamá")), "dormitorio"),
            HomeEntity("fan.dormitorio", (words("Ventilador"),), "dormitorio"),
        ),
        proper_names=frozenset({"javi", "marta"}),
    )
    for answer, found in (
        ("ESTADO lampara de papa", "light.javi"),
        ("ESTADO lampara @ mama", "light.marta"),
        ("ON ventilador de papa", "fan.dormitorio"),  # none of his names is a fan: his room's
        ("ON plafon de mama", "light.plafon"),  # a device of the room called so: that one
    ):
        naming = Naming.parse(answer)
        assert naming is not None
        assert resolve(naming, home, KINDS) == Target(naming.action, (found,))


def test_a_rooms_head_word_names_no_room_where_another_is_called_by_its_kind_alone() -> None:
    """ "el ventilador de la habitación" beside a "Dormitorio": the Habitación de Lucía's, or the Dormitorio's?"""
    home = _home()
    ceiling_fan = HomeEntity("fan.dormitorio", (words("Ventilador de techo"),), "dormitorio")
    home = Home(home.areas, (*(e for e in home.entities if e.entity_id != "fan.dormitorio"), ceiling_fan))
    naming = Naming.parse("ON ventilador @ habitacion")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("ON", ("fan.lucia",))  # no word says a dormitorio is one
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "habitacion", "cuarto"})))
    assert resolve(naming, home, kinds) == Unresolved.NO_PLACE


def test_people_are_the_words_names_write_with_a_capital_inside() -> None:
    assert capitalised(["Lamparita de Javi", "Luz de noche", "Tele LED del Salón"]) == {"javi", "led", "salon"}


def test_whose_room_a_device_is_in_by_the_names_of_the_devices_beside_it() -> None:
    """ "el ventilador de Javi": the fan of the room where his lamparita is; not "las lámparas de noche"."""
    home = Home(
        (HomeArea("dormitorio", (words("Dormitorio principal"),)), HomeArea("lucia", (words("Habitación de Lucía"),))),
        (
            HomeEntity("light.javi", (words("Lamparita de Javi"),), "dormitorio"),
            HomeEntity("light.marta", (words("Lamparita de Marta"), words("mesilla de mamá")), "dormitorio"),
            HomeEntity("fan.dormitorio", (words("Ventilador"),), "dormitorio"),
            HomeEntity("fan.lucia", (words("Ventilador"),), "lucia"),
            HomeEntity("light.noche", (words("Luz de noche"),), "lucia"),
        ),
        proper_names=frozenset({"javi", "marta", "lucia"}),
    )
    assert home.owners == {"javi": "dormitorio", "marta": "dormitorio", "mama": "dormitorio"}  # no papá: no padres
    # "sus padres", "los papás": where mamá's things are, and papá's
    papa = HomeEntity("light.papa", (words("mesilla de papá"),), "dormitorio")
    home = Home(home.areas, (*home.entities, papa), proper_names=home.proper_names)
    assert home.owners["padres"] == home.owners["papas"] == "dormitorio"
    naming = Naming.parse("OFF los ventiladores @ sus padres")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("OFF", ("fan.dormitorio",))

    def resolved(answer: str) -> Target | Unresolved:
        naming = Naming.parse(answer)
        assert naming is not None
        return resolve(naming, home, KINDS)

    assert resolved("OFF ventilador de javi") == Target("OFF", ("fan.dormitorio",))
    assert resolved("OFF los ventiladores de mama") == Target("OFF", ("fan.dormitorio",))
    assert resolved("ON lamparita de javi") == Target("ON", ("light.javi",))
    assert resolved("ON lampara de noche") == Target("ON", ("light.noche",))
    assert resolved("ON ventilador de pedro") == Unresolved.NO_DEVICE  # no one the home knows
    assert resolved("ON las lamparitas @ javi") == Target("ON", ("light.javi",))  # his, not all of his room's
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "habitacion", "cuarto"})))
    naming = Naming.parse("ON ventilador @ cuarto de mama")  # a word of the room's kind, with its owner
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("fan.dormitorio",))
    naming = Naming.parse("ON ventilador @ cocina de mama")  # her devices are in no kitchen
    assert naming is not None
    assert resolve(naming, home, kinds) == Unresolved.NO_PLACE
    # Where the votes left Javi out, he still says whose the fan is; of a light, another light.
    assert word_of_another_device(words("apaga el ventilador de javi"), "ventilador", home, ["fan.dormitorio"]) is None
    assert word_of_another_device(words("apaga la lamparita de javi"), "lamparita", home, ["light.marta"]) == "javi"


def test_a_word_several_rooms_names_hold_is_no_word_of_a_device_named_by_its_kind() -> None:
    """ "la luz de la habitación", the Dormitorio also called "habitación de matrimonio": not its light."""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"dormitorio", "habitacion", "cuarto"})))
    home = Home(
        (
            HomeArea("dormitorio", (words("Dormitorio"), words("habitación de matrimonio"))),
            HomeArea("carmen", (words("Habitación de Carmen"),)),
        ),
        (
            HomeEntity("light.techo", (words("Lámpara del techo"), words("luz del dormitorio")), "dormitorio"),
            HomeEntity("light.carmen", (words("Luz del cuarto de Carmen"),), "carmen"),
            HomeEntity("switch.radiador", (words("Radiador"),), "carmen"),
            HomeEntity("switch.tele", (words("Tele de la habitación"),), "dormitorio"),
            HomeEntity("light.leds", (words("Tira de LEDs"), words("luces de colores")), "carmen"),
            HomeEntity("light.mesilla_1", (words("Lamparita de Marta"),), "dormitorio"),
            HomeEntity("light.mesilla_2", (words("Lamparita de Javi"),), "dormitorio"),
        ),
    )
    naming = Naming.parse("OFF luz @ habitacion")
    assert naming is not None
    assert resolve(naming, home, kinds) == Unresolved.NO_PLACE
    naming = Naming.parse("OFF tele @ habitacion")  # its name says the word itself
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("OFF", ("switch.tele",))
    naming = Naming.parse("OFF radiador @ habitacion")  # the only one in a room called so
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("OFF", ("switch.radiador",))
    naming = Naming.parse("ON las luces de colores @ habitacion")  # a plural that is one device's own name
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("light.leds",))
    naming = Naming.parse("OFF las luces @ habitacion")  # every light of which room?
    assert naming is not None
    assert resolve(naming, home, kinds) == Unresolved.NO_PLACE
    naming = Naming.parse("ON las lamparitas @ habitacion")  # all in one of the rooms called so
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("light.mesilla_1", "light.mesilla_2"))


def test_several_whose_names_hold_a_word_several_rooms_hold_are_of_one_room() -> None:
    """ "las luces del cuarto": the "Luz del cuarto de la abuela" and "luz de nuestro cuarto" are two rooms'."""
    home = Home(
        (
            HomeArea("abuela", (words("Habitación de la abuela"), words("cuarto de la abuela"))),
            HomeArea("dormitorio", (words("Dormitorio principal"), words("nuestro cuarto"))),
        ),
        (
            HomeEntity("light.abuela", (words("Luz del cuarto de la abuela"),), "abuela"),
            HomeEntity("light.plafon", (words("Plafón"), words("luz de nuestro cuarto")), "dormitorio"),
        ),
    )
    naming = Naming.parse("OFF las luces @ cuarto")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Unresolved.NO_PLACE
    naming = Naming.parse("OFF luz @ cuarto de la abuela")
    assert naming is not None
    assert resolve(naming, home, KINDS) == Target("OFF", ("light.abuela",))


def test_several_said_with_a_room_word_that_fits_rooms_apart_are_passed_on() -> None:
    """ "las luces del baño" with two baños, "las luces de la habitación" where only kinds say it: which room?"""
    kinds = Kinds(KINDS.by_domain, (*KINDS.synonyms, frozenset({"recamara", "habitacion", "cuarto"})))
    kinds = replace(kinds, rooms=frozenset({"recamara", "habitacion", "cuarto", "bano"}))
    home = Home(
        (
            HomeArea("visitas", (words("Baño de visitas"),)),
            HomeArea("arriba", (words("Baño de arriba"),)),
            HomeArea("principal", (words("Recámara principal"),)),
            HomeArea("diego", (words("Cuarto de Diego"),)),
        ),
        (
            HomeEntity("light.visitas", (words("Foco del baño de visitas"),), "visitas"),
            HomeEntity("light.arriba", (words("Foco del baño de arriba"),), "arriba"),
            HomeEntity("light.principal", (words("Foco de la recámara principal"),), "principal"),
            HomeEntity("light.diego", (words("Foco del cuarto de Diego"),), "diego"),
        ),
    )
    for answer in ("ON las luces del bano", "OFF las luces @ habitacion"):
        naming = Naming.parse(answer)
        assert naming is not None
        assert resolve(naming, home, kinds) == Unresolved.NO_PLACE, answer
    naming = Naming.parse("ON las luces @ bano de arriba")
    assert naming is not None
    assert resolve(naming, home, kinds) == Target("ON", ("light.arriba",))


def test_whether_something_is_on_in_a_room_asks_of_all_of_it() -> None:
    """ "¿hay algo prendido en la cocina?" voted "ESTADO algo @ cocina": every device there, switching none."""
    for answer, found in (
        ("ESTADO algo @ cocina", Target("ESTADO", ("light.encimera", "light.fluorescente"))),
        ("ON algo @ cocina", Unresolved.NO_DEVICE),  # no order for "something"
        ("ESTADO algo", Unresolved.EVERYTHING),  # the whole home: the built-in agent's
    ):
        assert _resolve(answer) == found


def test_a_floor_said_as_the_devices_place_that_none_of_them_is_on() -> None:
    """ "apaga los ventiladores de abajo", heard upstairs and voted "los ventiladores": not this room's fans."""
    home = Home(
        (HomeArea("estudio", (words("Estudio"),), "arriba"), HomeArea("salon", (words("Salón"),), "abajo")),
        (HomeEntity("fan.estudio", (words("Ventilador"),), "estudio"),),
        (HomeFloor("arriba", (words("Ático"),)), HomeFloor("abajo", (words("Planta baja"), words("abajo")))),
    )
    fan = ("fan.estudio",)
    assert floor_left_out(words("apaga los cosa de abajo"), "cosa", home, fan) == "abajo"
    assert floor_left_out(words("apaga los cosa de la planta baja"), "cosa", home, fan) == "planta baja"
    assert floor_left_out(words("apaga los cosa del atico"), "cosa", home, fan) is None  # theirs
    # "abajo" said of something else
    assert floor_left_out(words("enciende la cosa, que aquí abajo no se ve"), "cosa", home, fan) is None
    assert floor_left_out(words("quita el cosa, que el vecino de abajo se queja"), "cosa", home, fan) is None
