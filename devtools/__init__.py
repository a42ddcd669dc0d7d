"""Development helpers shared by the tests and the scripts, never by the installed integration.

`local_server` starts llama.cpp's `llama-server` (the one scripts/setup builds) on this machine;
`served` gives scripts a blocking Ensemble on such a server.
"""
