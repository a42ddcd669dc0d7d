"""Words that take back what was just said: "…, digo, la lámpara", "…, mejor no", "…, olvídalo".

Said after an order and a pause. Followed by what was meant, they repair it (repairs.py); said
last, with nothing in its place, they call the order off, and nothing is switched.
"""

from __future__ import annotations

from itertools import pairwise

from .morphology import tag
from .said_words import paused, said_words

# Words that take back what was said: "digo", "perdona", "quería decir", "mejor", "espera".
TAKE_BACK = frozenset({"digo", "perdona", "perdon", "perdone", "mejor", "espera", "decir"})
# "perdona el ruido" forgives: these take back only before a pause or another such word.
APOLOGIES = frozenset({"perdona", "perdon", "perdone"})
# Words said with them: "ay no", "bueno no", "no, perdona", "o sea", "quiero decir".
WITH_THEM = frozenset({"no", "ay", "uy", "bueno", "ah", "o", "sea", "quiero", "queria", "es"})
# Pairs said so: "ay no", "o sea", and a change of mind: "…, ¿sabes qué? no", "…, ya no", "…, ni ahí".
SAID_AGAIN = frozenset(
    {("ay", "no"), ("uy", "no"), ("bueno", "no"), ("ah", "no"), ("o", "sea"), ("es", "decir"), ("que", "no"),
     ("ya", "no"), ("ni", "ahi")}
)  # fmt: skip
# Words that call the order off, and say nothing in its place: "…, olvídalo", "…, no, déjala", "…, da igual",
# "…, no, nada".
CALLED_OFF = frozenset(
    {"mentira", "olvidalo", "olvidate", "olvida", "cancela", "cancelalo", "esperate", "deja", "dejalo", "dejala",
     "dejalos", "dejalas", "dejelo", "dejela", "igual", "nada", "nah"}
)  # fmt: skip
# Said with them at the end: "…, bah, da igual", "…, ¿sabes qué? no", "… chin, no, espérate, ya no".
CHANGE_OF_MIND = frozenset(
    {"bah", "da", "sabes", "sabe", "que", "ya", "chin", "ups", "uf", "oh", "eh", "pucha", "ni", "ahi"}
)

# Whole sayings that call it off, said last: "…, no me hagas caso", "…, retiro lo dicho", "…, era broma".
CALLED_OFF_SAYINGS = frozenset(
    {"no me hagas caso", "no me haga caso", "ni caso", "tu ni caso", "retiro lo dicho", "he cambiado de idea",
     "he cambiado de opinion", "cambie de idea", "cambie de opinion", "cambio de planes", "es broma", "era broma",
     "es una broma", "era una broma", "nel", "no era nada"}
)  # fmt: skip


def takes_back(taken: list[str]) -> bool:
    """Whether these words, said after a pause, take back what came before them.

    Not a bare "no" ("…, ¿no?" asks for a yes), nor an apology said alone ("…, perdona").
    """
    apology = len(taken) == 1 and taken[0] in APOLOGIES
    return bool((set(taken) & (TAKE_BACK | CALLED_OFF) and not apology) or set(pairwise(taken)) & SAID_AGAIN)


def called_off_at_the_end(text: str) -> bool:
    """Whether the request ends by taking its order back: "apaga el termo, mejor no", "quita la tele, olvídalo"."""
    said = said_words(text)
    plain = [w.plain for w in said]
    verb = next((i for i, w in enumerate(plain) if tag(w).order_verb), None)
    if verb is None:
        return False
    words_of_it = TAKE_BACK | WITH_THEM | CALLED_OFF | CHANGE_OF_MIND
    asks_yes = text.rstrip().endswith("?") and plain[-1] == "no"  # "…, ya, ¿no?": asks for a yes
    for i in range(verb + 2, len(said)):
        if not paused(text, said[i - 1], said[i]):
            continue
        if all(w in words_of_it for w in plain[i:]):
            return takes_back(plain[i:]) and not asks_yes
        if _a_saying(plain[i:]):
            return True
    return False


def _a_saying(taken: list[str]) -> bool:
    """Whether the words are a saying that calls the order off, after words said with them ("uy, es broma")."""
    start = next((i for i, w in enumerate(taken) if w not in WITH_THEM | CHANGE_OF_MIND), len(taken))
    return " ".join(taken[start:]) in CALLED_OFF_SAYINGS or " ".join(taken) in CALLED_OFF_SAYINGS
