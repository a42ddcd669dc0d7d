"""Just enough Spanish grammar to name a catalog device in a reply: "la luz del salón"."""

from __future__ import annotations

from collections.abc import Sequence

from .engine import CatalogEntry

# Nouns whose gender the ending rule gets wrong (a retrained catalog may need more).
MASCULINE = frozenset({"dia", "día", "mapa", "sofa", "sofá", "clima", "sistema", "programa", "aroma", "tema"})
FEMININE = frozenset({"luz", "calefaccion", "calefacción", "radio", "foto", "moto", "mano", "red", "pared"})
FEMININE_ENDINGS = ("a", "ión", "ion", "dad", "tad", "tud", "umbre")


def is_feminine(noun_phrase: str) -> bool:
    """Gender of a noun phrase, from its first word: "tira LED" is feminine like "tira"."""
    head = noun_phrase.split()[0].lower() if noun_phrase.split() else ""
    if head in FEMININE:
        return True
    if head in MASCULINE:
        return False
    return head.endswith(FEMININE_ENDINGS)


def with_article(noun_phrase: str) -> str:
    return f"{'la' if is_feminine(noun_phrase) else 'el'} {noun_phrase}"


def of_place(noun_phrase: str) -> str:
    """ "del salón", "de la cocina"."""
    return f"de la {noun_phrase}" if is_feminine(noun_phrase) else f"del {noun_phrase}"


def device_phrase(entry: CatalogEntry) -> str:
    """ "la luz del salón"; a device the house has only one of needs no room: "la cafetera"."""
    device = with_article(entry.device)
    return device if entry.only_one else f"{device} {of_place(entry.room)}"


def plural_forms(phrase: Sequence[str]) -> set[str]:
    """The plural of a noun phrase's head word: "luz del techo" -> {"luces"}, "foco" -> {"focos"}.

    A word that already ends in -s is left alone (it may be a plural already: "focos", "leds").
    """
    if not phrase or phrase[0].endswith("s"):
        return set()
    head = phrase[0]
    if head.endswith("z"):
        return {head[:-1] + "ces"}
    return {head + "s"} if head[-1] in "aeiou" else {head + "es"}


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
