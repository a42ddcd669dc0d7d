"""Deterministic generator of the Spanish training data, from catalog.json, phrases.json and frames.json.

Every example is a (route, command, text) triple. The text is what a person might say; route is
`domotics`, `weather` or `none`; command is `CODE ACTION` for domotics and `-` otherwise.

Train and validation are split by template, not by content: the words (devices, rooms, verbs,
the catalog's device phrases, the weather and out-of-domain requests of phrases.json) are all
trained on, and validation puts them in sentence frames and wrappers training never sees
(VALID_FRAMES for commands; VALID_PREFIXES, VALID_SUFFIXES and VALID_ASK for the rest). So the
generated validation file measures whether a model generalises to new phrasings of what it
knows; whether it understands words and requests it never saw is what the hand-written file,
written by people, measures.

    python -m models.dataset --out build/data        # writes *.txt in the seed's format + TSV
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.text import normalize_lower_ascii

HERE = Path(__file__).resolve().parent
CATALOG_PATH = HERE / "catalog.json"
PHRASES_PATH = HERE / "phrases.json"
BOUNDARY_PATH = HERE / "boundary.json"
FRAMES_PATH = HERE / "frames.json"  # the sentence frames and fillers: data, beside the code that uses them
FRAMES = json.loads(FRAMES_PATH.read_text(encoding="utf-8"))
BOUNDARY_EVAL = HERE / "eval" / "boundary.tsv"
BOUNDARY_EVAL_ROWS = 1000
# The same generator on another seed: held-out words for choosing the vote (the test file stays unseen).
BOUNDARY_DEV = HERE / "eval" / "boundary_dev.tsv"
BOUNDARY_DEV_SEED, BOUNDARY_DEV_ROWS = 2, 500
# Real phrasing, for choosing checkpoints (not tests): requests in the bench home, and everyday
# commands, weather and other requests written without seeing this generator or handwritten.tsv.
DEV_EVALS = (HERE / "eval" / "realhome_dev.tsv", HERE / "eval" / "handwritten_dev.tsv")
EVAL_DIR = HERE / "eval"
GENERATED_EVAL = EVAL_DIR / "validation.tsv"
GENERATED_EVAL_ROWS = 2000  # enough that one request is 0.05 points: figures near a target are not luck

ROUTE_LABELS = {"domotics": "LLM1", "weather": "LLM2", "none": "NINGUNO"}


@dataclass(frozen=True)
class Example:
    """One request and its expected answer."""

    route: str
    command: str
    text: str

    def tsv(self) -> str:
        return f"{self.route}\t{self.command}\t{self.text}"


@dataclass(frozen=True)
class Word:
    """A noun with its grammatical gender and number, e.g. Word('luces', 'fp')."""

    text: str
    gender: str  # m, f, mp, fp

    @classmethod
    def parse(cls, spec: str) -> Word:
        text, gender = spec.split("|")
        return cls(text, gender)

    @property
    def article(self) -> str:
        return {"m": "el", "f": "la", "mp": "los", "fp": "las"}[self.gender]

    @property
    def ending(self) -> str:
        """Participle ending that agrees with the noun: encendid-o/a/os/as."""
        return {"m": "o", "f": "a", "mp": "os", "fp": "as"}[self.gender]

    @property
    def clitic(self) -> str:
        return {"m": "lo", "f": "la", "mp": "los", "fp": "las"}[self.gender]

    def with_article(self) -> str:
        return f"{self.article} {self.text}"

    def of(self) -> str:
        """'del salón', 'de la cocina'."""
        return "del " + self.text if self.article == "el" else f"de {self.with_article()}"

    def in_(self) -> str:
        return f"en {self.with_article()}"


# Sentence frames for device commands. Slots: {imp} {usted} {inf} {pres} {subj} (verb forms),
# {dev} device with article, {bare} device without, {room} room phrase ('del salón' or ''),
# {inroom} ('en el salón' or ''), {part} agreeing participle, {clitic} imperative + pronoun,
# {state} on/off word. The number is the frame's id; VALID_FRAMES are held out for validation.
DEVICE_FRAMES: dict[int, str] = {int(i): frame for i, frame in FRAMES["device_frames"].items()}
VALID_FRAMES = set(FRAMES["valid_frames"])

# Words that lead into a verb form, for frames 36-38: many ways of asking, so a model learns that
# the verb and the device decide the command whatever the wrapping. The held-out frames' leads
# ("¿te importaría", "ya puedes", "quiero que", "a ver si") are not among them.
LEADS: dict[str, list[str]] = FRAMES["leads"]

REASONS: dict[str, list[str]] = FRAMES["reasons"]
TRAIN_REASONS: dict[str, list[str]] = FRAMES["train_reasons"]  # also said after an order, in training only
PREFIXES: list[str] = FRAMES["prefixes"]
SUFFIXES: list[str] = FRAMES["suffixes"]
CONTEXTS: list[str] = FRAMES["contexts"]
# Of device requests: a situation said before the order, else a reason after it. Boundary requests
# carry clauses too ("…cuando salga", "no enciendas…"); with few commands that did, a clause alone
# sent real ones ("pon el riego, que las plantas están secas") to NINGUNO.
CONTEXT_SHARE, REASON_SHARE = 0.2, 0.2
NUMBERS: list[str] = FRAMES["numbers"]


STATE_SHARE = 0.2  # of device requests: state questions
# Of device frames in training: the plainest command, an everyday verb and the catalog's first
# words ("apaga la luz del pasillo"), the way most people say it. Uniform picks over every verb
# and synonym made it rare (under 2 % of commands), and a seed's selector could miss it.
PLAIN_SHARE = 0.2
PLAIN_FRAME = "{imp} {dev} {room}"
EVERYDAY_VERBS: dict[str, list[str]] = FRAMES["everyday_verbs"]
# Of the requests that are not the models' (route none): the boundary kinds below. The agent's
# checks read the home and the request too, so the models need not carry the whole boundary alone:
# a smaller share leaves them more room for commands in sentence frames they never saw.
BOUNDARY_SHARE = 0.19
# The kinds of boundary requests and their weights (models/boundary.json holds their words).
BOUNDARY_KINDS = {
    "other_room": 0.18,
    "second_device": 0.16,
    "misplaced": 0.1,
    "negation": 0.11,
    "statement": 0.1,
    "attribute": 0.11,
    "scheduled": 0.11,
    "all": 0.07,
    "other_state": 0.06,
}


# Fillers held out for validation: variants of ones training uses ("oiga" of "oye", "porfis" of
# "porfa"), so a validation sentence is new without hinging on a word the model never met.
VALID_PREFIXES = set(FRAMES["valid_prefixes"])
VALID_SUFFIXES = set(FRAMES["valid_suffixes"])
VALID_ASK = set(FRAMES["valid_ask"])


def split_items(items: list[str], held_out: set[str], split: str) -> list[str]:
    """The items of one split: `held_out` ones in validation only, the others in training only."""
    return [item for item in items if (item in held_out) == (split == "valid")]


WH_WORDS = tuple(FRAMES["wh_words"])
YES_NO_VERBS = set(FRAMES["yes_no_verbs"])


def asked_question(text: str) -> str | None:
    """`text` as it reads inside "dime …" / "¿sabes …?": "qué hora es", "si va a llover"; None
    for what is not a question ("pon música"), which no one asks that way."""
    words = text.split()
    if not words:
        return None
    if words[0] in WH_WORDS or (len(words) > 1 and words[0] in ("a", "de", "por") and words[1] in WH_WORDS):
        return text
    return f"si {text}" if words[0] in YES_NO_VERBS else None


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Noise:
    """The ways real text differs from clean templates: case, accents, punctuation, typos."""

    KEYBOARD = "qwertyuiopasdfghjklñzxcvbnm"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def typo(self, word: str) -> str:
        rng = self.rng
        i = rng.randrange(len(word))
        kind = rng.randrange(5)
        if kind == 0:  # dropped letter
            return word[:i] + word[i + 1 :]
        if kind == 1 and i < len(word) - 1:  # swapped letters
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == 2:  # doubled letter
            return word[:i] + word[i] + word[i:]
        if kind == 3:  # neighbouring key
            k = self.KEYBOARD.find(word[i])
            if k >= 0:
                near = self.KEYBOARD[max(0, k - 1) : k + 2]
                return word[:i] + rng.choice(near) + word[i + 1 :]
        # sound-alike spelling, as speech recognisers and hurried typists write
        for a, b in (("ll", "y"), ("v", "b"), ("b", "v"), ("c", "s"), ("z", "s"), ("h", ""), ("qu", "k")):
            if a in word:
                return word.replace(a, b, 1)
        return word

    def pseudo_word(self) -> str:
        """A made-up Spanish-looking word ("tamori"): teaches the models to ignore unknown words."""
        rng = self.rng
        return "".join(rng.choice("bcdfgjlmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(1, 3)))

    def apply(self, text: str) -> str:
        rng = self.rng
        words = text.split()
        if rng.random() < 0.35:
            long_words = [i for i, w in enumerate(words) if len(w) > 3]
            for i in rng.sample(long_words, min(len(long_words), rng.choice([1, 1, 2]))):
                words[i] = self.typo(words[i])
        if len(words) > 3 and rng.random() < 0.04:  # speech recogniser splits or merges words
            i = rng.randrange(len(words) - 1)
            words[i : i + 2] = [words[i] + words[i + 1]]
        if words and rng.random() < 0.08:  # hesitations a speech recogniser writes down
            words.insert(rng.randrange(len(words) + 1), rng.choice(["eh", "pues", "este", "o sea", "em", "mmm"]))
        if words and rng.random() < 0.12:  # a word it never met (slang, a name, a mishearing): no cue
            words.insert(rng.randrange(len(words) + 1), self.pseudo_word())
        text = " ".join(words)
        if rng.random() < 0.4:
            text = strip_accents(text)
        r = rng.random()
        if r < 0.3:
            text = text[:1].upper() + text[1:]
        elif r < 0.33:
            text = text.upper()
        elif r < 0.36:
            text = text.title()
        if rng.random() < 0.3:
            text = text.replace("¿", "").replace("?", "")
        r = rng.random()
        if r < 0.15:
            text += rng.choice([".", "!", "...", "?", " !", ","])
        elif r < 0.2:
            text = "¡" + text + "!"
        return text


class Generator:
    """Builds examples from the catalog and the phrase lists with one seeded RNG."""

    def __init__(self, seed: int, catalog: dict | None = None, phrases: dict | None = None) -> None:
        self.rng = random.Random(seed)
        self.noise = Noise(self.rng)
        self.catalog = catalog or load_json(CATALOG_PATH)
        self.phrases = phrases or load_json(PHRASES_PATH)
        self.boundary = load_json(BOUNDARY_PATH)

    # -- pieces -----------------------------------------------------------------------------
    def wrap(self, text: str, route: str, split: str, command_action: str = "") -> str:
        """Add the fillers people put around a request, and for commands, the reason they give.

        A validation request that is not a command always gets a held-out filler, so it is a
        sentence training never saw (its content is shared; see the module docstring).
        """
        rng = self.rng
        if route == "domotics" and rng.random() < CONTEXT_SHARE:
            text = f"{rng.choice(CONTEXTS)}{rng.choice([', ', ' ', ' y '])}{text}"
        elif route == "domotics" and command_action in REASONS and rng.random() < REASON_SHARE:  # "…, que me molesta"
            joint = rng.choice([", que ", " que ", ", porque ", " porque "])
            reasons = REASONS[command_action] + (TRAIN_REASONS[command_action] if split == "train" else [])
            text = f"{text}{joint}{rng.choice(reasons)}"
        prefix, suffix = rng.random() < 0.25, rng.random() < 0.2
        if split == "valid" and route != "domotics" and not (prefix or suffix):
            prefix = rng.random() < 0.5
            suffix = not prefix
        if prefix:
            text = f"{rng.choice(split_items(PREFIXES, VALID_PREFIXES, split))}{rng.choice([' ', ', ', ' '])}{text}"
        if suffix:
            text = f"{text}{rng.choice([' ', ', '])}{rng.choice(split_items(SUFFIXES, VALID_SUFFIXES, split))}"
        return text

    def verbs(self, action: str, device: str) -> list[dict]:
        verbs = self.catalog["actions"][action]["verbs"]
        return [v for v in verbs if "only" not in v or device in v["only"]]

    def device_text(
        self,
        command: dict,
        action: str,
        frame: str,
        plain: bool = False,
        dev: Word | None = None,
        room: Word | None = None,
        omit_room: bool | None = None,
    ) -> str:
        """A command in one frame; `dev` and `room` replace the catalog's words (boundary requests).

        `plain`: PLAIN_FRAME said plainly, with an everyday verb and the catalog's first words.
        """
        rng = self.rng
        device, room_code = command["device"], command["room"]
        words = self.catalog["devices"][device]["words"] if device in self.catalog["devices"] else []
        dev = dev or Word.parse(words[0] if plain else rng.choice(words))
        room_words = self.catalog["rooms"][room_code]["words"]
        room = room or Word.parse(room_words[0] if plain else rng.choice(room_words))
        if omit_room is None:
            omit_room = command.get("only_one", False) and rng.random() < 0.55
        verbs = self.verbs(action, device)
        verb = rng.choice([v for v in verbs if v["imp"] in EVERYDAY_VERBS[action]] if plain else verbs)
        part = verb["part"] if " " in verb["part"] else verb["part"] + dev.ending
        clitic = (verb["clitic"] + dev.clitic) if verb["clitic"] else f"{verb['imp']} {dev.clitic}"
        states = self.catalog["actions"][action]["states"]
        room_phrase = (
            ""
            if omit_room
            else room.of()
            if plain
            else rng.choice(
                [room.of(), room.of(), room.of(), room.in_(), f"de {room.text}", room.text, f"de mi {room.text}"]
            )
        )
        dev_with_room = f"{dev.with_article()} {room_phrase}".strip()
        slots = {
            "imp": verb["imp"],
            "usted": verb["usted"],
            "inf": verb["inf"],
            "pres": verb["pres"],
            "subj": verb["subj"],
            "quesubj": "que " + verb["subj"],
            "dev": dev.with_article(),
            "bare": dev.text,
            "room": room_phrase,
            "inroom": "" if omit_room else room.in_(),
            "roomword": "" if omit_room else room.text,
            "part": part,
            "clitic": clitic,
            "state": rng.choice([*states, part]),
            "reason": rng.choice(REASONS[action]),
            "now": rng.choice(["ya", "ahora", "de una vez", "ahora mismo"]),
            "phrase": rng.choice(self.catalog["actions"][action]["phrases"]).format(dev=dev_with_room),
            **{f"lead_{form}": rng.choice(leads) for form, leads in LEADS.items()},
        }
        text = " ".join(frame.format(**slots).removesuffix(" que hay").replace(" ,", ",").split())
        return f"{text}?" if text.startswith("¿") and not text.endswith("?") else text

    def special_device_text(self, command: dict, action: str, phrase: str) -> str:
        room = Word.parse(self.rng.choice(self.catalog["rooms"][command["room"]]["words"]))
        return phrase.format(room=room.with_article(), of_room=room.of(), in_room=room.in_(), room_bare=room.text)

    # -- examples ----------------------------------------------------------------------------
    def frames(self, split: str) -> list[str]:
        held_out = split == "valid"
        return [f for i, f in DEVICE_FRAMES.items() if (i in VALID_FRAMES) == held_out]

    def frame(self, split: str) -> tuple[str, bool]:
        """(frame, plain): a device frame of the split; in training, PLAIN_FRAME said plainly for a
        PLAIN_SHARE of them, for commands and boundary requests alike, so the plain form alone
        never decides the route."""
        if split == "train" and self.rng.random() < PLAIN_SHARE:
            return PLAIN_FRAME, True
        return self.rng.choice(self.frames(split)), False

    def device_phrases(self, device: str, action: str) -> list[str]:
        """Device-specific phrasings ("riega el jardín"): vocabulary, so trained on, never held out."""
        return self.catalog["device_phrases"].get(device, {}).get(action, [])

    def domotics(self, split: str) -> Example:
        rng = self.rng
        if rng.random() < STATE_SHARE:
            return self.state_question(split)
        command = rng.choice(self.catalog["commands"])
        action = rng.choice(["ON", "OFF"])
        specials = self.device_phrases(command["device"], action)
        if specials and split == "train" and rng.random() < 0.12:
            text = self.special_device_text(command, action, rng.choice(specials))
        else:
            text = self.device_text(command, action, *self.frame(split))
        text = self.wrap(text, "domotics", split, action)
        return Example("domotics", f"{command['code']} {action}", self.noise.apply(text))

    def phrase(self, route: str, split: str) -> Example:
        rng = self.rng
        text = rng.choice(self.phrases["weather" if route == "weather" else "none"])
        text = text.replace("{when}", rng.choice(self.phrases["when"]))
        while "{n}" in text:
            text = text.replace("{n}", rng.choice(NUMBERS), 1)
        question = asked_question(text)
        if question and rng.random() < 0.15:
            text = rng.choice(split_items(self.phrases["ask"], VALID_ASK, split)).format(q=question)
        if rng.random() < 0.3 and not text.startswith("¿"):
            text = f"¿{text}?"
        return Example(route, "-", self.noise.apply(self.wrap(text, route, split)))

    def about_device(self, split: str) -> Example:
        """A catalog device in a request that does not switch it: the selector's hard negatives."""
        rng = self.rng
        command = rng.choice(self.catalog["commands"])
        dev = Word.parse(rng.choice(self.catalog["devices"][command["device"]]["words"])).with_article()
        if not command.get("only_one") and rng.random() < 0.6:
            dev += " " + Word.parse(rng.choice(self.catalog["rooms"][command["room"]]["words"])).of()
        text = rng.choice(self.phrases["about_device"]).format(dev=dev)
        return Example("none", "-", self.noise.apply(self.wrap(text, "none", split)))

    def other_thing(self, split: str) -> Example:
        """An on/off verb on something outside the catalog ("quita la alarma"): not ours."""
        rng = self.rng
        text = f"{rng.choice(self.phrases['other_verbs'])} {rng.choice(self.phrases['other_things'])}"
        return Example("none", "-", self.noise.apply(self.wrap(text, "none", split)))

    # -- the boundary: what the models must not act on, and state questions -------------------
    def _pick(self, table: str, split: str, key: str | None = None) -> str:
        """One item of a boundary.json list, from the split's part (`valid` items are held out)."""
        block = self.boundary[table]
        return self.rng.choice(block[f"{key}_{split}" if key else split])

    def _catalog_device(self) -> tuple[dict, Word, str]:
        """A random catalog command, one of its device words, and a room phrase for it."""
        rng = self.rng
        command = rng.choice(self.catalog["commands"])
        dev = Word.parse(rng.choice(self.catalog["devices"][command["device"]]["words"]))
        return command, dev, self._room_phrase(command)

    def _room_phrase(self, command: dict, room: Word | None = None) -> str:
        rng = self.rng
        if room is None:
            if command.get("only_one") and rng.random() < 0.55:
                return ""
            room = Word.parse(rng.choice(self.catalog["rooms"][command["room"]]["words"]))
        return rng.choice([room.of(), room.of(), room.in_(), f"de {room.text}", f"de mi {room.text}"])

    def _verb_slots(self, action: str, device: str, dev: Word) -> dict[str, str]:
        rng = self.rng
        verb = rng.choice(self.verbs(action, device))
        part = verb["part"] if " " in verb["part"] else verb["part"] + dev.ending
        return {
            "imp": verb["imp"],
            "inf": verb["inf"],
            "subj": verb["subj"],
            "pres": verb["pres"],
            "usted": verb["usted"],
            "part": part,
            "clitic": verb["clitic"] or verb["imp"] + " ",
            "o": dev.ending[0],
            "lo": dev.clitic,
        }

    def _fill(self, template: str, split: str, **slots: str) -> str:
        rng = self.rng
        values = {
            "n": rng.choice(NUMBERS),
            "color": self._pick("colors", split),
            "cond": self._pick("conditions", split),
            "cond_inf": self._pick("conditions_inf", split),
            **slots,
        }
        text = " ".join(template.format(**values).replace(" ,", ",").split())
        return text.replace("¿ ", "¿").replace(" ?", "?")

    def state_question(self, split: str) -> Example:
        """ "¿está encendida la luz del pasillo?": a catalog device's state, answered, not switched."""
        command, dev, room = self._catalog_device()
        slots = self._verb_slots(self.rng.choice(["ON", "OFF"]), command["device"], dev)
        text = self._fill(self._pick("state_templates", split), split, dev=dev.with_article(), room=room, **slots)
        text = self.noise.apply(self.wrap(text, "domotics", split))
        return Example("domotics", f"{command['code']} {STATE_ACTION}", text)

    def boundary_text(self, split: str) -> tuple[str, str]:
        """(kind, request): the catalog's own words in a request that is not an on/off command for
        a catalog device (models/boundary.json holds the words and templates of each kind). The
        attribute kind says what it changes: attribute_light, _fan, _tv or _other."""
        rng = self.rng
        kind = rng.choices(list(BOUNDARY_KINDS), list(BOUNDARY_KINDS.values()))[0]
        action = rng.choice(["ON", "OFF"])
        if kind == "other_room":  # "apaga la luz de la buhardilla"
            command = rng.choice(self.catalog["commands"])
            room = Word.parse(self._pick("other_rooms", split))
            return kind, self.device_text({**command, "only_one": False}, action, *self.frame(split), room=room)
        if kind == "second_device":  # "enciende la lámpara de pie del salón"
            command = rng.choice(self.catalog["commands"])
            dev = Word.parse(self._pick("other_devices", split))
            text = self.device_text(
                {**command, "device": "OTHER", "only_one": True}, action, *self.frame(split), dev=dev
            )
            return kind, text
        if kind == "misplaced":  # "apaga el ventilador de la cocina": a catalog device in another room
            device, room_code = self._pick("misplaced_pairs", split).split("_")
            fake = {"code": "-", "device": device, "room": room_code, "only_one": False}
            return kind, self.device_text(fake, action, *self.frame(split))
        command, dev, room = self._catalog_device()
        slots = self._verb_slots(action, command["device"], dev)
        dev_text = dev.with_article()
        if kind == "attribute":
            group = {"LUZ": "light", "LED": "light", "VENT": "fan", "TV": "tv"}.get(command["device"], "other")
            template = self._pick("attribute_templates", split, group)
            kind = f"attribute_{group}"
        elif kind == "other_state":  # "¿sigue puesta la lavadora?": a state, but not of a catalog device
            template = self._pick("other_state_templates", split)
            xdev = Word.parse(self._pick("other_devices", split))
            if "{xdev}" in template:
                slots = self._verb_slots(action, "OTHER", xdev)
            slots["xdev"] = xdev.with_article()
            slots["xroom"] = Word.parse(self._pick("other_rooms", split)).of()
        else:
            template = self._pick(f"{kind}_templates", split)
        room_bare = room.split(" ", 1)[-1] if room else "casa"
        return kind, self._fill(template, split, dev=dev_text, room=room, room_bare=room_bare, **slots)

    def boundary_example(self, split: str) -> tuple[str, Example]:
        kind, text = self.boundary_text(split)
        return kind, Example("none", "-", self.noise.apply(self.wrap(text, "none", split)))

    def none(self, split: str) -> Example:
        r = self.rng.random()
        if r < 0.15:
            return self.about_device(split)
        if r < 0.22:
            return self.other_thing(split)
        if r < 0.22 + BOUNDARY_SHARE:
            return self.boundary_example(split)[1]
        return self.phrase("none", split)

    def examples(self, split: str, n: int, routes: dict[str, float]) -> Iterator[Example]:
        names, weights = zip(*routes.items(), strict=False)
        for _ in range(n):
            route = self.rng.choices(names, weights)[0]
            if route == "domotics":
                yield self.domotics(split)
            else:
                yield self.none(split) if route == "none" else self.phrase(route, split)


