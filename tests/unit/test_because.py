"""A reason said after the order: the order alone, for the models to read again."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.because import order_after_reason, order_before_reason, order_drawn_from_a_story


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("ponme la tele, que empieza el telediario", "ponme la tele"),
        ("apaga la luz del baño, que se ha quedado encendida", "apaga la luz del baño"),
        ("apaga la luz porque me voy a dormir", "apaga la luz"),
        ("el ventilador ponlo, que no hay quien duerma", "el ventilador ponlo"),  # the object first
        ("enciéndeme la luz, hijo, que no veo nada", "enciéndeme la luz"),  # who is called, left out
        ("enciende la luz que está encima de la mesa", None),  # which light, not why
        ("apaga la tele que mañana hay que madrugar", "apaga la tele"),  # no comma
        ("apaga la estufa que hace un calor tremendo", "apaga la estufa"),
        ("prende la tele que hay en la bodega", None),  # where it is
        ("deja encendida la luz hasta que llegue", None),  # until, not why
        ("apaga lo que está encendido", None),
        ("préndeme la tele para ver el partido", "préndeme la tele"),  # a purpose
        ("enciende la cafetera antes que me levante mañana", None),  # a time, not why
        ("apaga el riego el día que llegue el lunes", None),
        ("pon la luz del salón que quede al cincuenta por ciento", None),  # how it is to be
        ("apaga la luz que estaba encendida", None),  # which light
        ("enciende la luz en la que estoy", None),
        ("para el ventilador", None),
        ("la luz, que está encendida", None),  # no order
        ("apaga la tele, que apagues la tele te digo", None),  # the "reason" orders too
        ("pon el purificador, que cuando abrimos la ventana entra el polen", "pon el purificador"),  # tells when
        ("enciende el termo, que mañana cortan la luz", "enciende el termo"),
        ("enciende el termo, que si lo pongo más tarde no calienta", "enciende el termo"),
        ("apaga la fuente, que esta tarde cortan el agua", "apaga la fuente"),
        ("apaga la tele, que es de noche, enciende la luz", None),  # an order after the pause
        ("apaga la luz, porfa", None),
        ("enciende la estufa, no, que hace calor", None),  # taken back, not someone called
        ("no enciendas la luz, que estoy durmiendo", None),  # negated
        ("apaga la luz porfa, ya subimos todos", "apaga la luz porfa"),  # a remark after "ya"
        ("apaga la luz, ya mismo", None),  # when, not a remark
        ("¿me hace el favor de apagar la luz? Muchas gracias", "¿me hace el favor de apagar la luz"),
        ("pon la fuente del patio. ¿A que suena bonita?", "pon la fuente del patio"),  # a question after it
        ("apaga la luz. ¡No, espera!", None),  # taken back
        ("enciende la estufa. ¿O mejor no?", None),
        ("enciende la luz. ¡Mentira!", None),
        ("¿me apagas la tele, que no veo?", "¿me apagas la tele"),  # a question that asks for a switch
        ("¿está encendida la luz? gracias", None),  # asks, orders nothing
        ("poneme el lavarropas q ya cargué la ropa", "poneme el lavarropas"),  # "q", written for "que"
        ("apaga la tele. Y enciende la luz", None),  # the second sentence orders too
        ("apaga la luz, que con la otra me sobra para picar la cebolla", "apaga la luz"),  # "para" a purpose
        ("apaga la luz, que ya es tarde, para el ventilador", None),  # "para" stops it
        ("", None),
    ],
)
def test_the_order_before_its_reason(text: str, order: str | None) -> None:
    assert order_before_reason(text) == order


HOME_WORDS = frozenset({"luz", "pasillo", "riego", "cesped", "ventilador", "salon"})


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("ha llovido toda la mañana, quita el riego del césped", "quita el riego del césped"),
        ("no puedo dormir del calor, enciende el ventilador", None),  # a negation before: read whole
        ("no veo nada en el pasillo, enciende la luz", None),  # the reason says where
        ("apaga la tele, enciende la luz", None),  # two orders, no reason
        ("ayer apagaste la luz, ¿no?", None),
        ("hace frío", None),
    ],
)
def test_the_order_after_its_reason(text: str, order: str | None) -> None:
    assert order_after_reason(text, HOME_WORDS) == order


@pytest.mark.parametrize(
    ("text", "order"),
    [
        (
            "Lucía se ha dejado el patinete en el garaje sin cargar y mañana tiene clase, así que enchufa el "
            "cargador del patinete, porfa, que si no son todo dramas",
            "enchufa el cargador del patinete",  # "porfa" set apart at the end: as a call
        ),
        ("la abuela viene y es muy friolera, por eso enciende ya la camilla", "enciende ya la camilla"),
        ("el niño tiene miedo en el pasillo, enciende la luz de la escalera", "enciende la luz de la escalera"),
        ("hace un frío que pela, así que no enciendas el ventilador", None),  # refused
        ("apaga la luz y enciende la tele", None),  # two orders
        ("la vecina dice que esta noche hay luna llena y que se ve preciosa", None),  # no order
        ("compra bombillas para el salón", None),  # "para", the preposition
        ("y entonces la tele se encendió sola", None),  # what happened
        ("Irene ha suspendido mates, así que enciende el quitamiedos", "enciende el quitamiedos"),  # not "quitar"
    ],
)
def test_the_one_order_a_telling_leads_to(text: str, order: str | None) -> None:
    assert order_drawn_from_a_story(text) == order
