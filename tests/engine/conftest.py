"""Engine tests run the real shipped models through llama.cpp: no mocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from custom_components.llm_ensemble.engine import Ensemble

MODELS = Path(__file__).resolve().parents[2] / "custom_components" / "llm_ensemble" / "models"
SELECTOR = MODELS / "selector.gguf"
DOMOTICS = MODELS / "domotics.gguf"


@pytest.fixture(scope="session")
def ensemble() -> Iterator[Ensemble]:
    loaded = Ensemble.load(SELECTOR, DOMOTICS)
    yield loaded
    loaded.close()