NO_COMMAND = load_json(CATALOG_PATH)["no_command"]
STATE_ACTION = load_json(CATALOG_PATH)["state_action"]  # "LUZ_PA ESTADO": a question about a state


def prompt_line(example: Example, task: str) -> str:
    """The seed's training format: `[ORDEN] <request> [COMANDO] <answer>`.

    The domotics model answers NO_COMMAND ("NADA") to anything that is not a device command: a
    second line of defence when the selector sends it a request it should not have.
    """
    if task == "domotics":
        answer = example.command if example.route == "domotics" else NO_COMMAND
    else:
        answer = ROUTE_LABELS[example.route]
    return f"[ORDEN] {example.text} [COMANDO] {answer}"


SELECTOR_MIX = {"domotics": 0.45, "weather": 0.25, "none": 0.3}
# The domotics model is the second guard: a boundary request the selector lets through gets NADA.
DOMOTICS_MIX = {"domotics": 0.78, "weather": 0.03, "none": 0.19}


def held_out_texts(eval_dir: Path = EVAL_DIR) -> set[str]:
    """Normalised requests of the hand-written evaluation files: never trained on."""
    texts = set()
    for path in sorted(eval_dir.glob("*.tsv")):
        if path.name in (GENERATED_EVAL.name, BOUNDARY_EVAL.name):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.add(normalize_lower_ascii(line.split("\t")[2]))
    for path in sorted((eval_dir / "houses").glob("*.tsv")):  # houses' rows: expected, text, kind
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.add(normalize_lower_ascii(line.split("\t")[1]))
    return texts


