"""Per-request chat sessions: an async context manager that opens a conversation for each request."""
from contextlib import asynccontextmanager

from openai import OpenAI

client = OpenAI(timeout=20)


@asynccontextmanager
async def conversation(user: str):
    opening = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": f"Greet {user}"}])  # expect: blocking-llm-call
    yield opening.choices[0].message.content
