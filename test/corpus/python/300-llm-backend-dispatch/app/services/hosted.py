"""The hosted provider: a sync client called from a coroutine."""
from openai import OpenAI

client = OpenAI(timeout=20, max_retries=2)


async def complete_hosted(prompt: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])  # expect: blocking-llm-call
    return reply.choices[0].message.content or ""
