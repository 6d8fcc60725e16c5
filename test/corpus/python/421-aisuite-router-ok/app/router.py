"""A multi-provider router over aisuite with a timeout for every provider, kept off the event loop."""
import asyncio

import aisuite as ai
from aisuite import AsyncClient, Client

PROVIDERS = {
    "openai": {"timeout": 30, "max_retries": 1},
    "anthropic": {"timeout": 30, "max_retries": 1},
}

client = Client(provider_configs=PROVIDERS)
inline = ai.Client({"openai": {"timeout": 20}, "groq": {"timeout": 20}})
aclient = AsyncClient(provider_configs={"openai": {"timeout": 25}})


def answer_sync(message: str) -> str:
    reply = client.chat.completions.create(model="openai:gpt-4o-mini", messages=[{"role": "user", "content": message}])
    return reply.choices[0].message.content


async def answer_async(message: str) -> str:
    reply = await aclient.chat.completions.create(model="openai:gpt-4o-mini", messages=[{"role": "user", "content": message}])
    return reply.choices[0].message.content


async def answer_threaded(message: str) -> str:
    # The sync client's request waits in a worker thread, not on the loop.
    return await asyncio.to_thread(answer_sync, message)


def quick(message: str) -> str:
    return inline.chat.completions.create(model="groq:llama-3.1-8b-instant", messages=[{"role": "user", "content": message}]).choices[0].message.content
