"""The pieces of scripts/bench: one job per module.

house     the benchmark home: one entity per catalog code, in its room, and a weather entity
harness   an in-process Home Assistant with that home and both agents ready
judge     what counts as right: judged by effects on the home, the same rule for both agents
agents    every request through conversation.process, for both agents, from the same states
engine    the vote's price and what it buys, straight on the engine
load      many requests at once through our agent
memory    resident memory and model file sizes
report    the Markdown report and the JSON figures
plots     the PNG figures
"""
