"""Model access for the whole app: one async client for requests, one sync client for the threadpool routes."""
from openai import AsyncOpenAI, OpenAI

writer = AsyncOpenAI()  # 600 s per attempt, 3 attempts
translator = OpenAI(max_retries=1)  # 600 s per attempt, 2 attempts
quick = AsyncOpenAI(timeout=12, max_retries=1)  # 12 s x 2 attempts + backoff: well under nginx's 60 s


async def headline(text: str) -> str:
    r = await writer.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Headline for: {text}"}])  # expect: timeout-exceeds-server-limit
    return r.choices[0].message.content or ""


async def tags(text: str) -> list[str]:
    r = await quick.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Comma-separated tags: {text}"}])
    return [t.strip() for t in (r.choices[0].message.content or "").split(",") if t.strip()]


def translate(text: str, lang: str) -> str:
    r = translator.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Translate to {lang}: {text}"}])  # expect: timeout-exceeds-server-limit
    return r.choices[0].message.content or ""


async def weekly_digest(titles: list[str]) -> str:
    # Only the batch job calls this; no request waits for it.
    r = await writer.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Digest: " + "; ".join(titles)}])
    return r.choices[0].message.content or ""
