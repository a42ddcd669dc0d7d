"""Write a trained model to GGUF (architecture `llama`, f32) that describes itself.

Beside the standard llama keys and the SentencePiece vocabulary, `llm_ensemble.*` keys carry what
the integration needs to run the model without code of its own for this house: its role, the
normaliser and prompt markers it was trained with, and the labels (selector) or the command
catalog with Spanish device and room names (domotics).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gguf
import numpy as np

from models.dataset import known_words
from models.model import Transformer
from models.tokenizer import NORMALIZER, PROMPT_PREFIX, PROMPT_SUFFIX, Tokenizer

FORMAT_VERSION = 1
ROUTES = {"LLM1": "domotics", "LLM2": "weather", "NINGUNO": "none"}


def token_table(tok: Tokenizer) -> tuple[list[str], list[float], list[int]]:
    """Pieces, scores and llama.cpp token types of the SentencePiece vocabulary."""
    sp = tok.sp
    pieces, scores, types = [], [], []
    for i in range(tok.vocab_size):
        piece = sp.id_to_piece(i)
        if sp.is_unknown(i):
            kind = gguf.TokenType.UNKNOWN
        elif sp.is_control(i):
            kind = gguf.TokenType.CONTROL
        elif sp.is_byte(i):
            kind = gguf.TokenType.BYTE
        elif piece in (PROMPT_PREFIX, PROMPT_SUFFIX):
            kind = gguf.TokenType.USER_DEFINED
        else:  # answer pieces too: NORMAL, so llama.cpp renders their leading '▁' as a space
            kind = gguf.TokenType.NORMAL
        pieces.append(piece)
        scores.append(float(sp.get_score(i)))
        types.append(int(kind))
    return pieces, scores, types


def name_gender(entry: dict[str, Any]) -> str:
    """The gender mark ("f" or "m") the catalog gives a device's or room's own name ("luz|f").

    The replies need it ("la luz", "del salón"); a name without a marked word is a catalog error.
    """
    for word in entry["words"]:
        text, _, marks = word.partition("|")
        if text.lower() == entry["name"].lower() and marks[:1] in ("f", "m"):
            return marks[:1]
    raise ValueError(f"the catalog marks no gender for {entry['name']!r}: add '{entry['name']}|f' or '|m' to its words")


def domotics_catalog(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    """The commands with the Spanish names the integration shows and matches entities with, and the
    names' genders for its replies."""
    entries = []
    for cmd in catalog["commands"]:
        device, room = catalog["devices"][cmd["device"]], catalog["rooms"][cmd["room"]]
        entries.append(
            {
                "code": cmd["code"],
                "domain": cmd["domain"],
                "device": device["name"],
                "room": room["name"],
                "device_gender": name_gender(device),
                "room_gender": name_gender(room),
                "device_words": [w.split("|")[0] for w in device["words"]],
                "room_words": [w.split("|")[0] for w in room["words"]],
                "only_one": bool(cmd.get("only_one", False)),
            }
        )
    return entries


def answer_actions_extra(catalog: dict[str, Any]) -> list[str]:
    """Actions the model answers beside the switching ones: the state question, if the catalog has it."""
    return [catalog["state_action"]] if catalog.get("state_action") else []


def ensemble_metadata(
    role: str, catalog: dict[str, Any], training: dict[str, Any], naming: bool = False
) -> dict[str, str]:
    """The project's own metadata. `naming`: a domotics model that answers in naming words
    (models/home_dataset.py) rather than catalog codes; its catalog still says which words name
    which kind of device."""
    meta = {
        "llm_ensemble.max_text_tokens": str(training["train"]["max_text_tokens"]),
        "llm_ensemble.format": str(FORMAT_VERSION),
        "llm_ensemble.role": role,
        "llm_ensemble.language": catalog.get("language", "es"),
        "llm_ensemble.normalizer": NORMALIZER,
        "llm_ensemble.prompt_prefix": PROMPT_PREFIX,
        "llm_ensemble.prompt_suffix": PROMPT_SUFFIX,
        "llm_ensemble.training": json.dumps(training, ensure_ascii=False),
    }
    if role == "selector":
        meta["llm_ensemble.labels"] = json.dumps(ROUTES)
    else:
        meta["llm_ensemble.actions"] = json.dumps([*catalog["actions"], *answer_actions_extra(catalog)])
        if catalog.get("state_action"):
            meta["llm_ensemble.state_action"] = catalog["state_action"]
        meta["llm_ensemble.no_command"] = catalog["no_command"]
        meta["llm_ensemble.catalog"] = json.dumps(domotics_catalog(catalog), ensure_ascii=False)
        meta["llm_ensemble.known_words"] = json.dumps([] if naming else known_words(catalog))
        meta["llm_ensemble.answer_format"] = "naming" if naming else "listed"
    return meta


def tensors(model: Transformer) -> dict[str, np.ndarray]:
    """llama.cpp tensor names for our parameters (torch layout: out x in)."""
    sd = {k: v.detach().float().numpy() for k, v in model.state_dict().items()}
    out = {"token_embd.weight": sd["tok_embeddings.weight"], "output_norm.weight": sd["norm.weight"]}
    names = {
        "attention_norm.weight": "attn_norm",
        "attention.wq.weight": "attn_q",
        "attention.wk.weight": "attn_k",
        "attention.wv.weight": "attn_v",
        "attention.wo.weight": "attn_output",
        "ffn_norm.weight": "ffn_norm",
        "feed_forward.w1.weight": "ffn_gate",
        "feed_forward.w2.weight": "ffn_down",
        "feed_forward.w3.weight": "ffn_up",
    }
    for i in range(model.cfg.n_layers):
        for ours, theirs in names.items():
            out[f"blk.{i}.{theirs}.weight"] = sd[f"layers.{i}.{ours}"]
    return out


def export_gguf(
    model: Transformer,
    tok: Tokenizer,
    role: str,
    catalog: dict[str, Any],
    training: dict[str, Any],
    path: Path,
    naming: bool = False,
) -> Path:
    cfg = model.cfg
    writer = gguf.GGUFWriter(str(path), arch="llama")
    writer.add_name(f"llm-ensemble-{role}")
    writer.add_context_length(cfg.max_seq_len)
    writer.add_embedding_length(cfg.dim)
    writer.add_block_count(cfg.n_layers)
    writer.add_feed_forward_length(cfg.hidden_dim)
    writer.add_head_count(cfg.n_heads)
    writer.add_head_count_kv(cfg.n_heads)
    writer.add_layer_norm_rms_eps(cfg.norm_eps)
    writer.add_rope_freq_base(cfg.rope_theta)
    writer.add_rope_dimension_count(cfg.head_dim)
    writer.add_vocab_size(cfg.vocab_size)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    pieces, scores, types = token_table(tok)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(pieces)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(tok.bos)
    writer.add_eos_token_id(tok.eos)
    writer.add_unk_token_id(tok.sp.unk_id())
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    writer.add_add_space_prefix(True)
    for key, value in ensemble_metadata(role, catalog, training, naming).items():
        writer.add_string(key, value)
    for name, array in tensors(model).items():
        writer.add_tensor(name, np.ascontiguousarray(array, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
