"""An agent whose async flow awaits the async client: nothing blocks the worker's loop."""
from openai import AsyncOpenAI

client = AsyncOpenAI(timeout=20, max_retries=1)


async def complete(prompt: str) -> str:
    reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content or ""


class Agent:
    async def flow(self, prompt: str) -> str:
        return await complete(prompt)
