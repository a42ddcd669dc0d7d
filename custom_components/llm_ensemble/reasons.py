"""Why the agent does not act on a request itself: codes for the logs, Spanish for the user.

A request the agent is not sure of goes to Home Assistant's built-in agent (`Outcome.pass_on`).
Diagnostics, the decision log and the bench group these by their code; the user hears the Spanish.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """One reason not to act; its value is the code diagnostics and the bench show."""

    # What the request is
    TOO_LONG = "too_long"
    SELECTOR = "selector"
    NO_AGREEMENT = "no_agreement"
    NEGATED = "negated"
    LEAVE_AS_IS = "leave_as_is"
    ALREADY_DONE = "already_done"
    NO_SWITCH_ASKED = "no_switch_asked"
    BOTH_DIRECTIONS = "both_directions"
    QUESTION = "question"
    OTHER_CHANGE = "other_change"
    LATER_OR_CONDITION = "later_or_condition"
    TWO_ORDERS = "two_orders"
    TAKEN_BACK = "taken_back"
    VERB_SAYS_OTHERWISE = "verb_says_otherwise"
    ORDER_NOT_QUESTION = "order_not_question"
    OTHER_HOME = "other_home"
    TOO_MANY_ORDERS = "too_many_orders"
    PART_UNSURE = "part_unsure"
    PART_HANDS_OFF = "part_hands_off"
    # What the home has
    NO_PLACE = "no_place"
    NO_DEVICE = "no_device"
    AMBIGUOUS = "ambiguous"
    EVERYTHING_UNPLACED = "everything_unplaced"
    ONLY_PLACE = "only_place"
    ALL_ON = "all_on"
    NOT_EXPOSED = "not_exposed"
    NOT_SWITCHABLE = "not_switchable"
    NOT_ADJUSTABLE = "not_adjustable"
    CODE_UNMAPPED = "code_unmapped"
    MAPPED_MISSING = "mapped_missing"
    MAPPED_NOT_EXPOSED = "mapped_not_exposed"
    # Whether a catalog command is about the entity it would switch (home_check.py)
    EVERYTHING = "everything"
    SEVERAL_IN_AREA = "several_in_area"
    OTHER_AREA = "other_area"
    OTHER_FLOOR = "other_floor"
    OTHER_ROOM = "other_room"
    OTHER_KIND = "other_kind"
    OTHER_DEVICE = "other_device"
    DEVICE_IN_REASON = "device_in_reason"
    SAME_AREA_KIND = "same_area_kind"
    SOMEONE_ELSES = "someone_elses"
    UNKNOWN_WORD = "unknown_word"
    NO_ROOM = "no_room"

    @property
    def spoken(self) -> str:
        """The reason as the agent says it."""
        return SPOKEN[self]


SPOKEN = {
    Reason.TOO_LONG: "texto más largo de lo que leen los modelos",
    Reason.SELECTOR: "el selector no lo manda a un modelo de la casa",
    Reason.NO_AGREEMENT: "votos sin acuerdo",
    Reason.NEGATED: "es una negación",
    Reason.LEAVE_AS_IS: "pide dejarlo como está",
    Reason.ALREADY_DONE: "cuenta lo que alguien ya hizo",
    Reason.NO_SWITCH_ASKED: "no pide encender ni apagar",
    Reason.BOTH_DIRECTIONS: "habla de encender y de apagar",
    Reason.QUESTION: "es una pregunta sin orden de encender o apagar",
    Reason.OTHER_CHANGE: "pide otro cambio que encender o apagar",
    Reason.LATER_OR_CONDITION: "es para más tarde o con una condición",
    Reason.TWO_ORDERS: "son dos órdenes a la vez",
    Reason.TAKEN_BACK: "la orden se ha retirado o corregido a medias y no sé cuál vale",
    Reason.VERB_SAYS_OTHERWISE: "el verbo dice lo contrario",
    Reason.ORDER_NOT_QUESTION: "es una orden, no una pregunta",
    Reason.OTHER_HOME: "habla de otra casa",
    Reason.TOO_MANY_ORDERS: "demasiadas órdenes a la vez",
    Reason.PART_UNSURE: "una parte no es segura",
    Reason.PART_HANDS_OFF: "una parte pide no tocar nada",
    Reason.NO_PLACE: "nombra un sitio que la casa no tiene",
    Reason.NO_DEVICE: "nombra un aparato que la casa no tiene",
    Reason.AMBIGUOUS: "varios aparatos responden a ese nombre",
    Reason.EVERYTHING_UNPLACED: "habla de todo sin decir dónde",
    Reason.ONLY_PLACE: "nombra un sitio y ningún aparato",
    Reason.ALL_ON: "pide encender todo en varias habitaciones",
    Reason.NOT_EXPOSED: "entidad no expuesta",
    Reason.NOT_SWITCHABLE: "un tipo de entidad que no enciendo ni apago",
    Reason.NOT_ADJUSTABLE: "un aparato sin intensidad ni velocidad que cambiar",
    Reason.CODE_UNMAPPED: "código sin entidad asignada",
    Reason.MAPPED_MISSING: "la entidad asignada no existe",
    Reason.MAPPED_NOT_EXPOSED: "la entidad asignada no está expuesta a Assist",
    Reason.EVERYTHING: "habla de todo o de todos los aparatos",
    Reason.SEVERAL_IN_AREA: "habla de varios aparatos de la zona",
    Reason.OTHER_AREA: "nombra otra zona",
    Reason.OTHER_FLOOR: "nombra otra planta de la casa",
    Reason.OTHER_ROOM: "nombra otra habitación",
    Reason.OTHER_KIND: "nombra otro tipo de aparato",
    Reason.OTHER_DEVICE: "nombra otro aparato",
    Reason.DEVICE_IN_REASON: "el aparato que entiendo solo sale en el motivo",
    Reason.SAME_AREA_KIND: "puede ser otro aparato de la misma zona",
    Reason.SOMEONE_ELSES: "habla de lo de otra persona",
    Reason.UNKNOWN_WORD: "nombra algo que no conozco",
    Reason.NO_ROOM: "no dice de qué habitación",
}


@dataclass(frozen=True)
class PassOn:
    """Why a request is not the agent's: the reason, and its particulars (an area, the votes)."""

    reason: Reason
    detail: str = ""

    def __str__(self) -> str:
        """The code, then the particulars: "other_area (comedor)", what logs and the bench read."""
        return f"{self.reason} ({self.detail})" if self.detail else str(self.reason)

    @property
    def spoken(self) -> str:
        """As the agent says it: "nombra otra zona (comedor)"."""
        return f"{self.reason.spoken} ({self.detail})" if self.detail else self.reason.spoken
