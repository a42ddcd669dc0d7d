"""Words that call an order off at the end, with nothing said in its place."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.taking_back import called_off_at_the_end, takes_back


@pytest.mark.parametrize(
    ("text", "called_off"),
    [
        ("apaga el termo, mejor no", True),
        ("quita la tele grande, olvídalo", True),
        ("enciende el riego del jardín. Mejor no.", True),
        ("apaga la luz, ay, no", True),
        ("pon la tele, espera", True),
        ("apagá el termo, olvidate", True),
        ("enciende el riego, déjalo", True),
        ("apaga la guirnalda, no, déjala", True),
        ("prendé la guirnalda, no, dejá", True),
        ("apaga la luz, bah, da igual", True),
        ("apaga la luz, perdona, mejor no", True),
        ("pon la cafetera, ¿sabes qué? no", True),
        ("enciende el ventilador, no, nada", True),
        ("enciende la luz, que no veo nada", False),  # a reason
        ("apaga la tele, que no", True),
        ("prende el boiler... chin, no, espérate, ya no", True),
        ("enciende la tele, ya no hay nadie", False),  # a reason
        ("apagá el ventilador de pie... nah, ni ahí", True),
        ("apaga la luz, nah", True),
        ("apaga la luz, no me hagas caso", True),  # a saying
        ("pon la tele, uy, es broma", True),
        ("prende el foco, nel", True),
        ("apaga la tele, que es broma", False),  # a reason: "que"
        ("enciende la luz, ya, ¿no?", False),  # asks for a yes
        ("enciende la luz, ¿no?", False),  # asks for a yes
        ("apaga la luz, perdona", False),  # an apology
        ("apaga la luz, digo, la del baño", False),  # a repair: something said in its place
        ("apaga la luz mejor", False),  # no pause
        ("mejor no", False),  # no order to take back
        # called off, then a reason or a remark set apart
        ("enciende el farol, nah, que lo enciendo yo", True),
        ("pon la cafetera; deja, deja, que ya la pone Javi", True),
        ("enciende el brasero, es broma, que estamos a treinta grados", True),
        ("prendé el calefón, era joda, el agua todavía está caliente", True),
        ("apaga la luz, espera, que todavía estoy leyendo", True),
        ("prende la campana, bueno, ya no, siempre no", True),
        ("apágale al abanico... mejor no le muevas, que ya se durmió", True),
        ("apaga la luz, espera, la lámpara", False),  # a repair: what was meant follows
        ("enciende la luz, bueno, mejor, que ya es tarde", False),  # better do it
        ("prende la luz, tranquila, que no pasa nada", False),  # only last: "don't worry"
        ("prende el abanico, igual que anoche", False),  # no pause before the reason
        ("apaga el deshumidificador, deja que se seque solo", False),
        ("enciende el calefactor, no importa que gaste", False),
        ("apaga el deshumidificador, no hace falta que lo dejes toda la noche", False),
        ("prende el ventilador, tranqui", True),  # said last
        ("prendé la jarra, tranqui, ya la prendo yo que estoy en la cocina", True),  # or before someone's doing it
        ("cortá el riego, no importa, que lo corta papá cuando vuelva", True),
        ("prende la tele, que era broma", True),  # a saying in the past, after "que"
        ("apaga el termo, aunque pensándolo bien que siga así, que hay visita", True),  # kept as it is
        ("quita la radio, pensándolo bien, déjala como está", True),
        ("enciende la luz, pensándolo bien, la del baño", False),  # a repair
        ("apaga la tele, que siga así la radio", False),
        ("apaga el termo, que no hace falta", False),  # why: it is not needed
        ("", False),
    ],
)
def test_an_order_called_off_at_the_end(text: str, called_off: bool) -> None:
    assert called_off_at_the_end(text) is called_off


def test_a_bare_no_or_an_apology_takes_nothing_back() -> None:
    assert not takes_back(["no"])
    assert not takes_back(["perdona"])
    assert takes_back(["mejor", "no"])
    assert takes_back(["uy", "no"])
