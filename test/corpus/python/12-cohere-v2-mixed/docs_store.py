import json
from pathlib import Path

# Read once at import time, so request handlers never touch the disk.
_DOCUMENTS: list[str] = json.loads(Path(__file__).with_name("docs.json").read_text())


def load_documents() -> list[str]:
    return _DOCUMENTS
