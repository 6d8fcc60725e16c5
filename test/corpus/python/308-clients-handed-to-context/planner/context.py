"""What every graph node gets: the model and the settings, as one dataclass."""
from dataclasses import dataclass
from typing import Any


@dataclass
class NodeContext:
    model: Any
    timezone: str = "UTC"
