import json
from functools import lru_cache
from pathlib import Path


@lru_cache
def load_documents() -> list[str]:
    return json.loads(Path("docs.json").read_text())
