"""LLM Ensemble: a Spanish conversation agent built from small local models."""
