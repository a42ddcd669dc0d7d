"""Spanish the agent says: a catalog device named with its article and its room.

What a request says is read in readings.py; word forms are in morphology.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from .engine import CatalogEntry


def with_article(noun_phrase: str, feminine: bool) -> str:
    """The noun phrase with its definite article: "la luz", "el ventilador"."""
    return f"{'la' if feminine else 'el'} {noun_phrase}"


def of_place(noun_phrase: str, feminine: bool) -> str:
    """Say where: "del salón", "de la cocina"."""
    return f"de la {noun_phrase}" if feminine else f"del {noun_phrase}"


def device_phrase(entry: CatalogEntry) -> str:
    """Name a device: "la luz del salón"; one the house has only one of needs no room: "la cafetera".

    The genders are the catalog's own marks, carried in the model's metadata.
    """
    device = with_article(entry.device, entry.device_feminine)
    return device if entry.only_one else f"{device} {of_place(entry.room, entry.room_feminine)}"


def capitalize(text: str) -> str:
    """The text with its first letter upper-case, the rest as it is."""
    return text[:1].upper() + text[1:]


def listed(names: Sequence[str]) -> str:
    """Names joined as Spanish lists them: A; A y B; A, B y C."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} y {names[-1]}"
