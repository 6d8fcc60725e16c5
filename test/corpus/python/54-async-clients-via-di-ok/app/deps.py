from collections.abc import AsyncIterator
from functools import lru_cache

from anthropic import AsyncAnthropic
from groq import AsyncGroq
from openai import AsyncOpenAI


@lru_cache
def get_claude() -> AsyncAnthropic:
    return AsyncAnthropic(timeout=30)


async def get_openai() -> AsyncIterator[AsyncOpenAI]:
    client = AsyncOpenAI(timeout=30)
    try:
        yield client
    finally:
        await client.close()


class FastModel:
    def __init__(self) -> None:
        self._client = AsyncGroq()

    async def answer(self, q: str) -> str:
        r = await self._client.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": q}])
        return r.choices[0].message.content


fast_model = FastModel()
