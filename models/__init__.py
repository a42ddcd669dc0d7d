"""The workshop: dataset, tokenizer, training and export of the project's models.

It shares code with the integration's engine (the text normaliser, and the engine itself to check
exported models), which is plain Python without Home Assistant. The integration package's
`__init__` imports Home Assistant, which this Python 3.11 environment does not have, so the
engine is imported here as the top-level package `engine`, from its folder.
"""

import sys
from pathlib import Path

ENGINE_PARENT = Path(__file__).resolve().parent.parent / "custom_components" / "llm_ensemble"
if str(ENGINE_PARENT) not in sys.path:
    sys.path.insert(0, str(ENGINE_PARENT))
