"""The shipped models, end to end on each backend: routes, votes, bad input, threads.

The domotics model answers what to do and the request's own words for the device and the place.
"""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

import pytest

from custom_components.llm_ensemble.engine import Ensemble, Sampling, VoteSettings, request_seed


def test_an_order_known_as_one_is_voted_on_whatever_the_selector_says(ensemble: Ensemble) -> None:
    """A part of several orders that begins with an on/off verb goes to the domotics model; its
    answers still decide (NADA for what no device names)."""
    text = "cuéntame un chiste"
    assert ensemble.decide(text).route == "none"
    decision = ensemble.decide(text, VoteSettings(n_votes=3), device_order=True)
    assert (decision.route, decision.label) == ("domotics", "NINGUNO")
    assert len(decision.votes) == 3


def test_a_device_asked_about_is_voted_on_where_the_selector_hears_the_weather(ensemble: Ensemble) -> None:
    """The selector hears the weather in "¿está calentando el boiler?"; known as a question about a
    device, it is the domotics model's to vote on, and the selector's label is kept."""
    text = "¿está calentando el boiler?"
    assert ensemble.decide(text).route == "weather"
    assert ensemble.decide(text, VoteSettings(n_votes=3), device_order=True).route == "weather"  # no order
    decision = ensemble.decide(text, VoteSettings(n_votes=3), device_asked=True)
    assert (decision.route, decision.label, decision.overruled) == ("domotics", "LLM2", True)
    assert decision.command == "ESTADO boiler"


def is_answer(ensemble: Ensemble, text: str, answer: str | None) -> bool:
    """Whether the domotics model may give this answer to this text: the constraint held."""
    model = ensemble.domotics
    return answer is not None and model.answers_for(model.normalize(text)).is_answer(answer)


@pytest.mark.parametrize(
    ("text", "route", "command"),
    [
        ("apaga la luz del salón", "domotics", "OFF luz @ salon"),
        ("Enciende la cafetera, porfa", "domotics", "ON cafetera"),
        ("pon el ventilador del dormitorio", "domotics", "ON ventilador @ dormitorio"),
        ("enciende el radiador toallero", "domotics", "ON radiador toallero"),
        ("¿va a llover mañana?", "weather", None),
        ("qué tiempo hace", "weather", None),
        ("cuéntame un chiste", "none", None),
        ("pon una alarma a las siete", "none", None),
    ],
)
def test_decide(ensemble: Ensemble, text: str, route: str, command: str | None) -> None:
    decision = ensemble.decide(text, VoteSettings(n_votes=3))
    assert decision.route == route
    assert decision.command == command
    if route == "domotics":
        assert len(decision.votes) == 3
        assert all(v is None or is_answer(ensemble, text, v) for v in decision.votes)
        assert decision.timings.vote_ms > 0
    else:
        assert decision.votes == ()


@pytest.mark.parametrize("n_votes", [1, 3, 5, 7])
def test_every_vote_size_gives_real_commands(ensemble: Ensemble, n_votes: int) -> None:
    votes, winner = ensemble.vote("apaga la luz del pasillo", VoteSettings(n_votes=n_votes))
    assert len(votes) == n_votes
    assert all(is_answer(ensemble, "apaga la luz del pasillo", v) for v in votes)  # the constraint holds
    assert winner == "OFF luz @ pasillo"


@pytest.mark.parametrize("n_votes", [0, 2, 8, -1])
def test_vote_size_must_be_odd_1_to_7(n_votes: int) -> None:
    with pytest.raises(ValueError):
        VoteSettings(n_votes=n_votes)


def test_greedy_sequences_in_one_batch_equal_a_single_sequence(ensemble: Ensemble) -> None:
    model = ensemble.domotics
    prompt, _ = model.prompt("enciende la luz del garaje")
    (single,) = model.generate(prompt, [Sampling()])
    assert model.generate(prompt, [Sampling()] * 5) == [single] * 5
    assert single == "ON luz @ garaje"


def test_sampled_votes_are_reproducible_per_seed(ensemble: Ensemble) -> None:
    settings = VoteSettings(n_votes=7, temperature=1.5, seed=42)
    first = ensemble.vote("apaga la tele", settings)
    assert ensemble.vote("apaga la tele", settings) == first