class _NoNoise(Noise):
    """Templates as written: no typos, no made-up words."""

    def apply(self, text: str) -> str:
        return text


KNOWN_WORDS_SAMPLES = 150_000  # device requests known_words() reads: twice as many find no new word (~520 words)


def known_words(catalog: dict | None = None, samples: int = KNOWN_WORDS_SAMPLES) -> list[str]:
    """Every word of the device requests (commands and state questions) the domotics model trains on.

    Noise left out: a typo or a made-up word is not a word the model knows. The agent reads a
    request that names something with a word outside this list (and outside the home's names) as
    about something the model never learnt ("la freidora", "la sala de cine"), and passes it on.
    """
    gen = Generator(0, catalog=catalog)
    gen.noise = _NoNoise(gen.rng)
    found: set[str] = set()
    for _ in range(samples):
        found.update(normalize_lower_ascii(gen.domotics("train").text).split())
    return sorted(found)


def generate(out: Path, seed: int, n_train: int, n_valid: int) -> dict[str, Path]:
    """Write the train/valid sets for both models; return their paths.

    Training examples that equal a hand-written evaluation request (after normalisation, e.g. the
    ubiquitous "qué hora es") are dropped, so that file stays a fair test.
    """
    out.mkdir(parents=True, exist_ok=True)
    held_out = held_out_texts()
    paths: dict[str, Path] = {}
    for task, mix in (("selector", SELECTOR_MIX), ("domotics", DOMOTICS_MIX)):
        for split, n in (("train", n_train), ("valid", n_valid)):
            gen = Generator(seed + (0 if split == "train" else 1) + (0 if task == "selector" else 10))
            examples = [e for e in gen.examples(split, n, mix) if normalize_lower_ascii(e.text) not in held_out]
            path = out / f"{task}_{split}.txt"
            path.write_text("".join(prompt_line(e, task) + "\n" for e in examples), encoding="utf-8")
            paths[f"{task}_{split}"] = path
        if dev := [e for dev_path in DEV_EVALS if dev_path.exists() for e in dev_examples(dev_path)]:
            path = out / f"{task}_dev.txt"
            path.write_text("".join(prompt_line(e, task) + "\n" for e in dev), encoding="utf-8")
            paths[f"{task}_dev"] = path
    return paths


