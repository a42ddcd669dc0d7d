"""Resident memory of this process (Linux /proc, in MiB) and the size of the shipped model files (MB)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def _status_kib(field: str) -> float | None:
    """A `VmRSS`-style field of /proc/self/status in KiB; None where /proc is not there."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith(f"{field}:"):
                return float(line.split()[1])
    except OSError:
        return None
    return None


def rss_mb() -> float | None:
    """Resident set size now, in MiB."""
    kib = _status_kib("VmRSS")
    return None if kib is None else round(kib / 1024, 1)


def peak_rss_mb() -> float | None:
    """The highest resident set size this process has had, in MiB."""
    kib = _status_kib("VmHWM")
    return None if kib is None else round(kib / 1024, 1)


def file_sizes_mb(paths: list[Path]) -> dict[str, float]:
    """File name -> size in MB of 10^6 bytes, as the README and model cards give them."""
    return {path.name: round(path.stat().st_size / 1e6, 3) for path in paths}


def file_digests(paths: list[Path]) -> dict[str, str]:
    """File name -> the first 12 hex digits of its SHA-256: which models the figures are of."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:12] for path in paths}
