"""Requests about any home's devices, answered with the words that name them: the home-pointing data.

The catalog's dataset (models/dataset.py) teaches 18 codes. This one teaches the same sentence
frames over large lexicons of device and room names (models/home_lexicon.json, plus the catalog's
and the boundary's words), and an answer that points into the home instead of a code:

    enciende la lámpara de pie del salón     ->  ON lampara de pie @ salon
    ¿sigue encendido el toallero?            ->  ESTADO toallero
    apaga todas las luces de la cocina       ->  OFF todas las luces @ cocina
    no enciendas el brasero                  ->  NADA

What to do, then the words that name the device, then (after "@") those that name the place, copied
from the request as said, so the model learns to pick out naming words rather than to memorise
names. The body resolves the words against the home's registries. The selector's data is the same
requests labelled with the routes, so a device it never met still goes to the domotics model.
"""

from __future__ import annotations

import difflib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.text import normalize_lower_ascii
from models import dataset
from models.dataset import Example, Generator, Word

LEXICON_PATH = Path(__file__).resolve().parent / "home_lexicon.json"
ACTIONS = ("ON", "OFF")
STATE = "ESTADO"
NOTHING = "NADA"
PLACE_MARK = "@"
ANSWER_WORDS = (*ACTIONS, STATE, NOTHING, PLACE_MARK)
# Of device requests: state questions, several devices at once, the rest one device.
STATE_SHARE, SEVERAL_SHARE = 0.2, 0.1
ROOMLESS_SHARE = 0.35  # "enciende el flexo": no place said
MODIFIER_SHARE, OWNER_SHARE = 0.3, 0.1
PERSON_ROOM_SHARE = 0.2
# What is not a switch or a state question, though it names a device: the selector passes it on
# and the domotics model answers NOTHING.
NOT_ORDERS = {"negation": 0.3, "statement": 0.2, "attribute": 0.2, "scheduled": 0.2, "about": 0.1}
# "apaga todos los ventiladores de la casa": the whole home is no place to resolve; the answer names none.
WHOLE_HOME = ("de la casa", "de toda la casa", "en toda la casa", "de casa")
WHOLE_HOME_SHARE = 0.3
SEVERAL_FRAMES = (
    "{imp} {all} {plural} {room}",
    "{imp} {the} {plural} {room}",
    "{imp} {the} dos {plural} {room}",
    "{imp} todo {inroom}",
    "{clitic}lo todo {inroom}",
    "{imp} todo lo {room}",
)


@dataclass(frozen=True)
class Lexicon:
    """Device and room words of one split."""

    devices: list[Word]
    plurals: list[Word]
    modifiers: list[str]
    people: list[str]
    rooms: list[Word]
    room_modifiers: list[str]
    person_rooms: list[Word]
    not_devices: list[str]
    kind_verbs: dict[str, list[dict]]

    @classmethod
    def load(cls, split: str, catalog: dict, boundary: dict) -> Lexicon:
        """Training's words are every list's words but the validation-only ones; validation's are those."""
        raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
        catalog_devices = [w for d in catalog["devices"].values() for w in d["words"]]
        catalog_rooms = [w for r in catalog["rooms"].values() for w in r["words"]]
        other_devices = [*boundary["other_devices"]["train"], *boundary["other_devices"]["valid"]]
        other_rooms = [*boundary["other_rooms"]["train"], *boundary["other_rooms"]["valid"]]
        named_one = [w for w in [*catalog_devices, *other_devices] if not w.endswith("p")]
        named_several = [w for w in [*catalog_devices, *other_devices] if w.endswith("p")]
        everyday = {
            "device_heads": [*raw["device_heads"], *named_one],
            "plural_heads": [*raw["plural_heads"], *named_several],
            "room_heads": [*raw["room_heads"], *catalog_rooms, *other_rooms],
        }
        held = raw["validation_only"]

        def items(key: str) -> list[str]:
            if split == "valid":
                return list(held[key])
            return [w for w in dict.fromkeys(everyday.get(key, raw[key])) if w not in held[key]]

        return cls(
            devices=[Word.parse(w) for w in items("device_heads")],
            plurals=[Word.parse(w) for w in items("plural_heads")],
            modifiers=items("device_modifiers"),
            people=items("people"),
            rooms=[Word.parse(w) for w in items("room_heads")],
            room_modifiers=items("room_modifiers"),
            person_rooms=[Word.parse(w) for w in items("person_rooms")],
            not_devices=items("not_devices"),
            kind_verbs=raw["kind_verbs"],
        )


def _owner(person: str) -> str:
    """'de lucía', 'de la abuela', 'de mi mamá'."""
    return (
        f"de {person}"
        if not person.startswith(("el ", "la ", "los ", "las "))
        else f"de {person}".replace("de el ", "del ")
    )


