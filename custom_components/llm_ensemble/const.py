"""Names shared by the config flow, the agent and diagnostics.

Nothing here imports the package: the defaults that mirror the engine's own are written out, and
tests/integration/test_const.py checks that they agree with it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

DOMAIN: Final = "llm_ensemble"
LOGGER = logging.getLogger(__package__)
TITLE: Final = "LLM Ensemble"

# Where the shipped models live; a relative model path is looked up here.
MODELS_DIR: Final = Path(__file__).parent / "models"

# entry.data: which files to load (changed by the reconfigure step)
CONF_SELECTOR_MODEL: Final = "selector_model"
CONF_DOMOTICS_MODEL: Final = "domotics_model"
DEFAULT_SELECTOR_MODEL: Final = "selector.gguf"
DEFAULT_DOMOTICS_MODEL: Final = "domotics.gguf"
# entry.data: where the models run: NumPy in this Home Assistant (nothing to install: the default),
# llama.cpp in this Home Assistant (only where llama-cpp-python is already installed; it has no
# binary wheel and Home Assistant OS cannot compile it), or a llama.cpp server (llama-server in
# router mode, serving the same two GGUF files). The values are the engine's ENGINE_* names.
CONF_ENGINE: Final = "engine"
CONF_SERVER_URL: Final = "server_url"
ENGINE_NUMPY: Final = "numpy"
ENGINE_IN_PROCESS: Final = "in_process"
ENGINE_SERVER: Final = "server"
ENGINES: Final = (ENGINE_NUMPY, ENGINE_IN_PROCESS, ENGINE_SERVER)
DEFAULT_ENGINE: Final = ENGINE_NUMPY
# A voice request should not wait longer than this for one server answer (a decision makes two).
SERVER_TIMEOUT: Final = 5.0

# entry.options: how the agent behaves (changed by the options flow)
CONF_VOTES: Final = "votes"
CONF_VOTE_RULE: Final = "vote_rule"  # when the votes switch something: all of them, or a majority
CONF_TEMPERATURE: Final = "temperature"
CONF_WEATHER_ENTITY: Final = "weather_entity"
CONF_FALLBACK: Final = "fallback"
CONF_ENTITY_MAP: Final = "entity_map"  # command code -> entity_id (None: left unmapped on purpose)
CONF_RECORD_TEXTS: Final = "record_texts"  # diagnostics keep what was said (off: people paste them)
DEFAULT_VOTES: Final = 3  # the engine's VoteSettings().n_votes
MIN_VOTES: Final = 1
MAX_VOTES: Final = 7  # the engine's MAX_SEQUENCES
DEFAULT_TEMPERATURE: Final = 0.7  # the engine's VoteSettings().temperature
VOTE_RULE_UNANIMOUS: Final = "unanimous"
VOTE_RULE_MAJORITY: Final = "majority"  # the seed's rule: at least two of three
VOTE_RULES: Final = (VOTE_RULE_UNANIMOUS, VOTE_RULE_MAJORITY)
DEFAULT_VOTE_RULE: Final = VOTE_RULE_MAJORITY  # the engine's VoteSettings().unanimous is False
MAX_TEMPERATURE: Final = 2.0
DEFAULT_FALLBACK: Final = True

# The domains whose turn_on / turn_off the agent may call.
SUPPORTED_DOMAINS: Final = ("light", "switch", "fan", "input_boolean")

MAX_DECISIONS: Final = 20  # how many recent decisions diagnostics keep
