"""Services: an async one over the async client, and a coroutine the Flask view runs on its own loop."""
from openai import AsyncOpenAI, OpenAI

aclient = AsyncOpenAI(timeout=30)
client = OpenAI(timeout=30)


async def reply(message: str) -> str:
    out = await aclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": message}])
    return out.choices[0].message.content or ""


async def summarize_batch(texts: list[str]) -> list[str]:
    # Only ever run by asyncio.run from the sync Flask view below: no server loop to block.
    out = []
    for text in texts:
        r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarize: {text}"}])
        out.append(r.choices[0].message.content or "")
    return out