class HomeGenerator(Generator):
    """The catalog generator's frames and fillers over the lexicons, with answers that name."""

    def __init__(self, seed: int, split: str) -> None:
        super().__init__(seed)
        self.split = split
        self.lexicon = Lexicon.load(split, self.catalog, self.boundary)

    def verbs(self, action: str, device: str) -> list[dict]:
        kind_verbs = self.lexicon.kind_verbs[action]
        return [*super().verbs(action, device), *(v for v in kind_verbs if device in v["only"])]

    def kind(self, dev: Word) -> str:
        """The catalog kind whose word begins the device's name ("lámpara de pie": LUZ), so the verbs
        of that kind come with it ("da la luz", "abre el riego"); OTHER where none does."""
        heads = [
            (len(head), code)
            for code, device in self.catalog["devices"].items()
            for head in (w.split("|")[0] for w in device["words"])
            if dev.text == head or dev.text.startswith(head + " ")
        ]
        return max(heads)[1] if heads else "OTHER"

    # -- what is named --------------------------------------------------------------------------
    def device(self) -> Word:
        rng, lex = self.rng, self.lexicon
        dev = rng.choice(lex.devices)
        text = dev.text
        if rng.random() < MODIFIER_SHARE:
            text += " " + rng.choice(lex.modifiers)
        if rng.random() < OWNER_SHARE:
            text += " " + _owner(rng.choice(lex.people))
        return Word(text, dev.gender)

    def room(self) -> Word | None:
        rng, lex = self.rng, self.lexicon
        if rng.random() < ROOMLESS_SHARE:
            return None
        if rng.random() < PERSON_ROOM_SHARE:
            head = rng.choice(lex.person_rooms)
            return Word(f"{head.text} {_owner(rng.choice(lex.people))}", head.gender)
        room = rng.choice(lex.rooms)
        if rng.random() < 0.15:
            return Word(f"{room.text} {rng.choice(lex.room_modifiers)}", room.gender)
        return room

    @staticmethod
    def naming(dev: str, room: Word | None) -> str:
        """The answer's naming words: the device's, then '@' and the place's."""
        words = normalize_lower_ascii(dev)
        return f"{words} {PLACE_MARK} {normalize_lower_ascii(room.text)}" if room else words

    # -- requests -----------------------------------------------------------------------------
    def command(self) -> tuple[str, str]:
        action = self.rng.choice(ACTIONS)
        dev, room = self.device(), self.room()
        command = {"code": "-", "device": self.kind(dev), "room": "SL", "only_one": room is None}
        placeholder = room or Word("casa", "f")
        text = self.device_text(command, action, *self.frame(self.split), dev=dev, room=placeholder, omit_room=not room)
        return self.wrap(text, "domotics", self.split, action), f"{action} {self.naming(dev.text, room)}"

    def several(self) -> tuple[str, str]:
        rng = self.rng
        action = rng.choice(ACTIONS)
        plural, room = rng.choice(self.lexicon.plurals), self.room()
        frame = rng.choice([f for f in SEVERAL_FRAMES if room or "todo lo" not in f])
        slots = self._verb_slots(action, self.kind(plural), plural)
        room_phrase = self._room_phrase({"only_one": False}, room) if room else ""
        if not room and "todo" not in frame and rng.random() < WHOLE_HOME_SHARE:
            room_phrase = rng.choice(WHOLE_HOME)
        every = "todas las" if plural.article == "las" else "todos los"
        inroom = room.in_() if room else ""
        words = {"plural": plural.text, "room": room_phrase, "inroom": inroom, "all": every, "the": plural.article}
        text = self._fill(frame, self.split, **words, **slots)
        if "{plural}" in frame:
            said = frame.split("}", 1)[1].split("{plural}")[0].strip().format(all=every, the=plural.article)
            dev = f"{said} {plural.text}"
        else:
            dev = "todo"
        return self.wrap(text, "domotics", self.split, action), f"{action} {self.naming(dev, room)}"

    def state(self) -> tuple[str, str]:
        dev, room = self.device(), self.room()
        slots = self._verb_slots(self.rng.choice(ACTIONS), self.kind(dev), dev)
        room_phrase = self._room_phrase({"only_one": False}, room) if room else ""
        templates = [*self.boundary["state_templates"][self.split], *self.boundary["home_state_templates"][self.split]]
        text = self._fill(self.rng.choice(templates), self.split, dev=dev.with_article(), room=room_phrase, **slots)
        return self.wrap(text, "domotics", self.split), f"{STATE} {self.naming(dev.text, room)}"

    def not_an_order(self) -> str:
        """A device named in a request that switches nothing now: negated, told, tuned, timed, asked about."""
        rng = self.rng
        kind = rng.choices(list(NOT_ORDERS), list(NOT_ORDERS.values()))[0]
        dev, room = self.device(), self.room()
        if kind == "about":
            text = rng.choice(self.phrases["about_device"]).format(dev=dev.with_article())
            return self.wrap(text, "none", self.split)
        slots = self._verb_slots(rng.choice(ACTIONS), self.kind(dev), dev)
        room_phrase = self._room_phrase({"only_one": False}, room) if room else ""
        if kind == "attribute":
            group = rng.choice(["light", "fan", "tv", "other"])
            template = self._pick("attribute_templates", self.split, group)
        else:
            template = self._pick(f"{kind}_templates", self.split)
        room_bare = room.text if room else "casa"
        text = self._fill(template, self.split, dev=dev.with_article(), room=room_phrase, room_bare=room_bare, **slots)
        return self.wrap(text, "none", self.split)

    def not_device_phrase(self, route: str) -> Example:
        """A weather or other request of the catalog's phrases that names no device of the lexicon."""
        while True:
            example = self.phrase(route, self.split)
            if route == "weather" or not self.names_a_device(example.text):
                return example

    def names_a_device(self, text: str) -> bool:
        said = f" {normalize_lower_ascii(text)} "
        return any(f" {normalize_lower_ascii(d.text)} " in said for d in self.lexicon.devices)

    def not_a_device(self) -> str:
        """An on/off verb on something that is no device of a home ("quita la alarma")."""
        rng = self.rng
        return self.wrap(
            f"{rng.choice(self.phrases['other_verbs'])} {rng.choice(self.lexicon.not_devices)}", "none", self.split
        )

    # -- examples -------------------------------------------------------------------------------
    def device_request(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < STATE_SHARE:
            return self.state()
        if r < STATE_SHARE + SEVERAL_SHARE:
            return self.several()
        return self.command()

    def other(self, route: str) -> Example:
        if route == "weather":
            return self.not_device_phrase("weather")
        r = self.rng.random()
        if r < 0.35:
            return Example("none", NOTHING, self.noise.apply(self.not_an_order()))
        if r < 0.45:
            return Example("none", NOTHING, self.noise.apply(self.not_a_device()))
        return self.not_device_phrase("none")

    def home_examples(self, n: int, routes: dict[str, float]) -> Iterator[Example]:
        names, weights = zip(*routes.items(), strict=True)
        for _ in range(n):
            route = self.rng.choices(names, weights)[0]
            if route != "domotics":
                yield self.other(route)
                continue
            text, answer = self.device_request()
            noisy = self.noise.apply(text)
            yield Example("domotics", copy_as_written(answer, noisy), noisy)


def copy_as_written(answer: str, noisy: str) -> str:
    """The answer's naming words as the noisy request writes them ("lampra" for a typed "lampra")."""
    said = normalize_lower_ascii(noisy).split()
    head, *names = answer.split()
    copied = []
    for word in names:
        if word == PLACE_MARK or word in said:
            copied.append(word)
        elif close := difflib.get_close_matches(word, said, n=1, cutoff=0.6):
            copied.append(close[0])
        else:
            copied.append(word)
    return " ".join([head, *copied])


def answer_of(example: Example, task: str) -> str:
    if task == "selector":
        return dataset.ROUTE_LABELS[example.route]
    return example.command if example.route == "domotics" else NOTHING


MIXES = {"selector": dataset.SELECTOR_MIX, "domotics": dataset.DOMOTICS_MIX}


def generate(out: Path, seed: int, n_train: int, n_valid: int) -> dict[str, Path]:
    """Train/valid sets of both models in the seed's line format; hand-written rows left out."""
    out.mkdir(parents=True, exist_ok=True)
    held = dataset.held_out_texts()
    paths: dict[str, Path] = {}
    for task, mix in MIXES.items():
        for split, n in (("train", n_train), ("valid", n_valid)):
            gen = HomeGenerator(seed + (0 if split == "train" else 1) + (0 if task == "selector" else 10), split)
            examples = [e for e in gen.home_examples(n, mix) if normalize_lower_ascii(e.text) not in held]
            path = out / f"{task}_{split}.txt"
            path.write_text("".join(f"[ORDEN] {e.text} [COMANDO] {answer_of(e, task)}\n" for e in examples), "utf-8")
            paths[f"{task}_{split}"] = path
    return paths


def main() -> None:
    gen = HomeGenerator(random.randrange(1000), "train")
    for example in gen.home_examples(40, dataset.DOMOTICS_MIX):
        print(f"{example.text}  ->  {answer_of(example, 'domotics')}")


if __name__ == "__main__":
    main()
