"""Response records of the gateway (a local class that happens to share a name with openai 0.x's)."""
from dataclasses import dataclass


@dataclass
class ChatCompletion:
    text: str

    @classmethod
    def create(cls, text: str) -> "ChatCompletion":
        return cls(text=text)
