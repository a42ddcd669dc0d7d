"""Engine tests run the real shipped models on each in-process backend: no mocks.

NumPy always; llama.cpp in process where llama-cpp-python is installed. The server backend has its
own tests (test_server.py), checked against llama.cpp in process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from custom_components.llm_ensemble.engine import ENGINE_IN_PROCESS, ENGINE_NUMPY, Ensemble, ModelBackend
from custom_components.llm_ensemble.engine.ensemble import load_model

from ..conftest import CATALOG, HAS_LLAMA_CPP

MODELS = Path(__file__).resolve().parents[2] / "custom_components" / "llm_ensemble" / "models"
SELECTOR = MODELS / "selector.gguf"
DOMOTICS = MODELS / "domotics.gguf"
BACKENDS = [ENGINE_NUMPY, *([ENGINE_IN_PROCESS] if HAS_LLAMA_CPP else [])]


@pytest.fixture(scope="session", params=BACKENDS)
def ensemble(request: pytest.FixtureRequest) -> Iterator[Ensemble]:
    """Both shipped models, loaded once per backend."""
    loaded = Ensemble.load(SELECTOR, DOMOTICS, request.param)
    yield loaded
    loaded.close()


@pytest.fixture(scope="session", params=BACKENDS)
def catalog_ensemble(request: pytest.FixtureRequest) -> Iterator[Ensemble]:
    """The catalog models (tests/fixtures), whose domotics answers are codes, once per backend."""
    loaded = Ensemble.load(CATALOG["selector"], CATALOG["domotics"], request.param)
    yield loaded
    loaded.close()


@pytest.fixture(scope="session")
def llama_ensemble() -> Iterator[Ensemble]:
    """llama.cpp in process: the reference the other backends are checked against."""
    if not HAS_LLAMA_CPP:
        pytest.skip("llama-cpp-python is not installed here")
    loaded = Ensemble.load(SELECTOR, DOMOTICS, ENGINE_IN_PROCESS)
    yield loaded
    loaded.close()


@pytest.fixture(scope="session")
def numpy_ensemble() -> Iterator[Ensemble]:
    """The NumPy backend."""
    loaded = Ensemble.load(SELECTOR, DOMOTICS, ENGINE_NUMPY)
    yield loaded
    loaded.close()


@pytest.fixture(params=BACKENDS)
def load(request: pytest.FixtureRequest) -> Callable[[Path], ModelBackend]:
    """Load one file on each in-process backend."""
    return partial(load_model, kind=request.param)
