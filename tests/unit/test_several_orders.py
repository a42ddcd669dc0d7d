"""A request cut into the orders it gives: pure functions, no Home Assistant."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.llm_ensemble.engine import Decision, Timings
from custom_components.llm_ensemble.several_orders import (
    Order,
    _a_remark,
    begins_with_an_order,
    says_no_last,
    split_orders,
)


@pytest.mark.parametrize(
    ("text", "orders"),
    [
        ("Apaga la radio y enciende la lámpara", ["Apaga la radio", "enciende la lámpara"]),
        ("apaga la tele, dale, y enciende la luz", ["apaga la tele", "enciende la luz"]),  # "dale" orders nothing
        ("apaga la tele y baja un poco la luz", ["apaga la tele", "baja un poco la luz"]),  # a change
        (
            "apaga la luz y dime si llueve, que voy a bajar a la calle",
            ["apaga la luz", "dime si llueve, que voy a bajar a la calle"],
        ),
        ("pon la cafetera, y luego apaga el horno", ["pon la cafetera", "apaga el horno"]),
        ("prende el foco y de paso apaga la bomba", ["prende el foco", "apaga la bomba"]),
        ("prende el boiler, y de una vez la luz del baño", ["prende el boiler", "prende la luz del baño"]),
        ("apaga la tele de una vez", ["apaga la tele de una vez"]),
        ("apaga la radio y dime qué tiempo hace", ["apaga la radio", "dime qué tiempo hace"]),
        ("apagá la radio y decime qué tiempo hace", ["apagá la radio", "decime qué tiempo hace"]),  # voseo
        ("apagá la radio y fijate si llueve", ["apagá la radio", "fijate si llueve"]),
        ("pon la tele y mira a ver si llueve", ["pon la tele", "mira a ver si llueve"]),  # readings.ASK_IF, then "si"
        (  # "al" after a verb's "le" is "a el": the noun left out is said again
            "préndele al abanico de la sala y al de las niñas",
            ["préndele al abanico de la sala", "préndele al abanico de las niñas"],
        ),
        ("apaga el riego y comprueba si va a llover", ["apaga el riego", "comprueba si va a llover"]),
        # "y ahora", "y enseguida": then
        ("enciende la lámpara y ahora la del pasillo", ["enciende la lámpara", "enciende la lámpara del pasillo"]),
        ("prende la bomba y enseguida el riego", ["prende la bomba", "prende el riego"]),
        # "también" is said of the device, before its reason too
        ("apaga la radio y la tele también", ["apaga la radio", "apaga la tele"]),
        ("apaga la radio y la tele también, que es tarde", ["apaga la radio", "apaga la tele, que es tarde"]),
        ("enciende la luz y ahora la apagas", ["enciende la luz y ahora la apagas"]),  # a pronoun and a verb
        # whom, after "y": another order, which the checks read ("a su hermana" names no device)
        ("apágale la tele al abuelo y a su hermana también", ["apágale la tele al abuelo", "apágale a su hermana"]),
        ("apágale la tele al abuelo y a Irene", ["apágale la tele al abuelo", "apágale a Irene"]),
        ("apágale el abanico a Tomás y a la cama", ["apágale el abanico a Tomás y a la cama"]),  # no one
        ("apágale la lámpara al niño y a dormir", ["apágale la lámpara al niño y a dormir"]),
        ("pon la tele, mira, que empieza el partido", ["pon la tele, mira, que empieza el partido"]),  # no "si"
        ("prendé la estufa, ¿hace mucho frío afuera?", ["prendé la estufa", "¿hace mucho frío afuera?"]),
        ("¿qué tiempo hace? enciende la estufa", ["¿qué tiempo hace?", "enciende la estufa"]),  # a sentence ends
        # A question in its marks is a part of its own, after an order or before one.
        ("apaga la luz y ¿cómo va a estar mañana?", ["apaga la luz", "¿cómo va a estar mañana?"]),
        ("enciende el ventilador, ¿y cuánto calor va a hacer?", ["enciende el ventilador", "cuánto calor va a hacer?"]),
        ("pon el radiador, ¿a cuánto vamos a estar?", ["pon el radiador", "¿a cuánto vamos a estar?"]),  # a preposition
        ("¿hará frío esta noche? pon el radiador", ["¿hará frío esta noche?", "pon el radiador"]),
        ("¿va a helar? por si acaso enciende la camilla", ["¿va a helar?", "por si acaso enciende la camilla"]),
        ("apaga la luz, ¿vale?", ["apaga la luz, ¿vale?"]),  # courtesy asks nothing
        ("prendé la tele y apagá la radio, dale", ["prendé la tele", "apagá la radio"]),  # nor orders
        # A "no" after the word takes something back: a part of its own, which the checks read.
        ("apagá el velador y la luz; pará, el de papá no", ["apagá el velador", "apagá la luz", "pará, el de papá no"]),
        ("prende el toallero y la mesa camilla, dale, ¿no?", ["prende el toallero", "prende la mesa camilla"]),
        ("prende el toallero y la camilla, dale, que no hay nadie", ["prende el toallero", "prende la camilla"]),
        ("apaga el flexo y la de Lucía enciéndela", ["apaga el flexo", "la de Lucía enciéndela"]),  # not a flexo
        ("enciende la tele, ¿puedes?", ["enciende la tele, ¿puedes?"]),
        ("mañana a las siete, ¿eh? enciende la cafetera", ["mañana a las siete, ¿eh? enciende la cafetera"]),
        ("si llueve, quita el riego", ["si llueve, quita el riego"]),  # a condition is no order of its own
        ("cuando llegue, apaga la luz y enciende la tele", ["cuando llegue, apaga la luz y enciende la tele"]),
        (
            "enciende el flexo, apaga la radio y pon la cafetera",
            ["enciende el flexo", "apaga la radio", "pon la cafetera"],
        ),
        # One verb, several things: the verb said again with each.
        ("apaga la radio y el horno", ["apaga la radio", "apaga el horno"]),
        ("apaga la radio, el horno y la plancha", ["apaga la radio", "apaga el horno", "apaga la plancha"]),
        # The noun left out said again.
        ("apaga la luz del garaje y la del sótano", ["apaga la luz del garaje", "apaga la luz del sótano"]),
        # One of a kind after several: the noun said again, one.
        (
            "apaga los ventiladores del salón y el de Lucía",
            ["apaga los ventiladores del salón", "apaga el ventilador de Lucía"],
        ),
        (
            "enciende las luces del patio y la del porche",
            ["enciende las luces del patio", "enciende la luz del porche"],
        ),
        ("apaga los focos de la sala y la de la cocina", ["apaga los focos de la sala", "apaga la de la cocina"]),
        ("apaga la luz del garaje, y la del sótano también", ["apaga la luz del garaje", "apaga la luz del sótano"]),
        # A place said first is every order's.
        ("en la sala prende la tele y el ventilador", ["en la sala prende la tele", "prende el ventilador en la sala"]),
        (
            "en la sala prende la tele y apaga la luz del porche",
            ["en la sala prende la tele", "apaga la luz del porche"],
        ),
        ("apaga las luces del garaje y de la bodega", ["apaga las luces del garaje", "apaga las luces de la bodega"]),
        # A second place for the same devices, without an article.
        ("apaga las luces del garaje y del sótano", ["apaga las luces del garaje", "apaga las luces del sótano"]),
        ("enciende los leds de Ana y de Pedro", ["enciende los leds de Ana", "enciende los leds de Pedro"]),
        (  # the "a" that "apágale" calls for is no word of the thing
            "apágale a los ventiladores del garaje y del sótano",
            ["apágale a los ventiladores del garaje", "apágale los ventiladores del sótano"],
        ),
        # A second owner said bare, of several devices of the same kind.
        ("apaga las lamparitas de Javi y Marta", ["apaga las lamparitas de Javi", "apaga las lamparitas de Marta"]),
        (
            "prendé los veladores de mamá y papá, que ya se acostaron",
            ["prendé los veladores de mamá", "prendé los veladores de papá, que ya se acostaron"],
        ),
        (
            "apaga todas las lámparas de Ana y de Pedro",
            ["apaga todas las lámparas de Ana", "apaga todas las lámparas de Pedro"],
        ),
        (
            "apaga los ventiladores del salón, del estudio y del cuarto de Iván",
            [
                "apaga los ventiladores del salón",
                "apaga los ventiladores del estudio",
                "apaga los ventiladores del cuarto de Iván",
            ],
        ),
        (
            "enciende el foco del porche y apaga el de la bodega",
            ["enciende el foco del porche", "apaga el foco de la bodega"],
        ),
        # An object said before its verb ("apágala") begins its order.
        (
            "enciende la radio y la luz de la cocina apágala",
            ["enciende la radio", "la luz de la cocina apágala"],
        ),
        ("la radio apágala y el foco enciéndelo", ["la radio apágala", "el foco enciéndelo"]),
        ("la radio apágala y también el foco del porche", ["la radio apágala", "apága el foco del porche"]),
        ("los leds enciéndelos, y la tele", ["los leds enciéndelos", "enciénde la tele"]),
        (
            "enciende la luz del salón y la de la cocina apágala",
            ["enciende la luz del salón", "la luz de la cocina apágala"],
        ),
        # A device named like a verb ("quitar") is a thing after "el".
        ("apaga la radio y luego el quitamiedos", ["apaga la radio", "apaga el quitamiedos"]),
        (
            "enciende la luz y la tele no",
            ["enciende la luz", "enciende la tele no"],
        ),  # nothing said before to take back
    ],
)
def test_several_orders_are_cut_apart(text: str, orders: list[str]) -> None:
    assert [order.text for order in split_orders(text)] == orders


@pytest.mark.parametrize(
    "text",
    [
        "enciende la luz del porche",
        "enciende la luz, que ya es de noche",  # a reason, not an order
        "enciende la radio y la apagas en diez minutos",  # "la" is a pronoun of the second verb
        "apaga la luz de Ana y Pedro",  # no article: one name
        "apaga la luz de",  # nothing after "de"
        "enciende la tele del",
        "préndele la luz de",
        "apaga las luces de arriba y ya",  # "ya" names no one
        "apaga las lamparitas de Javi y también",
        "apaga las luces de abajo y todo",
        "enciende la luz del porche y de noche la apagas",  # when, not where
        "prendeme la luz, dale",
        "apagá el velador, dale, que Juli ya se durmió. Gracias",  # "dale" and a reason: no order
        "apaga los focos del cuarto de Iván y del pasillo",  # which "de" is the place?
        "apaga las luces del cuarto de papá y mamá",  # which "de" is the owner?
        "prende las lámparas de buró de mis papás y de las niñas",
        "déjala encendida y apaga la radio",  # one on/off order (what the checks read as two)
        "apaga todo",
        "apaga la luz del baño, la dejaron prendida otra vez",  # a pronoun and a past verb: the reason
        "no prendas el boiler, el agua ya está caliente",  # a refusal and its reason
        "¿me haces el favor de prender el abanico? Las niñas se están asando, gracias",  # a sentence ends
        "oiga, no prenda el calefactor, ya hace calor",
        "apaga la fuente, que se ha parado el chorro y la bomba suena en vacío",  # the reason's "y"
        "no le prendas a la tele de la recámara, mi mamá ya se durmió",
        "prendé el farol de la entrada, para que los gurises vean cuando llegan",  # a purpose, not "parar"
        "",
    ],
)
def test_one_order_stays_whole(text: str) -> None:
    assert split_orders(text) == [Order(text)]


def test_a_refusal_still_lets_an_order_or_a_question_of_its_own_be_cut() -> None:
    """ "no apagues la tele y enciende la luz" gives an order; "…, ¿qué tiempo hace?" asks."""
    assert [o.text for o in split_orders("no apagues la tele y enciende la luz")] == [
        "no apagues la tele",
        "enciende la luz",
    ]
    assert [o.text for o in split_orders("no apagues la tele, ¿qué tiempo hace?")] == [
        "no apagues la tele",
        "¿qué tiempo hace?",
    ]


def test_a_sentence_joined_to_the_last_shares_its_verb() -> None:
    """ "apaga la tele. Y la radio" and "… La radio también" are two things for one verb."""
    for text in ("apaga la tele. Y la radio", "apaga la tele. La radio también"):
        assert [o.shares_verb for o in split_orders(text)] == [False, True]


def test_a_shared_verb_is_marked() -> None:
    """A place said once may be meant for every thing of a shared verb: the agent must know."""
    assert [o.shares_verb for o in split_orders("apaga la luz y el horno de la bodega")] == [False, True]
    assert [o.shares_verb for o in split_orders("apaga la luz y enciende el horno")] == [False, False]


@pytest.mark.parametrize(
    ("text", "ordered"),
    [
        ("apaga la radio", True),
        ("venga, pon la camilla", True),  # one word set apart by a comma first
        ("Lucía, apaga la tele", True),
        ("la radio está apagada", False),
        ("oye venga pon la radio", False),  # more than one word first: the selector reads it
        ("ayer por la tarde, apagué la radio", False),
        ("buenos días, pon la cafetera porfa", True),  # a clause after a pause begins with it
        ("no veo nada, enciende la luz", True),
        ("ayer apagaste la radio, ¿no?", False),
        ("", False),
    ],
)
def test_an_order_begins_a_clause_with_its_verb(text: str, ordered: bool) -> None:
    assert begins_with_an_order(text) is ordered


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("pon la fuente del patio. ¿A que suena bonita?", True),
        ("apaga la luz del baño. ¿Cuántas veces os lo tengo que decir?", True),
        ("apaga la tele y ¿cuánto falta para la cena?", False),  # no sentence of its own
        ("enciende la luz. ¿Qué tal en azul?", False),  # a change asked
        ("enciende el riego. ¿Cuánto tiempo?", False),  # how long
        ("apaga la tele. ¿Apago también la luz?", False),  # an on/off verb
        ("apaga la tele. ¿No es muy tarde?", False),  # a negation
        ("apaga la tele. ¿Y la radio qué?", False),  # a word of the home's names
    ],
)
def test_a_question_after_the_orders_that_asks_nothing_of_the_home_is_a_remark(text: str, remark: bool) -> None:
    part = split_orders(text)[-1].text
    nobodys = Decision(part, part, "none", "NINGUNO", (), None, False, Timings())
    assert _a_remark(text, part, nobodys, frozenset({"radio", "tele", "luz", "fuente", "patio"})) is remark
    weather = replace(nobodys, route="weather")
    assert not _a_remark(text, part, weather, frozenset())


@pytest.mark.parametrize(
    ("text", "says_no"),
    [
        ("apaga el deshumidificador no", True),
        ("apaga el toallero el toallero no, que Irene se ducha", True),
        ("apaga la luz, ¿no?", False),  # asks for a yes
        ("apaga la luz, que no se ve nada", False),  # the reason's
        ("apaga la luz", False),
    ],
)
def test_a_part_that_says_no_last_takes_back(text: str, says_no: bool) -> None:
    assert says_no_last(text) is says_no
