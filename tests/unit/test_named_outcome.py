"""The words the votes name things by are masked for the reading of verbs: most votes' words only."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, words
from custom_components.llm_ensemble.named_outcome import (
    NAMED_THING,
    _by_its_name,
    _named_in_the_reason,
    _order_and_reason,
    _order_length,
    _with_names_masked,
    in_the_verbs_way,
    narrowed_by_whose,
    with_the_word_said,
)
from custom_components.llm_ensemble.naming import Kinds, Target
from custom_components.llm_ensemble.readings import not_an_order
from custom_components.llm_ensemble.reasons import Reason


def test_a_name_that_looks_like_a_verb_is_a_name() -> None:
    said = _with_names_masked(words("enciende el quitamiedos"), ["ON quitamiedos"] * 3)
    assert said == ("enciende", "el", NAMED_THING)


def test_a_word_only_a_stray_vote_copied_is_still_read() -> None:
    """ "al anochecer" copied into one vote's place is still the time the request gives."""
    votes = ["OFF foco @ sala", "OFF foco @ sala de al anochecer", "OFF foco @ sala"]
    text = "corta el foco de sala al anochecer, si puedes"
    said = _with_names_masked(words(text), votes)
    assert "anochecer" in said
    assert not_an_order(said, text) == Reason.LATER_OR_CONDITION


def test_the_word_the_votes_left_out_names_the_device() -> None:
    """ "la luz de buró de la recámara" voted "luz @ recamara": the Lámpara de buró, not the Foco."""
    home = Home(
        (HomeArea("principal", (words("Recámara principal"),)), HomeArea("ninas", (words("Recámara de las niñas"),))),
        (
            HomeEntity("light.foco", (words("Foco de la recámara principal"),), "principal"),
            HomeEntity("light.buro", (words("Lámpara de buró"),), "principal"),
            HomeEntity("light.buro_ninas", (words("Lámpara de buró"),), "ninas"),
        ),
    )
    kinds = Kinds({"light": frozenset({"luz", "foco", "lampara"})}, (frozenset({"luz", "foco", "lampara"}),))
    votes = ["ON luz @ recamara principal"] * 3
    found = Target("ON", ("light.foco",))
    assert with_the_word_said(votes, "buro", found, home, kinds, None) == Target("ON", ("light.buro",))
    assert with_the_word_said(votes, "sal", found, home, kinds, None) is None  # names nothing there


def test_a_word_said_after_de_narrows_a_choice_to_the_device_it_names() -> None:
    """ "¿el velador de Sofi está apagado?" voted "velador": of the two veladores, Sofi's."""
    home = Home(
        (HomeArea("sofi", (words("Pieza de Sofi"),)), HomeArea("grande", (words("Pieza grande"),))),
        (
            HomeEntity("light.velador_sofi", (words("Velador de Sofi"),), "sofi"),
            HomeEntity("light.velador_laura", (words("Velador de Laura"),), "grande"),
        ),
    )
    kinds = Kinds({"light": frozenset({"luz", "velador"})}, (frozenset({"luz", "velador"}),))
    votes = ["ESTADO velador"] * 3

    def narrowed(text: str) -> Target | None:
        return narrowed_by_whose(votes, _with_names_masked(words(text), votes), home, kinds, None)

    assert narrowed("¿el velador de Sofi está apagado?") == Target("ESTADO", ("light.velador_sofi",))
    assert narrowed("¿el velador de Pedro está apagado?") is None  # names none of them
    assert narrowed("¿el velador está apagado?") is None
    assert narrowed("¿el velador está apagado, o se lo dejó prendido el amigo de Sofi?") is None  # not after it


def test_a_vote_against_the_verb_takes_its_way_where_another_says_it() -> None:
    votes = ("OFF riego", "ON riego", "ON riego", "NADA", None, "ESTADO riego")
    assert in_the_verbs_way(votes, "ON") == ("ON riego", "ON riego", "ON riego", "NADA", None, "ESTADO riego")


def test_a_tie_takes_the_verbs_way() -> None:
    assert in_the_verbs_way(("NADA", "OFF luz", "ON luz"), "ON") == ("NADA", "ON luz", "ON luz")


@pytest.mark.parametrize(
    "votes",
    [
        ("OFF luz", "OFF luz", "OFF luz"),  # every vote against the verb
        ("ON tele", "ON tele", "OFF tele"),  # most votes against it ("quita la tele de pausa")
    ],
)
def test_votes_mostly_against_the_verb_stand(votes: tuple[str, ...]) -> None:
    assert in_the_verbs_way(votes, "OFF" if votes[0].startswith("ON") else "ON") == votes


def test_without_one_way_the_votes_stand() -> None:
    assert in_the_verbs_way(("OFF luz", "ON luz"), None) == ("OFF luz", "ON luz")


