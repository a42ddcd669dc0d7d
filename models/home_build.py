"""Train one model on the home-pointing data (models/home_dataset.py): the experiment's recipe.

    python -m models.home_build --out build/home --task domotics --seed 1 [--steps N]

Generates the data and the tokenizer once per output folder (shared by every task and seed), then
trains and saves `<task>-s<seed>.pt` with its training summary.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import torch

from engine.text import normalize_lower_ascii
from models import dataset, home_dataset
from models.build import DATA, FULL
from models.export import export_gguf
from models.model import ModelConfig, Transformer
from models.tokenizer import Tokenizer, train_tokenizer
from models.train import read_lines, train


def prepare(out: Path, seed: int = DATA["seed"], n_train: int = DATA["n_train"]) -> Tokenizer:
    """The data and the tokenizer of this folder, made on first use."""
    model_path = out / "tokenizer.model"
    if not model_path.exists():
        paths = home_dataset.generate(out / "data", seed, n_train, DATA["n_valid"])
        texts = [
            normalize_lower_ascii(r) for task in ("selector", "domotics") for r, _ in read_lines(paths[f"{task}_train"])
        ]
        answers = [*home_dataset.ANSWER_WORDS, *dataset.ROUTE_LABELS.values()]
        train_tokenizer(texts, answers, out / "tokenizer", DATA["vocab_size"])
    return Tokenizer(model_path)


def export(out: Path, task: str, seed: int) -> Path:
    """The trained `<task>-s<seed>.pt` as `<task>-s<seed>.gguf` (a domotics model answers in naming words)."""
    saved = torch.load(out / f"{task}-s{seed}.pt", weights_only=False)
    model = Transformer(ModelConfig(**saved["summary"]["model"]))
    model.load_state_dict(saved["state_dict"])
    training = {k: v for k, v in saved["summary"].items() if k != "history"}
    catalog = dataset.load_json(dataset.CATALOG_PATH)
    path = out / f"{task}-s{seed}.gguf"
    return export_gguf(
        model, Tokenizer(out / "tokenizer.model"), task, catalog, training, path, naming=task == "domotics"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--task", choices=("selector", "domotics"), required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=FULL["domotics"].steps)
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--export-only", action="store_true", help="export an already trained model to GGUF")
    args = parser.parse_args()
    if args.export_only:
        print(export(args.out, args.task, args.seed))
        return
    tok = prepare(args.out)
    if args.prepare_only:
        return
    cfg = replace(FULL[args.task], seed=args.seed, steps=args.steps, max_seq_len=96)
    data = args.out / "data"
    model, result = train(cfg, tok, data / f"{args.task}_train.txt", data / f"{args.task}_valid.txt")
    summary = result.summary()
    torch.save({"state_dict": model.state_dict(), "summary": summary}, args.out / f"{args.task}-s{args.seed}.pt")
    (args.out / f"{args.task}-s{args.seed}.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(export(args.out, args.task, args.seed))


if __name__ == "__main__":
    main()
