"""Text normalisation shared by the workshop (training) and the engine (inference).

A model is trained on normalised text, and its GGUF names the normaliser it was trained with
(`llm_ensemble.normalizer`), so both sides must run exactly the same function: this one.
Folding case, accents and punctuation away lets a tiny model spend its capacity on meaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["NORMALIZERS", "normalize_lower_ascii"]


def normalize_lower_ascii(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse whitespace.

    "¡Apaga la LUZ del Salón!" -> "apaga la luz del salon". Characters that are neither letters
    nor digits (punctuation, emoji, control characters) become spaces; letters of other scripts
    are kept (the tokenizer's byte fallback handles them).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        kept.append(char.lower() if char.isalnum() else " ")
    return " ".join("".join(kept).split())


NORMALIZERS: dict[str, Callable[[str], str]] = {"lower-ascii-v1": normalize_lower_ascii}


# A naming answer's words (answers.py): what the normaliser leaves of a request's words, and "@".
NAMING_WORD = re.compile(r"[a-z0-9@]+")
PLACE_MARK = "@"  # between the device's words and the place's
NAMING_MAX_WORDS = 12  # "todas las luces del techo @ habitacion de invitados de arriba" and more
