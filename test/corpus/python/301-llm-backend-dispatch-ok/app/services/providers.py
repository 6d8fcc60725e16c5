"""Providers behind one interface: every override keeps the loop free."""
import asyncio
import os
from abc import ABC, abstractmethod

from anthropic import Anthropic, AsyncAnthropic
from openai import AsyncOpenAI


class Provider(ABC):
    @abstractmethod
    async def answer(self, question: str) -> str:
        """Answer one question."""


class OpenAIProvider(Provider):
    def __init__(self) -> None:
        self.client = AsyncOpenAI(timeout=30)

    async def answer(self, question: str) -> str:
        reply = await self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
        return reply.choices[0].message.content or ""


class ClaudeProvider(Provider):
    """The sync SDK, run in a worker thread."""

    def __init__(self) -> None:
        self.client = Anthropic(timeout=30)

    def _ask(self, question: str) -> str:
        reply = self.client.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
        return reply.content[0].text

    async def answer(self, question: str) -> str:
        return await asyncio.to_thread(self._ask, question)


class StreamingClaudeProvider(Provider):
    def __init__(self) -> None:
        self.client = AsyncAnthropic(timeout=60)

    async def answer(self, question: str) -> str:
        parts = []
        async with self.client.messages.stream(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}]) as stream:
            async for text in stream.text_stream:
                parts.append(text)
        return "".join(parts)


def get_provider() -> Provider:
    name = os.getenv("PROVIDER", "openai")
    if name == "claude":
        return ClaudeProvider()
    if name == "claude-stream":
        return StreamingClaudeProvider()
    return OpenAIProvider()


class Notifier:
    """Default notifier: only logs (its subclass below is used by the nightly job, not by requests)."""

    def notify(self, text: str) -> None:
        print(f"notify: {text}")


class DigestNotifier(Notifier):
    def __init__(self) -> None:
        self.client = Anthropic(timeout=30)

    def notify(self, text: str) -> None:
        digest = self.client.messages.create(model="claude-haiku-4-5", max_tokens=200, messages=[{"role": "user", "content": f"Digest: {text}"}])
        print(digest.content[0].text)
