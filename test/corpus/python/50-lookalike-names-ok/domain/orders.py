"""Order domain: methods named like LLM calls but nothing to do with LLMs."""
import asyncio
from dataclasses import dataclass, field


@dataclass
class Order:
    id: int
    items: list[str] = field(default_factory=list)
    done: bool = False

    def complete(self) -> "Order":
        self.done = True
        return self


class Chat:
    """Customer-support chat transcript (no model behind it)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def create(self, text: str) -> str:
        self.lines.append(text)
        return text


class Completions:
    def __init__(self) -> None:
        self.chat = Chat()


class RpcClient:
    def invoke(self, method: str, **params) -> dict:
        return {"method": method, "params": params}

    async def ainvoke(self, method: str, **params) -> dict:
        await asyncio.sleep(0)
        return self.invoke(method, **params)
