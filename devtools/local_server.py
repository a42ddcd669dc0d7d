"""Start and stop llama.cpp's `llama-server` on this machine, for the shipped models.

Used by the tests, `scripts/evaluate --engine server` and the bench; the integration itself never
starts a server (a Home Assistant user runs one, see the README). The server is the one
`scripts/setup` builds from the pinned llama-cpp-python source release, run in router mode on a
folder holding the two GGUF files, bound to 127.0.0.1 only, with the settings the in-process engine
uses where they matter for the answers (an F32 KV cache, no flash attention) and room for concurrent requests.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the checkout (for requirements_dev.txt)
HOST = "127.0.0.1"
# Slots serve requests side by side (a vote of N takes N); the context is shared by the slots.
SERVER_ARGS = (
    "--ctx-size",
    "4096",
    "--parallel",
    "16",
    "--cache-type-k",
    "f32",
    "--cache-type-v",
    "f32",
    "--flash-attn",  # off, as in process: float32 attention, as trained
    "off",
    "--models-max",
    "2",
    "--no-webui",
    "--no-slots",
)


def pinned_version() -> str:
    """The llama.cpp version the server is built from: the one llama-cpp-python pins."""
    text = (ROOT / "requirements_dev.txt").read_text()
    match = re.search(r"^llama-cpp-python==(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def server_binary() -> Path:
    """$LLAMA_SERVER, else the one scripts/setup caches; FileNotFoundError if neither exists."""
    if env := os.environ.get("LLAMA_SERVER"):
        path = Path(env)
    else:
        cache = os.environ.get("LLAMA_SERVER_CACHE") or str(
            Path.home() / ".cache" / "llm_ensemble" / f"llama-server-{pinned_version()}"
        )
        path = Path(cache) / "bin" / "llama-server"
    if not path.is_file():
        raise FileNotFoundError(f"no llama-server at {path}: run scripts/setup server")
    return path


def free_port() -> int:
    """A port nothing listens on now, on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class LocalServer:
    """One llama-server process group (the router and the model instances it spawns)."""

    def __init__(self, models: dict[str, Path], port: int | None = None, log: Path | None = None) -> None:
        """`models`: name -> GGUF file; each is served under its name (a file `name`.gguf)."""
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self._dir = Path(tempfile.mkdtemp(prefix="llm_ensemble_models_"))
        for name, path in models.items():
            (self._dir / f"{name}.gguf").symlink_to(Path(path).resolve())
        self._log_path = log or self._dir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> LocalServer:
        """Start llama-server and wait until it answers its health check."""
        args = [
            str(server_binary()),
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--models-dir",
            str(self._dir),
            *SERVER_ARGS,
        ]
        with self._log_path.open("ab") as log:
            # Its own session: stop() ends the router and the instances it started, and nothing else.
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama-server exited with {self.process.returncode}:\n{self.log_tail()}")
            with (
                contextlib.suppress(OSError, ValueError),
                urllib.request.urlopen(f"{self.url}/v1/models", timeout=1) as response,
            ):
                if response.status == 200 and json.load(response).get("data"):
                    return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"llama-server did not start within {timeout:g} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server's log, for error messages."""
        with contextlib.suppress(OSError):
            return "\n".join(self._log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def _signal(self, sig: int) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def pause(self) -> None:
        """Freeze the whole server (it accepts connections but answers nothing): a hung server."""
        self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Let a paused server run again."""
        self._signal(signal.SIGCONT)

    def kill(self) -> None:
        """Kill it at once, as a crash would (open connections are reset)."""
        self._signal(signal.SIGCONT)
        self._signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop it politely, then for good; keep the folder (start() may run it again)."""
        if self.process is None:
            return
        self._signal(signal.SIGCONT)
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def close(self) -> None:
        """Stop the server and delete its working folder."""
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> LocalServer:
        """Start the server if it is not running."""
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        """Stop the server and clean up."""
        self.close()


@contextlib.contextmanager
def local_server(models: dict[str, Path], port: int | None = None) -> Iterator[LocalServer]:
    """A started server on `models`, closed on leaving the block."""
    server = LocalServer(models, port)
    try:
        yield server.start()
    finally:
        server.close()
