"""Train one tiny Llama on `[ORDEN] <request> [COMANDO] <answer>` lines, loss on the answer only."""

from __future__ import annotations

import copy
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from models.model import ModelConfig, Transformer
from models.tokenizer import Tokenizer


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a training run; stored in the checkpoint and the model card."""

    task: str  # "selector" or "domotics"
    dim: int = 128
    n_layers: int = 4
    n_heads: int = 4
    hidden_dim: int = 352
    dropout: float = 0.1
    max_seq_len: int = 64
    max_text_tokens: int = 48
    steps: int = 3000
    batch_size: int = 96
    lr: float = 3e-3
    min_lr: float = 1e-4
    warmup: int = 100
    weight_decay: float = 0.05
    seed: int = 1
    threads: int = 1  # one core: torch's thread barriers stall when the other core is busy; seeds run side by side
    eval_every: int = 250  # validation checks; the best one is kept (early stopping)
    ema_decay: float = 0.998  # checkpoints are an average of the weights over the last ~1/(1-decay) steps; 0 = off

    def model_config(self, vocab_size: int) -> ModelConfig:
        return ModelConfig(
            vocab_size=vocab_size,
            dim=self.dim,
            n_layers=self.n_layers,
            n_heads=self.n_heads,
            hidden_dim=self.hidden_dim,
            max_seq_len=self.max_seq_len,
            dropout=self.dropout,
        )


@dataclass
class TrainResult:
    config: TrainConfig
    model_config: ModelConfig
    seconds: float
    n_params: int
    n_train: int
    valid_loss: float
    valid_exact: float  # share of validation answers whose every token is the argmax
    best_step: int
    history: list[dict[str, float]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "train": asdict(self.config),
            "model": asdict(self.model_config),
            "seconds": round(self.seconds, 1),
            "n_params": self.n_params,
            "n_train": self.n_train,
            "valid_loss": round(self.valid_loss, 4),
            "valid_exact": round(self.valid_exact, 4),
            "best_step": self.best_step,
            "history": self.history,
        }


def read_lines(path: Path) -> list[tuple[str, str]]:
    """(request, answer) pairs from the seed's line format."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.removeprefix("[ORDEN] ")
        request, answer = body.rsplit(" [COMANDO] ", 1)
        pairs.append((request, answer.strip()))
    return pairs


def encode(pairs: list[tuple[str, str]], tok: Tokenizer, max_text_tokens: int) -> list[tuple[list[int], int]]:
    """Token ids of prompt + answer, and where the answer starts."""
    rows = []
    for request, answer in pairs:
        prompt = tok.prompt(request, max_text_tokens)
        rows.append((prompt + tok.answer(answer), len(prompt)))
    return rows


