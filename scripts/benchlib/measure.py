"""Every measurement of the benchmark, in one process and one Home Assistant, in a fixed order."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import llama_cpp
from evaluate import SHIPPED, Row, read_tsv
from homeassistant.const import __version__ as ha_version

from custom_components.llm_ensemble.const import DEFAULT_VOTE_RULE

from .agents import AGENTS, RowResult, async_accuracy_pass, async_warm_up
from .figures import summarize
from .harness import async_home, clear_intent_cache
from .house_file import HouseFile
from .load import async_load
from .memory import file_digests, file_sizes_mb, peak_rss_mb, rss_mb
from .vote_price import sweep

ROOT = SHIPPED.parents[2]
MODEL_FILES = (SHIPPED / "selector.gguf", SHIPPED / "domotics.gguf")


@dataclass
class Measurement:
    """What one run measured: per-row results and the figures derived from them."""

    files: list[str]
    results: list[RowResult]
    figures: dict[str, Any]  # figures.summarize: {"overall": ..., "files": {...}}
    engine: dict[str, Any]
    load: dict[str, dict[str, Any]]
    memory: dict[str, Any]
    machine: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def agents(self) -> dict[str, dict[str, Any]]:
        """Each agent's figures over every row."""
        return {agent: self.figures["overall"][agent] for agent in AGENTS}


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was when the run started."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": date.today().isoformat(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average_start": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "home_assistant": ha_version,
        "llama_cpp_python": llama_cpp.__version__,
    }


def display_path(path: Path) -> str:
    """A file as the user would type it: relative to the checkout when it is inside it."""
    absolute = path.resolve()
    return str(absolute.relative_to(ROOT)) if absolute.is_relative_to(ROOT) else str(path)


def load_rows(files: list[Path]) -> list[tuple[str, Row]]:
    """(file, row) for every row of every file, the file named as display_path names it."""
    return [(display_path(path), row) for path in files for row in read_tsv(path)]


async def async_measure(
    files: list[Path],
    votes: int,
    temperature: float,
    written: HouseFile | None = None,
    vote_rule: str = DEFAULT_VOTE_RULE,
    models: tuple[Path, Path] = MODEL_FILES,
) -> Measurement:
    """Accuracy and latency of both agents, the vote's price, load, memory: one Home Assistant.

    The rows of `files`, about the real home or a written-down house. `models`: our
    agent's selector and domotics files (the shipped ones by default).
    """
    rows = [(display_path(p), row) for p in files for row in written.rows(p)] if written else load_rows(files)
    info = machine() | {"model_sha256": file_digests(list(models))}
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = round(now - clock, 2)
        clock = now

    info["vote_rule"] = vote_rule
    async with async_home(votes, temperature, (str(models[0]), str(models[1])), written, vote_rule) as home:
        lap("setup")
        await async_warm_up(home)
        results = await async_accuracy_pass(home, rows)
        lap("agents")
        domotics = [(source, row) for source, row in rows if row.route == "domotics"]
        ensemble = home.entry.runtime_data.engine.ensemble  # the agent's Ensemble (NumPy by default)
        engine = await home.hass.async_add_executor_job(sweep, ensemble, domotics, temperature)
        lap("engine")
        traffic = {"mixed": [row.text for _, row in rows], "commands": [row.text for _, row in domotics]}
        load = await async_load(home, {kind: texts for kind, texts in traffic.items() if texts})
        lap("load")
        memory: dict[str, Any] = dict(home.memory)
        memory |= {"rss_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(), "model_files_mb": file_sizes_mb(list(models))}
        if written:  # what a new user who accepts the options form gets
            info["suggested_mapping"] = {code: entity for code, entity in home.suggested.items() if code.isupper()}
        else:
            info["suggested_mapping_right"] = f"{home.suggestions_right}/{len(home.house.by_code)}"
        info["intent_cache_cleared"] = clear_intent_cache(home.hass)
    info["load_average_end"] = round(os.getloadavg()[0], 2)
    return Measurement(
        [display_path(path) for path in files], results, summarize(results), engine, load, memory, info, seconds
    )
