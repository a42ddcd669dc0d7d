"""The pieces of scripts/bench: one job per module.

house     the benchmark home: the demo home (devtools/demo_home.py), or a written-down one, and a weather entity
harness   an in-process Home Assistant with that home and both agents ready
cases     what a row asks of the home: the states it starts from and the changes expected
judge     what counts as right: judged by effects on the home, the same rule for both agents
agents    every request through conversation.process, for both agents, from the same states
figures   accuracy, wrong actions, latency: per agent, per file, per kind, and row by row
vote_price the vote's price and what it buys, straight on the engine
load      many requests at once through our agent
memory    resident memory and model file sizes
report    the Markdown report, the JSON figures and every row as TSV
plots     the PNG figures
backends  the three backends side by side (NumPy, llama.cpp in process, llama-server)
house_file a written-down house (models/eval/houses/): its home and its rows
"""
