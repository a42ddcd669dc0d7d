"""The weight average the recipe keeps its checkpoints from."""

from __future__ import annotations

import torch

from models.model import ModelConfig, Transformer
from models.train import WeightAverage

CONFIG = ModelConfig(vocab_size=16, dim=8, n_layers=1, n_heads=2, hidden_dim=16, max_seq_len=8, dropout=0.0)


def shifted(model: Transformer, by: float) -> None:
    with torch.no_grad():
        for p in model.parameters():
            p.add_(by)


def test_the_average_trails_the_weights_it_follows() -> None:
    torch.manual_seed(0)
    model = Transformer(CONFIG)
    start = [p.detach().clone() for p in model.parameters()]
    average = WeightAverage(model, decay=0.9)
    for _ in range(200):
        shifted(model, 0.01)
        average.update(model)
    for first, now, kept in zip(start, model.parameters(), average.model.parameters(), strict=True):
        # the weights moved by 2.0; a 0.9 average of a steady walk lags ~9 steps (0.09) behind them
        assert torch.allclose(now - first, torch.full_like(first, 2.0), atol=1e-4)
        lag = (now - kept).detach()
        assert torch.all(lag > 0.05) and torch.all(lag < 0.15)


def test_without_decay_the_average_is_the_model_itself() -> None:
    model = Transformer(CONFIG)
    average = WeightAverage(model, decay=0.0)
    shifted(model, 1.0)
    average.update(model)
    assert average.model is model


def test_the_average_starts_with_a_short_memory() -> None:
    torch.manual_seed(0)
    model = Transformer(CONFIG)
    average = WeightAverage(model, decay=0.999)
    shifted(model, 1.0)
    average.update(model)  # the first update keeps 2/11 of the old weights, not 0.999
    for now, kept in zip(model.parameters(), average.model.parameters(), strict=True):
        assert torch.allclose(now - kept, torch.full_like(kept, 2 / 11), atol=1e-5)