def dev_examples(path: Path) -> list[Example]:
    """A hand-written development file as examples: real phrasing to choose checkpoints on.

    A `home` row (a change the built-in agent makes) is, for the models, a request to pass on.
    """
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            route, command, text = line.split("\t")[:3]
            model_route = "none" if route == "home" else route
            examples.append(Example(model_route, command if route == "domotics" else "-", text))
    return examples


def write_eval_tsv(path: Path, seed: int, n: int) -> None:
    """The generated validation file in docs/catalog.md's TSV format (held-out frames only)."""
    gen = Generator(seed + 100)
    rows = list(gen.examples("valid", n, SELECTOR_MIX))
    header = "# Generated by models/dataset.py: held-out frames and fillers, never seen in training.\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(r.tsv() + "\n" for r in rows), encoding="utf-8")


# Boundary kinds whose right answer in any home is that nothing changes. Colours and speeds of
# lights and fans, and "todas las luces", are changes the built-in agent makes: the hand-written
# real-home file has them, with their effects.
BOUNDARY_EVAL_EXCLUDED = {"attribute_light", "attribute_fan", "all"}


def write_boundary_tsv(path: Path, seed: int, n: int) -> None:
    """The boundary file: requests that must pass on, in held-out templates AND words."""
    gen = Generator(seed + 200)
    rows: list[str] = []
    while len(rows) < n:
        kind, example = gen.boundary_example("valid")
        if kind not in BOUNDARY_EVAL_EXCLUDED:
            rows.append(f"{example.tsv()}\t{kind}")
    header = (
        "# Generated by models/dataset.py (write_boundary_tsv): requests with the catalog's words that are not\n"
        "# on/off commands for a catalog device, in templates, rooms, devices and verbs training never sees.\n"
        "# Every row must pass on (selector NINGUNO or domotics NADA) and switch nothing. Columns: route,\n"
        "# command, text, kind (the README's Evaluation files).\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "data")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n-train", type=int, default=60000)
    parser.add_argument("--n-valid", type=int, default=2000)
    parser.add_argument("--eval-tsv", type=Path, help="also write the validation TSV here")
    parser.add_argument("--boundary-tsv", type=Path, help="also write the boundary TSV here")
    parser.add_argument("--show", type=int, default=0, help="print N samples of each task")
    args = parser.parse_args()
    paths = generate(args.out, args.seed, args.n_train, args.n_valid)
    if args.eval_tsv:
        write_eval_tsv(args.eval_tsv, args.seed, GENERATED_EVAL_ROWS)
    if args.boundary_tsv:
        write_boundary_tsv(args.boundary_tsv, args.seed, BOUNDARY_EVAL_ROWS)
    for name, path in paths.items():
        print(f"{name}: {path}")
    if args.show:
        for name in ("selector_train", "domotics_train", "domotics_valid"):
            print(f"--- {name}")
            print("".join(paths[name].read_text(encoding="utf-8").splitlines(True)[: args.show]))


if __name__ == "__main__":
    main()
