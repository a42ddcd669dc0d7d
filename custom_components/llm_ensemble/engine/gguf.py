"""Read a GGUF file's header (metadata and tensor shapes) in pure Python, without llama.cpp.

The server engine still needs what the model files say about themselves (prompt format, labels,
catalog, vocabulary) where llama-cpp-python cannot be installed (Home Assistant OS). The header is
a small, documented format: magic, version, counts, then typed key/value pairs and tensor infos.
This module reads the header only; where the tensors' data starts (and each tensor's place in it)
is kept, so the NumPy engine can map the weights without a second parser.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ModelFileMissing, ModelLoadFailed, NotGgufFile

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)

# gguf_type: the value types of metadata
_SCALARS: dict[int, str] = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING = 8
_ARRAY = 9
_MAX_STRING = 16 * 1024 * 1024  # a corrupt length must not make us allocate gigabytes
_MAX_DIMS = 4  # ggml tensors have at most four dimensions
DEFAULT_ALIGNMENT = 32  # where `general.alignment` is absent


@dataclass(frozen=True)
class TensorInfo:
    """Where one tensor lies in the file: its shape (NumPy order, outermost first) and ggml type."""

    shape: tuple[int, ...]
    ggml_type: int
    offset: int  # from the start of the data section

    @property
    def elements(self) -> int:
        """How many numbers the tensor holds."""
        count = 1
        for dim in self.shape:
            count *= dim
        return count


@dataclass(frozen=True)
class GgufHeader:
    """A GGUF file's metadata (every key, arrays as lists) and its tensors' element counts."""

    path: Path
    version: int
    metadata: dict[str, Any]
    tensors: dict[str, TensorInfo]
    data_offset: int  # where the tensors' data starts in the file

    @property
    def architecture(self) -> str:
        """The model architecture the file declares (`llama`)."""
        return str(self.metadata.get("general.architecture", ""))

    def arch_value(self, key: str) -> Any:
        """A per-architecture key such as `llama.context_length`."""
        return self.metadata.get(f"{self.architecture}.{key}")

    @property
    def n_params(self) -> int:
        """How many parameters the tensors hold."""
        return sum(t.elements for t in self.tensors.values())

    @property
    def tokens(self) -> list[str]:
        """The tokenizer's vocabulary, in token id order."""
        return [str(t) for t in self.metadata.get("tokenizer.ggml.tokens", [])]

    def string_metadata(self, prefix: str) -> dict[str, str]:
        """Scalar keys under `prefix` as strings, the way llama.cpp's meta_val_str prints them."""
        out: dict[str, str] = {}
        for key, value in self.metadata.items():
            if key.startswith(prefix) and not isinstance(value, list):
                out[key] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return out


class _Reader:
    def __init__(self, file: BinaryIO, path: Path) -> None:
        self.file = file
        self.path = path

    def take(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        data = self.file.read(size)
        if len(data) != size:
            raise ModelLoadFailed(self.path, "the GGUF header ends early (truncated file)")
        return struct.unpack(fmt, data)[0]

    def string(self) -> str:
        length = int(self.take("<Q"))
        if length > _MAX_STRING:
            raise ModelLoadFailed(self.path, f"a GGUF string of {length} bytes (corrupt header)")
        data = self.file.read(length)
        if len(data) != length:
            raise ModelLoadFailed(self.path, "the GGUF header ends early (truncated file)")
        return data.decode("utf-8", "replace")

    def value(self, kind: int) -> Any:
        if kind in _SCALARS:
            return self.take(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind = int(self.take("<I"))
            count = int(self.take("<Q"))
            if item_kind == _ARRAY or count > _MAX_STRING:
                raise ModelLoadFailed(self.path, "unsupported or corrupt GGUF array")
            return [self.value(item_kind) for _ in range(count)]
        raise ModelLoadFailed(self.path, f"unknown GGUF value type {kind}")


def read_gguf_header(path: Path | str) -> GgufHeader:
    """The header of a GGUF file; NotGgufFile or ModelLoadFailed when it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileMissing(path, "no such file")
    try:
        with path.open("rb") as file:
            if file.read(4) != MAGIC:
                raise NotGgufFile(path, "not a GGUF file (wrong magic bytes)")
            reader = _Reader(file, path)
            version = int(reader.take("<I"))
            if version not in SUPPORTED_VERSIONS:
                raise ModelLoadFailed(path, f"GGUF version {version} is not supported")
            n_tensors = int(reader.take("<Q"))
            n_kv = int(reader.take("<Q"))
            metadata: dict[str, Any] = {}
            for _ in range(n_kv):
                key = reader.string()
                metadata[key] = reader.value(int(reader.take("<I")))
            tensors: dict[str, TensorInfo] = {}
            for _ in range(n_tensors):
                name = reader.string()
                n_dims = int(reader.take("<I"))
                if n_dims > _MAX_DIMS:
                    raise ModelLoadFailed(path, f"tensor {name!r} has {n_dims} dimensions (corrupt header)")
                dims = [int(reader.take("<Q")) for _ in range(n_dims)]
                ggml_type = int(reader.take("<I"))
                offset = int(reader.take("<Q"))
                tensors[name] = TensorInfo(tuple(reversed(dims)), ggml_type, offset)
            alignment = int(metadata.get("general.alignment", DEFAULT_ALIGNMENT)) or DEFAULT_ALIGNMENT
            data_offset = -(-file.tell() // alignment) * alignment
    except OSError as err:
        raise ModelLoadFailed(path, f"cannot read the file: {err.strerror or err}") from err
    return GgufHeader(path, version, metadata, tensors, data_offset)
