"""Model access: the async client is awaited, the sync one runs only in threads."""
from openai import AsyncOpenAI, OpenAI

writer = AsyncOpenAI()  # long waits, but awaited: the event loop keeps answering the heartbeat
translator = OpenAI(max_retries=1)


async def headline(text: str) -> str:
    r = await writer.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Headline for: {text}"}])
    return r.choices[0].message.content or ""


def translate(text: str, lang: str) -> str:
    r = translator.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Translate to {lang}: {text}"}])
    return r.choices[0].message.content or ""
