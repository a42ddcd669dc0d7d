"""Decode evaluation requests with trained home-pointing models, in PyTorch: the experiment's reader.

    python -m models.home_decode --out build/home --seed 1 FILE.tsv ... > answers.json

For each request: the selector's greedy label, the domotics model's greedy answer and three
answers sampled at temperature 0.7 (top-k 40), as the agent's vote draws them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

from models.model import ModelConfig, Transformer
from models.tokenizer import Tokenizer

MAX_ANSWER_TOKENS = 24


def load(path: Path, vocab_size: int) -> Transformer:
    saved = torch.load(path, weights_only=False)
    model = Transformer(ModelConfig(**saved["summary"]["model"]))
    model.load_state_dict(saved["state_dict"])
    model.eval()
    return model


@torch.no_grad()
def answer(model: Transformer, tok: Tokenizer, text: str, temperature: float, gen: torch.Generator) -> str:
    ids = tok.prompt(text, 48)
    out: list[int] = []
    for _ in range(MAX_ANSWER_TOKENS):
        logits = model(torch.tensor([ids + out]))[0, -1]
        if temperature <= 0:
            token = int(logits.argmax())
        else:
            top = torch.topk(logits / temperature, 40)
            token = int(top.indices[torch.multinomial(torch.softmax(top.values, -1), 1, generator=gen)])
        if token == tok.eos:
            break
        out.append(token)
    return tok.sp.decode(out).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    tok = Tokenizer(args.out / "tokenizer.model")
    selector = load(args.out / f"selector-s{args.seed}.pt", tok.vocab_size)
    domotics = load(args.out / f"domotics-s{args.seed}.pt", tok.vocab_size)
    gen = torch.Generator().manual_seed(args.seed)
    rows = []
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            expected, text, kind = line.split("\t")[:3]
            rows.append(
                {
                    "file": path.name,
                    "expected": expected,
                    "text": text,
                    "kind": kind,
                    "route": answer(selector, tok, text, 0, gen),
                    "greedy": answer(domotics, tok, text, 0, gen),
                    "votes": [answer(domotics, tok, text, 0.7, gen) for _ in range(3)],
                }
            )
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
