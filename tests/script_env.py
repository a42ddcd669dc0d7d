"""The environment the scripts run in: the checkout and scripts/ importable, as their wrappers set."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def script_env() -> dict[str, str]:
    """This process's environment, with PYTHONPATH as scripts/bench and the others set it."""
    paths = [str(ROOT), str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