RADIO_HOME = Home((HomeArea("cocina", (("cocina",),)),), (HomeEntity("switch.radio", (("radio",),), "cocina"),))


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("ponme la radio", "ON radio"),
        ("ponme la radio, que empieza el programa", "ON radio"),  # the order before its reason
        ("quita la radio que no me entero", "OFF radio"),
        ("pon la radio un rato", None),  # a word more
        ("pon la radio de la abuela, que empieza el programa", None),
        ("¿está sonando la radio?", "ESTADO radio"),  # asked of it
        ("¿está sonando la radio de la abuela?", None),
    ],
)
def test_a_whole_name_said_alone_or_before_a_reason_is_the_vote(text: str, vote: str | None) -> None:
    assert _by_its_name(text, words(text), RADIO_HOME, None, "ESTADO") == vote


def _split(text: str, votes: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The order and its reason as plan reads them: the words the votes named masked."""
    return _order_and_reason(_with_names_masked(words(text), votes), _order_length(text, words(text)))


def test_another_device_in_a_reason_is_the_reasons() -> None:
    """ "…, que si enciendo también el brasero…": the order is read alone, the reason's words apart."""
    text = "apaga la freidora, que si enciendo también el brasero salta el diferencial"
    order, reason = _split(text, ["OFF freidora"] * 3) or ((), ())
    assert order == ("apaga", "la", NAMED_THING)
    assert "brasero" in reason
    # the order must name what the votes do: "apágala, que el brasero…" voted "OFF brasero" is read whole
    assert _split("apágala, que el brasero no calienta", ["OFF brasero"] * 3) is None
    # a reason that gives an order of its own, or none at all: read whole
    assert _split("apaga la freidora, que ya es tarde, enciende el brasero", ["OFF freidora"] * 3) is None
    assert _split("apaga la freidora y el brasero", ["OFF freidora"] * 3) is None
    # the same asked of another at the end: read whole
    assert _split("apaga la tele, que el brasero también", ["OFF tele"] * 3) is None
    # the reason's words the votes named are masked too: "la luz de la cocina" is no other device's whole name there
    _, reason = _split("apaga la luz, que la luz de la cocina se ha quedado encendida", ["OFF luz"] * 3) or (
        (),
        (),
    )
    assert reason[:4] == ("que", "la", NAMED_THING, "de")


@pytest.mark.parametrize(
    ("text", "votes", "passed_on"),
    [
        # the reason tells its device is already as asked, or enough: the order is read again alone
        ("apaga la lámpara, que la de pie ya está apagada", ["OFF lampara de pie"] * 3, "other_device (pie)"),
        (
            "apaga la luz de la cocina, que con la de la encimera me sobra",
            ["OFF luz de la encimera"] * 3,
            "other_device (encimera)",
        ),
        ("enciende la lámpara, que la de pie ya está prendida", ["ON lampara de pie"] * 3, "other_device (pie)"),
        # another device, by its own noun
        ("prende la campana, que se derramó la cafetera", ["ON cafetera"] * 3, "other_device (cafetera)"),
        (
            "enciende el quitamiedos, que la luz del pasillo ya la he apagado",
            ["ON luz del pasillo"] * 3,
            "other_device (luz)",
        ),
        # one of the order's kind singled out in any other way may be the very device meant: passed on as it is
        ("apaga la lámpara, que la de pie se quedó prendida", ["OFF lampara de pie"] * 3, "device_in_reason (pie)"),
        (
            "apaga el ventilador, que el de techo hace mucho ruido",
            ["OFF ventilador de techo"] * 3,
            "device_in_reason (techo)",
        ),
        ("apaga la tele, que la pequeña sigue encendida", ["OFF tele pequena"] * 3, "device_in_reason (pequena)"),
        # a word no name of the home has, copied from the reason ("muchas gracias")
        ("apaga la lámpara, que muchas gracias", ["OFF lampara muchas"] * 3, None),
        # one stray vote does not make the models' reading
        ("apaga la lámpara, que la de pie ya está apagada", ["OFF lampara de pie", "OFF lampara", "OFF lampara"], None),
        # the device's words said in the order, or a place said in the reason, are the order's
        ("apaga la lámpara de pie, que la lámpara ya alumbra", ["OFF lampara de pie"] * 3, None),
        ("pon el ventilador, que hace calor en el estudio", ["ON ventilador @ estudio"] * 3, None),
        # no reason after the order, or the same asked of another at the end: read whole
        ("apaga la lámpara de pie", ["OFF lampara de pie"] * 3, None),
        ("apaga la tele, que el brasero también", ["OFF brasero"] * 3, None),
    ],
)
def test_a_device_only_the_reason_names_is_not_the_orders(text: str, votes: list[str], passed_on: str | None) -> None:
    """The models may take the reason's device for the order's: read again alone, or passed on."""
    home_words = frozenset({"lampara", "pie", "luz", "encimera", "campana", "cafetera", "pasillo", "ventilador"})
    heard, also = words(text), {"techo", "tele", "pequena", "brasero"}
    found = _named_in_the_reason(heard, _order_length(text, heard), votes, home_words | also)
    assert (str(found) if found else None) == passed_on