def make_batch(rows: list[tuple[list[int], int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs and targets, right-padded; targets are -100 except on answer tokens."""
    width = max(len(ids) for ids, _ in rows) - 1
    inputs = torch.zeros((len(rows), width), dtype=torch.long)
    targets = torch.full((len(rows), width), -100, dtype=torch.long)
    for i, (ids, start) in enumerate(rows):
        seq = torch.tensor(ids)
        inputs[i, : len(ids) - 1] = seq[:-1]
        targets[i, start - 1 : len(ids) - 1] = seq[start:]
    return inputs, targets


@torch.no_grad()
def evaluate(model: Transformer, rows: list[tuple[list[int], int]], batch_size: int = 256) -> tuple[float, float]:
    """Validation loss on answers and the share of answers predicted exactly (teacher-forced argmax)."""
    model.eval()
    total_loss, total_tokens, exact = 0.0, 0, 0
    for i in range(0, len(rows), batch_size):
        inputs, targets = make_batch(rows[i : i + batch_size])
        logits = model(inputs)
        mask = targets != -100
        total_loss += F.cross_entropy(logits[mask], targets[mask], reduction="sum").item()
        total_tokens += int(mask.sum())
        right = (logits.argmax(-1) == targets) | ~mask
        exact += int(right.all(dim=1).sum())
    model.train()
    return total_loss / total_tokens, exact / len(rows)


class WeightAverage:
    """An exponential moving average of the weights, the model that is evaluated and kept.

    One step's weights depend on the last few batches the seed happened to draw; their average over
    a few hundred steps depends much less on them, so seeds land closer together.
    """

    def __init__(self, model: Transformer, decay: float) -> None:
        self.decay = decay
        self.model = copy.deepcopy(model) if decay > 0 else model
        self.updates = 0

    def update(self, model: Transformer) -> None:
        if self.model is model:
            return
        self.updates += 1
        keep = min(self.decay, (1 + self.updates) / (10 + self.updates))  # short memory while it starts
        with torch.no_grad():
            for average, current in zip(self.model.parameters(), model.parameters(), strict=True):
                average.lerp_(current, 1 - keep)


def learning_rate(cfg: TrainConfig, step: int) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup)
    return cfg.min_lr + 0.5 * (cfg.lr - cfg.min_lr) * (1 + math.cos(math.pi * progress))


def train(
    cfg: TrainConfig,
    tok: Tokenizer,
    train_path: Path,
    valid_path: Path,
    log: bool = True,
    dev_path: Path | None = None,
) -> tuple[Transformer, TrainResult]:
    """Deterministic for a given config, data and machine: seeded sampling, fixed threads.

    The checkpoint kept (of the weight average, `WeightAverage`) is the best on the generated
    validation set and, when given, on the hand-written development file (real phrasing) equally:
    generated data alone does not see how a checkpoint does on the way people really talk.
    """
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(cfg.threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(cfg.seed)
    train_rows = encode(read_lines(train_path), tok, cfg.max_text_tokens)
    valid_rows = encode(read_lines(valid_path), tok, cfg.max_text_tokens)
    dev_rows = encode(read_lines(dev_path), tok, cfg.max_text_tokens) if dev_path else []
    model = Transformer(cfg.model_config(tok.vocab_size))
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optim = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=cfg.lr,
        betas=(0.9, 0.98),
    )
    average = WeightAverage(model, cfg.ema_decay)
    history: list[dict[str, float]] = []
    best: tuple[tuple[float, float], int, dict[str, torch.Tensor]] | None = None
    start = time.perf_counter()
    for step in range(cfg.steps):
        for group in optim.param_groups:
            group["lr"] = learning_rate(cfg, step)
        inputs, targets = make_batch(rng.sample(train_rows, cfg.batch_size))
        logits = model(inputs)
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1), ignore_index=-100)
        optim.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        average.update(model)
        if (step + 1) % cfg.eval_every == 0 or step + 1 == cfg.steps:
            valid_loss, valid_exact = evaluate(average.model, valid_rows)
            dev_exact = evaluate(average.model, dev_rows)[1] if dev_rows else valid_exact
            elapsed = time.perf_counter() - start
            history.append(
                {
                    "step": step + 1,
                    "train_loss": round(loss.item(), 4),
                    "valid_loss": round(valid_loss, 4),
                    "valid_exact": round(valid_exact, 4),
                    "dev_exact": round(dev_exact, 4),
                    "seconds": round(elapsed, 1),
                }
            )
            score = ((valid_exact + dev_exact) / 2, -valid_loss)
            if best is None or score > best[0]:
                best = (score, step + 1, {k: v.clone() for k, v in average.model.state_dict().items()})
            if log:
                print(
                    f"[{cfg.task}] step {step + 1}/{cfg.steps} loss {loss.item():.4f} valid {valid_loss:.4f} "
                    f"exact {valid_exact:.4f} dev {dev_exact:.4f} ({elapsed:.0f}s)",
                    flush=True,
                )
    seconds = time.perf_counter() - start
    assert best is not None
    model.load_state_dict(best[2])
    valid_loss, valid_exact = evaluate(model, valid_rows)
    result = TrainResult(
        cfg, model.cfg, seconds, model.n_params(), len(train_rows), valid_loss, valid_exact, best[1], history
    )
    model.eval()
    return model, result