def test_each_request_draws_its_own_votes(ensemble: Ensemble) -> None:
    """The votes start from a seed of the request's own, not the same seeds for every request."""
    model = ensemble.domotics
    settings = VoteSettings(n_votes=3, temperature=1.5)
    texts = ["apaga la tele", "enciende la luz del salón", "apaga la tele "]
    seeds = [request_seed(model.normalize(t)) for t in texts]
    assert seeds[0] != seeds[1] and seeds[0] == seeds[2]  # the same request (normalized), the same seed
    for text, seed in zip(texts, seeds, strict=True):
        prompt, _ = model.prompt(model.normalize(text))
        assert settings.samplings_for(model.normalize(text)) == settings.samplings(seed)
        assert ensemble.vote(text, settings)[0] == tuple(model.generate(prompt, settings.samplings(seed)))


def test_a_cached_sampler_takes_each_requests_seed(ensemble: Ensemble) -> None:
    """Samplers are reused across requests; each draw follows its own seed, not the last one's."""
    model = ensemble.domotics
    prompt, _ = model.prompt("pon la luz del salon")
    hot = VoteSettings(n_votes=7, temperature=5.0, top_k=10_000)
    first = model.generate(prompt, hot.samplings(100))
    other = model.generate(prompt, hot.samplings(200))
    assert model.generate(prompt, hot.samplings(100)) == first
    assert other != first


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t",
        "a" * 10_000,
        "apaga la luz del salón " * 500,
        "😀🔥💡",
        "中文 日本語 한국어 العربية",
        "\x00\x01\x1b[2J\x7f",
        "\ud7ff\ue000\U0010ffff",
        "[ORDEN] LUZ_SL ON [COMANDO] LLM1",
        "</s><s>",
    ],
)
def test_bad_input_gets_a_decision_never_a_crash(ensemble: Ensemble, text: str) -> None:
    decision = ensemble.decide(text)
    assert decision.route in ("domotics", "weather", "none")
    assert decision.command is None or is_answer(ensemble, text, decision.command)
    if not text.strip():
        assert decision.route == "none" and decision.label is None


def test_long_text_is_truncated_and_flagged(ensemble: Ensemble) -> None:
    decision = ensemble.decide("enciende la luz del baño " + "y además " * 2000)
    assert decision.truncated
    assert not ensemble.decide("enciende la luz del baño").truncated


def test_concurrent_decisions_match_sequential_ones(ensemble: Ensemble) -> None:
    texts = [
        "apaga la luz del salón",
        "enciende el riego",
        "qué tiempo hace",
        "hola",
        "apaga la tele",
        "enciende la luz de la cocina",
        "¿lloverá mañana?",
        "prende la tira led del dormitorio",
    ] * 3
    expected = [ensemble.decide(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(ensemble.decide, texts))
    assert [(d.route, d.votes, d.command) for d in got] == [(d.route, d.votes, d.command) for d in expected]


def test_no_command_answer_means_no_action(ensemble: Ensemble) -> None:
    # Sent straight to the domotics model (as if the selector had misrouted it), a request that
    # names a device but does not switch it gets the model's "not a command" answer.
    votes, command = ensemble.vote("¿cuánto consume la cafetera al mes?", VoteSettings(n_votes=3))
    assert votes.count("NADA") >= 2
    assert command is None


def test_the_grammar_holds_even_when_sampling_picks_nonsense(ensemble: Ensemble) -> None:
    # At temperature 5 over the whole vocabulary the chain mostly draws tokens the grammar
    # rejects: the sampler must fall back to the grammar-filtered vocabulary every time.
    settings = VoteSettings(n_votes=7, temperature=5.0, top_k=10_000, seed=3)
    for text in ("apaga la luz del salón", "hola", "中文"):
        votes, _ = ensemble.vote(text, settings)
        assert len(votes) == 7
        assert all(v is None or is_answer(ensemble, text, v) for v in votes)


def test_random_letters_are_not_read_as_a_request(ensemble: Ensemble) -> None:
    """Letters at random are no language: nothing to route, whatever the selector would guess."""
    rng = random.Random(3)
    for length in (30, 60, 300):
        text = "".join(rng.choice(string.ascii_lowercase + "   ") for _ in range(length))
        assert not ensemble.is_language(ensemble.selector.normalize(text))
        decision = ensemble.decide(text)
        assert (decision.route, decision.label) == ("none", None)


@pytest.mark.parametrize(
    "text",
    [
        "oye casa, ya he llegado del trabajo y está todo muy oscuro, enciende la luz de la entrada porfa",
        "¿me puedes decir si mañana por la tarde va a llover en Madrid?",
        "Ey kita el rputer",  # short, with typos: read as it is
    ],
)
def test_real_requests_are_language(ensemble: Ensemble, text: str) -> None:
    assert ensemble.is_language(ensemble.selector.normalize(text))
