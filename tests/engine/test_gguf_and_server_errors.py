"""The pure-Python GGUF reader on broken files, and a server that answers nonsense."""

from __future__ import annotations

import struct
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from custom_components.llm_ensemble.engine import (
    ModelFileMissing,
    ModelLoadFailed,
    NotGgufFile,
    ServerBadResponse,
    ServerSettings,
    ServerWrongModel,
    async_connect,
)
from custom_components.llm_ensemble.engine.gguf import read_gguf_header

from ..conftest import SHIPPED


def test_the_reader_agrees_with_the_file() -> None:
    header = read_gguf_header(SHIPPED["domotics"])
    assert header.metadata["llm_ensemble.role"] == "domotics"
    assert header.n_params == 935_040
    assert header.string_metadata("llm_ensemble.")["llm_ensemble.max_text_tokens"].isdigit()


def test_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ModelFileMissing):
        read_gguf_header(tmp_path / "nope.gguf")
    (tmp_path / "text.gguf").write_text("hello")
    with pytest.raises(NotGgufFile):
        read_gguf_header(tmp_path / "text.gguf")
    (tmp_path / "v9.gguf").write_bytes(b"GGUF" + struct.pack("<IQQ", 9, 0, 0))
    with pytest.raises(ModelLoadFailed, match="version 9"):
        read_gguf_header(tmp_path / "v9.gguf")
    (tmp_path / "cut.gguf").write_bytes(SHIPPED["selector"].read_bytes()[:2000])
    with pytest.raises(ModelLoadFailed, match="truncated"):
        read_gguf_header(tmp_path / "cut.gguf")
    huge = b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 1 << 40)
    (tmp_path / "huge.gguf").write_bytes(huge)
    with pytest.raises(ModelLoadFailed, match="corrupt"):
        read_gguf_header(tmp_path / "huge.gguf")
    odd = b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 1) + b"k" + struct.pack("<I", 99)
    (tmp_path / "odd.gguf").write_bytes(odd)
    with pytest.raises(ModelLoadFailed, match="type 99"):
        read_gguf_header(tmp_path / "odd.gguf")


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


@pytest.mark.usefixtures("socket_enabled")
@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (500, "<html>oops</html>", ServerBadResponse),  # not JSON
        (500, '{"error": {"message": "boom"}}', ServerBadResponse),
        (404, '{"error": "not found"}', ServerWrongModel),
        (400, '{"error": {"message": "model not found"}}', ServerWrongModel),
        (200, '{"data": [{"id": "something-else", "status": {"value": "loaded"}}]}', ServerWrongModel),
    ],
)
async def test_a_server_that_answers_nonsense(status: int, body: str, error: type[Exception]) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, text=body, content_type="application/json")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner, url = await _serve(app)
    try:
        async with aiohttp.ClientSession() as session:
            with pytest.raises(error):
                await async_connect(session, ServerSettings(url, 5), *SHIPPED.values())
    finally:
        await runner.cleanup()
